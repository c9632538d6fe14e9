// bilateral who-met ACTOR [--from DATE] [--to DATE] [--kinds K,...] [--phone-calls]
//                       [--any-side | --co-participants] [--rows] [--no-merge] [--json]

#include <fmt/core.h>

#include "bilateral/query/queries.hpp"
#include "command.hpp"
#include "format.hpp"

namespace bilateral::cli {
namespace {

struct WhoMetArgs {
    std::string actor, from, to, kinds;
    bool phoneCalls = false;
    bool anySide = false, coParticipants = false, rows = false, noMerge = false;
    bool json = false;
    std::size_t limit = 0;
};

/// The answer in the shape of docs/cli.md, "who-met".
Json whoMetJson(const WhoMetArgs& a, const query::WhoMetOptions& o, const query::ActorRef& who,
                const std::optional<std::string_view>& ownSide,
                const query::Page<query::MetActor>& met) {
    Json j;
    j["actor"] = actorJson(who);
    j["from"] = dateJson(o.window.from);
    j["to"] = dateJson(o.window.to);
    j["kinds"] = kindsJson(o.kinds);
    j["side"] = ownSide ? Json(std::string(*ownSide)) : Json(nullptr);
    j["any_side"] = o.anySide;
    j["co_participants"] = a.coParticipants;
    j["count"] = a.rows ? "rows" : "meetings";
    j["total"] = met.total;
    Json list = Json::array();
    for (const auto& c : met.items) {
        Json x = actorJson(c.actor);
        x["side"] = c.side ? Json(*c.side) : Json(nullptr);
        x["meetings"] = c.meetings;
        x["rows"] = c.rows;
        x["first"] = dateJson(c.first);
        x["last"] = dateJson(c.last);
        putSupport(x, c.overall);
        Json events = Json::array();
        for (const auto& e : c.events) events.push_back(e.id);
        x["events"] = std::move(events);
        // [attested] What "they met there" rests on, for each of `events`.
        Json bases = Json::array(), confidences = Json::array();
        for (const auto& s : c.support) {
            Json one;
            putSupport(one, s);
            bases.push_back(one["basis"]);
            confidences.push_back(one["confidence"]);
        }
        x["event_basis"] = std::move(bases);
        x["event_confidence"] = std::move(confidences);
        list.push_back(std::move(x));
    }
    j["counterparts"] = std::move(list);
    return j;
}

void printWhoMetTable(const WhoMetArgs& a, const query::ActorRef& who,
                      const std::optional<std::string_view>& ownSide,
                      const query::Page<query::MetActor>& met) {
    const auto label = actorLabel(who);
    if (met.total == 0) {
        fmt::print("{} met nobody\n", label);
        return;
    }
    const auto scope = a.coParticipants ? std::string("as co-participants, its own delegation too")
                       : a.anySide      ? std::string("on any side")
                       : ownSide        ? fmt::format("on another side than {}", *ownSide)
                                        : std::string("(it has no side: any side counts)");
    fmt::print("{} met {} {} {}\n", label, met.total, met.total == 1 ? "actor" : "actors", scope);
    Table t({"NAME", "ID", "SIDE", a.rows ? "ROWS" : "MEETINGS", "FIRST", "LAST", "EVENTS"}, {3});
    bool sideless = false;
    bool marked = false;
    for (const auto& c : met.items) {
        sideless = sideless || !c.side;
        std::string events;
        for (std::size_t i = 0; i < c.events.size() && i < 3; ++i) {
            const auto marker = supportMarker(c.support[i]);
            marked = marked || !marker.empty();
            events += (i ? ", " : "") + c.events[i].id + marker;
        }
        if (c.events.size() > 3) events += fmt::format(", +{} more", c.events.size() - 3);
        t.add({c.actor.name, c.actor.id, c.side ? *c.side : std::string("?"),
               std::to_string(a.rows ? c.rows : c.meetings), dateText(c.first), dateText(c.last),
               events});
    }
    t.print();
    if (sideless) fmt::print("? no side (a group of several sides, or no country): counted\n");
    printShowing(met.items.size(), met.total);
    if (marked) printSupportLegend();
}

void run(const Globals& g, const WhoMetArgs& a) {
    query::WhoMetOptions o;
    const auto window = parseWindowOption(a.from, a.to);
    o.window.from = window.from;
    o.window.to = window.to;
    o.kinds = parseEventKinds(a.kinds, "--kinds");
    o.includePhoneCalls = a.phoneCalls;
    o.kinds = query::countingKinds(o);  // shown as the kinds that counted
    o.anySide = a.anySide || a.coParticipants;
    o.coParticipants = a.coParticipants;
    o.countRows = a.rows;
    o.merge = !a.noMerge;

    auto db = g.openReadOnly();
    const auto id = resolveActorArgument(db, a.actor, a.json, std::nullopt, o.merge);
    const auto who = db.actorRef(id, o.merge);
    const auto met = db.whoMet(id, o, a.limit);
    const auto ownSide = model::ownSide(who.kind, who.id, who.country);

    if (a.json) {
        printJson(whoMetJson(a, o, who, ownSide, met));
        return;
    }
    printWhoMetTable(a, who, ownSide, met);
}

}  // namespace

void addWhoMet(CLI::App& cmd, const Globals& g) {
    auto& a = onRun(cmd, g, run);
    addActorArgument(cmd, a.actor);
    addOverlapWindowOptions(cmd, a.from, a.to);
    cmd.add_option("--kinds", a.kinds,
                   "comma-separated event kinds that count (default: official_visit, state_visit, "
                   "bilateral_meeting, talks, roundtable, summit, negotiation)");
    cmd.add_flag("--phone-calls", a.phoneCalls, "count phone calls too (with the default kinds)");
    auto* anySide = cmd.add_flag("--any-side", a.anySide,
                                 "count co-participants on any side, the own side's too (the own "
                                 "delegation still aside)");
    cmd.add_flag("--co-participants", a.coParticipants,
                 "plain co-participation: everyone who took part with ACTOR, its own delegation "
                 "too, whatever the sides")
        ->excludes(anySide);
    cmd.add_flag("--rows", a.rows,
                 "count event rows (each source row of an event file), not meetings");
    addNoMergeFlag(cmd, a.noMerge);
    addLimitOption(cmd, a.limit);
    addJsonFlag(cmd, a.json);
}

}  // namespace bilateral::cli
