// The report's network as SVG: actors (shaped by kind) and events (squares coloured by kind),
// placed by graph::forceLayout; participations as thin lines, meetings as lines weighted by count.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "bilateral/export/writers.hpp"
#include "bilateral/graph/layout.hpp"
#include "report_data.hpp"

namespace bilateral::io::report {
namespace {

std::string polygon(double x, double y, double r, int sides, double turn) {
    std::string pts;
    for (int k = 0; k < sides; ++k) {
        const double a = turn + 2 * M_PI * k / sides;
        pts +=
            fmt::format("{}{:.1f},{:.1f}", k ? " " : "", x + r * std::cos(a), y + r * std::sin(a));
    }
    return "<polygon points=\"" + pts + "\"";
}

/// The shape of an actor kind, open (attributes follow).
std::string shape(const std::string& kind, double x, double y) {
    if (kind == "country") return fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"13\"", x, y);
    if (kind == "bloc") return polygon(x, y, 13, 6, 0);
    if (kind == "person") return fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"8\"", x, y);
    if (kind == "post") return polygon(x, y, 9, 3, M_PI / 2);
    if (kind == "government_body") return polygon(x, y, 10, 4, M_PI / 4);
    if (kind == "company") return polygon(x, y, 10, 4, 0);
    if (kind == "institution") return polygon(x, y, 10, 5, -M_PI / 2);
    if (kind == "diplomatic_mission") return polygon(x, y, 10, 3, -M_PI / 2);
    return polygon(x, y, 9, 8, 0);  // group
}

/// A node's label: its name, cut to 40 code points.
std::string labelOf(const std::string& name) {
    std::size_t points = 0, i = 0;
    for (; i < name.size(); ++i) {
        if ((static_cast<unsigned char>(name[i]) & 0xC0) == 0x80) continue;
        if (++points > 39) return name.substr(0, i) + "\u2026";
    }
    return name;
}

/// How wide a label is drawn at most (11 px DejaVu Sans, about 7 px a character, wider than
/// most), to keep it inside the panel.
double labelWidth(const std::string& label) {
    std::size_t points = 0;
    for (const char c : label) points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return 7.0 * static_cast<double>(points);
}

/// The actors drawn (all, or the `limit` with the most meetings), whether events are drawn as
/// nodes too (when few enough to read), and where everything is placed.
struct Network {
    std::vector<std::size_t> actors;  ///< the actors drawn, as indexes of Data::actors
    std::vector<long> node;           ///< Data::actors index → layout node, -1 when not drawn
    bool eventNodes = false;
    double width = 1120, height = 720;
    std::vector<graph::Point> pos;  ///< actors drawn first, then events
    [[nodiscard]] const graph::Point& ofActor(std::size_t a) const {
        return pos[static_cast<std::size_t>(node[a])];
    }
    [[nodiscard]] const graph::Point& ofEvent(std::size_t e) const {
        return pos[actors.size() + e];
    }
};

Network place(const Data& d, std::size_t limit, bool& limited) {
    Network net;
    net.actors.resize(d.actors.size());
    std::iota(net.actors.begin(), net.actors.end(), 0);
    limited = net.actors.size() > limit;
    if (limited) {
        std::stable_sort(net.actors.begin(), net.actors.end(), [&](auto x, auto y) {
            return d.actors[x].meetings > d.actors[y].meetings;
        });
        net.actors.resize(limit);
        std::sort(net.actors.begin(), net.actors.end());
    }
    net.node.assign(d.actors.size(), -1);
    for (std::size_t i = 0; i < net.actors.size(); ++i) {
        net.node[net.actors[i]] = static_cast<long>(i);
    }
    net.eventNodes = !limited && d.events.size() <= kEventNodes;
    const std::size_t n = net.actors.size() + (net.eventNodes ? d.events.size() : 0);
    std::vector<graph::LayoutEdge> edges;
    if (net.eventNodes)
        for (std::size_t e = 0; e < d.events.size(); ++e)
            for (const auto& p : d.events[e].participants)
                edges.push_back(
                    {static_cast<std::size_t>(net.node[p.actor]), net.actors.size() + e});
    for (const auto& m : d.meetings)
        if (net.node[m.a] >= 0 && net.node[m.b] >= 0)
            edges.push_back(
                {static_cast<std::size_t>(net.node[m.a]), static_cast<std::size_t>(net.node[m.b])});
    net.height = n > 40 ? 900 : 720;
    net.pos =
        graph::forceLayout(n, edges, {.width = net.width, .height = net.height, .margin = 70});
    return net;
}

/// Participations as thin lines (when events are nodes), meetings as lines weighted by count.
std::string lines(const Data& d, const Network& net) {
    std::string s;
    if (net.eventNodes)
        for (std::size_t e = 0; e < d.events.size(); ++e)
            for (const auto& p : d.events[e].participants) {
                const auto& a = net.ofActor(p.actor);
                const auto& b = net.ofEvent(e);
                s += fmt::format(
                    "<line class=\"edge participation kind-{}\" data-actor=\"{}\" "
                    "data-event=\"{}\" "
                    "x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>\n",
                    d.events[e].kind, xmlEscape(d.actors[p.actor].id), xmlEscape(d.events[e].id),
                    a.x, a.y, b.x, b.y);
            }
    for (const auto& m : d.meetings) {
        if (net.node[m.a] < 0 || net.node[m.b] < 0) continue;
        const auto& a = net.ofActor(m.a);
        const auto& b = net.ofActor(m.b);
        s += fmt::format(
            "<line class=\"edge meeting\" data-a=\"{}\" data-b=\"{}\" data-count=\"{}\" "
            "x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
            "stroke-width=\"{:.1f}\"><title>{} "
            "and {}: {} meeting(s)</title></line>\n",
            xmlEscape(d.actors[m.a].id), xmlEscape(d.actors[m.b].id), m.events.size(), a.x, a.y,
            b.x, b.y, std::min(1.5 + 1.5 * static_cast<double>(m.events.size()), 9.0),
            xmlEscape(d.actors[m.a].name), xmlEscape(d.actors[m.b].name), m.events.size());
    }
    return s;
}

/// Events as squares coloured by kind (hollow and dashed when not occurred).
std::string eventNodes(const Data& d, const Network& net) {
    std::string s;
    if (!net.eventNodes) return s;
    for (std::size_t e = 0; e < d.events.size(); ++e) {
        const auto& p = net.ofEvent(e);
        const auto& ev = d.events[e];
        s += fmt::format(
            "<g class=\"node event kind-{0}\" data-id=\"{1}\"><a href=\"#ev-{2}\"><title>{3} "
            "({0})</title><rect x=\"{4:.1f}\" y=\"{5:.1f}\" width=\"12\" height=\"12\" "
            "fill=\"{6}\"{7}/></a></g>\n",
            ev.kind, xmlEscape(ev.id), e, xmlEscape(ev.title), p.x - 6, p.y - 6,
            ev.status == "occurred" ? kindColour(ev.kind) : "#ffffff",
            ev.status == "occurred" ? ""
                                    : " stroke=\"" + kindColour(ev.kind) +
                                          "\" stroke-dasharray=\"3 2\" stroke-width=\"2\"");
    }
    return s;
}

/// Actors shaped by kind, coloured by side: the first two countries met get blue and red.
std::string actorNodes(const Data& d, const Network& net) {
    std::vector<std::string> sides;
    for (const auto& a : d.actors)
        if (!a.country.empty() && std::find(sides.begin(), sides.end(), a.country) == sides.end())
            sides.push_back(a.country);
    std::sort(sides.begin(), sides.end());
    std::string s;
    for (std::size_t i = 0; i < net.actors.size(); ++i) {
        const auto& a = d.actors[net.actors[i]];
        const auto& p = net.pos[i];
        const auto side = std::find(sides.begin(), sides.end(), a.country) - sides.begin();
        const std::string colour = a.country.empty() ? "#9e9e9e"
                                   : side == 0       ? "#2b6cb0"
                                   : side == 1       ? "#c53030"
                                                     : "#6b7280";
        const auto label = labelOf(a.name);
        // Right of the node, or left of it when the label would pass the panel's right edge.
        const double width = labelWidth(label);
        const bool before = p.x + 15 + width > net.width - 4 && p.x - 15 - width >= 4;
        s += fmt::format(
            "<g class=\"node actor actor-{0}\" data-id=\"{1}\"><title>{2} ({0}{3}), {4} "
            "meeting(s)</title>{5} fill=\"{6}\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
            "<text x=\"{7:.1f}\" y=\"{8:.1f}\"{9} data-width=\"{10:.0f}\">{11}</text></g>\n",
            a.kind, xmlEscape(a.id), xmlEscape(a.name), a.country.empty() ? "" : ", " + a.country,
            a.meetings, shape(a.kind, p.x, p.y), colour, before ? p.x - 15 : p.x + 15, p.y + 4,
            before ? " text-anchor=\"end\"" : "", width, xmlEscape(label));
    }
    return s;
}

}  // namespace

std::string shapeLegend(const Data& d, bool eventNodes) {
    std::vector<std::string> kinds;
    for (const auto& a : d.actors)
        if (std::find(kinds.begin(), kinds.end(), a.kind) == kinds.end()) kinds.push_back(a.kind);
    std::sort(kinds.begin(), kinds.end());
    const auto swatch = [](const std::string& inner) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"shape\" width=\"28\" "
               "height=\"28\" viewBox=\"0 0 28 28\">" +
               inner + "</svg>";
    };
    std::string s = "<p class=\"legend shape-legend\">";
    for (const auto& k : kinds) {
        std::string words = k;
        std::replace(words.begin(), words.end(), '_', ' ');
        s += fmt::format("<span data-shape=\"actor-{}\">{}{}</span>", k,
                         swatch(shape(k, 14, 14) + " fill=\"#6b7280\"/>"), words);
    }
    if (eventNodes) {
        s += "<span data-shape=\"event\">" +
             swatch("<rect x=\"8\" y=\"8\" width=\"12\" height=\"12\" fill=\"#d62728\"/>") +
             "event (its kind's colour; hollow: not occurred)</span>";
        s += "<span data-shape=\"participation\">" +
             swatch("<line class=\"participation\" x1=\"2\" y1=\"14\" x2=\"26\" y2=\"14\"/>") +
             "took part in</span>";
    }
    s += "<span data-shape=\"meeting\">" +
         swatch(
             "<line class=\"meeting\" x1=\"2\" y1=\"14\" x2=\"26\" y2=\"14\" "
             "stroke-width=\"4\"/>") +
         "met (wider: more meetings)</span></p>\n";
    return s;
}

std::string networkSvg(const Data& d, std::size_t limit, std::size_t& shown, bool& limited) {
    const auto net = place(d, limit, limited);
    shown = net.actors.size();
    return fmt::format(
               "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"network\" width=\"{0}\" "
               "height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"Network\" "
               "data-actor-count=\"{2}\">\n",
               net.width, net.height, net.actors.size()) +
           lines(d, net) + eventNodes(d, net) + actorNodes(d, net) + "</svg>\n";
}

}  // namespace bilateral::io::report
