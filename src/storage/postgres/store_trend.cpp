// [trend] Reading the trend tables (schema version 2; kept by trend.cpp): the SQLite engine's
// store_trend.cpp statement for statement. A subject's cells of the days asked for, and the
// figures of pairs of countries over a window; each reads the kept rows, never the events.

#include "storage/postgres/store_impl.hpp"

namespace bilateral::storage::postgres {
namespace {

/// The sums of a group of rows. Those of doubles are taken in the order SQLite reads the rows
/// (its key order), so that both engines round alike, to the last bit; `%` is that order.
std::string sums(std::string_view order) {
    const std::string o(order);
    return "sum(events), sum(meetings), sum(goldstein_n), sum(goldstein_sum ORDER BY " + o +
           "), sum(tone_w ORDER BY " + o + "), sum(tone_sum ORDER BY " + o + ")";
}

TrendFigures figuresAt(const Result& r, int i, int c) {
    TrendFigures f;
    f.events = r.int64(i, c);
    f.meetings = r.int64(i, c + 1);
    f.goldsteinEvents = r.int64(i, c + 2);
    f.goldsteinSum = r.real(i, c + 3);
    f.toneWeight = r.real(i, c + 4);
    f.toneSum = r.real(i, c + 5);
    return f;
}

}  // namespace

void Store::forEachTrendCell(const TrendSubject& subject, model::DayNumber from,
                             model::DayNumber to, const std::function<void(const TrendCell&)>& fn) {
    // The cells of one day in the order of their key, as SQLite gives them.
    const std::string tail = " GROUP BY day, kind, root, quad ORDER BY day, kind, root, quad";
    // A group holds one row, but for a pair's (one per direction).
    const std::string head = "SELECT day, kind, root, quad, " + sums(subject.actor ? "day" : "dir");
    Params p;
    p.int64(from).int64(to);
    std::string sql;
    if (subject.actor) {
        sql = head + " FROM trend_actor WHERE actor_id = $3 AND day BETWEEN $1 AND $2" + tail;
        p.int64(*subject.actor);
    } else if (subject.b.empty()) {
        sql = head + " FROM trend_scope WHERE a = $3 AND b = '' AND day BETWEEN $1 AND $2" + tail;
        p.text(subject.a);
    } else {
        // A pair's rows are under its codes in byte order; `dir` says which way they went.
        const bool swapped = subject.b < subject.a;
        sql = head +
              " FROM trend_scope WHERE a = $3 AND b = $4 AND day BETWEEN $1 AND $2 AND ($5 = 0 "
              "OR dir & $5 <> 0)" +
              tail;
        p.text(swapped ? subject.b : subject.a).text(swapped ? subject.a : subject.b);
        p.int64(!subject.directed ? 0 : swapped ? 2 : 1);
    }
    const auto r = q(sql, p);
    TrendCell cell;
    for (int i = 0; i < r.rows(); ++i) {
        cell.day = static_cast<model::DayNumber>(r.int64(i, 0));
        cell.kind = r.text(i, 1);
        cell.root = static_cast<int>(r.int64(i, 2));
        cell.quad = static_cast<int>(r.int64(i, 3));
        cell.figures = figuresAt(r, i, 4);
        fn(cell);
    }
}

void Store::forEachPairCell(std::string_view country, model::DayNumber from, model::DayNumber to,
                            const std::function<void(const PairCell&)>& fn) {
    const std::string head =
        "SELECT a, b, quad, " + sums("day, dir, kind, root") + " FROM trend_scope ";
    const std::string tail = " GROUP BY a, b, quad";
    Params p;
    p.int64(from).int64(to);
    std::string sql;
    if (country.empty()) {
        sql = head + "WHERE b <> '' AND day BETWEEN $1 AND $2" + tail;
    } else {
        sql = head + "WHERE a = $3 AND b <> '' AND day BETWEEN $1 AND $2" + tail + " UNION ALL " +
              head + "WHERE b = $3 AND b <> '' AND day BETWEEN $1 AND $2" + tail;
        p.text(country);
    }
    const auto r = q(sql + " ORDER BY a, b, quad", p);
    PairCell cell;
    for (int i = 0; i < r.rows(); ++i) {
        cell.a = r.text(i, 0);
        cell.b = r.text(i, 1);
        cell.quad = static_cast<int>(r.int64(i, 2));
        cell.figures = figuresAt(r, i, 3);
        fn(cell);
    }
}

}  // namespace bilateral::storage::postgres
