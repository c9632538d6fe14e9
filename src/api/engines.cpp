// Which engine a location names: Database::open's only decision about storage.

#include "engines.hpp"

#include "bilateral/error.hpp"
#include "bilateral/sqlite/sqlite.hpp"

namespace bilateral::api {
namespace {

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::unique_ptr<storage::Engine> openEngine(const std::string& location,
                                            const DatabaseOptions& options) {
    if (startsWith(location, "postgresql://") || startsWith(location, "postgres://")) {
        throw StorageError(location.substr(0, location.find(':')) +
                           ": the PostgreSQL engine is not built into this bilateral; give a "
                           "database file instead");
    }
    std::string file = location;
    for (const std::string_view scheme : {"sqlite:", "file:"}) {
        if (startsWith(file, scheme)) {
            file.erase(0, scheme.size());
            // sqlite:///abs/path and file:///abs/path as URLs; sqlite:rel/path as a path.
            if (startsWith(file, "//")) file.erase(0, 2);
            break;
        }
    }
    return sqlite::open(file, storage::OpenOptions::from(options));
}

std::unique_ptr<storage::Engine> memoryEngine() {
    return sqlite::memory();
}

}  // namespace bilateral::api
