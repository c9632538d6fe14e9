// Concurrency: readers that query while a writer imports see the state before or the state after
// (WAL snapshots), never a part; a second writer waits for the first (busy timeout) or fails with a
// clear StorageError, and nothing is corrupted.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include "bilateral/error.hpp"
#include "bilateral/sqlite/store.hpp"
#include "store_impl.hpp"
#include "support.hpp"

using namespace bilateral;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

struct Totals {
    std::int64_t events = 0, participations = 0;
    auto operator<=>(const Totals&) const = default;
};

/// Both counts inside one read transaction, so they come from one snapshot.
Totals readTotals(store::Store& s) {
    store::detail::execute(s, "BEGIN");
    Totals t;
    {
        auto e = store::detail::prepare(s, "SELECT count(*) FROM event");
        e.step();
        t.events = e.getInt64(0);
        e.reset();
        auto p = store::detail::prepare(s, "SELECT count(*) FROM participation");
        p.step();
        t.participations = p.getInt64(0);
        p.reset();
    }
    store::detail::execute(s, "COMMIT");
    return t;
}

void addEvents(store::Store& s, int from, int n) {
    for (int i = from; i < from + n; ++i) {
        const auto id = std::to_string(i);
        s.putActor({.id = "actor/" + id, .kind = model::ActorKind::Person, .name = "Actor " + id});
        model::Event e{
            .id = "event/" + id, .kind = model::EventKind::Talks, .title = "Talks " + id};
        e.participants = {{.actor = "actor/" + id, .role = model::Role::Host},
                          {.actor = "actor/0", .role = model::Role::Guest}};
        s.putEvent(e);
    }
}

fs::path seededDatabase(const fs::path& dir) {
    const auto db = dir / "shared.db";
    auto s = store::Store::open(db);
    store::Transaction tx(s);
    s.putActor({.id = "actor/0", .kind = model::ActorKind::Country, .name = "Zero"});
    addEvents(s, 1, 100);
    tx.commit();
    return db;
}

}  // namespace

TEST(Concurrency, ReadersSeeTheStateBeforeOrAfterAnImportNeverAPart) {
    const auto dir = reliability::scratchDir("readers");
    const auto db = seededDatabase(dir);
    const Totals before{100, 200};
    const Totals after{100 + 2000, 200 + 4000};

    std::atomic<bool> stop{false};
    std::atomic<int> started{0};
    std::vector<std::set<Totals>> seen(2);
    std::vector<std::string> failures(2);
    std::vector<std::thread> readers;
    for (std::size_t r = 0; r < seen.size(); ++r) {
        readers.emplace_back([&, r] {
            try {
                auto s = store::Store::open(db, {.readOnly = true});
                ++started;
                do {
                    seen[r].insert(readTotals(s));
                    std::this_thread::sleep_for(200us);
                } while (!stop);
                seen[r].insert(readTotals(s));
            } catch (const std::exception& e) {
                failures[r] = e.what();
                ++started;
            }
        });
    }
    while (started < static_cast<int>(readers.size())) std::this_thread::sleep_for(1ms);
    {
        auto w = store::Store::open(db);
        store::Transaction tx(w);
        addEvents(w, 101, 2000);
        tx.commit();
    }
    std::this_thread::sleep_for(20ms);
    stop = true;
    for (auto& t : readers) t.join();
    for (std::size_t r = 0; r < seen.size(); ++r) {
        EXPECT_EQ(failures[r], "");
        for (const auto& t : seen[r]) {
            EXPECT_TRUE(t == before || t == after)
                << "reader " << r << " saw " << t.events << " events, " << t.participations
                << " participations";
        }
        EXPECT_TRUE(seen[r].count(before)) << "reader " << r << " never ran during the import";
        EXPECT_TRUE(seen[r].count(after)) << "reader " << r << " never saw the commit";
    }
    EXPECT_EQ(reliability::integrityCheck(db), "ok");
}

TEST(Concurrency, ASecondWriterWithAShortTimeoutFailsClearlyAndCorruptsNothing) {
    const auto dir = reliability::scratchDir("second-writer");
    const auto db = seededDatabase(dir);
    const auto dump = reliability::logicalDump(db);
    auto first = store::Store::open(db);
    auto second = store::Store::open(db, {.busyTimeoutMs = 50});
    {
        store::Transaction tx(first);
        addEvents(first, 101, 10);
        const auto t0 = std::chrono::steady_clock::now();
        try {
            store::Transaction tx2(second);
            ADD_FAILURE() << "the second writer got the lock while the first held it";
        } catch (const StorageError& e) {
            const std::string what = e.what();
            EXPECT_EQ(e.sqliteCode(), 5) << what;  // SQLITE_BUSY
            EXPECT_NE(what.find("locked"), std::string::npos) << what;
        }
        EXPECT_GE(std::chrono::steady_clock::now() - t0, 40ms) << "did not wait for the timeout";
        // The failed writer did not disturb the first one's transaction.
        EXPECT_TRUE(first.findEvent("event/105"));
        tx.commit();
    }
    // Once the first has committed, the second writes normally.
    {
        store::Transaction tx2(second);
        addEvents(second, 200, 5);
        tx2.commit();
    }
    EXPECT_EQ(reliability::integrityCheck(db), "ok");
    EXPECT_NE(reliability::logicalDump(db), dump);
    auto check = store::Store::open(db, {.readOnly = true});
    EXPECT_EQ(check.counts().events, 115);
}

TEST(Concurrency, ASecondWriterWaitsForTheFirstWithinItsBusyTimeout) {
    const auto dir = reliability::scratchDir("waiting-writer");
    const auto db = seededDatabase(dir);
    auto first = store::Store::open(db);
    auto tx = std::make_unique<store::Transaction>(first);
    addEvents(first, 101, 10);
    std::thread committer([&] {
        std::this_thread::sleep_for(300ms);
        tx->commit();
        tx.reset();
    });
    {
        auto second = store::Store::open(db, {.busyTimeoutMs = 10000});
        const auto t0 = std::chrono::steady_clock::now();
        store::Transaction tx2(second);  // blocks until the first commits
        EXPECT_GE(std::chrono::steady_clock::now() - t0, 200ms);
        addEvents(second, 300, 10);
        tx2.commit();
    }
    committer.join();
    auto check = store::Store::open(db, {.readOnly = true});
    EXPECT_EQ(check.counts().events, 120);
    EXPECT_EQ(reliability::integrityCheck(db), "ok");
}

// --- the same through the command: `bilateral import` as the writer ----------------------------

#include "generate.hpp"

TEST(Concurrency, ReadersSeeBeforeOrAfterWhileTheCommandImports) {
    const auto dir = reliability::scratchDir("cli-readers");
    const auto db = seededDatabase(dir);
    const auto file = dir / "events.tsv";
    reliability::writeBytes(file, reliability::icewsFile(20'000, 70'000'000));
    Totals before;
    {
        auto s = store::Store::open(db, {.readOnly = true});
        before = readTotals(s);
    }
    const pid_t pid = reliability::spawnCli(
        {{"--db", db.string(), "import", file.string()}, dir / "import.out", dir / "import.err"});
    std::set<Totals> seen;
    {
        auto s = store::Store::open(db, {.readOnly = true});
        int status = -1;
        while (true) {
            seen.insert(readTotals(s));
            std::this_thread::sleep_for(1ms);
            int st = 0;
            if (::waitpid(pid, &st, WNOHANG) == pid) {
                status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
                break;
            }
        }
        ASSERT_EQ(status, 0) << reliability::readBytes(dir / "import.err");
        seen.insert(readTotals(s));
    }
    const Totals after{before.events + 20'000, before.participations + 40'000};
    for (const auto& t : seen) {
        EXPECT_TRUE(t == before || t == after)
            << "a reader saw " << t.events << " events, " << t.participations << " participations";
    }
    EXPECT_TRUE(seen.count(before));
    EXPECT_TRUE(seen.count(after));
    EXPECT_EQ(reliability::integrityCheck(db), "ok");
}

TEST(Concurrency, TheCommandWaitsForAWriterThatFinishesWithinTheBusyTimeout) {
    const auto dir = reliability::scratchDir("cli-waits");
    const auto db = seededDatabase(dir);
    const auto file = reliability::corpusDir() / "icews" / "valid.tsv";
    auto holder = store::Store::open(db);
    auto tx = std::make_unique<store::Transaction>(holder);
    addEvents(holder, 500, 3);
    const pid_t pid = reliability::spawnCli(
        {{"--db", db.string(), "import", file.string()}, dir / "import.out", dir / "import.err"});
    std::this_thread::sleep_for(700ms);
    tx->commit();
    tx.reset();
    EXPECT_EQ(reliability::waitChild(pid), 0) << reliability::readBytes(dir / "import.err");
    EXPECT_EQ(holder.counts().events, 100 + 3 + 3);
    EXPECT_EQ(reliability::integrityCheck(db), "ok");
}

TEST(Concurrency, TheCommandGivesUpOnAWriterThatHoldsOnWithExitStatusFourAndAClearMessage) {
    const auto dir = reliability::scratchDir("cli-busy");
    const auto db = seededDatabase(dir);
    const auto dump = reliability::logicalDump(db);
    const auto file = reliability::corpusDir() / "icews" / "valid.tsv";
    auto holder = store::Store::open(db);
    {
        store::Transaction tx(holder);  // held for longer than the command's 5 s busy timeout
        const auto t0 = std::chrono::steady_clock::now();
        const auto r = reliability::runCli({"--db", db.string(), "import", file.string()}, dir);
        EXPECT_GE(std::chrono::steady_clock::now() - t0, 4s) << "the command did not wait";
        EXPECT_EQ(r.status, 4) << r.err;
        EXPECT_EQ(reliability::lineCount(r.err), 1u) << r.err;
        EXPECT_NE(r.err.find(db.string()), std::string::npos) << r.err;
        EXPECT_TRUE(r.err.find("locked") != std::string::npos ||
                    r.err.find("busy") != std::string::npos)
            << r.err;
    }
    EXPECT_EQ(reliability::logicalDump(db), dump);
    EXPECT_EQ(reliability::integrityCheck(db), "ok");
}
