#pragma once
// Internal (not installed): the fast insert path of the event-file importers (ICEWS, GDELT).
// Rows come by value; text in them needs to live only for the call. Plain inserts that leave
// existing records as they are (no merging): the importers look ids up first. The SQLite
// engine binds prepared statements; a server engine may COPY in batches, as long as a row's
// handle is known when the call returns and everything is in the open transaction.

#include <cstdint>
#include <optional>
#include <string_view>

#include "bilateral/model/types.hpp"
#include "bilateral/storage/records.hpp"

namespace bilateral::storage {

class BulkWriter {
public:
    virtual ~BulkWriter();

    /// An event row; text valid for the call.
    struct EventRow {
        std::string_view id;
        std::string_view kind;  ///< model::toString(EventKind)
        std::string_view title;
        std::optional<model::DayNumber> startLo, startHi;  ///< both or neither
        model::Precision startPrecision = model::Precision::Day;
        std::string_view cameo;  ///< empty: none
        std::optional<double> goldstein;
        std::string_view attributesJson;  ///< a JSON object's text; empty: none
        // [places] Its place: name, country (ISO alpha-3), coordinates, gazetteer id; empty or
        // nullopt: none.
        std::string_view location, placeCountry;
        std::optional<double> latitude, longitude;
        std::string_view gazetteer;
        std::optional<RowId> meetingRow;  ///< the first event of its meeting, when not it
        /// [notes] Evidence for it follows (insertEventEvidence).
        bool evidenced = false;
    };
    /// Inserts the event unless its id exists. Its handle, or nullopt when the id was there.
    virtual std::optional<RowId> insertEvent(const EventRow& event) = 0;
    /// Inserts a participation (nothing when the same one exists).
    virtual void insertParticipation(RowId event, RowId actor, model::Role role) = 0;
    /// The handle of source `id`, inserting {id, title, kind, url} when missing (and then
    /// setting `*inserted`).
    virtual RowId ensureSource(std::string_view id, std::string_view title, std::string_view kind,
                               std::string_view url, bool* inserted = nullptr) = 0;
    /// Evidence for an event: a source, an optional quote and note, basis stated.
    virtual void insertEventEvidence(RowId event, RowId source, std::string_view quote = {},
                                     std::string_view note = {}) = 0;
    /// Inserts a new actor with its aliases, search entries and evidence, as putActor would,
    /// without merging (callers check Engine::actorRow first). Throws StorageError when the id
    /// exists, NotFoundError for an unknown evidence source.
    virtual RowId insertActor(const model::Actor& actor) = 0;
    /// Adds `alias` to the actor (and to the name search) unless it has it. Whether it was added.
    virtual bool insertAlias(RowId actor, std::string_view alias) = 0;
    /// Inserts a new relation between two actors, with its evidence.
    virtual RowId insertRelation(const model::Relation& relation, RowId from, RowId to) = 0;
    /// Call when the last row is in, inside the transaction: writes what the engine keeps
    /// derived from the rows (or leaves it to the commit). Whether it wrote them itself.
    virtual bool finish() = 0;
    /// Whether finish() rebuilds indexes this import set aside, for a progress display.
    [[nodiscard]] virtual bool rebuildsIndexes() const = 0;
};

}  // namespace bilateral::storage
