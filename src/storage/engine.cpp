// The storage interface's classes are abstract; their destructors, defined here, anchor their
// virtual tables in this library.

#include "bilateral/storage/engine.hpp"

namespace bilateral::storage {

Engine::~Engine() = default;
Transaction::~Transaction() = default;
ReadSnapshot::~ReadSnapshot() = default;
TableScan::~TableScan() = default;
BulkWriter::~BulkWriter() = default;

}  // namespace bilateral::storage
