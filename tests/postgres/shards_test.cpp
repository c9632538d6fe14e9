// The sharded layout on three local servers: a coordinator and three shards (the coordinator's
// database on the first server). Rows land on the shard of their event, whole-table questions
// run on the shards at once, a load through the coordinator keeps the derived tables, and a
// shard stopped in the middle of a query makes the query fail, never answer in part.

#include <gtest/gtest.h>

#include "bilateral/error.hpp"
#include "derived_oracle.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/postgres/copy.hpp"
#include "storage/postgres/error.hpp"
#include "storage/postgres/schema.hpp"
#include "storage/postgres/shards.hpp"
#include "support/pg_server.hpp"

namespace pg = bilateral::storage::postgres;
namespace bt = bilateral::testing;

namespace {

constexpr int kShards = 3;

std::string plan(pg::Connection& c, const std::string& sql) {
    const auto r = c.exec("EXPLAIN (VERBOSE, COSTS OFF) " + sql);
    std::string out;
    for (int i = 0; i < r.rows(); ++i) out += std::string(r.text(i, 0)) + "\n";
    return out;
}

int occurrences(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

class PgShards : public ::testing::Test {
protected:
    void SetUp() override {
        servers = &bt::sharedPgServers(kShards);
        BILATERAL_SKIP_WITHOUT(*servers);
        const auto name = bt::uniqueDatabaseName();
        coordinator = servers->createDatabase(0, "c" + name);
        for (int i = 0; i < kShards; ++i) shards.push_back(servers->createDatabase(i, "s" + name));
        auto c = pg::Connection::open(coordinator);
        pg::initShards(c, shards);
    }
    /// Loads `f` through the coordinator.
    void loadRows(const bt::GeneratedFile& f) {
        auto c = pg::Connection::open(coordinator);
        bt::load(c, f);
    }

    bt::PgServers* servers = nullptr;
    std::string coordinator;
    std::vector<std::string> shards;
};

}  // namespace

TEST_F(PgShards, RowsOfAnEventLandOnOneShard) {
    loadRows(bt::generateRows(3000, 90, 21));
    auto c = pg::Connection::open(coordinator);
    EXPECT_EQ(pg::shardsOf(c).size(), static_cast<std::size_t>(kShards));
    for (const auto& s : pg::shardsOf(c)) EXPECT_EQ(s.find("passfile"), std::string::npos) << s;
    std::int64_t total = 0;
    for (int i = 0; i < kShards; ++i) {
        auto shard = pg::Connection::open(shards[static_cast<std::size_t>(i)]);
        const auto events = bt::count(shard, "event");
        EXPECT_GT(events, 500) << "shard " << i;  // hashing spreads 3000 events over three
        total += events;
        // Each shard holds the participations, evidence and scope rows of its own events.
        for (const auto* t : {"participation", "event_evidence", "event_scope"}) {
            EXPECT_EQ(shard
                          .exec("SELECT count(*) FROM " + std::string(t) +
                                " x WHERE NOT EXISTS (SELECT 1 FROM event e WHERE e.id = "
                                "x.event_id)")
                          .int64(0, 0),
                      0)
                << t << " on shard " << i;
        }
        EXPECT_EQ(bt::count(shard, "participation"), 2 * events);
        EXPECT_EQ(bt::count(c, "event_p" + std::to_string(i)), events);
    }
    EXPECT_EQ(total, 3000);
    bt::expectDerivedRight(c);
}

TEST_F(PgShards, ARepeatedImportThroughTheCoordinatorAddsNothing) {
    const auto f = bt::generateRows(400, 30, 26);
    loadRows(f);
    auto c = pg::Connection::open(coordinator);
    const auto again = bt::load(c, f);
    EXPECT_EQ(again.events, 0);
    EXPECT_EQ(again.skippedEvents, 400);
    EXPECT_EQ(bt::count(c, "event"), 400);
    EXPECT_EQ(bt::count(c, "participation"), 800);
    bt::expectDerivedRight(c);
}

TEST_F(PgShards, WholeTableQuestionsRunOnTheShardsAtOnce) {
    loadRows(bt::generateRows(1500, 60, 22));
    auto c = pg::Connection::open(coordinator);
    // Over the partitioned table, PostgreSQL 15 cannot push a partial aggregate to a foreign
    // partition: the coordinator would fetch every row. Written per partition, each shard
    // counts its own, all at once.
    std::string perShard;
    for (int i = 0; i < kShards; ++i) {
        perShard += (i ? " UNION ALL " : "") +
                    std::string("SELECT e.place_country AS k, count(*) AS n FROM event_p") +
                    std::to_string(i) + " e GROUP BY e.place_country";
    }
    const auto spread = "SELECT k, sum(n) FROM (" + perShard + ") x GROUP BY k ORDER BY k";
    const auto p = plan(c, spread);
    EXPECT_EQ(occurrences(p, "Async Foreign Scan"), kShards) << p;
    EXPECT_EQ(occurrences(p, "Relations: Aggregate on"), kShards) << p;
    EXPECT_EQ(occurrences(p, "GROUP BY"), kShards) << p;
    const auto whole = "SELECT place_country, count(*) FROM event GROUP BY 1 ORDER BY 1";
    EXPECT_EQ(plan(c, whole).find("Aggregate on"), std::string::npos);  // the limit, as found
    const auto a = c.exec(spread), b = c.exec(whole);
    ASSERT_EQ(a.rows(), b.rows());
    for (int i = 0; i < a.rows(); ++i) {
        EXPECT_EQ(a.text(i, 0), b.text(i, 0));
        EXPECT_EQ(a.int64(i, 1), b.int64(i, 1));
    }
    // An event's rows joined: the join goes to the shards (their rows are together there).
    const auto join =
        "SELECT e.key, p.role FROM event e JOIN participation p ON p.event_id = e.id WHERE "
        "p.actor_id = (SELECT min(id) FROM actor)";
    const auto j = plan(c, join);
    EXPECT_EQ(occurrences(j, ") INNER JOIN ("), kShards) << j;  // "Relations: (e) INNER JOIN (p)"
    EXPECT_EQ(occurrences(j, "Async Foreign Scan"), kShards) << j;
    // A look-up by event id reads one shard.
    EXPECT_EQ(occurrences(plan(c, "SELECT key FROM event WHERE id = 12345"), "Foreign Scan"), 1);
}

TEST_F(PgShards, CopyThroughTheCoordinatorRoutesRowsToTheirShards) {
    auto c = pg::Connection::open(coordinator);
    auto copy = c.copyIn("COPY event (id, key, kind, title)");
    for (int i = 1; i <= 600; ++i)
        copy.rows()
            .row(4)
            .int64(i)
            .text("copied/" + std::to_string(i))
            .text("coded_event")
            .text("t");
    EXPECT_EQ(copy.finish(), 600);
    std::int64_t total = 0;
    for (int i = 0; i < kShards; ++i) {
        auto shard = pg::Connection::open(shards[static_cast<std::size_t>(i)]);
        const auto n = bt::count(shard, "event");
        EXPECT_GT(n, 100);
        // Each id on shard i is one the coordinator's hash puts in partition i (checked on the
        // coordinator over the shard's ids: postgres_fdw would send satisfies_hash_partition,
        // with the coordinator's table OID, to the shard).
        const auto ids = shard.exec("SELECT '{' || string_agg(id::text, ',') || '}' FROM event");
        EXPECT_EQ(c.query("SELECT bool_and(satisfies_hash_partition('event'::regclass, $1, $2, "
                          "id)) FROM unnest($3::bigint[]) id",
                          pg::Params().int64(kShards).int64(i).text(ids.text(0, 0)))
                      .text(0, 0),
                  "t");
        total += n;
    }
    EXPECT_EQ(total, 600);
}

TEST_F(PgShards, AShardStoppedMidQueryFailsTheQuery) {
    loadRows(bt::generateRows(1500, 60, 23));
    auto c = pg::Connection::open(coordinator);
    // Small fetches, so that the query is still reading from every shard when one stops.
    for (int i = 0; i < kShards; ++i)
        c.exec("ALTER SERVER bilateral_shard_" + std::to_string(i) +
               " OPTIONS (SET fetch_size '20')");
    pg::Transaction tx(c);
    c.exec("DECLARE rows NO SCROLL CURSOR FOR SELECT e.id, e.key FROM event e");
    EXPECT_EQ(c.exec("FETCH 30 FROM rows").rows(), 30);
    servers->stop(2);
    std::string error;
    int fetched = 0;
    try {
        fetched = c.exec("FETCH ALL FROM rows").rows();
    } catch (const pg::PgError& e) {
        error = e.what();
        EXPECT_TRUE(e.connectionLost()) << e.what() << " [" << e.sqlstate() << "]";
    }
    servers->start(2);
    EXPECT_NE(error, "") << "the query answered " << fetched << " more rows without shard 2";
    // A new query with every shard back answers whole.
    auto again = pg::Connection::open(coordinator);
    EXPECT_EQ(bt::count(again, "event"), 1500);
}

TEST_F(PgShards, AStoppedShardIsAClearErrorNotAPartialCount) {
    loadRows(bt::generateRows(300, 30, 24));
    servers->kill(1);
    std::string error;
    try {
        auto c = pg::Connection::open(coordinator);
        c.exec("SELECT count(*) FROM event");
    } catch (const pg::PgError& e) {
        error = e.what();
        EXPECT_TRUE(e.connectionLost()) << e.what() << " [" << e.sqlstate() << "]";
    }
    servers->start(1);
    EXPECT_NE(error.find("bilateral_shard_1"), std::string::npos) << error;
}

TEST_F(PgShards, AReadOnlyRoleQueriesThroughTheShards) {
    loadRows(bt::generateRows(300, 30, 25));
    const std::string role = "reader_" + bt::uniqueDatabaseName();
    auto c = pg::Connection::open(coordinator);
    // Roles belong to a server: make the reader on each (the coordinator shares the first).
    for (int i = 0; i < kShards; ++i) {
        auto shard = pg::Connection::open(shards[static_cast<std::size_t>(i)]);
        if (i > 0)
            shard.exec("CREATE ROLE " + role + " LOGIN PASSWORD 'Sh4rdReader'");
        else
            c.exec("CREATE ROLE " + role + " LOGIN PASSWORD 'Sh4rdReader'");
        shard.exec(pg::readOnlyGrants(role));
    }
    c.exec(pg::readOnlyGrants(role));
    pg::addReadOnlyShardMappings(c, role, role, "Sh4rdReader");
    const auto port = coordinator.substr(coordinator.find("127.0.0.1:") + 10);
    auto reader = pg::Connection::open(
        "postgresql://" + role + ":Sh4rdReader@127.0.0.1:" + port.substr(0, port.find('?')),
        {.readOnly = true});
    EXPECT_EQ(bt::count(reader, "event"), 300);
    EXPECT_GT(bt::count(reader, "participation p JOIN event e ON e.id = p.event_id"), 0);
    EXPECT_THROW(reader.exec("DELETE FROM event"), pg::PgError);
}

TEST(PgShardLayout, ADatabaseNamedTwiceIsRefusedBeforeAnythingIsSetUp) {
    auto& servers = bt::sharedPgServers(kShards);
    BILATERAL_SKIP_WITHOUT(servers);
    const auto name = bt::uniqueDatabaseName();
    const auto coordinator = servers.createDatabase(0, "c" + name);
    const auto shard = servers.createDatabase(1, "s" + name);
    for (const auto& layout :
         {std::vector<std::string>{shard, shard}, std::vector<std::string>{shard, coordinator}}) {
        auto c = pg::Connection::open(coordinator);
        EXPECT_THROW(pg::initShards(c, layout), bilateral::InvalidArgumentError);
        // Neither database holds anything of the refused layout: each can still be set up.
        EXPECT_EQ(pg::schemaVersion(c), 0);
        auto s = pg::Connection::open(shard);
        EXPECT_EQ(pg::schemaVersion(s), 0);
    }
}
