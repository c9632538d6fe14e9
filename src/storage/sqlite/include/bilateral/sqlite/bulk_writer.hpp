#pragma once
// The store's insert path for the event-file importers (io/icews.cpp, io/gdelt.cpp): the one
// store interface that is not in include/, since only the library's own importers use it.

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "bilateral/model/types.hpp"
#include "bilateral/sqlite/store.hpp"

namespace bilateral::store {

/// Fast inserts for bulk importers (ICEWS and GDELT files): statements prepared once, text bound
/// without copying, plain inserts that leave existing records as they are (no upserts). While it
/// lives, SQLite's page cache of the connection is raised to `cacheMiB` so index updates of a
/// large import stay in memory; the old size is restored when it is destroyed. Use it inside a
/// Transaction and destroy it before the Store. See docs/performance.md.
class BulkWriter {
public:
    explicit BulkWriter(Store& store, int cacheMiB = 256);
    ~BulkWriter();
    BulkWriter(const BulkWriter&) = delete;
    BulkWriter& operator=(const BulkWriter&) = delete;

    /// An event row; text is bound without copying and must outlive the insert call.
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
        std::optional<std::int64_t> meetingRow;  ///< the first event of its meeting, when not it
        /// [notes] Evidence for it follows (insertEventEvidence): saves a second write of its row.
        bool evidenced = false;
    };
    /// Inserts the event unless its id exists. Its row id, or nullopt when the id was there.
    std::optional<std::int64_t> insertEvent(const EventRow& event);
    /// Inserts a participation (nothing when the same one exists).
    void insertParticipation(std::int64_t eventRow, std::int64_t actorRow, model::Role role);
    /// The row of source `id`, inserting {id, title, kind, url} when missing (and then setting
    /// `*inserted`).
    std::int64_t ensureSource(std::string_view id, std::string_view title, std::string_view kind,
                              std::string_view url, bool* inserted = nullptr);
    /// Evidence for an event: a source, an optional quote and note, basis stated.
    void insertEventEvidence(std::int64_t eventRow, std::int64_t sourceRow,
                             std::string_view quote = {}, std::string_view note = {});
    /// Inserts a new actor with its aliases, search entries and evidence, as putActor would,
    /// without putActor's merging (callers check `Store::actorRow` first). Its row id. Throws
    /// StorageError when the id exists, NotFoundError for an unknown evidence source.
    std::int64_t insertActor(const model::Actor& actor);
    /// Adds `alias` to the actor of row `actorRow` (and to the name search) unless it has it.
    /// Whether it was added.
    bool insertAlias(std::int64_t actorRow, std::string_view alias);
    /// Inserts a new relation between actor rows, with its evidence. Its row id.
    std::int64_t insertRelation(const model::Relation& relation, std::int64_t fromRow,
                                std::int64_t toRow);
    /// Writes the derived tables (actor_link, event_scope, tally) of the rows this writer added,
    /// gathered as they went in. Call it when the last row is in, inside the transaction; when
    /// it is not called, or the rows were not all its own, the transaction's commit derives
    /// them from the tables instead (slower, same result). Whether it wrote them itself.
    bool finish();
    /// Whether finish() rebuilds indexes this import set aside (a bulk import into an empty
    /// database), for a progress display.
    [[nodiscard]] bool rebuildsIndexes() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace bilateral::store
