#include "format.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <limits>

#include "bilateral/error.hpp"
#include "bilateral/query/queries.hpp"

namespace bilateral::cli {
namespace {

/// Display width of UTF-8 text, in code points.
std::size_t width(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

template <class Enum>
std::string knownNames() {
    std::string out;
    for (const auto n : model::names<Enum>()) {
        out += out.empty() ? "" : ", ";
        out += n;
    }
    return out;
}

}  // namespace

std::optional<model::Date> parseDateOption(const std::string& text, std::string_view flag) {
    if (text.empty()) return std::nullopt;
    std::string why;
    if (auto d = model::Date::tryParse(text, &why)) return d;
    throw InvalidArgumentError(std::string(flag) + ": " + why);
}

std::vector<model::EventKind> parseEventKinds(const std::string& list, std::string_view flag) {
    std::vector<model::EventKind> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        auto end = list.find(',', start);
        if (end == std::string::npos) end = list.size();
        const auto name = std::string_view(list).substr(start, end - start);
        if (!name.empty()) {
            const auto k = model::parse<model::EventKind>(name);
            if (!k) {
                throw InvalidArgumentError(std::string(flag) + ": unknown event kind \"" +
                                           std::string(name) + "\" (expected one of " +
                                           knownNames<model::EventKind>() + ")");
            }
            if (std::find(out.begin(), out.end(), *k) == out.end()) out.push_back(*k);
        }
        start = end + 1;
    }
    return out;
}

std::optional<model::RelationKind> parseRelationKind(const std::string& text,
                                                     std::string_view flag) {
    if (text.empty()) return std::nullopt;
    if (auto k = model::parse<model::RelationKind>(text)) return k;
    throw InvalidArgumentError(std::string(flag) + ": unknown relation kind \"" + text +
                               "\" (expected one of " + knownNames<model::RelationKind>() + ")");
}

std::string resolveActorArgument(store::Store& store, const std::string& text) {
    return query::resolveActor(store, text);
}

std::string dateText(const std::optional<model::Date>& d) {
    return d ? d->toString() : std::string();
}

Json dateJson(const std::optional<model::Date>& d) {
    return d ? Json(d->toString()) : Json(nullptr);
}

std::string intervalText(const model::Interval& v) {
    if (!v.start && !v.end) return "undated";
    std::string s = v.start ? v.start->toString() + " .." : "..";
    if (v.end) s += " " + v.end->toString();
    return s;
}

Json intervalJson(const model::Interval& v) {
    Json j;
    j["from"] = dateJson(v.start);
    j["to"] = dateJson(v.end);
    return j;
}

std::string certaintyText(model::Certainty c) {
    return std::string(model::toString(c));
}

Json actorJson(const query::ActorInfo& a) {
    return actorJson(query::ActorRef{a.id, a.name, a.kind, a.country});
}

Json actorJson(const model::Actor& a) {
    Json j;
    j["id"] = a.id;
    j["name"] = a.name;
    j["kind"] = model::toString(a.kind);
    j["country"] = a.country ? Json(*a.country) : Json(nullptr);
    return j;
}

Json actorJson(const query::ActorRef& a) {
    Json j;
    j["id"] = a.id;
    j["name"] = a.name;
    j["kind"] = model::toString(a.kind);
    j["country"] = a.country.empty() ? Json(nullptr) : Json(a.country);
    return j;
}

std::string eventDateText(const query::EventRef& e) {
    if (!e.start && !e.end) return "undated";
    std::string s = e.start ? e.start->toString() : std::string("..");
    if (e.end && e.end != e.start) s += ".." + e.end->toString();
    if (e.datedByParent) s += "*";
    return s;
}

/// [places] An event's place as JSON: null when it has none.
Json placeJson(const std::string& name, const std::string& country) {
    if (name.empty() && country.empty()) return nullptr;
    return Json{{"name", name.empty() ? Json(nullptr) : Json(name)},
                {"country", country.empty() ? Json(nullptr) : Json(country)}};
}

Json eventJson(const query::EventRef& e, bool participants) {
    Json j;
    j["id"] = e.id;
    j["kind"] = model::toString(e.kind);
    j["title"] = e.title;
    j["status"] = model::toString(e.status);
    j["start"] = dateJson(e.start);
    j["end"] = dateJson(e.end);
    j["dated_by_parent"] = e.datedByParent;
    j["parent"] = e.parent.empty() ? Json(nullptr) : Json(e.parent);
    j["evidence"] = e.evidence;
    // [places]
    j["place"] = placeJson(e.location, e.placeCountry);
    if (e.inScope) j["in_dyad"] = query::toString(*e.inScope);
    if (participants) {
        Json ls = Json::array();
        for (const auto& l : e.links) {
            ls.push_back(Json{{"id", l.id},
                              {"kind", model::toString(l.kind)},
                              {"direction", l.outgoing ? "to" : "from"},
                              {"event", l.event},
                              {"title", l.title}});
        }
        j["links"] = std::move(ls);
    }
    if (participants) {
        Json ps = Json::array();
        for (const auto& p : e.participants) {
            ps.push_back(Json{{"id", p.actor.id},
                              {"name", p.actor.name},
                              {"role", model::toString(p.role)}});
        }
        j["participants"] = std::move(ps);
    }
    return j;
}

void addLimitOption(CLI::App& cmd, std::size_t& limit) {
    cmd.add_option("--limit", limit, "show at most N (default: all)")
        ->check(CLI::Range(std::size_t{1}, std::numeric_limits<std::size_t>::max())
                    .description("a positive number"));
}

void printShowing(std::size_t shown, std::size_t total) {
    if (shown < total) fmt::print("showing {} of {}\n", shown, total);
}

std::string eventDateText(const query::Index& index, query::EventIx e) {
    const auto& ev = index.event(e);
    const bool own = ev.start || ev.end;
    const auto start = index.startOf(e);
    const auto end = index.endOf(e);
    if (!start && !end) return "undated";
    std::string s = start ? start->toString() : std::string("..");
    if (end && end != start) s += ".." + end->toString();
    if (!own) s += "*";
    return s;
}

Json eventJson(const query::Index& index, query::EventIx e, bool participants) {
    const auto& ev = index.event(e);
    Json j;
    j["id"] = ev.id;
    j["kind"] = model::toString(ev.kind);
    j["title"] = ev.title;
    j["status"] = model::toString(ev.status);
    j["start"] = dateJson(index.startOf(e));
    j["end"] = dateJson(index.endOf(e));
    j["dated_by_parent"] = !ev.start && !ev.end && (index.startOf(e) || index.endOf(e));
    j["parent"] = ev.parent ? Json(index.event(*ev.parent).id) : Json(nullptr);
    j["place"] = placeJson(ev.location, ev.placeCountry);  // [places]
    if (participants) {
        Json ls = Json::array();
        for (const auto& l : index.linksOf(e)) {
            const auto& other = index.event(l.other);
            ls.push_back(Json{{"kind", model::toString(l.kind)},
                              {"direction", l.outgoing ? "to" : "from"},
                              {"event", other.id},
                              {"title", other.title}});
        }
        j["links"] = std::move(ls);
    }
    if (participants) {
        Json ps = Json::array();
        for (const auto& p : index.participantsOf(e)) {
            const auto& a = index.actor(p.actor);
            ps.push_back(Json{{"id", a.id}, {"name", a.name}, {"role", model::toString(p.role)}});
        }
        j["participants"] = std::move(ps);
    }
    return j;
}

Json kindsJson(const std::vector<model::EventKind>& kinds) {
    Json j = Json::array();
    for (auto k : kinds) j.push_back(model::toString(k));
    return j;
}

Table::Table(std::vector<std::string> header, std::vector<std::size_t> rightAligned)
    : header_(std::move(header)), right_(std::move(rightAligned)) {}

void Table::add(std::vector<std::string> row) {
    row.resize(header_.size());
    rows_.push_back(std::move(row));
}

void Table::print() const {
    std::vector<std::size_t> w(header_.size(), 0);
    for (std::size_t c = 0; c < header_.size(); ++c) w[c] = width(header_[c]);
    for (const auto& r : rows_) {
        for (std::size_t c = 0; c < r.size(); ++c) w[c] = std::max(w[c], width(r[c]));
    }
    auto line = [&](const std::vector<std::string>& r) {
        std::string out;
        for (std::size_t c = 0; c < r.size(); ++c) {
            const bool right = std::find(right_.begin(), right_.end(), c) != right_.end();
            const std::string pad(w[c] - width(r[c]), ' ');
            const bool last = c + 1 == r.size();
            if (right)
                out += pad + r[c];
            else
                out += r[c] + (last ? std::string() : pad);
            if (!last) out += "  ";
        }
        fmt::print("{}\n", out);
    };
    line(header_);
    for (const auto& r : rows_) line(r);
}

void printJson(const Json& j) {
    fmt::print("{}\n", j.dump(2));
}

std::string labelOf(const query::ActorInfo& a) {
    return a.name + " (" + a.id + ")";
}

}  // namespace bilateral::cli
