// Cytoscape.js JSON (the .cyjs layout Cytoscape desktop also reads): elements.nodes and
// elements.edges, each `{"data": {...}}`, ids n0.. and e0.. as in the other exports.

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <string_view>

#include "bilateral/export/writers.hpp"
#include "bilateral/graph/projection.hpp"

namespace bilateral::io {
namespace {

/// Text as JSON carries it: every byte of invalid UTF-8 replaced by U+FFFD (as in the XML
/// writers), NUL and other controls kept (JSON escapes them).
std::string text(std::string_view value) {
    return sanitizeUtf8(value);
}

void put(nlohmann::ordered_json& data, const char* name, std::string_view value) {
    if (!value.empty()) data[name] = text(value);
}

}  // namespace

void writeCytoscape(std::ostream& out, const graph::Projection& projection,
                    const ExportOptions& options) {
    using nlohmann::ordered_json;
    const auto& g = projection.graph();
    const auto& f = projection.filter();
    ordered_json doc;
    doc["format_version"] = "1.0";
    doc["generated_by"] = "bilateral";
    doc["target_cytoscapejs_version"] = "~3";
    auto& meta = doc["data"];
    meta["name"] = "bilateral";
    meta["description"] =
        text(options.description.empty() ? describeProjection(projection) : options.description);
    if (f.from) meta["window_from"] = f.from->toString();
    if (f.to) meta["window_to"] = f.to->toString();
    if (!f.kinds.empty()) {
        auto& kinds = meta["event_kinds"] = ordered_json::array();
        for (const auto k : f.kinds) kinds.push_back(std::string(model::toString(k)));
    }

    auto& nodes = doc["elements"]["nodes"] = ordered_json::array();
    for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
        const auto& x = g[v];
        ordered_json data;
        data["id"] = "n" + std::to_string(v);
        data["bilateral_id"] = text(x.id);
        data["kind"] = std::string(graph::toString(x.kind));
        put(data, "type", x.type);
        data["label"] = text(x.label);
        data["name"] = data["label"];  // Cytoscape desktop's default style labels nodes by `name`
        put(data, "country", x.country);
        put(data, "start", x.start);
        put(data, "end", x.end);
        put(data, "status", x.status);
        put(data, "location", x.location);
        put(data, "parent_event", x.parent);  // `parent` would make it a compound node in Cytoscape
        put(data, "cameo", x.cameo);
        data["evidence_count"] = x.evidenceCount;
        nodes.push_back({{"data", std::move(data)}, {"group", "nodes"}});
    }
    auto& edges = doc["elements"]["edges"] = ordered_json::array();
    std::size_t n = 0;
    for (const auto e : boost::make_iterator_range(boost::edges(g))) {
        const auto& x = g[e];
        ordered_json data;
        data["id"] = "e" + std::to_string(n++);
        data["source"] = "n" + std::to_string(boost::source(e, g));
        data["target"] = "n" + std::to_string(boost::target(e, g));
        put(data, "bilateral_id", x.id);
        data["kind"] = std::string(graph::toString(x.kind));
        put(data, "type", x.type);
        if (x.kind == graph::EdgeKind::Participation) put(data, "role", x.type);
        put(data, "label", x.type);
        put(data, "start", x.start);
        put(data, "end", x.end);
        data["evidence_count"] = x.evidenceCount;
        edges.push_back({{"data", std::move(data)}, {"group", "edges"}});
    }
    out << doc.dump(options.indent, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace bilateral::io
