#pragma once
// Centrality and components over the actors of a projection.
//
// The algorithms run on the *actor view*: an undirected simple graph whose vertices are the
// projection's actors, two actors being adjacent when they take part in the same event of the
// projection and/or when a relation of the projection joins them (ActorViewOptions::through).
// The bipartite actor–event graph would count events as intermediaries and halve every distance;
// the actor view answers the questions users ask ("who brokers between the two sides?") in
// the same terms as who-met-whom and graph/paths.hpp. See docs/graph.md.

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include "bilateral/graph/paths.hpp"
#include "bilateral/graph/projection.hpp"

namespace bilateral::graph {

struct ActorViewOptions {
    /// What makes two actors adjacent: sharing an event, a relation, or either.
    Through through = Through::EventsAndRelations;
    /// Whether planned and cancelled events join their participants (they never count as
    /// meetings, so by default they do not).
    bool unoccurredEvents = false;
};

/// A vertex of the actor view: the projection vertex it stands for.
struct ActorNode {
    VertexId vertex = 0;
};

/// An edge of the actor view: how many shared events and relations join the two actors.
struct ActorLink {
    int events = 0;
    int relations = 0;
};

/// Undirected and simple (at most one edge per pair). Vertex i is projection vertex i.
using ActorGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, ActorNode, ActorLink>;

/// Builds the actor view of a projection; its vertex i stands for the projection's actor vertex i.
ActorGraph actorView(const Projection& projection, const ActorViewOptions& options = {});

/// A value per actor.
struct ActorScore {
    std::string actor;  ///< actor id
    double value = 0;
};

/// Degree centrality: the number of distinct actors adjacent in the actor view, divided by
/// (n - 1) when `normalized` (n = number of actors; 0 when n < 2). Highest first, then by id.
std::vector<ActorScore> degreeCentrality(const Projection& projection,
                                         const ActorViewOptions& options = {},
                                         bool normalized = false);

/// Betweenness centrality (Brandes, boost::brandes_betweenness_centrality) on the actor view,
/// with hop distances: for each actor, the sum over unordered pairs of other actors of the share
/// of their shortest paths passing through it (the NetworkX convention for undirected graphs).
/// Divided by (n - 1)(n - 2) / 2 when `normalized`. Highest first, then by id.
std::vector<ActorScore> betweennessCentrality(const Projection& projection,
                                              const ActorViewOptions& options = {},
                                              bool normalized = false);

/// The component an actor belongs to.
struct ActorComponent {
    std::string actor;          ///< actor id
    std::size_t component = 0;  ///< 0 for the largest component, 1 for the next, ...
};

/// Connected components of the actor view (boost::connected_components). Components are
/// numbered by size, largest first, ties broken by their smallest actor id; the result lists
/// actors by component, then by id.
std::vector<ActorComponent> connectedComponents(const Projection& projection,
                                                const ActorViewOptions& options = {});

/// The number of components in a connectedComponents result.
std::size_t componentCount(const std::vector<ActorComponent>& components) noexcept;

}  // namespace bilateral::graph
