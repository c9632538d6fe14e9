#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "bilateral/error.hpp"
#include "bilateral/import/import.hpp"
#include "command.hpp"
#include "interrupt.hpp"

namespace bilateral::cli {
namespace {

using Clock = std::chrono::steady_clock;

/// "4.2 s", "3:07", "1:02:03".
std::string duration(double seconds) {
    if (seconds < 60) return fmt::format("{:.1f} s", seconds);
    const auto s = static_cast<long long>(seconds + 0.5);
    if (s < 3600) return fmt::format("{}:{:02}", s / 60, s % 60);
    return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
}

/// "12.5 MB" for byte counts.
std::string bytes(std::uint64_t n) {
    if (n < 1000 * 1000) return fmt::format("{:.1f} kB", static_cast<double>(n) / 1e3);
    return fmt::format("{:.1f} MB", static_cast<double>(n) / 1e6);
}

/// The import's progress on a terminal (stderr): per file the rows read, the share of the
/// file, the rate, the time taken and left; then the phases that finish the transaction. Each
/// file's line and the phases' line stay on the screen when they end. Redrawn at most ten
/// times a second. Does nothing when off (stderr not a terminal, or --quiet).
class ProgressDisplay {
public:
    explicit ProgressDisplay(bool on) : on_(on) {}

    void update(const io::ImportProgress& p) {
        if (!on_) return;
        const auto now = Clock::now();
        if (!p.phase.empty()) {
            if (phases_.empty()) {
                endLine();
                phasesStart_ = now;
                phases_ = "finishing:";
            }
            phases_ += fmt::format(" {}…", phaseName(p.phase));
            draw(phases_);
            return;
        }
        if (p.file != file_) {
            endLine();
            file_ = std::string(p.file);
            fileStart_ = now;
            lastDraw_ = {};
        }
        if (!p.fileDone && now - lastDraw_ < std::chrono::milliseconds(100)) return;
        lastDraw_ = now;
        const double elapsed = std::chrono::duration<double>(now - fileStart_).count();
        std::string line = file_ + ": ";
        line += p.rows > 0 ? fmt::format("{} rows", p.rows) : bytes(p.bytesRead) + " read";
        if (p.fileDone) {
            line += fmt::format(" in {}", duration(elapsed));
            if (p.rows > 0 && elapsed > 0)
                line += fmt::format(" ({:.0f} rows/s)", static_cast<double>(p.rows) / elapsed);
            draw(line);
            endLine();
            return;
        }
        if (p.bytesTotal > 0)
            line +=
                fmt::format(", {}%", p.bytesRead * 100 / std::max<std::uint64_t>(p.bytesTotal, 1));
        if (p.rows > 0 && elapsed > 0)
            line += fmt::format(", {:.0f} rows/s", static_cast<double>(p.rows) / elapsed);
        line += fmt::format(", {} elapsed", duration(elapsed));
        if (p.bytesTotal > 0 && p.bytesRead > 0 && p.bytesRead < p.bytesTotal && elapsed >= 1) {
            const double left = elapsed * static_cast<double>(p.bytesTotal - p.bytesRead) /
                                static_cast<double>(p.bytesRead);
            line += fmt::format(", about {} left", duration(left));
        }
        draw(line);
    }

    /// A line of its own (waiting for a lock), between progress lines.
    void note(const std::string& text) {
        if (!on_) return;
        endLine();
        fmt::print(stderr, "{}\n", text);
        std::fflush(stderr);
    }

    /// The import committed: the phases' line says so and ends.
    void finish() {
        if (!on_) return;
        if (!phases_.empty()) {
            draw(phases_ +
                 fmt::format(
                     " done in {}",
                     duration(std::chrono::duration<double>(Clock::now() - phasesStart_).count())));
        }
        endLine();
    }

    /// Ends the line being drawn, so that what follows starts on a line of its own.
    void endLine() {
        if (!open_) return;
        fmt::print(stderr, "\n");
        std::fflush(stderr);
        open_ = false;
    }

private:
    static std::string_view phaseName(std::string_view phase) {
        if (phase == "deriving") return "deriving links and tallies";
        return phase;
    }
    void draw(const std::string& line) {
        fmt::print(stderr, "\r\033[K{}", line);
        std::fflush(stderr);
        open_ = true;
    }

    bool on_;
    bool open_ = false;
    std::string file_, phases_;
    Clock::time_point fileStart_, lastDraw_, phasesStart_;
};

struct ImportArgs {
    std::vector<std::string> files;
    std::string format = "auto";
    bool skipBadRows = false;
    bool init = false;
    bool quiet = false;
    std::string groupBy;
    bool noGrouping = false;
    std::string sources;  ///< [claims] the folder of source texts quotes are checked against
};

/// "nothing from FILE was added to DB" / "nothing from these 3 files ...".
std::string nothingAdded(const std::vector<std::string>& files, const std::string& db) {
    const std::string what = files.size() != 1      ? fmt::format("these {} files", files.size())
                             : files.front() == "-" ? std::string("standard input")
                                                    : files.front();
    return fmt::format("nothing from {} was added to {}", what, db);
}

/// Each malformed row skipped (on stderr), then what each file added; returns how many rows
/// were skipped.
std::size_t printSummaries(const std::vector<io::ImportSummary>& summaries) {
    std::size_t bad = 0;
    for (const auto& s : summaries) {
        for (const auto& row : s.badRows) {
            fmt::print(stderr, "bilateral: {}: {}: {} (row skipped)\n", s.file, row.location,
                       row.reason);
        }
        bad += s.badRows.size();
    }
    for (const auto& s : summaries) {
        fmt::print(
            "{}: {}, {} records; added or updated {} sources, {} actors, {} events, {} "
            "participations, {} relations{}; skipped {} already present\n",
            s.file, io::toString(s.format), s.rows, s.sources, s.actors, s.events, s.participations,
            s.relations, s.links > 0 ? fmt::format(", {} event links", s.links) : "", s.skipped);
        if (!s.badRows.empty())
            fmt::print("{}: skipped {} malformed rows\n", s.file, s.badRows.size());
        if (s.regrouped > 0)
            fmt::print("{}: {} rows record a meeting an earlier row records (counted once)\n",
                       s.file, s.regrouped);
    }
    return bad;
}

void runImport(const Globals& g, const ImportArgs& args) {
    io::ImportOptions options;
    options.format = io::parseFormat(args.format);
    options.skipBadRows = args.skipBadRows;
    if (!args.groupBy.empty()) options.grouping = io::parseGrouping(args.groupBy);
    if (args.noGrouping) options.grouping.enabled = false;
    const char* sourcesEnv = std::getenv("BILATERAL_SOURCES");
    options.sourcesDir = !args.sources.empty() ? args.sources : (sourcesEnv ? sourcesEnv : "");
    std::vector<std::filesystem::path> files(args.files.begin(), args.files.end());
    if (std::count(args.files.begin(), args.files.end(), "-") > 1) {
        throw InvalidArgumentError("standard input (-) can be imported only once");
    }
    // Refuse missing, unreadable and unrecognisable files before the database is opened (and
    // perhaps created). Standard input is read once: it is detected as it is imported.
    for (const auto& f : files) {
        io::checkInputFile(f);
        // A pipe given by name (/dev/stdin, <(zcat x.gz)) can be read once only, too.
        std::error_code ec;
        if (options.format == io::Format::Auto && f != "-" &&
            std::filesystem::is_regular_file(f, ec)) {
            (void)io::detectFormat(f);
        }
    }
    catchInterrupts(OnInterrupt::Deferred);
    ProgressDisplay display(isatty(STDERR_FILENO) == 1 && !args.quiet);
    options.onProgress = [&display](const io::ImportProgress& p) {
        if (interruptSignal() != 0) throw Interrupted("interrupted", interruptStatus());
        display.update(p);
    };
    DatabaseOptions open;
    open.create = true;  // an import makes the database it is given
    open.adopt = args.init;
    open.createAtCommit = true;  // a new file appears whole at the commit, or not at all
    open.onLockWait = [&display, &g] {
        display.note("waiting for another writer's lock on " + g.shownDb() + "…");
    };
    // A failed import changes nothing: not even a database file it had to create.
    std::error_code ec;
    const bool created = !g.server() && !std::filesystem::exists(g.db, ec);
    std::vector<io::ImportSummary> summaries;
    try {
        auto db = Database::open(g.db, std::move(open));
        InterruptsDatabase interrupts(db);
        if (interruptSignal() != 0) throw Interrupted("interrupted", interruptStatus());
        summaries = db.importFiles(files, options);
    } catch (...) {
        display.endLine();
        // A new file is put under its name by the commit only (createAtCommit): there is
        // nothing to remove here, and a file of that name is another process's.
        // Whatever failed first (a read cut short, a statement interrupted), the signal is why.
        if (interruptSignal() != 0) {
            std::string message = "interrupted; " + nothingAdded(args.files, g.shownDb());
            if (created) message += " (it did not exist: no file was made)";
            throw Interrupted(message, interruptStatus());
        }
        throw;
    }
    display.finish();
    if (printSummaries(summaries) > 0) g.exitStatus = RowsSkipped;
    if (interruptSignal() != 0) {
        throw Interrupted("interrupted after the import was committed to " + g.shownDb(),
                          interruptStatus());
    }
}

}  // namespace

void addImport(CLI::App& cmd, const Globals& g) {
    auto& args = onRun(cmd, g, runImport);
    cmd.add_option("files", args.files,
                   "files to import (.gz and .zip read directly; - for standard input)")
        ->required();
    cmd.add_option("--format", args.format, "input format (default: detect from the contents)")
        ->check(CLI::IsMember({"auto", "dataset", "icews", "gdelt"}));
    cmd.add_flag("--skip-bad-rows", args.skipBadRows,
                 "event files: import the other rows, list each malformed one on stderr and exit "
                 "with status 5 (default: refuse the whole import)");
    cmd.add_flag("--init", args.init,
                 "make an empty file, or an SQLite database of another program, a bilateral "
                 "database (adding bilateral's tables to it); without it such a file is refused");
    cmd.add_flag("-q,--quiet", args.quiet, "no progress display on a terminal");
    cmd.add_option("--sources", args.sources,
                   "dataset files: the folder of source texts (default $BILATERAL_SOURCES); each "
                   "quote of a span whose source's text is there is checked against it");
    auto* groupBy = cmd.add_option(
        "--group-by", args.groupBy,
        "event files: rows that are one meeting share these, comma-separated: pair (the unordered "
        "pair of actors, required), day, root (the CAMEO root code); default pair,day,root");
    cmd.add_flag("--no-grouping", args.noGrouping, "event files: every row is a meeting of its own")
        ->excludes(groupBy);
}

}  // namespace bilateral::cli
