// Reads: whole records by id, everything ordered by id, counts (as the SQLite engine's
// store_read.cpp; evidence of events and participations is in event_evidence).

#include <utility>

#include "storage/postgres/store_impl.hpp"

namespace bilateral::storage::postgres {
namespace {

using detail::dateAt;
using detail::ResultRow;

/// Evidence rows of `where` ("e.actor_id = $1" and the like) in `table`, in row order.
std::vector<model::Evidence> readEvidence(Store& store, std::string_view table,
                                          std::string_view where, std::int64_t row) {
    const auto r = store.q(
        "SELECT s.key, e.span_start, e.span_end, e.quote, e.basis, e.confidence, e.note FROM " +
            std::string(table) + " e JOIN source s ON s.id = e.source_id WHERE " +
            std::string(where) + " ORDER BY e.id",
        Params().int64(row));
    std::vector<model::Evidence> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(storage::rows::evidenceAt(ResultRow{r, i}));
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

/// The attributes column's reader of `store`'s rules.
auto attributesOf(Store& store) {
    return [&store](std::string_view json) { return store.state().rules.attributesFromJson(json); };
}

model::Actor actorRowOf(Store& store, const Result& r, int i) {
    return storage::rows::actorAt(ResultRow{r, i}, attributesOf(store));
}

model::Event eventRowOf(Store& store, const Result& r, int i) {
    return storage::rows::eventAt(ResultRow{r, i}, attributesOf(store));
}

model::Relation relationRowOf(Store& store, const Result& r, int i) {
    return storage::rows::relationAt(ResultRow{r, i}, attributesOf(store));
}

model::Source sourceRowOf(const Result& r, int i) {
    return storage::rows::sourceAt(ResultRow{r, i});
}

void completeActor(Store& store, std::int64_t row, model::Actor& a) {
    a.aliases = store.actorAliases(row);
    a.evidence = readEvidence(store, "evidence", "e.actor_id = $1", row);
}

/// [claims] The claims of `where` ("c.relation_id = $1", "c.event_id = $1"), in order, each
/// with its evidence and the participation it is about (0: none).
std::vector<std::pair<std::int64_t, model::Claim>> readClaims(Store& store, std::string_view where,
                                                              std::int64_t row) {
    const auto r = store.q(
        "SELECT c.id, coalesce(c.participation_id, 0), c.own::integer, s.key, c.start_lo, "
        "c.start_prec, c.end_lo, c.end_prec, c.kind, c.status, c.role, c.valid_from_lo, "
        "c.valid_from_prec, c.valid_to_lo, c.valid_to_prec, c.note FROM claim c LEFT JOIN "
        "source s ON s.id = c.source_id WHERE " +
            std::string(where) + " ORDER BY c.participation_id NULLS FIRST, c.ord",
        Params().int64(row));
    std::vector<std::pair<std::int64_t, model::Claim>> out;
    for (int i = 0; i < r.rows(); ++i) {
        auto claim = storage::rows::claimAt(ResultRow{r, i}, 2);
        claim.evidence = readEvidence(store, "claim_evidence", "e.claim_id = $1", r.int64(i, 0));
        out.emplace_back(r.int64(i, 1), std::move(claim));
    }
    return out;
}

void completeEvent(Store& store, std::int64_t row, model::Event& e) {
    auto claims = readClaims(store, "c.event_id = $1", row);
    const auto r = store.q(
        "SELECT p.id, a.key, p.role, p.side FROM participation p JOIN actor a ON a.id = "
        "p.actor_id WHERE p.event_id = $1 ORDER BY p.id",
        Params().int64(row));
    for (int i = 0; i < r.rows(); ++i) {
        auto p = storage::rows::participantAt(ResultRow{r, i});
        p.evidence =
            readEvidence(store, "event_evidence", "e.participation_id = $1", r.int64(i, 0));
        for (auto& [of, claim] : claims)
            if (of == r.int64(i, 0)) p.claims.push_back(std::move(claim));
        e.participants.push_back(std::move(p));
    }
    e.evidence = readEvidence(store, "event_evidence",
                              "e.event_id = $1 AND e.participation_id IS NULL", row);
    for (auto& [of, claim] : claims)
        if (of == 0) e.claims.push_back(std::move(claim));
}

void completeRelation(Store& store, std::int64_t row, model::Relation& x) {
    x.evidence =
        readEvidence(store, "evidence", "e.relation_id = $1 AND e.attested_id IS NULL", row);
    const auto r = store.q(
        "SELECT id, from_lo, from_prec, to_lo, to_prec FROM relation_attested WHERE relation_id "
        "= $1 ORDER BY from_lo, to_lo, id",
        Params().int64(row));
    for (int i = 0; i < r.rows(); ++i) {
        model::Attestation a;
        a.period.start = dateAt(r, i, 1);
        a.period.end = dateAt(r, i, 3);
        a.evidence = readEvidence(store, "evidence", "e.attested_id = $1", r.int64(i, 0));
        x.attested.push_back(std::move(a));
    }
    for (auto& [of, claim] : readClaims(store, "c.relation_id = $1", row))
        x.claims.push_back(std::move(claim));
}

/// Runs `sql` (with an optional key bound as $1), builds each record and completes it; each to
/// `fn`, in the statement's order.
template <class T, class RowOf, class Complete, class Fn>
void readAll(Store& store, const std::string& sql, std::optional<std::string_view> key, RowOf rowOf,
             Complete complete, Fn&& fn) {
    Params p;
    if (key) p.text(*key);
    const auto r = store.q(sql, p);
    for (int i = 0; i < r.rows(); ++i) {
        T value = rowOf(store, r, i);
        complete(store, r.int64(i, 0), value);
        fn(std::move(value));
    }
}

template <class T, class RowOf, class Complete>
std::optional<T> readOne(Store& store, const std::string& sql, std::string_view key, RowOf rowOf,
                         Complete complete) {
    std::optional<T> out;
    readAll<T>(store, sql, key, rowOf, complete, [&out](T&& v) { out = std::move(v); });
    return out;
}

std::vector<model::EventLink> readLinks(Store& store, std::optional<std::string_view> key) {
    Params p;
    if (key) p.text(*key);
    const auto r = store.q(
        std::string("SELECT l.id, l.key, l.kind, f.key, t.key FROM event_link l JOIN event f "
                    "ON f.id = l.from_id JOIN event t ON t.id = l.to_id ") +
            (key ? "WHERE l.key = $1" : "ORDER BY l.key"),
        p);
    std::vector<model::EventLink> out;
    for (int i = 0; i < r.rows(); ++i) {
        auto l = storage::rows::eventLinkAt(ResultRow{r, i});
        l.evidence = readEvidence(store, "event_link_evidence", "e.link_id = $1", r.int64(i, 0));
        out.push_back(std::move(l));
    }
    return out;
}

}  // namespace

std::optional<model::Actor> Store::findActor(std::string_view id) {
    return readOne<model::Actor>(*this, std::string(kActorCols) + " WHERE key = $1", id, actorRowOf,
                                 completeActor);
}

std::optional<model::Event> Store::findEvent(std::string_view id) {
    return readOne<model::Event>(*this, std::string(kEventCols) + " WHERE e.key = $1", id,
                                 eventRowOf, completeEvent);
}

std::optional<model::Relation> Store::findRelation(std::string_view id) {
    return readOne<model::Relation>(*this, std::string(kRelationCols) + " WHERE r.key = $1", id,
                                    relationRowOf, completeRelation);
}

std::optional<model::Source> Store::findSource(std::string_view id) {
    const auto r = q(std::string(kSourceCols) + " WHERE key = $1", Params().text(id));
    if (r.rows() == 0) return std::nullopt;
    return sourceRowOf(r, 0);
}

std::optional<model::EventLink> Store::findEventLink(std::string_view id) {
    auto all = readLinks(*this, id);
    if (all.empty()) return std::nullopt;
    return std::move(all.front());
}

void Store::forEachSource(const std::function<void(model::Source&&)>& fn) {
    const auto r = x(std::string(kSourceCols) + " ORDER BY key");
    for (int i = 0; i < r.rows(); ++i) fn(sourceRowOf(r, i));
}

void Store::forEachActor(const std::function<void(model::Actor&&)>& fn) {
    readAll<model::Actor>(*this, std::string(kActorCols) + " ORDER BY key", std::nullopt,
                          actorRowOf, completeActor, fn);
}

void Store::forEachEvent(const std::function<void(model::Event&&)>& fn) {
    readAll<model::Event>(*this, std::string(kEventCols) + " ORDER BY e.key", std::nullopt,
                          eventRowOf, completeEvent, fn);
}

void Store::forEachRelation(const std::function<void(model::Relation&&)>& fn) {
    readAll<model::Relation>(*this, std::string(kRelationCols) + " ORDER BY r.key", std::nullopt,
                             relationRowOf, completeRelation, fn);
}

void Store::forEachEventLink(const std::function<void(model::EventLink&&)>& fn) {
    for (auto& l : readLinks(*this, std::nullopt)) fn(std::move(l));
}

model::Counts Store::counts() {
    // From the tally kept at import: no table is scanned.
    model::Counts c;
    const auto r = x("SELECT subject, kind, n FROM tally WHERE n <> 0 ORDER BY subject, kind");
    for (int i = 0; i < r.rows(); ++i) {
        const auto subject = r.text(i, 0);
        const auto kind = detail::textAt(r, i, 1);
        const auto n = r.int64(i, 2);
        if (kind.empty()) {
            if (subject == "source") c.sources = n;
            if (subject == "actor") c.actors = n;
            if (subject == "event") c.events = n;
            if (subject == "participation") c.participations = n;
            if (subject == "relation") c.relations = n;
            if (subject == "evidence") c.evidence = n;
        } else if (subject == "actor") {
            c.actorsByKind.emplace_back(kind, n);
        } else if (subject == "event") {
            c.eventsByKind.emplace_back(kind, n);
        } else if (subject == "relation") {
            c.relationsByKind.emplace_back(kind, n);
        }
    }
    c.eventLinks = detail::scalarOf(x("SELECT count(*) FROM event_link"));
    return c;
}

}  // namespace bilateral::storage::postgres
