// The derived tables of schema version 2 (derived.hpp): set-based refresh after an import,
// per-event upkeep when a dataset replaces a record, and a full rebuild.

#include "derived.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "bilateral/rules/timeline.hpp"
#include "store_impl.hpp"

namespace bilateral::sqlite::detail {
namespace {

std::int64_t scalar(Store& store, std::string_view sql) {
    auto st = detail::prepare(store, sql);
    st.step();
    const auto v = st.isNull(0) ? 0 : st.getInt64(0);
    st.reset();
    return v;
}

// New participations, paired with every participant of their event, both directions: the
// second half adds the reverse pair when the other participant was there before (a dataset
// adding a participant to an event it already had).
constexpr std::string_view kLinkSql =
    "INSERT OR IGNORE INTO actor_link(actor_id, other_id) "
    "SELECT p.actor_id, q.actor_id FROM participation p "
    "JOIN participation q ON q.event_id = p.event_id AND q.actor_id <> p.actor_id WHERE p.id > ?1 "
    "UNION "
    "SELECT q.actor_id, p.actor_id FROM participation p "
    "JOIN participation q ON q.event_id = p.event_id AND q.actor_id <> p.actor_id "
    "WHERE p.id > ?1 AND p.event_id <= ?2 AND q.id <= ?1 "
    "ORDER BY 1, 2";

// Countries of the events after ?1, each alone (b = '') and in pairs, with the event's range and
// the rule that puts it there: 'participants' (its participants' countries), else 'place' (its
// place's country, alone, and paired with each participant country but its own).
constexpr std::string_view kScopeSql =
    "WITH c AS MATERIALIZED (SELECT DISTINCT p.event_id AS e, a.country AS k FROM participation p "
    "  JOIN actor a ON a.id = p.actor_id "
    "  WHERE p.event_id > ?1 AND a.country IS NOT NULL AND a.country <> ''), "
    "l AS MATERIALIZED (SELECT id AS e, place_country AS k FROM event "
    "  WHERE id > ?1 AND place_country IS NOT NULL AND place_country <> '' AND NOT EXISTS "
    "  (SELECT 1 FROM c WHERE c.e = event.id AND c.k = event.place_country)), "
    "s AS (SELECT e, k AS a, '' AS b, 'participants' AS r FROM c UNION ALL "
    "  SELECT x.e, x.k, y.k, 'participants' FROM c x JOIN c y ON y.e = x.e AND x.k < y.k "
    "  UNION ALL SELECT e, k, '', 'place' FROM l UNION ALL "
    "  SELECT c.e, min(c.k, l.k), max(c.k, l.k), 'place' FROM c JOIN l ON l.e = c.e) "
    "INSERT INTO temp.scope_new(a, b, lo, hi, event_id, rule) "
    "SELECT s.a, s.b, coalesce(ev.day_lo, ?2), coalesce(ev.day_hi, ?2), s.e, s.r "
    "FROM s JOIN event ev ON ev.id = s.e";
// The new events' rows are gathered in a temporary table, then go into event_scope in its key
// order and into scope_count by scope (they are new rows: a new event has none yet). It is
// emptied after use; a failed commit empties it too, rolled back with the rest.
constexpr std::string_view kScopeTempSql =
    "CREATE TEMP TABLE IF NOT EXISTS scope_new(a TEXT, b TEXT, lo INTEGER, hi INTEGER, "
    "event_id INTEGER, rule TEXT)";
constexpr std::string_view kScopeFromTempSql =
    "INSERT OR IGNORE INTO event_scope(a, b, lo, hi, event_id, rule) "
    "SELECT * FROM temp.scope_new ORDER BY 1, 2, 3, 4, 5";
constexpr std::string_view kScopeCountFromTempSql =
    "INSERT INTO scope_count(a, b, n) SELECT a, b, count(*) FROM temp.scope_new GROUP BY a, b "
    "ORDER BY a, b ON CONFLICT(a, b) DO UPDATE SET n = n + excluded.n";

constexpr std::string_view kTallySql =
    "INSERT INTO tally(subject, kind, n) SELECT * FROM ("
    "SELECT 'actor', kind, count(*) AS n FROM actor WHERE id > ?1 GROUP BY kind UNION ALL "
    "SELECT 'event', kind, count(*) FROM event WHERE id > ?2 GROUP BY kind UNION ALL "
    "SELECT 'relation', kind, count(*) FROM relation WHERE id > ?3 GROUP BY kind UNION ALL "
    "SELECT 'source', '', count(*) FROM source WHERE id > ?4 UNION ALL "
    "SELECT 'actor', '', count(*) FROM actor WHERE id > ?1 UNION ALL "
    "SELECT 'event', '', count(*) FROM event WHERE id > ?2 UNION ALL "
    "SELECT 'relation', '', count(*) FROM relation WHERE id > ?3 UNION ALL "
    "SELECT 'participation', '', count(*) FROM participation WHERE id > ?5 UNION ALL "
    "SELECT 'evidence', '', count(*) FROM evidence WHERE id > ?6) WHERE n > 0 "
    "ORDER BY 1, 2 "
    "ON CONFLICT(subject, kind) DO UPDATE SET n = n + excluded.n";

// [notes] Events of the evidence rows after ?1: bit 1 for their own, bit 2 for their
// participations' (schema.cpp, version 4).
constexpr std::string_view kEventNotesSql =
    "UPDATE event SET notes = notes | 1 WHERE id IN "
    "(SELECT event_id FROM evidence WHERE id > ?1 AND event_id IS NOT NULL)";
constexpr std::string_view kParticipationNotesSql =
    "UPDATE event SET notes = notes | 2 WHERE id IN (SELECT p.event_id FROM evidence v "
    "JOIN participation p ON p.id = v.participation_id WHERE v.id > ?1 AND "
    "v.participation_id IS NOT NULL)";
constexpr std::string_view kLinkNotesSql =
    "UPDATE event SET notes = notes | 4 WHERE id IN "
    "(SELECT from_id FROM event_link UNION SELECT to_id FROM event_link)";

struct ScopeRow {
    std::string a, b;
    std::int64_t lo, hi;
    std::string_view rule;
};

/// The event_scope rows of one event as the current state gives them.
std::vector<ScopeRow> scopeRows(Store& store, std::int64_t eventRow) {
    std::int64_t lo = model::kUndatedDay, hi = model::kUndatedDay;
    std::string place;
    {
        auto st = detail::prepare(
            store, "SELECT day_lo, day_hi, coalesce(place_country, '') FROM event WHERE id = ?");
        st.bind(1, eventRow);
        if (st.step()) {
            if (!st.isNull(0)) {
                lo = st.getInt64(0);
                hi = st.getInt64(1);
            }
            place = st.getString(2);
        }
        st.reset();
    }
    std::vector<std::string> countries;
    auto st = detail::prepare(
        store,
        "SELECT DISTINCT a.country FROM participation p JOIN actor a ON a.id = p.actor_id "
        "WHERE p.event_id = ? AND a.country IS NOT NULL AND a.country <> '' ORDER BY 1");
    st.bind(1, eventRow);
    while (st.step()) countries.push_back(st.getString(0));
    std::vector<ScopeRow> rows;
    for (std::size_t i = 0; i < countries.size(); ++i) {
        rows.push_back({countries[i], "", lo, hi, "participants"});
        for (std::size_t j = i + 1; j < countries.size(); ++j) {
            rows.push_back({countries[i], countries[j], lo, hi, "participants"});
        }
    }
    // By place: the place's country, unless a participant already puts the event there.
    if (!place.empty() && std::find(countries.begin(), countries.end(), place) == countries.end()) {
        rows.push_back({place, "", lo, hi, "place"});
        for (const auto& c : countries) {
            rows.push_back({std::min(c, place), std::max(c, place), lo, hi, "place"});
        }
    }
    return rows;
}

/// Runs `sql` (parameters: a, b, lo, hi, event, rule) for each event_scope row of the event,
/// and counts each row it changes in scope_count by `delta`.
void forEachScopeRow(Store& store, std::int64_t eventRow, std::string_view sql,
                     std::int64_t delta) {
    for (const auto& r : scopeRows(store, eventRow)) {
        const int changed = detail::prepare(store, sql)
                                .bind(1, r.a)
                                .bind(2, r.b)
                                .bind(3, r.lo)
                                .bind(4, r.hi)
                                .bind(5, eventRow)
                                .bind(6, r.rule)
                                .exec();
        if (changed > 0) addScopeCount(store, r.a, r.b, delta);
    }
}

void scopeEvent(Store& store, std::int64_t eventRow) {
    forEachScopeRow(store, eventRow,
                    "INSERT OR IGNORE INTO event_scope(a, b, lo, hi, event_id, rule) "
                    "VALUES (?,?,?,?,?,?)",
                    1);
}

}  // namespace

Watermarks watermarks(Store& store) {
    Watermarks w;
    w.source = scalar(store, "SELECT max(id) FROM source");
    w.actor = scalar(store, "SELECT max(id) FROM actor");
    w.event = scalar(store, "SELECT max(id) FROM event");
    w.participation = scalar(store, "SELECT max(id) FROM participation");
    w.relation = scalar(store, "SELECT max(id) FROM relation");
    w.evidence = scalar(store, "SELECT max(id) FROM evidence");
    return w;
}

void refreshDerived(Store& store, const Watermarks& since, const std::set<std::int64_t>& dirty) {
    const auto now = watermarks(store);
    if (now == since && dirty.empty()) return;  // a write that added nothing writes nothing here
    if (now.participation > since.participation) {
        detail::prepare(store, kLinkSql).bind(1, since.participation).bind(2, since.event).exec();
    }
    if (now.event > since.event) {
        detail::execute(store, kScopeTempSql);
        detail::prepare(store, kScopeSql)
            .bind(1, since.event)
            .bind(2, static_cast<std::int64_t>(model::kUndatedDay))
            .exec();
        detail::execute(store, kScopeFromTempSql);
        detail::execute(store, kScopeCountFromTempSql);
        detail::execute(store, "DELETE FROM temp.scope_new");  // empty for the next commit
        addTrend(store, since.event);
    }
    for (const auto e : dirty) {
        if (e > since.event) continue;
        scopeEvent(store, e);
        trendEvent(store, e, 1);
    }
    if (now.evidence > since.evidence) {
        detail::prepare(store, kEventNotesSql).bind(1, since.evidence).exec();
        detail::prepare(store, kParticipationNotesSql).bind(1, since.evidence).exec();
    }
    detail::prepare(store, kTallySql)
        .bind(1, since.actor)
        .bind(2, since.event)
        .bind(3, since.relation)
        .bind(4, since.source)
        .bind(5, since.participation)
        .bind(6, since.evidence)
        .exec();
}

void rebuildDerived(Store& store) {
    detail::execute(store,
                    "DELETE FROM actor_link; DELETE FROM event_scope; DELETE FROM tally; "
                    "DELETE FROM scope_count; DELETE FROM trend_scope; DELETE FROM trend_actor; "
                    "UPDATE event SET notes = 0 WHERE notes <> 0;");
    detail::execute(store, kLinkNotesSql);  // links set their bits as they are written
    // [claims] and so do claims
    detail::execute(store,
                    "UPDATE event SET notes = notes | 8 WHERE id IN "
                    "(SELECT event_id FROM claim WHERE event_id IS NOT NULL)");
    setAllDayRanges(store);
    refreshDerived(store, Watermarks{}, {});
}

void unscopeEvent(Store& store, std::int64_t eventRow) {
    trendEvent(store, eventRow, -1);
    forEachScopeRow(store, eventRow,
                    "DELETE FROM event_scope WHERE a = ? AND b = ? AND lo = ? AND hi = ? AND "
                    "event_id = ? AND ?6 = ?6",
                    -1);
}

void addScopeCount(Store& store, std::string_view a, std::string_view b, std::int64_t delta) {
    detail::prepare(store,
                    "INSERT INTO scope_count(a, b, n) VALUES (?, ?, ?) "
                    "ON CONFLICT(a, b) DO UPDATE SET n = n + excluded.n")
        .bind(1, a)
        .bind(2, b)
        .bind(3, delta)
        .exec();
}

namespace {

/// What an event's days are made of: its own dates' days and its parent.
struct DatedRow {
    std::optional<rules::Days> start, end;
    std::int64_t parent = 0;
    [[nodiscard]] rules::Days own() const noexcept { return rules::ownDays(start, end); }
};

constexpr std::string_view kDatedColumns =
    "start_lo, start_hi, end_lo, end_hi, coalesce(parent_id, 0)";

DatedRow datedRowAt(const Statement& st, int c) {
    DatedRow r;
    const auto days = [&st](int lo) -> std::optional<rules::Days> {
        if (st.isNull(lo)) return std::nullopt;
        return rules::Days{static_cast<model::DayNumber>(st.getInt64(lo)),
                           static_cast<model::DayNumber>(st.getInt64(lo + 1))};
    };
    r.start = days(c);
    r.end = days(c + 2);
    r.parent = st.getInt64(c + 4);
    return r;
}

/// Sets the event's day range (NULL when undated).
void writeDays(Store& store, std::int64_t eventRow, rules::Days days) {
    auto st = detail::prepare(store, "UPDATE event SET day_lo = ?2, day_hi = ?3 WHERE id = ?1");
    st.bind(1, eventRow);
    if (days.dated())
        st.bind(2, static_cast<std::int64_t>(days.lo)).bind(3, static_cast<std::int64_t>(days.hi));
    else
        st.bindNull(2).bindNull(3);
    st.exec();
}

}  // namespace

/// The day range of `row` by the rule: its own days, else those of the nearest dated event it
/// took place within (rules::nearestDated); `rowAt(r)` gives an event's DatedRow, if any.
template <class RowAt>
rules::Days daysByRule(std::int64_t row, RowAt&& rowAt) {
    const auto dated = rules::nearestDated(
        row,
        [&](std::int64_t r) -> std::optional<std::int64_t> {
            const auto* x = rowAt(r);
            if (x == nullptr || x->parent == 0) return std::nullopt;
            return x->parent;
        },
        [&](std::int64_t r) {
            const auto* x = rowAt(r);
            return x != nullptr && x->own().dated();
        });
    return dated ? rowAt(*dated)->own() : rules::Days{};
}

void setOwnOrParentRange(Store& store, std::int64_t eventRow) {
    std::unordered_map<std::int64_t, std::optional<DatedRow>> seen;  // each row read once
    const auto rowAt = [&](std::int64_t row) -> const DatedRow* {
        auto it = seen.find(row);
        if (it == seen.end()) {
            auto st = detail::prepare(
                store, "SELECT " + std::string(kDatedColumns) + " FROM event WHERE id = ?");
            st.bind(1, row);
            std::optional<DatedRow> r;
            if (st.step()) r = datedRowAt(st, 0);
            st.reset();
            it = seen.emplace(row, r).first;
        }
        return it->second ? &*it->second : nullptr;
    };
    if (rowAt(eventRow) == nullptr) return;
    writeDays(store, eventRow, daysByRule(eventRow, rowAt));
}

void setAllDayRanges(Store& store) {
    std::unordered_map<std::int64_t, DatedRow> rows;
    {
        auto st =
            detail::prepare(store, "SELECT id, " + std::string(kDatedColumns) + " FROM event");
        while (st.step()) rows.emplace(st.getInt64(0), datedRowAt(st, 1));
    }
    const auto rowAt = [&rows](std::int64_t row) -> const DatedRow* {
        const auto it = rows.find(row);
        return it == rows.end() ? nullptr : &it->second;
    };
    for (const auto& entry : rows) writeDays(store, entry.first, daysByRule(entry.first, rowAt));
}

void undatedChildren(Store& store, std::int64_t eventRow, std::set<std::int64_t>& out) {
    auto st = detail::prepare(
        store, "SELECT id FROM event WHERE parent_id = ? AND start_lo IS NULL AND end_lo IS NULL");
    st.bind(1, eventRow);
    while (st.step()) out.insert(st.getInt64(0));
}

void addTally(Store& store, std::string_view subject, std::string_view kind, std::int64_t delta) {
    detail::prepare(store,
                    "INSERT INTO tally(subject, kind, n) VALUES (?, ?, ?) "
                    "ON CONFLICT(subject, kind) DO UPDATE SET n = n + excluded.n")
        .bind(1, subject)
        .bind(2, kind)
        .bind(3, delta)
        .exec();
}

}  // namespace bilateral::sqlite::detail
