#pragma once
// Shortest paths and ego networks between actors, on the query index. Two actors are adjacent
// when they share an event (and, when asked, when a relation joins them).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "bilateral/query/answers.hpp"
#include "bilateral/query/index.hpp"

namespace bilateral::graph {

/// What may join two actors (the same choice the answers from the file take).
using Through = query::Through;

/// One hop of a path: the actors it joins and what joins them (an event, or a relation id).
struct Hop {
    query::ActorIx from;
    query::ActorIx to;
    std::optional<query::EventIx> event;
    std::optional<std::string> relation;  ///< relation id when the hop is a relation
};

struct Path {
    std::vector<query::ActorIx> actors;  ///< from first to last, both ends included
    std::vector<Hop> hops;               ///< hops.size() == actors.size() - 1
};

/// A shortest path (fewest hops) between two actors, or nullopt when none exists. Any event of
/// the index joins its participants, planned and cancelled ones too; each hop names as its
/// evidence the earliest occurred event both took part in (else the earliest other one), or,
/// when they share no event (or `through` is Relations), the first relation between them.
std::optional<Path> shortestPath(const query::Index& index, query::ActorIx from, query::ActorIx to,
                                 Through through = Through::EventsAndRelations);

/// Number of hops of a shortest path, -1 when none; cheaper than shortestPath.
int distance(const query::Index& index, query::ActorIx from, query::ActorIx to,
             Through through = Through::EventsAndRelations);

/// Actors within `k` hops of `center`, the center excluded, nearest first.
std::vector<query::ActorIx> egoNetwork(const query::Index& index, query::ActorIx center, int k,
                                       Through through = Through::EventsAndRelations);

}  // namespace bilateral::graph
