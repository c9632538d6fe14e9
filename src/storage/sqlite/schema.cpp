#include "schema.hpp"

#include <array>

namespace bilateral::sqlite::detail {
namespace {

// Dates are stored as integer day ranges (days since 1970-01-01) with their precision
// (0 day, 1 month, 2 year): *_lo is the earliest day, *_hi the latest, NULL when absent.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE source (
    id        INTEGER PRIMARY KEY,
    key       TEXT NOT NULL UNIQUE,
    title     TEXT NOT NULL,
    kind      TEXT,
    author    TEXT,
    published_lo INTEGER, published_hi INTEGER, published_prec INTEGER,
    url       TEXT,
    file      TEXT,
    sha256    TEXT
);
CREATE TABLE actor (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    name       TEXT NOT NULL,
    country    TEXT,
    attributes TEXT
);
CREATE INDEX actor_country ON actor(country);
CREATE INDEX actor_kind ON actor(kind);
CREATE TABLE actor_alias (
    actor_id INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
    alias    TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias)
) WITHOUT ROWID;
-- Name and alias search: text folded for apostrophe style; the tokenizer drops case and accents.
CREATE VIRTUAL TABLE actor_search USING fts5(
    actor_id UNINDEXED, text, tokenize = "unicode61 remove_diacritics 2"
);
CREATE TABLE event (
    id        INTEGER PRIMARY KEY,
    key       TEXT NOT NULL UNIQUE,
    kind      TEXT NOT NULL,
    title     TEXT NOT NULL,
    start_lo  INTEGER, start_hi INTEGER, start_prec INTEGER,
    end_lo    INTEGER, end_hi INTEGER, end_prec INTEGER,
    status    TEXT NOT NULL DEFAULT 'occurred',
    location  TEXT,
    parent_id INTEGER REFERENCES event(id),
    cameo     TEXT,
    goldstein REAL,
    attributes TEXT
);
CREATE INDEX event_start ON event(start_lo);
CREATE INDEX event_parent ON event(parent_id) WHERE parent_id IS NOT NULL;
CREATE TABLE participation (
    id       INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actor(id),
    role     TEXT NOT NULL,
    UNIQUE (event_id, actor_id, role)
);
CREATE INDEX participation_actor ON participation(actor_id, event_id);
CREATE TABLE relation (
    id       INTEGER PRIMARY KEY,
    key      TEXT NOT NULL UNIQUE,
    kind     TEXT NOT NULL,
    from_id  INTEGER NOT NULL REFERENCES actor(id),
    to_id    INTEGER NOT NULL REFERENCES actor(id),
    valid_from_lo INTEGER, valid_from_hi INTEGER, valid_from_prec INTEGER,
    valid_to_lo   INTEGER, valid_to_hi   INTEGER, valid_to_prec   INTEGER,
    attributes TEXT
);
CREATE INDEX relation_from ON relation(from_id, kind);
CREATE INDEX relation_to ON relation(to_id, kind);
-- Evidence for exactly one subject: an actor, an event, a participation or a relation.
CREATE TABLE evidence (
    id               INTEGER PRIMARY KEY,
    actor_id         INTEGER REFERENCES actor(id) ON DELETE CASCADE,
    event_id         INTEGER REFERENCES event(id) ON DELETE CASCADE,
    participation_id INTEGER REFERENCES participation(id) ON DELETE CASCADE,
    relation_id      INTEGER REFERENCES relation(id) ON DELETE CASCADE,
    source_id        INTEGER NOT NULL REFERENCES source(id),
    span_start INTEGER, span_end INTEGER,
    quote      TEXT,
    basis      TEXT NOT NULL DEFAULT 'stated',
    confidence REAL,
    note       TEXT,
    CHECK ((actor_id IS NOT NULL) + (event_id IS NOT NULL) + (participation_id IS NOT NULL)
           + (relation_id IS NOT NULL) = 1),
    CHECK (span_start IS NULL OR (span_start >= 0 AND span_end > span_start))
);
CREATE INDEX evidence_actor ON evidence(actor_id) WHERE actor_id IS NOT NULL;
CREATE INDEX evidence_event ON evidence(event_id) WHERE event_id IS NOT NULL;
CREATE INDEX evidence_participation ON evidence(participation_id) WHERE participation_id IS NOT NULL;
CREATE INDEX evidence_relation ON evidence(relation_id) WHERE relation_id IS NOT NULL;
CREATE INDEX evidence_source ON evidence(source_id);
)sql";

// Version 2: what lets one question be answered from the file through indexes (docs/
// architecture.md, "Two engines"). Kept by the store in the transaction of every write
// (derived.cpp); filled from the tables already there when a version-1 file is migrated.
constexpr std::string_view kV2 = R"sql(
-- The day range an event occupies, its own or (undated) its nearest dated ancestor's; NULL when
-- undated. Timelines order by it, windows filter on it.
ALTER TABLE event ADD COLUMN day_lo INTEGER;
ALTER TABLE event ADD COLUMN day_hi INTEGER;
CREATE INDEX event_day ON event(day_lo, day_hi);
-- Distinct pairs of actors sharing at least one event, both directions: paths and ego networks.
CREATE TABLE actor_link (
    actor_id INTEGER NOT NULL,
    other_id INTEGER NOT NULL,
    PRIMARY KEY (actor_id, other_id)
) WITHOUT ROWID;
-- Events by country (b = '') and by unordered country pair (a < b), in timeline order. Undated
-- events carry lo = hi = the largest day number (model::kUndatedDay) so they sort last.
CREATE TABLE event_scope (
    a        TEXT NOT NULL,
    b        TEXT NOT NULL,
    lo       INTEGER NOT NULL,
    hi       INTEGER NOT NULL,
    event_id INTEGER NOT NULL,
    PRIMARY KEY (a, b, lo, hi, event_id)
) WITHOUT ROWID;
-- Counts by table and kind (kind '' for the whole table), for stats.
CREATE TABLE tally (
    subject TEXT NOT NULL,
    kind    TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (subject, kind)
) WITHOUT ROWID;
)sql";

// Version 3: the dataset format 1.1 additions. Each helper's DDL sits in its own block, and
// uses only ALTER TABLE ADD COLUMN, CREATE TABLE and CREATE INDEX, so blocks concatenate.
constexpr std::string_view kV3 = R"sql(
-- [attested] begin
-- Days or periods on which a source shows a relation holding, whatever its term: a relation
-- certainly holds on the days of its attestations. Both ends are given (a single date is a
-- period from and to that date); evidence rows carry attested_id beside their relation_id (no
-- foreign key: they go with the relation's evidence, and attestations are never removed alone).
CREATE TABLE relation_attested (
    id          INTEGER PRIMARY KEY,
    relation_id INTEGER NOT NULL REFERENCES relation(id) ON DELETE CASCADE,
    from_lo INTEGER NOT NULL, from_hi INTEGER NOT NULL, from_prec INTEGER NOT NULL,
    to_lo   INTEGER NOT NULL, to_hi   INTEGER NOT NULL, to_prec   INTEGER NOT NULL,
    UNIQUE (relation_id, from_lo, from_prec, to_lo, to_prec)
);
ALTER TABLE evidence ADD COLUMN attested_id INTEGER;
CREATE INDEX evidence_attested ON evidence(attested_id) WHERE attested_id IS NOT NULL;
-- [attested] end
-- [places] begin
-- The rest of an event's place (its name is event.location): country (ISO alpha-3),
-- coordinates, gazetteer id.
ALTER TABLE event ADD COLUMN place_country TEXT;
ALTER TABLE event ADD COLUMN place_lat REAL;
ALTER TABLE event ADD COLUMN place_lon REAL;
ALTER TABLE event ADD COLUMN place_gazetteer TEXT;
CREATE INDEX event_place_country ON event(place_country) WHERE place_country IS NOT NULL;
-- Which rule put the event in the country or pair: 'participants' (participants of both
-- countries; of the country) or 'place' (participants of one acting in a place of the other;
-- located in the country). One row per event and scope: participants wins when both hold.
ALTER TABLE event_scope ADD COLUMN rule TEXT NOT NULL DEFAULT 'participants';
-- Typed links between events (model EventLinkKind), each with its own evidence: the evidence
-- table's subjects are fixed by its CHECK, so links keep theirs here (one subject per row).
CREATE TABLE event_link (
    id      INTEGER PRIMARY KEY,
    key     TEXT NOT NULL UNIQUE,
    kind    TEXT NOT NULL,
    from_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    to_id   INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE
);
CREATE INDEX event_link_from ON event_link(from_id);
CREATE INDEX event_link_to ON event_link(to_id);
CREATE TABLE event_link_evidence (
    id         INTEGER PRIMARY KEY,
    link_id    INTEGER NOT NULL REFERENCES event_link(id) ON DELETE CASCADE,
    source_id  INTEGER NOT NULL REFERENCES source(id),
    span_start INTEGER, span_end INTEGER,
    quote      TEXT,
    basis      TEXT NOT NULL DEFAULT 'stated',
    confidence REAL,
    note       TEXT,
    CHECK (span_start IS NULL OR (span_start >= 0 AND span_end > span_start))
);
CREATE INDEX event_link_evidence_link ON event_link_evidence(link_id);
-- [places] end
-- [sides] begin
-- The side a participant acts for when the data states it (ISO 3166-1 alpha-3 or a bloc actor's
-- id); NULL: the actor's own side (docs/queries.md, "Sides").
ALTER TABLE participation ADD COLUMN side TEXT;
-- The meeting an event row records again: the row id of the first event of its group (event
-- files, grouped on import); NULL when the event is a meeting of its own.
ALTER TABLE event ADD COLUMN meeting_id INTEGER;
CREATE INDEX event_meeting ON event(meeting_id) WHERE meeting_id IS NOT NULL;
-- [sides] end
)sql";

// Version 4: what a listing of events reads besides the event rows ([notes]; version 6 adds
// bit 8: its sources disagree about it or one of its participations, [claims]), and the size of
// each country's and pair's scope ([scope-counts]).
constexpr std::string_view kV4 = R"sql(
-- [notes] begin
-- Bits telling what else an event has that a listing of it must read: 1 its own evidence,
-- 2 evidence of its participations, 4 links to or from other events. Set in the transaction
-- that adds them; nothing removes evidence, so a bit is cleared only by a rebuild (a link moved
-- to other events leaves its old ends' bit set: a needless look-up, never a missed one). Event
-- files' events have none: their pages read the event rows alone.
ALTER TABLE event ADD COLUMN notes INTEGER NOT NULL DEFAULT 0;
UPDATE event SET notes = notes | 1
    WHERE id IN (SELECT event_id FROM evidence WHERE event_id IS NOT NULL);
UPDATE event SET notes = notes | 2 WHERE id IN (SELECT p.event_id FROM evidence v
    JOIN participation p ON p.id = v.participation_id WHERE v.participation_id IS NOT NULL);
UPDATE event SET notes = notes | 4
    WHERE id IN (SELECT from_id FROM event_link UNION SELECT to_id FROM event_link);
-- [notes] end
-- [scope-counts] begin
-- How many rows each country (b = '') and each pair of countries has in event_scope: the total
-- of "showing N of M" without counting the pair's rows. Kept with event_scope.
CREATE TABLE scope_count (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
INSERT INTO scope_count(a, b, n) SELECT a, b, count(*) FROM event_scope GROUP BY a, b;
-- [scope-counts] end
)sql";

// Version 5: event data over time ([trend]). Figures of dated, occurred events by day, kind,
// CAMEO root and QuadClass, per country (b = ''), per pair of countries (a < b; dir: 1 when a
// source of a acted on a target of b, 2 the other way, 3 both, 0 neither: events with no source
// and target, or with both in one country), and per actor; kept at import with event_scope
// (trend.cpp), by the rules of rules/trend.hpp. A trend or a ranking of pairs reads these rows,
// never the events. A version-4 file gains them from the events it holds.
constexpr std::string_view kV5 = R"sql(
-- [trend] begin
CREATE TABLE trend_scope (
    a             TEXT NOT NULL,
    b             TEXT NOT NULL,
    day           INTEGER NOT NULL,
    dir           INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    root          INTEGER NOT NULL,
    quad          INTEGER NOT NULL,
    events        INTEGER NOT NULL,
    meetings      INTEGER NOT NULL,
    goldstein_n   INTEGER NOT NULL,
    goldstein_sum REAL NOT NULL,
    tone_w        REAL NOT NULL,
    tone_sum      REAL NOT NULL,
    PRIMARY KEY (a, b, day, dir, kind, root, quad)
) WITHOUT ROWID;
CREATE INDEX trend_scope_b ON trend_scope(b, day) WHERE b <> '';
CREATE TABLE trend_actor (
    actor_id      INTEGER NOT NULL,
    day           INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    root          INTEGER NOT NULL,
    quad          INTEGER NOT NULL,
    events        INTEGER NOT NULL,
    meetings      INTEGER NOT NULL,
    goldstein_n   INTEGER NOT NULL,
    goldstein_sum REAL NOT NULL,
    tone_w        REAL NOT NULL,
    tone_sum      REAL NOT NULL,
    PRIMARY KEY (actor_id, day, kind, root, quad)
) WITHOUT ROWID;
-- [trend] end
)sql";

// Version 6: claims per source ([claims], dataset format 1.2; docs/data-model.md, "Claims").
// The event, participation and relation rows keep each field's preferred value (rules/
// claims.hpp), so every query answers with it; `claim` keeps each account of a record that has
// several: ord 0 its own account (own = 1, the values its top-level fields gave), then the
// other sources' claims in the order of the document. A field a claim does not give is NULL
// (silence). Participation claims carry their event's id too. A file of version 5 has no claims.
constexpr std::string_view kV6 = R"sql(
-- [claims] begin
ALTER TABLE source ADD COLUMN standing TEXT;
CREATE TABLE claim (
    id               INTEGER PRIMARY KEY,
    event_id         INTEGER REFERENCES event(id) ON DELETE CASCADE,
    participation_id INTEGER REFERENCES participation(id) ON DELETE CASCADE,
    relation_id      INTEGER REFERENCES relation(id) ON DELETE CASCADE,
    ord              INTEGER NOT NULL,
    own              INTEGER NOT NULL DEFAULT 0,
    source_id        INTEGER REFERENCES source(id),
    start_lo INTEGER, start_hi INTEGER, start_prec INTEGER,
    end_lo   INTEGER, end_hi   INTEGER, end_prec   INTEGER,
    kind     TEXT,
    status   TEXT,
    role     TEXT,
    valid_from_lo INTEGER, valid_from_hi INTEGER, valid_from_prec INTEGER,
    valid_to_lo   INTEGER, valid_to_hi   INTEGER, valid_to_prec   INTEGER,
    note     TEXT,
    CHECK ((event_id IS NULL) <> (relation_id IS NULL)),
    CHECK (participation_id IS NULL OR event_id IS NOT NULL)
);
CREATE INDEX claim_event ON claim(event_id) WHERE event_id IS NOT NULL;
CREATE INDEX claim_participation ON claim(participation_id) WHERE participation_id IS NOT NULL;
CREATE INDEX claim_relation ON claim(relation_id) WHERE relation_id IS NOT NULL;
CREATE TABLE claim_evidence (
    id         INTEGER PRIMARY KEY,
    claim_id   INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
    source_id  INTEGER NOT NULL REFERENCES source(id),
    span_start INTEGER, span_end INTEGER,
    quote      TEXT,
    basis      TEXT NOT NULL DEFAULT 'stated',
    confidence REAL,
    note       TEXT,
    CHECK (span_start IS NULL OR (span_start >= 0 AND span_end > span_start))
);
CREATE INDEX claim_evidence_claim ON claim_evidence(claim_id);
-- [claims] end
)sql";

constexpr std::array<std::string_view, 6> kMigrations{kV1, kV2, kV3, kV4, kV5, kV6};

}  // namespace

std::span<const std::string_view> migrations() noexcept {
    return kMigrations;
}

namespace {
constexpr std::array<DeferrableIndex, 4> kDeferrable{{
    {"event_start", "CREATE INDEX event_start ON event(start_lo)"},
    {"event_day", "CREATE INDEX event_day ON event(day_lo, day_hi)"},
    {"participation_actor",
     "CREATE INDEX participation_actor ON participation(actor_id, event_id)"},
    {"evidence_source", "CREATE INDEX evidence_source ON evidence(source_id)"},
}};
}  // namespace

std::span<const DeferrableIndex> deferrableIndexes() noexcept {
    return kDeferrable;
}

}  // namespace bilateral::sqlite::detail
