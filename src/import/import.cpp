// Importing files: format names, format detection and the one-transaction import of many files.

#include "bilateral/import/import.hpp"

#include <algorithm>
#include <array>
#include <fstream>

#include "bilateral/error.hpp"
#include "bilateral/import/dataset.hpp"
#include "bilateral/import/events.hpp"
#include "bilateral/import/from_storage.hpp"
#include "event_import.hpp"
#include "input_stream.hpp"
#include "json_cursor.hpp"
#include "line_reader.hpp"
#include "meeting_groups.hpp"
#include "tsv_line.hpp"

namespace bilateral::io {
namespace {

/// The formats' names, in the order of the Format enumeration.
constexpr std::array<std::string_view, 4> kFormatNames{"auto", "dataset", "icews", "gdelt"};

/// Columns of a GDELT event file (no header): 1.0 historical (57), 1.0 daily (58), 2.0 (61).
constexpr std::array<std::size_t, 3> kGdeltColumns{57, 58, 61};
/// How much of a file detection looks at: enough for the first lines of any event file.
constexpr std::size_t kDetectBytes = 64 * 1024;

constexpr std::string_view kExpected =
    "expected a dataset JSON document (starting with '{'), an ICEWS event file (a tab-separated "
    "header line with an \"Event ID\" column) or a GDELT event file (57 or 58 tab-separated "
    "columns for GDELT 1.0, 61 for 2.0); plain, .gz or .zip; or name the format with --format";

std::string_view firstLine(std::string_view text) {
    auto line = text.substr(0, text.find('\n'));
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

}  // namespace

std::string_view toString(Format f) noexcept {
    const auto i = static_cast<std::size_t>(f);
    return i < kFormatNames.size() ? kFormatNames[i] : kFormatNames.back();
}

Format parseFormat(std::string_view name) {
    for (std::size_t i = 0; i < kFormatNames.size(); ++i) {
        if (kFormatNames[i] == name) return static_cast<Format>(i);
    }
    throw InvalidArgumentError("unknown format \"" + std::string(name) +
                               "\"; expected one of: auto, dataset, icews, gdelt");
}

void checkInputFile(const std::filesystem::path& file) {
    if (detail::isStdin(file)) return;
    detail::requireReadableFile(file);
    // Opening a named pipe to try it would take its data (or wait for a writer): only regular
    // files are opened here; a pipe's problems show when it is imported.
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return;
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ParseError(file.string(), "", "cannot open the file");
}

namespace detail {

Format detectFormat(LineReader& in) {
    // What the input was, for messages: "", " (gzip-compressed)", " (standard input)".
    std::string seen;
    if (!in.container().empty()) seen = in.container();
    if (in.fromStdin()) seen += seen.empty() ? "standard input" : " on standard input";
    const std::string where = seen.empty() ? std::string() : " (" + seen + ")";

    std::string_view text = in.peek(kDetectBytes);
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte order mark
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        throw ParseError(in.name(), "",
                         "empty file" + where +
                             (in.container().empty() ? "" : ": nothing inside the archive") + "; " +
                             std::string(kExpected));
    }
    if (text[first] == '{') return Format::Dataset;

    const auto line = firstLine(text);
    std::vector<std::string_view> fields;
    splitTabs(line, fields);
    if (fields.size() > 1 && std::find(fields.begin(), fields.end(), "Event ID") != fields.end()) {
        return Format::Icews;
    }
    if (std::find(kGdeltColumns.begin(), kGdeltColumns.end(), fields.size()) !=
        kGdeltColumns.end()) {
        return Format::Gdelt;
    }
    // Say what was seen: the field count and the start of the line, printable ASCII only.
    std::string start;
    for (const char c : line.substr(0, 40)) {
        start += (c >= 0x20 && c < 0x7F) ? c : '?';
    }
    throw ParseError(
        in.name(), "line 1",
        "unrecognised format" + where + ": the first line has " + std::to_string(fields.size()) +
            (fields.size() == 1 ? " field" : " tab-separated fields") + " and starts \"" + start +
            (line.size() > 40 ? "...\"" : "\"") + "; " + std::string(kExpected));
}

std::function<void(const std::string&, std::uint64_t, std::uint64_t, std::int64_t, bool)>
readerProgress(const ImportOptions& options, const std::int64_t* headerLines) {
    if (!options.progress && !options.onProgress) return nullptr;
    return [&options, headerLines](const std::string& name, std::uint64_t done, std::uint64_t total,
                                   std::int64_t lines, bool end) {
        if (options.progress) options.progress(name, done, total ? total : done);
        if (options.onProgress) {
            ImportProgress p;
            p.file = name;
            p.bytesRead = done;
            p.bytesTotal = total;
            const std::int64_t header = headerLines ? *headerLines : 0;
            p.rows = header < 0 ? 0 : std::max<std::int64_t>(0, lines - header);
            p.fileDone = end;
            options.onProgress(p);
        }
    };
}

}  // namespace detail

Format detectFormat(const std::filesystem::path& file) {
    checkInputFile(file);
    detail::LineReader in(file, nullptr, kDetectBytes);
    return detail::detectFormat(in);
}

MeetingGrouping parseGrouping(std::string_view fields) {
    MeetingGrouping g;
    g.day = g.root = false;
    bool pair = false;
    std::size_t at = 0;
    while (at <= fields.size()) {
        const auto comma = std::min(fields.find(',', at), fields.size());
        const auto f = fields.substr(at, comma - at);
        if (f == "pair") {
            pair = true;
        } else if (f == "day") {
            g.day = true;
        } else if (f == "root") {
            g.root = true;
        } else {
            throw InvalidArgumentError("--group-by: unknown field \"" + std::string(f) +
                                       "\" (expected pair, day, root, comma-separated)");
        }
        at = comma + 1;
    }
    if (!pair)
        throw InvalidArgumentError(
            "--group-by: rows are grouped by their pair of actors: "
            "give pair (pair,day,root is the default)");
    return g;
}

std::vector<ImportSummary> importFiles(storage::Engine& store,
                                       const std::vector<std::filesystem::path>& files,
                                       const ImportOptions& options) {
    std::vector<ImportSummary> summaries;
    summaries.reserve(files.size());
    const auto tx = store.begin();
    detail::MeetingGroups groups(options.grouping);
    for (const auto& file : files) {
        checkInputFile(file);
        // One stream per file: detection peeks at its start, the reader goes on from there.
        // Lines that are not rows: ICEWS's header; a dataset document has no rows (-1).
        std::int64_t headerLines = 0;
        detail::LineReader in(file, detail::readerProgress(options, &headerLines));
        const auto format =
            options.format == Format::Auto ? detail::detectFormat(in) : options.format;
        headerLines = format == Format::Icews ? 1 : format == Format::Gdelt ? 0 : -1;
        ImportSummary summary;
        switch (format) {
            case Format::Icews:
            case Format::Gdelt:
                summary = detail::importEventFile(format, store, in, file, options, groups);
                break;
            case Format::Auto:
            case Format::Dataset: {
                const auto text = in.readAll();
                summary = importDataset(
                    store, parseDataset(text, in.name(), &store, options.sourcesDir), in.name());
                break;
            }
        }
        summary.file = in.name();
        summary.format = format;
        summaries.push_back(std::move(summary));
    }
    tx->commit([&options](std::string_view phase) {
        if (!options.onProgress) return;
        ImportProgress p;
        p.phase = phase;
        options.onProgress(p);
    });
    return summaries;
}

}  // namespace bilateral::io
