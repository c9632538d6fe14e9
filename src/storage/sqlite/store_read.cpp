// Reads: whole records by id, everything ordered by id, counts.

#include "store_impl.hpp"

namespace bilateral::store {
namespace {

using model::Date;

std::optional<Date> readDate(const Statement& st, int lo, int prec) {
    if (st.isNull(lo)) return std::nullopt;
    return Date::fromStored(static_cast<model::DayNumber>(st.getInt64(lo)),
                            static_cast<model::Precision>(st.getInt(prec)));
}

template <class Enum>
Enum readEnum(const Statement& st, int col) {
    const auto text = st.getText(col);
    if (auto v = model::parse<Enum>(text)) return *v;
    throw StorageError("database holds an unknown value \"" + std::string(text) + "\"");
}

std::vector<model::Evidence> readEvidence(Store& store, std::string_view column, std::int64_t row,
                                          std::string_view table = "evidence") {
    std::string sql =
        "SELECT s.key, e.span_start, e.span_end, e.quote, e.basis, e.confidence, e.note FROM ";
    sql += table;
    sql += " e JOIN source s ON s.id = e.source_id WHERE e.";
    sql += column;
    // A relation's own evidence, not its attestations' ([attested]).
    if (column == "relation_id")
        sql += " = ? AND e.attested_id IS NULL ORDER BY e.id";
    else
        sql += " = ? ORDER BY e.id";
    auto st = detail::prepare(store, sql);
    st.bind(1, row);
    std::vector<model::Evidence> out;
    while (st.step()) {
        model::Evidence e;
        e.source = st.getString(0);
        if (!st.isNull(1)) e.span = model::Span{st.getInt64(1), st.getInt64(2)};
        e.quote = st.getOptString(3);
        e.basis = readEnum<model::Basis>(st, 4);
        if (!st.isNull(5)) e.confidence = st.getDouble(5);
        e.note = st.getOptString(6);
        out.push_back(std::move(e));
    }
    return out;
}

constexpr std::string_view kActorCols =
    "SELECT id, key, kind, name, country, attributes FROM actor";
constexpr std::string_view kEventCols =
    "SELECT e.id, e.key, e.kind, e.title, e.start_lo, e.start_prec, e.end_lo, e.end_prec, "
    "e.status, e.location, p.key, e.cameo, e.goldstein, e.attributes, e.place_country, "
    "e.place_lat, e.place_lon, e.place_gazetteer, m.key FROM event e "
    "LEFT JOIN event p ON p.id = e.parent_id LEFT JOIN event m ON m.id = e.meeting_id";
constexpr std::string_view kRelationCols =
    "SELECT r.id, r.key, r.kind, f.key, t.key, r.valid_from_lo, r.valid_from_prec, "
    "r.valid_to_lo, r.valid_to_prec, r.attributes FROM relation r "
    "JOIN actor f ON f.id = r.from_id JOIN actor t ON t.id = r.to_id";
constexpr std::string_view kSourceCols =
    "SELECT key, title, kind, author, published_lo, published_prec, url, file, sha256 FROM source";

// Each reader takes a row of its SELECT, without the nested parts (aliases, evidence).
model::Actor actorRowOf(const Statement& st) {
    model::Actor a;
    a.id = st.getString(1);
    a.kind = readEnum<model::ActorKind>(st, 2);
    a.name = st.getString(3);
    a.country = st.getOptString(4);
    a.attributes = detail::attributesFromJson(st.getText(5));
    return a;
}

model::Event eventRowOf(const Statement& st) {
    model::Event e;
    e.id = st.getString(1);
    e.kind = readEnum<model::EventKind>(st, 2);
    e.title = st.getString(3);
    e.start = readDate(st, 4, 5);
    e.end = readDate(st, 6, 7);
    e.status = readEnum<model::EventStatus>(st, 8);
    e.location = st.getOptString(9);
    e.parent = st.getOptString(10);
    e.cameo = st.getOptString(11);
    if (!st.isNull(12)) e.goldstein = st.getDouble(12);
    e.attributes = detail::attributesFromJson(st.getText(13));
    e.place.country = st.getOptString(14);
    if (!st.isNull(15)) e.place.latitude = st.getDouble(15);
    if (!st.isNull(16)) e.place.longitude = st.getDouble(16);
    e.place.gazetteer = st.getOptString(17);
    e.meeting = st.getOptString(18);
    return e;
}

model::Relation relationRowOf(const Statement& st) {
    model::Relation r;
    r.id = st.getString(1);
    r.kind = readEnum<model::RelationKind>(st, 2);
    r.from = st.getString(3);
    r.to = st.getString(4);
    r.valid.start = readDate(st, 5, 6);
    r.valid.end = readDate(st, 7, 8);
    r.attributes = detail::attributesFromJson(st.getText(9));
    return r;
}

/// A relation's evidence and attestations ([attested]), each attestation with its evidence.
void completeRelation(Store& store, std::int64_t row, model::Relation& r) {
    r.evidence = readEvidence(store, "relation_id", row);
    std::vector<std::pair<std::int64_t, model::Attestation>> attested;
    {
        auto st =
            detail::prepare(store,
                            "SELECT id, from_lo, from_prec, to_lo, to_prec FROM relation_attested "
                            "WHERE relation_id = ? ORDER BY from_lo, to_lo, id");
        st.bind(1, row);
        while (st.step()) {
            model::Attestation a;
            a.period.start = readDate(st, 1, 2);
            a.period.end = readDate(st, 3, 4);
            attested.emplace_back(st.getInt64(0), std::move(a));
        }
    }
    for (auto& [arow, a] : attested) {
        a.evidence = readEvidence(store, "attested_id", arow);
        r.attested.push_back(std::move(a));
    }
}

model::Source sourceRowOf(const Statement& st) {
    model::Source s;
    s.id = st.getString(0);
    s.title = st.getString(1);
    s.kind = st.getOptString(2);
    s.author = st.getOptString(3);
    s.published = readDate(st, 4, 5);
    s.url = st.getOptString(6);
    s.file = st.getOptString(7);
    s.sha256 = st.getOptString(8);
    return s;
}

void completeActor(Store& store, std::int64_t row, model::Actor& a) {
    auto st =
        detail::prepare(store, "SELECT alias FROM actor_alias WHERE actor_id = ? ORDER BY alias");
    st.bind(1, row);
    while (st.step()) a.aliases.push_back(st.getString(0));
    a.evidence = readEvidence(store, "actor_id", row);
}

void completeEvent(Store& store, std::int64_t row, model::Event& e) {
    std::vector<std::pair<std::int64_t, model::Participant>> parts;
    {
        auto st = detail::prepare(store,
                                  "SELECT p.id, a.key, p.role, p.side FROM participation p "
                                  "JOIN actor a ON a.id = p.actor_id "
                                  "WHERE p.event_id = ? ORDER BY p.id");
        st.bind(1, row);
        while (st.step()) {
            model::Participant p;
            p.actor = st.getString(1);
            p.role = readEnum<model::Role>(st, 2);
            p.side = st.getOptString(3);
            parts.emplace_back(st.getInt64(0), std::move(p));
        }
    }
    for (auto& [prow, p] : parts) {
        p.evidence = readEvidence(store, "participation_id", prow);
        e.participants.push_back(std::move(p));
    }
    e.evidence = readEvidence(store, "event_id", row);
}

/// Runs `sql` (with an optional key bound), builds each record and completes it after the
/// scan (so nested reads never reuse the scanning statement).
template <class T, class RowOf, class Complete>
std::vector<T> readAll(Store& store, const std::string& sql, std::optional<std::string_view> key,
                       RowOf rowOf, Complete complete) {
    std::vector<std::pair<std::int64_t, T>> rows;
    {
        auto st = detail::prepare(store, sql);
        if (key) st.bind(1, *key);
        while (st.step()) rows.emplace_back(st.getInt64(0), rowOf(st));
    }
    std::vector<T> out;
    out.reserve(rows.size());
    for (auto& [row, value] : rows) {
        complete(store, row, value);
        out.push_back(std::move(value));
    }
    return out;
}

template <class T>
std::optional<T> first(std::vector<T> v) {
    if (v.empty()) return std::nullopt;
    return std::move(v.front());
}

}  // namespace

std::optional<model::Actor> Store::findActor(std::string_view id) {
    return first(readAll<model::Actor>(*this, std::string(kActorCols) + " WHERE key = ?", id,
                                       actorRowOf, completeActor));
}

model::Actor Store::getActor(std::string_view id) {
    if (auto a = findActor(id)) return std::move(*a);
    throw NotFoundError("no actor with id \"" + std::string(id) + "\"");
}

std::optional<model::Event> Store::findEvent(std::string_view id) {
    return first(readAll<model::Event>(*this, std::string(kEventCols) + " WHERE e.key = ?", id,
                                       eventRowOf, completeEvent));
}

model::Event Store::getEvent(std::string_view id) {
    if (auto e = findEvent(id)) return std::move(*e);
    throw NotFoundError("no event with id \"" + std::string(id) + "\"");
}

std::optional<model::Relation> Store::findRelation(std::string_view id) {
    return first(readAll<model::Relation>(*this, std::string(kRelationCols) + " WHERE r.key = ?",
                                          id, relationRowOf, completeRelation));
}

std::optional<model::Source> Store::findSource(std::string_view id) {
    auto st = prepare(std::string(kSourceCols) + " WHERE key = ?");
    st.bind(1, id);
    std::optional<model::Source> out;
    if (st.step()) out = sourceRowOf(st);
    st.reset();
    return out;
}

std::vector<model::Source> Store::sources() {
    auto st = prepare(std::string(kSourceCols) + " ORDER BY key");
    std::vector<model::Source> out;
    while (st.step()) out.push_back(sourceRowOf(st));
    return out;
}

std::vector<model::Actor> Store::actors() {
    return readAll<model::Actor>(*this, std::string(kActorCols) + " ORDER BY key", std::nullopt,
                                 actorRowOf, completeActor);
}

std::vector<model::Event> Store::events() {
    return readAll<model::Event>(*this, std::string(kEventCols) + " ORDER BY e.key", std::nullopt,
                                 eventRowOf, completeEvent);
}

std::vector<model::Relation> Store::relations() {
    return readAll<model::Relation>(*this, std::string(kRelationCols) + " ORDER BY r.key",
                                    std::nullopt, relationRowOf, completeRelation);
}

namespace {
std::vector<model::EventLink> readLinks(Store& store, std::optional<std::string_view> key) {
    std::vector<std::pair<std::int64_t, model::EventLink>> rows;
    {
        auto st = detail::prepare(
            store, key ? "SELECT l.id, l.key, l.kind, f.key, t.key FROM event_link l JOIN event f "
                         "ON f.id = l.from_id JOIN event t ON t.id = l.to_id WHERE l.key = ?"
                       : "SELECT l.id, l.key, l.kind, f.key, t.key FROM event_link l JOIN event f "
                         "ON f.id = l.from_id JOIN event t ON t.id = l.to_id ORDER BY l.key");
        if (key) st.bind(1, *key);
        while (st.step()) {
            model::EventLink l;
            l.id = st.getString(1);
            l.kind = readEnum<model::EventLinkKind>(st, 2);
            l.from = st.getString(3);
            l.to = st.getString(4);
            rows.emplace_back(st.getInt64(0), std::move(l));
        }
    }
    std::vector<model::EventLink> out;
    for (auto& [row, l] : rows) {
        l.evidence = readEvidence(store, "link_id", row, "event_link_evidence");
        out.push_back(std::move(l));
    }
    return out;
}
}  // namespace

std::vector<model::EventLink> Store::eventLinks() {
    return readLinks(*this, std::nullopt);
}

std::optional<model::EventLink> Store::findEventLink(std::string_view id) {
    return first(readLinks(*this, id));
}

std::vector<EventLinkRecord> Store::eventLinksAt(std::int64_t eventRow) {
    auto st = prepare(
        "SELECT l.key, l.kind, 1, t.id, t.key, t.title FROM event_link l "
        "JOIN event t ON t.id = l.to_id WHERE l.from_id = ?1 UNION ALL "
        "SELECT l.key, l.kind, 0, f.id, f.key, f.title FROM event_link l "
        "JOIN event f ON f.id = l.from_id WHERE l.to_id = ?1 ORDER BY 3 DESC, 2, 5");
    st.bind(1, eventRow);
    std::vector<EventLinkRecord> out;
    while (st.step()) {
        EventLinkRecord r;
        r.id = st.getString(0);
        r.kind = readEnum<model::EventLinkKind>(st, 1);
        r.outgoing = st.getInt(2) != 0;
        r.otherRow = st.getInt64(3);
        r.otherId = st.getString(4);
        r.otherTitle = st.getString(5);
        out.push_back(std::move(r));
    }
    return out;
}

Counts Store::counts() {
    // From the tally kept at import (derived.hpp): no table is scanned.
    Counts c;
    auto st = prepare("SELECT subject, kind, n FROM tally WHERE n <> 0 ORDER BY subject, kind");
    while (st.step()) {
        const auto subject = st.getText(0);
        const auto kind = st.getString(1);
        const auto n = st.getInt64(2);
        if (kind.empty()) {
            if (subject == "source")
                c.sources = n;
            else if (subject == "actor")
                c.actors = n;
            else if (subject == "event")
                c.events = n;
            else if (subject == "participation")
                c.participations = n;
            else if (subject == "relation")
                c.relations = n;
            else if (subject == "evidence")
                c.evidence = n;
        } else if (subject == "actor") {
            c.actorsByKind.emplace_back(kind, n);
        } else if (subject == "event") {
            c.eventsByKind.emplace_back(kind, n);
        } else if (subject == "relation") {
            c.relationsByKind.emplace_back(kind, n);
        }
    }
    st.reset();
    // [places] Links are few (curated data only): counted from their table.
    auto links = prepare("SELECT count(*) FROM event_link");
    links.step();
    c.eventLinks = links.getInt64(0);
    links.reset();
    return c;
}

}  // namespace bilateral::store
