#pragma once
// Parts of persons.cpp shared with people.cpp.

#include "analysis.hpp"

namespace bilateral::draft::detail {

/// A capitalized word that can be part of a name (not a title, country, month, place ...).
bool nameWord(const Analysis& a, int i, int end);
/// Name words from `i` (particles such as "bin" inside), at most five.
Range readName(const Analysis& a, int i, int end);
/// Honorifics from `i`, one after another ("YAB Dato’ Seri").
Range readHonorifics(const Analysis& a, int i, int end);
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
