// Writing a validated dataset into a store: sources, actors, events (parents first), relations.

#include <algorithm>
#include <unordered_map>

#include "bilateral/import/dataset.hpp"
#include "bilateral/import/from_storage.hpp"
#include "bilateral/rules/claims.hpp"

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

// Whether putting `in` over the stored `was` would change anything, by the store's merge rules:
// scalar fields and attributes are replaced, aliases, participants and evidence are unions.
// An unchanged record is not written at all, so importing a file again writes nothing.

template <class T>
bool contains(const std::vector<T>& all, const T& x) {
    return std::find(all.begin(), all.end(), x) != all.end();
}

template <class T>
bool subset(const std::vector<T>& part, const std::vector<T>& all) {
    return std::all_of(part.begin(), part.end(), [&](const T& x) { return contains(all, x); });
}

bool changes(const model::Source& was, const model::Source& in) {
    return was != in;
}

bool changes(const model::Actor& was, const model::Actor& in) {
    return was.kind != in.kind || was.name != in.name || was.country != in.country ||
           was.attributes != in.attributes || !subset(in.aliases, was.aliases) ||
           !subset(in.evidence, was.evidence);
}

bool changes(const model::Event& was, const model::Event& in) {
    if (was.kind != in.kind || was.title != in.title || was.start != in.start ||
        was.end != in.end || was.status != in.status || was.location != in.location ||
        was.place != in.place || was.parent != in.parent || was.cameo != in.cameo ||
        was.goldstein != in.goldstein || was.attributes != in.attributes ||
        !subset(in.evidence, was.evidence)) {
        return true;
    }
    if (was.claims != in.claims) return true;  // [claims] a put replaces them
    return !std::all_of(in.participants.begin(), in.participants.end(), [&](const auto& p) {
        return std::any_of(was.participants.begin(), was.participants.end(), [&](const auto& q) {
            return q.actor == p.actor && q.role == p.role && subset(p.evidence, q.evidence) &&
                   q.claims == p.claims;
        });
    });
}

bool changes(const model::Relation& was, const model::Relation& in) {
    return was.kind != in.kind || was.from != in.from || was.to != in.to || was.valid != in.valid ||
           was.attributes != in.attributes || !subset(in.evidence, was.evidence) ||
           was.claims != in.claims;
}

bool changes(const model::EventLink& was, const model::EventLink& in) {
    return was.kind != in.kind || was.from != in.from || was.to != in.to ||
           !subset(in.evidence, was.evidence);
}

/// Puts each record unless the store already holds all of it, counting the records written
/// in `added` and the others in `skipped`.
template <class T>
void putAll(storage::Engine& store, const std::vector<T>& records,
            std::optional<T> (storage::Engine::*find)(std::string_view),
            void (storage::Engine::*put)(const T&), std::int64_t& added, std::int64_t& skipped) {
    for (const auto& record : records) {
        const auto was = (store.*find)(record.id);
        if (was && !changes(*was, record)) {
            ++skipped;
            continue;
        }
        (store.*put)(record);
        ++added;
    }
}

/// [claims] The standing of each source: the document's, else the database's.
rules::StandingOf standingIn(storage::Engine& store, const Dataset& dataset) {
    return [&store, &dataset](std::string_view id) {
        for (const auto& s : dataset.sources)
            if (s.id == id) return s.standing.value_or(model::Standing::Secondary);
        const auto s = store.findSource(id);
        return s ? s->standing.value_or(model::Standing::Secondary) : model::Standing::Secondary;
    };
}

/// The records as the database keeps them: each field's preferred value (rules/claims.hpp).
template <class T>
std::vector<T> settled(const std::vector<T>& records, const rules::StandingOf& standing) {
    std::vector<T> out;
    out.reserve(records.size());
    for (const auto& r : records) out.push_back(rules::settle(r, standing));
    return out;
}

}  // namespace

ImportSummary importDataset(storage::Engine& store, const std::filesystem::path& file) {
    return importDataset(store, readDataset(file, &store), file.string());
}

ImportSummary importDataset(storage::Engine& store, const Dataset& dataset,
                            const std::string& name) {
    ImportSummary s;
    s.file = name;
    s.format = Format::Dataset;
    s.rows = static_cast<std::int64_t>(dataset.sources.size() + dataset.actors.size() +
                                       dataset.events.size() + dataset.relations.size() +
                                       dataset.links.size());
    using storage::Engine;
    putAll(store, dataset.sources, &Engine::findSource, &Engine::putSource, s.sources, s.skipped);
    putAll(store, dataset.actors, &Engine::findActor, &Engine::putActor, s.actors, s.skipped);
    const auto standing = standingIn(store, dataset);
    const auto events = settled(dataset.events, standing);
    for (const auto i : parentsFirst(events)) {
        const auto& event = events[i];
        const auto was = store.findEvent(event.id);
        if (was && !changes(*was, event)) {
            ++s.skipped;
            continue;
        }
        store.putEvent(event);
        ++s.events;
        // Participations the event did not have: an (actor, role) may only be added.
        s.participations +=
            static_cast<std::int64_t>(store.findEvent(event.id)->participants.size()) -
            (was ? static_cast<std::int64_t>(was->participants.size()) : 0);
    }
    putAll(store, settled(dataset.relations, standing), &Engine::findRelation, &Engine::putRelation,
           s.relations, s.skipped);
    putAll(store, dataset.links, &Engine::findEventLink, &Engine::putEventLink, s.links, s.skipped);
    return s;
}

}  // namespace bilateral::io
