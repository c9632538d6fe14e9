#pragma once
// Internal (not installed): whole-table scans, for the structures built in memory from a whole
// database (the query Index, the graph Projection). Typed rows; a row's text is valid only
// inside the callback that receives it. Kinds, roles and statuses come as their names
// (model::toString), as stored.

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include "bilateral/model/date.hpp"
#include "bilateral/storage/records.hpp"

namespace bilateral::storage {

/// A stored date: its first day and precision; none when absent.
struct StoredDate {
    std::optional<model::DayNumber> earliest;
    model::Precision precision = model::Precision::Day;
    [[nodiscard]] std::optional<model::Date> date() const {
        if (!earliest) return std::nullopt;
        return model::Date::fromStored(*earliest, precision);
    }
};

struct ActorScanRow {
    RowId row = 0;
    std::string_view id, kind, name, country;  ///< country empty when none
    std::int64_t evidence = 0;                 ///< with ScanOptions::evidenceCounts
};

struct EventScanRow {
    RowId row = 0;
    std::string_view id, kind, title, status, location, cameo, parentId;  ///< empty when none
    RowId parentRow = 0;                                                  ///< 0 when none
    StoredDate start, end;
    std::int64_t evidence = 0;
    // [places] The rest of its place (its name is `location`); empty or nullopt when none.
    std::string_view placeCountry, gazetteer;
    std::optional<double> latitude, longitude;
    RowId meetingRow = 0;  ///< [sides] the first event of its meeting; 0: its own
};

/// [places] A link between two events.
struct EventLinkScanRow {
    RowId row = 0, from = 0, to = 0;
    std::string_view id, kind;
    std::int64_t evidence = 0;
};

struct ParticipationScanRow {
    RowId row = 0, event = 0, actor = 0;
    std::string_view role;
    std::int64_t evidence = 0;
    std::string_view side;  ///< the side the data states; empty: the actor's own
};

struct RelationScanRow {
    RowId row = 0, from = 0, to = 0;
    std::string_view id, kind;
    StoredDate validFrom, validTo;
    std::optional<model::DayNumber> validToLatest;  ///< last day of validTo
    std::int64_t evidence = 0;
};

struct ScanOptions {
    bool byId = false;            ///< in id order (else in the engine's own order)
    bool evidenceCounts = false;  ///< count each row's evidence (slower)
};

/// One consistent read of every table (a read snapshot held until finish() or destruction).
/// With a second lane (parallel()), one scan may run on another thread at the same time as
/// scans of lane 0; were a write to land between the two snapshots, rows of one lane may name
/// rows the other does not see (callers skip those, as they skip filtered ones).
class TableScan {
public:
    virtual ~TableScan();
    /// Whether lane 1 is a connection of its own (else it falls back to lane 0).
    [[nodiscard]] virtual bool parallel() const noexcept = 0;
    /// Ends the read snapshot of lane 0 (if this scan opened it).
    virtual void finish() = 0;

    /// The greatest handle of the table (a cheap upper bound of its size), 0 when empty.
    virtual RowId maxEventRow(int lane = 0) = 0;
    virtual RowId maxParticipationRow(int lane = 0) = 0;

    virtual void actors(const std::function<void(const ActorScanRow&)>& fn,
                        ScanOptions options = {}, int lane = 0) = 0;
    virtual void events(const std::function<void(const EventScanRow&)>& fn,
                        ScanOptions options = {}, int lane = 0) = 0;
    virtual void participations(const std::function<void(const ParticipationScanRow&)>& fn,
                                ScanOptions options = {}, int lane = 0) = 0;
    virtual void relations(const std::function<void(const RelationScanRow&)>& fn,
                           ScanOptions options = {}, int lane = 0) = 0;
    virtual void eventLinks(const std::function<void(const EventLinkScanRow&)>& fn,
                            ScanOptions options = {}, int lane = 0) = 0;
};

}  // namespace bilateral::storage
