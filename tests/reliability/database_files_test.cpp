// Database files that are read-only, corrupt, not SQLite, or from a newer schema version get a
// clear error and are left untouched, byte for byte.

#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "bilateral/database.hpp"
#include "bilateral/error.hpp"
#include "sqlite/store.hpp"
#include "sqlite/store_impl.hpp"
#include "support.hpp"

using namespace bilateral;
namespace fs = std::filesystem;
using reliability::durableBytes;
using reliability::logicalDump;

namespace {

/// A small committed database, checkpointed so the main file holds everything.
fs::path makeDatabase(const fs::path& dir, int actors = 50) {
    const auto db = dir / "curated.db";
    {
        auto s = sqlite::Store::open(db);
        sqlite::Transaction tx(s);
        s.putSource({.id = "source/a", .title = "A"});
        for (int i = 0; i < actors; ++i) {
            model::Actor a{.id = "person/" + std::to_string(i),
                           .kind = model::ActorKind::Person,
                           .name = "Person " + std::to_string(i)};
            a.aliases = {"P" + std::to_string(i)};
            a.evidence = {{.source = "source/a", .quote = std::string(200, 'q')}};
            s.putActor(a);
        }
        tx.commit();
        sqlite::detail::execute(s, "PRAGMA wal_checkpoint(TRUNCATE)");
    }
    return db;
}

void expectStorageError(const std::function<void()>& f, const std::string& needle) {
    try {
        f();
        ADD_FAILURE() << "expected a StorageError mentioning \"" << needle << "\"";
    } catch (const StorageError& e) {
        EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    }
}

}  // namespace

TEST(DatabaseFiles, NotSqliteIsRefusedAndLeftUntouched) {
    const auto dir = reliability::scratchDir("not-sqlite");
    const auto db = dir / "notes.db";
    reliability::writeBytes(db, "These are my notes, not a database.\n" + std::string(5000, 'x'));
    const auto before = durableBytes(db);
    expectStorageError([&] { (void)sqlite::Store::open(db); }, "not an SQLite file");
    expectStorageError([&] { (void)sqlite::Store::open(db, {.readOnly = true}); },
                       "not an SQLite file");
    EXPECT_EQ(durableBytes(db), before);
}

TEST(DatabaseFiles, ATruncatedHeaderIsRefusedAndLeftUntouched) {
    const auto dir = reliability::scratchDir("short");
    const auto db = dir / "short.db";
    reliability::writeBytes(db, "SQLite format");
    const auto before = durableBytes(db);
    EXPECT_THROW((void)sqlite::Store::open(db), StorageError);
    EXPECT_EQ(durableBytes(db), before);
}

TEST(DatabaseFiles, AMissingPathIsRefusedByDatabaseOpenUnlessAskedToCreate) {
    const auto dir = reliability::scratchDir("missing-path");
    const auto typo = dir / "curatd.db";
    expectStorageError([&] { (void)Database::open(typo.string()); }, "no such database file");
    expectStorageError([&] { (void)Database::open("sqlite:" + typo.string()); },
                       "no such database file");
    EXPECT_TRUE(fs::is_empty(dir));  // nothing made: no file, no -wal, no -shm
    {
        auto db = Database::open(typo.string(), {.create = true});
        EXPECT_EQ(db.stats().actors, 0);
    }
    EXPECT_TRUE(fs::exists(typo));
    // Once made, the default opens it.
    EXPECT_EQ(Database::open(typo.string()).stats().actors, 0);
}

TEST(DatabaseFiles, TheEngineItselfStillCreatesAMissingFileByDefault) {
    // Tools and tests make files through the engine (sqlite::Store::open) with its defaults.
    const auto dir = reliability::scratchDir("engine-default");
    const auto db = dir / "new.db";
    EXPECT_EQ(sqlite::Store::open(db).counts().actors, 0);
    EXPECT_TRUE(fs::exists(db));
    const auto other = dir / "other.db";
    expectStorageError([&] { (void)sqlite::Store::open(other, {.create = false}); },
                       "no such database file");
    EXPECT_FALSE(fs::exists(other));
}

TEST(DatabaseFiles, ADirectoryIsRefused) {
    const auto dir = reliability::scratchDir("dir-db");
    expectStorageError([&] { (void)sqlite::Store::open(dir); }, "directory");
}

TEST(DatabaseFiles, ANewerSchemaVersionIsRefusedAndLeftUntouched) {
    const auto dir = reliability::scratchDir("newer");
    const auto db = makeDatabase(dir);
    {
        SQLite::Database raw(db.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = 99");
        raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const auto before = durableBytes(db);
    for (bool readOnly : {false, true}) {
        try {
            (void)sqlite::Store::open(db, {.readOnly = readOnly});
            ADD_FAILURE() << "expected a SchemaVersionError";
        } catch (const SchemaVersionError& e) {
            const std::string what = e.what();
            EXPECT_NE(what.find("99"), std::string::npos) << what;
            EXPECT_NE(what.find("newer"), std::string::npos) << what;
        }
        EXPECT_EQ(durableBytes(db), before);
    }
}

TEST(DatabaseFiles, AReadOnlyOpenRefusesEveryWriteAndChangesNoByte) {
    const auto dir = reliability::scratchDir("readonly");
    const auto db = makeDatabase(dir);
    const auto before = durableBytes(db);
    const auto dump = logicalDump(db);
    {
        auto s = sqlite::Store::open(db, {.readOnly = true});
        EXPECT_TRUE(s.readOnly());
        EXPECT_EQ(s.counts().actors, 50);
        EXPECT_THROW(s.putSource({.id = "source/b", .title = "B"}), StorageError);
        EXPECT_THROW(sqlite::detail::execute(s, "DELETE FROM actor"), StorageError);
    }
    EXPECT_EQ(logicalDump(db), dump);
    EXPECT_EQ(durableBytes(db), before);
}

TEST(DatabaseFiles, AMissingFileIsNotCreatedByAReadOnlyOpen) {
    const auto dir = reliability::scratchDir("missing");
    const auto db = dir / "nothing.db";
    expectStorageError([&] { (void)sqlite::Store::open(db, {.readOnly = true}); },
                       "no such database file");
    EXPECT_FALSE(fs::exists(db));
}

namespace {

/// Overwrite every page from `firstPage` (1-based) on with garbage, keeping the file's size.
void corruptPages(const fs::path& db, std::size_t firstPage, std::size_t pageSize = 4096) {
    auto bytes = reliability::readBytes(db);
    ASSERT_GT(bytes.size(), firstPage * pageSize);
    std::uint32_t x = 12345;
    for (std::size_t i = (firstPage - 1) * pageSize; i < bytes.size(); ++i) {
        x = x * 1103515245u + 12345u;
        bytes[i] = static_cast<char>(x >> 24);
    }
    reliability::writeBytes(db, bytes);
}

std::int64_t pageSize(const fs::path& db) {
    SQLite::Database raw(db.string(), SQLite::OPEN_READONLY);
    return raw.execAndGet("PRAGMA page_size").getInt64();
}

}  // namespace

TEST(DatabaseFiles, CorruptPagesGiveAStorageErrorAndAreNeitherRepairedNorWrittenOver) {
    const auto dir = reliability::scratchDir("corrupt");
    const auto db = makeDatabase(dir, 400);
    corruptPages(db, 2, static_cast<std::size_t>(pageSize(db)));
    const auto before = durableBytes(db);
    // Opening may succeed (only the header and schema are read); the first read or write that
    // touches a damaged page fails with SQLite's "malformed" error, and no write lands.
    auto attempt = [&](bool readOnly) {
        try {
            auto s = sqlite::Store::open(db, {.readOnly = readOnly});
            if (readOnly) {
                (void)s.counts();
                (void)s.actors();
            } else {
                sqlite::Transaction tx(s);
                s.putSource({.id = "source/new", .title = "New"});
                s.putActor({.id = "person/new", .kind = model::ActorKind::Person, .name = "New"});
                (void)s.counts();
                tx.commit();
            }
            ADD_FAILURE() << "a corrupt database was used without an error";
        } catch (const StorageError& e) {
            const std::string what = e.what();
            EXPECT_TRUE(what.find("malformed") != std::string::npos ||
                        what.find("corrupt") != std::string::npos)
                << what;
        }
    };
    attempt(true);
    EXPECT_EQ(durableBytes(db), before);
    attempt(false);
    EXPECT_EQ(durableBytes(db), before);
}

TEST(DatabaseFiles, ACorruptSchemaPageIsRefusedAtOpenAndLeftUntouched) {
    const auto dir = reliability::scratchDir("corrupt-schema");
    const auto db = makeDatabase(dir, 10);
    auto bytes = reliability::readBytes(db);
    // Keep the 100-byte header, scribble over the schema table's b-tree page.
    for (std::size_t i = 100; i < 4096 && i < bytes.size(); ++i) bytes[i] = static_cast<char>(0xA5);
    reliability::writeBytes(db, bytes);
    const auto before = durableBytes(db);
    for (bool readOnly : {true, false}) {
        EXPECT_THROW(
            {
                auto s = sqlite::Store::open(db, {.readOnly = readOnly});
                (void)s.counts();
            },
            StorageError);
        EXPECT_EQ(durableBytes(db), before);
    }
}

// --- through the command --------------------------------------------------------------------

namespace {

/// Who runs the command in the permission tests: ourselves, or `nobody` when we are root (root
/// ignores permission bits, so a read-only file only stops an ordinary user).
std::optional<uid_t> ordinaryUser() {
    if (::geteuid() == 0) return uid_t{65534};
    return std::nullopt;
}

}  // namespace

TEST(DatabaseFiles, TheCommandCannotWriteToAReadOnlyFileAndSaysSoButStillReadsIt) {
    const auto dir = reliability::scratchDir("cli-readonly");
    const auto db = makeDatabase(dir);
    // The folder stays writable: SQLite creates the -wal and -shm companions to read a WAL file.
    fs::permissions(dir, fs::perms::all);
    fs::permissions(reliability::scratchRoot(), fs::perms::all);
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    const auto before = durableBytes(db);
    const auto dump = logicalDump(db);
    const auto input = reliability::corpusDir() / "icews" / "valid.tsv";

    const auto stats =
        reliability::runCli({"--db", db.string(), "stats", "--json"}, dir, ordinaryUser());
    if (stats.status == 127 || stats.status == 126)
        GTEST_SKIP() << "cannot run the command as nobody";
    EXPECT_EQ(stats.status, 0) << stats.err;
    EXPECT_NE(stats.out.find("\"actors\": 50"), std::string::npos) << stats.out;

    const auto r =
        reliability::runCli({"--db", db.string(), "import", input.string()}, dir, ordinaryUser());
    EXPECT_EQ(r.status, 4) << r.err;
    EXPECT_EQ(reliability::lineCount(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find(db.string()), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("read-only"), std::string::npos) << r.err;
    EXPECT_EQ(durableBytes(db), before);
    EXPECT_EQ(logicalDump(db), dump);
}

TEST(DatabaseFiles, TheCommandRefusesFilesItCannotUseWithExitStatusFourAndLeavesThemAlone) {
    const auto dir = reliability::scratchDir("cli-bad-files");
    const auto input = reliability::corpusDir() / "icews" / "valid.tsv";
    // Not SQLite.
    const auto notes = dir / "notes.db";
    reliability::writeBytes(notes, "Meeting notes, 2025-07-02.\n");
    // From a newer bilateral.
    const auto newer = makeDatabase(reliability::scratchDir("cli-bad-files-newer"));
    {
        SQLite::Database raw(newer.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = 99");
    }
    // Corrupt: every page but the first overwritten.
    const auto corrupt = makeDatabase(reliability::scratchDir("cli-bad-files-corrupt"), 400);
    corruptPages(corrupt, 2, static_cast<std::size_t>(pageSize(corrupt)));

    struct Case {
        fs::path db;
        std::string says;
    };
    for (const auto& c :
         {Case{notes, "not an SQLite file"}, Case{newer, "newer"}, Case{corrupt, "malformed"}}) {
        SCOPED_TRACE(c.db.string());
        const auto before = durableBytes(c.db);
        for (const std::vector<std::string>& verb :
             {std::vector<std::string>{"import", input.string()},
              {"stats"},
              {"search", "Person"}}) {
            std::vector<std::string> args{"--db", c.db.string()};
            args.insert(args.end(), verb.begin(), verb.end());
            const auto r = reliability::runCli(args, dir);
            EXPECT_EQ(r.status, 4) << verb[0] << ": " << r.err;
            EXPECT_EQ(reliability::lineCount(r.err), 1u) << r.err;
            EXPECT_NE(r.err.find(c.says), std::string::npos) << verb[0] << ": " << r.err;
            EXPECT_EQ(durableBytes(c.db), before) << verb[0];
        }
    }
}
