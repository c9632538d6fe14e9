// Cytoscape.js JSON (the .cyjs layout Cytoscape desktop also reads): elements.nodes and
// elements.edges, each `{"data": {...}}`, ids n0.. and e0.. as in the other exports; the data
// fields are the attributes of graph_attributes.hpp.

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <string_view>

#include "bilateral/export/writers.hpp"
#include "bilateral/graph/projection.hpp"
#include "graph_attributes.hpp"

namespace bilateral::io {
namespace {

using nlohmann::ordered_json;

/// Text as JSON carries it: every byte of invalid UTF-8 replaced by U+FFFD (as in the XML
/// writers), NUL and other controls kept (JSON escapes them).
std::string text(std::string_view value) {
    return sanitizeUtf8(value);
}

/// The table's attributes as data fields: counts as numbers, empty values left out. A node
/// always has its `bilateral_id` and its `label`, and `name` beside the label (Cytoscape
/// desktop's default style labels nodes by `name`); its `parent` is `parent_event`, since
/// `parent` would make it a compound node in Cytoscape.
template <class Item>
void put(ordered_json& data, std::span<const detail::Attribute<Item>> table, const Item& x,
         bool node) {
    for (const auto& a : table) {
        const auto value = a.value(x);
        const bool always = node && (a.name == "bilateral_id" || a.name == "label");
        if (value.empty() && !always) continue;
        const std::string key = node && a.name == "parent" ? "parent_event" : std::string(a.name);
        if (value.count)
            data[key] = *value.count;
        else
            data[key] = text(value.text);
        if (node && a.name == "label") data["name"] = data[key];
    }
}

ordered_json graphData(const detail::GraphAttributes& info) {
    ordered_json meta;
    meta["name"] = "bilateral";
    for (const auto& [name, value] : info.values) {
        if (name == "event_kinds") continue;  // a list: below
        if (!value.empty()) meta[std::string(name)] = text(value);
    }
    if (!info.eventKinds.empty()) {
        auto& kinds = meta["event_kinds"] = ordered_json::array();
        for (const auto k : info.eventKinds) kinds.push_back(std::string(k));
    }
    return meta;
}

}  // namespace

void writeCytoscape(std::ostream& out, const graph::Projection& projection,
                    const ExportOptions& options) {
    const auto& g = projection.graph();
    ordered_json doc;
    doc["format_version"] = "1.0";
    doc["generated_by"] = "bilateral";
    doc["target_cytoscapejs_version"] = "~3";
    doc["data"] = graphData(detail::graphAttributes(projection, options));

    auto& nodes = doc["elements"]["nodes"] = ordered_json::array();
    for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
        ordered_json data;
        data["id"] = detail::nodeId(v);
        put(data, detail::nodeAttributes(), g[v], true);
        nodes.push_back({{"data", std::move(data)}, {"group", "nodes"}});
    }
    auto& edges = doc["elements"]["edges"] = ordered_json::array();
    std::size_t n = 0;
    for (const auto e : boost::make_iterator_range(boost::edges(g))) {
        ordered_json data;
        data["id"] = detail::edgeId(n++);
        data["source"] = detail::nodeId(boost::source(e, g));
        data["target"] = detail::nodeId(boost::target(e, g));
        put(data, detail::edgeAttributes(), g[e], false);
        edges.push_back({{"data", std::move(data)}, {"group", "edges"}});
    }
    out << doc.dump(options.indent, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace bilateral::io
