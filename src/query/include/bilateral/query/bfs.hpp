#pragma once
// Internal (not installed): breadth-first search, written once, in the manner of Boost.Graph's
// breadth_first_search: the algorithm is a template over a small neighbours concept, so the
// same code walks the adjacency a storage engine keeps (query/walks.cpp) and the in-memory
// Index (graph/paths.cpp).
//
// A NeighbourSource `g` (an IncidenceGraph, reduced to what a search needs) offers
//   using Vertex = ...;                                  // copyable, ==
//   template <class F> void forEachNeighbour(Vertex u, F&& f);
//       // calls f(v) for each neighbour v of u until f returns false
// A VisitedMap `m` (Boost's colour and predecessor maps in one) offers
//   bool contains(Vertex v) const;  void insert(Vertex v, Vertex parent);
//   Vertex parent(Vertex v) const;  std::size_t size() const;
// Cost: what the search touches, not the size of the graph.

#include <algorithm>
#include <cstddef>
#include <limits>
#include <vector>

namespace bilateral::query::bfs {

/// Where a search gives up: hops of the longest path looked for, vertices it may visit.
struct Bounds {
    int maxHops = std::numeric_limits<int>::max();
    std::size_t maxVisited = std::numeric_limits<std::size_t>::max();
};

enum class Outcome { Met, NoPath, Bounded };

template <class Vertex>
struct Meeting {
    Outcome outcome = Outcome::NoPath;
    Vertex vertex{};  ///< where the two searches met (Met), reached by both maps
};

/// Breadth-first search from both ends: the smaller frontier grows by one level at a time,
/// and the first vertex the other side has reached ends it (a shortest path). `order` may
/// reorder a frontier before it grows (the file's search takes best-connected actors first, so
/// that a hub meets the other side after a few of its neighbours). Both maps start empty.
template <class Graph, class Map, class Order>
Meeting<typename Graph::Vertex> bidirectional(Graph& g, typename Graph::Vertex from,
                                              typename Graph::Vertex to, Map& fwd, Map& bwd,
                                              const Bounds& bounds, Order&& order) {
    using V = typename Graph::Vertex;
    fwd.insert(from, from);
    bwd.insert(to, to);
    if (from == to) return {Outcome::Met, from};
    struct Side {
        Map& map;
        std::vector<V> frontier;
        int depth = 0;
    };
    Side a{fwd, {from}}, b{bwd, {to}};
    std::vector<V> next;
    while (!a.frontier.empty() && !b.frontier.empty()) {
        if (a.depth + b.depth >= bounds.maxHops || fwd.size() + bwd.size() > bounds.maxVisited)
            return {Outcome::Bounded, {}};
        auto& grow = a.frontier.size() <= b.frontier.size() ? a : b;
        const auto& other = &grow == &a ? b : a;
        order(grow.frontier);
        next.clear();
        Meeting<V> met;
        for (const auto u : grow.frontier) {
            g.forEachNeighbour(u, [&](V v) {
                if (grow.map.contains(v)) return true;
                grow.map.insert(v, u);
                next.push_back(v);
                if (!other.map.contains(v)) return true;
                met = {Outcome::Met, v};
                return false;
            });
            if (met.outcome == Outcome::Met) return met;
        }
        grow.frontier.swap(next);
        ++grow.depth;
    }
    return {};
}

/// The vertices of the path a bidirectional search found, from `from` to `to`.
template <class Vertex, class Map>
std::vector<Vertex> pathThrough(const Map& fwd, const Map& bwd, Vertex from, Vertex to,
                                Vertex meeting) {
    std::vector<Vertex> path;
    for (auto x = meeting;; x = fwd.parent(x)) {
        path.push_back(x);
        if (x == from) break;
    }
    std::reverse(path.begin(), path.end());
    for (auto x = meeting; x != to;) {
        x = bwd.parent(x);
        path.push_back(x);
    }
    return path;
}

/// Breadth-first search from `source`, level by level, at most `maxDepth` levels: calls
/// `discover(v, depth)` for each vertex it reaches (not the source), nearest first; `discover`
/// returning false ends the search. The map starts empty.
template <class Graph, class Map, class Discover>
void levels(Graph& g, typename Graph::Vertex source, Map& visited, int maxDepth,
            Discover&& discover) {
    using V = typename Graph::Vertex;
    visited.insert(source, source);
    std::vector<V> frontier{source}, next;
    bool go = true;
    for (int depth = 1; go && depth <= maxDepth && !frontier.empty(); ++depth) {
        next.clear();
        for (const auto u : frontier) {
            g.forEachNeighbour(u, [&](V v) {
                if (visited.contains(v)) return true;
                visited.insert(v, u);
                next.push_back(v);
                go = discover(v, depth);
                return go;
            });
            if (!go) break;
        }
        frontier.swap(next);
    }
}

}  // namespace bilateral::query::bfs
