// GraphML. Written by hand rather than with boost::write_graphml: Boost escapes only the five
// XML specials (property_tree's encode_char_entities), so control characters make its output
// malformed and tabs, line breaks and repeated spaces do not survive its own reader; it also has
// no place for a graph description. The layout follows Boost's (nodes n0.., edges e0..), so
// boost::read_graphml, NetworkX, igraph, Gephi and yEd read it.

#include <ostream>
#include <string>
#include <string_view>

#include "bilateral/export/writers.hpp"
#include "bilateral/graph/projection.hpp"

namespace bilateral::io {
namespace {

struct Key {
    std::string_view id, domain, name, type;
};

// Every key is declared, and typed; dates are ISO 8601 strings (partial dates kept as written).
constexpr Key kKeys[] = {
    {"g_description", "graph", "description", "string"},
    {"g_window_from", "graph", "window_from", "string"},
    {"g_window_to", "graph", "window_to", "string"},
    {"g_event_kinds", "graph", "event_kinds", "string"},
    {"v_bilateral_id", "node", "bilateral_id", "string"},
    {"v_kind", "node", "kind", "string"},
    {"v_type", "node", "type", "string"},
    {"v_label", "node", "label", "string"},
    {"v_country", "node", "country", "string"},
    {"v_start", "node", "start", "string"},
    {"v_end", "node", "end", "string"},
    {"v_status", "node", "status", "string"},
    {"v_location", "node", "location", "string"},
    {"v_parent", "node", "parent", "string"},
    {"v_cameo", "node", "cameo", "string"},
    {"v_evidence_count", "node", "evidence_count", "long"},
    {"e_bilateral_id", "edge", "bilateral_id", "string"},
    {"e_kind", "edge", "kind", "string"},
    {"e_type", "edge", "type", "string"},
    {"e_role", "edge", "role", "string"},
    {"e_label", "edge", "label", "string"},
    {"e_start", "edge", "start", "string"},
    {"e_end", "edge", "end", "string"},
    {"e_evidence_count", "edge", "evidence_count", "long"},
};

void data(std::ostream& out, std::string_view indent, std::string_view key,
          std::string_view value) {
    if (value.empty()) return;
    out << indent << "<data key=\"" << key << "\">" << xmlEscape(value) << "</data>\n";
}

}  // namespace

void writeGraphML(std::ostream& out, const graph::Projection& projection,
                  const ExportOptions& options) {
    const auto& g = projection.graph();
    const auto& f = projection.filter();
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    for (const auto& k : kKeys) {
        out << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << k.name
            << "\" attr.type=\"" << k.type << "\"/>\n";
    }
    const auto description =
        options.description.empty() ? describeProjection(projection) : options.description;
    out << "  <graph id=\"G\" edgedefault=\"directed\">\n";
    out << "    <desc>" << xmlEscape(description) << "</desc>\n";
    data(out, "    ", "g_description", description);
    if (f.from) data(out, "    ", "g_window_from", f.from->toString());
    if (f.to) data(out, "    ", "g_window_to", f.to->toString());
    std::string kinds;
    for (const auto k : f.kinds) {
        if (!kinds.empty()) kinds += ',';
        kinds += model::toString(k);
    }
    data(out, "    ", "g_event_kinds", kinds);

    for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
        const auto& x = g[v];
        out << "    <node id=\"n" << v << "\">\n";
        constexpr std::string_view in = "      ";
        data(out, in, "v_bilateral_id", x.id);
        data(out, in, "v_kind", graph::toString(x.kind));
        data(out, in, "v_type", x.type);
        data(out, in, "v_label", x.label);
        data(out, in, "v_country", x.country);
        data(out, in, "v_start", x.start);
        data(out, in, "v_end", x.end);
        data(out, in, "v_status", x.status);
        data(out, in, "v_location", x.location);
        data(out, in, "v_parent", x.parent);
        data(out, in, "v_cameo", x.cameo);
        data(out, in, "v_evidence_count", std::to_string(x.evidenceCount));
        out << "    </node>\n";
    }
    std::size_t n = 0;
    for (const auto e : boost::make_iterator_range(boost::edges(g))) {
        const auto& x = g[e];
        const bool part = x.kind == graph::EdgeKind::Participation;
        out << "    <edge id=\"e" << n++ << "\" source=\"n" << boost::source(e, g)
            << "\" target=\"n" << boost::target(e, g) << "\">\n";
        constexpr std::string_view in = "      ";
        data(out, in, "e_bilateral_id", x.id);
        data(out, in, "e_kind", graph::toString(x.kind));
        data(out, in, "e_type", x.type);
        if (part) data(out, in, "e_role", x.type);
        data(out, in, "e_label", x.type);
        data(out, in, "e_start", x.start);
        data(out, in, "e_end", x.end);
        data(out, in, "e_evidence_count", std::to_string(x.evidenceCount));
        out << "    </edge>\n";
    }
    out << "  </graph>\n</graphml>\n";
}

}  // namespace bilateral::io
