#pragma once
// Internal (not installed): the PostgreSQL engine, as the modules above the storage interface see
// it: a way to open a server's database as a storage::Engine. Everything else of the engine is
// private to src/storage/postgres/.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/model/types.hpp"
#include "bilateral/storage/engine.hpp"

namespace bilateral::storage::postgres {

/// The search row of a name or alias: its text as stored (apostrophes folded) and its tokens.
struct SearchText {
    std::string text;
    std::vector<std::string> tokens;
};

/// Rules both engines must apply alike, given by the layer above them: the search row of a
/// name (SQLite's tokenizer), the JSON text of attributes (nullopt: none) and its reading.
struct SharedRules {
    std::function<SearchText(std::string_view nameOrAlias)> searchText;
    std::function<std::optional<std::string>(const model::Attributes&)> attributesJson;
    std::function<model::Attributes(std::string_view json)> attributesFromJson;
};

/// Connects to the database at `url` and (unless read-only) creates or migrates bilateral's
/// schema there. Throws StorageError (no server, refused, not bilateral's; never with the
/// password) or SchemaVersionError.
std::unique_ptr<storage::Engine> open(const std::string& url, const storage::OpenOptions& options,
                                      SharedRules rules);

/// `bilateral init --shards`: sets up the sharded layout on the coordinator at `url` over the
/// shard servers `shardUrls` (every database empty of bilateral's schema).
void initShardedLayout(const std::string& url, const std::vector<std::string>& shardUrls);

}  // namespace bilateral::storage::postgres
