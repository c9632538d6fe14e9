// Who is linked to whom: actors sharing an event (actor_link, kept at import), actors joined by
// a relation, the events two actors share, the relation between two actors; [identity] the ends
// of the relations of a kind.

#include <algorithm>
#include <iterator>

#include "rows.hpp"

namespace bilateral::sqlite {

void Store::forEachLinkedActor(RowId actorRow, const std::function<bool(RowId)>& fn) {
    auto st = prepare("SELECT other_id FROM actor_link WHERE actor_id = ? ORDER BY other_id");
    st.bind(1, actorRow);
    while (st.step()) {
        if (!fn(st.getInt64(0))) break;
    }
    st.reset();
}

std::int64_t Store::linkedActorCount(RowId actorRow) {
    auto st = prepare("SELECT count(*) FROM actor_link WHERE actor_id = ?");
    st.bind(1, actorRow);
    return detail::scalarOf(st);
}

std::vector<RowId> Store::relatedActors(RowId actorRow) {
    auto st = prepare(
        "SELECT to_id FROM relation WHERE from_id = ?1 AND to_id <> ?1 UNION "
        "SELECT from_id FROM relation WHERE to_id = ?1 AND from_id <> ?1 ORDER BY 1");
    st.bind(1, actorRow);
    return detail::rowsOf(st);
}

namespace {

/// The slot of an event from `SELECT e.id, e.day_lo, e.day_hi, e.key, parent, occurred`.
storage::EventSlot sharedSlot(const Statement& st) {
    storage::EventSlot s;
    s.row = st.getInt64(0);
    s.lo = st.isNull(1) ? model::kUndatedDay : st.getInt64(1);
    s.hi = st.isNull(2) ? model::kUndatedDay : st.getInt64(2);
    s.id = st.getString(3);
    s.parentRow = st.getInt64(4);
    s.occurred = st.getInt(5) != 0;
    return s;
}

constexpr std::string_view kSlotColumns =
    "e.id, e.day_lo, e.day_hi, e.key, coalesce(e.parent_id, 0), e.status = 'occurred'";

}  // namespace

std::vector<EventSlot> Store::sharedEvents(RowId a, RowId b) {
    // How the events both took part in are found depends on the sizes of the two lists
    // (counts capped: only which one is much smaller matters): a short list probes the other
    // actor's participations event by event; two long ones (two hubs) are merged, each read in
    // event order from the covering index participation_actor, where probing would cost a
    // look-up per event of a hub.
    auto events = [&](RowId actor) {
        auto c = prepare(
            "SELECT count(*) FROM (SELECT 1 FROM participation WHERE actor_id = ? LIMIT 4096)");
        c.bind(1, actor);
        return detail::scalarOf(c);
    };
    auto na = events(a), nb = events(b);
    if (nb < na) {
        std::swap(a, b);
        std::swap(na, nb);
    }
    std::vector<EventSlot> out;
    if (na < 512 || na * 16 < nb) {
        auto st = prepare("SELECT DISTINCT " + std::string(kSlotColumns) +
                          " FROM participation p CROSS JOIN participation q ON q.event_id = "
                          "p.event_id JOIN event e ON e.id = p.event_id WHERE p.actor_id = ?1 AND "
                          "q.actor_id = ?2");
        st.bind(1, a).bind(2, b);
        while (st.step()) out.push_back(sharedSlot(st));
        return out;
    }
    auto list = [&](RowId actor) {
        auto st = prepare(
            "SELECT DISTINCT event_id FROM participation WHERE actor_id = ? ORDER BY event_id");
        st.bind(1, actor);
        return detail::rowsOf(st);
    };
    const auto x = list(a), y = list(b);
    std::vector<RowId> both;
    std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(both));
    if (both.empty()) return out;
    auto st = prepare("SELECT " + std::string(kSlotColumns) + " FROM event e WHERE e.id" +
                      std::string(detail::kInList));
    st.bind(1, detail::jsonArrayOf(both));
    while (st.step()) out.push_back(sharedSlot(st));
    return out;
}

void Store::forEachStoredMeeting(std::optional<model::DayNumber> day, RowId upTo,
                                 const std::function<void(const StoredMeeting&)>& fn) {
    // By day through event_start; the whole table only when the import groups across days.
    const std::string dayFilter = day ? "e.start_lo = ?2 AND e.start_hi = ?2 AND " : "";
    auto st = prepare(
        "SELECT e.id, min(p.actor_id), max(p.actor_id), e.cameo FROM event e JOIN participation "
        "p ON p.event_id = e.id WHERE " +
        dayFilter +
        "e.id <= ?1 AND e.meeting_id IS NULL AND e.cameo IS NOT NULL GROUP BY e.id, e.cameo "
        "HAVING count(*) = 2 ORDER BY e.id");
    st.bind(1, upTo);
    if (day) st.bind(2, static_cast<std::int64_t>(*day));
    StoredMeeting m;
    while (st.step()) {
        m.event = st.getInt64(0);
        m.a = st.getInt64(1);
        m.b = st.getInt64(2);
        m.cameo = st.getString(3);
        fn(m);
    }
}

std::optional<std::pair<std::string, model::RelationKind>> Store::relationBetween(RowId a,
                                                                                  RowId b) {
    auto st = prepare(
        "SELECT key, kind FROM relation WHERE (from_id = ?1 AND to_id = ?2) OR "
        "(from_id = ?2 AND to_id = ?1) ORDER BY key LIMIT 1");
    st.bind(1, a).bind(2, b);
    std::optional<std::pair<std::string, model::RelationKind>> out;
    if (st.step()) {
        out.emplace(st.getString(0),
                    detail::enumOr(st.getText(1), model::RelationKind::AffiliatedWith));
    }
    st.reset();
    return out;
}

std::vector<std::pair<RowId, RowId>> Store::relationEnds(model::RelationKind kind) {
    auto st = prepare("SELECT from_id, to_id FROM relation WHERE kind = ? ORDER BY id");
    st.bind(1, model::toString(kind));
    std::vector<std::pair<RowId, RowId>> out;
    while (st.step()) out.emplace_back(st.getInt64(0), st.getInt64(1));
    st.reset();
    return out;
}

}  // namespace bilateral::sqlite
