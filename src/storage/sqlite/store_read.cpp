// Reads: whole records by id, everything ordered by id, counts.

#include <tuple>

#include "rows.hpp"

namespace bilateral::sqlite {
namespace {

using detail::readDate;
using detail::readEnum;

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
    while (st.step()) out.push_back(storage::rows::evidenceAt(st));
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
    "SELECT key, title, kind, author, published_lo, published_prec, url, file, sha256, standing "
    "FROM source";

// Each reader takes a row of its SELECT, without the nested parts (aliases, evidence).
model::Actor actorRowOf(const Statement& st) {
    return storage::rows::actorAt(st, detail::attributesFromJson);
}

model::Event eventRowOf(const Statement& st) {
    return storage::rows::eventAt(st, detail::attributesFromJson);
}

model::Relation relationRowOf(const Statement& st) {
    return storage::rows::relationAt(st, detail::attributesFromJson);
}

/// [claims] The claims of a relation (`relation_id`) or of an event and its participations
/// (`event_id`), in order, each with its evidence and the participation it is about (0: none).
std::vector<std::pair<std::int64_t, model::Claim>> readClaims(Store& store, std::string_view column,
                                                              std::int64_t row) {
    std::vector<std::tuple<std::int64_t, std::int64_t, model::Claim>> rows;
    {
        auto st = detail::prepare(
            store,
            "SELECT c.id, coalesce(c.participation_id, 0), c.own, s.key, c.start_lo, "
            "c.start_prec, c.end_lo, c.end_prec, c.kind, c.status, c.role, "
            "c.valid_from_lo, c.valid_from_prec, c.valid_to_lo, c.valid_to_prec, c.note "
            "FROM claim c LEFT JOIN source s ON s.id = c.source_id WHERE c." +
                std::string(column) + " = ? ORDER BY c.participation_id, c.ord");
        st.bind(1, row);
        while (st.step())
            rows.emplace_back(st.getInt64(0), st.getInt64(1), storage::rows::claimAt(st, 2));
    }
    std::vector<std::pair<std::int64_t, model::Claim>> out;
    for (auto& [id, participation, claim] : rows) {
        claim.evidence = readEvidence(store, "claim_id", id, "claim_evidence");
        out.emplace_back(participation, std::move(claim));
    }
    return out;
}

/// A relation's evidence and attestations ([attested]), each attestation with its evidence.
void completeRelation(Store& store, std::int64_t row, model::Relation& r) {
    r.evidence = readEvidence(store, "relation_id", row);
    for (auto& [participation, claim] : readClaims(store, "relation_id", row))
        r.claims.push_back(std::move(claim));
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
    return storage::rows::sourceAt(st);
}

void completeActor(Store& store, std::int64_t row, model::Actor& a) {
    a.aliases = store.actorAliases(row);
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
        while (st.step()) parts.emplace_back(st.getInt64(0), storage::rows::participantAt(st));
    }
    auto claims = readClaims(store, "event_id", row);
    for (auto& [prow, p] : parts) {
        p.evidence = readEvidence(store, "participation_id", prow);
        for (auto& [of, claim] : claims)
            if (of == prow) p.claims.push_back(std::move(claim));
        e.participants.push_back(std::move(p));
    }
    e.evidence = readEvidence(store, "event_id", row);
    for (auto& [of, claim] : claims)
        if (of == 0) e.claims.push_back(std::move(claim));
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
        while (st.step()) rows.emplace_back(st.getInt64(0), storage::rows::eventLinkAt(st));
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

model::Counts Store::counts() {
    // From the tally kept at import (derived.hpp): no table is scanned.
    model::Counts c;
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

}  // namespace bilateral::sqlite
