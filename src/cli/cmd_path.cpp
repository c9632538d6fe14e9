// bilateral path ACTOR ACTOR [--through events|relations|both] [--json]

#include <fmt/core.h>

#include "bilateral/error.hpp"
#include "bilateral/graph/paths.hpp"
#include "bilateral/query/queries.hpp"
#include "bilateral/store/store.hpp"
#include "command.hpp"
#include "format.hpp"

namespace bilateral::cli {
namespace {

struct PathArgs {
    std::string from, to, through = "both";
    bool json = false;
};

graph::Through parseThrough(const std::string& s) {
    if (s == "events") return graph::Through::Events;
    if (s == "relations") return graph::Through::Relations;
    if (s == "both") return graph::Through::EventsAndRelations;
    throw InvalidArgumentError("--through: expected events, relations or both, got \"" + s + "\"");
}

void run(const Globals& g, const PathArgs& a) {
    const auto through = parseThrough(a.through);
    auto store = g.open(false);
    const auto fromId = resolveActorArgument(store, a.from);
    const auto toId = resolveActorArgument(store, a.to);
    const auto index = query::Index::build(store);
    const auto from = *index.findActor(fromId);
    const auto to = *index.findActor(toId);
    const auto path = graph::shortestPath(index, from, to, through);

    auto relationKind = [&](const std::string& id) {
        const auto r = store.findRelation(id);
        return r ? std::string(model::toString(r->kind)) : std::string();
    };

    if (a.json) {
        Json j;
        j["from"] = actorJson(index.actor(from));
        j["to"] = actorJson(index.actor(to));
        j["through"] = a.through;
        j["found"] = path.has_value();
        j["hops"] = path ? Json(path->hops.size()) : Json(nullptr);
        Json actors = Json::array();
        Json steps = Json::array();
        if (path) {
            for (const auto x : path->actors) actors.push_back(actorJson(index.actor(x)));
            for (const auto& h : path->hops) {
                Json s;
                s["from"] = index.actor(h.from).id;
                s["to"] = index.actor(h.to).id;
                if (h.event) {
                    const auto& ev = index.event(*h.event);
                    s["event"] = Json{{"id", ev.id},
                                      {"kind", model::toString(ev.kind)},
                                      {"title", ev.title},
                                      {"start", dateJson(index.startOf(*h.event))},
                                      {"status", model::toString(ev.status)}};
                } else {
                    s["event"] = nullptr;
                }
                s["relation"] = h.relation
                                    ? Json{{"id", *h.relation}, {"kind", relationKind(*h.relation)}}
                                    : Json(nullptr);
                steps.push_back(std::move(s));
            }
        }
        j["actors"] = std::move(actors);
        j["steps"] = std::move(steps);
        printJson(j);
        return;
    }
    if (!path) {
        fmt::print("No path between {} and {}\n", labelOf(index.actor(from)),
                   labelOf(index.actor(to)));
        return;
    }
    const auto hops = path->hops.size();
    fmt::print("{} to {}: {} {}\n", labelOf(index.actor(from)), labelOf(index.actor(to)), hops,
               hops == 1 ? "hop" : "hops");
    fmt::print("  {}\n", labelOf(index.actor(path->actors.front())));
    for (const auto& h : path->hops) {
        if (h.event) {
            const auto& ev = index.event(*h.event);
            fmt::print("    via {} {} ({}, {}): {}\n", model::toString(ev.kind), ev.id,
                       eventDateText(index, *h.event), model::toString(ev.status), ev.title);
        } else if (h.relation) {
            fmt::print("    via {} {}\n", relationKind(*h.relation), *h.relation);
        }
        fmt::print("  {}\n", labelOf(index.actor(h.to)));
    }
}

}  // namespace

void addPath(CLI::App& app, const Globals& g) {
    auto* cmd = app.add_subcommand(
        "path",
        "A shortest chain of actors joining two actors, each step with its evidence: the earliest "
        "event both took part in, or a relation between them");
    auto a = std::make_shared<PathArgs>();
    cmd->add_option("FROM", a->from, "actor id, or a name or alias naming one actor")->required();
    cmd->add_option("TO", a->to, "actor id, or a name or alias naming one actor")->required();
    cmd->add_option("--through", a->through,
                    "what joins two actors: events, relations or both (default)");
    cmd->add_flag("--json", a->json, "machine-readable output (docs/cli.md)");
    cmd->callback([&g, a] { run(g, *a); });
}

}  // namespace bilateral::cli
