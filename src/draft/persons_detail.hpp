#pragma once
// Parts of persons.cpp shared with people.cpp.

#include <algorithm>

#include "analysis.hpp"

namespace bilateral::draft::detail {

/// A capitalized word that can be part of a name (not a title, country, month, place ...).
bool nameWord(const Analysis& a, int i, int end);
/// Name words from `i` (particles such as "bin" inside), at most five.
Range readName(const Analysis& a, int i, int end);
/// Honorifics from `i`, one after another ("YAB Dato’ Seri").
Range readHonorifics(const Analysis& a, int i, int end);
/// At each token of each sentence that no person mention covers, the honorifics read from it
/// and the name after them: `take(sentence, honorifics, name)` says whether it took them, and
/// then the scan goes on after the name.
template <class Take>
void scanForNames(const Analysis& a, Take take) {
    for (std::size_t s = 0; s < a.sentences.size(); ++s) {
        const auto& sen = a.sentences[s];
        for (int i = sen.first; i < sen.last; ++i) {
            if (a.personAt(i) >= 0) continue;
            const Range hon = readHonorifics(a, i, sen.last);
            const Range name = readName(a, hon.last, sen.last);
            if (take(static_cast<int>(s), hon, name)) i = std::max(i, name.last - 1);
        }
    }
}
/// The country an honorific in `r` implies ("Datuk": MYS), "" when none.
std::string honorificCountry(const Analysis& a, Range r);

/// Persons from the mentions found so far, their countries and posts.
void makePeople(Analysis& a);
/// Later mentions by the name or part of it ("Santini", "Tengku Azlan").
void repeatedNames(Analysis& a);
/// Titles without a name that only one person of the text holds ("the Prime Minister").
void titlesAlone(Analysis& a);
/// A post for an office mention (made once per office, country and host country).
int postFor(Analysis& a, const OfficeMention& om);

}  // namespace bilateral::draft::detail
