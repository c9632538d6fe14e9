// One event file through the driver: the format's spec, the sink, the driver (tsv_driver.hpp).

#include "event_import.hpp"

#include "bilateral/import/events.hpp"
#include "bilateral/import/from_storage.hpp"
#include "event_sink.hpp"
#include "line_reader.hpp"
#include "meeting_groups.hpp"
#include "tsv_driver.hpp"
#include "tsv_format.hpp"

namespace bilateral::io {

ImportSummary detail::importEventFile(Format format, storage::Engine& store, LineReader& in,
                                      const std::filesystem::path& file,
                                      const ImportOptions& options, MeetingGroups& groups) {
    const auto spec = format == Format::Gdelt ? gdeltFormat() : icewsFormat();
    EventSink sink(store);
    return importTsv(*spec, sink, in, file, options, groups);
}

namespace {

ImportSummary importOne(Format format, storage::Engine& store, const std::filesystem::path& file,
                        const ImportOptions& options) {
    detail::LineReader in(file, detail::readerProgress(options, nullptr));
    detail::MeetingGroups groups(options.grouping, &store);
    return detail::importEventFile(format, store, in, file, options, groups);
}

}  // namespace

ImportSummary importIcews(storage::Engine& store, const std::filesystem::path& file,
                          const ImportOptions& options) {
    return importOne(Format::Icews, store, file, options);
}

ImportSummary importGdelt(storage::Engine& store, const std::filesystem::path& file,
                          const ImportOptions& options) {
    return importOne(Format::Gdelt, store, file, options);
}

}  // namespace bilateral::io
