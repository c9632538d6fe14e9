#pragma once
// Whole-table scans, for the modules that build in-memory structures from a store (the query
// Index, the graph Projection). Typed rows, no SQL outside the store. A row's text is valid only
// inside the callback that receives it.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

#include "bilateral/model/date.hpp"

namespace bilateral::store {

class Store;

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
    std::int64_t row = 0;
    std::string_view id, kind, name, country;  ///< country empty when none
    std::int64_t evidence = 0;                 ///< with ScanOptions::evidenceCounts
};

struct EventScanRow {
    std::int64_t row = 0;
    std::string_view id, kind, title, status, location, cameo, parentId;  ///< empty when none
    std::int64_t parentRow = 0;                                           ///< 0 when none
    StoredDate start, end;
    std::int64_t evidence = 0;
    // [places] The rest of its place (its name is `location`); empty or nullopt when none.
    std::string_view placeCountry, gazetteer;
    std::optional<double> latitude, longitude;
    std::int64_t meetingRow = 0;  ///< [sides] the first event of its meeting; 0: its own
};

/// [places] A link between two events (event rows).
struct EventLinkScanRow {
    std::int64_t row = 0, from = 0, to = 0;
    std::string_view id, kind;
    std::int64_t evidence = 0;
};

struct ParticipationScanRow {
    std::int64_t row = 0, event = 0, actor = 0;
    std::string_view role;
    std::int64_t evidence = 0;
    std::string_view side;  ///< the side the data states; empty: the actor's own
};

struct RelationScanRow {
    std::int64_t row = 0, from = 0, to = 0;
    std::string_view id, kind;
    StoredDate validFrom, validTo;
    std::optional<model::DayNumber> validToLatest;  ///< last day of validTo
    std::int64_t evidence = 0;
};

struct ScanOptions {
    bool byId = false;            ///< in id order (else row order)
    bool evidenceCounts = false;  ///< count each row's evidence (slower)
};

/// One consistent read of a store's tables: a read transaction on the store's connection
/// unless one is open already. With `parallel`, and when the store is a file outside a
/// transaction, a second read-only connection lets one scan run on another thread at the same
/// time (`lane` 1); were a write to land between the two snapshots, the caller sees rows the
/// other lane does not. Lane 1 falls back to the main connection when there is no second one.
class TableReader {
public:
    explicit TableReader(Store& store, bool parallel = false);
    ~TableReader();
    TableReader(const TableReader&) = delete;
    TableReader& operator=(const TableReader&) = delete;

    /// Whether lane 1 is a connection of its own.
    [[nodiscard]] bool parallel() const noexcept;
    /// Ends the read transaction on the main connection (if this reader opened it).
    void finish();

    /// The largest row id of the table (a cheap upper bound of its size), 0 when empty.
    std::int64_t maxEventRow(int lane = 0);
    std::int64_t maxParticipationRow(int lane = 0);

    void actors(const std::function<void(const ActorScanRow&)>& fn, ScanOptions options = {},
                int lane = 0);
    void events(const std::function<void(const EventScanRow&)>& fn, ScanOptions options = {},
                int lane = 0);
    void participations(const std::function<void(const ParticipationScanRow&)>& fn,
                        ScanOptions options = {}, int lane = 0);
    void relations(const std::function<void(const RelationScanRow&)>& fn, ScanOptions options = {},
                   int lane = 0);
    void eventLinks(const std::function<void(const EventLinkScanRow&)>& fn,
                    ScanOptions options = {}, int lane = 0);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace bilateral::store
