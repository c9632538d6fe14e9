#pragma once
// Private to import: where the rows of an event file go. The one place the event importers
// call the storage engine — its bulk insert path (today the SQLite engine's BulkWriter) and the
// few look-ups an import makes — so that moving them to another engine changes this file pair
// and nothing else.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "bilateral/model/types.hpp"
#include "bilateral/storage/bulk.hpp"

namespace bilateral::storage {
class Engine;
}

namespace bilateral::io::detail {

/// The writes and look-ups of one event file's import, inside the caller's transaction.
/// Row handles are the engine's (`std::int64_t`); text in the rows need live only for the call.
class EventSink {
public:
    using EventRow = storage::BulkWriter::EventRow;

    explicit EventSink(storage::Engine& store);
    ~EventSink();
    EventSink(const EventSink&) = delete;
    EventSink& operator=(const EventSink&) = delete;

    // --- before the rows ----------------------------------------------------------------------
    /// Puts a source record (the file's own), merging with one of the same id.
    void putSource(const model::Source& source);
    /// Opens the bulk insert path for the rows that follow, and notes which events exist
    /// already, so that addedByThisFile can tell a repeated row from one of an earlier import.
    void beginRows();

    // --- look-ups -----------------------------------------------------------------------------
    [[nodiscard]] std::optional<std::int64_t> actorRow(std::string_view id);
    /// The stored name of actor `id` (nullopt: no such actor).
    [[nodiscard]] std::optional<std::string> actorName(std::string_view id);
    /// Whether event `id` was added since beginRows: a row repeating it repeats a row of this
    /// file (an error), unlike a row already loaded by an earlier import (skipped).
    [[nodiscard]] bool addedByThisFile(std::string_view id);

    // --- the bulk path (after beginRows) --------------------------------------------------------
    /// Inserts the event unless its id exists: its handle, or nullopt when the id was there.
    std::optional<std::int64_t> insertEvent(const EventRow& event);
    void insertParticipation(std::int64_t event, std::int64_t actor, model::Role role);
    /// The handle of source `id`, inserting {id, title, kind, url} when missing (`*inserted`).
    std::int64_t ensureSource(std::string_view id, std::string_view title, std::string_view kind,
                              std::string_view url, bool* inserted);
    void insertEventEvidence(std::int64_t event, std::int64_t source);
    /// A new actor (its id is not stored: actorRow said so), with its evidence.
    std::int64_t insertActor(const model::Actor& actor);
    /// Adds an alias to an actor unless it has it.
    void insertAlias(std::int64_t actor, std::string_view alias);
    std::int64_t insertRelation(const model::Relation& relation, std::int64_t from,
                                std::int64_t to);
    /// Whether finish() rebuilds indexes the import set aside (for a progress display).
    [[nodiscard]] bool rebuildsIndexes() const;
    /// Ends the bulk path when the last row is in: writes what the engine derives from the rows.
    void finish();

private:
    storage::Engine& store_;
    std::unique_ptr<storage::BulkWriter> writer_;
    std::int64_t lastRowBefore_ = 0;  ///< events with a greater handle were added by this file
};

}  // namespace bilateral::io::detail
