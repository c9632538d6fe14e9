// Titles of office: a table's office ("Prime Minister", "Presidente del Consiglio"), or a
// minister with portfolios ("Minister of Investment, Trade and Industry", "Defence Minister",
// "Ministro degli Affari Esteri e della Cooperazione Internazionale"), with the country the
// title names before or after it ("Malaysian", "Italy’s", "of Malaysia", "della Malesia",
// "malese") and an envoy's host country ("to Italy", "in Italia", "a Roma").

#include <algorithm>

#include "analysis.hpp"
#include "text.hpp"

namespace bilateral::draft {
namespace {

const std::initializer_list<std::string_view> kItalianOf{"del",   "dello", "della", "dell'", "dei",
                                                         "degli", "delle", "di",    "d'",    "per"};
const std::initializer_list<std::string_view> kJoin{",", "and", "&", "e", "ed"};
const std::initializer_list<std::string_view> kMinisterHeads{"minister", "ministro", "ministra",
                                                             "deputy minister"};
const std::initializer_list<std::string_view> kPluralHeads{"ministers", "ministri"};

bool is(const Analysis& a, int t, std::initializer_list<std::string_view> folds, int end) {
    return t < end && foldIs(a, t, folds);
}

/// Portfolios from `i`: "Investment, Trade and Industry", "degli Esteri", "of Defence and of
/// Enterprises and Made in Italy". Returns the indices and moves `i` past the last one.
std::vector<int> portfolioRun(const Analysis& a, int& i, int end) {
    std::vector<int> out;
    int k = i;
    while (k < end) {
        int p = k;
        if (!out.empty()) {
            if (!is(a, p, kJoin, end)) break;
            ++p;
            if (is(a, p, {"and", "e"}, end)) ++p;  // ", and"
        }
        if (is(a, p, {"of", "for"}, end) || is(a, p, kItalianOf, end)) ++p;
        const auto m = a.tables.match(a.tokens, p, end, a.language, {Lex::Portfolio});
        if (!m) break;
        out.push_back(m->entries.front().value);
        k = p + m->length;
        i = k;
    }
    return out;
}

std::string portfolioName(const Analysis& a, const std::vector<int>& list) {
    std::string out;
    for (std::size_t k = 0; k < list.size(); ++k) {
        if (k > 0) out += k + 1 == list.size() ? " and " : ", ";
        out += a.tables.portfolios[static_cast<std::size_t>(list[k])];
    }
    return out;
}

/// A country named right after a title: "of Malaysia", "of the Italian Republic", "della
/// Repubblica di Singapore", "della Malesia", an Italian adjective ("malese"). Returns the end.
int countryAfter(Analysis& a, int i, int end, std::string& country) {
    int k = i;
    if (is(a, k, {"of", "for"}, end)) {
        ++k;
        if (is(a, k, {"the"}, end)) ++k;
    } else if (is(a, k, kItalianOf, end)) {
        ++k;
        if (is(a, k, {"repubblica"}, end) && is(a, k + 1, {"di"}, end)) k += 2;
    } else if (a.language == Language::Italian) {
        const auto m = a.tables.match(a.tokens, k, end, a.language, {Lex::Adjective});
        if (m && !a.tokens[static_cast<std::size_t>(k)].cap) {
            country = a.tables.countries[static_cast<std::size_t>(m->entries[0].value)].code;
            return k + m->length;
        }
        return i;
    } else {
        return i;
    }
    const auto m = a.tables.match(a.tokens, k, end, a.language, {Lex::Country, Lex::Adjective});
    if (!m) return i;
    const auto& e = m->entries.front();
    country = a.tables.countries[static_cast<std::size_t>(e.value)].code;
    int last = k + m->length;
    if (e.type == Lex::Adjective) {  // "of the Italian Republic"
        if (!is(a, last, {"republic", "government", "kingdom"}, end)) return i;
        ++last;
    }
    return last;
}

/// An envoy's host: "to Italy", "in Italia", "a Roma" (a place's country).
int hostAfter(const Analysis& a, int i, int end, std::string& country) {
    if (!is(a, i, {"to", "in", "a", "presso"}, end)) return i;
    const auto m = a.tables.match(a.tokens, i + 1, end, a.language, {Lex::Country, Lex::Place});
    if (!m) return i;
    if (const auto* c = m->find(Lex::Country)) {
        country = a.tables.countries[static_cast<std::size_t>(c->value)].code;
    } else {
        country = a.tables.places[static_cast<std::size_t>(m->entries[0].value)].country;
    }
    return i + 1 + m->length;
}

/// The country before a title: an adjective or a possessive ending right before `first`, also
/// across "counterpart," ("his Italian counterpart, Minister ...").
int countryBefore(const Analysis& a, int first, int sentenceFirst, std::string& country) {
    int k = first;
    if (k - 2 >= sentenceFirst && foldIs(a, k - 1, {","}) && foldIs(a, k - 2, {"counterpart"})) {
        k -= 2;
    }
    for (const auto& cm : a.countries) {
        if (cm.range.last == k && cm.range.first >= sentenceFirst &&
            (cm.adjective || cm.possessive)) {
            country = a.tables.countries[static_cast<std::size_t>(cm.country)].code;
            return k == first ? cm.range.first : first;
        }
    }
    return first;
}

struct Core {
    std::string office, rank, country;
    bool plural = false;
    int end = 0;
    std::vector<std::string> split;  ///< a plural title's offices, one per portfolio
};

/// The title's core at `i`: a table office, or a minister with portfolios.
std::optional<Core> coreAt(const Analysis& a, int i, int end) {
    Core c;
    const bool plural = is(a, i, kPluralHeads, end);
    const auto m = a.tables.match(a.tokens, i, end, a.language, {Lex::Office});
    const bool head = plural || (m && is(a, i, kMinisterHeads, end)) ||
                      (m && a.tables.offices[static_cast<std::size_t>(m->entries[0].value)].name ==
                                "Deputy Minister");
    if (head) {
        int k = i + (plural ? 1 : m->length);
        const auto list = portfolioRun(a, k, end);
        const std::string base =
            plural ? "Minister"
                   : a.tables.offices[static_cast<std::size_t>(m->entries[0].value)].name;
        if (!list.empty()) {
            c.office = base + " of " + portfolioName(a, list);
            for (const int p : list) {
                c.split.push_back(base + " of " + a.tables.portfolios[static_cast<std::size_t>(p)]);
            }
            c.rank = "minister";
            c.plural = plural;
            c.end = k;
            return c;
        }
        if (plural) return std::nullopt;
    }
    if (m) {
        const auto& info = a.tables.offices[static_cast<std::size_t>(m->entries[0].value)];
        c.office = info.name;
        c.rank = info.rank;
        c.country = info.country;
        c.end = i + m->length;
        return c;
    }
    // "Defence Minister", "Investment, Trade and Industry Minister(s)".
    int k = i;
    const auto list = portfolioRun(a, k, end);
    if (list.empty() || !is(a, k, {"minister", "ministers"}, end)) return std::nullopt;
    c.plural = foldIs(a, k, {"ministers"});
    c.office = "Minister of " + portfolioName(a, list);
    for (const int p : list) {
        c.split.push_back("Minister of " + a.tables.portfolios[static_cast<std::size_t>(p)]);
    }
    c.rank = "minister";
    c.end = k + 1;
    return c;
}

void officesIn(Analysis& a, int s, const Sentence& sen) {
    for (int i = sen.first; i < sen.last;) {
        auto core = coreAt(a, i, sen.last);
        if (!core) {
            ++i;
            continue;
        }
        OfficeMention om;
        om.office = core->office;
        om.rank = core->rank;
        om.plural = core->plural;
        om.sentence = s;
        std::string country;
        int last = countryAfter(a, core->end, sen.last, country);
        if (!country.empty()) {
            om.country = country;
            om.countryStated = true;
        }
        if (core->rank == "envoy") last = hostAfter(a, last, sen.last, om.toCountry);
        std::string before;
        const int first = countryBefore(a, i, sen.first, before);
        if (om.country.empty() && !before.empty()) {
            om.country = before;
            om.countryStated = true;
        }
        if (om.country.empty() && !core->country.empty()) {
            om.country = core->country;
            om.countryStated = true;
        }
        om.range = {first, last};
        if (om.plural && core->split.size() > 1) {
            for (const auto& office : core->split) {
                OfficeMention one = om;
                one.office = office;
                a.offices.push_back(one);
            }
        } else {
            a.offices.push_back(om);
        }
        i = last;
    }
}

}  // namespace

void findOffices(Analysis& a) {
    for (std::size_t s = 0; s < a.sentences.size(); ++s) {
        officesIn(a, static_cast<int>(s), a.sentences[s]);
    }
}

}  // namespace bilateral::draft
