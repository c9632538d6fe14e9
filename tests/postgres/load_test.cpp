// The load test (issue 19): 8 readers and 2 writers at once against one throwaway server, for
// BILATERAL_PG_LOAD_SECONDS seconds (60 when unset; ctest sets 20, tests/postgres.cmake), each
// thread also bounded in count. Every writer imports event files of the same rows under new
// ids, each import one transaction; every reader answers stats, pairs and a country's trend in
// one read snapshot. No call may fail, every snapshot must hold a whole number of imports in
// every table it reads (events, participations, the trend figures: never part of an import),
// and at the end every row each writer imported is there.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "bilateral/database.hpp"
#include "fixtures/icews_rows.hpp"
#include "support/pg_server.hpp"

namespace fs = std::filesystem;

namespace bilateral::testing {
namespace {

constexpr int kWriters = 2;
constexpr int kReaders = 8;
constexpr int kRows = 40;         ///< events per import
constexpr int kMaxImports = 400;  ///< per writer
constexpr int kMaxReads = 20000;  ///< per reader
constexpr std::int64_t kIdBase = 10'000'000;

int seconds() {
    const char* s = std::getenv("BILATERAL_PG_LOAD_SECONDS");
    const int n = s ? std::atoi(s) : 0;
    return n > 0 ? n : 60;
}

/// The ICEWS id of row `row` of import `round` of writer `writer`.
std::int64_t eventId(int writer, int round, int row) {
    return kIdBase * (writer + 1) + static_cast<std::int64_t>(round) * kRows + row;
}

/// An import's file: the same rows each time (two actors each, of two countries or one), under
/// new ids.
std::string eventFile(int writer, int round) {
    static const char* kPeople[][2] = {{"Najib Razak", "Malaysia"},
                                       {"Matteo Renzi", "Italy"},
                                       {"Laurent Fabius", "France"},
                                       {"Police (Malaysia)", "Malaysia"}};
    static const char* kCodes[] = {"042", "043", "040", "057", "111"};
    std::vector<fixtures::Row> rows;
    for (int i = 0; i < kRows; ++i) {
        const auto& a = kPeople[i % 4];
        const auto& b = kPeople[(i + 1 + i / 4 % 3) % 4];  // another of the four
        fixtures::Row r;
        r["Event ID"] = std::to_string(eventId(writer, round, i));
        r["Event Date"] = "2014-0" + std::to_string(1 + i % 6) + "-1" + std::to_string(i % 10);
        r["Source Name"] = a[0];
        r["Source Country"] = a[1];
        r["Source Sectors"] = "Government";
        r["Event Text"] = "Coded";
        r["CAMEO Code"] = kCodes[i % 5];
        r["Intensity"] = std::to_string(i % 7 - 3) + ".5";
        r["Target Name"] = b[0];
        r["Target Country"] = b[1];
        r["Target Sectors"] = "Government";
        r["Story ID"] = std::to_string(eventId(writer, round, i));
        r["Sentence Number"] = "1";
        r["Publisher"] = "Bernama";
        rows.push_back(std::move(r));
    }
    return fixtures::icews(fixtures::kHeader20, rows);
}

/// What one snapshot shows, in imports: the same number in every figure, or -1.
struct Seen {
    std::int64_t events = 0, participations = 0, pairEvents = 0, countryEvents = 0;
};

Seen look(Database& db) {
    Seen s;
    const auto counts = db.stats();
    s.events = counts.events;
    s.participations = counts.participations;
    for (const auto& p : db.pairs().items) s.pairEvents += p.figures.events;
    query::TrendOptions year;
    year.by = query::TrendPeriod::Year;
    for (const auto& row : db.countryTrend("MYS", year).rows) s.countryEvents += row.figures.events;
    return s;
}

class PgLoad : public ::testing::Test {
protected:
    void SetUp() override {
        auto& servers = sharedPgServers(1);
        BILATERAL_SKIP_WITHOUT(servers);
        url = servers.createDatabase(0, uniqueDatabaseName());
        dir = fs::temp_directory_path() / ("bilateral-pg-load-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void TearDown() override {
        if (!dir.empty()) fs::remove_all(dir);
    }

    void fail(const std::string& what) {
        const std::lock_guard lock(m);
        errors.push_back(what);
    }

    /// Imports a file of new ids at a time, until the time is up or it did kMaxImports.
    void writer(int w) {
        try {
            DatabaseOptions o;
            o.busyTimeoutMs = 60'000;  // the other writer's import, however slow the machine
            auto db = Database::open(url, o);
            const auto file = dir / ("writer" + std::to_string(w) + ".tsv");
            for (int round = 0; round < kMaxImports && std::chrono::steady_clock::now() < until;
                 ++round) {
                std::ofstream(file, std::ios::binary | std::ios::trunc) << eventFile(w, round);
                const auto summary = db.importFiles({file});
                if (summary.size() != 1 || summary[0].events != kRows) {
                    fail("writer " + std::to_string(w) + ": import " + std::to_string(round) +
                         " added " + std::to_string(summary.at(0).events) + " events");
                    return;
                }
                ++imports[w];
            }
        } catch (const std::exception& e) {
            fail("writer " + std::to_string(w) + ": " + e.what());
        }
    }

    /// Reads in one snapshot at a time while the writers write (at most kMaxReads times): each
    /// figure a whole number of imports, the same in every figure.
    void reader(int r) {
        try {
            for (int i = 0; i < kMaxReads && writing.load(); ++i) {
                DatabaseOptions o;
                o.readOnly = true;
                o.snapshot = true;  // every answer below from one snapshot
                auto db = Database::open(url, o);
                const auto s = look(db);
                const auto n = s.events / kRows;
                if (s.events != n * kRows || s.participations != n * one.participations ||
                    s.pairEvents != n * one.pairEvents ||
                    s.countryEvents != n * one.countryEvents) {
                    fail("reader " + std::to_string(r) + " saw part of an import: events " +
                         std::to_string(s.events) + ", participations " +
                         std::to_string(s.participations) + ", pair events " +
                         std::to_string(s.pairEvents) + ", MYS events " +
                         std::to_string(s.countryEvents));
                    return;
                }
                ++reads;
            }
        } catch (const std::exception& e) {
            fail("reader " + std::to_string(r) + ": " + e.what());
        }
    }

    std::string url;
    fs::path dir;
    Seen one;  ///< what one import adds to each figure
    std::chrono::steady_clock::time_point until;
    std::atomic<bool> writing{true};
    std::atomic<int> imports[kWriters] = {};
    std::atomic<int> reads{0};
    std::mutex m;
    std::vector<std::string> errors;
};

TEST_F(PgLoad, EightReadersAndTwoWritersSeeWholeImportsAndLoseNoRow) {
    {  // One import first, as a yardstick: what one import adds to each figure.
        DatabaseOptions o;
        o.create = true;
        auto db = Database::open(url, o);
        const auto file = dir / "first.tsv";
        std::ofstream(file, std::ios::binary) << eventFile(kWriters, 0);
        db.importFiles({file});
        one = look(db);
    }
    ASSERT_EQ(one.events, kRows);
    ASSERT_GT(one.pairEvents, 0);
    ASSERT_GT(one.countryEvents, 0);

    until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds());
    std::vector<std::thread> writers, readers;
    for (int w = 0; w < kWriters; ++w) writers.emplace_back([this, w] { writer(w); });
    for (int r = 0; r < kReaders; ++r) readers.emplace_back([this, r] { reader(r); });
    for (auto& t : writers) t.join();
    writing = false;
    for (auto& t : readers) t.join();
    for (const auto& e : errors) ADD_FAILURE() << e;

    // Every writer's rows are there: each import's every event, and the figures of all of them.
    auto db = Database::open(url);
    std::set<std::string> ids;
    for (const auto& e : db.dataset().events) {
        const auto end = e.id.find('/', 6);  // icews/ID/DATE: the file's id
        ids.insert(e.id.substr(6, end == std::string::npos ? end : end - 6));
    }
    std::int64_t total = 1;
    for (int w = 0; w < kWriters; ++w) {
        EXPECT_GT(imports[w].load(), 0) << "writer " << w;
        total += imports[w].load();
        for (int round = 0; round < imports[w].load(); ++round) {
            for (int i = 0; i < kRows; ++i) {
                const auto id = std::to_string(eventId(w, round, i));
                if (!ids.count(id)) ADD_FAILURE() << "lost: event " << id;
            }
        }
    }
    const auto s = look(db);
    EXPECT_EQ(s.events, total * kRows);
    EXPECT_EQ(s.participations, total * one.participations);
    EXPECT_EQ(s.pairEvents, total * one.pairEvents);
    EXPECT_EQ(s.countryEvents, total * one.countryEvents);
    EXPECT_GT(reads.load(), kReaders);
    std::cout << "load: " << seconds() << " s, imports " << imports[0].load() << " + "
              << imports[1].load() << ", reads " << reads.load() << "\n";
}

}  // namespace
}  // namespace bilateral::testing
