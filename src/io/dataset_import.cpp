// Writing a validated dataset into a store: sources, actors, events (parents first), relations.

#include <unordered_map>

#include "bilateral/io/dataset.hpp"
#include "bilateral/store/store.hpp"

namespace bilateral::io {
namespace {

/// Indices of `events` ordered so that an event in the list comes after its parent.
/// The reader has already refused parent cycles.
std::vector<std::size_t> parentsFirst(const std::vector<model::Event>& events) {
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < events.size(); ++i) index.emplace(events[i].id, i);
    std::vector<bool> placed(events.size(), false);
    std::vector<std::size_t> order;
    order.reserve(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        std::vector<std::size_t> chain;  // i, its parent, its grandparent... until one is placed
        for (auto at = i; !placed[at];) {
            chain.push_back(at);
            placed[at] = true;
            const auto& parent = events[at].parent;
            const auto it = parent ? index.find(*parent) : index.end();
            if (it == index.end()) break;
            at = it->second;
        }
        order.insert(order.end(), chain.rbegin(), chain.rend());
    }
    return order;
}

/// Puts `record` and tells whether it changed the store (new, or different after merging).
template <class T, class Find, class Put>
bool putAndCompare(const T& record, Find find, Put put) {
    const auto before = find(record.id);
    put(record);
    return !before || *before != find(record.id);
}

}  // namespace

ImportSummary importDataset(store::Store& store, const std::filesystem::path& file) {
    const auto dataset = readDataset(file, &store);
    ImportSummary s;
    s.file = file.string();
    s.format = Format::Dataset;
    s.rows = static_cast<std::int64_t>(dataset.sources.size() + dataset.actors.size() +
                                       dataset.events.size() + dataset.relations.size());
    auto count = [&s](bool changed, std::int64_t& counter) { ++(changed ? counter : s.skipped); };

    for (const auto& source : dataset.sources) {
        count(putAndCompare(
                  source, [&](const std::string& id) { return store.findSource(id); },
                  [&](const model::Source& r) { store.putSource(r); }),
              s.sources);
    }
    for (const auto& actor : dataset.actors) {
        count(putAndCompare(
                  actor, [&](const std::string& id) { return store.findActor(id); },
                  [&](const model::Actor& r) { store.putActor(r); }),
              s.actors);
    }
    for (const auto i : parentsFirst(dataset.events)) {
        const auto& event = dataset.events[i];
        const auto before = store.findEvent(event.id);
        store.putEvent(event);
        const auto after = store.getEvent(event.id);
        count(!before || *before != after, s.events);
        s.participations += static_cast<std::int64_t>(after.participants.size()) -
                            (before ? static_cast<std::int64_t>(before->participants.size()) : 0);
    }
    for (const auto& relation : dataset.relations) {
        count(putAndCompare(
                  relation, [&](const std::string& id) { return store.findRelation(id); },
                  [&](const model::Relation& r) { store.putRelation(r); }),
              s.relations);
    }
    return s;
}

}  // namespace bilateral::io
