#pragma once
// Internal (not installed): the importers, writing into a storage engine — what
// bilateral::Database::importFiles calls. Dataset documents go through the engine's put*
// writes; event files through its bulk writer (bilateral/storage/bulk.hpp).

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/import/dataset.hpp"
#include "bilateral/import/import.hpp"
#include "bilateral/storage/engine.hpp"

namespace bilateral::io {

/// Import the files in one transaction; `-` is standard input, .gz and .zip files are read
/// directly. Throws ParseError naming the file and the line, column or JSON pointer (nothing is
/// written), or StorageError.
std::vector<ImportSummary> importFiles(storage::Engine& engine,
                                       const std::vector<std::filesystem::path>& files,
                                       const ImportOptions& options = {});

/// parseDataset, with references also resolved against `existing` (ids already there) and, when
/// `sourcesDir` is given, quotes checked against the source texts found there
/// (ImportOptions::sourcesDir).
Dataset parseDataset(std::string_view text, const std::string& file, storage::Engine* existing,
                     const std::filesystem::path& sourcesDir = {});
Dataset readDataset(const std::filesystem::path& file, storage::Engine* existing);
/// Write a validated dataset into the engine (the caller holds the transaction).
ImportSummary importDataset(storage::Engine& engine, const std::filesystem::path& file);
/// The same for a document already parsed (parseDataset); `name` names it in the summary.
ImportSummary importDataset(storage::Engine& engine, const Dataset& dataset,
                            const std::string& name);

/// The event-file importers on a file (the caller holds the transaction).
ImportSummary importIcews(storage::Engine& engine, const std::filesystem::path& file,
                          const ImportOptions& options = {});
ImportSummary importGdelt(storage::Engine& engine, const std::filesystem::path& file,
                          const ImportOptions& options = {});

}  // namespace bilateral::io
