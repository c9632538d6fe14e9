#pragma once
// Private to import: the one driver of the tab-separated event formats (tsv_format.hpp).

#include <filesystem>

#include "bilateral/import/import.hpp"

namespace bilateral::io::detail {

class EventSink;
class LineReader;
class MeetingGroups;
class TsvFormat;

/// Imports the event file `in` (`file` as given; `-`: standard input) in `format` through
/// `sink`, inside the caller's transaction. For every row: the line checked as text and split;
/// the event's columns checked (its id, day, CAMEO code, Goldstein value, attributes, place, and
/// what the format checks of its actors) before anything of it is written; then its actors
/// (made by the format), the event, its participations (roles from the CAMEO table), its
/// evidence (a news page) and its meeting (`groups`, shared by the files of one import). A bad
/// row is a ParseError naming the line and column, or with ImportOptions::skipBadRows a row
/// left out and listed. Progress is reported through the reader and ImportOptions::onProgress.
ImportSummary importTsv(TsvFormat& format, EventSink& sink, LineReader& in,
                        const std::filesystem::path& file, const ImportOptions& options,
                        MeetingGroups& groups);

}  // namespace bilateral::io::detail
