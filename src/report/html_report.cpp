// The HTML report page: XHTML-compatible HTML5 (an XML parser accepts it), styles and a small
// optional script inline, the drawings as inline SVG. Nothing is loaded from the network.

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ostream>

#include "bilateral/export/writers.hpp"
#include "bilateral/report/from_storage.hpp"
#include "bilateral/report/report.hpp"
#include "report_data.hpp"

namespace bilateral::io {
namespace {

using report::Data;
using report::Quote;

constexpr const char* kStyle = R"(
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:24px;color:#1a202c;max-width:1160px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;border-bottom:1px solid #cbd5e0;margin-top:28px}
.meta{color:#4a5568;font-size:13px}table{border-collapse:collapse;font-size:12px;width:100%}
th,td{border-bottom:1px solid #e2e8f0;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#edf2f7}svg text{font-size:12px;fill:#1a202c}svg text.tick{fill:#4a5568;font-size:11px}
line.axis,line.tick{stroke:#a0aec0;stroke-width:1}line.tick{stroke-dasharray:2 3}
rect.enclosure{fill:#f7fafc;stroke:#cbd5e0}path.link{fill:none;stroke:#718096;stroke-width:1.5}
line.participation{stroke:#cbd5e0;stroke-width:1}line.meeting{stroke:#805ad5;stroke-opacity:.6}
.network text{paint-order:stroke;stroke:#ffffff;stroke-width:3px;font-size:11px}
.legend span{display:inline-block;margin-right:12px;font-size:12px}
.sw{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}
q{font-style:italic}.ev{font-size:12px;color:#2d3748}.basis-inferred{color:#b7791f}
section.event{border-left:4px solid #cbd5e0;padding-left:8px;margin:10px 0}
h3{font-size:15px;margin:18px 0 6px}svg.sw,svg.shape{margin-right:4px;vertical-align:middle}
polyline.goldstein{fill:none;stroke:#1a202c;stroke-width:2}circle.goldstein{fill:#1a202c}
.sw.line{height:0;border-top:2px solid #1a202c}.ev-again{font-size:12px;color:#718096}
)";

// Filtering by kind: hides timeline rows and network elements of unticked kinds. Written
// without < and & so the page stays well-formed XML.
constexpr const char* kScript = R"(
document.querySelectorAll('input.kind-filter').forEach(function (box) {
  box.addEventListener('change', function () {
    document.querySelectorAll('.kind-' + box.value).forEach(function (el) {
      el.style.display = box.checked ? '' : 'none';
    });
  });
});
)";

std::string esc(const std::string& s) {
    return xmlEscape(s);
}

/// One evidence line: source, basis, the quoted passage (or where it is), the note.
std::string evidenceLine(const Quote& q) {
    std::string s = fmt::format("<div class=\"ev basis-{}\">{} \u00b7 {}", esc(q.basis),
                                esc(q.source), esc(q.basis));
    if (!q.text.empty()) {
        s += fmt::format(" \u00b7 <q data-source=\"{}\"{}>{}</q>", esc(q.source),
                         q.fromSource ? fmt::format(" data-span=\"{} {}\"", q.start, q.end) : "",
                         esc(q.text));
    } else if (q.start >= 0) {
        s += fmt::format(" \u00b7 span {}\u2013{}, no quote recorded", q.start, q.end);
    }
    if (!q.note.empty()) s += " \u00b7 " + esc(q.note);
    return s + "</div>";
}

/// The evidence lines of `ev`, each once: a line already in `shown` (written before in the same
/// place, such as one passage cited for both participations of a meeting) is left out, or with
/// `pointBack` named in brief as the passage above.
std::string evidenceHtml(const std::vector<Quote>& ev, std::vector<std::string>* shown = nullptr,
                         bool pointBack = false) {
    std::vector<std::string> own;
    if (shown == nullptr) shown = &own;
    std::string s;
    for (const auto& q : ev) {
        auto line = evidenceLine(q);
        if (std::find(shown->begin(), shown->end(), line) != shown->end()) {
            if (pointBack) {
                s += fmt::format(
                    "<div class=\"ev-again basis-{}\">{} \u00b7 {} \u00b7 the passage "
                    "quoted above</div>",
                    esc(q.basis), esc(q.source), esc(q.basis));
            }
            continue;
        }
        s += line;
        shown->push_back(std::move(line));
    }
    return s;
}

/// The page's head, title, selection line and summary (its counts for the tests' checks).
std::string head(const Data& d, const ReportSelection& selection, const ReportOptions& options) {
    const std::string window = (selection.from ? selection.from->toString() : "the beginning") +
                               " to " + (selection.to ? selection.to->toString() : "the end");
    std::string s =
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
        "<meta charset=\"utf-8\"/>\n";
    s += fmt::format("<title>bilateral report: {}</title>\n<style>{}</style>\n</head>\n<body>\n",
                     esc(d.title), kStyle);
    s += fmt::format(
        "<h1>Relations: {}</h1>\n<p class=\"meta\">Selection: <b>{}</b> \u00b7 window: {} "
        "\u00b7 database: <code>{}</code> \u00b7 made {} by bilateral</p>\n",
        esc(d.title), esc(d.selection), esc(window), esc(options.database), esc(options.made));
    s += fmt::format(
        "<p class=\"meta\" id=\"summary\" data-event-count=\"{}\" data-actor-count=\"{}\" "
        "data-meeting-count=\"{}\">{} events, {} actors, {} pairs who met.</p>\n",
        d.events.size(), d.actors.size(), d.meetings.size(), d.events.size(), d.actors.size(),
        d.meetings.size());
    return s;
}

/// The legend, with the filter by event kind.
std::string legend(const Data& d) {
    std::vector<std::string> kinds;
    for (const auto& e : d.events)
        if (std::find(kinds.begin(), kinds.end(), e.kind) == kinds.end()) kinds.push_back(e.kind);
    std::sort(kinds.begin(), kinds.end());
    std::string s = "<p class=\"legend\">";
    for (const auto& k : kinds)
        s += fmt::format(
            "<span><input type=\"checkbox\" class=\"kind-filter\" value=\"{0}\" "
            "checked=\"checked\"/>"
            "<i class=\"sw\" style=\"background:{1}\"></i>{0}</span>",
            k, report::kindColour(k));
    s += "<span><i class=\"sw\" style=\"border:2px dashed #555\"></i>planned (hollow)</span>"
         "<span><i class=\"sw\" style=\"background:#999;opacity:.35\"></i>month or year only</span>"
         "<span><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sw\" width=\"12\" "
         "height=\"12\"><circle cx=\"6\" cy=\"6\" r=\"4.5\" fill=\"#555\"/></svg>undated "
         "(in the undated column)</span>"
         "<span>sub-events sit in their parent's box</span></p>\n";
    return s;
}

std::string networkSection(const Data& d, const std::string& network, std::size_t shown,
                           bool limited) {
    std::string s = "<h2 id=\"network\">Network</h2>\n<p class=\"meta\">";
    if (limited)
        s += fmt::format(
            "The network shows the {} actors with the most meetings, of {}; events "
            "are not drawn as nodes. ",
            shown, d.actors.size());
    s += "Blue and red: the two sides by country (grey: another country, or none).</p>\n" +
         report::shapeLegend(d, !limited && d.events.size() <= report::kEventNodes) + network;
    return s;
}

/// Who met whom: each pair with its events and the evidence of the two participations.
std::string whoMetSection(const Data& d) {
    std::string s =
        "<h2 id=\"who-met\">Who met whom</h2>\n<table>\n<tr><th>Actor</th><th>Met</th>"
        "<th>Meetings</th><th>Events and evidence</th></tr>\n";
    for (const auto& m : d.meetings) {
        const auto& a = d.actors[m.a];
        const auto& b = d.actors[m.b];
        s += fmt::format(
            "<tr class=\"meeting\" data-a=\"{}\" data-b=\"{}\"><td>{}</td><td>{}</td>"
            "<td>{}</td><td>",
            esc(a.id), esc(b.id), esc(a.name), esc(b.name), m.events.size());
        for (const auto e : m.events) {
            const auto& ev = d.events[e];
            s += fmt::format("<div><a href=\"#ev-{}\">{}</a> ({})</div>", e, esc(ev.title),
                             esc(ev.when));
            std::vector<std::string> shown;  // the evidence of this meeting, each line once
            for (const auto& p : ev.participants)
                if (p.actor == m.a || p.actor == m.b) s += evidenceHtml(p.evidence, &shown);
        }
        s += "</td></tr>\n";
    }
    return s + "</table>\n";
}

/// Every event with its evidence and its participants with theirs.
std::string eventsSection(const Data& d) {
    std::string s = "<h2 id=\"events\">Events</h2>\n";
    for (std::size_t i = 0; i < d.events.size(); ++i) {
        const auto& e = d.events[i];
        s += fmt::format(
            "<section class=\"event kind-{}\" id=\"ev-{}\" data-id=\"{}\"><b>{}</b> "
            "\u00b7 {} \u00b7 {} \u00b7 {}{}{}",
            e.kind, i, esc(e.id), esc(e.title), esc(e.when), e.kind, e.status,
            e.datedByParent ? " (dated by the event it took place within)" : "",
            e.parent >= 0 ? fmt::format(" \u00b7 within <a href=\"#ev-{}\">{}</a>", e.parent,
                                        esc(d.events[static_cast<std::size_t>(e.parent)].title))
                          : "");
        if (!e.disagreements.empty()) {  // [claims]
            std::string fields;
            for (const auto& x : e.disagreements)
                fields +=
                    (fields.empty() ? "" : ", ") + (x.actor.empty() ? "" : x.actor + " ") + x.field;
            s += fmt::format(
                " \u00b7 <a class=\"disagreed\" href=\"#disagreements\">\u2260 the sources "
                "disagree: {}</a>",
                esc(fields));
        }
        std::vector<std::string> shown;  // the event's evidence, each passage quoted once
        s += evidenceHtml(e.evidence, &shown) + "<ul>";
        for (const auto& p : e.participants)
            s += fmt::format("<li>{} ({}){}</li>", esc(d.actors[p.actor].name), esc(p.role),
                             evidenceHtml(p.evidence, &shown, /*pointBack=*/true));
        s += "</ul></section>\n";
    }
    return s;
}

/// [claims] Every field of the report's events whose sources disagree: each source's value
/// with its quotes, the preferred one marked.
std::string disagreementsSection(const Data& d) {
    std::string s = "<h2 id=\"disagreements\">Where the sources disagree</h2>\n";
    std::string rows;
    std::size_t n = 0;
    for (std::size_t i = 0; i < d.events.size(); ++i) {
        for (const auto& x : d.events[i].disagreements) {
            ++n;
            for (std::size_t k = 0; k < x.values.size(); ++k) {
                const auto& v = x.values[k];
                std::vector<Quote> ev;
                for (const auto& e : v.evidence)
                    ev.push_back({e.source, std::string(model::toString(e.basis)),
                                  e.quote.value_or(""), e.note.value_or(""),
                                  e.span ? e.span->start : -1, e.span ? e.span->end : -1, false});
                rows += fmt::format(
                    "<tr class=\"disagreement\" data-record=\"{}\" data-field=\"{}\" "
                    "data-preferred=\"{}\"><td>{}</td><td>{}</td><td>{}{}</td><td>{}</td><td>{}"
                    "</td></tr>\n",
                    esc(x.record), esc(x.field), v.preferred ? "true" : "false",
                    k == 0 ? fmt::format("<a href=\"#ev-{}\">{}</a>", i, esc(d.events[i].title))
                           : "",
                    k == 0 ? esc((x.actor.empty() ? "" : x.actor + " ") + x.field) : "",
                    esc(v.value), v.preferred ? " <b>(preferred)</b>" : "",
                    esc(v.source.empty() ? "(no source)" : v.source) +
                        (v.own ? " (own account)" : ""),
                    evidenceHtml(ev));
            }
        }
    }
    if (n == 0) return s + "<p class=\"meta\">The sources of these events agree.</p>\n";
    s += fmt::format(
        "<p class=\"meta\" id=\"disagreement-summary\" data-count=\"{}\">{} facts whose sources "
        "disagree; answers use the preferred value (the more precise date, else a primary "
        "source, else the record's own account).</p>\n<table>\n<tr><th>Event</th><th>Field</th>"
        "<th>Value</th><th>Source</th><th>Evidence</th></tr>\n",
        n, n);
    return s + rows + "</table>\n";
}

std::string sourcesSection(const Data& d) {
    std::string s =
        "<h2 id=\"sources\">Sources</h2>\n<table>\n<tr><th>Source</th><th>Title</th><th>Author</th>"
        "<th>Date</th><th>SHA-256</th><th>Text</th></tr>\n";
    for (const auto& src : d.sources)
        s += fmt::format(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td>"
            "<td>{}</td></tr>\n",
            esc(src.id), esc(src.title), esc(src.author.value_or("")),
            src.published ? src.published->toString() : "", esc(src.sha256.value_or("")),
            esc(d.sourceStatus.at(src.id)));
    return s + "</table>\n";
}

}  // namespace

std::string reportDate() {
    std::time_t t = std::time(nullptr);
    if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) t = std::strtoll(e, nullptr, 10);
    const auto days =
        std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds(std::chrono::seconds(t)));
    const std::chrono::year_month_day ymd(days);
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

ReportSummary writeHtmlReport(std::ostream& out, storage::Engine& store,
                              const ReportSelection& selection, const ReportOptions& options) {
    const Data d = report::collect(store, selection, options);
    std::size_t shown = 0;
    bool limited = false;
    const auto network = report::networkSvg(d, options.networkLimit, shown, limited);
    out << head(d, selection, options) << report::eventDataSection(d) << legend(d)
        << "<h2 id=\"timeline\">Timeline</h2>\n"
        << (d.events.size() <= report::kFewEvents
                ? report::timelineSvg(d)
                : fmt::format("<p class=\"meta\" id=\"no-bars\">One bar per event is drawn for "
                              "at most {} events; this selection has {}: see the event data "
                              "above.</p>\n",
                              report::kFewEvents, d.events.size()))
        << networkSection(d, network, shown, limited) << whoMetSection(d) << eventsSection(d)
        << disagreementsSection(d) << sourcesSection(d)
        << fmt::format("<script>{}</script>\n</body>\n</html>\n", kScript);
    return {d.events.size(), d.actors.size(), d.meetings.size(), shown};
}

}  // namespace bilateral::io
