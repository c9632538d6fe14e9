// Paths and ego networks straight from the database file: breadth-first searches over the
// adjacency kept at import (actor_link) and the relations' indexes.

#include <algorithm>
#include <unordered_map>

#include "answer_parts.hpp"
#include "bilateral/error.hpp"
#include "bilateral/rules/natural_order.hpp"

namespace bilateral::query {
namespace {

std::vector<std::int64_t> neighbours(store::Store& store, std::int64_t row, Through through) {
    std::vector<std::int64_t> out;
    if (through != Through::Relations) out = store.linkedActors(row);
    if (through != Through::Events) {
        const auto related = store.relatedActors(row);
        if (out.empty()) return related;
        std::vector<std::int64_t> both;
        std::set_union(out.begin(), out.end(), related.begin(), related.end(),
                       std::back_inserter(both));
        return both;
    }
    return out;
}

/// One side of the bidirectional search: who was reached, from whom, and the newest level.
struct Side {
    std::unordered_map<std::int64_t, std::int64_t> parent;  ///< row -> row it was reached from
    std::vector<std::int64_t> frontier;
    int depth = 0;
};

}  // namespace

PathAnswer path(store::Store& store, std::string_view fromId, std::string_view toId,
                const PathOptions& options) {
    const auto from = detail::requireActor(store, fromId);
    const auto to = detail::requireActor(store, toId);
    PathAnswer answer;
    std::int64_t meet = -1;
    if (from.row == to.row) {
        meet = from.row;
    }
    Side a, b;
    a.parent.emplace(from.row, from.row);
    a.frontier = {from.row};
    b.parent.emplace(to.row, to.row);
    b.frontier = {to.row};
    bool bounded = false;
    while (meet < 0 && !a.frontier.empty() && !b.frontier.empty()) {
        if (a.depth + b.depth >= options.maxHops ||
            a.parent.size() + b.parent.size() > options.maxVisited) {
            bounded = true;
            break;
        }
        // Grow the smaller side by one level; the first meeting of that level is a shortest
        // path. Its actors are taken best-connected first, each one's neighbours read only
        // until a meeting: a hub reaches the other side after a few rows, where reading its
        // whole row would cost thousands.
        auto& grow = a.frontier.size() <= b.frontier.size() ? a : b;
        auto& other = &grow == &a ? b : a;
        std::vector<std::pair<std::int64_t, std::int64_t>> order;  // (-degree, row)
        order.reserve(grow.frontier.size());
        for (const auto u : grow.frontier) {
            const auto degree =
                options.through == Through::Relations ? 0 : store.linkedActorCount(u);
            order.emplace_back(-degree, u);
        }
        std::sort(order.begin(), order.end());
        std::vector<std::int64_t> next;
        auto reach = [&](std::int64_t u, std::int64_t v) {
            if (!grow.parent.emplace(v, u).second) return true;
            next.push_back(v);
            if (other.parent.count(v)) {
                meet = v;
                return false;
            }
            return true;
        };
        for (const auto& entry : order) {
            const auto u = entry.second;  // a plain variable: clang 14 cannot capture a binding
            if (options.through != Through::Relations) {
                store.forEachLinkedActor(u, [&](std::int64_t v) { return reach(u, v); });
            }
            if (meet < 0 && options.through != Through::Events) {
                for (const auto v : store.relatedActors(u)) {
                    if (!reach(u, v)) break;
                }
            }
            if (meet >= 0) break;
        }
        std::sort(next.begin(), next.end());
        grow.frontier = std::move(next);
        ++grow.depth;
    }
    answer.visited = a.parent.size() + b.parent.size();
    if (meet < 0) {
        answer.outcome =
            bounded ? PathAnswer::Outcome::StoppedByBound : PathAnswer::Outcome::NoPath;
        return answer;
    }
    std::vector<std::int64_t> rows;
    for (auto x = meet;; x = a.parent.at(x)) {
        rows.push_back(x);
        if (x == from.row) break;
    }
    std::reverse(rows.begin(), rows.end());
    for (auto x = meet; x != to.row;) {
        x = b.parent.at(x);
        rows.push_back(x);
    }
    answer.outcome = PathAnswer::Outcome::Found;
    for (const auto r : rows) answer.actors.push_back(detail::actorRef(store.actorRecordAt(r)));
    for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
        PathStep step;
        step.from = answer.actors[i].id;
        step.to = answer.actors[i + 1].id;
        if (options.through != Through::Relations) {
            if (const auto e = store.sharedEvent(rows[i], rows[i + 1])) {
                step.event = detail::eventRef(store, store.eventRecordAt(*e), false);
            }
        }
        if (!step.event) {
            if (const auto r = store.relationBetween(rows[i], rows[i + 1])) {
                step.relation = r->first;
                step.relationKind = r->second;
            }
        }
        answer.steps.push_back(std::move(step));
    }
    return answer;
}

Page<EgoMember> egoNetwork(store::Store& store, std::string_view centerId, int hops,
                           Through through, std::size_t limit) {
    const auto center = detail::requireActor(store, centerId);
    std::unordered_map<std::int64_t, int> seen{{center.row, 0}};
    std::vector<std::int64_t> frontier{center.row};
    std::vector<std::pair<int, std::int64_t>> members;
    for (int d = 1; d <= hops && !frontier.empty(); ++d) {
        std::vector<std::int64_t> next;
        for (const auto u : frontier) {
            for (const auto v : neighbours(store, u, through)) {
                if (seen.emplace(v, d).second) {
                    next.push_back(v);
                    members.emplace_back(d, v);
                }
            }
        }
        frontier = std::move(next);
    }
    Page<EgoMember> page;
    page.total = members.size();
    std::vector<EgoMember> all;
    all.reserve(members.size());
    for (const auto& [d, row] : members) {
        all.push_back({detail::actorRef(store.actorRecordAt(row)), d});
    }
    std::sort(all.begin(), all.end(), [](const EgoMember& x, const EgoMember& y) {
        if (x.hops != y.hops) return x.hops < y.hops;
        return detail::naturalLess(x.actor.id, y.actor.id);
    });
    if (limit != 0 && all.size() > limit) all.resize(limit);
    page.items = std::move(all);
    return page;
}

}  // namespace bilateral::query
