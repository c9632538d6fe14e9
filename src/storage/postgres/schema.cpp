// Schema versions and migrations: bilateral_meta holds the version; migration i brings it
// from i to i + 1, in the transaction that checks it, under an advisory lock.

#include "storage/postgres/schema.hpp"

#include <array>
#include <functional>

#include "bilateral/error.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/postgres/error.hpp"
#include "storage/postgres/schema_build.hpp"

namespace bilateral::storage::postgres {
namespace {

// "BILA", the SQLite files' application id: the advisory lock of schema changes.
constexpr std::string_view kLockSql = "SELECT pg_advisory_xact_lock(1112100417)";

/// Version 1: every table, single-server layout.
void toVersion1(Connection& c) {
    detail::createTables(c, TableGroup::All);
    detail::createIndexes(c, TableGroup::All);
    detail::writeMeta(c, "layout", "single");
}

/// Version 2 ([claims]): sources' standing, the claim tables. Version 1 of this build already
/// creates them (it creates the current tables), so each statement is skipped when done.
void toVersion2(Connection& c) {
    c.exec("ALTER TABLE source ADD COLUMN IF NOT EXISTS standing text COLLATE \"C\"");
    for (const auto& t : tables()) {
        if (t.name != "claim" && t.name != "claim_evidence") continue;
        c.exec("CREATE TABLE IF NOT EXISTS" + createTable(t).substr(12));
        for (const auto index : t.indexes)
            c.exec("CREATE INDEX IF NOT EXISTS" + std::string(index).substr(12));
    }
}

using Migration = void (*)(Connection&);
constexpr std::array<Migration, kSchemaVersion> kMigrations{toVersion1, toVersion2};

std::string quoteIdent(std::string_view name) {
    std::string out = "\"";
    for (const char ch : name) {
        if (ch == '"') out += '"';
        out += ch;
    }
    return out + "\"";
}

}  // namespace

namespace detail {

void createSchema(Connection& c) {
    c.exec("CREATE SCHEMA IF NOT EXISTS " + std::string(kSchemaName));
    c.exec("SET LOCAL search_path = " + std::string(kSchemaName));
    c.exec("CREATE TABLE bilateral_meta (key text COLLATE \"C\" PRIMARY KEY, value text NOT NULL)");
    // Row ids are handed out in blocks (BulkLoader, single writes alike): one nextval per
    // block, so concurrent writers never share an id and a COPY knows its ids beforehand.
    c.exec("CREATE SEQUENCE row_block INCREMENT BY " + std::to_string(kRowBlock));
    writeMeta(c, "application", "bilateral");
    writeMeta(c, "schema_version", "0");
}

void writeMeta(Connection& c, std::string_view key, std::string_view value) {
    c.query(
        "INSERT INTO bilateral_meta(key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE "
        "SET value = excluded.value",
        Params().text(key).text(value));
}

void createTables(Connection& c, TableGroup group) {
    for (const auto& t : tables()) {
        const bool eventTable = !t.partitionKey.empty();
        if (group == TableGroup::Coordinator && eventTable) continue;
        if (group == TableGroup::Events && !eventTable) continue;
        c.exec(createTable(t));
    }
    if (group != TableGroup::Events)
        c.exec("INSERT INTO search_stats(nrows, ntokens) VALUES (0, 0)");
}

void createIndexes(Connection& c, TableGroup group) {
    for (const auto& t : tables()) {
        const bool eventTable = !t.partitionKey.empty();
        if (group == TableGroup::Coordinator && eventTable) continue;
        if (group == TableGroup::Events && !eventTable) continue;
        for (const auto index : t.indexes) c.exec(index);
    }
}

}  // namespace detail

int schemaVersion(Connection& c) {
    const auto r = c.query(
        "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1), "
        "(SELECT count(*) FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace "
        "WHERE n.nspname = $1), "
        "to_regclass(quote_ident($1) || '.bilateral_meta') IS NOT NULL",
        Params().text(kSchemaName));
    if (r.text(0, 0) != "t") return 0;
    if (r.text(0, 2) != "t") {
        if (r.int64(0, 1) == 0) return 0;  // an empty schema of that name: ours to fill
        throw StorageError("the database at " + c.display() + " has a schema \"" +
                           std::string(kSchemaName) +
                           "\" that is not bilateral's (it has tables but no bilateral_meta); "
                           "bilateral leaves it alone");
    }
    const auto meta =
        c.exec("SELECT (SELECT value FROM " + std::string(kSchemaName) +
               ".bilateral_meta WHERE key = 'application'), (SELECT value FROM " +
               std::string(kSchemaName) + ".bilateral_meta WHERE key = 'schema_version')");
    if (meta.isNull(0, 0) || meta.text(0, 0) != "bilateral" || meta.isNull(0, 1))
        throw StorageError("the database at " + c.display() +
                           " has a bilateral_meta table that is not bilateral's");
    const auto version = static_cast<int>(meta.int64(0, 1));
    if (version > kSchemaVersion) {
        throw SchemaVersionError("the database at " + c.display() + " has schema version " +
                                 std::to_string(version) + ", newer than this bilateral's (" +
                                 std::to_string(kSchemaVersion) + "); upgrade bilateral");
    }
    return version;
}

int ensureSchema(Connection& c) {
    // Most opens find the schema current: checked without a lock first.
    if (const int v = schemaVersion(c); v == kSchemaVersion) return v;
    Transaction tx(c);
    c.exec(kLockSql);
    const int before = schemaVersion(c);  // again, under the lock
    if (before == 0) detail::createSchema(c);
    c.exec("SET LOCAL search_path = " + std::string(kSchemaName));
    for (int v = before; v < kSchemaVersion; ++v) {
        kMigrations[static_cast<std::size_t>(v)](c);
        detail::writeMeta(c, "schema_version", std::to_string(v + 1));
    }
    tx.commit();
    return before;
}

std::string readOnlyGrants(std::string_view role) {
    const auto r = quoteIdent(role);
    const std::string s(kSchemaName);
    return "GRANT USAGE ON SCHEMA " + s + " TO " + r + "; GRANT SELECT ON ALL TABLES IN SCHEMA " +
           s + " TO " + r + "; ALTER DEFAULT PRIVILEGES IN SCHEMA " + s +
           " GRANT SELECT ON TABLES TO " + r + ";";
}

}  // namespace bilateral::storage::postgres
