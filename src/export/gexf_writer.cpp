// GEXF for Gephi and NetworkX: a dynamic graph whose events and relations carry their day range
// as start/end (timeformat="date"), so Gephi's timeline can play the record. Actors are timeless.
// 1.2draft by default (NetworkX's read_gexf refuses the 1.3 namespace); 1.3 on request.

#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "bilateral/error.hpp"
#include "bilateral/export/writers.hpp"
#include "bilateral/graph/projection.hpp"

namespace bilateral::io {
namespace {

struct Attr {
    std::string_view id, title, type;
};

// Ids are prefixed so they never meet Gephi's own columns (id, label, type, kind, timeset);
// the dates are titled start_date/end_date so they are not mistaken for the spells.
constexpr Attr kNodeAttrs[] = {
    {"bl_bilateral_id", "bilateral_id", "string"},
    {"bl_kind", "kind", "string"},
    {"bl_type", "type", "string"},
    {"bl_country", "country", "string"},
    {"bl_start", "start_date", "string"},
    {"bl_end", "end_date", "string"},
    {"bl_status", "status", "string"},
    {"bl_location", "location", "string"},
    {"bl_parent", "parent", "string"},
    {"bl_cameo", "cameo", "string"},
    {"bl_evidence_count", "evidence_count", "long"},
};
constexpr Attr kEdgeAttrs[] = {
    {"bl_bilateral_id", "bilateral_id", "string"},
    {"bl_kind", "kind", "string"},
    {"bl_type", "type", "string"},
    {"bl_role", "role", "string"},
    {"bl_start", "start_date", "string"},
    {"bl_end", "end_date", "string"},
    {"bl_evidence_count", "evidence_count", "long"},
};

std::string day(model::DayNumber d) {
    return model::Date::fromDayNumber(d).toString();
}

void spell(std::ostream& out, const std::optional<model::DayNumber>& first,
           const std::optional<model::DayNumber>& last) {
    if (first) out << " start=\"" << day(*first) << '"';
    if (last) out << " end=\"" << day(*last) << '"';
}

void attvalue(std::ostream& out, std::string_view id, std::string_view value) {
    if (value.empty()) return;
    out << "          <attvalue for=\"" << id << "\" value=\"" << xmlEscape(value) << "\"/>\n";
}

void declare(std::ostream& out, std::string_view cls, std::span<const Attr> attrs) {
    out << "    <attributes class=\"" << cls << "\">\n";
    for (const auto& a : attrs) {
        out << "      <attribute id=\"" << a.id << "\" title=\"" << a.title << "\" type=\""
            << a.type << "\"/>\n";
    }
    out << "    </attributes>\n";
}

}  // namespace

GexfVersion parseGexfVersion(std::string_view name) {
    if (name == "1.2draft" || name == "1.2") return GexfVersion::V1_2Draft;
    if (name == "1.3") return GexfVersion::V1_3;
    throw InvalidArgumentError("unknown GEXF version \"" + std::string(name) +
                               "\"; expected 1.2draft or 1.3");
}

std::string_view toString(GexfVersion v) noexcept {
    return v == GexfVersion::V1_3 ? "1.3" : "1.2draft";
}

void writeGexf(std::ostream& out, const graph::Projection& projection,
               const ExportOptions& options) {
    const auto& g = projection.graph();
    const auto description =
        options.description.empty() ? describeProjection(projection) : options.description;
    const bool v13 = options.gexfVersion == GexfVersion::V1_3;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    if (v13) {
        out << "<gexf xmlns=\"http://gexf.net/1.3\" "
               "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
               "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
               "version=\"1.3\">\n";
    } else {
        out << "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
               "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
               "xsi:schemaLocation=\"http://www.gexf.net/1.2draft "
               "http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n";
    }
    out << "  <meta>\n"
           "    <creator>bilateral</creator>\n"
           "    <description>"
        << xmlEscape(description)
        << "</description>\n"
           "  </meta>\n"
           "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\""
        << (v13 ? " timerepresentation=\"interval\"" : "") << ">\n";
    declare(out, "node", kNodeAttrs);
    declare(out, "edge", kEdgeAttrs);

    out << "    <nodes>\n";
    for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
        const auto& x = g[v];
        out << "      <node id=\"n" << v << "\" label=\"" << xmlEscape(x.label) << '"';
        spell(out, x.firstDay, x.lastDay);
        out << ">\n        <attvalues>\n";
        attvalue(out, "bl_bilateral_id", x.id);
        attvalue(out, "bl_kind", graph::toString(x.kind));
        attvalue(out, "bl_type", x.type);
        attvalue(out, "bl_country", x.country);
        attvalue(out, "bl_start", x.start);
        attvalue(out, "bl_end", x.end);
        attvalue(out, "bl_status", x.status);
        attvalue(out, "bl_location", x.location);
        attvalue(out, "bl_parent", x.parent);
        attvalue(out, "bl_cameo", x.cameo);
        attvalue(out, "bl_evidence_count", std::to_string(x.evidenceCount));
        out << "        </attvalues>\n      </node>\n";
    }
    out << "    </nodes>\n    <edges>\n";
    std::size_t n = 0;
    for (const auto e : boost::make_iterator_range(boost::edges(g))) {
        const auto& x = g[e];
        const bool part = x.kind == graph::EdgeKind::Participation;
        // 1.3's `kind` keeps parallel edges of different types apart in Gephi (an actor in two
        // roles); 1.2draft has no such attribute.
        out << "      <edge id=\"e" << n++ << "\" source=\"n" << boost::source(e, g)
            << "\" target=\"n" << boost::target(e, g) << "\" label=\"" << xmlEscape(x.type) << '"';
        if (v13) out << " kind=\"" << xmlEscape(x.type) << '"';
        spell(out, x.firstDay, x.lastDay);
        out << ">\n        <attvalues>\n";
        attvalue(out, "bl_bilateral_id", x.id);
        attvalue(out, "bl_kind", graph::toString(x.kind));
        attvalue(out, "bl_type", x.type);
        if (part) attvalue(out, "bl_role", x.type);
        attvalue(out, "bl_start", x.start);
        attvalue(out, "bl_end", x.end);
        attvalue(out, "bl_evidence_count", std::to_string(x.evidenceCount));
        out << "        </attvalues>\n      </edge>\n";
    }
    out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace bilateral::io
