// The draft as a dataset document (docs/dataset-format.md, version 1.1).

#include <nlohmann/json.hpp>

#include "bilateral/draft/draft.hpp"

namespace bilateral::draft {
namespace {

using Json = nlohmann::ordered_json;

Json evidenceJson(const std::vector<model::Evidence>& list) {
    Json out = Json::array();
    for (const auto& e : list) {
        Json j;
        j["source"] = e.source;
        if (e.span) j["span"] = Json::array({e.span->start, e.span->end});
        if (e.quote) j["quote"] = *e.quote;
        j["basis"] = std::string(model::toString(e.basis));
        if (e.confidence) j["confidence"] = *e.confidence;
        if (e.note) j["note"] = *e.note;
        out.push_back(std::move(j));
    }
    return out;
}

Json attributesJson(const model::Attributes& attributes) {
    Json out = Json::object();
    for (const auto& [name, value] : attributes) {
        std::visit([&](const auto& v) { out[name] = v; }, value);
    }
    return out;
}

Json sourceJson(const model::Source& s) {
    Json j;
    j["id"] = s.id;
    j["title"] = s.title;
    if (s.kind) j["kind"] = *s.kind;
    if (s.author) j["author"] = *s.author;
    if (s.published) j["published"] = s.published->toString();
    if (s.url) j["url"] = *s.url;
    if (s.file) j["file"] = *s.file;
    if (s.sha256) j["sha256"] = *s.sha256;
    return j;
}

/// What every record but a source starts with: its id and kind.
template <class T>
Json idAndKind(const T& r) {
    Json j;
    j["id"] = r.id;
    j["kind"] = std::string(model::toString(r.kind));
    return j;
}

Json actorJson(const model::Actor& a) {
    Json j = idAndKind(a);
    j["name"] = a.name;
    if (!a.aliases.empty()) j["aliases"] = a.aliases;
    if (a.country) j["country"] = *a.country;
    if (!a.attributes.empty()) j["attributes"] = attributesJson(a.attributes);
    j["evidence"] = evidenceJson(a.evidence);
    return j;
}

Json eventJson(const model::Event& e) {
    Json j = idAndKind(e);
    j["title"] = e.title;
    if (e.start) j["start"] = e.start->toString();
    if (e.end) j["end"] = e.end->toString();
    j["status"] = std::string(model::toString(e.status));
    if (e.location) {
        Json place;
        place["name"] = *e.location;
        if (e.place.country) place["country"] = *e.place.country;
        j["place"] = std::move(place);
    }
    if (e.parent) j["parent"] = *e.parent;
    if (!e.attributes.empty()) j["attributes"] = attributesJson(e.attributes);
    Json parts = Json::array();
    for (const auto& p : e.participants) {
        Json pj;
        pj["actor"] = p.actor;
        pj["role"] = std::string(model::toString(p.role));
        pj["evidence"] = evidenceJson(p.evidence);
        parts.push_back(std::move(pj));
    }
    j["participants"] = std::move(parts);
    j["evidence"] = evidenceJson(e.evidence);
    return j;
}

/// A record between two others (relations, event links): id, kind, from, to.
template <class T>
Json between(const T& r) {
    Json j = idAndKind(r);
    j["from"] = r.from;
    j["to"] = r.to;
    return j;
}

Json relationJson(const model::Relation& r) {
    Json j = between(r);
    if (r.valid.start || r.valid.end) {
        Json v = Json::object();
        if (r.valid.start) v["from"] = r.valid.start->toString();
        if (r.valid.end) v["to"] = r.valid.end->toString();
        j["valid"] = std::move(v);
    }
    j["evidence"] = evidenceJson(r.evidence);
    return j;
}

Json linkJson(const model::EventLink& l) {
    Json j = between(l);
    j["evidence"] = evidenceJson(l.evidence);
    return j;
}

template <class T, class F>
Json arrayOf(const std::vector<T>& list, F f) {
    Json out = Json::array();
    for (const auto& x : list) out.push_back(f(x));
    return out;
}

}  // namespace

std::string toDatasetJson(const Draft& draft) {
    Json doc;
    doc["format"] = "bilateral-dataset";
    doc["version"] = 1.1;
    doc["sources"] = Json::array();
    if (!draft.sourceInGraph) doc["sources"].push_back(sourceJson(draft.source));
    doc["actors"] = arrayOf(draft.actors, actorJson);
    doc["events"] = arrayOf(draft.events, eventJson);
    doc["relations"] = arrayOf(draft.relations, relationJson);
    doc["links"] = arrayOf(draft.links, linkJson);
    return doc.dump(1) + "\n";
}

}  // namespace bilateral::draft
