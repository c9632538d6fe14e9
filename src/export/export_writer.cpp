// Export formats by name, the generated description, and the one entry point the CLI uses.

#include <array>
#include <ostream>
#include <string>

#include "bilateral/error.hpp"
#include "bilateral/export/from_storage.hpp"
#include "bilateral/export/writers.hpp"
#include "bilateral/graph/projection.hpp"
#include "bilateral/import/dataset.hpp"

namespace bilateral::io {
namespace {

using GraphWriter = void (*)(std::ostream&, const graph::Projection&, const ExportOptions&);

struct FormatName {
    ExportFormat format;
    std::string_view name, extension;
    GraphWriter write;  ///< null for the dataset JSON, which is written from the store
};

constexpr std::array<FormatName, 5> kFormats{{
    {ExportFormat::GraphML, "graphml", ".graphml", writeGraphML},
    {ExportFormat::Gexf, "gexf", ".gexf", writeGexf},
    {ExportFormat::Json, "json", ".json", nullptr},
    {ExportFormat::Cytoscape, "cytoscape", ".cyjs", writeCytoscape},
    {ExportFormat::Dot, "dot", ".dot", writeDot},
}};

const FormatName& entryOf(ExportFormat f) noexcept {
    for (const auto& x : kFormats) {
        if (x.format == f) return x;
    }
    return kFormats.front();
}
}  // namespace

std::string_view toString(ExportFormat f) noexcept {
    return entryOf(f).name;
}

std::string_view extensionOf(ExportFormat f) noexcept {
    return entryOf(f).extension;
}

ExportFormat parseExportFormat(std::string_view name) {
    for (const auto& x : kFormats) {
        if (x.name == name) return x.format;
    }
    throw InvalidArgumentError("unknown export format \"" + std::string(name) +
                               "\" (expected graphml, gexf, json, cytoscape or dot)");
}

std::string describeProjection(const graph::Projection& p) {
    const auto count = [](std::size_t n, std::string_view noun) {
        return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
    };
    std::string s = "bilateral knowledge graph: " + count(p.actorCount(), "actor") + ", " +
                    count(p.eventCount(), "event") + ", " +
                    count(p.participationCount(), "participation") + ", " +
                    count(p.relationCount(), "relation");
    if (p.linkCount() > 0) s += ", " + count(p.linkCount(), "event link");
    const auto& f = p.filter();
    if (f.from || f.to) {
        s += "; events that may overlap ";
        s += f.from ? f.from->toString() : std::string("the beginning");
        s += " to ";
        s += f.to ? f.to->toString() : std::string("now");
    }
    if (!f.kinds.empty()) {
        s += "; event kinds ";
        for (std::size_t i = 0; i < f.kinds.size(); ++i) {
            if (i) s += ", ";
            s += model::toString(f.kinds[i]);
        }
    }
    return s;
}

void writeExport(std::ostream& out, ExportFormat format, storage::Engine& store,
                 const graph::Projection& projection, const ExportOptions& options) {
    if (const auto write = entryOf(format).write) {
        write(out, projection, options);
        return;
    }
    out << writeDataset(subgraphDataset(store, projection),
                        options.indent < 0 ? -1 : options.indent);
}

}  // namespace bilateral::io
