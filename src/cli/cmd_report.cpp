// bilateral report (ACTOR | --dyad ISO3:ISO3 | --country ISO3) [--from D] [--to D]
//                  [--sources DIR] -o FILE.html

#include <fmt/core.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include "bilateral/error.hpp"
#include "bilateral/export/output_file.hpp"
#include "bilateral/report/report.hpp"
#include "command.hpp"
#include "format.hpp"
#include "interrupt.hpp"

namespace bilateral::cli {
namespace {

namespace fs = std::filesystem;

struct ReportArgs {
    std::string actor, dyad, country, from, to, output, sources;
};

void run(const Globals& g, const ReportArgs& a) {
    if (!a.actor.empty() + !a.dyad.empty() + !a.country.empty() != 1)
        throw InvalidArgumentError(
            "report: give exactly one of ACTOR, --dyad ISO3:ISO3 or --country ISO3");
    io::ReportSelection sel;
    if (!a.dyad.empty()) {
        const auto colon = a.dyad.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == a.dyad.size())
            throw InvalidArgumentError("--dyad: expected ISO3:ISO3, got \"" + a.dyad + "\"");
        sel.countryA = a.dyad.substr(0, colon);
        sel.countryB = a.dyad.substr(colon + 1);
    }
    if (!a.country.empty()) sel.countryA = a.country;
    const auto window = parseWindowOption(a.from, a.to);
    sel.from = window.from;
    sel.to = window.to;
    io::refuseOutputOverDatabase(a.output, g.db);
    catchInterrupts(OnInterrupt::Immediate);

    auto db = g.openReadOnly();
    if (!a.actor.empty()) sel.actor = resolveActorArgument(db, a.actor);
    io::ReportOptions o;
    o.database = g.shownDb();
    o.made = io::reportDate();
    const char* env = std::getenv("BILATERAL_SOURCES");
    o.sourcesDir = !a.sources.empty() ? a.sources : (env ? env : "");

    const fs::path file = a.output;
    io::ReportSummary sum;
    writeOutputFile(file, [&](std::ostream& out) { sum = db.writeReport(out, sel, o); });
    fmt::print(
        "wrote report ({} events, {} actors, {} pairs who met; network of {} actors) to {}\n",
        sum.events, sum.actors, sum.meetings, sum.networkActors, file.string());
}

}  // namespace

void addReport(CLI::App& cmd, const Globals& g) {
    auto& a = onRun(cmd, g, run);
    cmd.add_option("ACTOR", a.actor, "actor id, or a name or alias naming one actor");
    cmd.add_option("--dyad", a.dyad, "events in which both countries take part (ITA:MYS)");
    cmd.add_option("--country", a.country, "events in which the country takes part (ISO3)");
    addOverlapWindowOptions(cmd, a.from, a.to);
    cmd.add_option("--sources", a.sources,
                   "folder of the source texts, for quoted passages (default: $BILATERAL_SOURCES)");
    cmd.add_option("-o,--output", a.output, "the HTML file to write")->required();
}

}  // namespace bilateral::cli
