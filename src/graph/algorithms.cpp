// Degree and betweenness centrality and connected components over the actor view.

#include "bilateral/graph/algorithms.hpp"

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <utility>

namespace bilateral::graph {
namespace {

void link(ActorGraph& g, VertexId a, VertexId b, bool viaEvent) {
    if (a == b) return;
    auto [e, exists] = boost::edge(a, b, g);
    if (!exists) e = boost::add_edge(a, b, ActorLink{}, g).first;
    ++(viaEvent ? g[e].events : g[e].relations);
}

std::vector<ActorScore> ranked(const Projection& p, const std::vector<double>& values) {
    std::vector<ActorScore> out;
    out.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) out.push_back({p[i].id, values[i]});
    std::sort(out.begin(), out.end(), [](const ActorScore& a, const ActorScore& b) {
        return a.value != b.value ? a.value > b.value : a.actor < b.actor;
    });
    return out;
}

}  // namespace

ActorGraph actorView(const Projection& projection, const ActorViewOptions& options) {
    const auto& g = projection.graph();
    const auto n = projection.actorCount();
    ActorGraph view(n);
    for (std::size_t i = 0; i < n; ++i) view[i].vertex = i;

    const bool events = options.through != Through::Relations;
    const bool relations = options.through != Through::Events;
    if (events) {
        std::vector<VertexId> members;
        for (VertexId ev = n; ev < projection.vertexCount(); ++ev) {
            if (!options.unoccurredEvents && g[ev].status != "occurred") continue;
            members.clear();
            for (const auto e : boost::make_iterator_range(boost::in_edges(ev, g))) {
                members.push_back(boost::source(e, g));
            }
            // One actor in two roles is one member.
            std::sort(members.begin(), members.end());
            members.erase(std::unique(members.begin(), members.end()), members.end());
            for (std::size_t i = 0; i < members.size(); ++i) {
                for (std::size_t j = i + 1; j < members.size(); ++j) {
                    link(view, members[i], members[j], true);
                }
            }
        }
    }
    if (relations) {
        for (const auto e : boost::make_iterator_range(boost::edges(g))) {
            if (g[e].kind != EdgeKind::Relation) continue;
            link(view, boost::source(e, g), boost::target(e, g), false);
        }
    }
    return view;
}

std::vector<ActorScore> degreeCentrality(const Projection& projection,
                                         const ActorViewOptions& options, bool normalized) {
    const auto view = actorView(projection, options);
    const auto n = boost::num_vertices(view);
    std::vector<double> values(n, 0.0);
    for (std::size_t v = 0; v < n; ++v) {
        values[v] = static_cast<double>(boost::out_degree(v, view));
        if (normalized) values[v] = n > 1 ? values[v] / static_cast<double>(n - 1) : 0.0;
    }
    return ranked(projection, values);
}

std::vector<ActorScore> betweennessCentrality(const Projection& projection,
                                              const ActorViewOptions& options, bool normalized) {
    const auto view = actorView(projection, options);
    const auto n = boost::num_vertices(view);
    std::vector<double> values(n, 0.0);
    if (n > 0) {
        boost::brandes_betweenness_centrality(
            view, boost::make_iterator_property_map(values.begin(),
                                                    boost::get(boost::vertex_index, view)));
    }
    // On an undirected graph Boost already counts each unordered pair once (as NetworkX does).
    if (normalized) {
        const double pairs =
            n > 2 ? static_cast<double>(n - 1) * static_cast<double>(n - 2) / 2.0 : 0.0;
        for (auto& v : values) v = pairs > 0 ? v / pairs : 0.0;
    }
    return ranked(projection, values);
}

std::vector<ActorComponent> connectedComponents(const Projection& projection,
                                                const ActorViewOptions& options) {
    const auto view = actorView(projection, options);
    const auto n = boost::num_vertices(view);
    std::vector<int> raw(n, 0);
    const int count = n ? boost::connected_components(view, raw.data()) : 0;

    // Renumber: largest first, ties by smallest actor id (vertices are in id order, so the
    // first vertex met of each component carries its smallest id).
    std::vector<std::size_t> size(static_cast<std::size_t>(count), 0);
    std::vector<std::size_t> firstVertex(static_cast<std::size_t>(count), n);
    for (std::size_t v = 0; v < n; ++v) {
        const auto c = static_cast<std::size_t>(raw[v]);
        ++size[c];
        firstVertex[c] = std::min(firstVertex[c], v);
    }
    std::vector<std::size_t> order(static_cast<std::size_t>(count));
    for (std::size_t c = 0; c < order.size(); ++c) order[c] = c;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (size[a] != size[b]) return size[a] > size[b];
        return projection[firstVertex[a]].id < projection[firstVertex[b]].id;
    });
    std::vector<std::size_t> rank(order.size());
    for (std::size_t r = 0; r < order.size(); ++r) rank[order[r]] = r;

    std::vector<ActorComponent> out;
    out.reserve(n);
    for (std::size_t v = 0; v < n; ++v) {
        out.push_back({projection[v].id, rank[static_cast<std::size_t>(raw[v])]});
    }
    std::sort(out.begin(), out.end(), [](const ActorComponent& a, const ActorComponent& b) {
        return a.component != b.component ? a.component < b.component : a.actor < b.actor;
    });
    return out;
}

std::size_t componentCount(const std::vector<ActorComponent>& components) noexcept {
    std::size_t count = 0;
    for (const auto& c : components) count = std::max(count, c.component + 1);
    return count;
}

}  // namespace bilateral::graph
