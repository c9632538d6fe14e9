#pragma once
// The HTML report of a selection (an actor, a dyad of countries or a country, within a window):
// one self-contained XHTML-compatible HTML5 page with the timeline and the network as inline
// SVG, who met whom with the evidence of each meeting, and the sources. See docs/report.md.

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

#include "bilateral/model/date.hpp"

namespace bilateral::store {
class Store;
}

namespace bilateral::io {

struct ReportSelection {
    std::string actor;                ///< an actor id; or
    std::string countryA, countryB;   ///< a dyad (both set) or a country (countryA only)
    std::optional<model::Date> from;  ///< window: events that may overlap [from, to]
    std::optional<model::Date> to;
};

struct ReportOptions {
    std::string database;              ///< shown as the database the report came from
    std::string made;                  ///< date made, YYYY-MM-DD (reportDate())
    std::filesystem::path sourcesDir;  ///< where source files are read for quotes; empty: none
    std::size_t networkLimit = 60;     ///< past this many actors the network shows the top ones
};

/// What the page holds, for the command's summary line.
struct ReportSummary {
    std::size_t events = 0, actors = 0, meetings = 0, networkActors = 0;
};

/// Writes the page. Throws NotFoundError for an unknown actor or a country no actor has.
ReportSummary writeHtmlReport(std::ostream& out, store::Store& store,
                              const ReportSelection& selection, const ReportOptions& options);

/// The date a report is made: from $SOURCE_DATE_EPOCH when set, else today (UTC).
std::string reportDate();

}  // namespace bilateral::io
