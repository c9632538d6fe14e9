#pragma once
// Private to the SQLite engine: the importers' insert path (storage::BulkWriter) on prepared
// statements.

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "bilateral/model/types.hpp"
#include "bilateral/storage/bulk.hpp"
#include "store.hpp"

namespace bilateral::sqlite {

/// Fast inserts for bulk importers (ICEWS and GDELT files): statements prepared once, text bound
/// without copying, plain inserts that leave existing records as they are (no upserts). While it
/// lives, SQLite's page cache of the connection is raised to `cacheMiB` so index updates of a
/// large import stay in memory; the old size is restored when it is destroyed. Use it inside a
/// Transaction and destroy it before the Store. See docs/performance.md.
class BulkWriter final : public storage::BulkWriter {
public:
    explicit BulkWriter(Store& store, int cacheMiB = 256);
    ~BulkWriter() override;
    BulkWriter(const BulkWriter&) = delete;
    BulkWriter& operator=(const BulkWriter&) = delete;

    std::optional<RowId> insertEvent(const EventRow& event) override;
    void insertParticipation(RowId eventRow, RowId actorRow, model::Role role) override;
    RowId ensureSource(std::string_view id, std::string_view title, std::string_view kind,
                       std::string_view url, bool* inserted = nullptr) override;
    void insertEventEvidence(RowId eventRow, RowId sourceRow, std::string_view quote = {},
                             std::string_view note = {}) override;
    RowId insertActor(const model::Actor& actor) override;
    bool insertAlias(RowId actorRow, std::string_view alias) override;
    RowId insertRelation(const model::Relation& relation, RowId fromRow, RowId toRow) override;
    bool finish() override;
    [[nodiscard]] bool rebuildsIndexes() const override;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace bilateral::sqlite
