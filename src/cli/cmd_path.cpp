// bilateral path ACTOR ACTOR [--through events|relations|both] [--json]

#include <fmt/core.h>

#include <algorithm>
#include <limits>

#include "bilateral/error.hpp"
#include "bilateral/query/queries.hpp"
#include "command.hpp"
#include "format.hpp"

namespace bilateral::cli {
namespace {

struct PathArgs {
    std::string from, to, through = "both";
    bool json = false;
    int maxHops = query::PathOptions{}.maxHops;
    std::size_t maxVisited = query::PathOptions{}.maxVisited;
};

query::Through parseThrough(const std::string& s) {
    if (s == "events") return query::Through::Events;
    if (s == "relations") return query::Through::Relations;
    if (s == "both") return query::Through::EventsAndRelations;
    throw InvalidArgumentError("--through: expected events, relations or both, got \"" + s + "\"");
}

void run(const Globals& g, const PathArgs& a) {
    query::PathOptions o;
    o.through = parseThrough(a.through);
    o.maxHops = a.maxHops;
    o.maxVisited = a.maxVisited;
    auto db = g.openReadOnly();
    const auto fromId = resolveActorArgument(db, a.from, a.json);
    const auto toId = resolveActorArgument(db, a.to, a.json);
    const auto path = db.path(fromId, toId, o);
    const auto from = db.actorRef(fromId);
    const auto to = db.actorRef(toId);
    auto label = [](const query::ActorRef& x) { return x.name + " (" + x.id + ")"; };
    const bool found = path.outcome == query::PathAnswer::Outcome::Found;
    if (path.outcome == query::PathAnswer::Outcome::StoppedByBound) {
        throw NotFoundError(fmt::format(
            "no path between {} and {} within the search's bounds (--max-hops {}, --max-visited "
            "{}; {} actors visited); raise them to look further",
            label(from), label(to), o.maxHops, o.maxVisited, path.visited));
    }

    if (a.json) {
        Json j;
        j["from"] = actorJson(from);
        j["to"] = actorJson(to);
        j["through"] = a.through;
        j["found"] = found;
        j["hops"] = found ? Json(path.steps.size()) : Json(nullptr);
        Json actors = Json::array();
        Json steps = Json::array();
        for (const auto& x : path.actors) actors.push_back(actorJson(x));
        for (const auto& h : path.steps) {
            Json s;
            s["from"] = h.from;
            s["to"] = h.to;
            // The event shape of timeline, without participants.
            s["event"] = h.event ? eventJson(*h.event, false) : Json(nullptr);
            s["relation"] = h.relationKind ? Json{{"id", h.relation},
                                                  {"kind", model::toString(*h.relationKind)}}
                                           : Json(nullptr);
            steps.push_back(std::move(s));
        }
        j["actors"] = std::move(actors);
        j["steps"] = std::move(steps);
        printJson(j);
        return;
    }
    if (!found) {
        fmt::print("No path between {} and {}\n", label(from), label(to));
        return;
    }
    const auto hops = path.steps.size();
    fmt::print("{} to {}: {} {}\n", label(from), label(to), hops, hops == 1 ? "hop" : "hops");
    fmt::print("  {}\n", label(path.actors.front()));
    for (std::size_t i = 0; i < hops; ++i) {
        const auto& h = path.steps[i];
        if (h.event) {
            fmt::print("    via {} {} ({}, {}): {}\n", model::toString(h.event->kind), h.event->id,
                       eventDateText(*h.event), model::toString(h.event->status), h.event->title);
        } else if (h.relationKind) {
            fmt::print("    via {} {}\n", model::toString(*h.relationKind), h.relation);
        }
        fmt::print("  {}\n", label(path.actors[i + 1]));
    }
    const bool inherited = std::any_of(path.steps.begin(), path.steps.end(), [](const auto& h) {
        return h.event && h.event->datedByParent;
    });
    if (inherited) fmt::print("{}\n", kDatedByParentNote);
}

}  // namespace

void addPath(CLI::App& cmd, const Globals& g) {
    auto& a = onRun(cmd, g, run);
    addActorArgument(cmd, a.from, "FROM");
    addActorArgument(cmd, a.to, "TO");
    addThroughOption(cmd, a.through);
    cmd.add_option("--max-hops", a.maxHops, "longest path to look for (default 6)")
        ->check(wholeNumber(1, 64));
    cmd.add_option("--max-visited", a.maxVisited,
                   "actors the search may visit before it gives up (default 200000)")
        ->check(wholeNumber(2, std::numeric_limits<long long>::max()));
    addJsonFlag(cmd, a.json);
}

}  // namespace bilateral::cli
