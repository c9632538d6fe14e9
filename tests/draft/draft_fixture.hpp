#pragma once
// Drafting small texts in the tests: the draft as a dataset document, and lookups in it.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "bilateral/draft/draft.hpp"
#include "bilateral/model/date.hpp"

namespace bilateral::draft::testing {

using Json = nlohmann::json;

inline Json draftJson(const std::string& text, const std::string& published = "",
                      std::optional<Language> lang = std::nullopt, GraphNames* names = nullptr) {
    DraftOptions o;
    o.language = lang;
    if (!published.empty()) o.published = model::Date::parse(published);
    o.fileName = "article.txt";
    return Json::parse(toDatasetJson(draftArticle(text, o, names)));
}

/// The actor named `name` (exactly), or null.
inline Json actorNamed(const Json& doc, const std::string& name) {
    for (const auto& a : doc["actors"]) {
        if (a["name"] == name) return a;
    }
    return nullptr;
}

inline Json byId(const Json& list, const std::string& id) {
    for (const auto& x : list) {
        if (x["id"] == id) return x;
    }
    return nullptr;
}

/// The names of the posts `personId` holds in the draft.
inline std::vector<std::string> postsOf(const Json& doc, const std::string& personId) {
    std::vector<std::string> out;
    for (const auto& r : doc["relations"]) {
        if (r["kind"] == "holds_post" && r["from"] == personId) {
            out.push_back(byId(doc["actors"], r["to"])["name"]);
        }
    }
    return out;
}

/// Events of `kind`, in the draft's order.
inline std::vector<Json> eventsOf(const Json& doc, const std::string& kind) {
    std::vector<Json> out;
    for (const auto& e : doc["events"]) {
        if (e["kind"] == kind) out.push_back(e);
    }
    return out;
}

inline std::string roleOf(const Json& event, const std::string& actorId) {
    for (const auto& p : event["participants"]) {
        if (p["actor"] == actorId) return p["role"];
    }
    return "";
}

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace bilateral::draft::testing
