// Writes: upserts by id, merged aliases, participants and evidence.

#include "bilateral/rules/search_text.hpp"
#include "store_impl.hpp"

namespace bilateral::sqlite {

template <class F>
void Store::inTransaction(F&& write) {
    if (impl_->marks) {
        write();
        return;
    }
    Transaction tx(*this);
    write();
    tx.commit();
}

namespace {

using model::Date;

/// Binds a partial date as (lo, hi, precision) at index i, i+1, i+2.
void bindDate(Statement& st, int i, const std::optional<Date>& d) {
    if (!d) {
        st.bindNull(i).bindNull(i + 1).bindNull(i + 2);
        return;
    }
    st.bind(i, static_cast<std::int64_t>(d->earliest()))
        .bind(i + 1, static_cast<std::int64_t>(d->latest()))
        .bind(i + 2, static_cast<int>(d->precision()));
}

enum class Subject { Actor, Event, Participation, Relation, Attested, EventLink, Claim };

std::string_view evidenceSql(Subject s) {
#define BILATERAL_EVIDENCE_SQL_IN(table, col, extra)                                             \
    "INSERT INTO " table "(" col                                                                 \
    ", source_id, span_start, span_end, quote, basis, confidence, note) "                        \
    "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE NOT EXISTS (SELECT 1 FROM " table " WHERE " col \
    " = ?1 AND source_id = ?2 AND span_start IS ?3 AND span_end IS ?4 AND quote IS ?5 AND "      \
    "basis = ?6 AND confidence IS ?7 AND note IS ?8" extra ")"
#define BILATERAL_EVIDENCE_SQL(col, extra) BILATERAL_EVIDENCE_SQL_IN("evidence", col, extra)
    switch (s) {
        case Subject::Actor:
            return BILATERAL_EVIDENCE_SQL("actor_id", "");
        case Subject::Event:
            return BILATERAL_EVIDENCE_SQL("event_id", "");
        case Subject::Participation:
            return BILATERAL_EVIDENCE_SQL("participation_id", "");
        case Subject::Attested:
            // [attested] An attestation's evidence also names its relation (?9), as the
            // evidence table wants exactly one subject; the relation's own has attested_id NULL.
            return "INSERT INTO evidence(attested_id, relation_id, source_id, span_start, "
                   "span_end, "
                   "quote, basis, confidence, note) SELECT ?1, ?9, ?2, ?3, ?4, ?5, ?6, ?7, ?8 "
                   "WHERE NOT EXISTS (SELECT 1 FROM evidence WHERE attested_id = ?1 AND "
                   "source_id = ?2 AND span_start IS ?3 AND span_end IS ?4 AND quote IS ?5 AND "
                   "basis = ?6 AND confidence IS ?7 AND note IS ?8)";
        case Subject::EventLink:
            return BILATERAL_EVIDENCE_SQL_IN("event_link_evidence", "link_id", "");
        case Subject::Claim:
            return BILATERAL_EVIDENCE_SQL_IN("claim_evidence", "claim_id", "");
        case Subject::Relation:
            break;
    }
    return BILATERAL_EVIDENCE_SQL("relation_id", " AND attested_id IS NULL");
#undef BILATERAL_EVIDENCE_SQL
#undef BILATERAL_EVIDENCE_SQL_IN
}

std::int64_t requireRow(std::optional<std::int64_t> row, std::string_view what,
                        std::string_view id) {
    if (!row)
        throw NotFoundError(std::string(what) + " \"" + std::string(id) + "\" does not exist");
    return *row;
}

std::int64_t returningId(Statement& st) {
    st.step();
    const auto id = st.getInt64(0);
    st.reset();
    return id;
}

}  // namespace

namespace {
void putEvidence(Store& store, Subject subject, std::int64_t row,
                 const std::vector<model::Evidence>& evidence, std::int64_t relationRow = 0) {
    for (const auto& e : evidence) {
        const auto source = requireRow(store.sourceRow(e.source), "source", e.source);
        auto st = detail::prepare(store, evidenceSql(subject));
        st.bind(1, row).bind(2, source);
        if (subject == Subject::Attested) st.bind(9, relationRow);
        if (e.span)
            st.bind(3, e.span->start).bind(4, e.span->end);
        else
            st.bindNull(3).bindNull(4);
        st.bind(5, e.quote).bind(6, model::toString(e.basis)).bind(7, e.confidence).bind(8, e.note);
        st.exec();
    }
}
}  // namespace

namespace {
/// [claims] The record a claim is about: an event, one of its participations, or a relation.
struct ClaimSubject {
    std::optional<std::int64_t> event, participation, relation;
};

template <class E>
void bindEnum(Statement& st, int i, const std::optional<E>& v) {
    if (v)
        st.bind(i, model::toString(*v));
    else
        st.bindNull(i);
}

/// [claims] Replaces the claims of one record (a put gives all of them, settled: rules/
/// claims.hpp); marks its event (notes bit 8) when it has some.
void putClaims(Store& store, const ClaimSubject& at, const std::vector<model::Claim>& claims) {
    if (at.relation) {
        detail::prepare(store, "DELETE FROM claim WHERE relation_id = ?")
            .bind(1, *at.relation)
            .exec();
    } else if (at.participation) {
        detail::prepare(store, "DELETE FROM claim WHERE participation_id = ?")
            .bind(1, *at.participation)
            .exec();
    } else {
        detail::prepare(store, "DELETE FROM claim WHERE event_id = ? AND participation_id IS NULL")
            .bind(1, *at.event)
            .exec();
    }
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const auto& c = claims[i];
        auto st = detail::prepare(
            store,
            "INSERT INTO claim(event_id, participation_id, relation_id, ord, own, source_id, "
            "start_lo, start_hi, start_prec, end_lo, end_hi, end_prec, kind, status, role, "
            "valid_from_lo, valid_from_hi, valid_from_prec, valid_to_lo, valid_to_hi, "
            "valid_to_prec, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
            "RETURNING id");
        st.bind(1, at.event).bind(2, at.participation).bind(3, at.relation);
        st.bind(4, static_cast<std::int64_t>(i)).bind(5, c.own ? 1 : 0);
        if (c.source.empty())
            st.bindNull(6);
        else
            st.bind(6, requireRow(store.sourceRow(c.source), "source", c.source));
        bindDate(st, 7, c.start);
        bindDate(st, 10, c.end);
        bindEnum(st, 13, c.kind);
        bindEnum(st, 14, c.status);
        bindEnum(st, 15, c.role);
        bindDate(st, 16, c.validFrom);
        bindDate(st, 19, c.validTo);
        st.bind(22, c.note);
        putEvidence(store, Subject::Claim, returningId(st), c.evidence);
    }
    if (at.event && !claims.empty()) {
        detail::prepare(store, "UPDATE event SET notes = notes | 8 WHERE id = ?")
            .bind(1, *at.event)
            .exec();
    }
}

std::optional<std::int64_t> lookupRow(Store& store, std::string_view sql, std::string_view id) {
    auto st = detail::prepare(store, sql);
    st.bind(1, id);
    std::optional<std::int64_t> r;
    if (st.step()) r = st.getInt64(0);
    st.reset();
    return r;
}
}  // namespace

std::optional<std::int64_t> Store::sourceRow(std::string_view id) {
    return lookupRow(*this, "SELECT id FROM source WHERE key = ?", id);
}
std::optional<std::int64_t> Store::actorRow(std::string_view id) {
    return lookupRow(*this, "SELECT id FROM actor WHERE key = ?", id);
}
std::optional<std::int64_t> Store::eventRow(std::string_view id) {
    return lookupRow(*this, "SELECT id FROM event WHERE key = ?", id);
}
std::optional<std::int64_t> Store::relationRow(std::string_view id) {
    return lookupRow(*this, "SELECT id FROM relation WHERE key = ?", id);
}

std::optional<Store::ActorBefore> Store::existingActor(std::string_view id) {
    auto st = prepare("SELECT id, kind, coalesce(country, '') FROM actor WHERE key = ?");
    st.bind(1, id);
    std::optional<ActorBefore> out;
    if (st.step()) out = ActorBefore{st.getInt64(0), st.getString(1), st.getString(2)};
    st.reset();
    return out;
}

void Store::touchEvent(std::int64_t eventRow) {
    // Only events that were there before the transaction have event_scope rows to take out;
    // newer ones are scoped in one pass at commit.
    if (eventRow <= impl_->marks->event && impl_->dirty.insert(eventRow).second) {
        detail::unscopeEvent(*this, eventRow);
    }
}

void Store::putSource(const model::Source& s) {
    inTransaction([&] { putSourceNow(s); });
}

void Store::putSourceNow(const model::Source& s) {
    auto st = prepare(
        "INSERT INTO source(key, title, kind, author, published_lo, published_hi, published_prec, "
        "url, file, sha256, standing) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(key) DO UPDATE "
        "SET "
        "title = excluded.title, kind = excluded.kind, author = excluded.author, "
        "published_lo = excluded.published_lo, published_hi = excluded.published_hi, "
        "published_prec = excluded.published_prec, url = excluded.url, file = excluded.file, "
        "sha256 = excluded.sha256, standing = excluded.standing");
    st.bind(1, s.id).bind(2, s.title).bind(3, s.kind).bind(4, s.author);
    bindDate(st, 5, s.published);
    st.bind(8, s.url).bind(9, s.file).bind(10, s.sha256);
    bindEnum(st, 11, s.standing);
    st.exec();
}

void Store::putActor(const model::Actor& a) {
    inTransaction([&] { putActorNow(a); });
}

void Store::putActorNow(const model::Actor& a) {
    // A new actor has no search rows yet. The delete below has to scan the FTS table
    // (actor_id is UNINDEXED there), so it runs only when an existing actor is replaced.
    const auto before = existingActor(a.id);
    const bool existed = before.has_value();
    if (before) {
        if (before->kind != model::toString(a.kind)) {
            detail::addTally(*this, "actor", before->kind, -1);
            detail::addTally(*this, "actor", model::toString(a.kind), 1);
        }
        // Its events' countries change with it: take them out of event_scope first.
        if (before->country != a.country.value_or("")) {
            auto events = prepare("SELECT DISTINCT event_id FROM participation WHERE actor_id = ?");
            events.bind(1, before->row);
            std::vector<std::int64_t> rows;
            while (events.step()) rows.push_back(events.getInt64(0));
            for (const auto e : rows) touchEvent(e);
        }
    }
    auto st = prepare(
        "INSERT INTO actor(key, kind, name, country, attributes) VALUES (?,?,?,?,?) "
        "ON CONFLICT(key) DO UPDATE SET kind = excluded.kind, name = excluded.name, "
        "country = excluded.country, attributes = excluded.attributes RETURNING id");
    st.bind(1, a.id)
        .bind(2, model::toString(a.kind))
        .bind(3, a.name)
        .bind(4, a.country)
        .bind(5, detail::attributesToJson(a.attributes));
    const auto row = returningId(st);
    for (const auto& alias : a.aliases) {
        prepare("INSERT OR IGNORE INTO actor_alias(actor_id, alias) VALUES (?, ?)")
            .bind(1, row)
            .bind(2, alias)
            .exec();
    }
    if (existed) prepare("DELETE FROM actor_search WHERE actor_id = ?").bind(1, row).exec();
    auto index = [&](std::string_view text) {
        prepare("INSERT INTO actor_search(actor_id, text) VALUES (?, ?)")
            .bind(1, row)
            .bind(2, rules::foldForSearch(text))
            .exec();
    };
    index(a.name);
    auto aliases = prepare("SELECT alias FROM actor_alias WHERE actor_id = ?");
    aliases.bind(1, row);
    std::vector<std::string> all;
    while (aliases.step()) all.push_back(aliases.getString(0));
    for (const auto& alias : all) index(alias);
    putEvidence(*this, Subject::Actor, row, a.evidence);
}

void Store::putEvent(const model::Event& e) {
    inTransaction([&] { putEventNow(e); });
}

void Store::putEventNow(const model::Event& e) {
    if (const auto before = eventRow(e.id)) {
        touchEvent(*before);
        auto old = prepare("SELECT kind FROM event WHERE id = ?");
        old.bind(1, *before);
        old.step();
        const auto kind = old.getString(0);
        old.reset();
        if (kind != model::toString(e.kind)) {
            detail::addTally(*this, "event", kind, -1);
            detail::addTally(*this, "event", model::toString(e.kind), 1);
        }
    }
    std::optional<std::int64_t> parent;
    if (e.parent) parent = requireRow(eventRow(*e.parent), "parent event", *e.parent);
    auto st = prepare(
        "INSERT INTO event(key, kind, title, start_lo, start_hi, start_prec, end_lo, end_hi, "
        "end_prec, status, location, parent_id, cameo, goldstein, attributes, place_country, "
        "place_lat, place_lon, place_gazetteer) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(key) DO UPDATE SET "
        "kind = excluded.kind, title = excluded.title, start_lo = excluded.start_lo, "
        "start_hi = excluded.start_hi, start_prec = excluded.start_prec, end_lo = excluded.end_lo, "
        "end_hi = excluded.end_hi, end_prec = excluded.end_prec, status = excluded.status, "
        "location = excluded.location, parent_id = excluded.parent_id, cameo = excluded.cameo, "
        "goldstein = excluded.goldstein, attributes = excluded.attributes, "
        "place_country = excluded.place_country, place_lat = excluded.place_lat, "
        "place_lon = excluded.place_lon, place_gazetteer = excluded.place_gazetteer RETURNING id");
    st.bind(1, e.id).bind(2, model::toString(e.kind)).bind(3, e.title);
    bindDate(st, 4, e.start);
    bindDate(st, 7, e.end);
    st.bind(10, model::toString(e.status))
        .bind(11, e.location)
        .bind(12, parent)
        .bind(13, e.cameo)
        .bind(14, e.goldstein)
        .bind(15, detail::attributesToJson(e.attributes))
        .bind(16, e.place.country)
        .bind(17, e.place.latitude)
        .bind(18, e.place.longitude)
        .bind(19, e.place.gazetteer);
    const auto row = returningId(st);
    if (e.meeting &&
        *e.meeting != e.id) {  // kept when not given: a replaced event stays in its meeting
        auto m = prepare("UPDATE event SET meeting_id = ? WHERE id = ?");
        m.bind(1, requireRow(eventRow(*e.meeting), "event", *e.meeting)).bind(2, row);
        m.step();
    }
    detail::setDayRange(*this, row, [&](std::int64_t ev) { touchEvent(ev); });
    for (const auto& p : e.participants) {
        const auto actor = requireRow(actorRow(p.actor), "actor", p.actor);
        auto ins = prepare(
            "INSERT INTO participation(event_id, actor_id, role, side) VALUES (?,?,?,?) "
            "ON CONFLICT(event_id, actor_id, role) DO UPDATE SET "
            "side = coalesce(excluded.side, participation.side) RETURNING id");
        ins.bind(1, row).bind(2, actor).bind(3, model::toString(p.role)).bind(4, p.side);
        const auto participation = returningId(ins);
        putEvidence(*this, Subject::Participation, participation, p.evidence);
        putClaims(*this, {row, participation, std::nullopt}, p.claims);
    }
    putEvidence(*this, Subject::Event, row, e.evidence);
    putClaims(*this, {row, std::nullopt, std::nullopt}, e.claims);
}

void Store::putRelation(const model::Relation& r) {
    inTransaction([&] { putRelationNow(r); });
}

void Store::putRelationNow(const model::Relation& r) {
    if (const auto before = relationRow(r.id)) {
        auto old = prepare("SELECT kind FROM relation WHERE id = ?");
        old.bind(1, *before);
        old.step();
        const auto kind = old.getString(0);
        old.reset();
        if (kind != model::toString(r.kind)) {
            detail::addTally(*this, "relation", kind, -1);
            detail::addTally(*this, "relation", model::toString(r.kind), 1);
        }
    }
    const auto from = requireRow(actorRow(r.from), "actor", r.from);
    const auto to = requireRow(actorRow(r.to), "actor", r.to);
    auto st = prepare(
        "INSERT INTO relation(key, kind, from_id, to_id, valid_from_lo, valid_from_hi, "
        "valid_from_prec, valid_to_lo, valid_to_hi, valid_to_prec, attributes) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(key) DO UPDATE SET kind = excluded.kind, "
        "from_id = excluded.from_id, to_id = excluded.to_id, "
        "valid_from_lo = excluded.valid_from_lo, valid_from_hi = excluded.valid_from_hi, "
        "valid_from_prec = excluded.valid_from_prec, valid_to_lo = excluded.valid_to_lo, "
        "valid_to_hi = excluded.valid_to_hi, valid_to_prec = excluded.valid_to_prec, "
        "attributes = excluded.attributes RETURNING id");
    st.bind(1, r.id).bind(2, model::toString(r.kind)).bind(3, from).bind(4, to);
    bindDate(st, 5, r.valid.start);
    bindDate(st, 8, r.valid.end);
    st.bind(11, detail::attributesToJson(r.attributes));
    const auto row = returningId(st);
    putEvidence(*this, Subject::Relation, row, r.evidence);
    putClaims(*this, {std::nullopt, std::nullopt, row}, r.claims);
    // [attested] Attestations merge like evidence: a period already there gains the new
    // evidence, a new one is added.
    for (const auto& a : r.attested) {
        if (!a.period.start || !a.period.end) {
            throw InvalidArgumentError("relation \"" + r.id +
                                       "\": an attested period needs both ends");
        }
        auto at = prepare(
            "INSERT INTO relation_attested(relation_id, from_lo, from_hi, from_prec, to_lo, to_hi, "
            "to_prec) VALUES (?,?,?,?,?,?,?) ON CONFLICT(relation_id, from_lo, from_prec, to_lo, "
            "to_prec) DO UPDATE SET from_hi = excluded.from_hi RETURNING id");
        at.bind(1, row);
        bindDate(at, 2, a.period.start);
        bindDate(at, 5, a.period.end);
        putEvidence(*this, Subject::Attested, returningId(at), a.evidence, row);
    }
}

// [identity]
bool Store::removeRelation(std::string_view id) {
    bool removed = false;
    inTransaction([&] {
        const auto row = relationRow(id);
        if (!row) return;
        auto kind = prepare("SELECT kind FROM relation WHERE id = ?");
        kind.bind(1, *row);
        kind.step();
        const auto kindName = kind.getString(0);
        kind.reset();
        auto evidence = prepare("SELECT count(*) FROM evidence WHERE relation_id = ?");
        evidence.bind(1, *row);
        evidence.step();
        const auto evidenceRows = evidence.getInt64(0);
        evidence.reset();
        // Its evidence (the attestations' too: they name the relation), attestations and claims
        // go with it; the counts kept at import follow.
        for (const auto* sql : {"DELETE FROM evidence WHERE relation_id = ?",
                                "DELETE FROM claim WHERE relation_id = ?",
                                "DELETE FROM relation_attested WHERE relation_id = ?",
                                "DELETE FROM relation WHERE id = ?"}) {
            prepare(sql).bind(1, *row).exec();
        }
        detail::addTally(*this, "relation", kindName, -1);
        detail::addTally(*this, "relation", "", -1);
        if (evidenceRows != 0) detail::addTally(*this, "evidence", "", -evidenceRows);
        removed = true;
    });
    return removed;
}

void Store::putEventLink(const model::EventLink& l) {
    inTransaction([&] {
        const auto from = requireRow(eventRow(l.from), "event", l.from);
        const auto to = requireRow(eventRow(l.to), "event", l.to);
        auto st = prepare(
            "INSERT INTO event_link(key, kind, from_id, to_id) VALUES (?,?,?,?) "
            "ON CONFLICT(key) DO UPDATE SET kind = excluded.kind, from_id = excluded.from_id, "
            "to_id = excluded.to_id RETURNING id");
        st.bind(1, l.id).bind(2, model::toString(l.kind)).bind(3, from).bind(4, to);
        putEvidence(*this, Subject::EventLink, returningId(st), l.evidence);
        // [notes] Both ends list their links.
        prepare("UPDATE event SET notes = notes | 4 WHERE id IN (?1, ?2)")
            .bind(1, from)
            .bind(2, to)
            .exec();
    });
}

std::optional<std::int64_t> Store::eventLinkRow(std::string_view id) {
    return lookupRow(*this, "SELECT id FROM event_link WHERE key = ?", id);
}

}  // namespace bilateral::sqlite
