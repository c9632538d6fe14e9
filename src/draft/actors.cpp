// The actors a sentence names, for the role rules: persons, groups ("the two leaders", "five
// Ministers", "the Ministers of Defence and Foreign Affairs"), titles in the plural with their
// country (their posts), organisations and countries.

#include <algorithm>

#include "persons_detail.hpp"
#include "roles_detail.hpp"

namespace bilateral::draft::detail {
namespace {

bool insidePersonOrOffice(const Analysis& a, Range r) {
    for (const auto& p : a.persons) {
        if (p.range.contains(r.first)) return true;
    }
    for (const auto& o : a.offices) {
        if (o.range.contains(r.first)) return true;
    }
    return false;
}

/// The persons "the two leaders", "i due ministri", "the two defence ministers" stand for: the
/// two of that rank named last before the phrase.
std::vector<int> pairNamed(const Analysis& a, int token, const std::string& rank,
                           const std::string& portfolio) {
    std::vector<std::pair<int, int>> lastSeen;  // (last mention token, person)
    for (const auto& pm : a.persons) {
        if (pm.range.first >= token) break;
        const auto& person = a.people[static_cast<std::size_t>(pm.person)];
        const bool fits = std::any_of(person.posts.begin(), person.posts.end(), [&](int p) {
            const auto& post = a.posts[static_cast<std::size_t>(p)];
            return post.rank == rank &&
                   (portfolio.empty() || post.office.find(portfolio) != std::string::npos);
        });
        if (!fits) continue;
        auto it = std::find_if(lastSeen.begin(), lastSeen.end(),
                               [&](const auto& x) { return x.second == pm.person; });
        if (it != lastSeen.end()) lastSeen.erase(it);
        lastSeen.emplace_back(pm.range.first, pm.person);
    }
    if (lastSeen.size() < 2) return {};
    return {lastSeen[lastSeen.size() - 2].second, lastSeen.back().second};
}

void pairPhrases(Analysis& a, const Sentence& sen, std::vector<ActorAt>& out) {
    for (int i = sen.first; i + 2 < sen.last; ++i) {
        if (!foldIs(a, i, {"the", "i", "both", "entrambi"})) continue;
        int k = i + 1;
        const bool counted = foldIs(a, k, {"two", "due"});
        if (counted) ++k;
        if (!counted && !foldIs(a, i, {"both", "entrambi"})) continue;
        std::string portfolio;
        if (const auto m = a.tables.match(a.tokens, k, sen.last, a.language, {Lex::Portfolio})) {
            portfolio = a.tables.portfolios[static_cast<std::size_t>(m->entries[0].value)];
            k += m->length;
        }
        std::string rank;
        if (foldIs(a, k, {"leaders", "leader", "heads"})) rank = "leader";
        if (foldIs(a, k, {"ministers", "ministri"})) rank = "minister";
        if (rank.empty()) continue;
        for (const int p : pairNamed(a, i, rank, portfolio)) {
            out.push_back({{i, k + 1}, {ActorRef::Type::Person, p}});
        }
    }
}

int groupFor(Analysis& a, Range r, int sentence, const std::string& country) {
    for (std::size_t g = 0; g < a.groups.size(); ++g) {
        if (a.groups[g].range.first == r.first) return static_cast<int>(g);
    }
    a.groups.push_back({a.writtenUtf8(r), country, r, sentence});
    return static_cast<int>(a.groups.size()) - 1;
}

/// "five Ministers", "several ministers", "cinque ministri".
void countedMinisters(Analysis& a, int s, const Sentence& sen, std::vector<ActorAt>& out) {
    for (int i = sen.first; i + 1 < sen.last; ++i) {
        const Token& t = a.tokens[static_cast<std::size_t>(i)];
        const bool count = t.type == TokenType::Number ||
                           foldIs(a, i,
                                  {"three", "four", "five", "six", "seven", "several", "tre",
                                   "quattro", "cinque", "sei", "sette", "alcuni"});
        if (!count || !foldIs(a, i + 1, {"ministers", "ministri"})) continue;
        if (i + 2 < sen.last && foldIs(a, i + 2, {"of", "for", "del", "della", "degli", "dei"})) {
            continue;  // "five Ministers of ..." is a plural title
        }
        const Range r{i, i + 2};
        out.push_back({r, {ActorRef::Type::Group, groupFor(a, r, s, "")}});
    }
}

void pluralTitles(Analysis& a, int s, std::vector<ActorAt>& out) {
    for (const int o : Analysis::inSentence(a.offices, s)) {
        auto& om = a.offices[static_cast<std::size_t>(o)];
        if (!om.plural || om.person >= 0) continue;
        if (!om.country.empty()) {
            om.post = postFor(a, om);
            out.push_back({om.range, {ActorRef::Type::Post, om.post}});
        } else {
            out.push_back({om.range, {ActorRef::Type::Group, groupFor(a, om.range, s, "")}});
        }
    }
}

}  // namespace

std::vector<ActorAt> actorsIn(Analysis& a, int s) {
    const auto& sen = a.sentences[static_cast<std::size_t>(s)];
    std::vector<ActorAt> out;
    for (const int p : Analysis::inSentence(a.persons, s)) {
        const auto& pm = a.persons[static_cast<std::size_t>(p)];
        out.push_back({pm.range, {ActorRef::Type::Person, pm.person}});
    }
    pairPhrases(a, sen, out);
    countedMinisters(a, s, sen, out);
    pluralTitles(a, s, out);
    for (const int o : Analysis::inSentence(a.orgMentions, s)) {
        const auto& om = a.orgMentions[static_cast<std::size_t>(o)];
        out.push_back({om.range, {ActorRef::Type::Org, om.org}});
    }
    for (const int c : Analysis::inSentence(a.countries, s)) {
        const auto& cm = a.countries[static_cast<std::size_t>(c)];
        if (cm.adjective || insidePersonOrOffice(a, cm.range)) continue;
        out.push_back({cm.range, {ActorRef::Type::Country, cm.country}});
    }
    std::stable_sort(out.begin(), out.end(), [](const ActorAt& x, const ActorAt& y) {
        return x.range.first < y.range.first;
    });
    // A person inside a group phrase's range (never) or an org inside a person: keep the first.
    return out;
}

}  // namespace bilateral::draft::detail
