#pragma once
// Private to import: what importFiles (import.cpp) needs of the event-file importers — format
// detection on the stream, the progress callback, and the import of one ICEWS or GDELT file.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "bilateral/import/import.hpp"

namespace bilateral::storage {
class Engine;
}

namespace bilateral::io::detail {

class LineReader;
class MeetingGroups;

/// Format detection on the stream an import then reads from (peeks, consumes nothing).
Format detectFormat(LineReader& in);
/// The LineReader progress callback that reports to options.progress and options.onProgress
/// (null when neither is set). `headerLines` (may be null) is how many lines are not rows.
std::function<void(const std::string&, std::uint64_t, std::uint64_t, std::int64_t, bool)>
readerProgress(const ImportOptions& options, const std::int64_t* headerLines);

/// Imports one event file (`format` ICEWS or GDELT) from an opened stream; `file` is the path
/// as given (`-`: standard input). Rows are grouped into meetings through `groups` (shared by
/// the files of one import). The caller holds the transaction.
ImportSummary importEventFile(Format format, storage::Engine& store, LineReader& in,
                              const std::filesystem::path& file, const ImportOptions& options,
                              MeetingGroups& groups);

}  // namespace bilateral::io::detail
