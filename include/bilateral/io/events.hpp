#pragma once
// Event-data readers: ICEWS (tab-separated, header line, columns by name) and GDELT 2.0 events
// (61 tab-separated columns, no header). Both stream: memory stays flat as files grow.
// The caller holds the transaction (io::importFiles does).

#include <filesystem>

#include "bilateral/io/import.hpp"

namespace bilateral::store {
class Store;
}

namespace bilateral::io {

ImportSummary importIcews(store::Store& store, const std::filesystem::path& file,
                          const ImportOptions& options = {});
ImportSummary importGdelt(store::Store& store, const std::filesystem::path& file,
                          const ImportOptions& options = {});

}  // namespace bilateral::io
