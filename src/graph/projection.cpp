// The Boost.Graph projection: its vertices and edges by id (projection_build.cpp reads it from a
// storage engine).

#include "bilateral/graph/projection.hpp"

#include <boost/range/iterator_range.hpp>

namespace bilateral::graph {
std::string_view toString(VertexKind k) noexcept {
    return k == VertexKind::Actor ? "actor" : "event";
}

std::string_view toString(EdgeKind k) noexcept {
    if (k == EdgeKind::Participation) return "participation";
    return k == EdgeKind::EventLink ? "event_link" : "relation";
}

bool Projection::filtered() const noexcept {
    return filter_.from.has_value() || filter_.to.has_value() || !filter_.kinds.empty();
}

std::optional<VertexId> Projection::findActor(std::string_view id) const {
    if (auto it = actors_.find(id); it != actors_.end()) return it->second;
    return std::nullopt;
}

std::optional<VertexId> Projection::findEvent(std::string_view id) const {
    if (auto it = events_.find(id); it != events_.end()) return it->second;
    return std::nullopt;
}

std::optional<VertexId> Projection::find(std::string_view id) const {
    if (auto v = findActor(id)) return v;
    return findEvent(id);
}

Projection::Projection(Graph graph, query::IndexFilter filter)
    : graph_(std::move(graph)), filter_(std::move(filter)) {
    for (const auto v : boost::make_iterator_range(boost::vertices(graph_))) {
        const auto& x = graph_[v];
        if (x.kind == VertexKind::Actor) {
            actors_.emplace(x.id, v);
            ++actorCount_;
        } else {
            events_.emplace(x.id, v);
        }
    }
    for (const auto e : boost::make_iterator_range(boost::edges(graph_))) {
        if (graph_[e].kind == EdgeKind::Participation) ++participationCount_;
        if (graph_[e].kind == EdgeKind::EventLink) ++linkCount_;
    }
}

}  // namespace bilateral::graph
