// Look-ups of actors and events by handle, one or a page at a time, and of the relations of
// one actor or post: each runs through an index, so its cost grows with the answer, not with
// the database.

#include <algorithm>
#include <unordered_map>

#include "rows.hpp"

namespace bilateral::sqlite {

using detail::actorAt;
using detail::enumOr;
using detail::eventAt;
using detail::kActorColumns;
using detail::kEventColumns;
using detail::kInList;

namespace {

/// The records of `rows` read by `sql` (the row handle in the first column, read by `at`), in
/// the order of `rows`; a handle the statement did not give is a StorageError naming `what`.
template <class Record, class At>
std::vector<Record> recordsAt(Statement st, std::span<const RowId> rows, At at,
                              std::string_view what) {
    std::vector<Record> out(rows.size());
    if (rows.empty()) return out;
    std::unordered_map<RowId, std::vector<std::size_t>> where;  // a row may repeat
    for (std::size_t i = 0; i < rows.size(); ++i) where[rows[i]].push_back(i);
    st.bind(1, detail::jsonArrayOf(rows));
    while (st.step()) {
        auto r = at(st, 0);
        for (const auto i : where.at(r.row)) out[i] = r;
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (out[i].row != rows[i])
            throw StorageError("no " + std::string(what) + " row " + std::to_string(rows[i]));
    }
    return out;
}

}  // namespace

std::optional<ActorRecord> Store::actorRecord(std::string_view id) {
    auto st = prepare("SELECT " + kActorColumns + " FROM actor a WHERE a.key = ?");
    st.bind(1, id);
    std::optional<ActorRecord> out;
    if (st.step()) out = actorAt(st, 0);
    st.reset();
    return out;
}

std::vector<ActorRecord> Store::actorRecords(std::span<const RowId> rows) {
    return recordsAt<ActorRecord>(
        prepare("SELECT " + kActorColumns + " FROM actor a WHERE a.id" + std::string(kInList)),
        rows, actorAt, "actor");
}

std::vector<EventRecord> Store::eventRecords(std::span<const RowId> rows) {
    return recordsAt<EventRecord>(
        prepare("SELECT " + kEventColumns + " FROM event e WHERE e.id" + std::string(kInList)),
        rows, eventAt, "event");
}

ActorRecord Store::actorRecordAt(RowId row) {
    return actorRecords(std::span(&row, 1)).front();
}

EventRecord Store::eventRecordAt(RowId row) {
    return eventRecords(std::span(&row, 1)).front();
}

std::vector<ParticipantRecord> Store::participantsAt(RowId eventRow) {
    std::vector<ParticipantRecord> out;
    std::vector<RowId> rows;
    {
        auto st = prepare("SELECT " + kActorColumns +
                          ", p.role, p.id FROM participation p JOIN actor a ON a.id = p.actor_id "
                          "WHERE p.event_id = ? ORDER BY p.id");
        st.bind(1, eventRow);
        while (st.step()) {
            ParticipantRecord p;
            p.actor = actorAt(st, 0);
            p.role = enumOr(st.getText(5), model::Role::Attendee);
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
            enumOr(st.getText(1), model::Basis::Stated), detail::readConfidence(st, 2));
    }
    return out;
}

model::Support Store::eventSupport(RowId eventRow) {
    auto st = prepare("SELECT basis, confidence FROM evidence WHERE event_id = ?");
    st.bind(1, eventRow);
    model::Support s;
    while (st.step())
        s.add(enumOr(st.getText(0), model::Basis::Stated), detail::readConfidence(st, 1));
    return s;
}

std::int64_t Store::eventEvidenceCount(RowId eventRow) {
    auto st = prepare("SELECT count(*) FROM evidence WHERE event_id = ?");
    st.bind(1, eventRow);
    return detail::scalarOf(st);
}

std::vector<std::string> Store::actorAliases(RowId row) {
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
    "AND (?3 IS NULL OR valid_to_hi IS NULL OR valid_to_hi >= ?3) ORDER BY 1";
constexpr std::string_view kTenures =
    "SELECT key FROM relation WHERE to_id = ?1 AND kind = ?2 "
    "AND (?3 IS NULL OR valid_from_lo IS NULL OR valid_from_lo <= ?4) "
    "AND (?3 IS NULL OR valid_to_hi IS NULL OR valid_to_hi >= ?3) ORDER BY key";

std::vector<std::string> relationKeys(Statement st, RowId row,
                                      std::optional<model::RelationKind> kind,
                                      std::optional<model::DayNumber> from,
                                      std::optional<model::DayNumber> to) {
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

std::vector<std::string> Store::relationIdsTouching(RowId actorRow,
                                                    std::optional<model::RelationKind> kind,
                                                    std::optional<model::DayNumber> from,
                                                    std::optional<model::DayNumber> to) {
    return relationKeys(prepare(kTouching), actorRow, kind, from, to);
}

std::vector<std::string> Store::tenureIdsOf(RowId postRow, std::optional<model::DayNumber> from,
                                            std::optional<model::DayNumber> to) {
    return relationKeys(prepare(kTenures), postRow, model::RelationKind::HoldsPost, from, to);
}

// [claims]
std::vector<std::string> Store::claimedEventIds() {
    auto st = prepare(
        "SELECT key FROM event WHERE id IN (SELECT event_id FROM claim WHERE event_id IS NOT "
        "NULL) ORDER BY key");
    std::vector<std::string> keys;
    while (st.step()) keys.push_back(st.getString(0));
    return keys;
}

std::vector<std::string> Store::claimedRelationIds() {
    auto st = prepare(
        "SELECT key FROM relation WHERE id IN (SELECT relation_id FROM claim WHERE relation_id "
        "IS NOT NULL) ORDER BY key");
    std::vector<std::string> keys;
    while (st.step()) keys.push_back(st.getString(0));
    return keys;
}

RowId Store::maxEventRow() {
    return detail::scalarOf(prepare("SELECT coalesce(max(id), 0) FROM event"));
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

}  // namespace bilateral::sqlite
