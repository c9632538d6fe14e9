#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "command.hpp"

namespace bilateral::cli {

void addStats(CLI::App& cmd, const Globals& g) {
    auto json = std::make_shared<bool>(false);
    cmd.add_flag("--json", *json, "machine-readable output");
    cmd.callback([&g, json] {
        auto db = g.openReadOnly();
        const auto c = db.stats();
        if (*json) {
            nlohmann::ordered_json j;
            j["sources"] = c.sources;
            j["actors"] = c.actors;
            j["events"] = c.events;
            j["participations"] = c.participations;
            j["relations"] = c.relations;
            j["evidence"] = c.evidence;
            // The same keys on an empty database: each by-kind object is there, `{}` when empty.
            auto byKind = [](const auto& counts) {
                auto o = nlohmann::ordered_json::object();
                for (const auto& [k, n] : counts) o[k] = n;
                return o;
            };
            j["actors_by_kind"] = byKind(c.actorsByKind);
            j["events_by_kind"] = byKind(c.eventsByKind);
            j["relations_by_kind"] = byKind(c.relationsByKind);
            j["event_links"] = c.eventLinks;
            fmt::print("{}\n", j.dump(2));
            return;
        }
        fmt::print("{:<16}{:>10}\n", "sources", c.sources);
        auto block = [](std::string_view title, std::int64_t total, const auto& byKind) {
            fmt::print("{:<16}{:>10}\n", title, total);
            for (const auto& [k, n] : byKind) fmt::print("  {:<20}{:>6}\n", k, n);
        };
        block("actors", c.actors, c.actorsByKind);
        block("events", c.events, c.eventsByKind);
        fmt::print("{:<16}{:>10}\n", "participations", c.participations);
        block("relations", c.relations, c.relationsByKind);
        fmt::print("{:<16}{:>10}\n", "evidence", c.evidence);
        if (c.eventLinks > 0) fmt::print("{:<16}{:>10}\n", "event links", c.eventLinks);
    });
}

}  // namespace bilateral::cli
