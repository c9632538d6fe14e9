#pragma once
// Importing files into a database (Database::importFiles): dataset JSON, ICEWS and GDELT event
// files, and what an import says about itself. One transaction for the whole import: when any
// file fails, nothing from any of them is written.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace bilateral::io {

enum class Format { Auto, Dataset, Icews, Gdelt };

std::string_view toString(Format f) noexcept;
/// `auto`, `dataset`, `icews`, `gdelt`; throws InvalidArgumentError otherwise.
Format parseFormat(std::string_view name);
/// Guess from the file's contents (a .gz or .zip is looked into): a JSON object → dataset, a
/// tab-separated line with an `Event ID` header → ICEWS, 57, 58 or 61 tab-separated columns →
/// GDELT 1.0 or 2.0. Throws ParseError naming the file and saying what it saw. Reads the start
/// of the file, so do not call it on `-` (standard input) before importing it: importFiles
/// detects the format on the stream it imports from.
Format detectFormat(const std::filesystem::path& file);
/// Throws ParseError naming the file when it is missing, a directory or cannot be read; lets
/// a caller refuse bad arguments before it opens (and perhaps creates) a database. `-`
/// (standard input) passes.
void checkInputFile(const std::filesystem::path& file);

/// A row left out by ImportOptions::skipBadRows, and why.
struct SkippedRow {
    std::string location;  ///< `line 12, column Latitude`, or `line 12`
    std::string reason;
};

/// What one file added and skipped.
struct ImportSummary {
    std::string file;
    Format format = Format::Auto;
    std::int64_t rows = 0;     ///< records read (rows of an event file, objects of a dataset)
    std::int64_t sources = 0;  ///< added or updated
    std::int64_t actors = 0;
    std::int64_t events = 0;
    std::int64_t participations = 0;
    std::int64_t relations = 0;
    std::int64_t links = 0;    ///< [places] links between events, added or updated
    std::int64_t skipped = 0;  ///< rows already present (event files loaded twice add nothing)
    /// Rows left out because they were malformed (only with ImportOptions::skipBadRows).
    std::vector<SkippedRow> badRows;
    /// Event files: rows that record again a meeting an earlier row of the import records
    /// (ImportOptions::grouping); each is kept as an event of its own, marked as that meeting's.
    std::int64_t regrouped = 0;
};

/// Where an import is, for a progress display (ImportOptions::onProgress).
struct ImportProgress {
    std::string_view file;         ///< as named in messages
    std::uint64_t bytesRead = 0;   ///< of the file as stored (compressed bytes of a .gz)
    std::uint64_t bytesTotal = 0;  ///< the file's size; 0 when unknown (a pipe)
    std::int64_t rows = 0;         ///< event rows read so far (0 for dataset documents)
    bool fileDone = false;         ///< the file has been read to its end
    /// Empty while files are read; "indexing" when an event file's bulk import into an empty
    /// database builds its indexes again; "deriving", "indexing", "committing" as the
    /// transaction finishes.
    std::string_view phase;
};

/// Which rows of the event files of one import are one meeting (docs/event-data.md, "One
/// meeting counted once"): rows of the same unordered pair of actors and, each when set, of the
/// same day and of the same CAMEO root code (the first two digits).
struct MeetingGrouping {
    bool enabled = true;
    bool day = true;
    bool root = true;
};

/// Parses `--group-by`: comma-separated `pair`, `day`, `root`; `pair` is required. Throws
/// InvalidArgumentError.
MeetingGrouping parseGrouping(std::string_view fields);

struct ImportOptions {
    Format format = Format::Auto;
    /// Called now and then with (file, bytes read, file size); for progress bars.
    std::function<void(const std::string&, std::uint64_t, std::uint64_t)> progress;
    /// Called about every 64 KiB of input, at the end of each file and at each last phase. It may
    /// throw to stop the import (which then writes nothing), e.g. when the user interrupts it.
    std::function<void(const ImportProgress&)> onProgress;
    /// Event files: leave out a malformed row (listed in ImportSummary::badRows) instead of
    /// refusing the whole import. Problems of the file as a whole (no header, a missing column,
    /// an unreadable archive) still refuse it.
    bool skipBadRows = false;
    /// Event files: which rows are one meeting.
    MeetingGrouping grouping;
    /// [claims] Dataset documents: the folder of source texts (a source's `file` is looked for
    /// there). Every quote of a span whose text is at hand is checked against it; a quote that
    /// differs refuses the document at its JSON pointer. Empty: quotes are not checked.
    std::filesystem::path sourcesDir;
};

}  // namespace bilateral::io
