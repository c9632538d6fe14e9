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
#include "graph_attributes.hpp"

namespace bilateral::io {
namespace {

std::string day(model::DayNumber d) {
    return model::Date::fromDayNumber(d).toString();
}

void spell(std::ostream& out, const std::optional<model::DayNumber>& first,
           const std::optional<model::DayNumber>& last) {
    if (first) out << " start=\"" << day(*first) << '"';
    if (last) out << " end=\"" << day(*last) << '"';
}

// The table's attributes but the label, which is the element's own `label`. Ids are prefixed
// so they never meet Gephi's own columns (id, label, type, kind, timeset); the dates are titled
// start_date/end_date so they are not mistaken for the spells.
template <class Item>
void declare(std::ostream& out, std::string_view cls,
             std::span<const detail::Attribute<Item>> table) {
    out << "    <attributes class=\"" << cls << "\">\n";
    for (const auto& a : table) {
        if (a.name == "label") continue;
        out << "      <attribute id=\"bl_" << a.name << "\" title=\"" << a.name
            << (a.type == detail::AttrType::Date ? "_date" : "") << "\" type=\""
            << detail::typeName(a.type) << "\"/>\n";
    }
    out << "    </attributes>\n";
}

template <class Item>
void attvalues(std::ostream& out, std::span<const detail::Attribute<Item>> table, const Item& x) {
    out << ">\n        <attvalues>\n";
    for (const auto& a : table) {
        const auto value = a.value(x);
        if (a.name == "label" || value.empty()) continue;
        out << "          <attvalue for=\"bl_" << a.name << "\" value=\"" << value.xml()
            << "\"/>\n";
    }
    out << "        </attvalues>\n";
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
    const auto description = detail::graphAttributes(projection, options).description;
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
    declare(out, "node", detail::nodeAttributes());
    declare(out, "edge", detail::edgeAttributes());

    out << "    <nodes>\n";
    for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
        const auto& x = g[v];
        out << "      <node id=\"" << detail::nodeId(v) << "\" label=\""
            << xmlEscape(detail::labelOf(x)) << '"';
        spell(out, x.firstDay, x.lastDay);
        attvalues(out, detail::nodeAttributes(), x);
        out << "      </node>\n";
    }
    out << "    </nodes>\n    <edges>\n";
    std::size_t n = 0;
    for (const auto e : boost::make_iterator_range(boost::edges(g))) {
        const auto& x = g[e];
        // 1.3's `kind` keeps parallel edges of different types apart in Gephi (an actor in two
        // roles); 1.2draft has no such attribute.
        out << "      <edge id=\"" << detail::edgeId(n++) << "\" source=\""
            << detail::nodeId(boost::source(e, g)) << "\" target=\""
            << detail::nodeId(boost::target(e, g)) << "\" label=\"" << xmlEscape(detail::labelOf(x))
            << '"';
        if (v13) out << " kind=\"" << xmlEscape(x.type) << '"';
        spell(out, x.firstDay, x.lastDay);
        attvalues(out, detail::edgeAttributes(), x);
        out << "      </edge>\n";
    }
    out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace bilateral::io
