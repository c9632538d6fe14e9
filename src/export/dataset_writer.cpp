// Dataset JSON v1 writer: deterministic output (arrays by id, fields in the order of
// docs/dataset-format.md, optional fields left out when absent or at their default).

#include <nlohmann/json.hpp>

#include <algorithm>

#include "bilateral/export/from_storage.hpp"
#include "bilateral/import/dataset.hpp"
#include "bilateral/rules/claims.hpp"

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

Json toJson(const model::Participant& p);
Json toJson(const model::Claim& c);
Json toJson(const model::Attestation& a);

/// `key`: the items as an array, when there are any.
template <class T>
void putList(Json& j, const char* key, const std::vector<T>& items) {
    if (items.empty()) return;
    Json list = Json::array();
    for (const auto& x : items) list.push_back(toJson(x));
    j[key] = std::move(list);
}

/// What every record but a source starts with: its id and its kind.
template <class Kind>
Json record(const std::string& id, Kind kind) {
    Json j;
    j["id"] = id;
    j["kind"] = model::toString(kind);
    return j;
}

/// A record between two others (relations, event links): id, kind, from, to.
template <class T>
Json between(const T& r) {
    Json j = record(r.id, r.kind);
    j["from"] = r.from;
    j["to"] = r.to;
    return j;
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
    if (s.standing) j["standing"] = model::toString(*s.standing);
    return j;
}

/// [claims] One source's account: its source, the fields it gives, its evidence and note.
Json toJson(const model::Claim& c) {
    Json j;
    j["source"] = c.source;
    putDate(j, "start", c.start);
    putDate(j, "end", c.end);
    if (c.kind) j["kind"] = model::toString(*c.kind);
    if (c.status) j["status"] = model::toString(*c.status);
    if (c.role) j["role"] = model::toString(*c.role);
    if (c.validFrom || c.validTo) {
        Json valid = Json::object();
        putDate(valid, "from", c.validFrom);
        putDate(valid, "to", c.validTo);
        j["valid"] = std::move(valid);
    }
    putList(j, "evidence", c.evidence);
    putIf(j, "note", c.note);
    return j;
}

Json toJson(const model::Actor& a) {
    Json j = record(a.id, a.kind);
    j["name"] = a.name;
    if (!a.aliases.empty()) j["aliases"] = a.aliases;
    putIf(j, "country", a.country);
    putAttributes(j, a.attributes);
    putList(j, "evidence", a.evidence);
    return j;
}

Json toJson(const model::Participant& p) {
    Json j;
    j["actor"] = p.actor;
    j["role"] = model::toString(p.role);
    putList(j, "evidence", p.evidence);
    putIf(j, "side", p.side);
    putList(j, "claims", p.claims);
    return j;
}

/// [places] Format 1.1: the place as an object, its name inside it; else the 1.0 `location`.
void putPlace(Json& j, const model::Event& e) {
    if (e.place.empty()) {
        putIf(j, "location", e.location);
        return;
    }
    Json place = Json::object();
    putIf(place, "name", e.location);
    putIf(place, "country", e.place.country);
    putIf(place, "lat", e.place.latitude);
    putIf(place, "lon", e.place.longitude);
    putIf(place, "gazetteer", e.place.gazetteer);
    j["place"] = std::move(place);
}

Json toJson(const model::Event& e) {
    Json j = record(e.id, e.kind);
    j["title"] = e.title;
    putDate(j, "start", e.start);
    putDate(j, "end", e.end);
    if (e.status != model::EventStatus::Occurred) j["status"] = model::toString(e.status);
    putPlace(j, e);
    putIf(j, "parent", e.parent);
    putIf(j, "cameo", e.cameo);
    putIf(j, "goldstein", e.goldstein);
    putAttributes(j, e.attributes);
    putList(j, "participants", e.participants);
    putList(j, "evidence", e.evidence);
    putList(j, "claims", e.claims);
    return j;
}

/// [attested] A day (`date`), or a period (`from`, `to`), with its evidence.
Json toJson(const model::Attestation& a) {
    Json x = Json::object();
    if (a.period.start == a.period.end) {
        putDate(x, "date", a.period.start);
    } else {
        putDate(x, "from", a.period.start);
        putDate(x, "to", a.period.end);
    }
    putList(x, "evidence", a.evidence);
    return x;
}

Json toJson(const model::Relation& r) {
    Json j = between(r);
    if (r.valid.start || r.valid.end) {
        Json valid = Json::object();
        putDate(valid, "from", r.valid.start);
        putDate(valid, "to", r.valid.end);
        j["valid"] = std::move(valid);
    }
    putAttributes(j, r.attributes);
    putList(j, "evidence", r.evidence);
    putList(j, "attested", r.attested);
    putList(j, "claims", r.claims);
    return j;
}

Json toJson(const model::EventLink& l) {
    Json j = between(l);
    putList(j, "evidence", l.evidence);
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

/// [claims] Whether the dataset needs format 1.2: a source's standing, a claim, a working visit.
bool needs12(const Dataset& d) {
    const auto eventNeeds = [](const model::Event& e) {
        if (!e.claims.empty() || e.kind == model::EventKind::WorkingVisit) return true;
        return std::any_of(e.participants.begin(), e.participants.end(),
                           [](const auto& p) { return !p.claims.empty(); });
    };
    return std::any_of(d.sources.begin(), d.sources.end(),
                       [](const auto& s) { return s.standing.has_value(); }) ||
           std::any_of(d.events.begin(), d.events.end(), eventNeeds) ||
           std::any_of(d.relations.begin(), d.relations.end(),
                       [](const auto& r) { return !r.claims.empty(); });
}

}  // namespace

std::string writeDataset(const Dataset& dataset, int indent) {
    Json doc;
    doc["format"] = "bilateral-dataset";
    // Version 1.1 unless the dataset holds what only 1.2 says (docs/dataset-format.md).
    if (needs12(dataset))
        doc["version"] = 1.2;
    else
        doc["version"] = 1.1;
    doc["sources"] = sortedArray(dataset.sources);
    doc["actors"] = sortedArray(dataset.actors);
    doc["events"] = sortedArray(dataset.events);
    doc["relations"] = sortedArray(dataset.relations);
    if (!dataset.links.empty()) doc["links"] = sortedArray(dataset.links);
    return doc.dump(indent, ' ', false, Json::error_handler_t::strict) + "\n";
}

Dataset datasetFromStore(storage::Engine& store) {
    Dataset d;
    store.forEachSource([&d](model::Source&& x) { d.sources.push_back(std::move(x)); });
    store.forEachActor([&d](model::Actor&& x) { d.actors.push_back(std::move(x)); });
    // [claims] Records as a document gives them: top-level fields their own account.
    store.forEachEvent(
        [&d](model::Event&& x) { d.events.push_back(rules::unsettle(std::move(x))); });
    store.forEachRelation(
        [&d](model::Relation&& x) { d.relations.push_back(rules::unsettle(std::move(x))); });
    store.forEachEventLink([&d](model::EventLink&& x) { d.links.push_back(std::move(x)); });
    return d;
}

}  // namespace bilateral::io
