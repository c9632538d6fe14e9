// bilateral holders POST [--on DATE] [--json]

#include <fmt/core.h>

#include "bilateral/query/queries.hpp"
#include "command.hpp"
#include "format.hpp"

namespace bilateral::cli {
namespace {

struct HoldersArgs {
    std::string post, on;
    bool json = false;
    std::size_t limit = 0;
};

void run(const Globals& g, const HoldersArgs& a) {
    const auto day = parseDateOption(a.on, "--on");
    auto db = g.openReadOnly();
    const auto id = resolveActorArgument(db, a.post, a.json, model::ActorKind::Post);
    const auto post = db.actor(id);
    auto holders = db.holders(id, day);
    const auto total = cutTo(holders, a.limit);

    if (a.json) {
        Json j;
        j["post"] = actorJson(post);
        j["on"] = dateJson(day);
        j["total"] = total;
        printJsonList(j, "holders", holders, [&](const auto& h) {
            Json x = actorJson(h.person);
            x["relation"] = h.tenure.id;
            x["valid"] = intervalJson(h.tenure.valid);
            x["certainty"] = day ? Json(certaintyText(h.holds)) : Json(nullptr);
            return x;
        });
        return;
    }
    const std::string when = day ? " on " + day->toString() : "";
    if (holders.empty()) {
        fmt::print("Nobody held {} ({}){}\n", post.name, post.id, when);
        return;
    }
    fmt::print("Holders of {} ({}){}:\n", post.name, post.id, when);
    std::vector<std::string> header{"NAME", "ID", "TENURE"};
    if (day) header.emplace_back("HOLDS");
    Table t(header);
    for (const auto& h : holders) {
        std::vector<std::string> row{h.person.name, h.person.id, intervalText(h.tenure.valid)};
        if (day) row.push_back(certaintyText(h.holds));
        t.add(std::move(row));
    }
    t.print(total);
}

}  // namespace

void addHolders(CLI::App& cmd, const Globals& g) {
    auto& a = onRun(cmd, g, run);
    cmd.add_option("POST", a.post, "post id, or a name or alias naming one post")->required();
    cmd.add_option("--on", a.on, "the date asked about (YYYY, YYYY-MM or YYYY-MM-DD)");
    addLimitOption(cmd, a.limit);
    addJsonFlag(cmd, a.json);
}

}  // namespace bilateral::cli
