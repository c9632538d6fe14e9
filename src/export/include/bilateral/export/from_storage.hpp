#pragma once
// Internal (not installed): the writers that read records from a storage engine, what
// bilateral::Database calls (the graph writers need only the projection: writers.hpp).

#include <iosfwd>

#include "bilateral/export/writers.hpp"
#include "bilateral/graph/projection.hpp"
#include "bilateral/import/dataset.hpp"
#include "bilateral/storage/engine.hpp"

namespace bilateral::io {

/// Writes `format`; for ExportFormat::Json, the dataset of subgraphDataset(engine, projection).
void writeExport(std::ostream& out, ExportFormat format, storage::Engine& engine,
                 const graph::Projection& projection, const ExportOptions& options = {});

/// The dataset of a projection's subgraph: its actors, its events with the participants it
/// keeps, its relations, and the sources their evidence cites — a document that imports on its
/// own. A parent event left out of the projection is dropped from its children's `parent`.
Dataset subgraphDataset(storage::Engine& engine, const graph::Projection& projection);

/// Everything the database holds as a dataset.
Dataset datasetFromStore(storage::Engine& engine);

}  // namespace bilateral::io
