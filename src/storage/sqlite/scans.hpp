#pragma once
// Private to the SQLite engine: whole-table scans (storage::TableScan) on SQLite's C API.

#include <cstdint>
#include <functional>
#include <memory>

#include "bilateral/storage/scan.hpp"

namespace bilateral::sqlite {

class Store;
using storage::ActorScanRow;
using storage::EventLinkScanRow;
using storage::EventScanRow;
using storage::ParticipationScanRow;
using storage::RelationScanRow;
using storage::ScanOptions;
using storage::StoredDate;

/// One consistent read of a store's tables: a read transaction on the store's connection
/// unless one is open already. With `parallel`, and when the store is a file outside a
/// transaction, a second read-only connection lets one scan run on another thread at the same
/// time (`lane` 1); were a write to land between the two snapshots, the caller sees rows the
/// other lane does not. Lane 1 falls back to the main connection when there is no second one.
class TableReader final : public storage::TableScan {
public:
    explicit TableReader(Store& store, bool parallel = false);
    ~TableReader() override;
    TableReader(const TableReader&) = delete;
    TableReader& operator=(const TableReader&) = delete;

    [[nodiscard]] bool parallel() const noexcept override;
    void finish() override;
    storage::RowId maxEventRow(int lane = 0) override;
    storage::RowId maxParticipationRow(int lane = 0) override;
    void actors(const std::function<void(const ActorScanRow&)>& fn, ScanOptions options = {},
                int lane = 0) override;
    void events(const std::function<void(const EventScanRow&)>& fn, ScanOptions options = {},
                int lane = 0) override;
    void participations(const std::function<void(const ParticipationScanRow&)>& fn,
                        ScanOptions options = {}, int lane = 0) override;
    void relations(const std::function<void(const RelationScanRow&)>& fn, ScanOptions options = {},
                   int lane = 0) override;
    void eventLinks(const std::function<void(const EventLinkScanRow&)>& fn,
                    ScanOptions options = {}, int lane = 0) override;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace bilateral::sqlite
