// Dataset JSON v1 reader: the document and its records, in document order
// (docs/dataset-format.md; dataset_reader.hpp says how the reader is laid out).

#include "dataset_reader.hpp"

#include <map>

#include "bilateral/import/from_storage.hpp"

namespace bilateral::io {
namespace detail {
namespace {

constexpr std::string_view kFormat = "bilateral-dataset";
// Versions read: 1 (also written 1.0), 1.1 ([places]) and 1.2 ([claims]), the current one
// (docs/dataset-format.md).
constexpr double kVersion = 1.2;

/// Reads every element of `array` with `read` into `out`.
template <class T, class Read>
void readAll(const Cursor& array, std::vector<T>& out, Read read) {
    for (const auto& c : array.elements()) out.push_back(read(c));
}

}  // namespace

Dataset DatasetReader::read(const Json& json) {
    const Cursor root(json, "", file_);
    if (!json.is_object()) {
        root.fail("expected a JSON object (a bilateral dataset), got " +
                  std::string(describeType(json)));
    }
    header(root);
    root.object({"format", "version", "sources", "actors", "events", "relations", "links"});
    for (const auto& [key, value] : json.items()) {
        const Cursor array(value, "/" + escapePointerToken(key), file_);
        if (key == "sources") readAll(array, out_.sources, [this](auto& c) { return source(c); });
        if (key == "actors") readAll(array, out_.actors, [this](auto& c) { return actor(c); });
        if (key == "events") readAll(array, out_.events, [this](auto& c) { return event(c); });
        if (key == "relations") {
            readAll(array, out_.relations, [this](auto& c) { return relation(c); });
        }
        if (key == "links") readAll(array, out_.links, [this](auto& c) { return link(c); });
    }
    checkReferences();
    checkParentCycles();
    if (!sourcesDir_.empty()) checkQuotes();
    return std::move(out_);
}

void DatasetReader::header(const Cursor& root) {
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
                     " is newer than this bilateral reads (version 1.2); upgrade bilateral");
    }
    if (v != 1.0 && v != 1.1 && v != kVersion) {
        version.fail("unsupported dataset version " + shown +
                     "; this bilateral reads versions 1 (1.0), 1.1 and 1.2");
    }
}

// --- records ---------------------------------------------------------------------------------

model::Source DatasetReader::source(const Cursor& c) {
    c.object({"id", "title", "kind", "author", "published", "url", "file", "sha256", "standing"});
    model::Source s;
    s.id = id(c.required("id"), sourceIds_);
    s.title = c.required("title").string();
    s.kind = optionalString(c, "kind");
    s.author = optionalString(c, "author");
    s.published = optionalDate(c, "published");
    s.url = optionalString(c, "url");
    s.file = optionalString(c, "file");
    s.sha256 = optionalMatching(c, "sha256", kSha256Pattern);
    if (auto standing = c.optional("standing")) {
        s.standing = standing->enumeration<model::Standing>("standing");
    }
    return s;
}

model::Actor DatasetReader::actor(const Cursor& c) {
    c.object({"id", "kind", "name", "aliases", "country", "attributes", "evidence"});
    model::Actor a;
    a.id = id(c.required("id"), actorIds_);
    a.kind = c.required("kind").enumeration<model::ActorKind>("actor kind");
    a.name = c.required("name").string();
    if (auto aliases = c.optional("aliases")) a.aliases = aliases->strings();
    a.country = optionalMatching(c, "country", kCountryPattern);
    a.attributes = attributesOf(c);
    a.evidence = evidenceOf(c);
    return a;
}

model::Participant DatasetReader::participant(const Cursor& c) {
    c.object({"actor", "role", "evidence", "side", "claims"});
    model::Participant p;
    p.actor = reference(c.required("actor"), Target::Actor);
    p.role = c.required("role").enumeration<model::Role>("role");
    p.evidence = evidenceOf(c);
    // [sides] a country code, or the id of a bloc actor (checked as any reference).
    if (auto side = c.optional("side")) {
        auto value = side->nonEmptyString();
        if (value.size() == 3 && std::all_of(value.begin(), value.end(), isUpperChar))
            p.side = std::move(value);
        else if (value.find('/') != std::string::npos)
            p.side = reference(*side, Target::Actor);
        else
            side->fail("invalid side " + inQuotes(value) +
                       ": expected an ISO 3166-1 alpha-3 code such as \"ITA\" or a bloc "
                       "actor's id such as \"bloc/eu\"");
    }
    p.claims = claimsOf(c, ClaimOf::Participation);
    return p;
}

model::Event DatasetReader::event(const Cursor& c) {
    c.object({"id", "kind", "title", "start", "end", "status", "location", "parent", "cameo",
              "goldstein", "attributes", "participants", "evidence", "place", "claims"});
    model::Event e;
    e.id = id(c.required("id"), eventIds_);
    e.kind = c.required("kind").enumeration<model::EventKind>("event kind");
    e.title = c.required("title").string();
    e.start = optionalDate(c, "start");
    e.end = optionalDate(c, "end");
    if (e.start && e.end) requireNotBefore(*c.optional("end"), *e.end, "end", *e.start, "start");
    if (auto status = c.optional("status")) {
        e.status = status->enumeration<model::EventStatus>("event status");
    }
    e.location = optionalString(c, "location");
    if (auto place = c.optional("place")) readPlace(*place, e);
    if (auto parent = c.optional("parent")) {
        e.parent = reference(*parent, Target::Event);
        parentPointers_.emplace(e.id, parent->pointer());
    }
    e.cameo = optionalMatching(c, "cameo", kCameoPattern);
    e.goldstein = optionalWithin(c, "goldstein", -10.0, 10.0);
    e.attributes = attributesOf(c);
    if (auto list = c.optional("participants")) e.participants = participants(*list);
    e.evidence = evidenceOf(c);
    e.claims = claimsOf(c, ClaimOf::Event);
    return e;
}

/// An event's participants: each (actor, role) once.
std::vector<model::Participant> DatasetReader::participants(const Cursor& list) {
    std::vector<model::Participant> out;
    std::map<std::pair<std::string, model::Role>, std::string> seen;
    for (const auto& pc : list.elements()) {
        auto p = participant(pc);
        const auto [it, inserted] = seen.emplace(std::pair{p.actor, p.role}, pc.pointer());
        if (!inserted) {
            pc.fail("actor " + inQuotes(p.actor) + " already takes part in this event as " +
                    inQuotes(model::toString(p.role)) + " (at " + it->second + ")");
        }
        out.push_back(std::move(p));
    }
    return out;
}

/// [places] A typed link between two events, with its evidence.
model::EventLink DatasetReader::link(const Cursor& c) {
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

model::Relation DatasetReader::relation(const Cursor& c) {
    c.object({"id", "kind", "from", "to", "valid", "attributes", "evidence", "attested", "claims"});
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
    r.claims = claimsOf(c, ClaimOf::Relation);
    return r;
}

// [attested] A day (`date`) or a period (`from` and `to`) on which a source shows the
// relation holding; it must lie within the relation's validity and carry evidence.
model::Attestation DatasetReader::attestation(const Cursor& c, const model::Interval& valid) {
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

}  // namespace detail

Dataset parseDataset(std::string_view text, const std::string& file) {
    return parseDataset(text, file, nullptr);
}

Dataset readDataset(const std::filesystem::path& file) {
    return readDataset(file, nullptr);
}

Dataset parseDataset(std::string_view text, const std::string& file, storage::Engine* existing,
                     const std::filesystem::path& sourcesDir) {
    const auto json = detail::parseJson(text, file);
    return detail::DatasetReader(file, existing, sourcesDir).read(json);
}

Dataset readDataset(const std::filesystem::path& file, storage::Engine* existing) {
    return parseDataset(detail::readWholeFile(file), file.string(), existing);
}

}  // namespace bilateral::io
