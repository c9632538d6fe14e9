// Look-ups by id and by handle, one or a page at a time; relations of one actor or post;
// adjacency; name search (as the SQLite engine's store_lookup.cpp and store_adjacency.cpp).

#include <algorithm>
#include <unordered_map>

#include "storage/postgres/search.hpp"
#include "storage/postgres/store_impl.hpp"

namespace bilateral::storage::postgres {

using detail::actorAt;
using detail::eventAt;
using detail::kActorColumns;
using detail::kEventColumns;

namespace {

std::optional<RowId> lookupRow(Store& s, std::string_view sql, std::string_view id) {
    const auto r = s.q(sql, Params().text(id));
    if (r.rows() == 0) return std::nullopt;
    return r.int64(0, 0);
}

/// The records of `rows` read by `sql` ($1 the rows), in the order of `rows`; a handle the
/// statement did not give is a StorageError naming `what`.
template <class Record, class At>
std::vector<Record> recordsAt(Store& s, const std::string& sql, std::span<const RowId> rows, At at,
                              std::string_view what) {
    std::vector<Record> out(rows.size());
    if (rows.empty()) return out;
    std::unordered_map<RowId, std::vector<std::size_t>> where;  // a row may repeat
    for (std::size_t i = 0; i < rows.size(); ++i) where[rows[i]].push_back(i);
    const auto r = s.q(sql, Params().text(detail::bigintArray(rows)));
    for (int i = 0; i < r.rows(); ++i) {
        auto rec = at(r, i, 0);
        for (const auto k : where.at(rec.row)) out[k] = rec;
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (out[i].row != rows[i])
            throw StorageError("no " + std::string(what) + " row " + std::to_string(rows[i]));
    }
    return out;
}

// $1 actor row, $2 kind or NULL, $3 / $4 first and last day asked or NULL.
constexpr std::string_view kWindow =
    " AND ($3::integer IS NULL OR valid_from_lo IS NULL OR valid_from_lo <= $4::integer)"
    " AND ($3::integer IS NULL OR valid_to_hi IS NULL OR valid_to_hi >= $3::integer)";

std::vector<std::string> relationKeys(Store& s, const std::string& sql, RowId row,
                                      std::optional<std::string_view> kind,
                                      std::optional<model::DayNumber> from,
                                      std::optional<model::DayNumber> to) {
    Params p;
    p.int64(row).optional(kind);
    if (from && to)
        p.int64(*from).int64(*to);
    else
        p.null().null();
    const auto r = s.q(sql, p);
    std::vector<std::string> keys;
    for (int i = 0; i < r.rows(); ++i) keys.push_back(detail::textAt(r, i, 0));
    return keys;
}

}  // namespace

std::optional<RowId> Store::sourceRow(std::string_view id) {
    return lookupRow(*this, "SELECT id FROM source WHERE key = $1", id);
}
std::optional<RowId> Store::actorRow(std::string_view id) {
    if (s_->loader) {
        if (auto staged = s_->loader->stagedActor(id)) return staged;
    }
    return lookupRow(*this, "SELECT id FROM actor WHERE key = $1", id);
}
std::optional<RowId> Store::eventRow(std::string_view id) {
    return lookupRow(*this, "SELECT id FROM event_key WHERE key = $1", id);
}
std::optional<RowId> Store::relationRow(std::string_view id) {
    return lookupRow(*this, "SELECT id FROM relation WHERE key = $1", id);
}
std::optional<RowId> Store::eventLinkRow(std::string_view id) {
    return lookupRow(*this, "SELECT id FROM event_link WHERE key = $1", id);
}
RowId Store::maxEventRow() {
    return detail::scalarOf(x("SELECT coalesce(max(id), 0) FROM event"));
}

std::optional<ActorRecord> Store::actorRecord(std::string_view id) {
    const auto r =
        q("SELECT " + kActorColumns + " FROM actor a WHERE a.key = $1", Params().text(id));
    if (r.rows() == 0) return std::nullopt;
    return actorAt(r, 0, 0);
}

std::vector<ActorRecord> Store::actorRecords(std::span<const RowId> rows) {
    return recordsAt<ActorRecord>(
        *this, "SELECT " + kActorColumns + " FROM actor a WHERE a.id = ANY($1::bigint[])", rows,
        actorAt, "actor");
}

std::vector<EventRecord> Store::eventRecords(std::span<const RowId> rows) {
    return recordsAt<EventRecord>(
        *this, "SELECT " + kEventColumns + " FROM event e WHERE e.id = ANY($1::bigint[])", rows,
        eventAt, "event");
}

std::vector<std::string> Store::actorAliases(RowId row) {
    const auto r =
        q("SELECT alias FROM actor_alias WHERE actor_id = $1 ORDER BY alias", Params().int64(row));
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(detail::textAt(r, i, 0));
    return out;
}

std::vector<std::string> Store::relationIdsTouching(RowId actorRow,
                                                    std::optional<model::RelationKind> kind,
                                                    std::optional<model::DayNumber> from,
                                                    std::optional<model::DayNumber> to) {
    const std::string kindTest = " AND ($2::text IS NULL OR kind = $2::text)";
    return relationKeys(
        *this,
        "SELECT key FROM relation WHERE from_id = $1" + kindTest + std::string(kWindow) +
            " UNION SELECT key FROM relation WHERE to_id = $1" + kindTest + std::string(kWindow) +
            " ORDER BY 1",
        actorRow, kind ? std::optional(model::toString(*kind)) : std::nullopt, from, to);
}

std::vector<std::string> Store::tenureIdsOf(RowId postRow, std::optional<model::DayNumber> from,
                                            std::optional<model::DayNumber> to) {
    return relationKeys(*this,
                        "SELECT key FROM relation WHERE to_id = $1 AND kind = $2::text" +
                            std::string(kWindow) + " ORDER BY key",
                        postRow, model::toString(model::RelationKind::HoldsPost), from, to);
}

// [claims] Event keys from event_key, on the coordinator (claim is there too).
std::vector<std::string> Store::claimedEventIds() {
    const auto r =
        x("SELECT key FROM event_key WHERE id IN (SELECT event_id FROM claim WHERE event_id IS NOT "
          "NULL) ORDER BY key");
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(detail::textAt(r, i, 0));
    return out;
}

std::vector<std::string> Store::claimedRelationIds() {
    const auto r = x(
        "SELECT key FROM relation WHERE id IN (SELECT relation_id FROM claim WHERE relation_id IS "
        "NOT NULL) ORDER BY key");
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(detail::textAt(r, i, 0));
    return out;
}

bool Store::hasCountry(std::string_view code) {
    const auto r =
        q("SELECT EXISTS (SELECT 1 FROM actor WHERE country = $1) OR EXISTS (SELECT 1 FROM event "
          "WHERE place_country = $1)",
          Params().text(code));
    return detail::boolAt(r, 0, 0);
}

// --- adjacency -----------------------------------------------------------------------------------

void Store::forEachLinkedActor(RowId actorRow, const std::function<bool(RowId)>& fn) {
    const auto r = q("SELECT other_id FROM actor_link WHERE actor_id = $1 ORDER BY other_id",
                     Params().int64(actorRow));
    for (int i = 0; i < r.rows(); ++i) {
        if (!fn(r.int64(i, 0))) break;
    }
}

std::int64_t Store::linkedActorCount(RowId actorRow) {
    return detail::scalarOf(
        q("SELECT count(*) FROM actor_link WHERE actor_id = $1", Params().int64(actorRow)));
}

std::vector<RowId> Store::relatedActors(RowId actorRow) {
    return detail::rowsOf(
        q("SELECT to_id FROM relation WHERE from_id = $1 AND to_id <> $1 UNION "
          "SELECT from_id FROM relation WHERE to_id = $1 AND from_id <> $1 ORDER BY 1",
          Params().int64(actorRow)));
}

std::vector<EventSlot> Store::sharedEvents(RowId a, RowId b) {
    // One statement: the planner picks probing or merging by its statistics.
    const auto r =
        q("SELECT e.id, e.day_lo, e.day_hi, e.key, coalesce(e.parent_id, 0), e.status = "
          "'occurred' FROM event e WHERE e.id IN (SELECT p.event_id FROM participation p JOIN "
          "participation q ON q.event_id = p.event_id WHERE p.actor_id = $1 AND q.actor_id = $2)",
          Params().int64(a).int64(b));
    std::vector<EventSlot> out;
    for (int i = 0; i < r.rows(); ++i) {
        EventSlot s;
        s.row = r.int64(i, 0);
        s.lo = r.isNull(i, 1) ? model::kUndatedDay : r.int64(i, 1);
        s.hi = r.isNull(i, 2) ? model::kUndatedDay : r.int64(i, 2);
        s.id = detail::textAt(r, i, 3);
        s.parentRow = r.int64(i, 4);
        s.occurred = detail::boolAt(r, i, 5);
        out.push_back(std::move(s));
    }
    return out;
}

void Store::forEachStoredMeeting(std::optional<model::DayNumber> day, RowId upTo,
                                 const std::function<void(const StoredMeeting&)>& fn) {
    const std::string dayFilter = day ? "e.start_lo = $2 AND e.start_hi = $2 AND " : "";
    Params params;
    params.int64(upTo);
    if (day) params.int64(*day);
    const auto r =
        q("SELECT e.id, min(p.actor_id), max(p.actor_id), e.cameo FROM event e JOIN participation "
          "p ON p.event_id = e.id WHERE " +
              dayFilter +
              "e.id <= $1 AND e.meeting_id IS NULL AND e.cameo IS NOT NULL GROUP BY e.id, e.cameo "
              "HAVING count(*) = 2 ORDER BY e.id",
          params);
    StoredMeeting m;
    for (int i = 0; i < r.rows(); ++i) {
        m.event = r.int64(i, 0);
        m.a = r.int64(i, 1);
        m.b = r.int64(i, 2);
        m.cameo = detail::textAt(r, i, 3);
        fn(m);
    }
}

std::optional<std::pair<std::string, model::RelationKind>> Store::relationBetween(RowId a,
                                                                                  RowId b) {
    const auto r =
        q("SELECT key, kind FROM relation WHERE (from_id = $1 AND to_id = $2) OR "
          "(from_id = $2 AND to_id = $1) ORDER BY key LIMIT 1",
          Params().int64(a).int64(b));
    if (r.rows() == 0) return std::nullopt;
    return std::pair{detail::textAt(r, 0, 0),
                     detail::enumOr(r.text(0, 1), model::RelationKind::AffiliatedWith)};
}

// [identity]
std::vector<std::pair<RowId, RowId>> Store::relationEnds(model::RelationKind kind) {
    const auto r = q("SELECT from_id, to_id FROM relation WHERE kind = $1 ORDER BY id",
                     Params().text(model::toString(kind)));
    std::vector<std::pair<RowId, RowId>> out;
    for (int i = 0; i < r.rows(); ++i) out.emplace_back(r.int64(i, 0), r.int64(i, 1));
    return out;
}

// --- names ---------------------------------------------------------------------------------------

std::vector<std::string> Store::searchTokens(std::string_view text) {
    return s_->rules.searchText(text).tokens;
}

std::vector<NameMatch> Store::searchNames(std::span<const std::string> tokens, NameSearch how) {
    const bool prefix = how == NameSearch::Prefix;
    const std::vector<std::string> all(tokens.begin(), tokens.end());
    if (s_->interrupted.load()) throw StorageError(s_->location + ": interrupted");
    std::vector<NameMatch> out;
    for (auto& m : postgres::searchTokens(s_->c, all, /*prefixLast=*/prefix, /*phrase=*/!prefix))
        out.push_back({m.actorRow, std::move(m.text), m.bm25});
    return out;
}

}  // namespace bilateral::storage::postgres
