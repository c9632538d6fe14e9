// Dataset JSON v1 writer: deterministic output (arrays by id, fields in the order of
// docs/dataset-format.md, optional fields left out when absent or at their default).

#include <nlohmann/json.hpp>

#include <algorithm>

#include "bilateral/import/dataset.hpp"
#include "bilateral/sqlite/store.hpp"

namespace bilateral::io {
namespace {

using Json = nlohmann::ordered_json;

template <class T>
void putIf(Json& j, const char* key, const std::optional<T>& v) {
    if (v) j[key] = *v;
}

void putDate(Json& j, const char* key, const std::optional<model::Date>& d) {
    if (d) j[key] = d->toString();
}

void putAttributes(Json& j, const model::Attributes& attributes) {
    if (attributes.empty()) return;
    Json out = Json::object();
    for (const auto& entry : attributes) {
        const auto& key = entry.first;
        std::visit([&out, &key](const auto& v) { out[key] = v; }, entry.second);
    }
    j["attributes"] = std::move(out);
}

Json toJson(const model::Evidence& e) {
    Json j;
    j["source"] = e.source;
    if (e.span) j["span"] = Json::array({e.span->start, e.span->end});
    putIf(j, "quote", e.quote);
    if (e.basis != model::Basis::Stated) j["basis"] = model::toString(e.basis);
    putIf(j, "confidence", e.confidence);
    putIf(j, "note", e.note);
    return j;
}

void putEvidence(Json& j, const std::vector<model::Evidence>& evidence) {
    if (evidence.empty()) return;
    Json list = Json::array();
    for (const auto& e : evidence) list.push_back(toJson(e));
    j["evidence"] = std::move(list);
}

Json toJson(const model::Source& s) {
    Json j;
    j["id"] = s.id;
    j["title"] = s.title;
    putIf(j, "kind", s.kind);
    putIf(j, "author", s.author);
    putDate(j, "published", s.published);
    putIf(j, "url", s.url);
    putIf(j, "file", s.file);
    putIf(j, "sha256", s.sha256);
    return j;
}

Json toJson(const model::Actor& a) {
    Json j;
    j["id"] = a.id;
    j["kind"] = model::toString(a.kind);
    j["name"] = a.name;
    if (!a.aliases.empty()) j["aliases"] = a.aliases;
    putIf(j, "country", a.country);
    putAttributes(j, a.attributes);
    putEvidence(j, a.evidence);
    return j;
}

Json toJson(const model::Participant& p) {
    Json j;
    j["actor"] = p.actor;
    j["role"] = model::toString(p.role);
    putEvidence(j, p.evidence);
    putIf(j, "side", p.side);
    return j;
}

Json toJson(const model::Event& e) {
    Json j;
    j["id"] = e.id;
    j["kind"] = model::toString(e.kind);
    j["title"] = e.title;
    putDate(j, "start", e.start);
    putDate(j, "end", e.end);
    if (e.status != model::EventStatus::Occurred) j["status"] = model::toString(e.status);
    if (e.place.empty()) {
        putIf(j, "location", e.location);
    } else {
        // [places] Format 1.1: the place as an object, its name inside it.
        Json place = Json::object();
        putIf(place, "name", e.location);
        putIf(place, "country", e.place.country);
        putIf(place, "lat", e.place.latitude);
        putIf(place, "lon", e.place.longitude);
        putIf(place, "gazetteer", e.place.gazetteer);
        j["place"] = std::move(place);
    }
    putIf(j, "parent", e.parent);
    putIf(j, "cameo", e.cameo);
    putIf(j, "goldstein", e.goldstein);
    putAttributes(j, e.attributes);
    if (!e.participants.empty()) {
        Json list = Json::array();
        for (const auto& p : e.participants) list.push_back(toJson(p));
        j["participants"] = std::move(list);
    }
    putEvidence(j, e.evidence);
    return j;
}

Json toJson(const model::Relation& r) {
    Json j;
    j["id"] = r.id;
    j["kind"] = model::toString(r.kind);
    j["from"] = r.from;
    j["to"] = r.to;
    if (r.valid.start || r.valid.end) {
        Json valid = Json::object();
        putDate(valid, "from", r.valid.start);
        putDate(valid, "to", r.valid.end);
        j["valid"] = std::move(valid);
    }
    putAttributes(j, r.attributes);
    putEvidence(j, r.evidence);
    // [attested]
    if (!r.attested.empty()) {
        Json list = Json::array();
        for (const auto& a : r.attested) {
            Json x = Json::object();
            if (a.period.start == a.period.end) {
                putDate(x, "date", a.period.start);
            } else {
                putDate(x, "from", a.period.start);
                putDate(x, "to", a.period.end);
            }
            putEvidence(x, a.evidence);
            list.push_back(std::move(x));
        }
        j["attested"] = std::move(list);
    }
    return j;
}

Json toJson(const model::EventLink& l) {
    Json j;
    j["id"] = l.id;
    j["kind"] = model::toString(l.kind);
    j["from"] = l.from;
    j["to"] = l.to;
    putEvidence(j, l.evidence);
    return j;
}

/// The records as a JSON array, sorted by id.
template <class T>
Json sortedArray(const std::vector<T>& records) {
    std::vector<const T*> sorted;
    sorted.reserve(records.size());
    for (const auto& r : records) sorted.push_back(&r);
    std::sort(sorted.begin(), sorted.end(), [](const T* a, const T* b) { return a->id < b->id; });
    Json out = Json::array();
    for (const auto* r : sorted) out.push_back(toJson(*r));
    return out;
}

}  // namespace

std::string writeDataset(const Dataset& dataset, int indent) {
    Json doc;
    doc["format"] = "bilateral-dataset";
    doc["version"] = 1.1;
    doc["sources"] = sortedArray(dataset.sources);
    doc["actors"] = sortedArray(dataset.actors);
    doc["events"] = sortedArray(dataset.events);
    doc["relations"] = sortedArray(dataset.relations);
    if (!dataset.links.empty()) doc["links"] = sortedArray(dataset.links);
    return doc.dump(indent, ' ', false, Json::error_handler_t::strict) + "\n";
}

Dataset datasetFromStore(store::Store& store) {
    Dataset d;
    d.sources = store.sources();
    d.actors = store.actors();
    d.events = store.events();
    d.relations = store.relations();
    d.links = store.eventLinks();
    return d;
}

}  // namespace bilateral::io
