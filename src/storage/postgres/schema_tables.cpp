// The tables of the PostgreSQL schema, version 1: SQLite's version 4 (src/store/schema.cpp),
// with these departures, all hidden by the engine:
// - text is `COLLATE "C"`: byte order, as SQLite compares text, whatever the database's locale;
// - an event's key is unique through `event_key` (key → id), not a unique index on `event`: a
//   partitioned table cannot have one across shards, and the look-up by key stays on one server;
// - evidence of events and of participations is in `event_evidence` (with its event's id, so
//   it shards with the event); `evidence` keeps that of actors and relations;
// - name search is a token table (`actor_search_token`) the engine fills with the tokens of the
//   SQLite engine's tokenizer, so both engines match and rank (bm25) alike (search.hpp);
// - the event tables have no foreign keys: in the sharded layout they would point across
//   servers; the engine writes their references itself. Coordinator tables keep theirs.
// Dates are integer day ranges (days since 1970-01-01) with their precision (0 day, 1 month,
// 2 year), as in SQLite. Attribute columns are JSON text, kept byte for byte.

#include "storage/postgres/schema.hpp"

namespace bilateral::storage::postgres {
namespace {

#define T "text COLLATE \"C\""

const std::vector<TableDef> kTables = {
    {"source",
     "id bigint NOT NULL, key " T " NOT NULL, title " T " NOT NULL, kind " T ", author " T
     ", published_lo integer, published_hi integer, published_prec integer, url " T ", file " T
     ", sha256 " T ", standing " T,
     "PRIMARY KEY (id), UNIQUE (key)",
     {},
     ""},
    {"actor",
     "id bigint NOT NULL, key " T " NOT NULL, kind " T " NOT NULL, name " T " NOT NULL, country " T
     ", attributes text",
     "PRIMARY KEY (id), UNIQUE (key)",
     {"CREATE INDEX actor_country ON actor(country)", "CREATE INDEX actor_kind ON actor(kind)"},
     ""},
    {"actor_alias",
     "actor_id bigint NOT NULL REFERENCES actor(id), alias " T " NOT NULL",
     "PRIMARY KEY (actor_id, alias)",
     {},
     ""},
    // Name search: one row per name or alias (text folded for apostrophe style, as SQLite's
    // actor_search holds it) with its token count, and its tokens with their positions.
    {"actor_search",
     "id bigint NOT NULL, actor_id bigint NOT NULL REFERENCES actor(id), "
     "text " T " NOT NULL, ntokens integer NOT NULL",
     "PRIMARY KEY (id)",
     {"CREATE INDEX actor_search_actor ON actor_search(actor_id)"},
     ""},
    {"actor_search_token",
     "token " T " NOT NULL, search_id bigint NOT NULL REFERENCES actor_search(id) ON DELETE "
     "CASCADE, pos integer NOT NULL",
     "PRIMARY KEY (token, search_id, pos)",
     {"CREATE INDEX actor_search_token_row ON actor_search_token(search_id)"},
     ""},
    // Rows and tokens of actor_search, for bm25 (one row, kept with the table).
    {"search_stats",
     "one boolean NOT NULL DEFAULT true, nrows bigint NOT NULL, ntokens bigint "
     "NOT NULL",
     "PRIMARY KEY (one), CHECK (one)",
     {},
     ""},
    {"event_key",
     "key " T " NOT NULL, id bigint NOT NULL",
     "PRIMARY KEY (key)",
     {"CREATE UNIQUE INDEX event_key_id ON event_key(id)"},
     ""},
    {"event",
     "id bigint NOT NULL, key " T " NOT NULL, kind " T " NOT NULL, title " T " NOT NULL, "
     "start_lo integer, start_hi integer, start_prec integer, end_lo integer, end_hi integer, "
     "end_prec integer, status " T " NOT NULL DEFAULT 'occurred', location " T ", parent_id "
     "bigint, cameo " T ", goldstein double precision, attributes text, day_lo integer, day_hi "
     "integer, place_country " T ", place_lat double precision, place_lon double precision, "
     "place_gazetteer " T ", meeting_id bigint, notes integer NOT NULL DEFAULT 0",
     "PRIMARY KEY (id)",
     {"CREATE INDEX event_start ON event(start_lo)",
      "CREATE INDEX event_day ON event(day_lo, day_hi)",
      "CREATE INDEX event_parent ON event(parent_id) WHERE parent_id IS NOT NULL",
      "CREATE INDEX event_place_country ON event(place_country) WHERE place_country IS NOT NULL",
      "CREATE INDEX event_meeting ON event(meeting_id) WHERE meeting_id IS NOT NULL"},
     "id"},
    {"participation",
     "id bigint NOT NULL, event_id bigint NOT NULL, actor_id bigint NOT NULL, role " T
     " NOT NULL, side " T,
     "PRIMARY KEY (id), UNIQUE (event_id, actor_id, role)",
     {"CREATE INDEX participation_actor ON participation(actor_id, event_id)"},
     "event_id"},
    {"relation",
     "id bigint NOT NULL, key " T " NOT NULL, kind " T " NOT NULL, from_id bigint NOT NULL "
     "REFERENCES actor(id), to_id bigint NOT NULL REFERENCES actor(id), valid_from_lo integer, "
     "valid_from_hi integer, valid_from_prec integer, valid_to_lo integer, valid_to_hi integer, "
     "valid_to_prec integer, attributes text",
     "PRIMARY KEY (id), UNIQUE (key)",
     {"CREATE INDEX relation_from ON relation(from_id, kind)",
      "CREATE INDEX relation_to ON relation(to_id, kind)"},
     ""},
    {"relation_attested",
     "id bigint NOT NULL, relation_id bigint NOT NULL REFERENCES "
     "relation(id), from_lo integer NOT NULL, from_hi integer NOT NULL, from_prec integer NOT "
     "NULL, to_lo integer NOT NULL, to_hi integer NOT NULL, to_prec integer NOT NULL",
     "PRIMARY KEY (id), UNIQUE (relation_id, from_lo, from_prec, to_lo, to_prec)",
     {},
     ""},
    // Evidence of an actor or a relation (attested_id: an attestation's evidence).
    {"evidence",
     "id bigint NOT NULL, actor_id bigint REFERENCES actor(id), "
     "relation_id bigint REFERENCES relation(id), attested_id bigint, source_id bigint NOT NULL "
     "REFERENCES source(id), span_start integer, span_end integer, quote text, basis " T
     " NOT NULL DEFAULT 'stated', confidence double precision, note text",
     "PRIMARY KEY (id), CHECK (num_nonnulls(actor_id, relation_id) = 1), CHECK (span_start IS "
     "NULL OR (span_start >= 0 AND span_end > span_start))",
     {"CREATE INDEX evidence_actor ON evidence(actor_id) WHERE actor_id IS NOT NULL",
      "CREATE INDEX evidence_relation ON evidence(relation_id) WHERE relation_id IS NOT NULL",
      "CREATE INDEX evidence_attested ON evidence(attested_id) WHERE attested_id IS NOT NULL",
      "CREATE INDEX evidence_source ON evidence(source_id)"},
     ""},
    // Evidence of an event (participation_id NULL) or of one of its participations.
    {"event_evidence",
     "id bigint NOT NULL, event_id bigint NOT NULL, participation_id bigint, source_id bigint "
     "NOT NULL, span_start integer, span_end integer, quote text, basis " T
     " NOT NULL DEFAULT 'stated', confidence double precision, note text",
     "PRIMARY KEY (id), CHECK (span_start IS NULL OR (span_start >= 0 AND span_end > "
     "span_start))",
     {"CREATE INDEX event_evidence_event ON event_evidence(event_id)",
      "CREATE INDEX event_evidence_source ON event_evidence(source_id)"},
     "event_id"},
    {"event_link",
     "id bigint NOT NULL, key " T " NOT NULL, kind " T
     " NOT NULL, from_id bigint NOT NULL, to_id bigint NOT NULL",
     "PRIMARY KEY (id), UNIQUE (key)",
     {"CREATE INDEX event_link_from ON event_link(from_id)",
      "CREATE INDEX event_link_to ON event_link(to_id)"},
     ""},
    {"event_link_evidence",
     "id bigint NOT NULL, link_id bigint NOT NULL REFERENCES "
     "event_link(id) ON DELETE CASCADE, source_id bigint NOT NULL REFERENCES source(id), "
     "span_start integer, span_end integer, quote text, basis " T
     " NOT NULL DEFAULT 'stated', confidence double precision, note text",
     "PRIMARY KEY (id), CHECK (span_start IS NULL OR (span_start >= 0 AND span_end > "
     "span_start))",
     {"CREATE INDEX event_link_evidence_link ON event_link_evidence(link_id)"},
     ""},
    // [claims] Schema version 2: each account of a record several sources speak to (SQLite's
    // version 6, src/storage/sqlite/schema.cpp): ord 0 its own account, then the claims. On the
    // coordinator, as relations are: few rows, of curated data.
    {"claim",
     "id bigint NOT NULL, event_id bigint, participation_id bigint, relation_id bigint "
     "REFERENCES relation(id) ON DELETE CASCADE, ord integer NOT NULL, own boolean NOT NULL "
     "DEFAULT false, source_id bigint REFERENCES source(id), start_lo integer, start_hi integer, "
     "start_prec integer, end_lo integer, end_hi integer, end_prec integer, kind " T ", status " T
     ", role " T ", valid_from_lo integer, valid_from_hi integer, valid_from_prec "
     "integer, valid_to_lo integer, valid_to_hi integer, valid_to_prec integer, note text",
     "PRIMARY KEY (id), CHECK ((event_id IS NULL) <> (relation_id IS NULL)), CHECK "
     "(participation_id IS NULL OR event_id IS NOT NULL)",
     {"CREATE INDEX claim_event ON claim(event_id) WHERE event_id IS NOT NULL",
      "CREATE INDEX claim_participation ON claim(participation_id) WHERE participation_id IS "
      "NOT NULL",
      "CREATE INDEX claim_relation ON claim(relation_id) WHERE relation_id IS NOT NULL"},
     ""},
    {"claim_evidence",
     "id bigint NOT NULL, claim_id bigint NOT NULL REFERENCES claim(id) ON DELETE CASCADE, "
     "source_id bigint NOT NULL REFERENCES source(id), span_start integer, span_end integer, "
     "quote text, basis " T " NOT NULL DEFAULT 'stated', confidence double precision, note text",
     "PRIMARY KEY (id), CHECK (span_start IS NULL OR (span_start >= 0 AND span_end > "
     "span_start))",
     {"CREATE INDEX claim_evidence_claim ON claim_evidence(claim_id)"},
     ""},
    // Kept at import (src/store/derived.hpp has the rules): distinct pairs of actors sharing an
    // event, both directions.
    {"actor_link",
     "actor_id bigint NOT NULL, other_id bigint NOT NULL",
     "PRIMARY KEY (actor_id, other_id)",
     {},
     ""},
    // Each event under each country of its participants (b = '') and each pair (a < b), with
    // the rule that put it there; undated events have lo = hi = 2147483647.
    {"event_scope",
     "a " T " NOT NULL, b " T " NOT NULL, lo integer NOT NULL, hi integer NOT NULL, event_id "
     "bigint NOT NULL, rule " T " NOT NULL DEFAULT 'participants'",
     "PRIMARY KEY (a, b, lo, hi, event_id)",
     {},
     "event_id"},
    {"scope_count",
     "a " T " NOT NULL, b " T " NOT NULL, n bigint NOT NULL",
     "PRIMARY KEY (a, b)",
     {},
     ""},
    {"tally",
     "subject " T " NOT NULL, kind " T " NOT NULL, n bigint NOT NULL",
     "PRIMARY KEY (subject, kind)",
     {},
     ""},
};

#undef T

}  // namespace

std::span<const TableDef> tables() {
    return kTables;
}

std::string createTable(const TableDef& t) {
    std::string sql = "CREATE TABLE " + std::string(t.name) + " (" + std::string(t.columns);
    if (!t.constraints.empty()) sql += ", " + std::string(t.constraints);
    return sql + ")";
}

}  // namespace bilateral::storage::postgres
