// bilateral relations ACTOR [--as-of DATE] [--kind K] [--json]

#include <fmt/core.h>

#include <map>

#include "bilateral/query/queries.hpp"
#include "bilateral/sqlite/store.hpp"
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
    for (const auto& e : evidence) {
        Json j;
        j["source"] = e.source;
        j["span"] = e.span ? Json::array({e.span->start, e.span->end}) : Json(nullptr);
        j["quote"] = e.quote ? Json(*e.quote) : Json(nullptr);
        j["basis"] = model::toString(e.basis);
        j["confidence"] = e.confidence ? Json(*e.confidence) : Json(nullptr);
        j["note"] = e.note ? Json(*e.note) : Json(nullptr);
        list.push_back(std::move(j));
    }
    return list;
}

void run(const Globals& g, const RelationsArgs& a) {
    const auto day = parseDateOption(a.asOf, "--as-of");
    const auto kind = parseRelationKind(a.kind, "--kind");
    auto store = g.open(false);
    const auto id = resolveActorArgument(store, a.actor, a.json);
    const auto self = store.getActor(id);
    auto relations = query::relationsAsOf(store, id, day, kind);
    const auto total = cutTo(relations, a.limit);

    std::map<std::string, std::string> names{{self.id, self.name}};
    auto nameOf = [&](const std::string& actor) -> const std::string& {
        auto it = names.find(actor);
        if (it == names.end()) {
            auto found = store.findActor(actor);
            it = names.emplace(actor, found ? found->name : actor).first;
        }
        return it->second;
    };

    if (a.json) {
        Json j;
        j["actor"] = actorJson(self);
        j["total"] = total;
        j["as_of"] = dateJson(day);
        j["kind"] = kind ? Json(model::toString(*kind)) : Json(nullptr);
        Json list = Json::array();
        for (const auto& r : relations) {
            Json x;
            x["id"] = r.relation.id;
            x["kind"] = model::toString(r.relation.kind);
            x["from"] = Json{{"id", r.relation.from}, {"name", nameOf(r.relation.from)}};
            x["to"] = Json{{"id", r.relation.to}, {"name", nameOf(r.relation.to)}};
            x["valid"] = intervalJson(r.relation.valid);
            x["certainty"] = day ? Json(certaintyText(r.holds)) : Json(nullptr);
            x["evidence"] = evidenceJson(r.relation.evidence);
            list.push_back(std::move(x));
        }
        j["relations"] = std::move(list);
        printJson(j);
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
        std::vector<std::string> row{std::string(model::toString(r.relation.kind)),
                                     nameOf(r.relation.from), nameOf(r.relation.to),
                                     intervalText(r.relation.valid)};
        if (day) row.push_back(certaintyText(r.holds));
        row.push_back(r.relation.id);
        t.add(std::move(row));
    }
    t.print();
    printShowing(relations.size(), total);
}

}  // namespace

void addRelations(CLI::App& app, const Globals& g) {
    auto* cmd = app.add_subcommand(
        "relations",
        "Relations from or to ACTOR; with --as-of, those that certainly or possibly hold on that "
        "date, certainly ones first");
    auto a = std::make_shared<RelationsArgs>();
    cmd->add_option("ACTOR", a->actor, "actor id, or a name or alias naming one actor")->required();
    cmd->add_option("--as-of", a->asOf, "the date asked about (YYYY, YYYY-MM or YYYY-MM-DD)");
    cmd->add_option("--kind", a->kind,
                    "only relations of this kind (holds_post, post_of, member_of, ...)");
    addLimitOption(*cmd, a->limit);
    cmd->add_flag("--json", a->json, "machine-readable output (docs/cli.md)");
    cmd->callback([&g, a] { run(g, *a); });
}

}  // namespace bilateral::cli
