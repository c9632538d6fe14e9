// A crash never loses data: `bilateral import` is killed with SIGKILL at many moments; each time
// the database passes PRAGMA integrity_check, opens, and holds exactly (by logical dump) the
// state before the import or the state after it, never a part.

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "generate.hpp"
#include "sqlite/store.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace reliability;
using Clock = std::chrono::steady_clock;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr int kKillPoints = 8;  // everything is slower under the sanitizers; fewer, wider steps
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr int kKillPoints = 8;
#else
constexpr int kKillPoints = 16;
#endif
#else
constexpr int kKillPoints = 16;
#endif

void copyDatabase(const fs::path& from, const fs::path& to) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(to.string() + suffix);
    // A closed database whose log holds nothing (read-only opens leave an empty -wal behind).
    const fs::path wal = from.string() + "-wal";
    ASSERT_TRUE(!fs::exists(wal) || fs::file_size(wal) == 0) << "copy a checkpointed database";
    fs::copy_file(from, to);
}

/// Runs `bilateral --db DB import FILE` to the end; returns how long it took.
Clock::duration importFully(const fs::path& db, const fs::path& file, const fs::path& dir) {
    const auto t0 = Clock::now();
    const auto r = runCli({"--db", db.string(), "import", file.string()}, dir);
    const auto took = Clock::now() - t0;
    EXPECT_EQ(r.status, 0) << r.err;
    return took;
}

/// Starts `bilateral --db DB import FILE`, kills it with SIGKILL after `delay` and checks that
/// it died of the kill or had finished.
void importKilledAfter(const fs::path& db, const fs::path& file, const fs::path& dir,
                       Clock::duration delay) {
    const pid_t pid = spawnCli(
        {{"--db", db.string(), "import", file.string()}, dir / "killed.out", dir / "killed.err"});
    std::this_thread::sleep_for(delay);
    ::kill(pid, SIGKILL);
    const int status = waitChild(pid);
    EXPECT_TRUE(status == 128 + SIGKILL || status == 0) << readBytes(dir / "killed.err");
}

struct KillResult {
    int before = 0, after = 0;  ///< kills that left the state before, after the import
    Clock::duration took{};     ///< how long the import takes when not killed
};

/// Imports `file` into a copy of `start` (the state after, and how long it takes), then kills
/// an import of `file` into copies of `start` at `points` moments spread over [0, 1.2 × that
/// time] and checks that each copy holds the state before or the state after.
KillResult killRepeatedly(const fs::path& start, const fs::path& file, const fs::path& dir,
                          int points = kKillPoints) {
    KillResult result;
    const auto complete = dir / "complete.db";
    copyDatabase(start, complete);
    result.took = importFully(complete, file, dir);
    const auto duration = result.took;
    const auto beforeDump = logicalDump(start);
    const auto afterDump = logicalDump(complete);
    EXPECT_NE(beforeDump, afterDump) << "the import changed nothing";
    if (beforeDump == afterDump) return result;
    const auto db = dir / "killed.db";
    for (int i = 0; i < points; ++i) {
        const auto delay = duration * 6 * i / (5 * (points - 1));
        SCOPED_TRACE(
            "killed after " +
            std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(delay).count()) +
            " ms");
        copyDatabase(start, db);
        importKilledAfter(db, file, dir, delay);

        EXPECT_EQ(integrityCheck(db), "ok");
        try {
            auto s = bilateral::sqlite::Store::open(db);
            (void)s.counts();
        } catch (const std::exception& e) {
            ADD_FAILURE() << "the store does not open after the kill: " << e.what();
        }
        const auto dump = logicalDump(db);
        if (dump == beforeDump) {
            ++result.before;
        } else if (dump == afterDump) {
            ++result.after;
        } else {
            ADD_FAILURE() << "neither the state before nor the state after; against after: "
                          << firstDifference(afterDump, dump);
        }
    }
    return result;
}

/// Records how long the import took, in the test's XML report.
void recordImportTime(Clock::duration took) {
    ::testing::Test::RecordProperty(
        "import_ms",
        static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(took).count()));
}

}  // namespace

TEST(CrashSafety, AnImportKilledAtAnyMomentLeavesTheStateBeforeOrAfter) {
    const auto dir = scratchDir("crash");
    const auto base = dir / "base.db";
    importFully(base, fs::path(BILATERAL_SOURCE_DIR) / "data" / "italy-malaysia-2025.json", dir);
    const auto file = dir / "events.tsv";
    writeBytes(file, icewsFile(10'000));

    const auto r = killRepeatedly(base, file, dir);
    EXPECT_EQ(r.before + r.after, kKillPoints);
    EXPECT_GT(r.before, 0) << "no kill landed before the commit";
    recordImportTime(r.took);
    RecordProperty("killed_before_commit", r.before);
    RecordProperty("killed_after_commit", r.after);
}

TEST(CrashSafety, KillingTheSecondOfTwoImportsKeepsTheFirst) {
    const auto dir = scratchDir("crash-second");
    const auto first = dir / "first.tsv";
    const auto second = dir / "second.json";
    writeBytes(first, icewsFile(1'000, 60'000'000));
    writeBytes(second, datasetFile(600));

    const auto afterFirst = dir / "after-first.db";
    importFully(afterFirst, fs::path(BILATERAL_SOURCE_DIR) / "data" / "italy-malaysia-2025.json",
                dir);
    importFully(afterFirst, first, dir);

    const auto r = killRepeatedly(afterFirst, second, dir, kKillPoints / 2);
    EXPECT_EQ(r.before + r.after, kKillPoints / 2);
    EXPECT_GT(r.before, 0);
    recordImportTime(r.took);
}

// A new file is built under a temporary name and put under its own by the commit: killed at any
// moment, the import leaves no file of that name, or the whole one, never a part. (A killed
// process may leave its `.creating-PID` file beside it, as docs/reliability.md says.)
TEST(CrashSafety, AnImportIntoANewFileKilledAtAnyMomentLeavesNoFileOrTheWholeOne) {
    const auto dir = scratchDir("crash-new");
    const auto file = dir / "events.tsv";
    writeBytes(file, icewsFile(10'000));
    const auto complete = dir / "complete.db";
    const auto took = importFully(complete, file, dir);
    const auto afterDump = logicalDump(complete);
    const auto db = dir / "killed.db";
    int absent = 0, whole = 0;
    for (int i = 0; i < kKillPoints; ++i) {
        const auto delay = took * 6 * i / (5 * (kKillPoints - 1));
        for (const auto& e : fs::directory_iterator(dir)) {
            if (e.path().filename().string().starts_with("killed.db")) fs::remove(e.path());
        }
        importKilledAfter(db, file, dir, delay);
        if (!fs::exists(db)) {
            ++absent;
            continue;
        }
        ++whole;
        EXPECT_EQ(integrityCheck(db), "ok");
        EXPECT_EQ(firstDifference(afterDump, logicalDump(db)), "");
    }
    EXPECT_EQ(absent + whole, kKillPoints);
    EXPECT_GT(absent, 0) << "no kill landed before the commit";
}

// The same rows give the same database whether the import made the file, found it empty, or
// found it holding the first of the files.
TEST(NewFile, AnImportIntoANewFileAndIntoAnExistingOneGiveTheSameDatabase) {
    const auto dir = scratchDir("new-file-same");
    const auto events = dir / "events.tsv";
    writeBytes(events, icewsFile(3'000));
    const auto dataset = fs::path(BILATERAL_SOURCE_DIR) / "data" / "italy-malaysia-2025.json";
    const auto made = dir / "made.db";
    const auto found = dir / "found.db";
    const auto grown = dir / "grown.db";
    writeBytes(found, "");
    auto r = runCli({"--db", made.string(), "import", dataset.string(), events.string()}, dir);
    ASSERT_EQ(r.status, 0) << r.err;
    r = runCli({"--db", found.string(), "import", "--init", dataset.string(), events.string()},
               dir);
    ASSERT_EQ(r.status, 0) << r.err;
    r = runCli({"--db", grown.string(), "import", dataset.string()}, dir);
    ASSERT_EQ(r.status, 0) << r.err;
    r = runCli({"--db", grown.string(), "import", events.string()}, dir);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(integrityCheck(made), "ok");
    const auto dump = logicalDump(made);
    EXPECT_EQ(firstDifference(logicalDump(found), dump), "");
    EXPECT_EQ(firstDifference(logicalDump(grown), dump), "");
    // Under its own name, in WAL mode as every file of bilateral, and nothing else beside it.
    SQLite::Database conn(made.string(), SQLite::OPEN_READONLY);
    EXPECT_EQ(conn.execAndGet("PRAGMA journal_mode").getString(), "wal");
    for (const auto& e : fs::directory_iterator(dir)) {
        EXPECT_EQ(e.path().filename().string().find(".creating-"), std::string::npos) << e.path();
    }
}
