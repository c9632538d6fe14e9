// Which engine a location names: Database::open's only decision about storage.

#include "engines.hpp"

#include "bilateral/error.hpp"
#include "bilateral/rules/search_text.hpp"
#include "bilateral/sqlite/sqlite.hpp"
#ifdef BILATERAL_HAS_POSTGRES
#include "bilateral/postgres/postgres.hpp"
#endif

namespace bilateral::api {
namespace {

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

/// Whether a location names a PostgreSQL server rather than a file (with or without the engine).
bool isServerUrl(std::string_view location) {
    return startsWith(location, "postgresql://") || startsWith(location, "postgres://");
}

#ifdef BILATERAL_HAS_POSTGRES
/// The rules the PostgreSQL engine must apply as SQLite does: SQLite's own search tokenizer
/// (an in-memory database's) and its attribute JSON.
storage::postgres::SharedRules sharedRules() {
    std::shared_ptr<storage::Engine> tokenizer = sqlite::memory();
    return {.searchText =
                [tokenizer](std::string_view text) {
                    return storage::postgres::SearchText{rules::foldForSearch(text),
                                                         tokenizer->searchTokens(text)};
                },
            .attributesJson = [](const model::Attributes& a) { return sqlite::attributesJson(a); },
            .attributesFromJson =
                [](std::string_view json) { return sqlite::attributesFromJson(json); }};
}
#endif

}  // namespace

std::unique_ptr<storage::Engine> openEngine(const std::string& location,
                                            const DatabaseOptions& options) {
    if (isServerUrl(location)) {
#ifdef BILATERAL_HAS_POSTGRES
        return storage::postgres::open(location, storage::OpenOptions::from(options),
                                       sharedRules());
#else
        throw StorageError(location.substr(0, location.find(':')) +
                           ": the PostgreSQL engine is not built into this bilateral; give a "
                           "database file instead");
#endif
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

void initShards(const std::string& coordinator, const std::vector<std::string>& shards) {
    if (!isServerUrl(coordinator)) {
        throw InvalidArgumentError(
            "a sharded layout needs a PostgreSQL database (a postgresql:// URL), not a file");
    }
    for (const auto& s : shards) {
        if (!isServerUrl(s))
            throw InvalidArgumentError("--shards: every shard is a postgresql:// URL");
    }
#ifdef BILATERAL_HAS_POSTGRES
    storage::postgres::initShardedLayout(coordinator, shards);
#else
    throw StorageError("the PostgreSQL engine is not built into this bilateral");
#endif
}

std::unique_ptr<storage::Engine> memoryEngine() {
    return sqlite::memory();
}

}  // namespace bilateral::api
