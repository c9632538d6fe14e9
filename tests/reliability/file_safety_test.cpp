// bilateral never destroys or takes over a file: no output over the database (by any name),
// outputs written beside and renamed into place, no schema added to another program's SQLite
// file or an empty file without --init, and an interrupted import (SIGINT, SIGTERM) writes
// nothing and removes a database it created.

#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <stdexcept>
#include <string>
#include <vector>

#include "bilateral/error.hpp"
#include "bilateral/export/output_file.hpp"
#include "generate.hpp"
#include "sqlite/store.hpp"
#include "support.hpp"

using namespace reliability;
namespace fs = std::filesystem;

namespace {

/// A dataset of `people` people, `people.json` in `dir`.
fs::path peopleFile(const fs::path& dir, int people) {
    const auto data = dir / "people.json";
    writeBytes(data, datasetFile(people));
    return data;
}

/// A database made by the command, checkpointed so the main file holds everything.
fs::path commandDatabase(const fs::path& dir, int people = 200) {
    const auto db = dir / "kg.db";
    const auto data = peopleFile(dir, people);
    const auto r = runCli({"--db", db.string(), "import", data.string()}, dir);
    EXPECT_EQ(r.status, 0) << r.err;
    SQLite::Database(db.string(), SQLite::OPEN_READWRITE).exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return db;
}

/// The names in `dir` that look like temporary files (ours start with '.' and hold ".tmp-" or
/// ".creating-").
std::vector<std::string> leftovers(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        const auto name = e.path().filename().string();
        if (name.find(".tmp-") != std::string::npos || name.find(".creating-") != std::string::npos)
            out.push_back(name);
    }
    return out;
}

}  // namespace

// --- outputs over the database ---------------------------------------------------------------

TEST(FileSafety, AnOutputThatIsTheDatabaseByAnyNameIsRefusedAndNothingIsWritten) {
    const auto dir = scratchDir("output-over-db");
    const auto db = commandDatabase(dir);
    fs::create_directory(dir / "sub");
    fs::create_hard_link(db, dir / "hard.db");
    fs::create_symlink(db, dir / "sym.db");
    fs::create_symlink(db.string() + "-wal", dir / "sym-wal");  // to a log that may not exist
    const auto before = durableBytes(db);
    const std::vector<std::string> outputs = {db.string(),
                                              db.string() + "-wal",
                                              db.string() + "-shm",
                                              db.string() + "-journal",
                                              (dir / "hard.db").string(),
                                              (dir / "sym.db").string(),
                                              (dir / "sym-wal").string(),
                                              (dir / "sub" / ".." / "kg.db").string()};
    for (const auto& out : outputs) {
        SCOPED_TRACE(out);
        for (const std::vector<std::string>& verb :
             {std::vector<std::string>{"export", "--format", "json", "-o", out},
              std::vector<std::string>{"export", "--format", "graphml", "--output", out},
              std::vector<std::string>{"report", "--country", "ITA", "-o", out}}) {
            std::vector<std::string> args{"--db", db.string()};
            args.insert(args.end(), verb.begin(), verb.end());
            const auto r = runCli(args, dir);
            EXPECT_EQ(r.status, 1) << r.err;
            EXPECT_EQ(r.out, "");
            EXPECT_EQ(lineCount(r.err), 1U) << r.err;
            EXPECT_TRUE(contains(r.err, "-o " + out + " is the database")) << r.err;
            EXPECT_TRUE(contains(r.err, db.string())) << r.err;  // the other name, too
            EXPECT_TRUE(contains(r.err, "nothing was written")) << r.err;
        }
        EXPECT_EQ(durableBytes(db), before);
        EXPECT_TRUE(fs::is_symlink(dir / "sym.db"));
        EXPECT_FALSE(fs::exists(db.string() + "-journal"));
    }
    EXPECT_EQ(integrityCheck(db), "ok");
    EXPECT_EQ(leftovers(dir), std::vector<std::string>{});
}

TEST(FileSafety, AnExportReplacesItsOutputWholeKeepingItsPermissions) {
    const auto dir = scratchDir("export-replaces");
    const auto db = commandDatabase(dir, 20);
    const auto out = dir / "graph.json";
    writeBytes(out, "old contents\n");
    ::chmod(out.c_str(), 0640);
    const auto r =
        runCli({"--db", db.string(), "export", "--format", "json", "-o", out.string()}, dir);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(readBytes(out).starts_with("{")) << readBytes(out).substr(0, 40);
    EXPECT_EQ(fs::status(out).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    // A symbolic link as the output is followed: the file it points to is replaced.
    fs::create_symlink(out, dir / "link.json");
    const auto viaLink = runCli(
        {"--db", db.string(), "export", "--format", "graphml", "-o", (dir / "link.json").string()},
        dir);
    ASSERT_EQ(viaLink.status, 0) << viaLink.err;
    EXPECT_TRUE(fs::is_symlink(dir / "link.json"));
    EXPECT_TRUE(readBytes(out).starts_with("<?xml"));
    // A device is written into, never replaced by a file.
    const auto devNull =
        runCli({"--db", db.string(), "export", "--format", "json", "-o", "/dev/null"}, dir);
    EXPECT_EQ(devNull.status, 0) << devNull.err;
    EXPECT_TRUE(fs::is_character_file("/dev/null"));
    EXPECT_EQ(leftovers(dir), std::vector<std::string>{});
}

TEST(FileSafety, AWriterThatFailsLeavesTheOldFileAndNoTemporaryFile) {
    const auto dir = scratchDir("failing-writer");
    const auto out = dir / "graph.graphml";
    writeBytes(out, "the good old graph\n");
    // An exception while writing.
    EXPECT_THROW(bilateral::io::writeFileAtomically(out,
                                                    [](std::ostream& o) {
                                                        o << std::string(100000, 'x');
                                                        throw std::runtime_error("writer failed");
                                                    }),
                 std::runtime_error);
    EXPECT_EQ(readBytes(out), "the good old graph\n");
    EXPECT_EQ(leftovers(dir), std::vector<std::string>{});
    // A full disk: a child process whose files may not grow past 64 KiB (EFBIG, as ENOSPC).
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        ::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{64 * 1024, 64 * 1024};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        try {
            bilateral::io::writeFileAtomically(
                out, [](std::ostream& o) { o << std::string(1 << 20, 'y'); });
        } catch (const bilateral::StorageError& e) {
            const std::string what = e.what();
            ::_exit(what.find(out.string()) != std::string::npos ? 42 : 43);
        } catch (...) {
            ::_exit(44);
        }
        ::_exit(0);
    }
    EXPECT_EQ(waitChild(pid), 42) << "a StorageError naming the file";
    EXPECT_EQ(readBytes(out), "the good old graph\n");
    EXPECT_EQ(leftovers(dir), std::vector<std::string>{});
}

TEST(FileSafety, ANewOutputGetsTheUsualPermissions) {
    const auto dir = scratchDir("new-output");
    const auto out = dir / "new.txt";
    const mode_t mask = ::umask(022);
    bilateral::io::writeFileAtomically(out, [](std::ostream& o) { o << "hello\n"; });
    ::umask(mask);
    EXPECT_EQ(readBytes(out), "hello\n");
    EXPECT_EQ(fs::status(out).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                  fs::perms::others_read);
}

// --- files that are not bilateral's ----------------------------------------------------------

TEST(FileSafety, AnotherProgramsSqliteFileIsRefusedNamingItsTablesUnlessInit) {
    const auto dir = scratchDir("foreign-sqlite");
    const auto db = dir / "notes.db";
    {
        SQLite::Database s(db.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        s.exec("CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT)");
        s.exec("CREATE TABLE people(name TEXT)");
        s.exec("INSERT INTO notes(text) VALUES ('keep me')");
    }
    const auto data = peopleFile(dir, 5);
    const auto before = durableBytes(db);
    const auto r = runCli({"--db", db.string(), "import", data.string()}, dir);
    EXPECT_EQ(r.status, 4);
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(contains(r.err, db.string() + ": not a bilateral database")) << r.err;
    EXPECT_TRUE(contains(r.err, "tables notes, people")) << r.err;
    EXPECT_TRUE(contains(r.err, "--init")) << r.err;
    EXPECT_EQ(durableBytes(db), before);
    // The query verbs refuse it too, and leave it alone.
    for (const std::vector<std::string>& verb :
         {std::vector<std::string>{"stats"}, std::vector<std::string>{"search", "x"},
          std::vector<std::string>{"export", "--format", "json"}}) {
        std::vector<std::string> args{"--db", db.string()};
        args.insert(args.end(), verb.begin(), verb.end());
        const auto q = runCli(args, dir);
        EXPECT_EQ(q.status, 4) << verb[0];
        EXPECT_TRUE(contains(q.err, "not a bilateral database")) << q.err;
        EXPECT_TRUE(contains(q.err, "tables notes, people")) << q.err;
    }
    EXPECT_EQ(durableBytes(db), before);

    const auto init = runCli({"--db", db.string(), "import", "--init", data.string()}, dir);
    ASSERT_EQ(init.status, 0) << init.err;
    SQLite::Database s(db.string(), SQLite::OPEN_READONLY);
    EXPECT_EQ(s.execAndGet("SELECT text FROM notes").getString(), "keep me");
    EXPECT_EQ(s.execAndGet("SELECT count(*) FROM actor").getInt(), 5);
    const auto stats = runCli({"--db", db.string(), "stats"}, dir);
    EXPECT_EQ(stats.status, 0) << stats.err;
    // From now on it is bilateral's: imports need no --init.
    const auto again = runCli({"--db", db.string(), "import", data.string()}, dir);
    EXPECT_EQ(again.status, 0) << again.err;
}

TEST(FileSafety, AnEmptyFileIsRefusedUnlessInit) {
    const auto dir = scratchDir("empty-file");
    const auto db = dir / "empty.db";
    writeBytes(db, "");
    const auto data = peopleFile(dir, 5);
    const auto r = runCli({"--db", db.string(), "import", data.string()}, dir);
    EXPECT_EQ(r.status, 4);
    EXPECT_TRUE(contains(r.err, db.string() + ": not a bilateral database (an empty file)"))
        << r.err;
    EXPECT_TRUE(contains(r.err, "--init")) << r.err;
    EXPECT_EQ(fs::file_size(db), 0U);
    EXPECT_FALSE(fs::exists(db.string() + "-wal"));
    const auto q = runCli({"--db", db.string(), "stats"}, dir);
    EXPECT_EQ(q.status, 4);
    EXPECT_EQ(fs::file_size(db), 0U);

    const auto init = runCli({"--db", db.string(), "import", "--init", data.string()}, dir);
    ASSERT_EQ(init.status, 0) << init.err;
    EXPECT_EQ(runCli({"--db", db.string(), "stats"}, dir).status, 0);
}

TEST(FileSafety, InitNeverTakesOverAFileThatIsNotSqlite) {
    const auto dir = scratchDir("init-not-sqlite");
    const auto db = dir / "notes.txt";
    writeBytes(db, "my notes, not a database\n");
    const auto data = peopleFile(dir, 5);
    const auto r = runCli({"--db", db.string(), "import", "--init", data.string()}, dir);
    EXPECT_EQ(r.status, 4);
    EXPECT_TRUE(contains(r.err, "not an SQLite file")) << r.err;
    EXPECT_EQ(readBytes(db), "my notes, not a database\n");
}

TEST(FileSafety, NewDatabasesAreMarkedAndOlderOnesStillOpen) {
    const auto dir = scratchDir("application-id");
    const auto db = commandDatabase(dir, 5);
    {
        SQLite::Database s(db.string(), SQLite::OPEN_READWRITE);
        EXPECT_EQ(s.execAndGet("PRAGMA application_id").getInt(), 0x42494C41);  // "BILA"
        // As a database made before the mark: recognised by its version and tables.
        s.exec("PRAGMA application_id = 0");
    }
    const auto r = runCli({"--db", db.string(), "stats"}, dir);
    EXPECT_EQ(r.status, 0) << r.err;
    const auto data = dir / "more.json";
    writeBytes(data, datasetFile(7, "more"));
    const auto imported = runCli({"--db", db.string(), "import", data.string()}, dir);
    EXPECT_EQ(imported.status, 0) << imported.err;
}

TEST(FileSafety, ANewDatabaseAppearsWholeOrNotAtAll) {
    // The store makes a new file under a temporary name and links it into place, so the real
    // name never holds an empty or schema-less file; nothing temporary is left.
    const auto dir = scratchDir("created-whole");
    const auto db = dir / "new.db";
    {
        auto s = bilateral::sqlite::Store::open(db);
        EXPECT_EQ(s.schemaVersion(), bilateral::sqlite::kSchemaVersion);
    }
    EXPECT_EQ(integrityCheck(db), "ok");
    EXPECT_EQ(leftovers(dir), std::vector<std::string>{});
    auto again = bilateral::sqlite::Store::open(db, {.readOnly = true});
    EXPECT_EQ(again.counts().actors, 0);
}

// --- interrupted imports ---------------------------------------------------------------------

namespace {

struct Interrupted {
    RunResult run;
    bool fed = false;  ///< the importer had read the first rows when the signal was sent
};

/// Starts `bilateral --db DB import --format icews FIFO`, feeds the FIFO a few megabytes of rows
/// (a write to a pipe returns only once the reader has taken all but the pipe's buffer, so the
/// import is certainly under way, inside its transaction), then sends `sig` while the file is
/// still open, so the import cannot have finished, and only then closes the pipe.
Interrupted interruptImport(const fs::path& db, const fs::path& dir, int sig) {
    static int counter = 0;
    const auto tag = std::to_string(++counter);
    const auto fifo = dir / ("rows-" + tag + ".fifo");
    if (::mkfifo(fifo.c_str(), 0600) != 0) throw std::runtime_error("mkfifo failed");
    ::signal(SIGPIPE, SIG_IGN);
    Spawn s{{"--db", db.string(), "import", "--format", "icews", fifo.string()},
            dir / ("int-" + tag + ".out"),
            dir / ("int-" + tag + ".err"),
            std::nullopt};
    const pid_t pid = spawnCli(s);
    Interrupted result;
    const int fd = ::open(fifo.c_str(), O_WRONLY);  // waits for the importer to open it
    if (fd >= 0) {
        const std::string rows = icewsFile(20000, 70'000'000);
        std::size_t at = 0;
        while (at < rows.size()) {
            const auto n = ::write(fd, rows.data() + at, rows.size() - at);
            if (n <= 0) break;
            at += static_cast<std::size_t>(n);
        }
        result.fed = at == rows.size();
        ::kill(pid, sig);
        // Then the writer goes away, as a shell's Ctrl-C stops both ends of a pipeline (the
        // importer may be waiting in a read the signal arrived just before).
        ::close(fd);
        result.run.status = waitChild(pid);
    } else {
        result.run.status = waitChild(pid);
    }
    result.run.out = readBytes(s.outFile);
    result.run.err = readBytes(s.errFile);
    return result;
}

}  // namespace

TEST(FileSafety, AnInterruptedImportIntoANewDatabaseRemovesIt) {
    const auto dir = scratchDir("interrupt-new");
    for (const int sig : {SIGINT, SIGTERM}) {
        SCOPED_TRACE(sig == SIGINT ? "SIGINT" : "SIGTERM");
        const auto db = dir / "new.db";
        const auto r = interruptImport(db, dir, sig);
        ASSERT_TRUE(r.fed) << r.run.err;
        EXPECT_EQ(r.run.status, 128 + sig) << r.run.err;
        EXPECT_EQ(r.run.out, "");
        EXPECT_TRUE(contains(r.run.err, "bilateral: interrupted; nothing from ")) << r.run.err;
        EXPECT_TRUE(contains(r.run.err, "was added to " + db.string())) << r.run.err;
        EXPECT_TRUE(contains(r.run.err, "no file was made")) << r.run.err;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            EXPECT_FALSE(fs::exists(db.string() + suffix)) << suffix;
        EXPECT_EQ(leftovers(dir), std::vector<std::string>{});
    }
}

TEST(FileSafety, AnInterruptedImportLeavesAnExistingDatabaseAsItWas) {
    const auto dir = scratchDir("interrupt-existing");
    const auto db = commandDatabase(dir, 50);
    const auto dump = logicalDump(db);
    for (const int sig : {SIGINT, SIGTERM}) {
        SCOPED_TRACE(sig == SIGINT ? "SIGINT" : "SIGTERM");
        const auto r = interruptImport(db, dir, sig);
        ASSERT_TRUE(r.fed) << r.run.err;
        EXPECT_EQ(r.run.status, 128 + sig) << r.run.err;
        EXPECT_EQ(lineCount(r.run.err), 1U) << r.run.err;
        EXPECT_TRUE(contains(r.run.err, "bilateral: interrupted; nothing from ")) << r.run.err;
        EXPECT_FALSE(contains(r.run.err, "removed")) << r.run.err;
        ASSERT_TRUE(fs::exists(db));
        EXPECT_EQ(integrityCheck(db), "ok");
        EXPECT_EQ(firstDifference(dump, logicalDump(db)), "");
    }
    // It still takes an import.
    const auto data = dir / "more.json";
    writeBytes(data, datasetFile(3, "more"));
    EXPECT_EQ(runCli({"--db", db.string(), "import", data.string()}, dir).status, 0);
}

TEST(FileSafety, AnInterruptedExportLeavesTheOldOutputAndNoTemporaryFile) {
    // The signal is sent as soon as the export's temporary file appears, i.e. while it writes.
    const auto dir = scratchDir("interrupt-export");
    const auto db = commandDatabase(dir, 3000);
    const auto out = dir / "graph.graphml";
    writeBytes(out, "the good old graph\n");
    int caught = 0;
    for (int attempt = 0; attempt < 20 && caught < 3; ++attempt) {
        Spawn s{{"--db", db.string(), "export", "--format", "graphml", "-o", out.string()},
                dir / "export.out",
                dir / "export.err",
                std::nullopt};
        const pid_t pid = spawnCli(s);
        bool seen = false;
        for (int i = 0; i < 200000 && !seen; ++i) {
            seen = !leftovers(dir).empty();
            if (!seen) {
                int st = 0;
                if (::waitpid(pid, &st, WNOHANG) == pid) {  // finished before we saw it
                    writeBytes(out, "the good old graph\n");
                    break;
                }
            }
        }
        if (!seen) continue;
        ::kill(pid, SIGINT);
        const int status = waitChild(pid);
        if (status == 0) {  // it had just finished: the new file is whole
            EXPECT_TRUE(readBytes(out).starts_with("<?xml"));
            writeBytes(out, "the good old graph\n");
            continue;
        }
        ++caught;
        EXPECT_EQ(status, 130) << readBytes(s.errFile);
        EXPECT_TRUE(contains(readBytes(s.errFile), "bilateral: interrupted; no output file"));
        EXPECT_EQ(readBytes(out), "the good old graph\n");
        EXPECT_EQ(leftovers(dir), std::vector<std::string>{});
    }
    if (caught == 0) GTEST_SKIP() << "every export finished before its temporary file was seen";
}
