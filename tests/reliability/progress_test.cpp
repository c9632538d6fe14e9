// The import's progress as a person sees it: the command runs with its stderr on a
// pseudo-terminal, and what it wrote there is replayed through a small terminal model (carriage
// return, erase-line, newline) to the final screen.

#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

#include "generate.hpp"
#include "support.hpp"

using namespace reliability;
namespace fs = std::filesystem;

namespace {

/// A `bilateral` child whose stderr is a terminal (stdout goes to a file).
class TerminalRun {
public:
    TerminalRun(const std::vector<std::string>& args, const fs::path& outFile) {
        master_ = ::posix_openpt(O_RDWR | O_NOCTTY);
        if (master_ < 0 || ::grantpt(master_) != 0 || ::unlockpt(master_) != 0)
            throw std::runtime_error("no pseudo-terminal");
        const std::string slave = ::ptsname(master_);
        std::vector<std::string> argv{BILATERAL_CLI};
        argv.insert(argv.end(), args.begin(), args.end());
        std::vector<char*> cargv;
        for (auto& a : argv) cargv.push_back(a.data());
        cargv.push_back(nullptr);
        pid_ = ::fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            ::setsid();
            const int tty = ::open(slave.c_str(), O_RDWR);
            const int out = ::open(outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            const int in = ::open("/dev/null", O_RDONLY);
            if (tty < 0 || out < 0 || in < 0) ::_exit(125);
            winsize ws{};
            ws.ws_row = 24;
            ws.ws_col = 200;
            ::ioctl(tty, TIOCSWINSZ, &ws);
            ::dup2(in, 0);
            ::dup2(out, 1);
            ::dup2(tty, 2);
            ::close(master_);
            ::unsetenv("BILATERAL_DB");
            ::execv(cargv[0], cargv.data());
            ::_exit(127);
        }
    }
    ~TerminalRun() {
        if (master_ >= 0) ::close(master_);
    }
    TerminalRun(const TerminalRun&) = delete;
    TerminalRun& operator=(const TerminalRun&) = delete;

    /// Reads what the terminal got until `text` is in it or the child is done (then false).
    bool readUntil(const std::string& text) {
        while (raw_.find(text) == std::string::npos) {
            if (!readSome()) return false;
        }
        return true;
    }
    /// Reads to the end; the exit status.
    int finish() {
        while (readSome()) {
        }
        return waitChild(pid_);
    }
    [[nodiscard]] const std::string& raw() const { return raw_; }

    /// The screen after replaying the bytes: \r to the line's start, ESC[K erases to its end,
    /// \n to the next line. Lines without trailing blanks.
    [[nodiscard]] std::vector<std::string> screen() const {
        std::vector<std::string> lines(1);
        std::size_t col = 0;
        for (std::size_t i = 0; i < raw_.size(); ++i) {
            const char c = raw_[i];
            auto& line = lines.back();
            if (c == '\r') {
                col = 0;
            } else if (c == '\n') {
                lines.emplace_back();
                col = 0;
            } else if (c == '\033' && raw_.compare(i, 3, "\033[K") == 0) {
                line.resize(std::min(line.size(), col));
                i += 2;
            } else {
                if (col < line.size()) {
                    line[col] = c;
                } else {
                    line += c;
                }
                ++col;
            }
        }
        while (!lines.empty() && lines.back().empty()) lines.pop_back();
        return lines;
    }

private:
    bool readSome() {
        pollfd p{master_, POLLIN, 0};
        if (::poll(&p, 1, 30000) <= 0) return false;  // a guard against a hang, not a timing
        char buf[4096];
        const auto n = ::read(master_, buf, sizeof buf);
        if (n <= 0) return false;  // EIO: the child closed the terminal
        raw_.append(buf, static_cast<std::size_t>(n));
        return true;
    }
    int master_ = -1;
    pid_t pid_ = -1;
    std::string raw_;
};

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

}  // namespace

TEST(Progress, OnATerminalTheImportShowsRowsRateTimeAndItsLastPhases) {
    const auto dir = scratchDir("progress-tty");
    const auto file = dir / "events.tsv";
    writeBytes(file, icewsFile(20000));
    const auto db = dir / "new.db";
    const auto t0 = std::chrono::steady_clock::now();
    TerminalRun run({"--db", db.string(), "import", file.string()}, dir / "tty.out");
    ASSERT_EQ(run.finish(), 0) << run.raw();
    const auto took = std::chrono::steady_clock::now() - t0;
    const auto screen = run.screen();
    const auto text = joined(screen);
    SCOPED_TRACE(text);
    // The file's line stays: every row, the time and the rate.
    ASSERT_GE(screen.size(), 2U);
    EXPECT_TRUE(contains(text, file.string() + ": 20000 rows in ")) << text;
    EXPECT_TRUE(contains(text, " rows/s)")) << text;
    // Then the phases that finish the transaction, instead of a bar stuck at 100%.
    const auto& last = screen.back();
    // A new database: the indexes set aside for the bulk import are built again at its end.
    EXPECT_TRUE(
        last.starts_with("finishing: indexing… deriving links and tallies… committing… done in "))
        << last;
    EXPECT_FALSE(contains(text, "100%"));
    // The summary goes to stdout, untouched by the display.
    EXPECT_TRUE(readBytes(dir / "tty.out").starts_with(file.string() + ": icews, 20000 records"));
    // At most about ten redraws a second (plus the lines that end a file or a phase).
    std::size_t redraws = 0;
    for (auto at = run.raw().find("\r\033[K"); at != std::string::npos;
         at = run.raw().find("\r\033[K", at + 1))
        ++redraws;
    const auto tenths = std::chrono::duration_cast<std::chrono::milliseconds>(took).count() / 100;
    EXPECT_LE(redraws, static_cast<std::size_t>(tenths) + 8) << redraws << " redraws";
}

TEST(Progress, WhileAFileIsReadItsLineShowsTheShareDoneAndTheRate) {
    // A file large enough that its line is redrawn while it is read: the intermediate states
    // are in the bytes the terminal got, each after a carriage return.
    const auto dir = scratchDir("progress-partial");
    const auto file = dir / "events.tsv";
    writeBytes(file, icewsFile(60000));
    TerminalRun run({"--db", (dir / "new.db").string(), "import", file.string()}, dir / "tty.out");
    ASSERT_EQ(run.finish(), 0) << run.raw();
    std::vector<std::string> states;
    const auto& raw = run.raw();
    for (std::size_t at = raw.find("\r\033[K"); at != std::string::npos;) {
        const auto next = raw.find_first_of("\r\n", at + 1);
        states.push_back(raw.substr(at + 4, next == std::string::npos ? next : next - at - 4));
        at = next == std::string::npos ? next : raw.find("\r\033[K", next);
    }
    std::string partial;
    for (const auto& s : states) {
        if (s.starts_with(file.string() + ": ") && contains(s, " rows, ")) partial = s;
    }
    if (partial.empty()) GTEST_SKIP() << "the file was read before a redraw showed rows";
    EXPECT_TRUE(contains(partial, "%, ")) << partial;
    EXPECT_TRUE(contains(partial, " rows/s, ")) << partial;
    EXPECT_TRUE(contains(partial, " elapsed")) << partial;
}

TEST(Progress, QuietOrNotATerminalMeansNoProgressAtAll) {
    const auto dir = scratchDir("progress-off");
    const auto file = dir / "events.tsv";
    writeBytes(file, icewsFile(3000));
    TerminalRun quiet({"--db", (dir / "a.db").string(), "import", "--quiet", file.string()},
                      dir / "quiet.out");
    EXPECT_EQ(quiet.finish(), 0);
    EXPECT_EQ(quiet.raw(), "");
    const auto r = runCli({"--db", (dir / "b.db").string(), "import", file.string()}, dir);
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.err, "");
    EXPECT_TRUE(r.out.starts_with(file.string() + ": icews, 3000 records")) << r.out;
}

TEST(Progress, ItSaysWhenItWaitsForAnotherWritersLock) {
    const auto dir = scratchDir("progress-lock");
    const auto file = dir / "events.tsv";
    writeBytes(file, icewsFile(500));
    const auto db = dir / "kg.db";
    ASSERT_EQ(runCli({"--db", db.string(), "import", file.string()}, dir).status, 0);
    writeBytes(file, icewsFile(500, 60'000'000));
    SQLite::Database other(db.string(), SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");  // another writer holds the lock
    TerminalRun run({"--db", db.string(), "import", file.string()}, dir / "tty.out");
    const std::string note = "waiting for another writer's lock on " + db.string() + "…";
    const bool said = run.readUntil(note);
    other.exec("COMMIT");  // the import goes on (its busy timeout is 5 s)
    EXPECT_TRUE(said) << run.raw();
    EXPECT_EQ(run.finish(), 0) << run.raw();
    const auto screen = run.screen();
    ASSERT_FALSE(screen.empty());
    EXPECT_EQ(screen.front(), note);
    EXPECT_TRUE(screen.back().starts_with("finishing: ")) << joined(screen);
    EXPECT_TRUE(contains(screen.back(), "done in")) << joined(screen);
}
