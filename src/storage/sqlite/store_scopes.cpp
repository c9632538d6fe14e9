// An actor's events, and the events of a country or a pair of countries (event_scope, kept at
// import), filtered by window, kinds and status: through indexes, in day order where asked.

#include "bilateral/rules/sides.hpp"
#include "bilateral/storage/scopes.hpp"
#include "rows.hpp"

namespace bilateral::sqlite {
namespace {

using detail::eventAt;
using detail::kEventColumns;

/// ",kind,kind," for the SQL filter `instr(?, ',' || kind || ',')`; "" keeps every kind.
std::string kindList(const std::vector<model::EventKind>& kinds) {
    if (kinds.empty()) return {};
    std::string s = ",";
    for (auto k : kinds) {
        s += model::toString(k);
        s += ',';
    }
    return s;
}

/// Binds the filter as ?2 kinds, ?3 occurred only, ?4 from, ?5 to (see kFilter).
void bindFilter(Statement& st, const EventFilter& f) {
    st.bind(2, kindList(f.kinds)).bind(3, f.occurredOnly ? 1 : 0);
    st.bind(4, f.from ? std::optional<std::int64_t>(*f.from) : std::nullopt);
    st.bind(5, f.to ? std::optional<std::int64_t>(*f.to) : std::nullopt);
}

// The filter on an event `e` of the query, parameters ?2..?5 (an undated event has no day
// range: NULL days fail either bound).
const std::string kFilter =
    " AND (?2 = '' OR instr(?2, ',' || e.kind || ',') > 0)"
    " AND (?3 = 0 OR e.status = 'occurred')"
    " AND (?4 IS NULL OR e.day_hi >= ?4) AND (?5 IS NULL OR e.day_lo <= ?5)";

// The events of a country (b = '') or a pair in event_scope, filtered; parameters ?1 the second
// code, ?2..?5 the filter (bindFilter), ?6 the first code, ?7 the undated day (scope rows of an
// undated event carry it as both ends), ?8 participants only. Only kinds and status need the
// event.
const std::string kScopeWhere =
    " WHERE s.a = ?6 AND s.b = ?1 AND (?5 IS NULL OR s.lo <= ?5) AND (?4 IS NULL OR s.hi >= ?4)"
    " AND (?4 IS NULL AND ?5 IS NULL OR s.lo <> ?7) AND (?8 = 0 OR s.rule = 'participants')";
const std::string kScopeEventFilter =
    " AND (?2 = '' OR instr(?2, ',' || e.kind || ',') > 0) AND (?3 = 0 OR e.status = 'occurred')";
const std::string kScopeRowsByEvent =
    "SELECT s.event_id, s.lo, s.hi, e.key, s.rule, coalesce(e.parent_id, 0) FROM event_scope s "
    "JOIN event e ON e.id = s.event_id" +
    kScopeWhere + kScopeEventFilter + " ORDER BY s.lo, s.hi, s.event_id";
const std::string kScopeCountByEvent =
    "SELECT count(*) FROM event_scope s JOIN event e ON e.id = s.event_id" + kScopeWhere +
    kScopeEventFilter;
const std::string kScopeCount =
    "SELECT count(*) FROM event_scope s" + kScopeWhere + " AND ?2 = ?2 AND ?3 = ?3";

}  // namespace

void Store::forEachParticipationAlongside(
    RowId actorRow, const EventFilter& filter,
    const std::function<void(const SidedParticipation&, const EventRecord&)>& fn) {
    // Each participation with what its side is made of: the stated side, else the actor's own
    // (rules::sideOf, applied here to the columns read).
    auto st =
        prepare("SELECT q.actor_id, q.role, q.side, a.kind, a.key, a.country, " + kEventColumns +
                " FROM participation p JOIN event e ON e.id = p.event_id "
                "JOIN participation q ON q.event_id = p.event_id JOIN actor a ON a.id = q.actor_id "
                "WHERE p.actor_id = ?1" +
                kFilter + " ORDER BY p.event_id");
    st.bind(1, actorRow);
    bindFilter(st, filter);
    SidedParticipation q;
    while (st.step()) {
        q.actor = st.getInt64(0);
        q.role = detail::enumOr(st.getText(1), model::Role::Attendee);
        const auto side = rules::sideOf(
            st.isNull(2) ? std::nullopt : std::optional<std::string_view>(st.getText(2)),
            detail::enumOr(st.getText(3), model::ActorKind::Person), st.getText(4), st.getText(5));
        q.side.assign(side.value_or(std::string_view()));
        fn(q, eventAt(st, 6));
    }
}

std::vector<EventDetails> Store::eventsOfActor(RowId actorRow, const EventFilter& filter) {
    // The actor's participations from the covering index, in event order, each event's row read
    // once (an actor with two roles in an event gives its row twice in a row: kept once).
    auto st = prepare("SELECT " + kEventColumns +
                      " FROM participation p JOIN event e ON e.id = p.event_id "
                      "WHERE p.actor_id = ?1" +
                      kFilter + " ORDER BY p.event_id");
    st.bind(1, actorRow);
    bindFilter(st, filter);
    std::vector<EventDetails> out;
    // Room for all of them (an upper bound, from the covering index's pages the statement
    // reads next): a record moved at each growth costs more than the count.
    auto n = prepare("SELECT count(*) FROM participation WHERE actor_id = ?1");
    n.bind(1, actorRow);
    out.reserve(static_cast<std::size_t>(detail::scalarOf(n)));
    while (st.step()) {
        if (!out.empty() && out.back().record.row == st.getInt64(0)) continue;
        out.push_back(EventDetails{eventAt(st, 0), 0, {}, {}, {}, {}});
    }
    return out;
}

Statement Store::scopedStatement(std::string_view a, std::string_view b, const EventFilter& filter,
                                 bool count) {
    // The index gives day order.
    const auto [x, y] = storage::scopeKey(a, b);
    const bool needEvent = storage::readsEventColumns(filter);
    // Rows are read with their event's id (the tie-break of timeline order), in the same
    // statement: the listing reads those events next anyway.
    auto st = prepare(count ? (needEvent ? kScopeCountByEvent : kScopeCount) : kScopeRowsByEvent);
    st.bind(1, y);
    bindFilter(st, filter);
    st.bind(6, x);
    st.bind(7, static_cast<std::int64_t>(model::kUndatedDay));
    st.bind(8, filter.participantsOnly ? 1 : 0);
    return st;
}

void Store::forEachScopedEvent(std::string_view a, std::string_view b, const EventFilter& filter,
                               const std::function<bool(const EventSlot&)>& fn) {
    auto st = scopedStatement(a, b, filter, false);
    while (st.step()) {
        EventSlot slot;
        slot.row = st.getInt64(0);
        slot.lo = st.getInt64(1);
        slot.hi = st.getInt64(2);
        if (!st.isNull(3)) slot.id = st.getString(3);
        slot.byPlace = st.getText(4) == "place";
        slot.parentRow = st.getInt64(5);
        if (!fn(slot)) break;
    }
    st.reset();
}

std::int64_t Store::countScopedEvents(std::string_view a, std::string_view b,
                                      const EventFilter& filter) {
    // [scope-counts] Unfiltered, the count kept at import; else the rows counted.
    if (storage::keepsEveryEvent(filter)) {
        const auto [x, y] = storage::scopeKey(a, b);
        auto st = prepare("SELECT n FROM scope_count WHERE a = ?1 AND b = ?2");
        st.bind(1, x).bind(2, y);
        return detail::scalarOf(st);
    }
    return detail::scalarOf(scopedStatement(a, b, filter, true));
}

}  // namespace bilateral::sqlite
