// COPY FROM STDIN in both formats: every value arrives as it was, an abandoned COPY leaves
// nothing, a bad row fails the whole COPY with the server's reason.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "storage/postgres/connection.hpp"
#include "storage/postgres/copy.hpp"
#include "storage/postgres/error.hpp"
#include "support/pg_server.hpp"

namespace pg = bilateral::storage::postgres;
using bilateral::testing::PgTest;

namespace {

struct Row {
    std::string text;
    std::int64_t big;
    std::int32_t small;
    double real;
};

const std::vector<Row> kRows = {
    {"plain", 1, 2, 0.5},
    {"tab\there, new\nline, cr\r, back\\slash, \\N, quote ' \"", -9223372036854775807 - 1,
     -2147483647 - 1, -0.0},
    {"Dato’ Seri — 中文 — Ørsted", 9223372036854775807, 2147483647, 1e-310},
    {"", 0, 0, 6.02214076e23},
};

const char* kCreate = "CREATE TABLE t (k text, big bigint, small integer, r double precision)";

void expectRows(pg::Connection& c, std::int64_t nulls) {
    const auto r = c.exec("SELECT k, big, small, r FROM t WHERE k IS NOT NULL ORDER BY big");
    ASSERT_EQ(r.rows(), static_cast<int>(kRows.size()));
    auto sorted = kRows;
    std::sort(sorted.begin(), sorted.end(),
              [](const Row& a, const Row& b) { return a.big < b.big; });
    for (int i = 0; i < r.rows(); ++i) {
        const auto& want = sorted[static_cast<std::size_t>(i)];
        EXPECT_EQ(r.text(i, 0), want.text);
        EXPECT_EQ(r.int64(i, 1), want.big);
        EXPECT_EQ(r.int64(i, 2), want.small);
        EXPECT_EQ(r.real(i, 3), want.real);
        EXPECT_EQ(std::signbit(r.real(i, 3)), std::signbit(want.real));
    }
    EXPECT_EQ(c.exec("SELECT count(*) FROM t WHERE k IS NULL AND big IS NULL AND small IS NULL "
                     "AND r IS NULL")
                  .int64(0, 0),
              nulls);
}

void encode(pg::CopyEncoder& e) {
    for (const auto& row : kRows)
        e.row(4).text(row.text).int64(row.big).int32(row.small).real(row.real);
    e.row(4).null().null().null().null();
}

}  // namespace

using PgCopy = PgTest;

TEST_F(PgCopy, StreamsEveryValueInBothFormats) {
    for (const auto format : {pg::CopyFormat::Binary, pg::CopyFormat::Text}) {
        auto c = pg::Connection::open(url, {.schema = ""});
        c.exec("DROP TABLE IF EXISTS t");
        c.exec(kCreate);
        auto copy = c.copyIn("COPY t (k, big, small, r)", format);
        encode(copy.rows());
        EXPECT_EQ(copy.finish(), static_cast<std::int64_t>(kRows.size()) + 1);
        expectRows(c, 1);
    }
}

TEST_F(PgCopy, GathersRowsOfSeveralTablesAndSendsEachAsOneCopy) {
    auto c = pg::Connection::open(url, {.schema = ""});
    c.exec(kCreate);
    c.exec("CREATE TABLE u (n bigint)");
    pg::CopyEncoder t, u;
    encode(t);
    for (int i = 0; i < 100000; ++i) u.row(1).int64(i);  // several chunks
    EXPECT_EQ(pg::copyRows(c, "u (n)", u), 100000);
    EXPECT_EQ(pg::copyRows(c, "t (k, big, small, r)", t),
              static_cast<std::int64_t>(kRows.size()) + 1);
    EXPECT_EQ(u.rows(), 0);
    EXPECT_EQ(pg::copyRows(c, "u (n)", u), 0);  // nothing gathered: nothing sent
    expectRows(c, 1);
    EXPECT_EQ(c.exec("SELECT sum(n) FROM u").int64(0, 0), 99999LL * 100000 / 2);
}

TEST_F(PgCopy, AnAbandonedCopyLeavesNothing) {
    auto c = pg::Connection::open(url, {.schema = ""});
    c.exec(kCreate);
    {
        auto copy = c.copyIn("COPY t (k, big, small, r)");
        encode(copy.rows());
        for (int i = 0; i < 50000; ++i) copy.rows().row(4).text("x").int64(i).int32(i).real(i);
    }  // destroyed unfinished
    EXPECT_EQ(c.exec("SELECT count(*) FROM t").int64(0, 0), 0);
}

TEST_F(PgCopy, ABadRowFailsTheWholeCopyWithTheServersReason) {
    auto c = pg::Connection::open(url, {.schema = ""});
    c.exec("CREATE TABLE v (k text NOT NULL)");
    auto copy = c.copyIn("COPY v (k)");
    copy.rows().row(1).text("fine");
    copy.rows().row(1).null();
    try {
        copy.finish();
        FAIL() << "a NULL went into a NOT NULL column";
    } catch (const pg::PgError& e) {
        EXPECT_EQ(e.sqlstate(), "23502") << e.what();  // not_null_violation
        EXPECT_NE(std::string(e.what()).find("COPY failed"), std::string::npos) << e.what();
    }
    EXPECT_EQ(c.exec("SELECT count(*) FROM v").int64(0, 0), 0);
}

TEST(PgCopyOffline, RefusesRowsOfTheWrongWidth) {
    pg::CopyEncoder e;
    e.row(2).int64(1);
    EXPECT_THROW(e.row(2), std::logic_error);
    e.int64(2);
    EXPECT_THROW(e.int64(3), std::logic_error);
    std::string out;
    e.take(out, true, true);
    EXPECT_EQ(out.substr(0, 11), std::string("PGCOPY\n\377\r\n\0", 11));
    EXPECT_EQ(out.substr(out.size() - 2), "\xFF\xFF");
}
