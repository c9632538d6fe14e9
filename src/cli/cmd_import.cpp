#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "bilateral/error.hpp"
#include "bilateral/io/import.hpp"
#include "command.hpp"

namespace bilateral::cli {
namespace {

/// A one-line progress bar redrawn on stderr, only when the percentage moves.
class ProgressBar {
public:
    void operator()(const std::string& file, std::uint64_t done, std::uint64_t total) {
        const int percent = total == 0 ? 100 : static_cast<int>(done * 100 / total);
        if (file == file_ && percent == percent_) return;
        file_ = file;
        percent_ = percent;
        constexpr int kWidth = 30;
        const int filled = percent * kWidth / 100;
        fmt::print(stderr, "\r{} [{}{}] {:3}%", file,
                   std::string(static_cast<std::size_t>(filled), '#'),
                   std::string(static_cast<std::size_t>(kWidth - filled), '.'), percent);
        std::fflush(stderr);
        drawn_ = true;
    }
    /// Erases the bar so that the summaries start on a clean line.
    void clear() {
        if (drawn_) fmt::print(stderr, "\r\033[K");
        drawn_ = false;
    }

private:
    std::string file_;
    int percent_ = -1;
    bool drawn_ = false;
};

struct ImportArgs {
    std::vector<std::string> files;
    std::string format = "auto";
    bool skipBadRows = false;
    std::string groupBy;
    bool noGrouping = false;
};

void runImport(const Globals& g, const ImportArgs& args) {
    io::ImportOptions options;
    options.format = io::parseFormat(args.format);
    options.skipBadRows = args.skipBadRows;
    if (!args.groupBy.empty()) options.grouping = io::parseGrouping(args.groupBy);
    if (args.noGrouping) options.grouping.enabled = false;
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
    auto bar = std::make_shared<ProgressBar>();
    if (isatty(STDERR_FILENO)) {
        options.progress = [bar](const std::string& f, std::uint64_t done, std::uint64_t total) {
            (*bar)(f, done, total);
        };
    }
    // A failed import changes nothing: not even a database file it had to create.
    std::error_code ec;
    const bool created = !std::filesystem::exists(g.db, ec);
    std::vector<io::ImportSummary> summaries;
    try {
        auto store = g.open(true);
        summaries = io::importFiles(store, files, options);
    } catch (...) {
        bar->clear();
        if (created) {
            for (const char* suffix : {"", "-wal", "-shm"})
                std::filesystem::remove(g.db + suffix, ec);
        }
        throw;
    }
    bar->clear();
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
            "participations, {} relations; skipped {} already present\n",
            s.file, io::toString(s.format), s.rows, s.sources, s.actors, s.events, s.participations,
            s.relations, s.skipped);
        if (!s.badRows.empty())
            fmt::print("{}: skipped {} malformed rows\n", s.file, s.badRows.size());
        if (s.regrouped > 0)
            fmt::print("{}: {} rows record a meeting an earlier row records (counted once)\n",
                       s.file, s.regrouped);
    }
    if (bad > 0) g.exitStatus = RowsSkipped;
}

}  // namespace

void addImport(CLI::App& app, const Globals& g) {
    auto* cmd = app.add_subcommand(
        "import", "Load dataset JSON, ICEWS or GDELT files in one transaction (all or nothing)");
    auto args = std::make_shared<ImportArgs>();
    cmd->add_option("files", args->files,
                    "files to import (.gz and .zip read directly; - for standard input)")
        ->required();
    cmd->add_option("--format", args->format, "input format (default: detect from the contents)")
        ->check(CLI::IsMember({"auto", "dataset", "icews", "gdelt"}));
    cmd->add_flag("--skip-bad-rows", args->skipBadRows,
                  "event files: import the other rows, list each malformed one on stderr and exit "
                  "with status 5 (default: refuse the whole import)");
    auto* groupBy = cmd->add_option(
        "--group-by", args->groupBy,
        "event files: rows that are one meeting share these, comma-separated: pair (the unordered "
        "pair of actors, required), day, root (the CAMEO root code); default pair,day,root");
    cmd->add_flag("--no-grouping", args->noGrouping,
                  "event files: every row is a meeting of its own")
        ->excludes(groupBy);
    cmd->callback([&g, args] { runImport(g, *args); });
}

}  // namespace bilateral::cli
