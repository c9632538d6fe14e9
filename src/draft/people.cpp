// Persons from their mentions (persons.cpp): one person per name, with the countries and posts
// its titles give.

#include <algorithm>

#include "persons_detail.hpp"
#include "text.hpp"

namespace bilateral::draft::detail {
namespace {

std::vector<std::string> nameTokens(const Analysis& a, Range name) {
    std::vector<std::string> out;
    for (int k = name.first; k < name.last; ++k) {
        const Token& t = a.tokens[static_cast<std::size_t>(k)];
        if (t.cap) out.push_back(t.fold);
    }
    return out;
}

std::vector<std::string> splitWords(const std::string& folded) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from < folded.size()) {
        auto sp = folded.find(' ', from);
        if (sp == std::string::npos) sp = folded.size();
        if (sp > from) out.push_back(folded.substr(from, sp - from));
        from = sp + 1;
    }
    return out;
}

bool subset(const std::vector<std::string>& small, const std::vector<std::string>& big) {
    if (small.empty()) return false;
    return std::all_of(small.begin(), small.end(), [&](const std::string& w) {
        return std::find(big.begin(), big.end(), w) != big.end();
    });
}

/// The person a name belongs to: the same words, or words one of them has all of (only when
/// one person fits).
int personNamed(const Analysis& a, const std::vector<std::string>& words) {
    int found = -1;
    for (std::size_t p = 0; p < a.people.size(); ++p) {
        const auto theirs = splitWords(fold(fromUtf8(a.people[p].name)));
        if (theirs == words) return static_cast<int>(p);
        if (subset(words, theirs) || subset(theirs, words)) {
            if (found >= 0) return -2;  // ambiguous
            found = static_cast<int>(p);
        }
    }
    return found;
}

void addAlias(Person& p, const std::string& alias) {
    if (alias != p.name &&
        std::find(p.aliases.begin(), p.aliases.end(), alias) == p.aliases.end()) {
        p.aliases.push_back(alias);
    }
}

void setCountry(Person& p, const std::string& country, const std::string& why) {
    if (!p.country.empty() || country.empty()) return;
    p.country = country;
    p.countryWhy = why;
}

}  // namespace

/// "Minister Rosli Abdullah" after "the Minister of Foreign Affairs of Malaysia, ... Rosli
/// Abdullah", "il Presidente Colombo" after "Il Presidente del Consiglio dei Ministri, Sandra
/// Colombo": a bare title is the fuller post the same person holds.
int fullerPost(const Analysis& a, const OfficeMention& om) {
    if (om.person < 0) return -1;
    for (const int p : a.people[static_cast<std::size_t>(om.person)].posts) {
        const auto& post = a.posts[static_cast<std::size_t>(p)];
        if (post.office.size() > om.office.size() && post.office.starts_with(om.office + " ") &&
            (om.country.empty() || om.country == post.country)) {
            return p;
        }
    }
    return -1;
}

int postFor(Analysis& a, const OfficeMention& om) {
    if (const int fuller = fullerPost(a, om); fuller >= 0) return fuller;
    for (std::size_t k = 0; k < a.posts.size(); ++k) {
        const auto& p = a.posts[k];
        if (p.office == om.office && p.country == om.country && p.toCountry == om.toCountry) {
            return static_cast<int>(k);
        }
    }
    a.posts.push_back({om.office, om.country, om.toCountry, om.rank, {}});
    return static_cast<int>(a.posts.size()) - 1;
}

void makePeople(Analysis& a) {
    for (auto& pm : a.persons) {
        const auto words = nameTokens(a, pm.name);
        int p = personNamed(a, words);
        const std::string name = a.writtenUtf8(pm.name);
        if (p < 0) {
            a.people.push_back({});
            p = static_cast<int>(a.people.size()) - 1;
            a.people.back().name = name;
        } else if (words.size() > splitWords(fold(fromUtf8(a.people[p].name))).size()) {
            addAlias(a.people[p], a.people[p].name);
            a.people[p].name = name;  // the fuller name
        }
        pm.person = p;
        Person& person = a.people[static_cast<std::size_t>(p)];
        if (!pm.honorific.empty()) addAlias(person, a.writtenUtf8(cover(pm.honorific, pm.name)));
        addAlias(person, name);
        for (const int o : pm.offices) {
            auto& om = a.offices[static_cast<std::size_t>(o)];
            om.person = p;
            if (om.countryStated)
                setCountry(person, om.country, "the title \"" + a.writtenUtf8(om.range) + "\"");
        }
        setCountry(person, honorificCountry(a, pm.honorific),
                   "the honorific \"" + a.writtenUtf8(pm.honorific) + "\"");
    }
    // Titles without a country take their holder's ("Prime Minister Anwar Ibrahim" after
    // "Malaysian Prime Minister ... Anwar Ibrahim").
    for (auto& om : a.offices) {
        if (om.person < 0) continue;
        auto& person = a.people[static_cast<std::size_t>(om.person)];
        if (om.country.empty()) om.country = person.country;
        om.post = postFor(a, om);
        auto& posts = person.posts;
        if (std::find(posts.begin(), posts.end(), om.post) == posts.end()) posts.push_back(om.post);
    }
}

void repeatedNames(Analysis& a) {
    scanForNames(a, [&a](int sentence, Range hon, Range name) {
        if (name.empty()) return false;
        bool inside = false;
        for (int k = name.first; k < name.last && !inside; ++k) inside = a.personAt(k) >= 0;
        const int p = inside ? -1 : personNamed(a, nameTokens(a, name));
        if (p >= 0) {
            PersonMention pm;
            pm.range = cover(hon, name);
            pm.name = name;
            pm.honorific = {hon.first, hon.last};
            pm.person = p;
            pm.sentence = sentence;
            pm.confidence = 0.8;
            pm.how = "named again";
            if (!hon.empty())
                addAlias(a.people[static_cast<std::size_t>(p)], a.writtenUtf8(pm.range));
            a.persons.push_back(pm);
        }
        return true;
    });
}

void titlesAlone(Analysis& a) {
    for (std::size_t o = 0; o < a.offices.size(); ++o) {
        auto& om = a.offices[o];
        if (om.person >= 0 || om.plural) continue;
        int holder = -1, count = 0;
        for (std::size_t p = 0; p < a.people.size(); ++p) {
            for (const int post : a.people[p].posts) {
                const auto& ps = a.posts[static_cast<std::size_t>(post)];
                if (ps.office == om.office && (om.country.empty() || om.country == ps.country)) {
                    if (holder != static_cast<int>(p)) ++count;
                    holder = static_cast<int>(p);
                }
            }
        }
        if (count != 1) continue;
        om.person = holder;
        om.post = a.people[static_cast<std::size_t>(holder)].posts.front();
        for (const int post : a.people[static_cast<std::size_t>(holder)].posts) {
            if (a.posts[static_cast<std::size_t>(post)].office == om.office) om.post = post;
        }
        PersonMention pm;
        pm.range = om.range;
        pm.name = {om.range.last, om.range.last};
        pm.honorific = pm.name;
        pm.offices = {static_cast<int>(o)};
        pm.person = holder;
        pm.sentence = om.sentence;
        pm.confidence = 0.7;
        pm.how = "named by the title alone, which only this person holds in the text";
        a.persons.push_back(pm);
    }
}

}  // namespace bilateral::draft::detail
