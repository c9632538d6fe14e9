#pragma once
// Helpers shared by the reliability tests: scratch folders, a logical dump of a database that
// compares exactly, file bytes, and running the `bilateral` command in a child process.

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "fixtures/temp_files.hpp"
#include "fixtures/text_diff.hpp"

namespace reliability {

namespace fs = std::filesystem;

/// This process's scratch folder (fixtures/temp_files.hpp): removed at the end when every test
/// passed, kept for a look when one failed.
using bilateral::fixtures::scratchRoot;

/// A fresh, empty folder for one test: <scratch folder>/<name>.
inline fs::path scratchDir(const std::string& name) {
    const auto dir = scratchRoot() / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

inline std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void writeBytes(const fs::path& p, std::string_view bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + p.string());
}

/// What a database file holds durably, byte for byte: the main file, the write-ahead log when it
/// holds frames, a rollback journal when there is one. (A read-only open may leave an empty -wal
/// and a -shm index behind; SQLite creates those to read a WAL database and they hold no data.)
inline std::string durableBytes(const fs::path& db) {
    std::string all = "== main\n" + readBytes(db);
    for (const char* suffix : {"-wal", "-journal"}) {
        const fs::path p = db.string() + suffix;
        if (fs::exists(p) && fs::file_size(p) > 0) {
            all += "\n== ";
            all += suffix;
            all += "\n" + readBytes(p);
        }
    }
    return all;
}

/// A value as text that tells types and every byte apart.
inline std::string renderValue(const SQLite::Column& c) {
    auto escaped = [](const char* p, int n) {
        std::string s;
        for (int i = 0; i < n; ++i) {
            const auto b = static_cast<unsigned char>(p[i]);
            if (b < 0x20 || b == 0x7f || b == '\\' || b == '|') {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02x", b);
                s += buf;
            } else {
                s += static_cast<char>(b);
            }
        }
        return s;
    };
    if (c.isNull()) return "NULL";
    if (c.isInteger()) return "i:" + std::to_string(c.getInt64());
    if (c.isFloat()) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", c.getDouble());
        return std::string("r:") + buf;
    }
    if (c.isText()) return "t:" + escaped(c.getText(), c.getBytes());
    return "b:" + escaped(static_cast<const char*>(c.getBlob()), c.getBytes());
}

/// Everything a database holds, as text: user_version, the schema, then every row of every table
/// (virtual tables through their own SELECT) in rowid order. Opens the file read-only, so the
/// dump never changes what it looks at. Throws SQLite::Exception when the file cannot be read.
inline std::string logicalDump(const fs::path& db) {
    SQLite::Database conn(db.string(), SQLite::OPEN_READONLY);
    std::string out;
    {
        SQLite::Statement v(conn, "PRAGMA user_version");
        v.executeStep();
        out += "user_version " + std::to_string(v.getColumn(0).getInt()) + "\n";
    }
    struct Table {
        std::string name, sql;
    };
    std::vector<Table> tables;
    {
        SQLite::Statement s(conn,
                            "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema "
                            "ORDER BY type, name");
        while (s.executeStep()) {
            const std::string type = s.getColumn(0).getString();
            out += "schema " + type + " " + s.getColumn(1).getString() + " " +
                   s.getColumn(3).getString() + "\n";
            if (type == "table")
                tables.push_back({s.getColumn(1).getString(), s.getColumn(3).getString()});
        }
    }
    for (const auto& t : tables) {
        std::string upper = t.sql;
        for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        std::string quoted = "\"";
        for (char ch : t.name) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        quoted += "\"";
        std::string sql;
        if (upper.find("WITHOUT ROWID") != std::string::npos) {
            SQLite::Statement probe(conn, "SELECT * FROM " + quoted + " LIMIT 0");
            sql = "SELECT * FROM " + quoted + " ORDER BY ";
            for (int i = 1; i <= probe.getColumnCount(); ++i)
                sql += (i > 1 ? "," : "") + std::to_string(i);
        } else {
            sql = "SELECT rowid, * FROM " + quoted + " ORDER BY rowid";
        }
        SQLite::Statement rows(conn, sql);
        out += "table " + t.name + "\n";
        while (rows.executeStep()) {
            for (int i = 0; i < rows.getColumnCount(); ++i) {
                out += i ? "|" : "  ";
                out += renderValue(rows.getColumn(i));
            }
            out += "\n";
        }
    }
    return out;
}

/// `PRAGMA integrity_check` as one string ("ok" when sound).
inline std::string integrityCheck(const fs::path& db) {
    SQLite::Database conn(db.string(), SQLite::OPEN_READONLY);
    SQLite::Statement s(conn, "PRAGMA integrity_check");
    std::string out;
    while (s.executeStep()) {
        if (!out.empty()) out += "\n";
        out += s.getColumn(0).getString();
    }
    return out;
}

/// What a finished command did.
struct RunResult {
    int status = -1;  ///< exit status, or 128 + signal
    std::string out, err;
};

/// How to run the child.
struct Spawn {
    std::vector<std::string> args;  ///< after the program name
    fs::path outFile, errFile;
    std::optional<uid_t> asUser;  ///< drop to this uid (and gid) before exec, when root
};

/// Start `bilateral ARGS...` with stdout and stderr going to files; returns the child's pid.
inline pid_t spawnCli(const Spawn& s) {
    std::vector<std::string> argv{BILATERAL_CLI};
    argv.insert(argv.end(), s.args.begin(), s.args.end());
    std::vector<char*> cargv;
    for (auto& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int out = ::open(s.outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err = ::open(s.errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (out < 0 || err < 0) ::_exit(125);
        ::dup2(out, 1);
        ::dup2(err, 2);
        ::close(out);
        ::close(err);
        const int in = ::open("/dev/null", O_RDONLY);
        if (in >= 0) ::dup2(in, 0);
        if (s.asUser) {
            if (::setgid(*s.asUser) != 0 || ::setuid(*s.asUser) != 0) ::_exit(126);
        }
        ::unsetenv("BILATERAL_DB");
        ::execv(cargv[0], cargv.data());
        ::_exit(127);
    }
    return pid;
}

/// Wait for a child; its exit status, or 128 + the signal that ended it.
inline int waitChild(pid_t pid) {
    int st = 0;
    while (::waitpid(pid, &st, 0) < 0) {
        if (errno != EINTR) throw std::runtime_error("waitpid failed");
    }
    if (WIFEXITED(st)) return WEXITSTATUS(st);
    if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
    return -1;
}

/// Run `bilateral ARGS...` to completion in `dir` (for its output files).
inline RunResult runCli(const std::vector<std::string>& args, const fs::path& dir,
                        std::optional<uid_t> asUser = std::nullopt) {
    static int counter = 0;
    const auto tag = std::to_string(++counter);
    Spawn s{args, dir / ("cli-" + tag + ".out"), dir / ("cli-" + tag + ".err"), asUser};
    RunResult r;
    r.status = waitChild(spawnCli(s));
    r.out = readBytes(s.outFile);
    r.err = readBytes(s.errFile);
    return r;
}

using bilateral::fixtures::firstDifference;

/// Whether `text` holds `part`.
inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

/// The corpus and other test data of this module.
inline fs::path corpusDir() {
    return fs::path(BILATERAL_SOURCE_DIR) / "tests" / "reliability" / "corpus";
}

/// Number of non-empty lines of a text.
inline std::size_t lineCount(const std::string& text) {
    std::size_t n = 0;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) n += !line.empty();
    return n;
}

/// The base of a suite whose tests share one database, made once in a scratch folder: the
/// suite's SetUpTestSuite calls makeScratch, then fills the database (cli).
class SharedDatabaseSuite : public ::testing::Test {
protected:
    /// A fresh folder `folder` (scratchDir), and the database `file` in it.
    static void makeScratch(const std::string& folder, const std::string& file) {
        dir_ = new fs::path(scratchDir(folder));
        db_ = new fs::path(*dir_ / file);
    }
    static void TearDownTestSuite() {
        delete dir_;
        delete db_;
        dir_ = db_ = nullptr;
    }
    /// The command on the suite's database (`--db` first), run in its folder.
    static RunResult cli(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db_->string()});
        return runCli(args, *dir_);
    }

    static inline fs::path* dir_ = nullptr;
    static inline fs::path* db_ = nullptr;
};

}  // namespace reliability
