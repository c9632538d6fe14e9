#pragma once
// Private to export: the one table of what every graph export says about the graph, its nodes
// and its edges — each attribute's name, type and value (docs/graph.md). GraphML declares them
// as keys, GEXF as attributes, DOT writes them as attributes, Cytoscape as data fields; each
// writer renders the table its own way and adds only what its format itself needs (shapes, spells,
// element ids).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bilateral/export/writers.hpp"
#include "bilateral/graph/projection.hpp"

namespace bilateral::io::detail {

/// How a value is typed: GraphML's attr.type and GEXF's type name it ("string", "long").
enum class AttrType {
    Text,   ///< a string
    Date,   ///< a string: an ISO 8601 partial date as stored (2025, 2025-07, 2025-07-02)
    Count,  ///< a whole number
};
/// "string" or "long".
std::string_view typeName(AttrType type) noexcept;

/// One attribute's value: text, or a count. Empty text is no value (the attribute is left out).
struct AttrValue {
    std::string_view text;
    std::optional<std::int64_t> count;
    [[nodiscard]] bool empty() const noexcept { return !count && text.empty(); }
    /// The value as DOT writes it (before escaping): the text, or the count in digits.
    [[nodiscard]] std::string str() const {
        return count ? std::to_string(*count) : std::string(text);
    }
    /// The value as XML text (GraphML, GEXF): escaped by xmlEscape.
    [[nodiscard]] std::string xml() const { return count ? str() : xmlEscape(text); }
};

/// An attribute of the items of type `Item` (graph::Vertex, graph::Edge).
template <class Item>
struct Attribute {
    std::string_view name;
    AttrType type;
    AttrValue (*value)(const Item&);
};

/// The label every format shows: an actor's name, an event's title, an edge's type.
inline std::string_view labelOf(const graph::Vertex& x) noexcept {
    return x.label;
}
inline std::string_view labelOf(const graph::Edge& x) noexcept {
    return x.type;
}

/// Node attributes, in the order every format writes them: bilateral_id, kind, type, label,
/// country, start, end, status, location, parent, cameo, evidence_count.
std::span<const Attribute<graph::Vertex>> nodeAttributes() noexcept;
/// Edge attributes, in order: bilateral_id, kind, type, role (participations), label (= type),
/// start, end, evidence_count.
std::span<const Attribute<graph::Edge>> edgeAttributes() noexcept;

/// What an export says about the graph itself: description (options' or describeProjection's),
/// window_from, window_to, event_kinds (comma-separated), in that order; empty values included.
struct GraphAttributes {
    std::string description;
    std::vector<std::pair<std::string_view, std::string>> values;
    std::vector<std::string_view> eventKinds;
};
GraphAttributes graphAttributes(const graph::Projection& projection, const ExportOptions& options);

/// Element ids, as Boost's write_graphml names them: n0, n1, ... and e0, e1, ...
std::string nodeId(std::size_t v);
std::string edgeId(std::size_t n);

}  // namespace bilateral::io::detail
