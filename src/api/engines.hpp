#pragma once
// Private to the api module: the engine a location names.

#include <memory>
#include <string>
#include <vector>

#include "bilateral/database.hpp"
#include "bilateral/storage/engine.hpp"

namespace bilateral::api {

/// The engine of `location`: `postgresql://` and `postgres://` URLs the PostgreSQL engine;
/// `sqlite:PATH`, `file:PATH` and any other text a database file of the SQLite engine.
std::unique_ptr<storage::Engine> openEngine(const std::string& location,
                                            const DatabaseOptions& options);
/// `Database::initShards`.
void initShards(const std::string& coordinator, const std::vector<std::string>& shards);
/// An SQLite database in memory.
std::unique_ptr<storage::Engine> memoryEngine();

}  // namespace bilateral::api
