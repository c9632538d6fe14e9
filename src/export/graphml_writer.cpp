// GraphML. Written by hand rather than with boost::write_graphml: Boost escapes only the five
// XML specials (property_tree's encode_char_entities), so control characters make its output
// malformed and tabs, line breaks and repeated spaces do not survive its own reader; it also has
// no place for a graph description. The layout follows Boost's (nodes n0.., edges e0..), so
// boost::read_graphml, NetworkX, igraph, Gephi and yEd read it. Keys: graph_attributes.hpp.

#include <ostream>
#include <string>
#include <string_view>

#include "bilateral/export/writers.hpp"
#include "bilateral/graph/projection.hpp"
#include "graph_attributes.hpp"

namespace bilateral::io {
namespace {

using detail::AttrValue;

constexpr std::string_view kIndent = "      ";

/// Every key is declared, and typed; dates are ISO 8601 strings (partial dates kept as written).
/// Key ids are the attribute's name after `g_`, `v_` (nodes) or `e_` (edges).
void declare(std::ostream& out, std::string_view prefix, std::string_view domain,
             std::string_view name, std::string_view type) {
    out << "  <key id=\"" << prefix << name << "\" for=\"" << domain << "\" attr.name=\"" << name
        << "\" attr.type=\"" << type << "\"/>\n";
}

/// `<data>` of a value; none for an empty one (readers then report the key missing).
void data(std::ostream& out, std::string_view indent, std::string_view prefix,
          std::string_view name, const AttrValue& value) {
    if (value.empty()) return;
    out << indent << "<data key=\"" << prefix << name << "\">" << value.xml() << "</data>\n";
}

template <class Item>
void attributes(std::ostream& out, std::string_view prefix,
                std::span<const detail::Attribute<Item>> table, const Item& x) {
    for (const auto& a : table) data(out, kIndent, prefix, a.name, a.value(x));
}

}  // namespace

void writeGraphML(std::ostream& out, const graph::Projection& projection,
                  const ExportOptions& options) {
    const auto& g = projection.graph();
    const auto info = detail::graphAttributes(projection, options);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    for (const auto& [name, value] : info.values) declare(out, "g_", "graph", name, "string");
    for (const auto& a : detail::nodeAttributes()) {
        declare(out, "v_", "node", a.name, detail::typeName(a.type));
    }
    for (const auto& a : detail::edgeAttributes()) {
        declare(out, "e_", "edge", a.name, detail::typeName(a.type));
    }
    out << "  <graph id=\"G\" edgedefault=\"directed\">\n";
    out << "    <desc>" << xmlEscape(info.description) << "</desc>\n";
    for (const auto& [name, value] : info.values) data(out, "    ", "g_", name, {value, {}});

    for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
        out << "    <node id=\"" << detail::nodeId(v) << "\">\n";
        attributes(out, "v_", detail::nodeAttributes(), g[v]);
        out << "    </node>\n";
    }
    std::size_t n = 0;
    for (const auto e : boost::make_iterator_range(boost::edges(g))) {
        out << "    <edge id=\"" << detail::edgeId(n++) << "\" source=\""
            << detail::nodeId(boost::source(e, g)) << "\" target=\""
            << detail::nodeId(boost::target(e, g)) << "\">\n";
        attributes(out, "e_", detail::edgeAttributes(), g[e]);
        out << "    </edge>\n";
    }
    out << "  </graph>\n</graphml>\n";
}

}  // namespace bilateral::io
