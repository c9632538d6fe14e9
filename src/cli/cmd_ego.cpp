// bilateral ego ACTOR [--hops K] [--through events|relations|both] [--limit N] [--json]

#include <fmt/core.h>

#include "bilateral/error.hpp"
#include "command.hpp"
#include "format.hpp"

namespace bilateral::cli {
namespace {

struct EgoArgs {
    std::string actor, through = "both";
    int hops = 1;
    std::size_t limit = 0;
    bool json = false;
};

void run(const Globals& g, const EgoArgs& a) {
    query::Through through = query::Through::EventsAndRelations;
    if (a.through == "events")
        through = query::Through::Events;
    else if (a.through == "relations")
        through = query::Through::Relations;
    else if (a.through != "both")
        throw InvalidArgumentError("--through: expected events, relations or both, got \"" +
                                   a.through + "\"");
    auto db = g.openReadOnly();
    const auto id = resolveActorArgument(db, a.actor, a.json);
    const auto center = db.actorRef(id);
    const auto ego = db.ego(id, a.hops, through, a.limit);
    if (a.json) {
        Json j;
        j["actor"] = actorJson(center);
        j["hops"] = a.hops;
        j["through"] = a.through;
        j["total"] = ego.total;
        printJsonList(j, "actors", ego.items, [](const auto& m) {
            Json x = actorJson(m.actor);
            x["hops"] = m.hops;
            return x;
        });
        return;
    }
    fmt::print("Within {} {} of {} ({}): {} {}\n", a.hops, a.hops == 1 ? "hop" : "hops",
               center.name, center.id, ego.total, ego.total == 1 ? "actor" : "actors");
    if (ego.items.empty()) return;
    Table t({"HOPS", "NAME", "ID", "KIND", "COUNTRY"}, {0});
    for (const auto& m : ego.items) {
        t.add({std::to_string(m.hops), m.actor.name, m.actor.id,
               std::string(model::toString(m.actor.kind)), m.actor.country});
    }
    t.print(ego.total);
}

}  // namespace

void addEgo(CLI::App& cmd, const Globals& g) {
    auto& a = onRun(cmd, g, run);
    addActorArgument(cmd, a.actor);
    cmd.add_option("--hops", a.hops, "how far to go (default 1)")->check(wholeNumber(1, 6));
    addThroughOption(cmd, a.through);
    addLimitOption(cmd, a.limit);
    addJsonFlag(cmd, a.json);
}

}  // namespace bilateral::cli
