// The derived tables after single writes (a dataset's records): rows added in a transaction are
// brought in at commit, set-based; an existing event whose scope may change is taken out of
// event_scope first and scoped again at commit. The rules are the SQLite engine's
// (src/storage/sqlite/derived.cpp); the bulk loader keeps its own rows (bulk_finish.cpp), but
// for the trend tables (trend.hpp), kept from the rows as they are at the end of either.

#include <algorithm>
#include <unordered_map>

#include "bilateral/rules/timeline.hpp"
#include "storage/postgres/store_impl.hpp"
#include "storage/postgres/trend.hpp"

namespace bilateral::storage::postgres::detail {
namespace {

// New participations paired with every participant of their event, both directions.
constexpr std::string_view kLinkSql =
    "INSERT INTO actor_link(actor_id, other_id) SELECT * FROM ("
    "SELECT p.actor_id, q.actor_id FROM participation p JOIN participation q ON q.event_id = "
    "p.event_id AND q.actor_id <> p.actor_id WHERE p.id > $1::bigint UNION "
    "SELECT q.actor_id, p.actor_id FROM participation p JOIN participation q ON q.event_id = "
    "p.event_id AND q.actor_id <> p.actor_id WHERE p.id > $1::bigint AND q.id <= $1::bigint) x "
    "ORDER BY 1, 2 ON CONFLICT DO NOTHING";

// The scope rows of the events after $1 (% is "id > $1::bigint"), or of the events $1 (% is
// "id = ANY($1::text::bigint[])"), counted into scope_count; $2 the undated day.
constexpr std::string_view kScopeSql =
    "WITH ev AS MATERIALIZED (SELECT id, day_lo, day_hi, place_country FROM event WHERE "
    "%), "
    "c AS MATERIALIZED (SELECT DISTINCT p.event_id AS e, a.country AS k FROM participation p "
    "JOIN actor a ON a.id = p.actor_id WHERE p.event_id IN (SELECT id FROM ev) AND a.country IS "
    "NOT NULL AND a.country <> ''), "
    "l AS MATERIALIZED (SELECT ev.id AS e, ev.place_country AS k FROM ev WHERE ev.place_country "
    "IS NOT NULL AND ev.place_country <> '' AND NOT EXISTS (SELECT 1 FROM c WHERE c.e = ev.id "
    "AND c.k = ev.place_country)), "
    "s AS (SELECT e, k AS a, ''::text COLLATE \"C\" AS b, 'participants' AS r FROM c UNION ALL "
    "SELECT x.e, x.k, y.k, 'participants' FROM c x JOIN c y ON y.e = x.e AND x.k < y.k "
    "UNION ALL SELECT e, k, '', 'place' FROM l UNION ALL "
    "SELECT c.e, least(c.k, l.k), greatest(c.k, l.k), 'place' FROM c JOIN l ON l.e = c.e), "
    "counted AS (INSERT INTO event_scope(a, b, lo, hi, event_id, rule) SELECT s.a, s.b, "
    "coalesce(ev.day_lo, $2::integer), coalesce(ev.day_hi, $2::integer), s.e, s.r FROM s JOIN ev "
    "ON ev.id = s.e ORDER BY 1, 2, 3, 4, 5 ON CONFLICT DO NOTHING RETURNING a, b) "
    "INSERT INTO scope_count(a, b, n) SELECT a, b, count(*) FROM counted GROUP BY a, b "
    "ORDER BY a, b ON CONFLICT (a, b) DO UPDATE SET n = scope_count.n + excluded.n";

// $1 actor, $2 event, $3 relation, $4 source, $5 participation, $6 evidence, $7 event evidence.
constexpr std::string_view kTallySql =
    "INSERT INTO tally(subject, kind, n) SELECT * FROM ("
    "SELECT 'actor' AS s, kind, count(*) AS n FROM actor WHERE id > $1::bigint GROUP BY kind "
    "UNION ALL SELECT 'event', kind, count(*) FROM event WHERE id > $2::bigint GROUP BY kind "
    "UNION ALL SELECT 'relation', kind, count(*) FROM relation WHERE id > $3::bigint GROUP BY "
    "kind UNION ALL SELECT 'source', '', count(*) FROM source WHERE id > $4::bigint "
    "UNION ALL SELECT 'actor', '', count(*) FROM actor WHERE id > $1::bigint "
    "UNION ALL SELECT 'event', '', count(*) FROM event WHERE id > $2::bigint "
    "UNION ALL SELECT 'relation', '', count(*) FROM relation WHERE id > $3::bigint "
    "UNION ALL SELECT 'participation', '', count(*) FROM participation WHERE id > $5::bigint "
    "UNION ALL SELECT 'evidence', '', (SELECT count(*) FROM evidence WHERE id > $6::bigint) + "
    "(SELECT count(*) FROM event_evidence WHERE id > $7::bigint)) x WHERE n > 0 ORDER BY 1, 2 "
    "ON CONFLICT (subject, kind) DO UPDATE SET n = tally.n + excluded.n";

constexpr std::string_view kNotesSql =
    "UPDATE event SET notes = notes | 1 WHERE id IN (SELECT event_id FROM event_evidence WHERE "
    "id > $1::bigint AND participation_id IS NULL); "
    "UPDATE event SET notes = notes | 2 WHERE id IN (SELECT event_id FROM event_evidence WHERE "
    "id > $1::bigint AND participation_id IS NOT NULL)";

std::int64_t maxId(Store& s, std::string_view table) {
    return scalarOf(s.x("SELECT max(id) FROM " + std::string(table)));
}

}  // namespace

Watermarks watermarks(Store& s) {
    Watermarks w;
    w.source = maxId(s, "source");
    w.actor = maxId(s, "actor");
    w.event = maxId(s, "event");
    w.participation = maxId(s, "participation");
    w.relation = maxId(s, "relation");
    w.evidence = maxId(s, "evidence");
    w.eventEvidence = maxId(s, "event_evidence");
    return w;
}

void refreshDerived(Store& s, const Watermarks& since, const std::set<std::int64_t>& dirty) {
    const auto now = watermarks(s);
    if (now == since && dirty.empty()) return;
    if (now.participation > since.participation) s.q(kLinkSql, Params().int64(since.participation));
    const auto scope = [&s](std::string_view events, Params p) {
        std::string sql(kScopeSql);
        sql.replace(sql.find('%'), 1, events);
        s.q(sql, p.int64(model::kUndatedDay));
    };
    if (now.event > since.event) {
        scope("id > $1::bigint", Params().int64(since.event));
        addTrend(s.state().c, since.event);
    }
    std::vector<RowId> again;
    for (const auto e : dirty) {
        if (e <= since.event) again.push_back(e);
    }
    if (!again.empty()) scope("id = ANY($1::text::bigint[])", Params().text(bigintArray(again)));
    for (const auto e : again) trendEvent(s.state().c, e, 1);  // one at a time, as SQLite does
    if (now.eventEvidence > since.eventEvidence) {
        s.q(kNotesSql.substr(0, kNotesSql.find(';')), Params().int64(since.eventEvidence));
        s.q(kNotesSql.substr(kNotesSql.find(';') + 2), Params().int64(since.eventEvidence));
    }
    s.q(kTallySql, Params()
                       .int64(since.actor)
                       .int64(since.event)
                       .int64(since.relation)
                       .int64(since.source)
                       .int64(since.participation)
                       .int64(since.evidence)
                       .int64(since.eventEvidence));
}

void unscopeEvent(Store& s, std::int64_t eventRow) {
    trendEvent(s.state().c, eventRow, -1);
    s.q("WITH gone AS (DELETE FROM event_scope WHERE event_id = $1 RETURNING a, b) "
        "INSERT INTO scope_count(a, b, n) SELECT a, b, -count(*) FROM gone GROUP BY a, b "
        "ORDER BY a, b ON CONFLICT (a, b) DO UPDATE SET n = scope_count.n + excluded.n",
        Params().int64(eventRow));
}

void addTally(Store& s, std::string_view subject, std::string_view kind, std::int64_t delta) {
    s.q("INSERT INTO tally(subject, kind, n) VALUES ($1, $2, $3) ON CONFLICT (subject, kind) DO "
        "UPDATE SET n = tally.n + excluded.n",
        Params().text(subject).text(kind).int64(delta));
}

namespace {

struct DatedRow {
    std::optional<rules::Days> start, end;
    std::int64_t parent = 0;
    [[nodiscard]] rules::Days own() const noexcept { return rules::ownDays(start, end); }
};

std::optional<DatedRow> datedRow(Store& s, std::int64_t row) {
    const auto r =
        s.q("SELECT start_lo, start_hi, end_lo, end_hi, coalesce(parent_id, 0) FROM event WHERE id "
            "= $1",
            Params().int64(row));
    if (r.rows() == 0) return std::nullopt;
    DatedRow d;
    const auto days = [&r](int lo) -> std::optional<rules::Days> {
        if (r.isNull(0, lo)) return std::nullopt;
        return rules::Days{static_cast<model::DayNumber>(r.int64(0, lo)),
                           static_cast<model::DayNumber>(r.int64(0, lo + 1))};
    };
    d.start = days(0);
    d.end = days(2);
    d.parent = r.int64(0, 4);
    return d;
}

/// Sets one event's day range by the rule (rules::ownDays, rules::nearestDated).
void setOwnOrParentRange(Store& s, std::int64_t eventRow) {
    std::unordered_map<std::int64_t, std::optional<DatedRow>> seen;
    const auto rowAt = [&](std::int64_t row) -> const DatedRow* {
        auto it = seen.find(row);
        if (it == seen.end()) it = seen.emplace(row, datedRow(s, row)).first;
        return it->second ? &*it->second : nullptr;
    };
    if (rowAt(eventRow) == nullptr) return;
    const auto dated = rules::nearestDated(
        eventRow,
        [&](std::int64_t r) -> std::optional<std::int64_t> {
            const auto* x = rowAt(r);
            if (x == nullptr || x->parent == 0) return std::nullopt;
            return x->parent;
        },
        [&](std::int64_t r) {
            const auto* x = rowAt(r);
            return x != nullptr && x->own().dated();
        });
    const auto days = dated ? rowAt(*dated)->own() : rules::Days{};
    Params p;
    p.int64(eventRow);
    if (days.dated())
        p.int64(days.lo).int64(days.hi);
    else
        p.null().null();
    s.q("UPDATE event SET day_lo = $2, day_hi = $3 WHERE id = $1", p);
}

}  // namespace

void setDayRange(Store& s, std::int64_t eventRow,
                 const std::function<void(std::int64_t)>& touched) {
    // Parents before children; each event once, so a cycle of parents cannot loop.
    std::set<std::int64_t> seen{eventRow};
    std::vector<std::int64_t> work{eventRow};
    for (std::size_t i = 0; i < work.size(); ++i) {
        touched(work[i]);
        setOwnOrParentRange(s, work[i]);
        const auto children = rowsOf(
            s.q("SELECT id FROM event WHERE parent_id = $1 AND start_lo IS NULL AND end_lo IS "
                "NULL",
                Params().int64(work[i])));
        for (const auto c : children) {
            if (seen.insert(c).second) work.push_back(c);
        }
    }
}

}  // namespace bilateral::storage::postgres::detail
