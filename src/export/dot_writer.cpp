// Graphviz DOT: a digraph with actors as ellipses and events as boxes (planned and cancelled
// events dashed), relations bold. Every attribute value is a double-quoted string escaped by
// dotEscape; the attributes are those of graph_attributes.hpp, the label first.

#include <ostream>
#include <string>
#include <string_view>

#include "bilateral/export/writers.hpp"
#include "bilateral/graph/projection.hpp"
#include "graph_attributes.hpp"

namespace bilateral::io {
namespace {

/// ` name="value"`, comma-separated, for the values that are not empty.
class AttrList {
public:
    explicit AttrList(std::ostream& out) : out_(out) {}
    void add(std::string_view name, std::string_view value) {
        if (value.empty()) return;
        out_ << (first_ ? "" : ", ") << name << "=\"" << dotEscape(value) << '"';
        first_ = false;
    }
    /// The table's attributes but the label (given first, with the drawing attributes).
    template <class Item>
    void add(std::span<const detail::Attribute<Item>> table, const Item& x) {
        for (const auto& a : table) {
            if (a.name != "label") add(a.name, a.value(x).str());
        }
    }

private:
    std::ostream& out_;
    bool first_ = true;
};

}  // namespace

void writeDot(std::ostream& out, const graph::Projection& projection,
              const ExportOptions& options) {
    const auto& g = projection.graph();
    const auto description = detail::graphAttributes(projection, options).description;
    out << "// " << dotEscape(description) << "\n"
        << "digraph bilateral {\n"
        << "  graph [label=\"" << dotEscape(description) << "\", labelloc=t, fontsize=10];\n"
        << "  node [fontsize=10];\n"
        << "  edge [fontsize=8];\n";
    for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
        const auto& x = g[v];
        const bool actor = x.kind == graph::VertexKind::Actor;
        out << "  " << detail::nodeId(v) << " [";
        AttrList list(out);
        list.add("label", detail::labelOf(x));
        list.add("shape", actor ? "ellipse" : "box");
        if (!actor && x.status != "occurred") list.add("style", "dashed");
        list.add(detail::nodeAttributes(), x);
        out << "];\n";
    }
    for (const auto e : boost::make_iterator_range(boost::edges(g))) {
        const auto& x = g[e];
        out << "  " << detail::nodeId(boost::source(e, g)) << " -> "
            << detail::nodeId(boost::target(e, g)) << " [";
        AttrList list(out);
        list.add("label", detail::labelOf(x));
        if (x.kind != graph::EdgeKind::Participation) list.add("style", "bold");
        list.add(detail::edgeAttributes(), x);
        out << "];\n";
    }
    out << "}\n";
}

}  // namespace bilateral::io
