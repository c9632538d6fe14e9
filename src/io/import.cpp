// Importing files: format names, format detection and the one-transaction import of many files.

#include "bilateral/io/import.hpp"

#include <algorithm>
#include <fstream>

#include "bilateral/error.hpp"
#include "bilateral/io/dataset.hpp"
#include "bilateral/io/events.hpp"
#include "bilateral/store/store.hpp"
#include "json_cursor.hpp"

namespace bilateral::io {
namespace {

/// Columns of a GDELT 2.0 event file (no header).
constexpr std::size_t kGdeltColumns = 61;
/// How much of a file detection looks at: enough for the first lines of any event file.
constexpr std::size_t kDetectBytes = 64 * 1024;

constexpr std::string_view kExpected =
    "expected a dataset JSON document (starting with '{'), an ICEWS event file (a tab-separated "
    "header line with an \"Event ID\" column) or a GDELT 2.0 event file (61 tab-separated "
    "columns); or name the format with --format";

std::vector<std::string_view> splitTabs(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t from = 0;
    while (true) {
        const auto tab = line.find('\t', from);
        fields.push_back(line.substr(from, tab == std::string_view::npos ? tab : tab - from));
        if (tab == std::string_view::npos) return fields;
        from = tab + 1;
    }
}

std::string_view firstLine(std::string_view text) {
    auto line = text.substr(0, text.find('\n'));
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

}  // namespace

std::string_view toString(Format f) noexcept {
    switch (f) {
        case Format::Auto:
            return "auto";
        case Format::Dataset:
            return "dataset";
        case Format::Icews:
            return "icews";
        case Format::Gdelt:
            break;
    }
    return "gdelt";
}

Format parseFormat(std::string_view name) {
    for (auto f : {Format::Auto, Format::Dataset, Format::Icews, Format::Gdelt}) {
        if (toString(f) == name) return f;
    }
    throw InvalidArgumentError("unknown format \"" + std::string(name) +
                               "\"; expected one of: auto, dataset, icews, gdelt");
}

void checkInputFile(const std::filesystem::path& file) {
    detail::requireReadableFile(file);
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ParseError(file.string(), "", "cannot open the file");
}

Format detectFormat(const std::filesystem::path& file) {
    detail::requireReadableFile(file);
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ParseError(file.string(), "", "cannot open the file");
    std::string head(kDetectBytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));

    std::string_view text = head;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte order mark
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        throw ParseError(file.string(), "", "empty file; " + std::string(kExpected));
    }
    if (text[first] == '{') return Format::Dataset;

    const auto line = firstLine(text);
    const auto fields = splitTabs(line);
    if (fields.size() > 1 && std::find(fields.begin(), fields.end(), "Event ID") != fields.end()) {
        return Format::Icews;
    }
    if (fields.size() == kGdeltColumns) return Format::Gdelt;
    throw ParseError(file.string(), "line 1",
                     "unrecognised format (" + std::to_string(fields.size()) +
                         (fields.size() == 1 ? " field" : " tab-separated fields") + "); " +
                         std::string(kExpected));
}

std::vector<ImportSummary> importFiles(store::Store& store,
                                       const std::vector<std::filesystem::path>& files,
                                       const ImportOptions& options) {
    std::vector<ImportSummary> summaries;
    summaries.reserve(files.size());
    store::Transaction tx(store);
    for (const auto& file : files) {
        checkInputFile(file);
        const auto format = options.format == Format::Auto ? detectFormat(file) : options.format;
        ImportSummary summary;
        switch (format) {
            case Format::Icews:
                summary = importIcews(store, file, options);
                break;
            case Format::Gdelt:
                summary = importGdelt(store, file, options);
                break;
            case Format::Auto:
            case Format::Dataset: {
                std::error_code ec;
                const auto size = std::filesystem::file_size(file, ec);
                const auto total = ec ? std::uint64_t{0} : static_cast<std::uint64_t>(size);
                if (options.progress) options.progress(file.string(), 0, total);
                summary = importDataset(store, file);
                if (options.progress) options.progress(file.string(), total, total);
                break;
            }
        }
        summary.file = file.string();
        summary.format = format;
        summaries.push_back(std::move(summary));
    }
    tx.commit();
    return summaries;
}

}  // namespace bilateral::io
