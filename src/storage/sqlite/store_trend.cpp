// [trend] Reading the trend tables (schema.cpp, version 5; kept by trend.cpp): a subject's cells
// by day, and the figures of pairs of countries over a window. Each reads the kept rows of the
// days asked for through the tables' keys, never the events.

#include "store_impl.hpp"

namespace bilateral::sqlite {
namespace {

constexpr std::string_view kSums =
    "sum(events), sum(meetings), sum(goldstein_n), sum(goldstein_sum), sum(tone_w), "
    "sum(tone_sum)";

storage::TrendFigures figuresAt(const Statement& st, int c) {
    storage::TrendFigures f;
    f.events = st.getInt64(c);
    f.meetings = st.getInt64(c + 1);
    f.goldsteinEvents = st.getInt64(c + 2);
    f.goldsteinSum = st.getDouble(c + 3);
    f.toneWeight = st.getDouble(c + 4);
    f.toneSum = st.getDouble(c + 5);
    return f;
}

}  // namespace

void Store::forEachTrendCell(const storage::TrendSubject& subject, model::DayNumber from,
                             model::DayNumber to,
                             const std::function<void(const storage::TrendCell&)>& fn) {
    // The cells of one day in the order of their key (the PostgreSQL engine's order too).
    const std::string tail = " GROUP BY day, kind, root, quad ORDER BY day, kind, root, quad";
    std::string sql;
    if (subject.actor) {
        sql = "SELECT day, kind, root, quad, " + std::string(kSums) +
              " FROM trend_actor WHERE actor_id = ?1 AND day BETWEEN ?2 AND ?3" + tail;
    } else if (subject.b.empty()) {
        sql = "SELECT day, kind, root, quad, " + std::string(kSums) +
              " FROM trend_scope WHERE a = ?4 AND b = '' AND day BETWEEN ?2 AND ?3" + tail;
    } else {
        // A pair's rows are under its codes in byte order; `dir` says which way they went.
        sql = "SELECT day, kind, root, quad, " + std::string(kSums) +
              " FROM trend_scope WHERE a = ?4 AND b = ?5 AND day BETWEEN ?2 AND ?3 "
              "AND (?6 = 0 OR dir & ?6 <> 0)" +
              tail;
    }
    auto st = prepare(sql);
    st.bind(2, static_cast<std::int64_t>(from)).bind(3, static_cast<std::int64_t>(to));
    if (subject.actor) {
        st.bind(1, *subject.actor);
    } else if (subject.b.empty()) {
        st.bind(4, subject.a);
    } else {
        const bool swapped = subject.b < subject.a;
        st.bind(4, swapped ? subject.b : subject.a).bind(5, swapped ? subject.a : subject.b);
        st.bind(6, !subject.directed ? 0 : swapped ? 2 : 1);
    }
    storage::TrendCell cell;
    while (st.step()) {
        cell.day = static_cast<model::DayNumber>(st.getInt64(0));
        cell.kind = st.getText(1);
        cell.root = st.getInt(2);
        cell.quad = st.getInt(3);
        cell.figures = figuresAt(st, 4);
        fn(cell);
    }
}

void Store::forEachPairCell(std::string_view country, model::DayNumber from, model::DayNumber to,
                            const std::function<void(const storage::PairCell&)>& fn) {
    std::string sql;
    const std::string head = "SELECT a, b, quad, " + std::string(kSums) + " FROM trend_scope ";
    const std::string tail = " GROUP BY a, b, quad";
    if (country.empty()) {
        sql = head + "WHERE b <> '' AND day BETWEEN ?1 AND ?2" + tail;
    } else {
        sql = head + "WHERE a = ?3 AND b <> '' AND day BETWEEN ?1 AND ?2" + tail + " UNION ALL " +
              head + "WHERE b = ?3 AND b <> '' AND day BETWEEN ?1 AND ?2" + tail;  // the b index
    }
    auto st = prepare(sql + " ORDER BY a, b, quad");
    st.bind(1, static_cast<std::int64_t>(from)).bind(2, static_cast<std::int64_t>(to));
    if (!country.empty()) st.bind(3, country);
    storage::PairCell cell;
    while (st.step()) {
        cell.a = st.getText(0);
        cell.b = st.getText(1);
        cell.quad = st.getInt(2);
        cell.figures = figuresAt(st, 3);
        fn(cell);
    }
}

}  // namespace bilateral::sqlite
