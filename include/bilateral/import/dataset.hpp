#pragma once
// Dataset JSON, version 1.1 (docs/dataset-format.md; version 1 files read unchanged): reader,
// validator and writer.

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "bilateral/import/import.hpp"
#include "bilateral/model/types.hpp"

namespace bilateral::io {

/// A parsed and validated dataset document.
struct Dataset {
    std::vector<model::Source> sources;
    std::vector<model::Actor> actors;
    std::vector<model::Event> events;
    std::vector<model::Relation> relations;
    std::vector<model::EventLink> links;  ///< [places] typed links between events
};

/// Parse and validate a dataset document on its own (its references must resolve within it;
/// Database::importFiles also resolves them against the database). `file` names it in errors.
/// Throws ParseError with the JSON pointer of the first problem.
Dataset parseDataset(std::string_view text, const std::string& file);
Dataset readDataset(const std::filesystem::path& file);

/// Serialize a dataset document (ids sorted, optional fields omitted when empty).
std::string writeDataset(const Dataset& dataset, int indent = 2);

}  // namespace bilateral::io
