// Shortest paths, distances and ego networks on the query index's neighbour tables, through its
// public interface. Distances use a bidirectional breadth-first search that always expands the
// smaller frontier; visited sets are per-thread stamp arrays, so a call costs what it touches,
// not the number of actors.

#include "bilateral/graph/paths.hpp"

#include <algorithm>

#include "bilateral/error.hpp"

namespace bilateral::graph {
namespace {

using query::ActorIx;
using query::EventIx;
using Data = query::Index;

constexpr ActorIx kNone{0xFFFFFFFFu};

/// Per-thread scratch over actors: a value of `stamp` equal to the current one means visited in
/// this call, so nothing is cleared between calls; `parent` holds the actor reached from.
struct Scratch {
    std::vector<std::uint32_t> stamp;
    std::vector<ActorIx> parent;
    std::uint32_t current = 0;

    std::uint32_t begin(std::size_t n) {
        if (stamp.size() < n) {
            stamp.resize(n, 0);
            parent.resize(n, kNone);
        }
        if (++current == 0) {  // wrapped: clear once every 2^32 calls
            std::fill(stamp.begin(), stamp.end(), 0);
            current = 1;
        }
        return current;
    }
};

Scratch& scratch(int which) {
    thread_local Scratch buffers[2];
    return buffers[which];
}

bool usesEvents(Through t) noexcept {
    return t != Through::Relations;
}
bool usesRelations(Through t) noexcept {
    return t != Through::Events;
}

template <class F>
void forEachNeighbour(const Data& d, ActorIx a, Through t, F&& f) {
    if (usesEvents(t)) {
        for (const auto b : d.neighboursOf(a)) f(b);
    }
    if (usesRelations(t)) {
        for (const auto b : d.relatedTo(a)) f(b);
    }
}

void checkActor(const Data& d, ActorIx a) {
    if (a.value >= d.actorCount()) throw InvalidArgumentError("actor index out of range");
}

/// One side of a bidirectional search: visited stamps, parents, the current frontier.
struct Side {
    Scratch& s;
    std::uint32_t stamp;
    std::vector<ActorIx>& frontier;
    std::vector<ActorIx>& next;
    int depth = 0;

    bool visited(ActorIx a) const noexcept { return s.stamp[a.value] == stamp; }
    void visit(ActorIx a, ActorIx parent) {
        s.stamp[a.value] = stamp;
        s.parent[a.value] = parent;
    }
};

struct Meeting {
    ActorIx near = kNone;  ///< on the side that was expanded
    ActorIx far = kNone;   ///< on the other side
};

/// Expands `side` by one level; stops at the first actor the other side has visited.
Meeting expand(const Data& d, Through t, Side& side, const Side& other) {
    side.next.clear();
    Meeting m;
    for (const auto u : side.frontier) {
        bool found = false;
        forEachNeighbour(d, u, t, [&](ActorIx v) {
            if (found || side.visited(v)) return;
            if (other.visited(v)) {
                m = Meeting{u, v};
                found = true;
                return;
            }
            side.visit(v, u);
            side.next.push_back(v);
        });
        if (found) return m;
    }
    side.frontier.swap(side.next);
    ++side.depth;
    return m;
}

struct Search {
    int hops = -1;
    Meeting meeting;
    bool forwardExpanded = true;  ///< which side `meeting.near` is on
};

Search bidirectional(const Data& d, ActorIx from, ActorIx to, Through t) {
    checkActor(d, from);
    checkActor(d, to);
    if (from == to) return Search{0, {}, true};
    thread_local std::vector<ActorIx> buffers[4];
    auto& sf = scratch(0);
    auto& sb = scratch(1);
    Side fwd{sf, sf.begin(d.actorCount()), buffers[0], buffers[1]};
    Side bwd{sb, sb.begin(d.actorCount()), buffers[2], buffers[3]};
    fwd.frontier.assign(1, from);
    bwd.frontier.assign(1, to);
    fwd.visit(from, kNone);
    bwd.visit(to, kNone);
    while (!fwd.frontier.empty() && !bwd.frontier.empty()) {
        const bool forward = fwd.frontier.size() <= bwd.frontier.size();
        auto& side = forward ? fwd : bwd;
        auto& other = forward ? bwd : fwd;
        const auto m = expand(d, t, side, other);
        if (m.near != kNone) return Search{fwd.depth + bwd.depth + 1, m, forward};
    }
    return Search{};
}

/// The evidence of a hop: the earliest event (in timeline order) that both took part in and
/// that occurred, else the earliest planned or cancelled one. The two lists are ascending; the
/// longer one is searched by bisection.
std::optional<EventIx> sharedEvent(const Data& d, ActorIx a, ActorIx b) {
    auto x = d.eventsOf(a);
    auto y = d.eventsOf(b);
    if (x.size() > y.size()) std::swap(x, y);
    std::optional<EventIx> first;
    auto from = y.begin();
    for (const auto e : x) {
        from = std::lower_bound(from, y.end(), e);
        if (from == y.end()) break;
        if (*from != e) continue;
        if (d.event(e).status == model::EventStatus::Occurred) return e;
        if (!first) first = e;
    }
    return first;
}

}  // namespace

int distance(const query::Index& index, ActorIx from, ActorIx to, Through through) {
    return bidirectional(index, from, to, through).hops;
}

std::optional<Path> shortestPath(const query::Index& index, ActorIx from, ActorIx to,
                                 Through through) {
    const auto& d = index;
    const auto found = bidirectional(d, from, to, through);
    if (found.hops < 0) return std::nullopt;
    Path path;
    if (found.hops == 0) {
        path.actors.push_back(from);
        return path;
    }
    // Parents: scratch(0) holds the forward tree (towards `from`), scratch(1) the backward one.
    const auto& parentF = scratch(0).parent;
    const auto& parentB = scratch(1).parent;
    ActorIx onF = found.forwardExpanded ? found.meeting.near : found.meeting.far;
    ActorIx onB = found.forwardExpanded ? found.meeting.far : found.meeting.near;
    for (ActorIx a = onF; a != kNone; a = parentF[a.value]) path.actors.push_back(a);
    std::reverse(path.actors.begin(), path.actors.end());
    for (ActorIx a = onB; a != kNone; a = parentB[a.value]) path.actors.push_back(a);

    for (std::size_t i = 0; i + 1 < path.actors.size(); ++i) {
        Hop h{path.actors[i], path.actors[i + 1], std::nullopt, std::nullopt};
        if (usesEvents(through)) h.event = sharedEvent(d, h.from, h.to);
        if (!h.event && usesRelations(through)) {
            auto ids = index.relationsBetween(h.from, h.to);
            if (!ids.empty()) h.relation = std::move(ids.front());
        }
        path.hops.push_back(std::move(h));
    }
    return path;
}

std::vector<ActorIx> egoNetwork(const query::Index& index, ActorIx center, int k, Through through) {
    const auto& d = index;
    checkActor(d, center);
    std::vector<ActorIx> out;
    if (k <= 0) return out;
    auto& s = scratch(0);
    const auto stamp = s.begin(d.actorCount());
    s.stamp[center.value] = stamp;
    const std::size_t everyone = d.actorCount() - 1;
    std::size_t levelBegin = 0;
    out.push_back(center);  // the frontier of level 0; removed at the end
    for (int level = 0; level < k && out.size() - 1 < everyone; ++level) {
        const std::size_t levelEnd = out.size();
        for (std::size_t i = levelBegin; i < levelEnd && out.size() - 1 < everyone; ++i) {
            forEachNeighbour(d, out[i], through, [&](ActorIx v) {
                if (s.stamp[v.value] == stamp) return;
                s.stamp[v.value] = stamp;
                out.push_back(v);
            });
        }
        if (out.size() == levelEnd) break;
        levelBegin = levelEnd;
    }
    out.erase(out.begin());
    return out;
}

}  // namespace bilateral::graph
