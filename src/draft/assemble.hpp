#pragma once
// The last step: the analysis as a dataset's facts (assemble.cpp), with ids matched against a
// graph's names when one is given (match.cpp).

#include <map>
#include <string>
#include <vector>

#include "analysis.hpp"

namespace bilateral::draft {

/// The id each actor of the analysis gets, and whether the graph already has it.
struct ActorIds {
    std::map<std::pair<int, int>, std::string> ids;  ///< (ActorRef type, index) -> id
    std::map<std::string, bool> reused;              ///< id -> in the graph
    [[nodiscard]] std::string of(const ActorRef& r) const {
        const auto it = ids.find({static_cast<int>(r.type), r.index});
        return it == ids.end() ? std::string() : it->second;
    }
};

/// Builds `draft`'s actors, events, relations and links from the analysis.
void assemble(const Analysis& a, Draft& draft, GraphNames* names);

/// Evidence for tokens `r` of the analysis' text: inferred, with the span, its quote, the
/// confidence and a note.
model::Evidence evidenceFor(const Analysis& a, const std::string& source, Range r,
                            double confidence, const std::string& note);

/// The id a new actor gets ("person/giorgia-meloni"), one the graph and the draft do not use.
std::string freshId(const std::string& base, std::map<std::string, bool>& used, GraphNames* names);

/// The graph's actor for a proposed one: same kind, a name or alias equal to one of `names`,
/// and (when both have one) the same country; nullopt when none or several.
std::optional<KnownActor> matchActor(GraphNames* graph, model::ActorKind kind,
                                     const std::vector<std::string>& written,
                                     const std::string& country);

}  // namespace bilateral::draft
