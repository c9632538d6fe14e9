#include "storage/postgres/shards.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "bilateral/error.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/postgres/error.hpp"
#include "storage/postgres/schema.hpp"
#include "storage/postgres/schema_build.hpp"

namespace bilateral::storage::postgres {
namespace {

/// `text` as an SQL literal, quoted by libpq for this connection (DDL takes no parameters).
std::string literal(Connection& c, std::string_view text) {
    char* q = PQescapeLiteral(c.native(), text.data(), text.size());
    if (!q) c.fail(nullptr, "cannot quote a value", "");
    std::string out(q);
    PQfreemem(q);
    return out;
}

std::string serverName(std::size_t i) {
    return "bilateral_shard_" + std::to_string(i);
}

/// The database a connection reached, as libpq names it (host, port, database; not the role).
std::string databaseOf(const Connection& c) {
    const auto text = [](const char* s) { return std::string(s ? s : ""); };
    return text(PQhost(c.native())) + ":" + text(PQport(c.native())) + "/" + text(PQdb(c.native()));
}

/// Refuses a layout naming one database twice (a shard given twice, or the coordinator as a
/// shard) before anything is created in any of them.
void requireDistinct(const Connection& coordinator,
                     const std::vector<std::unique_ptr<Connection>>& shards) {
    std::vector<std::string> seen{databaseOf(coordinator)};
    for (const auto& s : shards) {
        const auto db = databaseOf(*s);
        if (std::find(seen.begin(), seen.end(), db) != seen.end()) {
            throw InvalidArgumentError(
                "--shards: " + s->display() +
                " is named twice (as a shard, or as the coordinator); each shard is a database "
                "of its own; nothing was set up");
        }
        seen.push_back(db);
    }
}

void requireEmpty(Connection& c) {
    if (schemaVersion(c) != 0) {
        throw StorageError("the database at " + c.display() +
                           " already holds a bilateral schema; sharding sets up empty databases");
    }
}

/// One shard: bilateral_meta, and the event tables with their keys and indexes.
void initShard(Connection& shard, std::size_t i, std::size_t n) {
    Transaction tx(shard);
    detail::createSchema(shard);
    detail::createTables(shard, TableGroup::Events);
    detail::createIndexes(shard, TableGroup::Events);
    detail::writeMeta(shard, "layout", "shard");
    detail::writeMeta(shard, "shard", std::to_string(i) + "/" + std::to_string(n));
    detail::writeMeta(shard, "schema_version", std::to_string(kSchemaVersion));
    tx.commit();
}

/// The foreign server and the current user's mapping for shard i.
void addServer(Connection& c, std::size_t i, Connection& shard) {
    const auto name = serverName(i);
    c.exec("CREATE SERVER " + name + " FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host " +
           literal(c, PQhost(shard.native())) + ", port " + literal(c, PQport(shard.native())) +
           ", dbname " + literal(c, PQdb(shard.native())) +
           ", async_capable 'true', parallel_commit 'true', fetch_size '10000', "
           "batch_size '1000')");
    std::string options = "user " + literal(c, PQuser(shard.native()));
    if (const auto password = shard.password(); !password.empty()) {
        c.addSecret(password);  // in the statement below: never shown, also on failure
        options += ", password " + literal(c, password);
    }
    c.exec("CREATE USER MAPPING FOR CURRENT_USER SERVER " + name + " OPTIONS (" + options + ")");
    c.exec("COMMENT ON SERVER " + name + " IS " + literal(c, shard.display()));
}

/// The event tables as partitioned tables, partition i a foreign table on shard i.
void addPartitionedTables(Connection& c, std::size_t n) {
    for (const auto& t : tables()) {
        if (t.partitionKey.empty()) continue;
        const std::string name(t.name);
        c.exec("CREATE TABLE " + name + " (" + std::string(t.columns) + ") PARTITION BY HASH (" +
               std::string(t.partitionKey) + ")");
        for (std::size_t i = 0; i < n; ++i) {
            c.exec("CREATE FOREIGN TABLE " + name + "_p" + std::to_string(i) + " PARTITION OF " +
                   name + " FOR VALUES WITH (MODULUS " + std::to_string(n) + ", REMAINDER " +
                   std::to_string(i) + ") SERVER " + serverName(i) + " OPTIONS (schema_name " +
                   literal(c, kSchemaName) + ", table_name " + literal(c, name) + ")");
        }
    }
}

}  // namespace

void initShards(Connection& coordinator, const std::vector<std::string>& shardUrls) {
    if (shardUrls.empty()) throw InvalidArgumentError("--shards needs at least one URL");
    requireEmpty(coordinator);
    std::vector<std::unique_ptr<Connection>> shards;
    for (const auto& url : shardUrls) {
        shards.push_back(std::make_unique<Connection>(Connection::open(url)));
        requireEmpty(*shards.back());
    }
    requireDistinct(coordinator, shards);
    for (std::size_t i = 0; i < shards.size(); ++i) initShard(*shards[i], i, shards.size());
    auto& c = coordinator;
    Transaction tx(c);
    c.exec("CREATE EXTENSION IF NOT EXISTS postgres_fdw WITH SCHEMA public");
    detail::createSchema(c);
    detail::createTables(c, TableGroup::Coordinator);
    detail::createIndexes(c, TableGroup::Coordinator);
    for (std::size_t i = 0; i < shards.size(); ++i) addServer(c, i, *shards[i]);
    addPartitionedTables(c, shards.size());
    detail::writeMeta(c, "layout", "sharded");
    detail::writeMeta(c, "shards", std::to_string(shards.size()));
    detail::writeMeta(c, "schema_version", std::to_string(kSchemaVersion));
    // Joins of an event's rows and aggregates over them go to the shards whole; without these,
    // the coordinator fetches the rows and joins them itself.
    c.exec(
        "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET enable_partitionwise_join = on', "
        "current_database()); EXECUTE format('ALTER DATABASE %I SET "
        "enable_partitionwise_aggregate = on', current_database()); END $$");
    tx.commit();
    // For this session too (the database's settings apply to new sessions).
    c.exec("SET enable_partitionwise_join = on; SET enable_partitionwise_aggregate = on");
}

std::vector<std::string> shardsOf(Connection& coordinator) {
    const auto r = coordinator.exec(
        "SELECT coalesce(d.description, s.srvname) FROM pg_foreign_server s LEFT JOIN "
        "pg_description d ON d.objoid = s.oid AND d.classoid = 'pg_foreign_server'::regclass "
        "WHERE s.srvname LIKE 'bilateral\\_shard\\_%' ORDER BY length(s.srvname), s.srvname");
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.emplace_back(r.text(i, 0));
    return out;
}

void addReadOnlyShardMappings(Connection& coordinator, const std::string& role,
                              const std::string& shardUser, const std::string& password) {
    auto& c = coordinator;
    c.addSecret(password);
    const auto n = shardsOf(c).size();
    std::string quotedRole = "\"";
    for (const char ch : role) quotedRole += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    quotedRole += "\"";
    for (std::size_t i = 0; i < n; ++i) {
        c.exec("CREATE USER MAPPING FOR " + quotedRole + " SERVER " + serverName(i) +
               " OPTIONS (user " + literal(c, shardUser) + ", password " + literal(c, password) +
               ")");
    }
}

}  // namespace bilateral::storage::postgres
