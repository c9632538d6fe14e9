// Graphviz DOT: a digraph with actors as ellipses and events as boxes (planned and cancelled
// events dashed). Every attribute value is a double-quoted string escaped by dotEscape.

#include <ostream>
#include <string>
#include <string_view>

#include "bilateral/export/writers.hpp"
#include "bilateral/graph/projection.hpp"

namespace bilateral::io {
namespace {

/// ` name="value"` when the value is not empty.
void attr(std::ostream& out, bool& first, std::string_view name, std::string_view value) {
    if (value.empty()) return;
    out << (first ? "" : ", ") << name << "=\"" << dotEscape(value) << '"';
    first = false;
}

}  // namespace

void writeDot(std::ostream& out, const graph::Projection& projection,
              const ExportOptions& options) {
    const auto& g = projection.graph();
    const auto description =
        options.description.empty() ? describeProjection(projection) : options.description;
    out << "// " << dotEscape(description) << "\n"
        << "digraph bilateral {\n"
        << "  graph [label=\"" << dotEscape(description) << "\", labelloc=t, fontsize=10];\n"
        << "  node [fontsize=10];\n"
        << "  edge [fontsize=8];\n";
    for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
        const auto& x = g[v];
        const bool actor = x.kind == graph::VertexKind::Actor;
        out << "  n" << v << " [";
        bool first = true;
        attr(out, first, "label", x.label);
        attr(out, first, "shape", actor ? "ellipse" : "box");
        if (!actor && x.status != "occurred") attr(out, first, "style", "dashed");
        attr(out, first, "bilateral_id", x.id);
        attr(out, first, "kind", graph::toString(x.kind));
        attr(out, first, "type", x.type);
        attr(out, first, "country", x.country);
        attr(out, first, "start", x.start);
        attr(out, first, "end", x.end);
        attr(out, first, "status", x.status);
        attr(out, first, "location", x.location);
        attr(out, first, "parent", x.parent);
        attr(out, first, "cameo", x.cameo);
        attr(out, first, "evidence_count", std::to_string(x.evidenceCount));
        out << "];\n";
    }
    for (const auto e : boost::make_iterator_range(boost::edges(g))) {
        const auto& x = g[e];
        const bool part = x.kind == graph::EdgeKind::Participation;
        out << "  n" << boost::source(e, g) << " -> n" << boost::target(e, g) << " [";
        bool first = true;
        attr(out, first, "label", x.type);
        if (!part) attr(out, first, "style", "bold");
        attr(out, first, "bilateral_id", x.id);
        attr(out, first, "kind", graph::toString(x.kind));
        attr(out, first, "type", x.type);
        if (part) attr(out, first, "role", x.type);
        attr(out, first, "start", x.start);
        attr(out, first, "end", x.end);
        attr(out, first, "evidence_count", std::to_string(x.evidenceCount));
        out << "];\n";
    }
    out << "}\n";
}

}  // namespace bilateral::io
