#include "graph_attributes.hpp"

#include <array>

namespace bilateral::io::detail {
namespace {

using graph::Edge;
using graph::Vertex;

AttrValue text(std::string_view s) {
    return {s, std::nullopt};
}
AttrValue count(std::int64_t n) {
    return {{}, n};
}

// clang-format off
constexpr std::array<Attribute<Vertex>, 12> kNode{{
    {"bilateral_id", AttrType::Text, [](const Vertex& x) { return text(x.id); }},
    {"kind", AttrType::Text, [](const Vertex& x) { return text(graph::toString(x.kind)); }},
    {"type", AttrType::Text, [](const Vertex& x) { return text(x.type); }},
    {"label", AttrType::Text, [](const Vertex& x) { return text(labelOf(x)); }},
    {"country", AttrType::Text, [](const Vertex& x) { return text(x.country); }},
    {"start", AttrType::Date, [](const Vertex& x) { return text(x.start); }},
    {"end", AttrType::Date, [](const Vertex& x) { return text(x.end); }},
    {"status", AttrType::Text, [](const Vertex& x) { return text(x.status); }},
    {"location", AttrType::Text, [](const Vertex& x) { return text(x.location); }},
    {"parent", AttrType::Text, [](const Vertex& x) { return text(x.parent); }},
    {"cameo", AttrType::Text, [](const Vertex& x) { return text(x.cameo); }},
    {"evidence_count", AttrType::Count, [](const Vertex& x) { return count(x.evidenceCount); }},
}};

constexpr std::array<Attribute<Edge>, 8> kEdge{{
    {"bilateral_id", AttrType::Text, [](const Edge& x) { return text(x.id); }},
    {"kind", AttrType::Text, [](const Edge& x) { return text(graph::toString(x.kind)); }},
    {"type", AttrType::Text, [](const Edge& x) { return text(x.type); }},
    {"role", AttrType::Text, [](const Edge& x) {
        return text(x.kind == graph::EdgeKind::Participation ? std::string_view(x.type) : "");
    }},
    {"label", AttrType::Text, [](const Edge& x) { return text(labelOf(x)); }},
    {"start", AttrType::Date, [](const Edge& x) { return text(x.start); }},
    {"end", AttrType::Date, [](const Edge& x) { return text(x.end); }},
    {"evidence_count", AttrType::Count, [](const Edge& x) { return count(x.evidenceCount); }},
}};
// clang-format on

}  // namespace

std::string_view typeName(AttrType type) noexcept {
    return type == AttrType::Count ? "long" : "string";
}

std::span<const Attribute<graph::Vertex>> nodeAttributes() noexcept {
    return kNode;
}

std::span<const Attribute<graph::Edge>> edgeAttributes() noexcept {
    return kEdge;
}

GraphAttributes graphAttributes(const graph::Projection& projection, const ExportOptions& options) {
    const auto& f = projection.filter();
    GraphAttributes g;
    g.description =
        options.description.empty() ? describeProjection(projection) : options.description;
    std::string kinds;
    for (const auto k : f.kinds) {
        g.eventKinds.push_back(model::toString(k));
        if (!kinds.empty()) kinds += ',';
        kinds += model::toString(k);
    }
    g.values = {{"description", g.description},
                {"window_from", f.from ? f.from->toString() : std::string()},
                {"window_to", f.to ? f.to->toString() : std::string()},
                {"event_kinds", std::move(kinds)}};
    return g;
}

std::string nodeId(std::size_t v) {
    return "n" + std::to_string(v);
}

std::string edgeId(std::size_t n) {
    return "e" + std::to_string(n);
}

}  // namespace bilateral::io::detail
