// [claims] Disagreements as the command shows them: JSON (the `disagreements` verb, timelines'
// events) and the words of each source's evidence.

#include "format.hpp"

namespace bilateral::cli {

Json evidenceJson(const model::Evidence& e) {
    Json j;
    j["source"] = e.source;
    j["span"] = e.span ? Json::array({e.span->start, e.span->end}) : Json(nullptr);
    j["quote"] = e.quote ? Json(*e.quote) : Json(nullptr);
    j["basis"] = model::toString(e.basis);
    j["confidence"] = e.confidence ? Json(*e.confidence) : Json(nullptr);
    j["note"] = e.note ? Json(*e.note) : Json(nullptr);
    return j;
}

Json disagreementJson(const query::Disagreement& d) {
    Json j;
    j["record"] = d.record;
    j["actor"] = d.actor.empty() ? Json(nullptr) : Json(d.actor);
    j["field"] = d.field;
    Json values = Json::array();
    for (const auto& v : d.values) {
        Json x;
        x["source"] = v.source.empty() ? Json(nullptr) : Json(v.source);
        x["value"] = v.value;
        x["preferred"] = v.preferred;
        x["own"] = v.own;
        Json ev = Json::array();
        for (const auto& e : v.evidence) ev.push_back(evidenceJson(e));
        x["evidence"] = std::move(ev);
        x["note"] = v.note ? Json(*v.note) : Json(nullptr);
        values.push_back(std::move(x));
    }
    j["values"] = std::move(values);
    return j;
}

std::string quotesText(const std::vector<model::Evidence>& evidence) {
    std::string out;
    for (const auto& e : evidence) {
        if (!e.quote) continue;
        if (!out.empty()) out += " / ";
        out += "\u201c" + *e.quote + "\u201d";
    }
    return out;
}

}  // namespace bilateral::cli
