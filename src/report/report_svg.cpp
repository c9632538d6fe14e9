// The report's drawings as SVG: the timeline (one row per event, sub-events inside their
// parent) and the network (actors and events placed by graph::forceLayout).

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>

#include "bilateral/export/writers.hpp"
#include "bilateral/graph/layout.hpp"
#include "bilateral/model/date.hpp"
#include "report_data.hpp"

namespace bilateral::io::report {

std::string kindColour(const std::string& kind) {
    static const std::map<std::string, std::string> colours{
        {"official_visit", "#1f77b4"},    {"state_visit", "#17becf"},
        {"bilateral_meeting", "#d62728"}, {"talks", "#ff7f0e"},
        {"roundtable", "#2ca02c"},        {"summit", "#9467bd"},
        {"inauguration", "#8c564b"},      {"invitation", "#e377c2"},
        {"negotiation", "#bcbd22"},       {"agreement_signing", "#7f7f7f"},
        {"phone_call", "#aec7e8"},        {"statement", "#98df8a"}};
    const auto it = colours.find(kind);
    return it == colours.end() ? "#555555" : it->second;
}

namespace {

std::string cut(const std::string& s, std::size_t n) {
    // Cut on a code point boundary.
    if (s.size() <= n) return s;
    std::size_t i = n;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return s.substr(0, i) + "\u2026";
}

/// Rows in tree order: each event followed by its sub-events, with each event's depth.
struct Tree {
    std::vector<std::vector<std::size_t>> children;
    std::vector<std::size_t> order, depth;
    std::vector<double> rowY;
};

Tree treeOf(const Data& d) {
    Tree t;
    t.children.resize(d.events.size());
    t.depth.assign(d.events.size(), 0);
    for (std::size_t i = 0; i < d.events.size(); ++i)
        if (d.events[i].parent >= 0)
            t.children[static_cast<std::size_t>(d.events[i].parent)].push_back(i);
    std::function<void(std::size_t, std::size_t)> visit = [&](std::size_t e, std::size_t level) {
        t.depth[e] = level;
        t.order.push_back(e);
        for (auto c : t.children[e]) visit(c, level + 1);
    };
    for (std::size_t i = 0; i < d.events.size(); ++i)
        if (d.events[i].parent < 0) visit(i, 0);
    return t;
}

/// Where things go: the day axis (at least a week, from the first event's day to a tick at or
/// after the last event's) and the rows.
struct Geometry {
    long long lo = 0, hi = 0;
    long long step = 1;  ///< days between ticks
    static constexpr double rowH = 24, top = 40, plotX = 450, plotW = 520, undatedX = 1060,
                            width = 1120;
    double height = 0;
    [[nodiscard]] double xOf(long long day) const {
        return plotX + plotW * static_cast<double>(day - lo) / static_cast<double>(hi - lo + 1);
    }
};

Geometry geometryOf(const Data& d, std::size_t rows) {
    Geometry g;
    bool any = false;
    for (const auto& e : d.events) {
        if (!e.dated) continue;
        g.lo = any ? std::min(g.lo, e.first) : e.first;
        g.hi = any ? std::max(g.hi, e.last) : e.last;
        any = true;
    }
    if (g.hi - g.lo < 6) {  // at least a week on the axis
        g.lo -= 3;
        g.hi += 3;
    }
    // Ticks at whole steps of days from the first day (at most six, so that labels do not
    // collide); the axis ends on the first tick at or after the last day, so the ticks cover
    // every event.
    g.step = std::max(1LL, (g.hi - g.lo + 4) / 5);
    g.hi = g.lo + g.step * ((g.hi - g.lo + g.step - 1) / g.step);
    g.height = Geometry::top + Geometry::rowH * static_cast<double>(rows) + 30;
    return g;
}

/// The axis: its line, its ticks (Geometry::step) and the column of undated events.
std::string axis(const Geometry& g) {
    std::string s = fmt::format("<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
                                g.plotX, g.top - 8, g.plotX + g.plotW, g.top - 8);
    for (long long day = g.lo; day <= g.hi; day += g.step) {
        const double x = g.xOf(day);
        s += fmt::format(
            "<line class=\"tick\" x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\"/><text "
            "class=\"tick\" x=\"{0:.1f}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
            x, g.top - 8, g.height - 20, g.top - 14,
            model::Date::fromDayNumber(static_cast<model::DayNumber>(day)).toString());
    }
    s += fmt::format(
        "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">undated</text>\n",
        g.undatedX, g.top - 14);
    return s;
}

/// Parents enclose their sub-events, with a link to each.
std::string enclosures(const Data& d, const Tree& t, const Geometry& g) {
    std::string s;
    for (std::size_t i = 0; i < d.events.size(); ++i) {
        if (t.children[i].empty()) continue;
        std::size_t lastRow = i;
        std::function<void(std::size_t)> deepest = [&](std::size_t e) {
            if (t.rowY[e] > t.rowY[lastRow]) lastRow = e;
            for (auto c : t.children[e]) deepest(c);
        };
        deepest(i);
        s += fmt::format(
            "<rect class=\"enclosure\" x=\"4\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" "
            "rx=\"6\"/>\n",
            t.rowY[i] + 1, g.width - 8, t.rowY[lastRow] - t.rowY[i] + g.rowH - 2);
        for (auto c : t.children[i]) {
            const double x = 10 + 14 * static_cast<double>(t.depth[i]);
            s += fmt::format(
                "<path class=\"link\" data-from=\"{}\" data-to=\"{}\" d=\"M{:.1f} {:.1f} V{:.1f} "
                "H{:.1f}\"/>\n",
                xmlEscape(d.events[i].id), xmlEscape(d.events[c].id), x, t.rowY[i] + g.rowH / 2 + 4,
                t.rowY[c] + g.rowH / 2, x + 8);
        }
    }
    return s;
}

/// One event's row: its label and its mark (a bar over its days, a circle when undated).
std::string eventRow(const Data& d, std::size_t i, const Tree& t, const Geometry& g) {
    const auto& e = d.events[i];
    const double y = t.rowY[i], mid = y + g.rowH / 2;
    const auto colour = kindColour(e.kind);
    const bool planned = e.status != "occurred";
    std::string s = fmt::format(
        "<g class=\"event kind-{0} status-{1}\" data-id=\"{2}\" data-kind=\"{0}\"><a "
        "href=\"#ev-{3}\"><title>{4} \u2014 {5} ({0}, {1})</title>\n",
        e.kind, e.status, xmlEscape(e.id), i, xmlEscape(e.title), xmlEscape(e.when));
    // [event-data] An event file's event (a verb such as "Consult") says who: its actors first.
    const auto label = e.goldstein && !e.actors.empty() ? e.actors + ": " + e.title : e.title;
    s += fmt::format("<text class=\"label\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
                     22 + 14 * static_cast<double>(t.depth[i]), mid + 4,
                     xmlEscape(cut(label, 62 - 2 * t.depth[i])));
    const std::string fill = planned ? "#ffffff" : colour;
    const std::string dash = planned ? " stroke-dasharray=\"4 2\"" : "";
    if (!e.dated) {
        s += fmt::format(
            "<circle class=\"mark\" cx=\"{}\" cy=\"{:.1f}\" r=\"6\" fill=\"{}\" stroke=\"{}\" "
            "stroke-width=\"2\"{}/>\n",
            g.undatedX, mid, fill, colour, dash);
    } else {
        const double x1 = g.xOf(e.first), x2 = std::max(g.xOf(e.last + 1), x1 + 6);
        const double inset = e.datedByParent ? 3 : 0;
        s += fmt::format(
            "<rect class=\"mark{}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
            "height=\"{:.1f}\" "
            "rx=\"3\" fill=\"{}\" fill-opacity=\"{}\" stroke=\"{}\" stroke-width=\"2\"{}/>\n",
            e.partial ? " partial" : "", x1 + inset, y + 5 + inset, x2 - x1 - 2 * inset,
            g.rowH - 10 - 2 * inset, fill, e.partial ? "0.35" : "1", colour,
            e.partial ? " stroke-dasharray=\"2 2\"" : dash);
    }
    return s + "</a></g>\n";
}

}  // namespace

std::string timelineSvg(const Data& d) {
    auto tree = treeOf(d);
    const auto g = geometryOf(d, tree.order.size());
    std::string s = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"{0}\" height=\"{1}\" "
        "viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"Timeline\" data-event-count=\"{2}\">\n",
        g.width, g.height, d.events.size());
    s += axis(g);
    tree.rowY.assign(d.events.size(), 0);
    for (std::size_t r = 0; r < tree.order.size(); ++r)
        tree.rowY[tree.order[r]] = g.top + g.rowH * static_cast<double>(r);
    s += enclosures(d, tree, g);
    for (const auto i : tree.order) s += eventRow(d, i, tree, g);
    s += "</svg>\n";
    return s;
}

}  // namespace bilateral::io::report
