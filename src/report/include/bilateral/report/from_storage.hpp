#pragma once
// Internal (not installed): the HTML report of a selection read from a storage engine, what
// bilateral::Database::writeReport calls.

#include <iosfwd>

#include "bilateral/report/report.hpp"
#include "bilateral/storage/engine.hpp"

namespace bilateral::io {

/// Writes the page. Throws NotFoundError for an unknown actor or a country no actor has.
ReportSummary writeHtmlReport(std::ostream& out, storage::Engine& engine,
                              const ReportSelection& selection, const ReportOptions& options);

}  // namespace bilateral::io
