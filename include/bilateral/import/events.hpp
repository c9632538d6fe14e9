#pragma once
// Event-data readers: ICEWS (tab-separated, header line, columns by name) and GDELT events (2.0:
// 61 tab-separated columns; 1.0: 58, or 57 in the historical files; no header). Files may be
// plain, .gz or .zip; `-` is standard input. Both stream: memory stays flat as files grow.
// The caller holds the transaction (io::importFiles does).

#include <filesystem>
#include <string>
#include <string_view>

#include "bilateral/import/import.hpp"

namespace bilateral::store {
class Store;
}

namespace bilateral::io {

ImportSummary importIcews(store::Store& store, const std::filesystem::path& file,
                          const ImportOptions& options = {});
ImportSummary importGdelt(store::Store& store, const std::filesystem::path& file,
                          const ImportOptions& options = {});

// --- the ids the importers give (docs/event-data.md) ----------------------------------------

/// The country code of an ICEWS country name: its ISO 3166-1 alpha-3 code from the country
/// table ("Russian Federation" → "RUS"); for a name the table does not know, a slug of it
/// ("Atlantis" → "atlantis"); empty for an empty name (international organisations).
std::string icewsCountryCode(std::string_view icewsCountry);

/// The actor id the ICEWS importer gives the actor `name` of ICEWS country `icewsCountry`:
/// `icews/<country code>/<name>`, `icews/igo/<name>` when the country is empty, and
/// `country/<code>` when the name is the country's own name ("Malaysia" of "Malaysia").
std::string icewsActorId(std::string_view name, std::string_view icewsCountry);

/// The event id of an ICEWS row: `icews/<Event ID>/<Event Date>` ("icews/20000001/2018-05-17").
std::string icewsEventId(std::string_view eventId, std::string_view eventDate);

/// The event id of a GDELT row: `gdelt/<GLOBALEVENTID>`.
std::string gdeltEventId(std::string_view globalEventId);

/// The ICEWS `Event ID` or GDELT `GLOBALEVENTID` an imported event's id carries ("20000001" of
/// "icews/20000001/2018-05-17"); empty when `eventId` is not such an id.
std::string_view sourceEventId(std::string_view eventId) noexcept;

}  // namespace bilateral::io
