// Look-ups for one actor, pair or post: each runs through an index (schema version 2 keeps the
// tables they need at import), so its cost grows with the answer, not with the database.

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "derived.hpp"
#include "store_impl.hpp"

namespace bilateral::store {
namespace {

template <class Enum>
Enum enumOf(std::string_view text, Enum fallback) {
    if (auto v = model::parse<Enum>(text)) return *v;
    return fallback;
}

std::optional<model::Date> dateAt(const Statement& st, int lo, int prec) {
    if (st.isNull(lo)) return std::nullopt;
    return model::Date::fromStored(static_cast<model::DayNumber>(st.getInt64(lo)),
                                   static_cast<model::Precision>(st.getInt(prec)));
}

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

/// Binds the filter as ?2 kinds, ?3 occurred only, ?4 from, ?5 to (see kFilterSql).
void bindFilter(Statement& st, const EventFilter& f) {
    st.bind(2, kindList(f.kinds)).bind(3, f.occurredOnly ? 1 : 0);
    if (f.from)
        st.bind(4, static_cast<std::int64_t>(*f.from));
    else
        st.bindNull(4);
    if (f.to)
        st.bind(5, static_cast<std::int64_t>(*f.to));
    else
        st.bindNull(5);
}

// The filter on an event `e` of the query, parameters ?2..?5.
#define BILATERAL_FILTER_SQL                                \
    " AND (?2 = '' OR instr(?2, ',' || e.kind || ',') > 0)" \
    " AND (?3 = 0 OR e.status = 'occurred')"                \
    " AND (?4 IS NULL OR e.day_hi >= ?4) AND (?5 IS NULL OR e.day_lo <= ?5)"

#define BILATERAL_EVENT_COLS                                                                   \
    "e.id, e.key, e.kind, e.title, e.status, e.start_lo, e.start_prec, e.end_lo, e.end_prec, " \
    "coalesce(e.parent_id, 0), coalesce(e.cameo, ''), e.day_lo, e.day_hi, "                    \
    "coalesce(e.location, ''), coalesce(e.place_country, ''), coalesce(e.meeting_id, 0), "     \
    "e.notes"

/// An EventRecord from BILATERAL_EVENT_COLS starting at column `c`.
EventRecord eventAt(const Statement& st, int c) {
    EventRecord e;
    e.row = st.getInt64(c);
    e.id = st.getString(c + 1);
    e.kind = enumOf(st.getText(c + 2), model::EventKind::CodedEvent);
    e.title = st.getString(c + 3);
    e.status = enumOf(st.getText(c + 4), model::EventStatus::Occurred);
    e.start = dateAt(st, c + 5, c + 6);
    e.end = dateAt(st, c + 7, c + 8);
    e.parentRow = st.getInt64(c + 9);
    e.cameo = st.getString(c + 10);
    if (!st.isNull(c + 11)) {
        e.dayLo = static_cast<model::DayNumber>(st.getInt64(c + 11));
        e.dayHi = static_cast<model::DayNumber>(st.getInt64(c + 12));
    }
    e.location = st.getString(c + 13);
    e.placeCountry = st.getString(c + 14);
    e.meetingRow = st.getInt64(c + 15);
    e.notes = static_cast<std::uint8_t>(st.getInt64(c + 16));
    return e;
}

ActorRecord actorAt(const Statement& st, int c) {
    ActorRecord a;
    a.row = st.getInt64(c);
    a.id = st.getString(c + 1);
    a.name = st.getString(c + 2);
    a.kind = enumOf(st.getText(c + 3), model::ActorKind::Person);
    a.country = st.getString(c + 4);
    return a;
}

constexpr std::string_view kActorCols = "a.id, a.key, a.name, a.kind, coalesce(a.country, '')";

/// Row ids as a JSON array, bound to `IN (SELECT value FROM json_each(?))`.
std::string jsonArrayOf(std::span<const std::int64_t> rows) {
    std::string out = "[";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i != 0) out += ',';
        out += std::to_string(rows[i]);
    }
    return out + ']';
}

std::vector<std::int64_t> rowsOf(Statement st) {
    std::vector<std::int64_t> out;
    while (st.step()) out.push_back(st.getInt64(0));
    return out;
}

}  // namespace

std::optional<ActorRecord> Store::actorRecord(std::string_view id) {
    auto st = prepare("SELECT " + std::string(kActorCols) + " FROM actor a WHERE a.key = ?");
    st.bind(1, id);
    std::optional<ActorRecord> out;
    if (st.step()) out = actorAt(st, 0);
    st.reset();
    return out;
}

ActorRecord Store::actorRecordAt(std::int64_t row) {
    auto st = prepare("SELECT " + std::string(kActorCols) + " FROM actor a WHERE a.id = ?");
    st.bind(1, row);
    if (!st.step()) throw StorageError("no actor row " + std::to_string(row));
    auto a = actorAt(st, 0);
    st.reset();
    return a;
}

EventRecord Store::eventRecordAt(std::int64_t row) {
    auto st = prepare("SELECT " BILATERAL_EVENT_COLS " FROM event e WHERE e.id = ?");
    st.bind(1, row);
    if (!st.step()) throw StorageError("no event row " + std::to_string(row));
    auto e = eventAt(st, 0);
    st.reset();
    return e;
}

std::vector<ParticipantRecord> Store::participantsAt(std::int64_t eventRow) {
    std::vector<ParticipantRecord> out;
    std::vector<std::int64_t> rows;
    {
        auto st = prepare("SELECT " + std::string(kActorCols) +
                          ", p.role, p.id FROM participation p JOIN actor a ON a.id = p.actor_id "
                          "WHERE p.event_id = ? ORDER BY p.id");
        st.bind(1, eventRow);
        while (st.step()) {
            ParticipantRecord p;
            p.actor = actorAt(st, 0);
            p.role = enumOf(st.getText(5), model::Role::Attendee);
            out.push_back(std::move(p));
            rows.push_back(st.getInt64(6));
        }
    }
    // [attested] What each participation rests on.
    auto st = prepare(
        "SELECT v.participation_id, v.basis, v.confidence FROM participation p "
        "JOIN evidence v ON v.participation_id = p.id WHERE p.event_id = ?");
    st.bind(1, eventRow);
    while (st.step()) {
        const auto at = std::find(rows.begin(), rows.end(), st.getInt64(0));
        if (at == rows.end()) continue;
        out[static_cast<std::size_t>(at - rows.begin())].support.add(
            enumOf(st.getText(1), model::Basis::Stated),
            st.isNull(2) ? std::nullopt : std::optional<double>(st.getDouble(2)));
    }
    return out;
}

model::Support Store::eventSupport(std::int64_t eventRow) {
    auto st = prepare("SELECT basis, confidence FROM evidence WHERE event_id = ?");
    st.bind(1, eventRow);
    model::Support s;
    while (st.step()) {
        s.add(enumOf(st.getText(0), model::Basis::Stated),
              st.isNull(1) ? std::nullopt : std::optional<double>(st.getDouble(1)));
    }
    return s;
}

std::int64_t Store::eventEvidenceCount(std::int64_t eventRow) {
    auto st = prepare("SELECT count(*) FROM evidence WHERE event_id = ?");
    st.bind(1, eventRow);
    st.step();
    const auto n = st.getInt64(0);
    st.reset();
    return n;
}

void Store::forEachParticipationAlongside(
    std::int64_t actorRow, const EventFilter& filter,
    const std::function<void(const SidedParticipation&, const EventRecord&)>& fn) {
    // The side rule of model::ownSide, in SQL: the stated side, else a bloc's id, else the
    // actor's country.
    auto st = prepare(
        "SELECT q.actor_id, q.role, coalesce(q.side, CASE WHEN a.kind = 'bloc' THEN a.key "
        "ELSE a.country END), " BILATERAL_EVENT_COLS
        " FROM participation p JOIN event e ON e.id = p.event_id "
        "JOIN participation q ON q.event_id = p.event_id JOIN actor a ON a.id = q.actor_id "
        "WHERE p.actor_id = ?1" BILATERAL_FILTER_SQL " ORDER BY p.event_id");
    st.bind(1, actorRow);
    bindFilter(st, filter);
    SidedParticipation q;
    while (st.step()) {
        q.actor = st.getInt64(0);
        q.role = enumOf(st.getText(1), model::Role::Attendee);
        q.side = st.isNull(2) ? std::string() : st.getString(2);
        fn(q, eventAt(st, 3));
    }
}

std::vector<EventDetails> Store::eventsOfActor(std::int64_t actorRow, const EventFilter& filter) {
    // The actor's participations from the covering index, in event order, each event's row read
    // once (an actor with two roles in an event gives its row twice in a row: kept once).
    auto st = prepare("SELECT " BILATERAL_EVENT_COLS
                      " FROM participation p JOIN event e ON "
                      "e.id = p.event_id WHERE p.actor_id = ?1" BILATERAL_FILTER_SQL
                      " ORDER BY p.event_id");
    st.bind(1, actorRow);
    bindFilter(st, filter);
    std::vector<EventDetails> out;
    {
        // Room for all of them (an upper bound, from the covering index's pages the statement
        // reads next): a record moved at each growth costs more than the count.
        auto n = prepare("SELECT count(*) FROM participation WHERE actor_id = ?1");
        n.bind(1, actorRow);
        n.step();
        out.reserve(static_cast<std::size_t>(n.getInt64(0)));
        n.reset();
    }
    while (st.step()) {
        if (!out.empty() && out.back().record.row == st.getInt64(0)) continue;
        out.push_back(EventDetails{eventAt(st, 0), 0, {}, {}, {}});
    }
    return out;
}

namespace {

// The events of a country (b = '') or a pair in event_scope, filtered; parameters ?1 the second
// code, ?2..?5 the filter (bindFilter), ?6 the first code. Only kinds and status need the event.
#define BILATERAL_SCOPE_WHERE                                                                    \
    " WHERE s.a = ?6 AND s.b = ?1 AND (?5 IS NULL OR s.lo <= ?5) AND (?4 IS NULL OR s.hi >= ?4)" \
    " AND (?4 IS NULL AND ?5 IS NULL OR s.lo <> 2147483647)"
#define BILATERAL_SCOPE_EVENT_FILTER \
    " AND (?2 = '' OR instr(?2, ',' || e.kind || ',') > 0) AND (?3 = 0 OR e.status = 'occurred')"

constexpr std::string_view kScopeRowsByEvent =
    "SELECT s.event_id, s.lo, s.hi, e.key, s.rule, coalesce(e.parent_id, 0) FROM event_scope s "
    "JOIN event e ON e.id = s.event_id" BILATERAL_SCOPE_WHERE BILATERAL_SCOPE_EVENT_FILTER
    " ORDER BY s.lo, s.hi";
constexpr std::string_view kScopeCountByEvent =
    "SELECT count(*) FROM event_scope s JOIN event e ON e.id = s.event_id" BILATERAL_SCOPE_WHERE
        BILATERAL_SCOPE_EVENT_FILTER;
constexpr std::string_view kScopeCount =
    "SELECT count(*) FROM event_scope s" BILATERAL_SCOPE_WHERE " AND ?2 = ?2 AND ?3 = ?3";

}  // namespace

Statement Store::scopedStatement(std::string_view a, std::string_view b, const EventFilter& filter,
                                 bool count) {
    // The pair is stored in code order; the index gives day order.
    std::string x(a), y(b);
    if (!y.empty() && y < x) std::swap(x, y);
    const bool needEvent = !filter.kinds.empty() || filter.occurredOnly;
    // Rows are read with their event's id (the tie-break of timeline order), in the same
    // statement: the listing reads those events next anyway.
    auto st = prepare(count ? (needEvent ? kScopeCountByEvent : kScopeCount) : kScopeRowsByEvent);
    st.bind(1, y);
    bindFilter(st, filter);
    st.bind(6, x);
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
    if (!filter.from && !filter.to && filter.kinds.empty() && !filter.occurredOnly) {
        std::string x(a), y(b);
        if (!y.empty() && y < x) std::swap(x, y);
        auto st = prepare("SELECT n FROM scope_count WHERE a = ?1 AND b = ?2");
        st.bind(1, x).bind(2, y);
        const auto n = st.step() ? st.getInt64(0) : 0;
        st.reset();
        return n;
    }
    auto st = scopedStatement(a, b, filter, true);
    st.step();
    const auto n = st.getInt64(0);
    st.reset();
    return n;
}

std::vector<std::string> Store::actorAliasesAt(std::int64_t row) {
    auto st = prepare("SELECT alias FROM actor_alias WHERE actor_id = ?1 ORDER BY alias");
    st.bind(1, row);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.getString(0));
    return out;
}

namespace {
// ?1 actor row, ?2 kind or NULL, ?3 / ?4 first and last day asked or NULL.
constexpr std::string_view kTouching =
    "SELECT key FROM relation WHERE from_id = ?1 AND (?2 IS NULL OR kind = ?2) "
    "AND (?3 IS NULL OR valid_from_lo IS NULL OR valid_from_lo <= ?4) "
    "AND (?3 IS NULL OR valid_to_hi IS NULL OR valid_to_hi >= ?3) UNION "
    "SELECT key FROM relation WHERE to_id = ?1 AND (?2 IS NULL OR kind = ?2) "
    "AND (?3 IS NULL OR valid_from_lo IS NULL OR valid_from_lo <= ?4) "
    "AND (?3 IS NULL OR valid_to_hi IS NULL OR valid_to_hi >= ?3)";
constexpr std::string_view kTenures =
    "SELECT key FROM relation WHERE to_id = ?1 AND kind = ?2 "
    "AND (?3 IS NULL OR valid_from_lo IS NULL OR valid_from_lo <= ?4) "
    "AND (?3 IS NULL OR valid_to_hi IS NULL OR valid_to_hi >= ?3)";

std::vector<std::string> relationKeys(Store& store, std::string_view sql, std::int64_t row,
                                      std::optional<model::RelationKind> kind,
                                      std::optional<model::DayNumber> from,
                                      std::optional<model::DayNumber> to) {
    auto st = detail::prepare(store, sql);
    st.bind(1, row);
    if (kind)
        st.bind(2, model::toString(*kind));
    else
        st.bindNull(2);
    if (from && to)
        st.bind(3, static_cast<std::int64_t>(*from)).bind(4, static_cast<std::int64_t>(*to));
    else
        st.bindNull(3).bindNull(4);
    std::vector<std::string> keys;
    while (st.step()) keys.push_back(st.getString(0));
    return keys;
}
}  // namespace

std::vector<std::string> Store::relationIdsTouching(std::int64_t actorRow,
                                                    std::optional<model::RelationKind> kind,
                                                    std::optional<model::DayNumber> from,
                                                    std::optional<model::DayNumber> to) {
    return relationKeys(*this, kTouching, actorRow, kind, from, to);
}

std::vector<std::string> Store::tenureIdsOf(std::int64_t postRow,
                                            std::optional<model::DayNumber> from,
                                            std::optional<model::DayNumber> to) {
    return relationKeys(*this, kTenures, postRow, model::RelationKind::HoldsPost, from, to);
}

std::int64_t Store::maxEventRow() {
    auto st = prepare("SELECT coalesce(max(id), 0) FROM event");
    st.step();
    const auto n = st.getInt64(0);
    st.reset();
    return n;
}

bool Store::hasCountry(std::string_view code) {
    // [places] an actor's country, or an event's place's
    auto st = prepare(
        "SELECT 1 FROM actor WHERE country = ?1 UNION ALL "
        "SELECT 1 FROM event WHERE place_country = ?1 LIMIT 1");
    st.bind(1, code);
    const bool found = st.step();
    st.reset();
    return found;
}

std::vector<std::int64_t> Store::linkedActors(std::int64_t actorRow) {
    auto st = prepare("SELECT other_id FROM actor_link WHERE actor_id = ? ORDER BY other_id");
    st.bind(1, actorRow);
    return rowsOf(st);
}

void Store::forEachLinkedActor(std::int64_t actorRow, const std::function<bool(std::int64_t)>& fn) {
    auto st = prepare("SELECT other_id FROM actor_link WHERE actor_id = ? ORDER BY other_id");
    st.bind(1, actorRow);
    while (st.step()) {
        if (!fn(st.getInt64(0))) break;
    }
    st.reset();
}

std::int64_t Store::linkedActorCount(std::int64_t actorRow) {
    auto st = prepare("SELECT count(*) FROM actor_link WHERE actor_id = ?");
    st.bind(1, actorRow);
    st.step();
    const auto n = st.getInt64(0);
    st.reset();
    return n;
}

std::vector<std::int64_t> Store::relatedActors(std::int64_t actorRow) {
    auto st = prepare(
        "SELECT to_id FROM relation WHERE from_id = ?1 AND to_id <> ?1 UNION "
        "SELECT from_id FROM relation WHERE to_id = ?1 AND from_id <> ?1 ORDER BY 1");
    st.bind(1, actorRow);
    return rowsOf(st);
}

std::optional<std::int64_t> Store::sharedEvent(std::int64_t a, std::int64_t b) {
    // The events both took part in, then the best of them by one ordered statement. How they
    // are found depends on the sizes of the two lists (counts capped: only which one is much
    // smaller matters): a short list probes the other actor's participations event by event;
    // two long ones (two hubs) are merged, each read in event order from the covering index
    // participation_actor, where probing would cost a look-up per event of a hub.
    auto events = [&](std::int64_t actor) {
        auto c = prepare(
            "SELECT count(*) FROM (SELECT 1 FROM participation WHERE actor_id = ? LIMIT 4096)");
        c.bind(1, actor);
        c.step();
        const auto n = c.getInt64(0);
        c.reset();
        return n;
    };
    auto na = events(a), nb = events(b);
    if (nb < na) {
        std::swap(a, b);
        std::swap(na, nb);
    }
    constexpr std::string_view kBest =
        " ORDER BY e.status <> 'occurred', coalesce(e.day_lo, 2147483647), "
        "coalesce(e.day_hi, 2147483647), length(e.key), e.key LIMIT 1";
    std::optional<std::int64_t> out;
    if (na < 512 || na * 16 < nb) {
        auto st = prepare(
            "SELECT e.id FROM participation p CROSS JOIN participation q ON q.event_id = "
            "p.event_id JOIN event e ON e.id = p.event_id WHERE p.actor_id = ?1 AND "
            "q.actor_id = ?2" +
            std::string(kBest));
        st.bind(1, a).bind(2, b);
        if (st.step()) out = st.getInt64(0);
        st.reset();
        return out;
    }
    auto list = [&](std::int64_t actor) {
        auto st = prepare(
            "SELECT DISTINCT event_id FROM participation WHERE actor_id = ? ORDER BY event_id");
        st.bind(1, actor);
        return rowsOf(st);
    };
    const auto x = list(a), y = list(b);
    std::vector<std::int64_t> both;
    std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(both));
    if (both.empty()) return out;
    auto st = prepare("SELECT e.id FROM event e WHERE e.id IN (SELECT value FROM json_each(?1))" +
                      std::string(kBest));
    st.bind(1, jsonArrayOf(both));
    if (st.step()) out = st.getInt64(0);
    st.reset();
    return out;
}

std::optional<std::pair<std::string, model::RelationKind>> Store::relationBetween(std::int64_t a,
                                                                                  std::int64_t b) {
    auto st = prepare(
        "SELECT key, kind FROM relation WHERE (from_id = ?1 AND to_id = ?2) OR "
        "(from_id = ?2 AND to_id = ?1) ORDER BY key LIMIT 1");
    st.bind(1, a).bind(2, b);
    std::optional<std::pair<std::string, model::RelationKind>> out;
    if (st.step()) {
        out.emplace(st.getString(0), enumOf(st.getText(1), model::RelationKind::AffiliatedWith));
    }
    st.reset();
    return out;
}

std::vector<EventDetails> Store::eventDetails(std::span<const std::int64_t> rows,
                                              ParticipantsRead participants, bool links) {
    std::vector<EventDetails> out(rows.size());
    if (rows.empty()) return out;
    // The rows as one bound JSON array: `IN (SELECT value FROM json_each(?1))` looks each up
    // through the same index a single-row statement would use.
    std::unordered_map<std::int64_t, std::vector<std::size_t>> at;  // a row may repeat
    for (std::size_t i = 0; i < rows.size(); ++i) at[rows[i]].push_back(i);
    auto st = prepare("SELECT " BILATERAL_EVENT_COLS
                      " FROM event e WHERE e.id IN "
                      "(SELECT value FROM json_each(?1))");
    st.bind(1, jsonArrayOf(rows));
    while (st.step()) {
        auto e = eventAt(st, 0);
        for (const auto i : at.at(e.row)) out[i].record = e;
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (out[i].record.row != rows[i])
            throw StorageError("no event row " + std::to_string(rows[i]));
    }
    fillEventDetails(out, participants, links);
    return out;
}

void Store::fillEventDetails(std::span<EventDetails> out, ParticipantsRead participants,
                             bool links) {
    if (out.empty()) return;
    // Where each row's details go, sorted by row (a row may repeat): rows of the statements'
    // results are found by binary search.
    std::vector<std::pair<std::int64_t, std::size_t>> at(out.size());
    // [notes] Which events have evidence, participations with evidence, links: only those are
    // looked up (event files' events have none of the three).
    std::vector<std::int64_t> all, withEvidence, withPartEvidence, withLinks;
    all.reserve(out.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto& e = out[i].record;
        at[i] = {e.row, i};
        all.push_back(e.row);
        if (e.notes & 1) withEvidence.push_back(e.row);
        if (e.notes & 2) withPartEvidence.push_back(e.row);
        if (e.notes & 4) withLinks.push_back(e.row);
    }
    const bool readsParticipants =
        participants == ParticipantsRead::All ||
        (participants == ParticipantsRead::WithEvidence && !withPartEvidence.empty());
    if (withEvidence.empty() && !readsParticipants && (!links || withLinks.empty())) return;
    std::sort(at.begin(), at.end());
    const auto each = [&at, &out](std::int64_t row, auto&& fn) {
        auto it =
            std::lower_bound(at.begin(), at.end(), std::pair<std::int64_t, std::size_t>{row, 0});
        for (; it != at.end() && it->first == row; ++it) fn(out[it->second]);
    };
    constexpr auto kIn = " IN (SELECT value FROM json_each(?1))";
    if (!withEvidence.empty()) {
        auto st = prepare(std::string("SELECT event_id, basis, confidence FROM evidence WHERE "
                                      "event_id") +
                          kIn);
        st.bind(1, jsonArrayOf(withEvidence));
        while (st.step()) {
            const auto basis = enumOf(st.getText(1), model::Basis::Stated);
            const auto confidence =
                st.isNull(2) ? std::nullopt : std::optional<double>(st.getDouble(2));
            each(st.getInt64(0), [&](EventDetails& d) {
                ++d.evidence;
                d.support.add(basis, confidence);
            });
        }
    }
    if (participants != ParticipantsRead::None) {
        // The participations' evidence first: with WithEvidence, only the events that have some
        // need their participants read.
        struct Found {
            std::int64_t participation;
            model::Basis basis;
            std::optional<double> confidence;
        };
        std::unordered_map<std::int64_t, std::vector<Found>> evidenceOf;  // by event row
        if (!withPartEvidence.empty()) {
            auto st = prepare(
                "SELECT p.event_id, v.participation_id, v.basis, v.confidence FROM "
                "participation p JOIN evidence v ON v.participation_id = p.id WHERE "
                "p.event_id" +
                std::string(kIn));
            st.bind(1, jsonArrayOf(withPartEvidence));
            while (st.step()) {
                evidenceOf[st.getInt64(0)].push_back(
                    {st.getInt64(1), enumOf(st.getText(2), model::Basis::Stated),
                     st.isNull(3) ? std::nullopt : std::optional<double>(st.getDouble(3))});
            }
        }
        std::vector<std::int64_t> which;
        if (participants == ParticipantsRead::WithEvidence) {
            which.reserve(evidenceOf.size());
            for (const auto& entry : evidenceOf) which.push_back(entry.first);
        } else {
            which = std::move(all);
        }
        std::unordered_map<std::int64_t, std::pair<std::int64_t, std::size_t>> byParticipation;
        if (!which.empty()) {
            auto st = prepare("SELECT p.event_id, " + std::string(kActorCols) +
                              ", p.role, p.id FROM participation p JOIN actor a ON a.id = "
                              "p.actor_id WHERE p.event_id" +
                              kIn + " ORDER BY p.event_id, p.id");
            st.bind(1, jsonArrayOf(which));
            while (st.step()) {
                const auto event = st.getInt64(0);
                ParticipantRecord p;
                p.actor = actorAt(st, 1);
                p.role = enumOf(st.getText(6), model::Role::Attendee);
                const auto participation = st.getInt64(7);
                each(event, [&](EventDetails& d) {
                    byParticipation[participation] = {event, d.participants.size()};
                    d.participants.push_back(p);
                });
            }
        }
        for (const auto& entry : evidenceOf) {
            for (const auto& f : entry.second) {
                const auto it = byParticipation.find(f.participation);
                if (it == byParticipation.end()) continue;
                const auto index = it->second.second;
                each(entry.first, [&](EventDetails& d) {
                    d.participants[index].support.add(f.basis, f.confidence);
                });
            }
        }
    }
    if (links && !withLinks.empty()) {
        auto st = prepare(
            std::string(
                "SELECT l.from_id, l.key, l.kind, 1, t.id, t.key, t.title FROM event_link l "
                "JOIN event t ON t.id = l.to_id WHERE l.from_id") +
            kIn +
            " UNION ALL SELECT l.to_id, l.key, l.kind, 0, f.id, f.key, f.title FROM event_link l "
            "JOIN event f ON f.id = l.from_id WHERE l.to_id" +
            kIn + " ORDER BY 1, 4 DESC, 3, 6");
        st.bind(1, jsonArrayOf(withLinks));
        while (st.step()) {
            EventLinkRecord r;
            r.id = st.getString(1);
            r.kind = enumOf(st.getText(2), model::EventLinkKind::LeadsTo);
            r.outgoing = st.getInt(3) != 0;
            r.otherRow = st.getInt64(4);
            r.otherId = st.getString(5);
            r.otherTitle = st.getString(6);
            each(st.getInt64(0), [&r](EventDetails& d) { d.links.push_back(r); });
        }
    }
}

std::vector<int> Store::eventDepths(std::span<const std::int64_t> rows) {
    std::vector<int> out(rows.size(), 0);
    if (rows.empty()) return out;
    const auto list = jsonArrayOf(rows);
    // Only events with a parent start a walk up; the others stay at 0.
    auto st = prepare(
        "WITH RECURSIVE up(start, id, d) AS (SELECT e.id, e.parent_id, 1 FROM event e WHERE e.id "
        "IN (SELECT value FROM json_each(?1)) AND e.parent_id IS NOT NULL UNION ALL SELECT "
        "up.start, e.parent_id, up.d + 1 FROM event e JOIN up ON e.id = up.id WHERE e.parent_id "
        "IS NOT NULL AND up.d < 64) SELECT start, max(d) FROM up GROUP BY start");
    st.bind(1, list);
    std::unordered_map<std::int64_t, int> depth;
    while (st.step()) depth.emplace(st.getInt64(0), st.getInt(1));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (const auto it = depth.find(rows[i]); it != depth.end()) out[i] = it->second;
    }
    return out;
}

}  // namespace bilateral::store
