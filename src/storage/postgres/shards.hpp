#pragma once
// The sharded layout (`bilateral --db URL init --shards URL1,URL2,...`): the event tables
// (event, participation, event_evidence, event_scope) hash-partitioned by event id over shard
// servers, every other table on the coordinator. On each shard the event tables are plain
// tables with their keys and indexes; on the coordinator each is a partitioned table whose
// partitions are postgres_fdw foreign tables on the shards (async_capable, so that a scan of
// all of them runs on every shard at once). An event's rows all land on one shard (the same
// hash of the same id), so joins of an event's rows and aggregates over them are pushed down
// to the shards whole (enable_partitionwise_join and _aggregate, set for the coordinator's
// database). docs/postgresql.md, "Sharding".

#include <string>
#include <vector>

namespace bilateral::storage::postgres {

class Connection;

/// Sets up the sharded layout: the shards' event tables, then on the coordinator the
/// postgres_fdw servers and user mappings (the shards' user and the password libpq found for
/// each, from its URL, PGPASSWORD or the password file), the coordinator's tables and the
/// partitioned event tables. Every database must be empty of bilateral's schema. Needs a
/// superuser on the coordinator (CREATE EXTENSION postgres_fdw). Throws StorageError.
void initShards(Connection& coordinator, const std::vector<std::string>& shardUrls);

/// The coordinator's shards as user@host:port/database (no password), in partition order;
/// empty on a server that is not a coordinator.
std::vector<std::string> shardsOf(Connection& coordinator);

/// Lets `role` (a read-only role on the coordinator, given readOnlyGrants) reach the shards
/// as `shardUser` with `password` (a role on each shard with readOnlyGrants there): a user
/// mapping per shard server. The password is kept out of every message.
void addReadOnlyShardMappings(Connection& coordinator, const std::string& role,
                              const std::string& shardUser, const std::string& password);

}  // namespace bilateral::storage::postgres
