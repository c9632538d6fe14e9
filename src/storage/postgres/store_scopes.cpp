// An actor's events, and the events of a country or a pair of countries (event_scope, kept at
// import), filtered by window, kinds and status (as the SQLite engine's store_scopes.cpp).

#include "bilateral/rules/sides.hpp"
#include "bilateral/storage/scopes.hpp"
#include "storage/postgres/search.hpp"
#include "storage/postgres/store_impl.hpp"

namespace bilateral::storage::postgres {
namespace {

using detail::eventAt;
using detail::kEventColumns;

/// Binds the filter as $2 kinds (text[], empty: all), $3 occurred only, $4 from, $5 to.
Params& bindFilter(Params& p, const EventFilter& f) {
    std::vector<std::string> kinds;
    for (const auto k : f.kinds) kinds.emplace_back(model::toString(k));
    p.text(textArray(kinds)).int64(f.occurredOnly ? 1 : 0);
    p.optional(f.from ? std::optional<std::int64_t>(*f.from) : std::nullopt);
    return p.optional(f.to ? std::optional<std::int64_t>(*f.to) : std::nullopt);
}

// The filter on an event `e` of the query, parameters $2..$5 (an undated event has no day
// range: NULL days fail either bound).
const std::string kKindStatus =
    " AND (cardinality($2::text[]) = 0 OR e.kind = ANY($2::text[]))"
    " AND ($3::integer = 0 OR e.status = 'occurred')";
const std::string kFilter = kKindStatus +
                            " AND ($4::integer IS NULL OR e.day_hi >= $4::integer)"
                            " AND ($5::integer IS NULL OR e.day_lo <= $5::integer)";

// The events of a country (b = '') or a pair in event_scope, filtered; $1 the second code,
// $2..$5 the filter, $6 the first code, $7 the undated day, $8 participants only.
const std::string kScopeWhere =
    " WHERE s.a = $6 AND s.b = $1 AND ($5::integer IS NULL OR s.lo <= $5::integer) AND "
    "($4::integer IS NULL OR s.hi >= $4::integer) AND ($4::integer IS NULL AND $5::integer IS "
    "NULL OR s.lo <> $7::integer) AND ($8::integer = 0 OR s.rule = 'participants')";

Params scopeParams(std::string_view a, std::string_view b, const EventFilter& filter) {
    const auto [x, y] = storage::scopeKey(a, b);
    Params p;
    p.text(y);
    bindFilter(p, filter);
    p.text(x).int64(model::kUndatedDay).int64(filter.participantsOnly ? 1 : 0);
    return p;
}

}  // namespace

void Store::forEachParticipationAlongside(
    RowId actorRow, const EventFilter& filter,
    const std::function<void(const SidedParticipation&, const EventRecord&)>& fn) {
    Params p;
    p.int64(actorRow);
    bindFilter(p, filter);
    const auto r =
        q("SELECT q.actor_id, q.role, q.side, a.kind, a.key, a.country, " + kEventColumns +
              " FROM participation p JOIN event e ON e.id = p.event_id JOIN "
              "participation q ON q.event_id = p.event_id JOIN actor a ON a.id = "
              "q.actor_id WHERE p.actor_id = $1" +
              kFilter + " ORDER BY p.event_id, p.id, q.actor_id, q.role",
          p);
    SidedParticipation x;
    for (int i = 0; i < r.rows(); ++i) {
        x.actor = r.int64(i, 0);
        x.role = detail::enumOr(r.text(i, 1), model::Role::Attendee);
        const auto side = rules::sideOf(
            r.isNull(i, 2) ? std::nullopt : std::optional<std::string_view>(r.text(i, 2)),
            detail::enumOr(r.text(i, 3), model::ActorKind::Person), r.text(i, 4), r.text(i, 5));
        x.side.assign(side.value_or(std::string_view()));
        fn(x, eventAt(r, i, 6));
    }
}

std::vector<EventDetails> Store::eventsOfActor(RowId actorRow, const EventFilter& filter) {
    Params p;
    p.int64(actorRow);
    bindFilter(p, filter);
    const auto r = q("SELECT " + kEventColumns +
                         " FROM participation p JOIN event e ON e.id = p.event_id WHERE "
                         "p.actor_id = $1" +
                         kFilter + " ORDER BY p.event_id",
                     p);
    std::vector<EventDetails> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        if (!out.empty() && out.back().record.row == r.int64(i, 0)) continue;
        out.push_back(EventDetails{eventAt(r, i, 0), 0, {}, {}, {}, {}});
    }
    return out;
}

void Store::forEachScopedEvent(std::string_view a, std::string_view b, const EventFilter& filter,
                               const std::function<bool(const EventSlot&)>& fn) {
    const auto r =
        q("SELECT s.event_id, s.lo, s.hi, e.key, s.rule, coalesce(e.parent_id, 0) FROM event_scope "
          "s JOIN event e ON e.id = s.event_id" +
              kScopeWhere + kKindStatus + " ORDER BY s.lo, s.hi, s.event_id",
          scopeParams(a, b, filter));
    for (int i = 0; i < r.rows(); ++i) {
        EventSlot slot;
        slot.row = r.int64(i, 0);
        slot.lo = r.int64(i, 1);
        slot.hi = r.int64(i, 2);
        slot.id = detail::textAt(r, i, 3);
        slot.byPlace = r.text(i, 4) == "place";
        slot.parentRow = r.int64(i, 5);
        if (!fn(slot)) break;
    }
}

std::int64_t Store::countScopedEvents(std::string_view a, std::string_view b,
                                      const EventFilter& filter) {
    // [scope-counts] Unfiltered, the count kept at import; else the rows counted.
    if (storage::keepsEveryEvent(filter)) {
        const auto [x, y] = storage::scopeKey(a, b);
        return detail::scalarOf(
            q("SELECT n FROM scope_count WHERE a = $1 AND b = $2", Params().text(x).text(y)));
    }
    const bool needEvent = storage::readsEventColumns(filter);
    return detail::scalarOf(q(needEvent ? "SELECT count(*) FROM event_scope s JOIN event e ON "
                                          "e.id = s.event_id" +
                                              kScopeWhere + kKindStatus
                                        : "SELECT count(*) FROM event_scope s" + kScopeWhere +
                                              " AND $2::text[] IS NOT NULL AND $3::integer IS "
                                              "NOT NULL",
                              scopeParams(a, b, filter)));
}

}  // namespace bilateral::storage::postgres
