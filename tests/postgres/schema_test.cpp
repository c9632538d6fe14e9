// The PostgreSQL schema: created once, versioned, refused when not ours or newer, and readable
// by a read-only role that can write nothing.

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "bilateral/error.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/postgres/error.hpp"
#include "storage/postgres/schema.hpp"
#include "support/pg_server.hpp"

namespace pg = bilateral::storage::postgres;
using bilateral::testing::PgTest;

using PgSchema = PgTest;

TEST_F(PgSchema, IsCreatedWithEveryTableAndVersioned) {
    auto c = pg::Connection::open(url);
    EXPECT_EQ(pg::schemaVersion(c), 0);
    EXPECT_EQ(pg::ensureSchema(c), 0);
    EXPECT_EQ(pg::schemaVersion(c), pg::kSchemaVersion);
    EXPECT_EQ(pg::ensureSchema(c), pg::kSchemaVersion);  // a second call changes nothing
    const auto r = c.exec(
        "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class k JOIN pg_namespace n "
        "ON n.oid = k.relnamespace WHERE n.nspname = 'bilateral' AND k.relkind = 'r'");
    std::set<std::string> want{"bilateral_meta"};
    for (const auto& t : pg::tables()) want.insert(std::string(t.name));
    std::string joined;
    for (const auto& name : want) joined += (joined.empty() ? "" : ",") + name;
    EXPECT_EQ(r.text(0, 0), joined);
    // The tables the SQLite schema keeps at import are all here.
    for (const auto* derived : {"actor_link", "event_scope", "scope_count", "tally"})
        EXPECT_NE(joined.find(derived), std::string::npos) << derived;
}

TEST_F(PgSchema, ConcurrentFirstOpensCreateItOnce) {
    std::vector<std::thread> threads;
    std::vector<int> found(4, -1);
    std::vector<std::string> errors(4);
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&, i] {
            try {
                auto c = pg::Connection::open(url);
                found[static_cast<std::size_t>(i)] = pg::ensureSchema(c);
            } catch (const std::exception& e) {
                errors[static_cast<std::size_t>(i)] = e.what();
            }
        });
    }
    for (auto& t : threads) t.join();
    int created = 0;
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(errors[static_cast<std::size_t>(i)], "");
        if (found[static_cast<std::size_t>(i)] == 0) ++created;
    }
    EXPECT_EQ(created, 1);
}

TEST_F(PgSchema, RefusesASchemaThatIsNotOurs) {
    auto c = pg::Connection::open(url);
    c.exec("CREATE SCHEMA bilateral; CREATE TABLE bilateral.event (id int)");
    try {
        pg::ensureSchema(c);
        FAIL() << "took over someone else's schema";
    } catch (const bilateral::StorageError& e) {
        EXPECT_NE(std::string(e.what()).find("not bilateral's"), std::string::npos) << e.what();
    }
    EXPECT_EQ(c.exec("SELECT count(*) FROM bilateral.event").int64(0, 0), 0);
}

TEST_F(PgSchema, RefusesANewerVersion) {
    auto c = pg::Connection::open(url);
    pg::ensureSchema(c);
    c.exec("UPDATE bilateral_meta SET value = '99' WHERE key = 'schema_version'");
    EXPECT_THROW(pg::schemaVersion(c), bilateral::SchemaVersionError);
    EXPECT_THROW(pg::ensureSchema(c), bilateral::SchemaVersionError);
}

TEST_F(PgSchema, AReadOnlyRoleReadsEverythingAndWritesNothing) {
    auto admin = pg::Connection::open(url);
    pg::ensureSchema(admin);
    admin.exec("INSERT INTO tally VALUES ('event', '', 3)");
    const std::string role = "reader_" + bilateral::testing::uniqueDatabaseName();
    admin.exec("CREATE ROLE " + role + " LOGIN PASSWORD 'Read0nlyPw'");
    admin.exec(pg::readOnlyGrants(role));
    const auto port = url.substr(url.find("127.0.0.1:") + 10);
    const auto ro =
        "postgresql://" + role + ":Read0nlyPw@127.0.0.1:" + port.substr(0, port.find('?'));
    auto reader = pg::Connection::open(ro, {.readOnly = true});
    EXPECT_EQ(pg::schemaVersion(reader), pg::kSchemaVersion);
    for (const auto& t : pg::tables()) {
        EXPECT_NO_THROW(reader.exec("SELECT count(*) FROM " + std::string(t.name))) << t.name;
    }
    EXPECT_EQ(reader.exec("SELECT n FROM tally").int64(0, 0), 3);
    // Even without read-only transactions, the role's privileges refuse a write.
    auto writer = pg::Connection::open(ro);
    try {
        writer.exec("INSERT INTO tally VALUES ('actor', '', 1)");
        FAIL() << "the read-only role wrote";
    } catch (const pg::PgError& e) {
        EXPECT_EQ(e.sqlstate(), pg::sqlstate::kInsufficientPrivilege) << e.what();
    }
    EXPECT_EQ(pg::ensureSchema(writer), pg::kSchemaVersion);  // current: nothing to write
}
