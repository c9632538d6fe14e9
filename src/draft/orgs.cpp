// Organisations: capitalized names around a head word ("Ministry of Foreign Affairs", "Italian
// Trade Agency", "Ambasciata d'Italia"), company names with their suffix ("Eni S.p.A."), an
// acronym in brackets after a name ("(MIDA)"), and lists of acronyms in brackets after a
// description ("the Italian system (CDP, SACE, SIMEST, ICE)").

#include <algorithm>

#include "analysis.hpp"
#include "persons_detail.hpp"
#include "text.hpp"

namespace bilateral::draft {
namespace {

const std::initializer_list<std::string_view> kInside{
    "of",    "for",   "and",   "&",   "on",    "in", "di",  "del", "della",
    "dello", "dell'", "degli", "dei", "delle", "d'", "per", "e"};

bool capWord(const Analysis& a, int i, int end) {
    return i < end && a.tokens[static_cast<std::size_t>(i)].word() &&
           a.tokens[static_cast<std::size_t>(i)].cap;
}

std::optional<OrgWordInfo> orgWordAt(const Analysis& a, int i, int end, int& length) {
    const auto m = a.tables.match(a.tokens, i, end, a.language, {Lex::OrgWord});
    if (!m) return std::nullopt;
    length = m->length;
    return a.tables.orgWords[static_cast<std::size_t>(m->entries[0].value)];
}

/// Capitalized words after `i` joined by the small words names have inside ("of", "and").
int capitalsAfter(const Analysis& a, int i, int end) {
    int k = i, last = i;
    while (k < end) {
        if (capWord(a, k, end)) {
            last = ++k;
        } else if (foldIs(a, k, kInside) && capWord(a, k + 1, end)) {
            ++k;
        } else {
            break;
        }
    }
    return last;
}

int capitalsBefore(const Analysis& a, int i, int first) {
    int k = i;
    while (k - 1 >= first && capWord(a, k - 1, i) && k > i - 6) --k;
    return k;
}

std::string countryIn(const Analysis& a, Range r) {
    for (const auto& cm : a.countries) {
        if (cm.range.first >= r.first && cm.range.last <= r.last) {
            return a.tables.countries[static_cast<std::size_t>(cm.country)].code;
        }
    }
    return {};
}

/// "(MIDA)" right after the name: its acronym.
std::string acronymAfter(const Analysis& a, int& last, int end) {
    if (!foldIs(a, last, {"("}) || last + 2 >= end || !foldIs(a, last + 2, {")"})) return {};
    const Token& t = a.tokens[static_cast<std::size_t>(last + 1)];
    if (!t.allCaps) return {};
    const std::string acronym = a.writtenUtf8({last + 1, last + 2});
    last += 3;
    return acronym;
}

bool overlapsTaken(const Analysis& a, Range r) {
    for (const auto& p : a.persons) {
        if (p.range.first < r.last && r.first < p.range.last) return true;
    }
    for (const auto& o : a.offices) {
        if (o.range.first < r.last && r.first < o.range.last) return true;
    }
    for (const auto& o : a.orgMentions) {
        if (o.range.first < r.last && r.first < o.range.last) return true;
    }
    return false;
}

void addMention(Analysis& a, Range name, Range whole, model::ActorKind kind,
                const std::string& acronym, int s) {
    if (overlapsTaken(a, whole)) return;
    OrgMention om;
    om.range = whole;
    om.name = a.writtenUtf8(name);
    om.acronym = acronym;
    om.kind = kind;
    om.country = countryIn(a, name);
    om.sentence = s;
    a.orgMentions.push_back(om);
}

void namedOrgs(Analysis& a, int s, const Sentence& sen) {
    for (int i = sen.first; i < sen.last;) {
        int length = 0;
        const auto word = orgWordAt(a, i, sen.last, length);
        if (!word || !a.tokens[static_cast<std::size_t>(i)].cap) {
            ++i;
            continue;
        }
        Range name{i, i + length};
        if (word->suffix) {
            name.first = capitalsBefore(a, i, sen.first);
            if (name.first == i) {
                i += length;
                continue;
            }
        } else {
            name.first = capitalsBefore(a, i, sen.first);
            name.last = std::max(name.last, capitalsAfter(a, i + length, sen.last));
            if (name.last - name.first == length) {  // a head word alone ("the Ministry")
                i += length;
                continue;
            }
        }
        int last = name.last;
        const std::string acronym = acronymAfter(a, last, sen.last);
        addMention(a, name, {name.first, last}, word->kind, acronym, s);
        i = last;
    }
}

/// "(CDP, SACE, SIMEST, ICE)": acronyms listed in brackets, each an institution of the country
/// named just before the bracket ("the Italian system").
void acronymLists(Analysis& a, int s, const Sentence& sen) {
    for (int i = sen.first; i < sen.last; ++i) {
        if (!foldIs(a, i, {"("})) continue;
        std::vector<int> acronyms;
        int k = i + 1;
        while (k < sen.last && a.tokens[static_cast<std::size_t>(k)].allCaps) {
            acronyms.push_back(k);
            ++k;
            if (!foldIs(a, k, {","})) break;
            ++k;
        }
        if (acronyms.size() < 2 || !foldIs(a, k, {")"})) continue;
        std::string country;
        for (const auto& cm : a.countries) {
            if (cm.sentence == s && cm.range.last <= i && i - cm.range.last <= 2) {
                country = a.tables.countries[static_cast<std::size_t>(cm.country)].code;
            }
        }
        for (const int t : acronyms) {
            if (a.tables.match(a.tokens, t, t + 1, a.language, {Lex::Country})) continue;
            addMention(a, {t, t + 1}, {t, t + 1}, model::ActorKind::Institution, "", s);
            if (!a.orgMentions.empty() && a.orgMentions.back().range.first == t) {
                a.orgMentions.back().country = country;
            }
        }
    }
}

int orgFor(Analysis& a, const OrgMention& om) {
    const std::string key = fold(fromUtf8(om.name));
    for (std::size_t o = 0; o < a.orgs.size(); ++o) {
        auto& org = a.orgs[o];
        const bool same =
            fold(fromUtf8(org.name)) == key ||
            (!org.acronym.empty() && fold(fromUtf8(org.acronym)) == key) ||
            (!om.acronym.empty() && fold(fromUtf8(om.acronym)) == fold(fromUtf8(org.name)));
        if (!same) continue;
        if (org.acronym.empty()) org.acronym = om.acronym;
        if (org.country.empty()) org.country = om.country;
        if (!om.acronym.empty() && org.name == om.acronym) org.name = om.name;
        return static_cast<int>(o);
    }
    a.orgs.push_back({om.name, om.acronym, om.country, om.kind, {}});
    return static_cast<int>(a.orgs.size()) - 1;
}

}  // namespace

void findOrgs(Analysis& a) {
    for (std::size_t s = 0; s < a.sentences.size(); ++s) {
        namedOrgs(a, static_cast<int>(s), a.sentences[s]);
        acronymLists(a, static_cast<int>(s), a.sentences[s]);
    }
    std::sort(
        a.orgMentions.begin(), a.orgMentions.end(),
        [](const OrgMention& x, const OrgMention& y) { return x.range.first < y.range.first; });
    for (std::size_t m = 0; m < a.orgMentions.size(); ++m) {
        auto& om = a.orgMentions[m];
        om.org = orgFor(a, om);
        a.orgs[static_cast<std::size_t>(om.org)].mentions.push_back(static_cast<int>(m));
    }
}

}  // namespace bilateral::draft
