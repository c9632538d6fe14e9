// [event-data] The report's part for event data (docs/report.md, "Event data"): the monthly
// trend by QuadClass with the Goldstein mean, drawn from the figures the engine keeps
// (query::trend, no scan of the events), the top actors and pairs of the selection with their
// names, and a sample of its events with their actors.

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "bilateral/error.hpp"
#include "bilateral/export/writers.hpp"
#include "bilateral/query/from_storage.hpp"
#include "bilateral/rules/trend.hpp"
#include "report_data.hpp"

namespace bilateral::io::report {
namespace {

constexpr std::size_t kTop = 10, kSample = 20;

/// QuadClass colours, index 0 (none) to 4.
constexpr std::array<const char*, 5> kQuadColour{"#a0aec0", "#63b3ed", "#2b6cb0", "#f6ad55",
                                                 "#c53030"};
constexpr std::array<const char*, 5> kQuadName{"no QuadClass", "verbal cooperation",
                                               "material cooperation", "verbal conflict",
                                               "material conflict"};

std::string esc(const std::string& s) {
    return xmlEscape(s);
}

storage::TrendSubject subjectOf(storage::Engine& engine, const ReportSelection& sel) {
    storage::TrendSubject s;
    if (!sel.actor.empty()) {
        s.actor = engine.actorRow(sel.actor);
        if (!s.actor) throw NotFoundError("no actor \"" + sel.actor + "\"");
        return s;
    }
    for (auto& [to, from] : {std::pair{&s.a, &sel.countryA}, std::pair{&s.b, &sel.countryB}}) {
        *to = *from;
        for (auto& c : *to) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return s;
}

/// The months of the selection's trend, by QuadClass (query::trend, split by QuadClass).
std::vector<TrendMonth> monthsOf(const query::TrendAnswer& t) {
    std::vector<TrendMonth> out;
    std::map<std::string, std::pair<std::int64_t, double>> goldstein;  // period → n, sum
    for (const auto& r : t.rows) {
        if (out.empty() || out.back().period != r.period) out.push_back({r.period, {}, {}});
        int quad = 0;
        for (int q = 1; q <= rules::kQuadClasses; ++q)
            if (r.group == rules::quadClassName(q)) quad = q;
        out.back().quad[static_cast<std::size_t>(quad)] += r.figures.events;
        auto& g = goldstein[r.period];
        g.first += r.figures.goldsteinEvents;
        g.second += r.figures.goldsteinSum.value_or(0.0);
    }
    for (auto& m : out) {
        const auto& g = goldstein[m.period];
        if (g.first > 0) m.goldsteinMean = g.second / static_cast<double>(g.first);
    }
    return out;
}

void rankActors(Data& d) {
    std::vector<std::int64_t> events(d.actors.size(), 0);
    for (const auto& e : d.events) {
        std::vector<std::size_t> seen;
        for (const auto& p : e.participants) {
            if (std::find(seen.begin(), seen.end(), p.actor) != seen.end()) continue;
            seen.push_back(p.actor);
            ++events[p.actor];
        }
    }
    for (std::size_t a = 0; a < events.size(); ++a)
        if (events[a] > 0) d.topActors.emplace_back(a, events[a]);
    std::stable_sort(d.topActors.begin(), d.topActors.end(), [&d](const auto& x, const auto& y) {
        if (x.second != y.second) return x.second > y.second;
        return d.actors[x.first].name < d.actors[y.first].name;
    });
    if (d.topActors.size() > kTop) d.topActors.resize(kTop);
}

/// Pairs from the sources to the targets of coded events.
void rankPairs(Data& d) {
    std::map<std::pair<std::size_t, std::size_t>, TopPair> pairs;
    for (const auto& e : d.events) {
        for (const auto s : e.sources) {
            for (const auto t : e.targets) {
                if (s == t) continue;
                auto& p = pairs[{s, t}];
                p.a = s;
                p.b = t;
                p.directed = true;
                ++p.events;
                if (e.goldstein) {
                    ++p.goldsteinEvents;
                    p.goldsteinSum += *e.goldstein;
                }
            }
        }
    }
    for (auto& entry : pairs) d.topPairs.push_back(entry.second);
    std::stable_sort(d.topPairs.begin(), d.topPairs.end(),
                     [](const auto& x, const auto& y) { return x.events > y.events; });
    if (d.topPairs.size() > kTop) d.topPairs.resize(kTop);
}

std::string number(double v) {
    return fmt::format("{:.2f}", v);
}

}  // namespace

void collectEventData(storage::Engine& engine, const ReportSelection& sel, Data& d) {
    // Event files' events carry a Goldstein score (their own, or the CAMEO table's); curated
    // events a CAMEO code at most.
    d.eventData = d.events.size() > kFewEvents ||
                  std::any_of(d.events.begin(), d.events.end(),
                              [](const Event& e) { return e.goldstein.has_value(); });
    if (!d.eventData) return;
    query::TrendOptions o;
    o.by = query::TrendPeriod::Month;
    o.split = query::TrendSplit::QuadClass;
    o.window = {sel.from, sel.to};
    try {
        d.trend = monthsOf(query::trend(engine, subjectOf(engine, sel), o));
    } catch (const StorageError& e) {  // an engine that keeps no trend figures
        d.trendNote = std::string("no trend: ") + e.what();
    }
    if (d.trend.empty() && d.trendNote.empty()) d.trendNote = "no dated events to count";
    rankActors(d);
    rankPairs(d);
}

namespace {

/// The trend chart: stacked bars of events by QuadClass per month (left axis), the Goldstein
/// mean as a line (right axis, -10 to +10).
std::string trendSvg(const std::vector<TrendMonth>& months) {
    constexpr double width = 1120, height = 300, left = 60, right = 1060, top = 20, bottom = 240;
    std::int64_t most = 1;
    for (const auto& m : months) {
        std::int64_t n = 0;
        for (const auto q : m.quad) n += q;
        most = std::max(most, n);
    }
    const double slot = (right - left) / static_cast<double>(months.size());
    const auto yOf = [&](double n) {
        return bottom - (bottom - top) * n / static_cast<double>(most);
    };
    const auto yOfGoldstein = [&](double g) { return bottom - (bottom - top) * (g + 10) / 20; };
    std::string s = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" width=\"{0}\" height=\"{1}\" "
        "viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"Events by month and QuadClass\" "
        "data-months=\"{2}\">\n",
        width, height, months.size());
    // Left axis: events (0, half, most); right axis: Goldstein -10, 0, +10.
    for (const double f : {0.0, 0.5, 1.0}) {
        const double y = yOf(f * static_cast<double>(most));
        s += fmt::format(
            "<line class=\"tick\" x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\"/><text "
            "class=\"tick\" x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\">{5}</text>\n",
            left, y, right, left - 6, y + 4, std::llround(f * static_cast<double>(most)));
    }
    for (const int g : {-10, 0, 10}) {
        s += fmt::format("<text class=\"tick goldstein-axis\" x=\"{}\" y=\"{:.1f}\">{}</text>\n",
                         right + 6, yOfGoldstein(g) + 4,
                         g > 0 ? fmt::format("+{}", g) : fmt::format("{}", g));
    }
    s += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\">events</text>", left - 50, top - 6);
    s += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\">Goldstein</text>\n", right - 30,
                     top - 6);
    const std::size_t every = std::max<std::size_t>(1, (months.size() + 11) / 12);
    std::string line;
    for (std::size_t i = 0; i < months.size(); ++i) {
        const auto& m = months[i];
        const double w = std::min(slot * 0.8, 48.0);  // a lone month is a bar, not a wall
        const double x = left + slot * static_cast<double>(i) + (slot - w) / 2;
        double base = 0;
        for (std::size_t q = 1; q <= 5; ++q) {
            const auto quad = q % 5;  // classes 1-4 from the axis up, then none
            const auto n = m.quad[quad];
            if (n == 0) continue;
            const double y = yOf(base + static_cast<double>(n));
            s += fmt::format(
                "<rect class=\"quad quad-{0}\" data-period=\"{1}\" data-events=\"{2}\" "
                "x=\"{3:.1f}\" y=\"{4:.1f}\" width=\"{5:.1f}\" height=\"{6:.1f}\" fill=\"{7}\">"
                "<title>{1}: {2} {8}</title></rect>\n",
                quad, m.period, n, x, y, w, yOf(base) - y, kQuadColour[quad], kQuadName[quad]);
            base += static_cast<double>(n);
        }
        // Every `every`-th month is labelled, counted back from the last (always labelled).
        if ((months.size() - 1 - i) % every == 0) {
            s += fmt::format(
                "<text class=\"tick month\" x=\"{:.1f}\" y=\"{}\" "
                "text-anchor=\"middle\">{}</text>\n",
                x + w / 2, bottom + 16, m.period);
        }
        if (!m.goldsteinMean && !line.empty()) {  // a month without a mean breaks the line
            s += "<polyline class=\"goldstein\" points=\"" + line + "\"/>\n";
            line.clear();
        }
        if (m.goldsteinMean) {
            const double cx = x + w / 2, cy = yOfGoldstein(*m.goldsteinMean);
            line += fmt::format("{}{:.1f},{:.1f}", line.empty() ? "" : " ", cx, cy);
            s += fmt::format(
                "<circle class=\"goldstein\" data-period=\"{}\" data-mean=\"{}\" cx=\"{:.1f}\" "
                "cy=\"{:.1f}\" r=\"3\"><title>{}: Goldstein mean {}</title></circle>\n",
                m.period, number(*m.goldsteinMean), cx, cy, m.period, number(*m.goldsteinMean));
        }
    }
    if (!line.empty()) s += "<polyline class=\"goldstein\" points=\"" + line + "\"/>\n";
    return s + "</svg>\n";
}

std::string trendLegend() {
    std::string s = "<p class=\"legend trend-legend\">";
    for (std::size_t q = 1; q <= 5; ++q) {
        const auto quad = q % 5;
        s += fmt::format(
            "<span data-quad=\"{}\"><i class=\"sw\" style=\"background:{}\"></i>{}</span>", quad,
            kQuadColour[quad], kQuadName[quad]);
    }
    return s +
           "<span data-goldstein=\"1\"><i class=\"sw line\"></i>Goldstein mean (right axis: "
           "\u221210 conflict to +10 cooperation)</span></p>\n";
}

std::string topTables(const Data& d) {
    std::string s =
        "<h3>Top actors</h3>\n<table class=\"top-actors\">\n<tr><th>Actor</th><th>Kind</th>"
        "<th>Country</th><th>Events</th></tr>\n";
    for (const auto& [a, n] : d.topActors) {
        const auto& x = d.actors[a];
        s += fmt::format(
            "<tr data-id=\"{}\" data-events=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
            "</tr>\n",
            esc(x.id), n, esc(x.name), esc(x.kind), esc(x.country), n);
    }
    s += "</table>\n";
    if (d.topPairs.empty()) return s;
    s += "<h3>Top pairs (source \u2192 target)</h3>\n<table class=\"top-pairs\">\n<tr><th>Source"
         "</th><th>Target</th><th>Events</th><th>Goldstein mean</th></tr>\n";
    for (const auto& p : d.topPairs) {
        const auto& a = d.actors[p.a];
        const auto& b = d.actors[p.b];
        s += fmt::format(
            "<tr data-a=\"{}\" data-b=\"{}\" data-events=\"{}\"><td>{}</td><td>{}</td><td>{}</td>"
            "<td>{}</td></tr>\n",
            esc(a.id), esc(b.id), p.events, esc(a.name), esc(b.name), p.events,
            p.goldsteinEvents > 0 ? number(p.goldsteinSum / static_cast<double>(p.goldsteinEvents))
                                  : "");
    }
    return s + "</table>\n";
}

std::string sampleTable(const Data& d) {
    const auto n = d.events.size();
    const auto shown = std::min(n, kSample);
    std::string s = fmt::format(
        "<h3>{}</h3>\n<table class=\"event-sample\">\n<tr><th>Date</th><th>Actors</th>"
        "<th>CAMEO</th><th>QuadClass</th><th>Goldstein</th><th>Event</th></tr>\n",
        shown < n
            ? fmt::format("A sample of the events ({} of {}, spread over the timeline)", shown, n)
            : std::string("The events"));
    for (std::size_t k = 0; k < shown; ++k) {
        const auto i = shown < n ? k * (n - 1) / (shown - 1 == 0 ? 1 : shown - 1) : k;
        const auto& e = d.events[i];
        s += fmt::format(
            "<tr data-id=\"{}\"><td>{}</td><td class=\"actors\">{}</td><td>{}</td><td>{}</td>"
            "<td>{}</td><td><a href=\"#ev-{}\">{}</a></td></tr>\n",
            esc(e.id), esc(e.when), esc(e.actors), esc(e.cameo),
            e.quadClass == 0 ? "" : kQuadName[static_cast<std::size_t>(e.quadClass)],
            e.goldstein ? number(*e.goldstein) : "", i, esc(e.title));
    }
    return s + "</table>\n";
}

}  // namespace

std::string eventDataSection(const Data& d) {
    if (!d.eventData) return {};
    std::string s =
        "<h2 id=\"event-data\">Event data</h2>\n<p class=\"meta\">Events by month of their first "
        "day and QuadClass (GDELT's column, else the class of the CAMEO root), with the mean "
        "Goldstein score of each month: the occurred, dated events with participants of the "
        "selection (not those in a dyad or country by their place alone), from the figures kept "
        "at import.</p>\n";
    if (d.trend.empty()) {
        s += "<p class=\"meta trend-note\">" + esc(d.trendNote) + "</p>\n";
    } else {
        s += trendLegend() + trendSvg(d.trend);
    }
    return s + topTables(d) + sampleTable(d);
}

}  // namespace bilateral::io::report
