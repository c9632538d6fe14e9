#pragma once
// The PostgreSQL schema: the SQLite schema's tables (src/store/schema.cpp, version 4) and the
// derived tables kept at import, in a PostgreSQL schema of their own (`bilateral`), versioned
// in `bilateral_meta` with migrations as SQLite has them. docs/postgresql.md, "Schema".
//
// Tables come in two groups. Event tables (event, participation, event_evidence, event_scope)
// hold rows that belong to one event and carry its id: in the sharded layout they are
// hash-partitioned by it over the shard servers (shards.hpp). Every other table stays on the
// coordinator (or the one server).

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bilateral::storage::postgres {

class Connection;

/// The schema version this build writes and reads.
inline constexpr int kSchemaVersion = 2;  ///< 2: [claims]
/// The PostgreSQL schema (namespace) the tables live in (ConnectOptions::schema).
inline constexpr std::string_view kSchemaName = "bilateral";

/// One table: its columns, its keys and indexes, and for an event table the column it is
/// partitioned by.
struct TableDef {
    std::string_view name;
    std::string_view columns;               ///< the column list, without constraints
    std::string_view constraints;           ///< PRIMARY KEY / UNIQUE / CHECK clauses ("" when none)
    std::vector<std::string_view> indexes;  ///< CREATE INDEX statements
    std::string_view partitionKey;          ///< the event id column; "" on the coordinator
};

/// The tables of the current version, in creation order.
std::span<const TableDef> tables();

/// `CREATE TABLE` of `t` with its constraints (not its indexes).
std::string createTable(const TableDef& t);

/// The schema version of the database `c` is connected to: 0 when it has no bilateral schema.
/// Throws StorageError when schema `bilateral` exists but is not bilateral's (tables without
/// `bilateral_meta`), SchemaVersionError when it is newer than kSchemaVersion.
int schemaVersion(Connection& c);

/// Creates the schema, or migrates it to kSchemaVersion, in one transaction (under an advisory
/// lock, so concurrent first connections create it once). The version found before.
int ensureSchema(Connection& c);

/// The SQL that lets `role` (an existing role) run every query and nothing else: USAGE on
/// the schema, SELECT on its tables, now and for tables made later by the current role.
std::string readOnlyGrants(std::string_view role);

}  // namespace bilateral::storage::postgres
