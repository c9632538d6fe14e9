#pragma once
// Internal (not installed): the SQLite engine, as the modules above the storage interface see
// it: a way to open a database file as a storage::Engine. Everything else of the engine is
// private to src/storage/sqlite/.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "bilateral/storage/engine.hpp"

namespace bilateral::sqlite {

/// The schema version this build writes; `PRAGMA user_version` of an up-to-date file.
inline constexpr int kSchemaVersion = 6;

/// Opens (and, unless read-only, creates or migrates) a database file. Throws StorageError
/// (missing, not SQLite, not ours, read-only) or SchemaVersionError.
std::unique_ptr<storage::Engine> open(const std::filesystem::path& file,
                                      const storage::OpenOptions& options = {});
/// A database in memory, for tests and scratch work.
std::unique_ptr<storage::Engine> memory();

/// Attributes as the engine stores them: a JSON object's text (nullopt when there are none),
/// and back. Other engines store them alike, so that both give the same bytes.
std::optional<std::string> attributesJson(const model::Attributes& attributes);
model::Attributes attributesFromJson(std::string_view json);

}  // namespace bilateral::sqlite
