// Dataset JSON v1 reader: every object strict, every error a ParseError at a JSON pointer
// (docs/dataset-format.md). Records are read in document order; ids are checked for duplicates
// as they come, references once the whole document is read, then parent cycles.

#include <algorithm>
#include <map>
#include <unordered_map>

#include "bilateral/import/dataset.hpp"
#include "bilateral/sqlite/store.hpp"
#include "json_cursor.hpp"

namespace bilateral::io {
namespace {

using detail::Cursor;

constexpr std::string_view kFormat = "bilateral-dataset";
// [places] Versions read: 1 (also written 1.0) and 1.1, the current one (docs/dataset-format.md).
constexpr double kVersion = 1.1;

bool matches(std::string_view s, std::size_t minLen, std::size_t maxLen, bool (*ok)(char)) {
    return s.size() >= minLen && s.size() <= maxLen && std::all_of(s.begin(), s.end(), ok);
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isUpper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool isLowerHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f');
}

std::string inQuotes(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

enum class Target { Source, Actor, Event };

std::string_view targetName(Target t) {
    switch (t) {
        case Target::Source:
            return "source";
        case Target::Actor:
            return "actor";
        case Target::Event:
            break;
    }
    return "event";
}

/// A reference to check once the whole document is read.
struct Reference {
    Target target;
    std::string id;
    std::string pointer;
};

/// Ids of one array, each with the pointer of its first occurrence.
using IdTable = std::unordered_map<std::string, std::string>;

class DatasetReader {
public:
    DatasetReader(const std::string& file, store::Store* existing)
        : file_(file), existing_(existing) {}

    Dataset read(const detail::Json& json) {
        const Cursor root(json, "", file_);
        if (!json.is_object()) {
            root.fail("expected a JSON object (a bilateral dataset), got " +
                      std::string(detail::describeType(json)));
        }
        header(root);
        root.object({"format", "version", "sources", "actors", "events", "relations", "links"});
        for (const auto& [key, value] : json.items()) {
            const Cursor array(value, "/" + detail::escapePointerToken(key), file_);
            if (key == "sources") {
                for (const auto& c : array.elements()) out_.sources.push_back(source(c));
            } else if (key == "actors") {
                for (const auto& c : array.elements()) out_.actors.push_back(actor(c));
            } else if (key == "events") {
                for (const auto& c : array.elements()) out_.events.push_back(event(c));
            } else if (key == "relations") {
                for (const auto& c : array.elements()) out_.relations.push_back(relation(c));
            } else if (key == "links") {
                for (const auto& c : array.elements()) out_.links.push_back(link(c));
            }
        }
        checkReferences();
        checkParentCycles();
        return std::move(out_);
    }

private:
    void header(const Cursor& root) {
        if (!root.optional("format")) {
            root.fail(
                "missing required field \"format\" (a bilateral dataset starts with "
                "\"format\": \"bilateral-dataset\", \"version\": 1)");
        }
        const auto format = root.required("format");
        if (format.string() != kFormat) {
            format.fail("expected " + inQuotes(kFormat) + ", got " + inQuotes(format.string()));
        }
        const auto version = root.required("version");
        const auto v = version.number();
        const auto shown = version.json().dump();
        if (v > kVersion) {
            version.fail("dataset version " + shown +
                         " is newer than this bilateral reads (version 1.1); upgrade bilateral");
        }
        if (v != 1.0 && v != kVersion) {
            version.fail("unsupported dataset version " + shown +
                         "; this bilateral reads versions 1 (1.0) and 1.1");
        }
    }

    // --- values ---------------------------------------------------------------------------

    std::string id(const Cursor& c, IdTable& ids) {
        auto value = c.nonEmptyString();
        const auto [it, inserted] = ids.emplace(value, c.pointer());
        if (!inserted) c.fail("duplicate id " + inQuotes(value) + " (first at " + it->second + ")");
        return value;
    }

    std::string reference(const Cursor& c, Target target) {
        auto value = c.nonEmptyString();
        references_.push_back({target, value, c.pointer()});
        return value;
    }

    static model::Date date(const Cursor& c) {
        std::string why;
        if (auto d = model::Date::tryParse(c.string(), &why)) return *d;
        c.fail(why);
    }

    static std::optional<model::Date> optionalDate(const Cursor& object, std::string_view key) {
        if (auto c = object.optional(key)) return date(*c);
        return std::nullopt;
    }

    static std::optional<std::string> optionalString(const Cursor& object, std::string_view key) {
        if (auto c = object.optional(key)) return c->string();
        return std::nullopt;
    }

    /// `later` may not lie wholly before `earlier` (partial dates compare by the days they cover).
    static void requireNotBefore(const Cursor& laterAt, const model::Date& later,
                                 std::string_view laterName, const model::Date& earlier,
                                 std::string_view earlierName) {
        if (later.latest() < earlier.earliest()) {
            laterAt.fail(std::string(laterName) + " " + later.toString() + " is before " +
                         std::string(earlierName) + " " + earlier.toString());
        }
    }

    static model::Attributes attributesOf(const Cursor& object) {
        model::Attributes out;
        const auto c = object.optional("attributes");
        if (!c) return out;
        if (!c->json().is_object()) {
            c->fail("expected an object, got " + std::string(detail::describeType(c->json())));
        }
        for (const auto& [key, value] : c->json().items()) {
            const Cursor v(value, c->pointer() + "/" + detail::escapePointerToken(key), c->file());
            if (value.is_string())
                out.emplace(key, value.get<std::string>());
            else if (value.is_boolean())
                out.emplace(key, value.get<bool>());
            else if (value.is_number_integer())
                out.emplace(key, v.integer());
            else if (value.is_number())
                out.emplace(key, value.get<double>());
            else {
                v.fail("attribute values must be strings, numbers or booleans; got " +
                       std::string(detail::describeType(value)));
            }
        }
        return out;
    }

    model::Evidence evidence(const Cursor& c) {
        c.object({"source", "span", "quote", "basis", "confidence", "note"});
        model::Evidence e;
        e.source = reference(c.required("source"), Target::Source);
        if (auto span = c.optional("span")) {
            const auto ends = span->elements();
            if (ends.size() != 2) {
                span->fail("expected [start, end], an array of two integers; got " +
                           std::to_string(ends.size()) + " elements");
            }
            const auto start = ends[0].integer();
            const auto end = ends[1].integer();
            if (start < 0) ends[0].fail("span start " + std::to_string(start) + " is negative");
            if (end <= start) {
                ends[1].fail("span end " + std::to_string(end) + " is not after its start " +
                             std::to_string(start));
            }
            e.span = model::Span{start, end};
        }
        e.quote = optionalString(c, "quote");
        if (auto basis = c.optional("basis")) e.basis = basis->enumeration<model::Basis>("basis");
        if (auto confidence = c.optional("confidence")) {
            const auto v = confidence->number();
            if (v < 0.0 || v > 1.0) {
                confidence->fail("confidence " + confidence->json().dump() + " is outside [0, 1]");
            }
            e.confidence = v;
        }
        e.note = optionalString(c, "note");
        return e;
    }

    std::vector<model::Evidence> evidenceOf(const Cursor& object) {
        std::vector<model::Evidence> out;
        if (auto list = object.optional("evidence")) {
            for (const auto& c : list->elements()) out.push_back(evidence(c));
        }
        return out;
    }

    // --- records --------------------------------------------------------------------------

    model::Source source(const Cursor& c) {
        c.object({"id", "title", "kind", "author", "published", "url", "file", "sha256"});
        model::Source s;
        s.id = id(c.required("id"), sourceIds_);
        s.title = c.required("title").string();
        s.kind = optionalString(c, "kind");
        s.author = optionalString(c, "author");
        s.published = optionalDate(c, "published");
        s.url = optionalString(c, "url");
        s.file = optionalString(c, "file");
        if (auto sha = c.optional("sha256")) {
            auto value = sha->string();
            if (!matches(value, 64, 64, isLowerHex)) {
                sha->fail("invalid sha256 " + inQuotes(value) +
                          ": expected 64 lowercase hex digits");
            }
            s.sha256 = std::move(value);
        }
        return s;
    }

    model::Actor actor(const Cursor& c) {
        c.object({"id", "kind", "name", "aliases", "country", "attributes", "evidence"});
        model::Actor a;
        a.id = id(c.required("id"), actorIds_);
        a.kind = c.required("kind").enumeration<model::ActorKind>("actor kind");
        a.name = c.required("name").string();
        if (auto aliases = c.optional("aliases")) a.aliases = aliases->strings();
        if (auto country = c.optional("country")) {
            auto value = country->string();
            if (!matches(value, 3, 3, isUpper)) {
                country->fail("invalid country " + inQuotes(value) +
                              ": expected an ISO 3166-1 alpha-3 code such as \"ITA\"");
            }
            a.country = std::move(value);
        }
        a.attributes = attributesOf(c);
        a.evidence = evidenceOf(c);
        return a;
    }

    model::Participant participant(const Cursor& c) {
        c.object({"actor", "role", "evidence", "side"});
        model::Participant p;
        p.actor = reference(c.required("actor"), Target::Actor);
        p.role = c.required("role").enumeration<model::Role>("role");
        p.evidence = evidenceOf(c);
        // [sides] a country code, or the id of a bloc actor (checked as any reference).
        if (auto side = c.optional("side")) {
            auto value = side->nonEmptyString();
            if (matches(value, 3, 3, isUpper))
                p.side = std::move(value);
            else if (value.find('/') != std::string::npos)
                p.side = reference(*side, Target::Actor);
            else
                side->fail("invalid side " + inQuotes(value) +
                           ": expected an ISO 3166-1 alpha-3 code such as \"ITA\" or a bloc "
                           "actor's id such as \"bloc/eu\"");
        }
        return p;
    }

    model::Event event(const Cursor& c) {
        c.object({"id", "kind", "title", "start", "end", "status", "location", "parent", "cameo",
                  "goldstein", "attributes", "participants", "evidence", "place"});
        model::Event e;
        e.id = id(c.required("id"), eventIds_);
        e.kind = c.required("kind").enumeration<model::EventKind>("event kind");
        e.title = c.required("title").string();
        e.start = optionalDate(c, "start");
        e.end = optionalDate(c, "end");
        if (e.start && e.end)
            requireNotBefore(*c.optional("end"), *e.end, "end", *e.start, "start");
        if (auto status = c.optional("status")) {
            e.status = status->enumeration<model::EventStatus>("event status");
        }
        e.location = optionalString(c, "location");
        if (auto place = c.optional("place")) readPlace(*place, e);
        if (auto parent = c.optional("parent")) {
            e.parent = reference(*parent, Target::Event);
            parentPointers_.emplace(e.id, parent->pointer());
        }
        if (auto cameo = c.optional("cameo")) {
            auto value = cameo->string();
            if (!matches(value, 2, 4, isDigit)) {
                cameo->fail("invalid CAMEO code " + inQuotes(value) +
                            ": expected 2 to 4 digits as a string, leading zeros kept (\"042\")");
            }
            e.cameo = std::move(value);
        }
        if (auto goldstein = c.optional("goldstein")) {
            const auto v = goldstein->number();
            if (v < -10.0 || v > 10.0) {
                goldstein->fail("goldstein " + goldstein->json().dump() + " is outside [-10, 10]");
            }
            e.goldstein = v;
        }
        e.attributes = attributesOf(c);
        if (auto list = c.optional("participants")) {
            std::map<std::pair<std::string, model::Role>, std::string> seen;
            for (const auto& pc : list->elements()) {
                auto p = participant(pc);
                const auto [it, inserted] = seen.emplace(std::pair{p.actor, p.role}, pc.pointer());
                if (!inserted) {
                    pc.fail("actor " + inQuotes(p.actor) + " already takes part in this event as " +
                            inQuotes(model::toString(p.role)) + " (at " + it->second + ")");
                }
                e.participants.push_back(std::move(p));
            }
        }
        e.evidence = evidenceOf(c);
        return e;
    }

    /// [places] `place`: {name, country, lat, lon, gazetteer}. A version-1 `location` string is
    /// the place's name; both may be given only when they agree.
    static void readPlace(const Cursor& c, model::Event& e) {
        c.object({"name", "country", "lat", "lon", "gazetteer"});
        if (auto name = c.optional("name")) {
            auto value = name->nonEmptyString();
            if (e.location && *e.location != value) {
                name->fail("place name " + inQuotes(value) + " differs from location " +
                           inQuotes(*e.location) + " (give the place's name once)");
            }
            e.location = std::move(value);
        }
        if (auto country = c.optional("country")) {
            auto value = country->string();
            if (!matches(value, 3, 3, isUpper)) {
                country->fail("invalid country " + inQuotes(value) +
                              ": expected an ISO 3166-1 alpha-3 code such as \"MYS\"");
            }
            e.place.country = std::move(value);
        }
        auto coordinate = [&](std::string_view key, double limit) -> std::optional<double> {
            const auto at = c.optional(key);
            if (!at) return std::nullopt;
            const auto v = at->number();
            if (v < -limit || v > limit) {
                at->fail(std::string(key) + " " + at->json().dump() + " is outside [-" +
                         std::to_string(static_cast<int>(limit)) + ", " +
                         std::to_string(static_cast<int>(limit)) + "]");
            }
            return v;
        };
        e.place.latitude = coordinate("lat", 90.0);
        e.place.longitude = coordinate("lon", 180.0);
        if (e.place.latitude.has_value() != e.place.longitude.has_value()) {
            c.fail("a place's coordinates need both \"lat\" and \"lon\"");
        }
        if (auto id = c.optional("gazetteer")) {
            auto value = id->string();
            const auto colon = value.find(':');
            const auto scheme = value.substr(0, colon == std::string::npos ? 0 : colon);
            const bool known =
                scheme == "geonames" || scheme == "gns" || scheme == "gnis" || scheme == "fips";
            if (!known || colon + 1 >= value.size() ||
                value.find_first_of(" \t\n") != std::string::npos) {
                id->fail("invalid gazetteer id " + inQuotes(value) +
                         ": expected geonames:ID, gns:ID, gnis:ID or fips:CODE");
            }
            e.place.gazetteer = std::move(value);
        }
    }

    /// [places] A typed link between two events, with its evidence.
    model::EventLink link(const Cursor& c) {
        c.object({"id", "kind", "from", "to", "evidence"});
        model::EventLink l;
        l.id = id(c.required("id"), linkIds_);
        l.kind = c.required("kind").enumeration<model::EventLinkKind>("link kind");
        l.from = reference(c.required("from"), Target::Event);
        const auto to = c.required("to");
        l.to = reference(to, Target::Event);
        if (l.to == l.from) to.fail("a link from event " + inQuotes(l.from) + " to itself");
        l.evidence = evidenceOf(c);
        return l;
    }

    model::Relation relation(const Cursor& c) {
        c.object({"id", "kind", "from", "to", "valid", "attributes", "evidence", "attested"});
        model::Relation r;
        r.id = id(c.required("id"), relationIds_);
        r.kind = c.required("kind").enumeration<model::RelationKind>("relation kind");
        r.from = reference(c.required("from"), Target::Actor);
        r.to = reference(c.required("to"), Target::Actor);
        if (auto valid = c.optional("valid")) {
            valid->object({"from", "to"});
            r.valid.start = optionalDate(*valid, "from");
            r.valid.end = optionalDate(*valid, "to");
            if (r.valid.start && r.valid.end) {
                requireNotBefore(*valid->optional("to"), *r.valid.end, "valid.to", *r.valid.start,
                                 "valid.from");
            }
        }
        r.attributes = attributesOf(c);
        r.evidence = evidenceOf(c);
        if (auto list = c.optional("attested")) {
            for (const auto& ac : list->elements()) r.attested.push_back(attestation(ac, r.valid));
        }
        return r;
    }

    // [attested] A day (`date`) or a period (`from` and `to`) on which a source shows the
    // relation holding; it must lie within the relation's validity and carry evidence.
    model::Attestation attestation(const Cursor& c, const model::Interval& valid) {
        c.object({"date", "from", "to", "evidence"});
        model::Attestation a;
        if (auto d = c.optional("date")) {
            if (c.optional("from") || c.optional("to")) {
                d->fail("an attested entry gives either \"date\" or \"from\" and \"to\", not both");
            }
            a.period.start = a.period.end = date(*d);
        } else {
            a.period.start = optionalDate(c, "from");
            a.period.end = optionalDate(c, "to");
            if (!a.period.start || !a.period.end) {
                c.fail("an attested entry needs \"date\", or both \"from\" and \"to\"");
            }
            requireNotBefore(*c.optional("to"), *a.period.end, "to", *a.period.start, "from");
        }
        if (valid.covers(a.period.start->earliest()) == model::Certainty::No ||
            valid.covers(a.period.end->latest()) == model::Certainty::No) {
            c.fail("attested " + a.period.start->toString() +
                   (a.period.end == a.period.start ? "" : " to " + a.period.end->toString()) +
                   " lies outside the relation's validity");
        }
        a.evidence = evidenceOf(c);
        if (a.evidence.empty()) {
            c.fail(
                "an attested entry needs evidence: the source that shows the relation holding "
                "then");
        }
        return a;
    }

    // --- whole-document checks ------------------------------------------------------------

    bool resolves(const Reference& ref) {
        switch (ref.target) {
            case Target::Source:
                return sourceIds_.contains(ref.id) || (existing_ && existing_->sourceRow(ref.id));
            case Target::Actor:
                return actorIds_.contains(ref.id) || (existing_ && existing_->actorRow(ref.id));
            case Target::Event:
                break;
        }
        return eventIds_.contains(ref.id) || (existing_ && existing_->eventRow(ref.id));
    }

    void checkReferences() {
        for (const auto& ref : references_) {
            if (resolves(ref)) continue;
            throw ParseError(file_, ref.pointer,
                             "unknown " + std::string(targetName(ref.target)) + " " +
                                 inQuotes(ref.id) +
                                 (existing_ ? ": neither in this file nor in the database"
                                            : ": not in this file"));
        }
    }

    /// A parent chain that comes back to where it started. Reported at the `parent` of the
    /// cycle's event that comes first in the document.
    void checkParentCycles() {
        std::unordered_map<std::string, std::size_t> index;
        for (std::size_t i = 0; i < out_.events.size(); ++i) index.emplace(out_.events[i].id, i);
        enum class Mark { New, OnPath, Done };
        std::vector<Mark> mark(out_.events.size(), Mark::New);
        for (std::size_t start = 0; start < out_.events.size(); ++start) {
            std::vector<std::size_t> path;
            std::optional<std::size_t> cur = start;
            while (cur && mark[*cur] == Mark::New) {
                mark[*cur] = Mark::OnPath;
                path.push_back(*cur);
                const auto& parent = out_.events[*cur].parent;
                const auto it = parent ? index.find(*parent) : index.end();
                cur = it == index.end() ? std::nullopt : std::optional<std::size_t>(it->second);
            }
            if (cur && mark[*cur] == Mark::OnPath) {
                const auto from = std::find(path.begin(), path.end(), *cur);
                const auto first = *std::min_element(from, path.end());
                std::string chain;
                // Walk the cycle from its first event in document order.
                std::size_t at = first;
                do {
                    chain += out_.events[at].id + " → ";
                    at = index.at(*out_.events[at].parent);
                } while (at != first);
                chain += out_.events[first].id;
                throw ParseError(file_, parentPointers_.at(out_.events[first].id),
                                 "parent cycle: " + chain);
            }
            for (auto i : path) mark[i] = Mark::Done;
        }
    }

    const std::string& file_;
    store::Store* existing_;
    Dataset out_;
    IdTable sourceIds_, actorIds_, eventIds_, relationIds_, linkIds_;
    std::vector<Reference> references_;
    std::unordered_map<std::string, std::string> parentPointers_;
};

}  // namespace

Dataset parseDataset(std::string_view text, const std::string& file, store::Store* existing) {
    const auto json = detail::parseJson(text, file);
    return DatasetReader(file, existing).read(json);
}

Dataset readDataset(const std::filesystem::path& file, store::Store* existing) {
    return parseDataset(detail::readWholeFile(file), file.string(), existing);
}

}  // namespace bilateral::io
