// bilateral trend (ACTOR | --dyad A:B [--directed] | --country C) [--by PERIOD] [--split WHAT]
//                 [--from DATE] [--to DATE] [--json | --csv]
// bilateral pairs [--country C] [--from DATE] [--to DATE] [--rank MEASURE] [--limit N]
//                 [--json | --csv]

#include <fmt/core.h>

#include <algorithm>

#include "bilateral/error.hpp"
#include "bilateral/query/trend.hpp"
#include "command.hpp"
#include "format.hpp"

namespace bilateral::cli {
namespace {

std::string dayText(model::DayNumber d) {
    return model::Date::fromDayNumber(d).toString();
}

/// A figure for the table: two decimals, "" when none.
std::string decimal(const std::optional<double>& v) {
    return v ? fmt::format("{:.2f}", *v) : std::string();
}
/// A figure for CSV: every digit that tells the value, "" when none.
std::string exact(const std::optional<double>& v) {
    return v ? fmt::format("{}", *v) : std::string();
}
Json numberJson(const std::optional<double>& v) {
    return v ? Json(*v) : Json(nullptr);
}

void putFigures(Json& j, const query::TrendFigures& f) {
    j["events"] = f.events;
    j["meetings"] = f.meetings;
    j["goldstein_events"] = f.goldsteinEvents;
    j["goldstein_sum"] = numberJson(f.goldsteinSum);
    j["goldstein_mean"] = numberJson(f.goldsteinMean);
    j["tone"] = numberJson(f.tone);
}

std::vector<std::string> figureCells(const query::TrendFigures& f, bool forCsv) {
    const auto show = forCsv ? exact : decimal;
    if (forCsv) {
        return {
            std::to_string(f.events), std::to_string(f.meetings), std::to_string(f.goldsteinEvents),
            exact(f.goldsteinSum),    show(f.goldsteinMean),      show(f.tone)};
    }
    return {std::to_string(f.events), std::to_string(f.meetings), decimal(f.goldsteinSum),
            show(f.goldsteinMean), show(f.tone)};
}

/// `*value`, or InvalidArgumentError `what, got "given"` when there is none.
template <class T>
T chosen(const std::optional<T>& value, std::string_view what, const std::string& given) {
    if (value) return *value;
    throw InvalidArgumentError(std::string(what) + ", got \"" + given + "\"");
}

/// `--from` and `--to`: the days of the events counted.
void addDayWindowOptions(CLI::App& cmd, std::string& from, std::string& to) {
    cmd.add_option("--from", from, "only events on this date or later (YYYY, YYYY-MM, ...)");
    cmd.add_option("--to", to, "only events on this date or earlier");
}

void addCsvFlag(CLI::App& cmd, bool& csv) {
    cmd.add_flag("--csv", csv, "comma-separated values with a header line");
}

struct TrendArgs {
    ScopeArgs scope;
    std::string from, to, by = "month", split = "none";
    bool directed = false, json = false, csv = false;
};

struct PairsArgs {
    std::string country, from, to, rank = "events";
    std::size_t limit = 0;
    bool json = false, csv = false;
};

void printTrend(const TrendArgs& a, const query::TrendOptions& o, const query::TrendAnswer& t,
                Json scope, const std::string& heading) {
    const bool split = o.split != query::TrendSplit::None;
    const auto splitName = std::string(query::toString(o.split));
    if (a.json) {
        Json j = std::move(scope);
        j["by"] = query::toString(o.by);
        j["split"] = splitName;
        j["from"] = t.from ? Json(dayText(*t.from)) : Json(nullptr);
        j["to"] = t.to ? Json(dayText(*t.to)) : Json(nullptr);
        printJsonWithArray(j, "rows", t.rows.size(), [&](std::size_t i) {
            const auto& r = t.rows[i];
            Json x;
            x["period"] = r.period;
            x["start"] = dayText(r.start);
            x["end"] = dayText(r.end);
            if (split) x["group"] = r.group;
            putFigures(x, r.figures);
            return x;
        });
        return;
    }
    if (a.csv) {
        std::vector<std::string> head{"period", "start", "end"};
        if (split) head.emplace_back("group");
        for (const char* h :
             {"events", "meetings", "goldstein_events", "goldstein_sum", "goldstein_mean", "tone"})
            head.emplace_back(h);
        printCsvRow(head);
        for (const auto& r : t.rows) {
            std::vector<std::string> row{r.period, dayText(r.start), dayText(r.end)};
            if (split) row.push_back(r.group);
            for (auto& c : figureCells(r.figures, true)) row.push_back(std::move(c));
            printCsvRow(row);
        }
        return;
    }
    std::int64_t events = 0;
    for (const auto& r : t.rows) events += r.figures.events;
    fmt::print("{} by {}{}: {} {}\n", heading, query::toString(o.by),
               t.from ? " from " + dayText(*t.from) + " to " + dayText(*t.to) : std::string(),
               events, events == 1 ? "event" : "events");
    if (t.rows.empty()) return;
    std::vector<std::string> head{"PERIOD"};
    if (split) head.push_back(upperCase(splitName));
    for (const char* h : {"EVENTS", "MEETINGS", "GOLDSTEIN_SUM", "GOLDSTEIN_MEAN", "TONE"})
        head.emplace_back(h);
    const std::size_t first = split ? 2 : 1;
    Table table(head, {first, first + 1, first + 2, first + 3});  // TONE last, unpadded
    table.reserve(t.rows.size());
    for (const auto& r : t.rows) {
        std::vector<std::string> row{r.period};
        if (split) row.push_back(r.group);
        for (auto& c : figureCells(r.figures, false)) row.push_back(std::move(c));
        table.add(row);
    }
    table.print();
}

void runTrend(const Globals& g, const TrendArgs& a) {
    a.scope.checkOne("trend");
    if (a.directed && a.scope.dyad.empty())
        throw InvalidArgumentError("--directed: only with --dyad");
    if (a.json && a.csv) throw InvalidArgumentError("give --json or --csv, not both");
    query::TrendOptions o;
    const auto window = parseWindowOption(a.from, a.to);
    o.window.from = window.from;
    o.window.to = window.to;
    o.directed = a.directed;
    o.merge = !a.scope.noMerge;
    o.by = chosen(query::trendPeriodFromString(a.by),
                  "--by: expected day, week, month, quarter or year", a.by);
    o.split = chosen(query::trendSplitFromString(a.split),
                     "--split: expected none, quad_class, cameo_root or kind", a.split);
    auto db = g.openReadOnly();
    auto scope = resolveScope(db, a.scope, a.json);
    query::TrendAnswer t;
    std::string heading;
    if (!scope.actor.empty()) {
        t = db.trend(scope.actor, o);
        heading = "Events of " + scope.label;
    } else if (!scope.b.empty()) {
        t = db.dyadTrend(scope.a, scope.b, o);
        scope.json["directed"] = a.directed;
        heading = a.directed ? "Events from " + scope.a + " to " + scope.b
                             : "Events with both " + scope.a + " and " + scope.b;
    } else {
        t = db.countryTrend(scope.a, o);
        heading = "Events of " + scope.a;
    }
    printTrend(a, o, t, std::move(scope.json), heading);
}

void runPairs(const Globals& g, const PairsArgs& a) {
    if (a.json && a.csv) throw InvalidArgumentError("give --json or --csv, not both");
    query::PairsOptions o;
    o.country = upperCase(a.country);
    const auto window = parseWindowOption(a.from, a.to);
    o.window.from = window.from;
    o.window.to = window.to;
    o.order = chosen(query::pairsOrderFromString(a.rank),
                     "--rank: expected events, meetings, cooperation or goldstein", a.rank);
    auto db = g.openReadOnly();
    const auto page = db.pairs(o, a.limit);
    if (a.json) {
        Json j;
        j["country"] = o.country.empty() ? Json(nullptr) : Json(o.country);
        j["from"] = dateJson(o.window.from);
        j["to"] = dateJson(o.window.to);
        j["rank"] = query::toString(o.order);
        j["total"] = page.total;
        printJsonWithArray(j, "pairs", page.items.size(), [&](std::size_t i) {
            const auto& r = page.items[i];
            Json x;
            x["a"] = r.a;
            x["b"] = r.b;
            putFigures(x, r.figures);
            x["cooperation_events"] = r.cooperationEvents;
            x["classified_events"] = r.classifiedEvents;
            x["cooperation_share"] = numberJson(r.cooperationShare);
            return x;
        });
        return;
    }
    if (a.csv) {
        printCsvRow({"a", "b", "events", "meetings", "goldstein_events", "goldstein_sum",
                     "goldstein_mean", "tone", "cooperation_events", "classified_events",
                     "cooperation_share"});
        for (const auto& r : page.items) {
            std::vector<std::string> row{r.a, r.b};
            for (auto& c : figureCells(r.figures, true)) row.push_back(std::move(c));
            row.push_back(std::to_string(r.cooperationEvents));
            row.push_back(std::to_string(r.classifiedEvents));
            row.push_back(exact(r.cooperationShare));
            printCsvRow(row);
        }
        return;
    }
    fmt::print("{}, by {}: {} {}\n",
               o.country.empty() ? std::string("Pairs of countries") : "Partners of " + o.country,
               query::toString(o.order), page.total, page.total == 1 ? "pair" : "pairs");
    if (page.items.empty()) return;
    Table table({"A", "B", "EVENTS", "MEETINGS", "COOPERATION", "GOLDSTEIN_MEAN", "TONE"},
                {2, 3, 4, 5});
    for (const auto& r : page.items) {
        table.add({r.a, r.b, std::to_string(r.figures.events), std::to_string(r.figures.meetings),
                   r.cooperationShare ? fmt::format("{:.0f}%", *r.cooperationShare * 100) : "",
                   decimal(r.figures.goldsteinMean), decimal(r.figures.tone)});
    }
    table.print();
    printShowing(page.items.size(), page.total);
}

}  // namespace

void addTrend(CLI::App& cmd, const Globals& g) {
    auto& a = onRun(cmd, g, runTrend);
    addScopeOptions(cmd, a.scope, "(USA:CHN)",
                    "events in which the country takes part, with all its partners (ISO3)");
    cmd.add_flag("--directed", a.directed,
                 "with --dyad: only events from a source of the first country to a target of "
                 "the second");
    cmd.add_option("--by", a.by, "period: day, week (from Monday), month, quarter or year")
        ->default_str("month");
    cmd.add_option("--split", a.split,
                   "split each period by quad_class, cameo_root or kind (default none)");
    addDayWindowOptions(cmd, a.from, a.to);
    addNoMergeFlag(cmd, a.scope.noMerge);
    addJsonFlag(cmd, a.json);
    addCsvFlag(cmd, a.csv);
}

void addPairs(CLI::App& cmd, const Globals& g) {
    auto& a = onRun(cmd, g, runPairs);
    cmd.add_option("--country", a.country, "only this country's partners (ISO3)");
    addDayWindowOptions(cmd, a.from, a.to);
    cmd.add_option("--rank", a.rank, "events, meetings, cooperation or goldstein")
        ->default_str("events");
    addLimitOption(cmd, a.limit);
    addJsonFlag(cmd, a.json);
    addCsvFlag(cmd, a.csv);
}

}  // namespace bilateral::cli
