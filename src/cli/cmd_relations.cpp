// bilateral relations ACTOR [--as-of DATE] [--kind K] [--json]

#include <fmt/core.h>

#include <map>

#include "bilateral/query/queries.hpp"
#include "command.hpp"
#include "format.hpp"

namespace bilateral::cli {
namespace {

struct RelationsArgs {
    std::string actor, asOf, kind;
    bool json = false;
    std::size_t limit = 0;
};

Json evidenceJson(const std::vector<model::Evidence>& evidence) {
    Json list = Json::array();
    for (const auto& e : evidence) list.push_back(cli::evidenceJson(e));  // format.hpp
    return list;
}

void run(const Globals& g, const RelationsArgs& a) {
    const auto day = parseDateOption(a.asOf, "--as-of");
    const auto kind = parseRelationKind(a.kind, "--kind");
    auto db = g.openReadOnly();
    const auto id = resolveActorArgument(db, a.actor, a.json);
    const auto self = db.actor(id);
    auto relations = db.relations(id, day, kind);
    const auto total = cutTo(relations, a.limit);

    if (a.json) {
        Json j;
        j["actor"] = actorJson(self);
        j["total"] = total;
        j["as_of"] = dateJson(day);
        j["kind"] = kind ? Json(model::toString(*kind)) : Json(nullptr);
        printJsonList(j, "relations", relations, [&](const auto& r) {
            Json x;
            x["id"] = r.relation.id;
            x["kind"] = model::toString(r.relation.kind);
            x["from"] = Json{{"id", r.relation.from}, {"name", r.fromName}};
            x["to"] = Json{{"id", r.relation.to}, {"name", r.toName}};
            x["valid"] = intervalJson(r.relation.valid);
            x["certainty"] = day ? Json(certaintyText(r.holds)) : Json(nullptr);
            x["evidence"] = evidenceJson(r.relation.evidence);
            return x;
        });
        return;
    }
    const std::string when = day ? " on " + day->toString() : "";
    fmt::print("Relations of {} ({}){}: {}\n", self.name, self.id, when, total);
    if (relations.empty()) return;
    std::vector<std::string> header{"KIND", "FROM", "TO", "VALID"};
    if (day) header.emplace_back("HOLDS");
    header.emplace_back("ID");
    Table t(header);
    for (const auto& r : relations) {
        std::vector<std::string> row{std::string(model::toString(r.relation.kind)), r.fromName,
                                     r.toName, intervalText(r.relation.valid)};
        if (day) row.push_back(certaintyText(r.holds));
        row.push_back(r.relation.id);
        t.add(std::move(row));
    }
    t.print(total);
}

}  // namespace

void addRelations(CLI::App& cmd, const Globals& g) {
    auto& a = onRun(cmd, g, run);
    addActorArgument(cmd, a.actor);
    cmd.add_option("--as-of", a.asOf, "the date asked about (YYYY, YYYY-MM or YYYY-MM-DD)");
    cmd.add_option("--kind", a.kind,
                   "only relations of this kind (holds_post, post_of, member_of, ...)");
    addLimitOption(cmd, a.limit);
    addJsonFlag(cmd, a.json);
}

}  // namespace bilateral::cli
