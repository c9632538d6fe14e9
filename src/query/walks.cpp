// Paths and ego networks from a storage engine: the breadth-first searches of bfs.hpp over the
// adjacency the engine keeps (actors sharing an event, actors joined by a relation).

#include <algorithm>
#include <unordered_map>

#include "answer_parts.hpp"
#include "bilateral/error.hpp"
#include "bilateral/query/bfs.hpp"
#include "bilateral/query/from_storage.hpp"
#include "bilateral/rules/natural_order.hpp"

namespace bilateral::query {
namespace {

using storage::RowId;

/// The engine's adjacency as a neighbours source (bfs.hpp).
struct EngineGraph {
    using Vertex = RowId;
    storage::Engine& engine;
    Through through;

    template <class F>
    void forEachNeighbour(RowId u, F&& f) {
        bool go = true;
        if (through != Through::Relations) {
            engine.forEachLinkedActor(u, [&](RowId v) { return go = f(v); });
        }
        if (!go || through == Through::Events) return;
        for (const auto v : engine.relatedActors(u)) {
            if (!f(v)) return;
        }
    }
};

/// Visited actors and the actor each was reached from (bfs.hpp's VisitedMap).
class RowMap {
public:
    [[nodiscard]] bool contains(RowId v) const { return parent_.count(v) != 0; }
    void insert(RowId v, RowId parent) { parent_.emplace(v, parent); }
    [[nodiscard]] RowId parent(RowId v) const { return parent_.at(v); }
    [[nodiscard]] std::size_t size() const { return parent_.size(); }

private:
    std::unordered_map<RowId, RowId> parent_;
};

PathStep stepBetween(storage::Engine& engine, const ActorRef& from, RowId a, const ActorRef& to,
                     RowId b, Through through) {
    PathStep step;
    step.from = from.id;
    step.to = to.id;
    if (through != Through::Relations) {
        if (const auto e = detail::sharedEvent(engine, a, b)) {
            step.event =
                detail::eventRefs(
                    engine,
                    engine.eventDetails(std::span(&*e, 1), storage::ParticipantsRead::None, false),
                    false, false)
                    .front();
        }
    }
    if (!step.event) {
        if (const auto r = engine.relationBetween(a, b)) {
            step.relation = r->first;
            step.relationKind = r->second;
        }
    }
    return step;
}

}  // namespace

PathAnswer path(storage::Engine& engine, std::string_view fromId, std::string_view toId,
                const PathOptions& options) {
    const auto from = detail::requireActor(engine, fromId);
    const auto to = detail::requireActor(engine, toId);
    EngineGraph g{engine, options.through};
    RowMap fwd, bwd;
    // A frontier's best-connected actors first: a hub meets the other side after a few rows of
    // its neighbours, where reading its whole row would cost thousands.
    const auto bestConnectedFirst = [&](std::vector<RowId>& frontier) {
        if (options.through == Through::Relations) return;
        std::vector<std::pair<std::int64_t, RowId>> order;  // (-degree, row)
        order.reserve(frontier.size());
        for (const auto u : frontier) order.emplace_back(-engine.linkedActorCount(u), u);
        std::sort(order.begin(), order.end());
        for (std::size_t i = 0; i < order.size(); ++i) frontier[i] = order[i].second;
    };
    const auto met = bfs::bidirectional(g, from.row, to.row, fwd, bwd,
                                        {options.maxHops, options.maxVisited}, bestConnectedFirst);
    PathAnswer answer;
    answer.visited = fwd.size() + bwd.size();
    if (met.outcome != bfs::Outcome::Met) {
        answer.outcome = met.outcome == bfs::Outcome::Bounded ? PathAnswer::Outcome::StoppedByBound
                                                              : PathAnswer::Outcome::NoPath;
        return answer;
    }
    const auto rows = bfs::pathThrough(fwd, bwd, from.row, to.row, met.vertex);
    answer.outcome = PathAnswer::Outcome::Found;
    answer.actors = detail::actorRefs(engine, rows);
    for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
        answer.steps.push_back(stepBetween(engine, answer.actors[i], rows[i], answer.actors[i + 1],
                                           rows[i + 1], options.through));
    }
    return answer;
}

Page<EgoMember> egoNetwork(storage::Engine& engine, std::string_view centerId, int hops,
                           Through through, std::size_t limit) {
    const auto center = detail::requireActor(engine, centerId);
    EngineGraph g{engine, through};
    RowMap seen;
    std::vector<RowId> rows;
    std::vector<int> depth;
    bfs::levels(g, center.row, seen, hops, [&](RowId v, int d) {
        rows.push_back(v);
        depth.push_back(d);
        return true;
    });
    auto actors = detail::actorRefs(engine, rows);
    std::vector<EgoMember> all;
    all.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) all.push_back({std::move(actors[i]), depth[i]});
    std::sort(all.begin(), all.end(), [](const EgoMember& x, const EgoMember& y) {
        if (x.hops != y.hops) return x.hops < y.hops;
        return rules::naturalLess(x.actor.id, y.actor.id);
    });
    Page<EgoMember> page;
    page.total = all.size();
    if (limit != 0 && all.size() > limit) all.resize(limit);
    page.items = std::move(all);
    return page;
}

}  // namespace bilateral::query
