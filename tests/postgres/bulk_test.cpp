// The bulk loader: rows and their derived tables land together, equal to what the rules give
// from the base tables; a repeated import adds nothing; an id repeated within the input is an
// error naming its lines; an import killed halfway, or never committed, leaves nothing.

#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <mutex>
#include <thread>

#include "bilateral/error.hpp"
#include "bulk_rows.hpp"
#include "derived_oracle.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/postgres/schema.hpp"
#include "support/pg_server.hpp"

namespace pg = bilateral::storage::postgres;
namespace bt = bilateral::testing;
using bt::count;
using bt::expectDerivedRight;
using bt::load;
using bt::PgTest;

using PgBulk = PgTest;

TEST_F(PgBulk, OneEventGetsTheScopesTheRulesGive) {
    auto c = pg::Connection::open(url);
    pg::ensureSchema(c);
    bt::GeneratedFile f;
    f.actors = {{.id = "a/ita", .name = "I", .country = "ITA"},
                {.id = "a/mys", .name = "M", .country = "MYS"},
                {.id = "a/ita2", .name = "J", .country = "ITA"}};
    f.rows = {
        {.id = "e1", .title = "t", .placeCountry = "FRA", .day = 20000, .source = 0, .target = 1},
        {.id = "e2", .title = "t", .placeCountry = "ITA", .day = 20001, .source = 0, .target = 2}};
    load(c, f);
    const auto r = c.exec(
        "SELECT string_agg(a || ':' || b || ':' || rule, ' ' ORDER BY a, b) FROM event_scope s "
        "JOIN event e ON e.id = s.event_id GROUP BY e.key ORDER BY e.key");
    ASSERT_EQ(r.rows(), 2);
    EXPECT_EQ(r.text(0, 0),
              "FRA::place FRA:ITA:place FRA:MYS:place ITA::participants ITA:MYS:participants "
              "MYS::participants");
    EXPECT_EQ(r.text(1, 0), "ITA::participants");  // the place's country is a participant's
    EXPECT_EQ(c.exec("SELECT n FROM scope_count WHERE a = 'ITA' AND b = ''").int64(0, 0), 2);
    EXPECT_EQ(count(c, "actor_link"), 4);  // ita–mys and ita–ita2, both ways
    expectDerivedRight(c);
}

TEST_F(PgBulk, LoadsRowsWithTheirDerivedTables) {
    auto c = pg::Connection::open(url);
    pg::ensureSchema(c);
    const std::string indexes =
        "SELECT string_agg(indexdef, '; ' ORDER BY indexname) FROM pg_indexes WHERE schemaname "
        "= 'bilateral'";
    // The event tables' secondary indexes, as made (a new one gets a new oid).
    const std::string made =
        "SELECT string_agg(i.indexrelid::text, ',' ORDER BY i.indexrelid) FROM pg_index i JOIN "
        "pg_class t ON t.oid = i.indrelid WHERE t.relname IN ('event', 'participation', "
        "'event_scope') AND NOT i.indisprimary";
    const std::string before(c.exec(indexes).text(0, 0)), madeBefore(c.exec(made).text(0, 0));
    const auto f = bt::generateRows(3000, 120, 7);
    const auto s = load(c, f);
    // A first load drops the event tables' secondary indexes and makes them again, the same.
    EXPECT_EQ(c.exec(indexes).text(0, 0), before);
    const std::string madeAfter(c.exec(made).text(0, 0));
    EXPECT_NE(madeAfter, madeBefore);
    EXPECT_EQ(s.events, 3000);
    EXPECT_EQ(s.actors, 120);
    EXPECT_EQ(s.participations, 6000);
    EXPECT_EQ(count(c, "event"), 3000);
    EXPECT_EQ(c.exec("SELECT title FROM event WHERE key = 'ev/17'").text(0, 0), "Event\t17");
    EXPECT_EQ(c.exec("SELECT count(*) FROM event WHERE notes = 1").int64(0, 0), 600);
    EXPECT_GT(count(c, "event_scope"), 3000);
    expectDerivedRight(c);
    load(c, bt::generateRows(10, 5, 8, "next/"));  // a later load keeps the indexes
    EXPECT_EQ(c.exec(made).text(0, 0), madeAfter);
}

TEST_F(PgBulk, ARepeatedImportAddsNothing) {
    auto c = pg::Connection::open(url);
    pg::ensureSchema(c);
    const auto f = bt::generateRows(500, 40, 3);
    load(c, f);
    const auto tally = c.exec("SELECT string_agg(subject || kind || n, ',' ORDER BY 1) FROM tally");
    const auto again = load(c, f);
    EXPECT_EQ(again.events, 0);
    EXPECT_EQ(again.skippedEvents, 500);
    EXPECT_EQ(again.actors, 0);
    EXPECT_EQ(again.existingActors, 40);
    EXPECT_EQ(count(c, "event"), 500);
    EXPECT_EQ(count(c, "actor"), 40);
    EXPECT_EQ(
        c.exec("SELECT string_agg(subject || kind || n, ',' ORDER BY 1) FROM tally").text(0, 0),
        tally.text(0, 0));
    // New rows naming known actors: the actors' rows are reused, the links and scopes grow.
    const auto more = bt::generateRows(200, 40, 4, "more/");
    EXPECT_EQ(load(c, more).events, 200);
    EXPECT_EQ(count(c, "actor"), 40);
    expectDerivedRight(c);
}

TEST_F(PgBulk, AnIdRepeatedInTheInputIsAnErrorNamingBothLines) {
    auto c = pg::Connection::open(url);
    pg::ensureSchema(c);
    auto f = bt::generateRows(100, 10, 5);
    f.rows[60].id = f.rows[20].id;
    try {
        load(c, f);
        FAIL() << "a repeated id was loaded";
    } catch (const bilateral::ParseError& e) {
        EXPECT_EQ(e.file(), "rows.tsv");
        EXPECT_EQ(e.location(), "line 62");
        EXPECT_NE(e.reason().find("repeats line 22"), std::string::npos) << e.what();
    }
    for (const auto* t : {"event", "event_key", "actor", "tally", "event_scope", "actor_search"})
        EXPECT_EQ(count(c, t), 0) << t;
}

TEST_F(PgBulk, ConcurrentLoadersSharingActorsBothLand) {
    auto setup = pg::Connection::open(url);
    pg::ensureSchema(setup);
    const auto a = bt::generateRows(2000, 60, 11, "a/");
    const auto b = bt::generateRows(2000, 60, 12, "b/");
    std::string errors;
    std::mutex m;
    auto run = [&](const bt::GeneratedFile& f) {
        try {
            auto c = pg::Connection::open(url);
            load(c, f);
        } catch (const std::exception& e) {
            std::lock_guard lock(m);
            errors += e.what();
        }
    };
    std::thread t1(run, std::cref(a)), t2(run, std::cref(b));
    t1.join();
    t2.join();
    EXPECT_EQ(errors, "");
    EXPECT_EQ(count(setup, "event"), 4000);
    EXPECT_EQ(count(setup, "actor"), 60);
    expectDerivedRight(setup);
}

TEST_F(PgBulk, AnImportKilledHalfwayLeavesNothing) {
    {
        auto c = pg::Connection::open(url);
        pg::ensureSchema(c);
    }
    int ready[2];
    ASSERT_EQ(pipe(ready), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {  // the import client: loads, finishes, and is killed before committing
        close(ready[0]);
        try {
            auto c = pg::Connection::open(url);
            pg::Transaction tx(c);
            pg::BulkLoader loader(c, bt::sqliteRules(), "rows.tsv");
            bt::stageRows(loader, bt::generateRows(20000, 300, 9));
            loader.finish();
            const char byte = 1;
            if (write(ready[1], &byte, 1) != 1) _exit(2);
            pause();
        } catch (...) {
        }
        _exit(1);
    }
    close(ready[1]);
    pollfd p{ready[0], POLLIN, 0};
    ASSERT_EQ(poll(&p, 1, 120000), 1) << "the import did not get as far as its commit";
    char byte = 0;
    ASSERT_EQ(read(ready[0], &byte, 1), 1);
    close(ready[0]);
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    auto c = pg::Connection::open(url);
    // The server notices the lost client and rolls its transaction back.
    for (int i = 0; i < 100 && c.exec("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                      "current_database() AND pid <> pg_backend_pid()")
                                       .int64(0, 0) > 0;
         ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    for (const auto* t : {"event", "event_key", "participation", "actor", "tally", "event_scope",
                          "scope_count", "actor_link", "actor_search", "source"})
        EXPECT_EQ(count(c, t), 0) << t;
    EXPECT_EQ(c.exec("SELECT nrows FROM search_stats").int64(0, 0), 0);
}
