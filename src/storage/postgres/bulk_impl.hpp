#pragma once
// Private to the bulk loader (bulk.cpp gathers rows, bulk_finish.cpp moves them): the staging
// tables, their COPY encoders and the loader's row ids.

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storage/postgres/bulk.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/postgres/copy.hpp"

namespace bilateral::storage::postgres {

/// Where the loader's rows go by COPY: staging tables (temporary, dropped at the end of the
/// transaction) for what `finish` settles set-based, and the event and event_evidence tables
/// directly (an event's wide row is written once; `finish` deletes the rows of events whose id
/// was loaded before).
enum Stage : std::size_t {
    kSActor,
    kSAlias,
    kSSearch,
    kSSearchToken,
    kSRelation,
    kSEvidence,
    kEvent,
    kSEvent,
    kSParticipation,
    kEventEvidence,
    kStages
};

struct StageDef {
    std::string_view name;
    std::string_view create;   ///< a staging table's columns; "" for a table of the schema
    std::string_view columns;  ///< the columns the loader writes, in COPY order
};

#define BILATERAL_LIKE(t) "LIKE " t " INCLUDING DEFAULTS"
inline constexpr std::array<StageDef, kStages> kStageDefs{{
    {"s_actor", BILATERAL_LIKE("actor"), "id, key, kind, name, country, attributes"},
    {"s_alias", BILATERAL_LIKE("actor_alias"), "actor_id, alias"},
    {"s_search", BILATERAL_LIKE("actor_search"), "id, actor_id, text, ntokens"},
    {"s_search_token", BILATERAL_LIKE("actor_search_token"), "token, search_id, pos"},
    {"s_relation", BILATERAL_LIKE("relation"),
     "id, key, kind, from_id, to_id, valid_from_lo, valid_from_hi, valid_from_prec, "
     "valid_to_lo, valid_to_hi, valid_to_prec, attributes"},
    {"s_evidence", BILATERAL_LIKE("evidence"),
     "id, actor_id, relation_id, source_id, span_start, span_end, quote, basis, confidence, note"},
    {"event", "",
     "id, key, kind, title, start_lo, start_hi, start_prec, cameo, goldstein, attributes, day_lo, "
     "day_hi, location, place_country, place_lat, place_lon, place_gazetteer, meeting_id, notes"},
    // What the derived tables and the settling of ids need of an event.
    {"s_event",
     "id bigint NOT NULL, key text COLLATE \"C\" NOT NULL, line bigint NOT NULL, kind text "
     "COLLATE \"C\" NOT NULL, day_lo integer, day_hi integer, place_country text COLLATE \"C\"",
     "id, key, line, kind, day_lo, day_hi, place_country"},
    {"s_participation", BILATERAL_LIKE("participation"), "id, event_id, actor_id, role"},
    {"event_evidence", "", "id, event_id, source_id, quote, note"},
}};
#undef BILATERAL_LIKE

struct BulkState {
    Connection& c;
    SharedRules rules;
    std::string origin;
    std::array<CopyEncoder, kStages> rows;
    std::array<std::int64_t, kStages> sent{};  ///< rows sent by COPY, per stage
    std::unordered_map<std::string, std::int64_t> actors, sources;
    /// The aliases staged per staged actor row (the key of `actors` maps to the row).
    std::unordered_map<std::int64_t, std::vector<std::string>> aliases;
    std::int64_t nextId = 0, lastId = -1;  ///< the block of row ids in hand
    std::int64_t sourcesAdded = 0;
    /// The last event's participations, to drop a repeated one as it comes; when one comes
    /// for an earlier event, `finish` drops repeats set-based instead.
    std::int64_t lastEvent = 0;
    std::vector<std::pair<std::int64_t, model::Role>> lastParticipants;
    bool participationsMayRepeat = false;
    /// The sharded layout (the event tables are partitioned over postgres_fdw): COPY into a
    /// foreign partition sends one INSERT per row in PostgreSQL 15, so events and their
    /// evidence are staged too and moved by INSERT ... SELECT, which postgres_fdw sends in
    /// batches (batch_size).
    bool sharded = false;
    /// Where each stage's rows go by COPY (kStageDefs names; staging for the event tables
    /// when sharded).
    std::array<std::string, kStages> target;
    /// Secondary indexes dropped for a first load into empty tables, made again at the end.
    std::vector<std::string> deferred;
    bool finished = false;

    BulkState(Connection& conn, SharedRules r, std::string from)
        : c(conn), rules(std::move(r)), origin(std::move(from)) {}

    /// A new row id (a new block of them from row_block when this one is used up).
    std::int64_t newId();
    /// Sends the stage's gathered rows when they fill a chunk (`all`: whatever there is).
    void flush(Stage s, bool all);
    /// The row of a source by key, from this import or the database.
    std::int64_t sourceRow(const std::string& key);
    /// Stages a search row of actor `row` for `text`.
    void search(std::int64_t row, std::string_view text);
    void evidence(std::string_view subject, std::int64_t row, const model::Evidence& e);
};

/// The set-based step of `finish` (bulk_finish.cpp), after every stage is sent.
BulkSummary moveStaged(BulkState& d, const std::function<void(std::string_view)>& phase);

}  // namespace bilateral::storage::postgres
