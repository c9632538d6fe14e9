// bilateral timeline (ACTOR | --dyad ISO3:ISO3 | --country ISO3) [--rule RULE] [--from DATE]
//                    [--to DATE] [--kinds K,...] [--no-merge] [--json]

#include <fmt/core.h>

#include <algorithm>

#include "bilateral/error.hpp"
#include "bilateral/query/queries.hpp"
#include "command.hpp"
#include "format.hpp"

namespace bilateral::cli {
namespace {

struct TimelineArgs {
    ScopeArgs scope;
    std::string from, to, kinds, rule = "any";
    bool json = false;
    std::size_t limit = 0;
};

/// The events of the scope asked for, with the scope as JSON and the table's heading.
struct Timeline {
    query::Page<query::EventRef> events;
    Json scope;
    std::string heading;
};

Timeline readTimeline(Database& db, const TimelineArgs& a, const query::TimelineOptions& o) {
    auto scope = resolveScope(db, a.scope, a.json);
    Timeline t;
    if (!scope.actor.empty()) {
        t.events = db.timeline(scope.actor, o, a.limit);
        t.heading = "Timeline of " + scope.label;
    } else if (!scope.b.empty()) {
        t.events = db.dyadTimeline(scope.a, scope.b, o, a.limit);
        t.heading = "Events with both " + scope.a + " and " + scope.b;
    } else {
        t.events = db.countryTimeline(scope.a, o, a.limit);
        t.heading = "Events of " + scope.a;
    }
    t.scope = std::move(scope.json);
    return t;
}

void printTimelineJson(const Timeline& t, const query::TimelineOptions& o) {
    Json j = t.scope;
    j["from"] = dateJson(o.window.from);
    j["to"] = dateJson(o.window.to);
    j["kinds"] = kindsJson(o.kinds);
    if (!j.contains("actor")) j["rule"] = o.participantsOnly ? "participants" : "any";
    j["total"] = t.events.total;
    const auto& items = t.events.items;
    printJsonWithArray(j, "events", items.size(),
                       [&items](std::size_t i) { return eventJson(items[i], true); });
}

/// The links of the events listed, each once, as `FROM KIND TO` lines under the table.
class LinkList {
public:
    void add(const query::EventRef& e) {
        for (const auto& l : e.links) {
            const bool seen = std::any_of(links_.begin(), links_.end(),
                                          [&](const query::LinkRef* x) { return x->id == l.id; });
            if (seen) continue;
            links_.push_back(&l);
            from_.push_back(e.id);
        }
    }
    void print() const {
        if (links_.empty()) return;
        fmt::print("Links:\n");
        for (std::size_t i = 0; i < links_.size(); ++i) {
            const auto& l = *links_[i];
            const auto& self = from_[i];
            fmt::print("  {} {} {}\n", l.outgoing ? self : l.event, model::toString(l.kind),
                       l.outgoing ? l.event : self);
        }
    }

private:
    std::vector<const query::LinkRef*> links_;
    std::vector<std::string> from_;
};

void printTimelineTable(const Timeline& tl, const TimelineArgs& a) {
    const auto& events = tl.events;
    fmt::print("{}: {} {}\n", tl.heading, events.total, events.total == 1 ? "event" : "events");
    if (events.items.empty()) return;
    // [places] Dyad and country timelines say which rule put each event there (BY), and every
    // timeline marks events linked to others (LINKS: how many; listed below the table).
    const bool scoped = a.scope.actor.empty();
    std::vector<std::string> head{"DATE", "KIND", "STATUS"};
    if (scoped) head.emplace_back("BY");
    for (const char* h : {"LINKS", "ACTORS", "ID", "TITLE"}) head.emplace_back(h);
    Table t(head);
    t.reserve(events.items.size());
    bool inherited = false, byPlace = false, marked = false, disagreed = false;
    LinkList links;
    std::string title;
    for (const auto& e : events.items) {
        const auto date = eventDateText(e);
        inherited = inherited || e.datedByParent;
        const auto linked = e.links.empty() ? std::string() : std::to_string(e.links.size());
        const auto marker = supportMarker(e.support);
        marked = marked || !marker.empty();
        std::string_view shown = e.title;
        if (!marker.empty()) shown = title.assign(e.title).append(marker);
        if (!e.disagreements.empty()) {  // [claims] ≠ and the fields the sources differ on
            disagreed = true;
            title.assign(shown).append(" \u2260 ");
            for (std::size_t i = 0; i < e.disagreements.size(); ++i) {
                const auto& d = e.disagreements[i];
                if (i > 0) title += ", ";
                title += d.actor.empty() ? d.field : d.actor + " " + d.field;
            }
            shown = title;
        }
        const std::string_view kind = model::toString(e.kind), status = model::toString(e.status);
        if (scoped) {
            byPlace = byPlace || e.inScope == query::ScopeRule::Place;
            t.addRow({date, kind, status, e.inScope ? query::toString(*e.inScope) : "", linked,
                      query::eventActors(e), e.id, shown});
        } else {
            t.addRow({date, kind, status, linked, query::eventActors(e), e.id, shown});
        }
        links.add(e);
    }
    t.print();
    printShowing(events.items.size(), events.total);
    if (inherited) fmt::print("{}\n", kDatedByParentNote);
    if (marked) printSupportLegend();
    if (disagreed) {
        fmt::print(
            "\u2260 FIELDS: its sources disagree about these; the preferred value is shown "
            "(bilateral disagreements lists each source's)\n");
    }
    if (byPlace) {
        fmt::print("BY place: {}\n", !a.scope.country.empty()
                                         ? "located in the country, no participant of it"
                                         : "participants of one country acting in a place of "
                                           "the other");
    }
    links.print();
}

void run(const Globals& g, const TimelineArgs& a) {
    a.scope.checkOne("timeline");
    if (!a.scope.dyad.empty()) parseDyad(a.scope.dyad);  // checked before the database opens
    query::TimelineOptions o;
    const auto window = parseWindowOption(a.from, a.to);
    o.window.from = window.from;
    o.window.to = window.to;
    o.kinds = parseEventKinds(a.kinds, "--kinds");
    o.codes = a.json;  // the table does not show them
    if (a.rule != "any" && a.rule != "participants")
        throw InvalidArgumentError("--rule: expected participants or any, got \"" + a.rule + "\"");
    if (a.rule == "participants" && a.scope.dyad.empty() && a.scope.country.empty())
        throw InvalidArgumentError("--rule: only with --dyad or --country");
    o.participantsOnly = a.rule == "participants";
    o.merge = !a.scope.noMerge;

    auto db = g.openReadOnly();
    const auto timeline = readTimeline(db, a, o);
    if (a.json) {
        printTimelineJson(timeline, o);
    } else {
        printTimelineTable(timeline, a);
    }
}

}  // namespace

void addTimeline(CLI::App& cmd, const Globals& g) {
    auto& a = onRun(cmd, g, run);
    addScopeOptions(cmd, a.scope, "(ITA:MYS)", "events in which the country takes part (ISO3)");
    addOverlapWindowOptions(cmd, a.from, a.to);
    cmd.add_option("--kinds", a.kinds, "comma-separated event kinds (default: all)");
    cmd.add_option("--rule", a.rule,
                   "--dyad, --country: participants (only events their participants put there) "
                   "or any (default: also by place)");
    addNoMergeFlag(cmd, a.scope.noMerge);
    addLimitOption(cmd, a.limit);
    addJsonFlag(cmd, a.json);
}

}  // namespace bilateral::cli
