// Writes: upserts by id, merged aliases, participants and evidence (as the SQLite engine's
// store_write.cpp). Row ids come from the store's block (Store::newId); an event's key is
// unique through event_key.

#include "storage/postgres/search.hpp"
#include "storage/postgres/store_impl.hpp"

namespace bilateral::storage::postgres {
namespace {

using detail::bindDate;

enum class Subject { Actor, Event, Participation, Relation, Attested, EventLink, Claim };

/// Inserts an evidence record unless the same one is there. $1 the subject's row, $2 the
/// source, $3..$8 span, quote, basis, confidence, note, $9 the new id, $10 the subject's
/// relation or event (attestations, participations).
std::string evidenceSql(Subject s) {
    std::string table = "evidence", cols, vals = "$1::bigint", match;
    switch (s) {
        case Subject::Actor:
            cols = "actor_id";
            match = "actor_id = $1::bigint";
            break;
        case Subject::Relation:
            cols = "relation_id";
            match = "relation_id = $1::bigint AND attested_id IS NULL";
            break;
        case Subject::Attested:
            cols = "attested_id, relation_id";
            vals += ", $10::bigint";
            match = "attested_id = $1::bigint";
            break;
        case Subject::Event:
            table = "event_evidence";
            cols = "event_id";
            match = "event_id = $1::bigint AND participation_id IS NULL";
            break;
        case Subject::Participation:
            table = "event_evidence";
            cols = "participation_id, event_id";
            vals += ", $10::bigint";
            match = "participation_id = $1::bigint";
            break;
        case Subject::EventLink:
            table = "event_link_evidence";
            cols = "link_id";
            match = "link_id = $1::bigint";
            break;
        case Subject::Claim:
            table = "claim_evidence";
            cols = "claim_id";
            match = "claim_id = $1::bigint";
            break;
    }
    return "INSERT INTO " + table + "(" + cols +
           ", id, source_id, span_start, span_end, quote, basis, confidence, note) SELECT " + vals +
           ", $9::bigint, $2::bigint, $3::integer, $4::integer, $5::text, $6::text, $7::double "
           "precision, $8::text WHERE NOT EXISTS (SELECT 1 FROM " +
           table + " WHERE " + match +
           " AND source_id = $2::bigint AND span_start IS NOT DISTINCT FROM $3::integer AND "
           "span_end IS NOT DISTINCT FROM $4::integer AND quote IS NOT DISTINCT FROM $5::text AND "
           "basis = $6::text AND confidence IS NOT DISTINCT FROM $7::double precision AND note IS "
           "NOT DISTINCT FROM $8::text)";
}

std::int64_t requireRow(std::optional<std::int64_t> row, std::string_view what,
                        std::string_view id) {
    if (!row)
        throw NotFoundError(std::string(what) + " \"" + std::string(id) + "\" does not exist");
    return *row;
}

void putEvidence(Store& store, Subject subject, std::int64_t row,
                 const std::vector<model::Evidence>& evidence, std::int64_t owner = 0) {
    const auto sql = evidenceSql(subject);
    for (const auto& e : evidence) {
        const auto source = requireRow(store.sourceRow(e.source), "source", e.source);
        Params p;
        p.int64(row).int64(source);
        if (e.span)
            p.int64(e.span->start).int64(e.span->end);
        else
            p.null().null();
        p.optional(e.quote).text(model::toString(e.basis)).optional(e.confidence);
        p.optional(e.note).int64(store.newId());
        if (subject == Subject::Attested || subject == Subject::Participation) p.int64(owner);
        store.q(sql, p);
    }
}

/// [claims] The record a claim is about: an event, one of its participations, or a relation.
struct ClaimSubject {
    std::optional<std::int64_t> event, participation, relation;
};

template <class E>
void bindEnum(Params& p, const std::optional<E>& v) {
    if (v)
        p.text(model::toString(*v));
    else
        p.null();
}

/// [claims] Replaces the claims of one record, as the SQLite engine's putClaims.
void putClaims(Store& store, const ClaimSubject& at, const std::vector<model::Claim>& claims) {
    if (at.relation)
        store.q("DELETE FROM claim WHERE relation_id = $1", Params().int64(*at.relation));
    else if (at.participation)
        store.q("DELETE FROM claim WHERE participation_id = $1", Params().int64(*at.participation));
    else
        store.q("DELETE FROM claim WHERE event_id = $1 AND participation_id IS NULL",
                Params().int64(*at.event));
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const auto& c = claims[i];
        const auto id = store.newId();
        Params p;
        p.int64(id).optional(at.event).optional(at.participation).optional(at.relation);
        p.int64(static_cast<std::int64_t>(i)).text(c.own ? "true" : "false");
        if (c.source.empty())
            p.null();
        else
            p.int64(requireRow(store.sourceRow(c.source), "source", c.source));
        bindDate(p, c.start);
        bindDate(p, c.end);
        bindEnum(p, c.kind);
        bindEnum(p, c.status);
        bindEnum(p, c.role);
        bindDate(p, c.validFrom);
        bindDate(p, c.validTo).optional(c.note);
        store.q(
            "INSERT INTO claim(id, event_id, participation_id, relation_id, ord, own, "
            "source_id, start_lo, start_hi, start_prec, end_lo, end_hi, end_prec, kind, "
            "status, role, valid_from_lo, valid_from_hi, valid_from_prec, valid_to_lo, "
            "valid_to_hi, valid_to_prec, note) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,"
            "$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23)",
            p);
        putEvidence(store, Subject::Claim, id, c.evidence);
    }
    if (at.event && !claims.empty())
        store.q("UPDATE event SET notes = notes | 8 WHERE id = $1", Params().int64(*at.event));
}

/// Before an existing event's scope may change: takes its event_scope rows out, once.
void touchEvent(Store& store, std::int64_t eventRow) {
    auto& s = store.state();
    if (eventRow <= s.marks->event && s.dirty.insert(eventRow).second)
        detail::unscopeEvent(store, eventRow);
}

/// The kind of an existing row (`table` by id), for the tally when it changes.
void retally(Store& store, std::string_view table, std::int64_t row, std::string_view kind) {
    const auto r =
        store.q("SELECT kind FROM " + std::string(table) + " WHERE id = $1", Params().int64(row));
    const auto before = detail::textAt(r, 0, 0);
    if (before == kind) return;
    detail::addTally(store, table, before, -1);
    detail::addTally(store, table, kind, 1);
}

/// The row of the event's participation of `actor` in its role, inserted or given the stated
/// side. Not an INSERT ... ON CONFLICT: on the sharded layout participation is partitioned over
/// foreign tables, which take no conflict target.
std::int64_t participation(Store& store, std::int64_t event, std::int64_t actor,
                           const model::Participant& part) {
    const auto role = model::toString(part.role);
    const auto found =
        store.q("SELECT id FROM participation WHERE event_id = $1 AND actor_id = $2 AND role = $3",
                Params().int64(event).int64(actor).text(role));
    if (found.rows() > 0) {
        const auto id = found.int64(0, 0);
        if (part.side) {
            store.q("UPDATE participation SET side = $3 WHERE event_id = $1 AND id = $2",
                    Params().int64(event).int64(id).text(*part.side));
        }
        return id;
    }
    const auto id = store.newId();
    store.q(
        "INSERT INTO participation(id, event_id, actor_id, role, side) VALUES ($1, $2, $3, $4, "
        "$5)",
        Params().int64(id).int64(event).int64(actor).text(role).optional(part.side));
    return id;
}

}  // namespace

void Store::putSource(const model::Source& s) {
    inTransaction([&] {
        Params p;
        p.int64(newId()).text(s.id).text(s.title).optional(s.kind).optional(s.author);
        bindDate(p, s.published).optional(s.url).optional(s.file).optional(s.sha256);
        bindEnum(p, s.standing);
        q("INSERT INTO source(id, key, title, kind, author, published_lo, published_hi, "
          "published_prec, url, file, sha256, standing) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,"
          "$11,$12) "
          "ON CONFLICT (key) DO UPDATE SET title = excluded.title, kind = excluded.kind, "
          "author = excluded.author, published_lo = excluded.published_lo, published_hi = "
          "excluded.published_hi, published_prec = excluded.published_prec, url = excluded.url, "
          "file = excluded.file, sha256 = excluded.sha256, standing = excluded.standing",
          p);
    });
}

void Store::putActor(const model::Actor& a) {
    inTransaction([&] { putActorNow(a); });
}

void Store::putActorNow(const model::Actor& a) {
    const auto before =
        q("SELECT id, coalesce(country, '') FROM actor WHERE key = $1", Params().text(a.id));
    const bool existed = before.rows() > 0;
    if (existed) {
        const auto row = before.int64(0, 0);
        retally(*this, "actor", row, model::toString(a.kind));
        // Its events' countries change with it: take them out of event_scope first.
        if (before.text(0, 1) != a.country.value_or("")) {
            for (const auto e : detail::rowsOf(q("SELECT DISTINCT event_id FROM participation "
                                                 "WHERE actor_id = $1",
                                                 Params().int64(row))))
                touchEvent(*this, e);
        }
    }
    Params p;
    p.int64(newId()).text(a.id).text(model::toString(a.kind)).text(a.name).optional(a.country);
    p.optional(s_->rules.attributesJson(a.attributes));
    const auto row = detail::scalarOf(
        q("INSERT INTO actor(id, key, kind, name, country, attributes) VALUES ($1,$2,$3,$4,$5,$6) "
          "ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, name = excluded.name, country = "
          "excluded.country, attributes = excluded.attributes RETURNING id",
          p));
    for (const auto& alias : a.aliases) {
        q("INSERT INTO actor_alias(actor_id, alias) VALUES ($1, $2) ON CONFLICT DO NOTHING",
          Params().int64(row).text(alias));
    }
    if (existed) removeSearchTexts(s_->c, row);
    const auto index = [&](std::string_view text) {
        const auto st = s_->rules.searchText(text);
        addSearchText(s_->c, row, st.text, st.tokens);
    };
    index(a.name);
    for (const auto& alias : actorAliases(row)) index(alias);
    putEvidence(*this, Subject::Actor, row, a.evidence);
}

void Store::putEvent(const model::Event& e) {
    inTransaction([&] { putEventNow(e); });
}

namespace {
constexpr std::string_view kEventSet =
    "kind = $2, title = $3, start_lo = $4, start_hi = $5, start_prec = $6, end_lo = $7, "
    "end_hi = $8, end_prec = $9, status = $10, location = $11, parent_id = $12, cameo = $13, "
    "goldstein = $14, attributes = $15, place_country = $16, place_lat = $17, place_lon = $18, "
    "place_gazetteer = $19";
}  // namespace

void Store::putEventNow(const model::Event& e) {
    const auto before = eventRow(e.id);
    if (before) {
        touchEvent(*this, *before);
        retally(*this, "event", *before, model::toString(e.kind));
    }
    std::optional<std::int64_t> parent;
    if (e.parent) parent = requireRow(eventRow(*e.parent), "parent event", *e.parent);
    const auto row = before ? *before : newId();
    Params p;
    p.int64(row).text(model::toString(e.kind)).text(e.title);
    bindDate(p, e.start);
    bindDate(p, e.end);
    p.text(model::toString(e.status)).optional(e.location).optional(parent).optional(e.cameo);
    p.optional(e.goldstein).optional(s_->rules.attributesJson(e.attributes));
    p.optional(e.place.country).optional(e.place.latitude).optional(e.place.longitude);
    p.optional(e.place.gazetteer);
    if (before) {
        q("UPDATE event SET " + std::string(kEventSet) + " WHERE id = $1", p);
    } else {
        p.text(e.id);
        q("INSERT INTO event(id, kind, title, start_lo, start_hi, start_prec, end_lo, end_hi, "
          "end_prec, status, location, parent_id, cameo, goldstein, attributes, place_country, "
          "place_lat, place_lon, place_gazetteer, key) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,"
          "$11,$12,$13,$14,$15,$16,$17,$18,$19,$20)",
          p);
        q("INSERT INTO event_key(key, id) VALUES ($1, $2)", Params().text(e.id).int64(row));
    }
    if (e.meeting && *e.meeting != e.id) {  // kept when not given
        q("UPDATE event SET meeting_id = $1 WHERE id = $2",
          Params().int64(requireRow(eventRow(*e.meeting), "event", *e.meeting)).int64(row));
    }
    detail::setDayRange(*this, row, [this](std::int64_t ev) { touchEvent(*this, ev); });
    for (const auto& part : e.participants) {
        const auto actor = requireRow(actorRow(part.actor), "actor", part.actor);
        const auto prow = participation(*this, row, actor, part);
        putEvidence(*this, Subject::Participation, prow, part.evidence, row);
        putClaims(*this, {row, prow, std::nullopt}, part.claims);
    }
    putEvidence(*this, Subject::Event, row, e.evidence);
    putClaims(*this, {row, std::nullopt, std::nullopt}, e.claims);
}

void Store::putRelation(const model::Relation& r) {
    inTransaction([&] { putRelationNow(r); });
}

void Store::putRelationNow(const model::Relation& r) {
    if (const auto before = relationRow(r.id))
        retally(*this, "relation", *before, model::toString(r.kind));
    const auto from = requireRow(actorRow(r.from), "actor", r.from);
    const auto to = requireRow(actorRow(r.to), "actor", r.to);
    Params p;
    p.int64(newId()).text(r.id).text(model::toString(r.kind)).int64(from).int64(to);
    bindDate(p, r.valid.start);
    bindDate(p, r.valid.end).optional(s_->rules.attributesJson(r.attributes));
    const auto row = detail::scalarOf(
        q("INSERT INTO relation(id, key, kind, from_id, to_id, valid_from_lo, valid_from_hi, "
          "valid_from_prec, valid_to_lo, valid_to_hi, valid_to_prec, attributes) VALUES "
          "($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) ON CONFLICT (key) DO UPDATE SET kind = "
          "excluded.kind, from_id = excluded.from_id, to_id = excluded.to_id, valid_from_lo = "
          "excluded.valid_from_lo, valid_from_hi = excluded.valid_from_hi, valid_from_prec = "
          "excluded.valid_from_prec, valid_to_lo = excluded.valid_to_lo, valid_to_hi = "
          "excluded.valid_to_hi, valid_to_prec = excluded.valid_to_prec, attributes = "
          "excluded.attributes RETURNING id",
          p));
    putEvidence(*this, Subject::Relation, row, r.evidence);
    putClaims(*this, {std::nullopt, std::nullopt, row}, r.claims);
    for (const auto& a : r.attested) {
        if (!a.period.start || !a.period.end) {
            throw InvalidArgumentError("relation \"" + r.id +
                                       "\": an attested period needs both ends");
        }
        Params ap;
        ap.int64(newId()).int64(row);
        bindDate(ap, a.period.start);
        bindDate(ap, a.period.end);
        const auto at = detail::scalarOf(
            q("INSERT INTO relation_attested(id, relation_id, from_lo, from_hi, from_prec, to_lo, "
              "to_hi, to_prec) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (relation_id, "
              "from_lo, from_prec, to_lo, to_prec) DO UPDATE SET from_hi = excluded.from_hi "
              "RETURNING id",
              ap));
        putEvidence(*this, Subject::Attested, at, a.evidence, row);
    }
}

bool Store::removeRelation(std::string_view id) {
    bool removed = false;
    inTransaction([&] {
        const auto row = relationRow(id);
        if (!row) return;
        const auto r =
            q("SELECT kind, (SELECT count(*) FROM evidence WHERE relation_id = $1) FROM relation "
              "WHERE id = $1",
              Params().int64(*row));
        const auto kind = detail::textAt(r, 0, 0);
        const auto evidenceRows = r.int64(0, 1);
        // As the SQLite engine: evidence, claims and attestations go with it, the tally follows.
        for (const auto* sql : {"DELETE FROM evidence WHERE relation_id = $1",
                                "DELETE FROM claim WHERE relation_id = $1",
                                "DELETE FROM relation_attested WHERE relation_id = $1",
                                "DELETE FROM relation WHERE id = $1"}) {
            q(sql, Params().int64(*row));
        }
        detail::addTally(*this, "relation", kind, -1);
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
        const auto row = detail::scalarOf(
            q("INSERT INTO event_link(id, key, kind, from_id, to_id) VALUES ($1,$2,$3,$4,$5) ON "
              "CONFLICT (key) DO UPDATE SET kind = excluded.kind, from_id = excluded.from_id, "
              "to_id = excluded.to_id RETURNING id",
              Params()
                  .int64(newId())
                  .text(l.id)
                  .text(model::toString(l.kind))
                  .int64(from)
                  .int64(to)));
        putEvidence(*this, Subject::EventLink, row, l.evidence);
        q("UPDATE event SET notes = notes | 4 WHERE id IN ($1, $2)",
          Params().int64(from).int64(to));
    });
}

}  // namespace bilateral::storage::postgres
