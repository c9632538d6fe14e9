#pragma once
// Internal (not installed): the Boost.Graph projection read from a storage engine, what
// bilateral::Database::projection calls.

#include "bilateral/graph/projection.hpp"
#include "bilateral/storage/engine.hpp"

namespace bilateral::graph {

/// The projection of the database (or of what the filter keeps), read with whole-table scans in
/// one read snapshot (projection.hpp says what is kept). Throws StorageError.
Projection buildProjection(storage::Engine& engine, const query::IndexFilter& filter = {});

}  // namespace bilateral::graph
