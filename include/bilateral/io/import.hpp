#pragma once
// Importing files into a store: dataset JSON, ICEWS and GDELT event files. One transaction for
// the whole import: when any file fails, nothing from any of them is written.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace bilateral::store {
class Store;
}

namespace bilateral::io {

enum class Format { Auto, Dataset, Icews, Gdelt };

std::string_view toString(Format f) noexcept;
/// `auto`, `dataset`, `icews`, `gdelt`; throws InvalidArgumentError otherwise.
Format parseFormat(std::string_view name);
/// Guess from the file's contents: a JSON object → dataset, a tab-separated line with an
/// `Event ID` header → ICEWS, 61 tab-separated columns → GDELT. Throws ParseError naming the file.
Format detectFormat(const std::filesystem::path& file);
/// Throws ParseError naming the file when it is missing, a directory or cannot be read; lets
/// a caller refuse bad arguments before it opens (and perhaps creates) a database.
void checkInputFile(const std::filesystem::path& file);

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
    std::int64_t skipped = 0;  ///< rows already present (event files loaded twice add nothing)
};

struct ImportOptions {
    Format format = Format::Auto;
    /// Called now and then with (file, bytes read, file size); for progress bars.
    std::function<void(const std::string&, std::uint64_t, std::uint64_t)> progress;
};

/// Import the files in one transaction. Throws ParseError naming the file and the line, column
/// or JSON pointer (nothing is written), or StorageError.
std::vector<ImportSummary> importFiles(store::Store& store,
                                       const std::vector<std::filesystem::path>& files,
                                       const ImportOptions& options = {});

}  // namespace bilateral::io
