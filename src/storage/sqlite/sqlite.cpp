// The SQLite engine as the storage interface hands it out: opening a file, the importers' bulk
// writer, whole-table scans, and every record of a kind one at a time.

#include "bilateral/sqlite/sqlite.hpp"

#include "bulk_writer.hpp"
#include "scans.hpp"
#include "store_impl.hpp"

namespace bilateral::sqlite {

std::unique_ptr<storage::Engine> open(const std::filesystem::path& file,
                                      const storage::OpenOptions& options) {
    return std::make_unique<Store>(Store::open(file, options));
}

std::unique_ptr<storage::Engine> memory() {
    return std::make_unique<Store>(Store::memory());
}

std::optional<std::string> attributesJson(const model::Attributes& attributes) {
    return detail::attributesToJson(attributes);
}

model::Attributes attributesFromJson(std::string_view json) {
    return detail::attributesFromJson(json);
}

std::unique_ptr<storage::BulkWriter> Store::bulkWriter() {
    return std::make_unique<BulkWriter>(*this);
}

std::unique_ptr<storage::TableScan> Store::scan(bool parallel) {
    return std::make_unique<TableReader>(*this, parallel);
}

// The records are read whole first: each one's parts (aliases, evidence, participants) are
// looked up by statements of their own, which must not run inside the scan of the table.
void Store::forEachSource(const std::function<void(model::Source&&)>& fn) {
    for (auto& x : sources()) fn(std::move(x));
}
void Store::forEachActor(const std::function<void(model::Actor&&)>& fn) {
    for (auto& x : actors()) fn(std::move(x));
}
void Store::forEachEvent(const std::function<void(model::Event&&)>& fn) {
    for (auto& x : events()) fn(std::move(x));
}
void Store::forEachRelation(const std::function<void(model::Relation&&)>& fn) {
    for (auto& x : relations()) fn(std::move(x));
}
void Store::forEachEventLink(const std::function<void(model::EventLink&&)>& fn) {
    for (auto& x : eventLinks()) fn(std::move(x));
}

}  // namespace bilateral::sqlite
