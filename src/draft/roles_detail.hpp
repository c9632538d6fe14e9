#pragma once
// Parts of roles.cpp shared with role_rules.cpp and actors.cpp.

#include <string>
#include <vector>

#include "analysis.hpp"

namespace bilateral::draft::detail {

bool isVisitKind(model::EventKind k);

/// The actors named in sentence `s`, in token order (actors.cpp): persons, the persons a group
/// phrase stands for ("the two leaders"), titles without a name in the plural, organisations
/// and countries.
std::vector<ActorAt> actorsIn(Analysis& a, int s);

void addPart(Analysis& a, int event, const ActorAt& who, model::Role role, Range trigger,
             double confidence, const std::string& note);
std::vector<ActorAt> listAfter(const Analysis& a, const std::vector<ActorAt>& actors, int from,
                               int end, bool countries);
std::vector<ActorAt> subjectOf(const Analysis& a, const std::vector<ActorAt>& actors,
                               int sentenceFirst, Range trigger);
std::vector<ActorAt> nearestBefore(const std::vector<ActorAt>& actors, Range trigger);
std::vector<ActorAt> objectsOf(const Analysis& a, const std::vector<ActorAt>& actors,
                               std::size_t mention, int sentenceLast);
int phraseEnd(const Analysis& a, int from, int last, std::initializer_list<const char*> phrases);

/// The rules for one event word (role_rules.cpp).
void partsFromMention(Analysis& a, std::size_t mention, int event);
/// "The Prime Minister will be accompanied by ...": a sentence without an event word that adds
/// to the last visit.
void partsFromLooseSentences(Analysis& a);

}  // namespace bilateral::draft::detail
