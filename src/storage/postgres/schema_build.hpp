#pragma once
// Private to the engine: the steps that build a schema, shared by the one-server layout
// (schema.cpp) and the sharded one (shards.cpp). Each runs inside the caller's transaction,
// with search_path set to kSchemaName.

#include <cstdint>
#include <string_view>

namespace bilateral::storage::postgres {

class Connection;

/// Which tables a step works on: all of them, those that stay on the coordinator, or the event
/// tables (TableDef::partitionKey set).
enum class TableGroup { All, Coordinator, Events };

namespace detail {

/// Row ids per nextval('row_block'): the block a writer takes at a time.
inline constexpr std::int64_t kRowBlock = 4096;

/// The schema, bilateral_meta (application, schema_version 0) and the row_block sequence.
void createSchema(Connection& c);
/// The tables of `group` (with `version`, only those that version added; 0: all of them).
void createTables(Connection& c, TableGroup group, int version = 0);
void createIndexes(Connection& c, TableGroup group, int version = 0);
void writeMeta(Connection& c, std::string_view key, std::string_view value);

}  // namespace detail
}  // namespace bilateral::storage::postgres
