// A crash never loses data: `bilateral import` is killed with SIGKILL at many moments; each time
// the database passes PRAGMA integrity_check, opens, and holds exactly (by logical dump) the
// state before the import or the state after it, never a part.

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "bilateral/sqlite/store.hpp"
#include "generate.hpp"
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

struct KillResult {
    int before = 0, after = 0;
};

/// Kills an import of `file` into copies of `start` at kKillPoints moments spread over
/// [0, 1.2 × `duration`] and checks each copy.
KillResult killRepeatedly(const fs::path& start, const fs::path& file, Clock::duration duration,
                          const std::string& beforeDump, const std::string& afterDump,
                          const fs::path& dir, int points = kKillPoints) {
    KillResult result;
    const auto db = dir / "killed.db";
    for (int i = 0; i < points; ++i) {
        const auto delay = duration * 6 * i / (5 * (points - 1));
        SCOPED_TRACE(
            "killed after " +
            std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(delay).count()) +
            " ms");
        copyDatabase(start, db);
        const pid_t pid = spawnCli({{"--db", db.string(), "import", file.string()},
                                    dir / "killed.out",
                                    dir / "killed.err"});
        std::this_thread::sleep_for(delay);
        ::kill(pid, SIGKILL);
        const int status = waitChild(pid);
        EXPECT_TRUE(status == 128 + SIGKILL || status == 0) << readBytes(dir / "killed.err");

        EXPECT_EQ(integrityCheck(db), "ok");
        try {
            auto s = bilateral::store::Store::open(db);
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

}  // namespace

TEST(CrashSafety, AnImportKilledAtAnyMomentLeavesTheStateBeforeOrAfter) {
    const auto dir = scratchDir("crash");
    const auto base = dir / "base.db";
    importFully(base, fs::path(BILATERAL_SOURCE_DIR) / "data" / "italy-malaysia-2025.json", dir);
    const auto file = dir / "events.tsv";
    writeBytes(file, icewsFile(10'000));

    const auto complete = dir / "complete.db";
    copyDatabase(base, complete);
    const auto took = importFully(complete, file, dir);
    const auto before = logicalDump(base);
    const auto after = logicalDump(complete);
    ASSERT_NE(before, after);

    const auto r = killRepeatedly(base, file, took, before, after, dir);
    EXPECT_EQ(r.before + r.after, kKillPoints);
    EXPECT_GT(r.before, 0) << "no kill landed before the commit";
    RecordProperty(
        "import_ms",
        static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(took).count()));
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
    const auto afterBoth = dir / "after-both.db";
    copyDatabase(afterFirst, afterBoth);
    const auto took = importFully(afterBoth, second, dir);
    const auto before = logicalDump(afterFirst);
    const auto after = logicalDump(afterBoth);
    ASSERT_NE(before, after);

    const auto r = killRepeatedly(afterFirst, second, took, before, after, dir, kKillPoints / 2);
    EXPECT_EQ(r.before + r.after, kKillPoints / 2);
    EXPECT_GT(r.before, 0);
    RecordProperty(
        "import_ms",
        static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(took).count()));
}
