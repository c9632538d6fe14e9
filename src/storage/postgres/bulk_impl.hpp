#pragma once
// Private to the bulk loader (bulk.cpp gathers rows, bulk_finish.cpp moves them): the staging
// tables, their COPY encoders and the loader's row ids.

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>

#include "storage/postgres/bulk.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/postgres/copy.hpp"

namespace bilateral::storage::postgres {

/// The staging tables: temporary, shaped LIKE the tables they feed (plus the event's input
/// line), dropped at the end of the transaction.
enum Stage : std::size_t {
    kSActor,
    kSAlias,
    kSSearch,
    kSSearchToken,
    kSRelation,
    kSEvidence,
    kSEvent,
    kSParticipation,
    kSEventEvidence,
    kStages
};

struct StageDef {
    std::string_view name;
    std::string_view like;     ///< the table it is shaped like
    std::string_view columns;  ///< the columns the loader writes, in COPY order
};

inline constexpr std::array<StageDef, kStages> kStageDefs{{
    {"s_actor", "actor", "id, key, kind, name, country, attributes"},
    {"s_alias", "actor_alias", "actor_id, alias"},
    {"s_search", "actor_search", "id, actor_id, text, ntokens"},
    {"s_search_token", "actor_search_token", "token, search_id, pos"},
    {"s_relation", "relation",
     "id, key, kind, from_id, to_id, valid_from_lo, valid_from_hi, valid_from_prec, "
     "valid_to_lo, valid_to_hi, valid_to_prec, attributes"},
    {"s_evidence", "evidence",
     "id, actor_id, relation_id, source_id, span_start, span_end, quote, basis, confidence, note"},
    {"s_event", "event",
     "id, key, kind, title, start_lo, start_hi, start_prec, cameo, goldstein, attributes, day_lo, "
     "day_hi, location, place_country, place_lat, place_lon, place_gazetteer, meeting_id, notes, "
     "line"},
    {"s_participation", "participation", "id, event_id, actor_id, role"},
    {"s_event_evidence", "event_evidence", "id, event_id, source_id, quote, note"},
}};

struct BulkState {
    Connection& c;
    SharedRules rules;
    std::string origin;
    std::array<CopyEncoder, kStages> rows;
    std::unordered_map<std::string, std::int64_t> actors, sources;
    std::int64_t nextId = 0, lastId = -1;  ///< the block of row ids in hand
    std::int64_t sourcesAdded = 0;
    bool finished = false;

    BulkState(Connection& conn, SharedRules r, std::string from)
        : c(conn), rules(std::move(r)), origin(std::move(from)) {}

    /// A new row id (a new block of them from row_block when this one is used up).
    std::int64_t newId();
    /// Sends the stage's gathered rows when they fill a chunk (`all`: whatever there is).
    void flush(Stage s, bool all);
    /// The row of a source by key, from this import or the database.
    std::int64_t sourceRow(const std::string& key);
    void evidence(std::string_view subject, std::int64_t row, const model::Evidence& e);
};

/// The set-based step of `finish` (bulk_finish.cpp), after every stage is sent.
BulkSummary moveStaged(BulkState& d);

}  // namespace bilateral::storage::postgres
