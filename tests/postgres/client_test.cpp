// The libpq wrapper against a throwaway server: bound parameters, prepared statements,
// transactions, errors with their SQLSTATE and without passwords, cancel, a lost server.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <regex>
#include <thread>

#include "storage/postgres/connection.hpp"
#include "storage/postgres/error.hpp"
#include "support/pg_server.hpp"

namespace pg = bilateral::storage::postgres;
using bilateral::testing::PgTest;

namespace {

/// The parts of a throwaway server's URL.
struct UrlParts {
    std::string port, db, passfile;
};

UrlParts partsOf(const std::string& url) {
    std::smatch m;
    const std::regex re(R"(postgresql://postgres@127\.0\.0\.1:(\d+)/([^?]+)\?passfile=(.*))");
    if (!std::regex_match(url, m, re)) throw std::runtime_error("unexpected URL " + url);
    return {m[1], m[2], m[3]};
}

/// The URL with `userinfo` (user or user:password) and no password file.
std::string urlWith(const std::string& url, const std::string& userinfo,
                    const std::string& db = {}) {
    const auto p = partsOf(url);
    return "postgresql://" + userinfo + "@127.0.0.1:" + p.port + "/" + (db.empty() ? p.db : db);
}

/// The superuser's password, from the password file the URL names (never printed).
std::string passwordOf(const std::string& url) {
    std::ifstream in(partsOf(url).passfile);
    std::string line;
    std::getline(in, line);
    return line.substr(line.rfind(':') + 1);
}

/// Sets an environment variable for one scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (old_.empty())
            unsetenv(name_);
        else
            setenv(name_, old_.c_str(), 1);
    }

private:
    const char* name_;
    std::string old_;
};

std::string messageOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const pg::PgError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

using PgClient = PgTest;

TEST_F(PgClient, BindsParametersAndReadsResults) {
    auto c = pg::Connection::open(url, {.schema = ""});
    const auto r = c.query("SELECT $1::text, $2::bigint, $3::float8, $4::text IS NULL, $5::text",
                           pg::Params()
                               .text("it's a \"quote\"; DROP TABLE x; --")
                               .int64(-9007199254740993)
                               .real(0.1)
                               .null()
                               .text("Dato’ Seri"));
    ASSERT_EQ(r.rows(), 1);
    EXPECT_EQ(r.text(0, 0), "it's a \"quote\"; DROP TABLE x; --");
    EXPECT_EQ(r.int64(0, 1), -9007199254740993);
    EXPECT_EQ(r.real(0, 2), 0.1);
    EXPECT_EQ(r.text(0, 3), "t");
    EXPECT_EQ(r.text(0, 4), "Dato’ Seri");
}

TEST_F(PgClient, PreparesOnceAndRunsMany) {
    auto c = pg::Connection::open(url, {.schema = ""});
    c.exec("CREATE TABLE t(k text PRIMARY KEY, n bigint)");
    c.prepare("put", "INSERT INTO t VALUES ($1, $2)");
    c.prepare("put", "this is not SQL, and is not prepared again");
    for (int i = 0; i < 5; ++i)
        c.execPrepared("put", pg::Params().text("k" + std::to_string(i)).int64(i));
    EXPECT_EQ(c.exec("SELECT sum(n) FROM t").int64(0, 0), 10);
}

TEST_F(PgClient, RollsBackAnUncommittedTransaction) {
    auto c = pg::Connection::open(url, {.schema = ""});
    c.exec("CREATE TABLE t(k text PRIMARY KEY)");
    {
        pg::Transaction tx(c);
        c.query("INSERT INTO t VALUES ($1)", pg::Params().text("gone"));
    }
    {
        pg::Transaction tx(c);
        c.query("INSERT INTO t VALUES ($1)", pg::Params().text("kept"));
        tx.commit();
    }
    const auto r = c.exec("SELECT string_agg(k, ',') FROM t");
    EXPECT_EQ(r.text(0, 0), "kept");
}

TEST_F(PgClient, ErrorsCarryTheirSqlstate) {
    auto c = pg::Connection::open(url, {.schema = ""});
    c.exec("CREATE TABLE t(k text PRIMARY KEY)");
    c.query("INSERT INTO t VALUES ($1)", pg::Params().text("a"));
    try {
        c.query("INSERT INTO t VALUES ($1)", pg::Params().text("a"));
        FAIL() << "a duplicate key was accepted";
    } catch (const pg::PgError& e) {
        EXPECT_EQ(e.sqlstate(), pg::sqlstate::kUniqueViolation);
        EXPECT_FALSE(e.connectionLost());
        EXPECT_NE(std::string(e.what()).find("duplicate key"), std::string::npos) << e.what();
        EXPECT_EQ(e.statement(), "INSERT INTO t VALUES ($1)");
    }
    // A failed statement inside a transaction: commit says it did not commit.
    pg::Transaction tx(c);
    EXPECT_THROW(c.exec("SELECT 1/0"), pg::PgError);
    EXPECT_THROW(tx.commit(), pg::PgError);
}

TEST_F(PgClient, ReadOnlyConnectionsCannotWrite) {
    auto c = pg::Connection::open(url, {.readOnly = true, .schema = ""});
    try {
        c.exec("CREATE TABLE t(k text)");
        FAIL() << "a read-only connection wrote";
    } catch (const pg::PgError& e) {
        EXPECT_EQ(e.sqlstate(), pg::sqlstate::kReadOnlyTransaction) << e.what();
    }
}

TEST_F(PgClient, PasswordsFromTheEnvironmentWorkAndAreNeverShown) {
    const auto password = passwordOf(url);
    ASSERT_GE(password.size(), 16u);
    const auto noPassword = urlWith(url, "postgres");
    {
        const ScopedEnv env("PGPASSWORD", password);
        const ScopedEnv nofile("PGPASSFILE", "/nonexistent");
        auto c = pg::Connection::open(noPassword, {.schema = ""});
        EXPECT_EQ(c.exec("SELECT current_user").text(0, 0), "postgres");
        EXPECT_EQ(c.display().find(password), std::string::npos);
        // An error on that connection does not show the password either.
        const auto m = messageOf([&] { c.exec("SELECT '" + password + "'::int"); });
        EXPECT_EQ(m.find(password), std::string::npos) << m;
        // Nor does a failed connection to a database that does not exist.
        const auto bad = urlWith(url, "postgres", "nosuchdb");
        const auto m2 = messageOf([&] { pg::Connection::open(bad, {}); });
        EXPECT_NE(m2.find("nosuchdb"), std::string::npos) << m2;
        EXPECT_EQ(m2.find(password), std::string::npos) << m2;
    }
    // A wrong password in the URL: refused, and not repeated in the message.
    const ScopedEnv nofile("PGPASSFILE", "/nonexistent");
    const auto m =
        messageOf([&] { pg::Connection::open(urlWith(url, "postgres:Wr0ngPassw0rd"), {}); });
    EXPECT_NE(m.find("password authentication failed"), std::string::npos) << m;
    EXPECT_EQ(m.find("Wr0ngPassw0rd"), std::string::npos) << m;
    EXPECT_NE(m.find("postgresql://postgres:***@127.0.0.1"), std::string::npos) << m;
}

TEST_F(PgClient, CancelStopsARunningStatement) {
    auto c = pg::Connection::open(url, {.schema = ""});
    const auto canceller = c.canceller();
    std::thread later([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        canceller.cancel();
    });
    const auto start = std::chrono::steady_clock::now();
    try {
        c.exec("SELECT pg_sleep(30)");
        ADD_FAILURE() << "the statement was not cancelled";
    } catch (const pg::PgError& e) {
        EXPECT_TRUE(e.cancelled()) << e.what();
    }
    later.join();
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
    EXPECT_EQ(c.exec("SELECT 1").int64(0, 0), 1);  // the connection is still usable
}

TEST_F(PgClient, ALostServerIsAConnectionError) {
    auto c = pg::Connection::open(url, {.schema = ""});
    auto killer = pg::Connection::open(url, {.schema = ""});
    killer.query("SELECT pg_terminate_backend($1::int)",
                 pg::Params().int64(PQbackendPID(c.native())));
    try {
        c.exec("SELECT 1");
        FAIL() << "a terminated connection answered";
    } catch (const pg::PgError& e) {
        EXPECT_TRUE(e.connectionLost()) << e.what() << " " << e.sqlstate();
    }
}

TEST(PgClientOffline, AMalformedUrlIsAClearErrorWithoutItsPassword) {
    const auto m = messageOf([] { pg::Connection::open("postgresql://u:Secr3tPw@h:notaport/d"); });
    EXPECT_EQ(m.find("Secr3tPw"), std::string::npos) << m;
    EXPECT_NE(m.find("postgresql://u:***@h:notaport/d"), std::string::npos) << m;
}
