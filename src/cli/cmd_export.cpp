// bilateral export --format graphml|gexf|json|cytoscape|dot [-o FILE] [--from DATE] [--to DATE]
//                  [--kinds K,...]

#include <fmt/core.h>

#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "bilateral/error.hpp"
#include "bilateral/export/output_file.hpp"
#include "bilateral/export/writers.hpp"
#include "bilateral/graph/projection.hpp"
#include "bilateral/model/date.hpp"
#include "bilateral/model/kinds.hpp"
#include "command.hpp"
#include "format.hpp"
#include "interrupt.hpp"

namespace bilateral::cli {
namespace {

struct ExportArgs {
    std::string format;
    std::string output;
    std::string from, to, kinds;
    std::string gexfVersion;
};

void runExport(const Globals& g, const ExportArgs& args) {
    // Every argument is checked before the database is opened.
    const auto format = io::parseExportFormat(args.format);
    query::IndexFilter filter;
    const auto window = parseWindowOption(args.from, args.to);
    filter.from = window.from;
    filter.to = window.to;
    filter.kinds = parseEventKinds(args.kinds, "--kinds");
    io::ExportOptions options;
    if (!args.gexfVersion.empty()) {
        if (format != io::ExportFormat::Gexf) {
            throw InvalidArgumentError("--gexf-version applies to --format gexf only");
        }
        options.gexfVersion = io::parseGexfVersion(args.gexfVersion);
    }

    io::refuseOutputOverDatabase(args.output, g.db);
    if (!args.output.empty() && args.output != "-") catchInterrupts(OnInterrupt::Immediate);

    auto db = g.openReadOnly();
    const auto projection = db.projection(filter);
    const auto write = [&](std::ostream& out) { db.writeExport(out, format, projection, options); };
    if (args.output.empty() || args.output == "-") {
        // Rendered whole first: on an error stdout stays empty (docs/errors.md).
        std::ostringstream text;
        write(text);
        std::cout << text.view();
        std::cout.flush();
        if (!std::cout) throw StorageError("cannot write to standard output");
        return;
    }
    writeOutputFile(args.output, write);
    fmt::print(
        "wrote {} ({} nodes: {} actors, {} events; {} edges: {} participations, {} relations{}) "
        "to {}\n",
        io::toString(format), projection.vertexCount(), projection.actorCount(),
        projection.eventCount(), projection.edgeCount(), projection.participationCount(),
        projection.relationCount(),
        projection.linkCount() > 0 ? fmt::format(", {} event links", projection.linkCount()) : "",
        args.output);
}

}  // namespace

void addExport(CLI::App& cmd, const Globals& g) {
    auto& args = onRun(cmd, g, runExport);
    cmd.add_option("--format", args.format, "graphml, gexf, json (dataset), cytoscape or dot")
        ->required()
        ->check(CLI::IsMember({"graphml", "gexf", "json", "cytoscape", "dot"}));
    cmd.add_option("-o,--output", args.output, "output file (default: standard output)");
    cmd.add_option("--from", args.from,
                   "keep events that may overlap this date or later (ISO 8601)");
    cmd.add_option("--to", args.to, "keep events that may overlap this date or earlier (ISO 8601)");
    cmd.add_option("--kinds", args.kinds, "keep events of these kinds (comma-separated)");
    cmd.add_option("--gexf-version", args.gexfVersion,
                   "GEXF version: 1.2draft (default; NetworkX and Gephi read it) or 1.3")
        ->check(CLI::IsMember({"1.2draft", "1.2", "1.3"}));
}

}  // namespace bilateral::cli
