// bilateral report (ACTOR | --dyad ISO3:ISO3 | --country ISO3) [--from D] [--to D]
//                  [--sources DIR] -o FILE.html

#include <fmt/core.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "bilateral/error.hpp"
#include "bilateral/io/report.hpp"
#include "command.hpp"
#include "format.hpp"

namespace bilateral::cli {
namespace {

namespace fs = std::filesystem;

struct ReportArgs {
    std::string actor, dyad, country, from, to, output, sources;
};

/// Refuses an output that is the database, its -wal or -shm file, or a link to one of them.
void refuseDatabase(const fs::path& out, const fs::path& db) {
    for (const auto* suffix : {"", "-wal", "-shm"}) {
        fs::path candidate = db;
        candidate += suffix;
        std::error_code ec;
        const bool same =
            fs::weakly_canonical(out, ec) == fs::weakly_canonical(candidate, ec) ||
            (fs::exists(out) && fs::exists(candidate) && fs::equivalent(out, candidate, ec));
        if (same)
            throw InvalidArgumentError("-o " + out.string() + " is the database file " +
                                       candidate.string() + "; give another output file");
    }
}

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
    refuseDatabase(a.output, g.db);

    auto store = g.open(false);
    if (!a.actor.empty()) sel.actor = resolveActorArgument(store, a.actor);
    io::ReportOptions o;
    o.database = g.db;
    o.made = io::reportDate();
    const char* env = std::getenv("BILATERAL_SOURCES");
    o.sourcesDir = !a.sources.empty() ? a.sources : (env ? env : "");

    const fs::path file = a.output;
    fs::path tmp = file;
    tmp += ".tmp-" + std::to_string(::getpid());
    io::ReportSummary sum;
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw StorageError("cannot write " + tmp.string());
        try {
            sum = io::writeHtmlReport(out, store, sel, o);
            out.flush();
            if (!out) throw StorageError("cannot write " + tmp.string());
        } catch (...) {
            out.close();
            fs::remove(tmp);
            throw;
        }
    }
    std::error_code ec;
    fs::rename(tmp, file, ec);
    if (ec) {
        fs::remove(tmp);
        throw StorageError("cannot write " + file.string() + ": " + ec.message());
    }
    fmt::print(
        "wrote report ({} events, {} actors, {} pairs who met; network of {} actors) to {}\n",
        sum.events, sum.actors, sum.meetings, sum.networkActors, file.string());
}

}  // namespace

void addReport(CLI::App& app, const Globals& g) {
    auto* cmd = app.add_subcommand(
        "report", "Write a self-contained HTML page: timeline, network, who met whom, sources");
    auto a = std::make_shared<ReportArgs>();
    cmd->add_option("ACTOR", a->actor, "actor id, or a name or alias naming one actor");
    cmd->add_option("--dyad", a->dyad, "events in which both countries take part (ITA:MYS)");
    cmd->add_option("--country", a->country, "events in which the country takes part (ISO3)");
    cmd->add_option("--from", a->from, "only events that may overlap this date or later");
    cmd->add_option("--to", a->to, "only events that may overlap this date or earlier");
    cmd->add_option(
        "--sources", a->sources,
        "folder of the source texts, for quoted passages (default: $BILATERAL_SOURCES)");
    cmd->add_option("-o,--output", a->output, "the HTML file to write")->required();
    cmd->callback([&g, a] { run(g, *a); });
}

}  // namespace bilateral::cli
