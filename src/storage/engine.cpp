// The storage interface's classes are abstract; their destructors, defined here, anchor their
// virtual tables in this library.

#include "bilateral/storage/engine.hpp"

#include "bilateral/error.hpp"

namespace bilateral::storage {

Engine::~Engine() = default;
Transaction::~Transaction() = default;
ReadSnapshot::~ReadSnapshot() = default;
TableScan::~TableScan() = default;
BulkWriter::~BulkWriter() = default;

void Engine::forEachTrendCell(const TrendSubject&, model::DayNumber, model::DayNumber,
                              const std::function<void(const TrendCell&)>&) {
    throw StorageError(location() + ": this engine keeps no trend figures");
}

void Engine::forEachPairCell(std::string_view, model::DayNumber, model::DayNumber,
                             const std::function<void(const PairCell&)>&) {
    throw StorageError(location() + ": this engine keeps no trend figures");
}

}  // namespace bilateral::storage
