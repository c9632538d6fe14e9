// Persons: names next to titles in both word orders ("Defence Minister Datuk Seri Mohamed
// Khaled Nordin", "il Ministro della Difesa, Guido Crosetto", "Massimo Rustico, Ambassador of
// Italy to Malaysia"), after honorifics ("Hon. Antonio Tajani"), and again by part of their name
// ("Santini", "Tengku Azlan") or by their title alone ("the Prime Minister’s invitation").

#include <algorithm>
#include <map>

#include "analysis.hpp"
#include "persons_detail.hpp"
#include "text.hpp"

namespace bilateral::draft {
namespace detail {

/// Lower-case words that may sit inside a name: "Anwar bin Ibrahim", "Ursula von der Leyen".
const std::initializer_list<std::string_view> kParticles{
    "bin", "binti", "bt",  "bte", "al", "van", "von", "der", "de",  "da",
    "di",  "del",   "dos", "du",  "la", "le",  "a/l", "a/p", "ibn", "el"};

/// Words that are never part of a name, whatever their case ("TO" in a heading).
const std::initializer_list<std::string_view> kNeverNames{
    "the", "of", "to",  "in",   "and", "for", "on",  "at", "by", "with", "from", "a", "an",
    "il",  "la", "lo",  "di",   "e",   "per", "con", "da", "su", "tra",  "fra",  "i", "gli",
    "le",  "he", "she", "they", "his", "her", "it",  "we", "mr", "ms",   "mrs"};

/// Titles that Malay names carry inside, in a father's name ("Zafrul Tengku Abdul Aziz").
const std::initializer_list<std::string_view> kInnerTitles{"tengku",   "tunku", "raja", "syed",
                                                           "sharifah", "wan",   "nik",  "megat"};

bool nameWord(const Analysis& a, int i, int end) {
    if (i >= end) return false;
    const Token& t = a.tokens[static_cast<std::size_t>(i)];
    if (!t.word() || !t.cap || t.fold == "'s" || t.allCaps) return false;
    if (std::find(kNeverNames.begin(), kNeverNames.end(), t.fold) != kNeverNames.end()) {
        return false;
    }
    const auto m =
        a.tables.match(a.tokens, i, end, a.language,
                       {Lex::Office, Lex::Country, Lex::Adjective, Lex::Month, Lex::Weekday,
                        Lex::Place, Lex::Honorific, Lex::OrgWord, Lex::Portfolio, Lex::RelDay});
    return !m;
}

Range readName(const Analysis& a, int i, int end) {
    int k = i, last = i;
    int words = 0;
    while (k < end && words < 5) {
        if (nameWord(a, k, end)) {
            ++k;
            ++words;
            last = k;
            continue;
        }
        const Token& t = a.tokens[static_cast<std::size_t>(k)];
        const bool particle =
            (t.word() && !t.cap &&
             std::find(kParticles.begin(), kParticles.end(), t.fold) != kParticles.end()) ||
            std::find(kInnerTitles.begin(), kInnerTitles.end(), t.fold) != kInnerTitles.end();
        if (particle && words > 0 && nameWord(a, k + 1, end)) {
            ++k;
            continue;
        }
        break;
    }
    return {i, last};
}

Range readHonorifics(const Analysis& a, int i, int end) {
    int k = i;
    while (k < end) {
        const auto m = a.tables.match(a.tokens, k, end, a.language, {Lex::Honorific});
        if (!m) break;
        k += m->length;
    }
    return {i, k};
}

std::string honorificCountry(const Analysis& a, Range r) {
    for (int k = r.first; k < r.last;) {
        const auto m = a.tables.match(a.tokens, k, r.last, a.language, {Lex::Honorific});
        if (!m) break;
        const auto& c = a.tables.honorificCountry[static_cast<std::size_t>(m->entries[0].value)];
        if (!c.empty()) return c;
        k += m->length;
    }
    return {};
}

}  // namespace detail

namespace {

using detail::readHonorifics;
using detail::readName;
using detail::scanForNames;

/// Offices joined into one person's titles: "Deputy Prime Minister and Minister of Foreign
/// Affairs", "Vicepresidente del Consiglio e Ministro degli ...". Returns the indices, in order.
std::vector<int> officeGroup(const Analysis& a, std::size_t start, int& end) {
    std::vector<int> group{static_cast<int>(start)};
    end = a.offices[start].range.last;
    for (std::size_t k = start + 1; k < a.offices.size(); ++k) {
        const auto& next = a.offices[k];
        if (next.sentence != a.offices[start].sentence || next.plural) break;
        const int gap = next.range.first - end;
        if (gap != 1 || !foldIs(a, end, {"and", "e", "&", ","})) break;
        group.push_back(static_cast<int>(k));
        end = next.range.last;
    }
    return group;
}

/// A person after titles: [","] [honorifics] name, the name followed by something that ends it.
bool nameAfterTitles(Analysis& a, const std::vector<int>& group, int from, int end) {
    int k = from;
    const bool comma = foldIs(a, k, {","});
    if (comma) ++k;
    const Range hon = readHonorifics(a, k, end);
    const Range name = readName(a, hon.last, end);
    if (name.empty()) return false;
    const int words = name.last - name.first;
    // After a comma the name must be closed off: "the President of the Council, Hon. Giorgia
    // Meloni, and ..."
    if (comma && name.last < end &&
        !foldIs(a, name.last, {",", ".", ")", "and", "e", ";", "-", "("}) &&
        a.tokens[static_cast<std::size_t>(name.last)].cap) {
        return false;
    }
    PersonMention pm;
    pm.range = {a.offices[static_cast<std::size_t>(group.front())].range.first, name.last};
    pm.name = name;
    pm.honorific = hon;
    pm.offices = group;
    pm.sentence = a.offices[static_cast<std::size_t>(group.front())].sentence;
    pm.confidence = words >= 2 ? 0.9 : 0.75;
    pm.how = "named with the title";
    a.persons.push_back(pm);
    return true;
}

/// "Massimo Rustico, Ambassador of Italy to Malaysia": a name of two words or more, a comma,
/// then titles.
void nameBeforeTitles(Analysis& a, const std::vector<int>& group) {
    const auto& first = a.offices[static_cast<std::size_t>(group.front())];
    const Sentence& sen = a.sentences[static_cast<std::size_t>(first.sentence)];
    int comma = first.range.first - 1;
    if (comma > sen.first && foldIs(a, comma, {"the", "il", "la", "l'"})) --comma;
    if (comma <= sen.first || !foldIs(a, comma, {","})) return;
    int start = comma - 1;
    while (start > sen.first && detail::nameWord(a, start - 1, comma)) --start;
    const Range name = readName(a, start, comma);
    if (name.last != comma || name.last - name.first < 2) return;
    if (a.personAt(name.first) >= 0) return;
    PersonMention pm;
    pm.range = {name.first, a.offices[static_cast<std::size_t>(group.back())].range.last};
    pm.name = name;
    pm.honorific = {name.first, name.first};
    pm.offices = group;
    pm.sentence = first.sentence;
    pm.confidence = 0.85;
    pm.how = "named before the title";
    a.persons.push_back(pm);
}

void titledPersons(Analysis& a) {
    for (std::size_t k = 0; k < a.offices.size();) {
        if (a.offices[k].plural) {
            ++k;
            continue;
        }
        int end = 0;
        const auto group = officeGroup(a, k, end);
        const Sentence& sen = a.sentences[static_cast<std::size_t>(a.offices[k].sentence)];
        if (!nameAfterTitles(a, group, end, sen.last)) nameBeforeTitles(a, group);
        k += group.size();
    }
}

void honorificPersons(Analysis& a) {
    scanForNames(a, [&a](int sentence, Range hon, Range name) {
        if (hon.empty()) return false;
        if (name.last - name.first >= 2) {
            PersonMention pm;
            pm.range = {hon.first, name.last};
            pm.name = name;
            pm.honorific = hon;
            pm.sentence = sentence;
            pm.confidence = 0.8;
            pm.how = "named after an honorific";
            a.persons.push_back(pm);
        }
        return true;
    });
}

/// "his Italian counterpart Giorgia Meloni", "il suo omologo italiano, X": a person of the
/// adjective's country holding the office of the person whose counterpart they are (the
/// sentence's first titled person), with less confidence.
void counterparts(Analysis& a) {
    for (std::size_t s = 0; s < a.sentences.size(); ++s) {
        const auto& sen = a.sentences[s];
        for (int i = sen.first; i < sen.last; ++i) {
            if (!foldIs(a, i, {"counterpart", "omologo", "omologa"})) continue;
            int k = i + 1;
            std::string country;
            for (const auto& cm : a.countries) {
                if (cm.adjective && (cm.range.last == i || cm.range.first == k)) {
                    country = a.tables.countries[static_cast<std::size_t>(cm.country)].code;
                    if (cm.range.first == k) k = cm.range.last;
                }
            }
            if (foldIs(a, k, {","})) ++k;
            const Range hon = readHonorifics(a, k, sen.last);
            const Range name = readName(a, hon.last, sen.last);
            if (name.last - name.first < 2 || a.personAt(name.first) >= 0) continue;
            int office = -1;
            for (const auto& pm : a.persons) {
                if (pm.sentence == static_cast<int>(s) && pm.range.first < i &&
                    !pm.offices.empty()) {
                    office = pm.offices.front();
                    break;
                }
            }
            PersonMention pm;
            pm.range = {i, name.last};
            pm.name = name;
            pm.honorific = hon;
            pm.sentence = static_cast<int>(s);
            pm.confidence = 0.6;
            pm.how = "named as a counterpart";
            if (office >= 0 && !country.empty()) {
                OfficeMention om = a.offices[static_cast<std::size_t>(office)];
                om.range = {i, i + 1};
                om.country = country;
                om.toCountry.clear();
                om.countryStated = true;
                om.person = -1;
                om.term = -1;
                a.offices.push_back(om);
                pm.offices = {static_cast<int>(a.offices.size()) - 1};
            }
            a.persons.push_back(pm);
        }
    }
}

/// "Ambassador of Italy to Malaysia (18 October 2021 – 8 June 2025)": a date or period in
/// brackets right after a person's title is the term of that title.
void terms(Analysis& a) {
    for (std::size_t d = 0; d < a.dates.size(); ++d) {
        auto& dm = a.dates[d];
        const int open = dm.range.first - 1;
        if (!foldIs(a, open, {"("}) || !foldIs(a, dm.range.last, {")"})) continue;
        for (auto& om : a.offices) {
            if (om.range.last != open || om.person < 0) continue;
            om.term = static_cast<int>(d);
            dm.term = true;
        }
    }
}

}  // namespace

void findPersons(Analysis& a) {
    titledPersons(a);
    honorificPersons(a);
    counterparts(a);
    std::sort(a.persons.begin(), a.persons.end(),
              [](const PersonMention& x, const PersonMention& y) {
                  return x.range.first < y.range.first;
              });
    detail::makePeople(a);
    detail::repeatedNames(a);
    detail::titlesAlone(a);
    std::sort(a.persons.begin(), a.persons.end(),
              [](const PersonMention& x, const PersonMention& y) {
                  return x.range.first < y.range.first;
              });
    terms(a);
    for (auto& p : a.people) p.mentions.clear();
    for (std::size_t m = 0; m < a.persons.size(); ++m) {
        a.people[static_cast<std::size_t>(a.persons[m].person)].mentions.push_back(
            static_cast<int>(m));
    }
}

}  // namespace bilateral::draft
