#pragma once
// Bulk loading of event files into PostgreSQL: rows are gathered per table and sent by COPY
// into staging tables of the import's transaction, and `finish` moves them into the tables
// and keeps the derived tables (actor_link, event_scope, scope_count, tally, search) with
// set-based INSERT ... SELECT, in that same transaction: until it commits, nothing of the
// import is visible, and an interrupted import (a killed client, a lost connection, Ctrl-C)
// leaves nothing. docs/postgresql.md, "Importing".
//
// Row ids are the loader's own, taken in blocks from the row_block sequence, so a row's id is
// known when it is added and concurrent loaders never share one. Whether a key (an event's, an
// actor's) was in the database before is settled at `finish`, set-based: a row is never a
// round trip. What SQLite's BulkWriter answers row by row (an event id already loaded: skipped;
// one repeated within the file: an error; an actor already there: kept as it was) is the same,
// told at the end (BulkSummary, ParseError).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bilateral/model/types.hpp"
#include "bilateral/postgres/postgres.hpp"

namespace bilateral::storage::postgres {

class Connection;

/// An event-file row (as storage::BulkWriter::EventRow), with the input line it came from.
struct EventRow {
    std::string_view id, kind, title;
    std::optional<model::DayNumber> startLo, startHi;  ///< both or neither
    model::Precision startPrecision = model::Precision::Day;
    std::string_view cameo;
    std::optional<double> goldstein;
    std::string_view attributesJson;
    std::string_view location, placeCountry;
    std::optional<double> latitude, longitude;
    std::string_view gazetteer;
    std::optional<std::int64_t> meetingRow;  ///< the first event of its meeting, when not it
    bool evidenced = false;                  ///< evidence for it follows (notes bit 1)
    std::int64_t line = 0;                   ///< where it is in the input, for messages
};

/// What `finish` did.
struct BulkSummary {
    std::int64_t events = 0;          ///< added
    std::int64_t skippedEvents = 0;   ///< their id was loaded before: left as they were
    std::int64_t actors = 0;          ///< added
    std::int64_t existingActors = 0;  ///< named by the file, already there: left as they were
    std::int64_t participations = 0, relations = 0, evidence = 0;
};

struct BulkState;

class BulkLoader {
public:
    /// A loader on `c`, inside the caller's Transaction (its staging tables go with it).
    /// `origin` names the input in messages (a file name).
    BulkLoader(Connection& c, SharedRules rules, std::string origin);
    ~BulkLoader();
    BulkLoader(const BulkLoader&) = delete;
    BulkLoader& operator=(const BulkLoader&) = delete;

    /// The row of source `s.id`, written now when missing (sources are few: one per file).
    std::int64_t source(const model::Source& s);
    /// The row of actor `a.id`: the one this import gave it, or a new one with its aliases,
    /// search texts and evidence. When the actor turns out to exist already, `finish` keeps
    /// the existing record and uses its row.
    std::int64_t actor(const model::Actor& a);
    /// The row this import gave actor `key`, if it staged one (not yet in the actor table).
    [[nodiscard]] std::optional<std::int64_t> stagedActor(std::string_view key) const;
    /// Adds `alias` to an actor this import staged (and to its search rows); nullopt when
    /// `actorRow` is not one of them, else whether the alias is new.
    std::optional<bool> stagedAlias(std::int64_t actorRow, std::string_view alias);
    /// A relation between actor rows, with its evidence (skipped at `finish` when its key
    /// exists or its `from` actor did).
    std::int64_t relation(const model::Relation& r, std::int64_t fromRow, std::int64_t toRow);
    /// An event; its row.
    std::int64_t event(const EventRow& e);
    /// A participation in an event of this load (a repeated one counts once).
    void participation(std::int64_t eventRow, std::int64_t actorRow, model::Role role);
    void eventEvidence(std::int64_t eventRow, std::int64_t sourceRow, std::string_view quote = {},
                       std::string_view note = {});

    /// Moves the staged rows into the tables and keeps the derived ones. Throws ParseError
    /// (naming the lines) when an event id repeats within the input: the caller's transaction
    /// then rolls back, and nothing of the import is written.
    /// `phase` (when given) is called as each step begins, with its name (progress display).
    BulkSummary finish(const std::function<void(std::string_view)>& phase = {});

private:
    std::unique_ptr<BulkState> impl_;
};

}  // namespace bilateral::storage::postgres
