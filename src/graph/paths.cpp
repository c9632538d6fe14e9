// Shortest paths, distances and ego networks on the query index's neighbour tables: the
// breadth-first searches of query/bfs.hpp, over the index as a neighbours source. Visited sets
// are per-thread stamp arrays, so a call costs what it touches, not the number of actors.

#include "bilateral/graph/paths.hpp"

#include <algorithm>
#include <vector>

#include "bilateral/error.hpp"
#include "bilateral/query/bfs.hpp"
#include "bilateral/rules/timeline.hpp"

namespace bilateral::graph {
namespace {

using query::ActorIx;
using query::EventIx;

/// The index's adjacency as a neighbours source (bfs.hpp).
struct IndexGraph {
    using Vertex = ActorIx;
    const query::Index& index;
    Through through;

    template <class F>
    void forEachNeighbour(ActorIx u, F&& f) {
        if (through != Through::Relations) {
            for (const auto v : index.neighboursOf(u)) {
                if (!f(v)) return;
            }
        }
        if (through == Through::Events) return;
        for (const auto v : index.relatedTo(u)) {
            if (!f(v)) return;
        }
    }
};

/// Per-thread visited stamps and parents over actors (bfs.hpp's VisitedMap): a stamp equal to
/// the current one means visited in this call, so nothing is cleared between calls.
class StampMap {
public:
    explicit StampMap(int which, std::size_t actors) : s_(scratch(which)) {
        if (s_.stamp.size() < actors) {
            s_.stamp.resize(actors, 0);
            s_.parent.resize(actors, ActorIx{});
        }
        if (++s_.current == 0) {  // wrapped: clear once every 2^32 calls
            std::fill(s_.stamp.begin(), s_.stamp.end(), 0);
            s_.current = 1;
        }
    }
    [[nodiscard]] bool contains(ActorIx v) const { return s_.stamp[v.value] == s_.current; }
    void insert(ActorIx v, ActorIx parent) {
        s_.stamp[v.value] = s_.current;
        s_.parent[v.value] = parent;
        ++size_;
    }
    [[nodiscard]] ActorIx parent(ActorIx v) const { return s_.parent[v.value]; }
    [[nodiscard]] std::size_t size() const { return size_; }

private:
    struct Scratch {
        std::vector<std::uint32_t> stamp;
        std::vector<ActorIx> parent;
        std::uint32_t current = 0;
    };
    static Scratch& scratch(int which) {
        thread_local Scratch buffers[2];
        return buffers[which];
    }
    Scratch& s_;
    std::size_t size_ = 0;
};

void checkActor(const query::Index& index, ActorIx a) {
    if (a.value >= index.actorCount()) throw InvalidArgumentError("actor index out of range");
}

/// The actors of a shortest path from `from` to `to`; empty when there is none.
std::vector<ActorIx> shortest(const query::Index& index, ActorIx from, ActorIx to,
                              Through through) {
    checkActor(index, from);
    checkActor(index, to);
    IndexGraph g{index, through};
    StampMap fwd(0, index.actorCount()), bwd(1, index.actorCount());
    const auto met = query::bfs::bidirectional(g, from, to, fwd, bwd, {}, [](auto&) {});
    if (met.outcome != query::bfs::Outcome::Met) return {};
    return query::bfs::pathThrough(fwd, bwd, from, to, met.vertex);
}

/// The event that shows two actors together (rules::sharedEventFirst): the index's event
/// handles are timeline ranks, so the events both took part in, found by bisection in the
/// longer list, come in timeline order. (A plain loop, not a filter view: clang 14 cannot
/// instantiate libstdc++ 12's filter_view over a span.)
std::optional<EventIx> sharedEvent(const query::Index& index, ActorIx a, ActorIx b) {
    auto x = index.eventsOf(a);
    auto y = index.eventsOf(b);
    if (x.size() > y.size()) std::swap(x, y);
    std::vector<EventIx> both;
    for (EventIx e : x)
        if (std::binary_search(y.begin(), y.end(), e)) both.push_back(e);
    const auto best = rules::sharedEventFirst(both.begin(), both.end(), [&index](EventIx e) {
        return index.event(e).status == model::EventStatus::Occurred;
    });
    if (best == both.end()) return std::nullopt;
    return *best;
}

}  // namespace

int distance(const query::Index& index, ActorIx from, ActorIx to, Through through) {
    return static_cast<int>(shortest(index, from, to, through).size()) - 1;
}

std::optional<Path> shortestPath(const query::Index& index, ActorIx from, ActorIx to,
                                 Through through) {
    auto actors = shortest(index, from, to, through);
    if (actors.empty()) return std::nullopt;
    Path path;
    path.actors = std::move(actors);
    for (std::size_t i = 0; i + 1 < path.actors.size(); ++i) {
        Hop h{path.actors[i], path.actors[i + 1], std::nullopt, std::nullopt};
        if (through != Through::Relations) h.event = sharedEvent(index, h.from, h.to);
        if (!h.event && through != Through::Events) {
            auto ids = index.relationsBetween(h.from, h.to);
            if (!ids.empty()) h.relation = std::move(ids.front());
        }
        path.hops.push_back(std::move(h));
    }
    return path;
}

std::vector<ActorIx> egoNetwork(const query::Index& index, ActorIx center, int k, Through through) {
    checkActor(index, center);
    std::vector<ActorIx> out;
    if (k <= 0) return out;
    IndexGraph g{index, through};
    StampMap seen(0, index.actorCount());
    const std::size_t everyone = index.actorCount() - 1;
    query::bfs::levels(g, center, seen, k, [&](ActorIx v, int) {
        out.push_back(v);
        return out.size() < everyone;  // all reached: nothing more to find
    });
    return out;
}

}  // namespace bilateral::graph
