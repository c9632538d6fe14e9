// bilateral timeline (ACTOR | --dyad ISO3:ISO3 | --country ISO3) [--from DATE] [--to DATE]
//                    [--kinds K,...] [--json]

#include <fmt/core.h>

#include <algorithm>
#include <cctype>

#include "bilateral/error.hpp"
#include "bilateral/query/queries.hpp"
#include "command.hpp"
#include "format.hpp"

namespace bilateral::cli {
namespace {

struct TimelineArgs {
    std::string actor, dyad, country, from, to, kinds;
    bool json = false;
    std::size_t limit = 0;
};

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

void run(const Globals& g, const TimelineArgs& a) {
    const int scopes = !a.actor.empty() + !a.dyad.empty() + !a.country.empty();
    if (scopes != 1) {
        throw InvalidArgumentError(
            "timeline: give exactly one of ACTOR, --dyad ISO3:ISO3 or --country ISO3");
    }
    std::string countryA, countryB;
    if (!a.dyad.empty()) {
        const auto colon = a.dyad.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == a.dyad.size() ||
            a.dyad.find(':', colon + 1) != std::string::npos) {
            throw InvalidArgumentError("--dyad: expected two country codes as ISO3:ISO3, got \"" +
                                       a.dyad + "\"");
        }
        countryA = upper(a.dyad.substr(0, colon));
        countryB = upper(a.dyad.substr(colon + 1));
        if (countryA == countryB)
            throw InvalidArgumentError("--dyad: the two countries must differ");
    }
    query::TimelineOptions o;
    const auto window = parseWindowOption(a.from, a.to);
    o.window.from = window.from;
    o.window.to = window.to;
    o.kinds = parseEventKinds(a.kinds, "--kinds");
    o.participants = a.json;  // the table does not show them

    auto db = g.openReadOnly();
    query::Page<query::EventRef> events;
    Json scope;
    std::string heading;
    if (!a.actor.empty()) {
        const auto id = resolveActorArgument(db, a.actor, a.json);
        const auto who = db.actorRef(id);
        events = db.timeline(id, o, a.limit);
        scope["actor"] = actorJson(who);
        heading = "Timeline of " + who.name + " (" + who.id + ")";
    } else if (!countryA.empty()) {
        events = db.dyadTimeline(countryA, countryB, o, a.limit);
        scope["dyad"] = Json::array({countryA, countryB});
        heading = "Events with both " + countryA + " and " + countryB;
    } else {
        const auto code = upper(a.country);
        events = db.countryTimeline(code, o, a.limit);
        scope["country"] = code;
        heading = "Events of " + code;
    }

    if (a.json) {
        Json j = scope;
        j["from"] = dateJson(o.window.from);
        j["to"] = dateJson(o.window.to);
        j["kinds"] = kindsJson(o.kinds);
        j["total"] = events.total;
        printJsonWithArray(j, "events", events.items.size(),
                           [&events](std::size_t i) { return eventJson(events.items[i], true); });
        return;
    }
    fmt::print("{}: {} {}\n", heading, events.total, events.total == 1 ? "event" : "events");
    if (events.items.empty()) return;
    // [places] Dyad and country timelines say which rule put each event there (BY), and every
    // timeline marks events linked to others (LINKS: how many; listed below the table).
    const bool scoped = a.actor.empty();
    std::vector<std::string> head{"DATE", "KIND", "STATUS"};
    if (scoped) head.emplace_back("BY");
    for (const char* h : {"LINKS", "ID", "TITLE"}) head.emplace_back(h);
    Table t(head);
    t.reserve(events.items.size());
    bool inherited = false, byPlace = false, marked = false;
    std::vector<const query::LinkRef*> links;
    std::vector<std::string> linkFrom;
    std::string title;
    for (const auto& e : events.items) {
        const auto date = eventDateText(e);
        inherited = inherited || e.datedByParent;
        const auto linked = e.links.empty() ? std::string() : std::to_string(e.links.size());
        const auto marker = supportMarker(e.support);
        marked = marked || !marker.empty();
        std::string_view shown = e.title;
        if (!marker.empty()) shown = title.assign(e.title).append(marker);
        const std::string_view kind = model::toString(e.kind), status = model::toString(e.status);
        if (scoped) {
            byPlace = byPlace || e.inScope == query::ScopeRule::Place;
            t.addRow({date, kind, status, e.inScope ? query::toString(*e.inScope) : "", linked,
                      e.id, shown});
        } else {
            t.addRow({date, kind, status, linked, e.id, shown});
        }
        for (const auto& l : e.links) {
            const bool seen = std::any_of(links.begin(), links.end(),
                                          [&](const query::LinkRef* x) { return x->id == l.id; });
            if (seen) continue;
            links.push_back(&l);
            linkFrom.push_back(e.id);
        }
    }
    t.print();
    printShowing(events.items.size(), events.total);
    if (inherited) fmt::print("{}\n", kDatedByParentNote);
    if (marked) printSupportLegend();
    if (byPlace) {
        fmt::print("BY place: {}\n", countryB.empty() && !a.country.empty()
                                         ? "located in the country, no participant of it"
                                         : "participants of one country acting in a place of "
                                           "the other");
    }
    if (!links.empty()) {
        fmt::print("Links:\n");
        for (std::size_t i = 0; i < links.size(); ++i) {
            const auto& l = *links[i];
            const auto& self = linkFrom[i];
            fmt::print("  {} {} {}\n", l.outgoing ? self : l.event, model::toString(l.kind),
                       l.outgoing ? l.event : self);
        }
    }
}

}  // namespace

void addTimeline(CLI::App& app, const Globals& g) {
    auto* cmd = app.add_subcommand(
        "timeline",
        "Events of an actor, of a dyad of countries or of one country, in timeline order "
        "(earliest day, then finer dates, then id); planned events are listed and flagged");
    auto a = std::make_shared<TimelineArgs>();
    cmd->add_option("ACTOR", a->actor, "actor id, or a name or alias naming one actor");
    cmd->add_option("--dyad", a->dyad,
                    "events in which both countries take part, as ISO3:ISO3 (ITA:MYS)");
    cmd->add_option("--country", a->country, "events in which the country takes part (ISO3)");
    cmd->add_option(
        "--from", a->from,
        "only events that may overlap this date or later (YYYY, YYYY-MM or YYYY-MM-DD)");
    cmd->add_option("--to", a->to, "only events that may overlap this date or earlier");
    cmd->add_option("--kinds", a->kinds, "comma-separated event kinds (default: all)");
    addLimitOption(*cmd, a->limit);
    cmd->add_flag("--json", a->json, "machine-readable output (docs/cli.md)");
    cmd->callback([&g, a] { run(g, *a); });
}

}  // namespace bilateral::cli
