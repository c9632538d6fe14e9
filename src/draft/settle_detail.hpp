#pragma once
// Parts of settle.cpp shared with links.cpp and countries.cpp.

#include <utility>
#include <vector>

#include "analysis.hpp"

namespace bilateral::draft::detail {

bool isVisit(model::EventKind k);
std::vector<std::pair<int, int>> triggersIn(const Analysis& a, int s);

/// Whether each event lies ahead (tense cues before its word, a date after the publication),
/// and its dates resolved accordingly (links.cpp).
void setStatusAndDates(Analysis& a);
/// Two events of one kind, status and dates (a headline and the text that tells it again): the
/// later one joins the first.
void mergeRepeated(Analysis& a);
/// Events named with a definite article that no earlier event matched and that the text tells
/// nothing more of ("The meeting took place ..."): not proposed.
void dropUntold(Analysis& a);
/// The visit each meeting, talk or roundtable took place within.
void setParents(Analysis& a);
/// Invitation -> visit, acceptance -> invitation, and the roles they share.
void linkInvitations(Analysis& a);

}  // namespace bilateral::draft::detail
