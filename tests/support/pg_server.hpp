#pragma once
// Throwaway PostgreSQL servers for tests, from C++: scripts/pg_throwaway.py --serve runs as a
// child process that starts them (initdb and pg_ctl in a temporary folder, 127.0.0.1, a free
// port, as the postgres user when the tests run as root) and stops and removes them when its
// input closes: when the PgServers is destroyed, and also when the test program crashes.

#include <gtest/gtest.h>
#include <sys/types.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace bilateral::testing {

class PgServers {
public:
    /// Starts `count` servers. skipped() is true (and nothing runs) where no server binaries
    /// are found; throws std::runtime_error when they exist but do not start.
    explicit PgServers(int count);
    ~PgServers();
    PgServers(const PgServers&) = delete;
    PgServers& operator=(const PgServers&) = delete;

    [[nodiscard]] bool skipped() const noexcept { return !skipReason_.empty(); }
    /// The script's line saying why (begins "skipped:").
    [[nodiscard]] const std::string& skipReason() const noexcept { return skipReason_; }
    [[nodiscard]] int size() const noexcept { return static_cast<int>(urls_.size()); }
    /// Server i's database `bilateral`, as the superuser `postgres` (password in a password
    /// file the URL names).
    [[nodiscard]] const std::string& url(int i) const { return urls_.at(static_cast<size_t>(i)); }
    /// A new empty database on server i; its URL.
    std::string createDatabase(int i, std::string_view name);
    void stop(int i);   ///< fast shutdown
    void kill(int i);   ///< immediate shutdown
    void start(int i);  ///< again, on the same port

private:
    std::string request(const std::string& line);

    pid_t pid_ = -1;
    int toChild_ = -1;
    FILE* fromChild_ = nullptr;
    std::vector<std::string> urls_;
    std::string skipReason_;
};

/// Servers shared by the tests of one program (one set per count), started on first use and
/// stopped at the program's end. Null only before the first call.
PgServers& sharedPgServers(int count);

/// A test on a fresh database of its own on the first shared server: `url` (empty when
/// skipped).
class PgTest : public ::testing::Test {
protected:
    void SetUp() override;
    std::string url;
};

/// A name for a database no other test of this run uses.
std::string uniqueDatabaseName();

/// Skips the test (with the script's line) when the servers were skipped.
#define BILATERAL_SKIP_WITHOUT(servers) \
    if ((servers).skipped()) GTEST_SKIP() << (servers).skipReason()

}  // namespace bilateral::testing
