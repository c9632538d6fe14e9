#pragma once
// Dataset JSON, version 1.1 (docs/dataset-format.md; version 1 files read unchanged): reader,
// validator and writer.

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "bilateral/import/import.hpp"
#include "bilateral/model/types.hpp"

namespace bilateral::store {
class Store;
}

namespace bilateral::io {

/// A parsed and validated dataset document.
struct Dataset {
    std::vector<model::Source> sources;
    std::vector<model::Actor> actors;
    std::vector<model::Event> events;
    std::vector<model::Relation> relations;
    std::vector<model::EventLink> links;  ///< [places] typed links between events
};

/// Parse and validate a dataset document. `file` names it in errors. References are checked
/// against the document and, when given, the store (ids already there resolve).
/// Throws ParseError with the JSON pointer of the first problem.
Dataset parseDataset(std::string_view text, const std::string& file,
                     store::Store* existing = nullptr);
Dataset readDataset(const std::filesystem::path& file, store::Store* existing = nullptr);

/// Write a validated dataset into the store (the caller holds the transaction).
ImportSummary importDataset(store::Store& store, const std::filesystem::path& file);
/// The same for a document already parsed (parseDataset); `name` names it in the summary.
ImportSummary importDataset(store::Store& store, const Dataset& dataset, const std::string& name);

/// Serialize a dataset document (ids sorted, optional fields omitted when empty).
std::string writeDataset(const Dataset& dataset, int indent = 2);
/// Everything the store holds as a dataset.
Dataset datasetFromStore(store::Store& store);

}  // namespace bilateral::io
