// The bulk loader's row calls: each encodes a row for its staging table (bulk_impl.hpp);
// rows go to the server by COPY a few megabytes at a time.

#include "storage/postgres/bulk.hpp"

#include <algorithm>

#include "bilateral/error.hpp"
#include "storage/postgres/bulk_impl.hpp"
#include "storage/postgres/error.hpp"
#include "storage/postgres/schema.hpp"
#include "storage/postgres/schema_build.hpp"

namespace bilateral::storage::postgres {
namespace {

constexpr std::size_t kFlushBytes = std::size_t{8} << 20;

void dateColumns(CopyEncoder& e, const std::optional<model::Date>& d) {
    if (!d) {
        e.null().null().null();
        return;
    }
    e.int32(static_cast<std::int32_t>(d->earliest()))
        .int32(static_cast<std::int32_t>(d->latest()))
        .int32(static_cast<std::int32_t>(d->precision()));
}

void dropDeferrable(BulkState& d) {
    auto& c = d.c;
    for (const auto& t : tables()) {
        if (t.partitionKey.empty()) continue;
        for (const auto index : t.indexes) d.deferred.emplace_back(index);
    }
    for (const auto& create : d.deferred) {
        // "CREATE INDEX name ON ...": the name is the third word.
        const auto name = create.substr(13, create.find(' ', 13) - 13);
        c.exec("DROP INDEX " + name);
    }
    c.exec("ALTER TABLE event_scope DROP CONSTRAINT event_scope_pkey");
    d.deferred.emplace_back("ALTER TABLE event_scope ADD PRIMARY KEY (a, b, lo, hi, event_id)");
    c.exec("ALTER TABLE participation DROP CONSTRAINT participation_event_id_actor_id_role_key");
    d.deferred.emplace_back("ALTER TABLE participation ADD UNIQUE (event_id, actor_id, role)");
}

/// Into empty event tables (a first load), their secondary indexes are dropped and made again
/// at the end, sorted once, rather than kept in order row by row (as SQLite's BulkWriter
/// does). That takes the event tables for the rest of the load: readers and other loaders wait
/// for it. The lock is asked for without waiting (NOWAIT), before this transaction touches the
/// tables: a load that cannot have it at once keeps the indexes, and never waits here, so it
/// cannot deadlock with another; one that checks for rows while a first load holds the tables
/// waits for that load to end, then finds its rows.
void deferIndexes(BulkState& d) {
    auto& c = d.c;
    if (c.exec("SELECT NOT EXISTS (SELECT 1 FROM event)").text(0, 0) != "t") return;
    c.exec("SAVEPOINT bilateral_defer");
    try {
        c.exec(
            "LOCK TABLE event, participation, event_evidence, event_scope IN ACCESS EXCLUSIVE "
            "MODE NOWAIT");
    } catch (const PgError& e) {
        if (e.sqlstate() != sqlstate::kLockNotAvailable) throw;
        c.exec("ROLLBACK TO SAVEPOINT bilateral_defer");
        return;
    }
    c.exec("RELEASE SAVEPOINT bilateral_defer");
    // Rows added between the check and the lock (by a writer that committed meanwhile).
    if (c.exec("SELECT NOT EXISTS (SELECT 1 FROM event)").text(0, 0) == "t") dropDeferrable(d);
}

}  // namespace

std::int64_t BulkState::newId() {
    if (nextId > lastId) {
        nextId = c.exec("SELECT nextval('row_block')").int64(0, 0);
        lastId = nextId + detail::kRowBlock - 1;
    }
    return nextId++;
}

void BulkState::flush(Stage s, bool all) {
    auto& e = rows[s];
    if (e.rows() == 0 || (!all && e.size() < kFlushBytes)) return;
    sent[s] += copyRows(c, target[s] + " (" + std::string(kStageDefs[s].columns) + ")", e);
}

std::int64_t BulkState::sourceRow(const std::string& key) {
    if (const auto it = sources.find(key); it != sources.end()) return it->second;
    const auto r = c.query("SELECT id FROM source WHERE key = $1", Params().text(key));
    if (r.rows() == 0) throw NotFoundError("source \"" + key + "\" does not exist");
    return sources.emplace(key, r.int64(0, 0)).first->second;
}

void BulkState::search(std::int64_t row, std::string_view text) {
    const auto s = rules.searchText(text);
    const auto id = newId();
    rows[kSSearch].row(4).int64(id).int64(row).text(s.text).int32(
        static_cast<std::int32_t>(s.tokens.size()));
    for (std::size_t i = 0; i < s.tokens.size(); ++i)
        rows[kSSearchToken].row(3).text(s.tokens[i]).int64(id).int32(static_cast<std::int32_t>(i));
}

void BulkState::evidence(std::string_view subject, std::int64_t row, const model::Evidence& e) {
    const auto source = sourceRow(e.source);
    auto& out = rows[kSEvidence];
    out.row(10).int64(newId());
    if (subject == "actor")
        out.int64(row).null();
    else
        out.null().int64(row);
    out.int64(source);
    if (e.span)
        out.int32(static_cast<std::int32_t>(e.span->start))
            .int32(static_cast<std::int32_t>(e.span->end));
    else
        out.null().null();
    if (e.quote)
        out.text(*e.quote);
    else
        out.null();
    out.text(model::toString(e.basis)).optional(e.confidence);
    if (e.note)
        out.text(*e.note);
    else
        out.null();
    flush(kSEvidence, false);
}

BulkLoader::BulkLoader(Connection& c, SharedRules rules, std::string origin)
    : impl_(std::make_unique<BulkState>(c, std::move(rules), std::move(origin))) {
    // Sorts and hashes of the set-based steps in memory rather than on disk (this
    // transaction only).
    c.exec("SET LOCAL work_mem = '256MB'; SET LOCAL maintenance_work_mem = '512MB'");
    auto& d = *impl_;
    d.sharded =
        c.exec("SELECT relkind FROM pg_class WHERE oid = 'event'::regclass").text(0, 0) == "p";
    // Before the staging tables: made LIKE the event tables, they lock them (deferIndexes).
    // On shards the indexes are the shards' own: a first load there keeps them.
    if (!d.sharded) deferIndexes(d);
    for (std::size_t i = 0; i < kStages; ++i) {
        const auto& s = kStageDefs[i];
        d.target[i] = s.name;
        if (s.create.empty() && d.sharded) {
            d.target[i] = "s_" + std::string(s.name) + "_rows";
            c.exec("CREATE TEMP TABLE " + d.target[i] + " (LIKE " + std::string(s.name) +
                   " INCLUDING DEFAULTS) ON COMMIT DROP");
        }
        if (s.create.empty()) continue;
        c.exec("CREATE TEMP TABLE " + std::string(s.name) + " (" + std::string(s.create) +
               ") ON COMMIT DROP");
    }
}

BulkLoader::~BulkLoader() = default;

std::int64_t BulkLoader::source(const model::Source& s) {
    auto& d = *impl_;
    if (const auto it = d.sources.find(s.id); it != d.sources.end()) return it->second;
    // DO UPDATE, not DO NOTHING: it returns the row also when a concurrent import inserted it
    // (a statement's snapshot does not see that row); xmax = 0 on a row this statement made.
    const auto r = d.c.query(
        "INSERT INTO source(id, key, title, kind, url) VALUES (nextval('row_block'), $1, $2, $3, "
        "$4) ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING id, xmax = 0",
        Params().text(s.id).text(s.title).optional(s.kind).optional(s.url));
    if (r.text(0, 1) == "t") ++d.sourcesAdded;
    return d.sources.emplace(s.id, r.int64(0, 0)).first->second;
}

std::int64_t BulkLoader::actor(const model::Actor& a) {
    auto& d = *impl_;
    if (const auto it = d.actors.find(a.id); it != d.actors.end()) return it->second;
    const auto row = d.newId();
    d.actors.emplace(a.id, row);
    const auto attributes = d.rules.attributesJson(a.attributes);
    d.rows[kSActor]
        .row(6)
        .int64(row)
        .text(a.id)
        .text(model::toString(a.kind))
        .text(a.name)
        .optional(a.country)
        .optional(attributes);
    d.search(row, a.name);
    auto& seen = d.aliases[row];  // an alias given twice is one alias (as in SQLite)
    for (const auto& alias : a.aliases) {
        if (std::find(seen.begin(), seen.end(), alias) != seen.end()) continue;
        seen.push_back(alias);
        d.rows[kSAlias].row(2).int64(row).text(alias);
        d.search(row, alias);
    }
    for (const auto& e : a.evidence) d.evidence("actor", row, e);
    for (const auto s : {kSActor, kSAlias, kSSearch, kSSearchToken}) d.flush(s, false);
    return row;
}

std::optional<std::int64_t> BulkLoader::stagedActor(std::string_view key) const {
    const auto it = impl_->actors.find(std::string(key));
    if (it == impl_->actors.end()) return std::nullopt;
    return it->second;
}

std::optional<bool> BulkLoader::stagedAlias(std::int64_t actorRow, std::string_view alias) {
    auto& d = *impl_;
    const auto it = d.aliases.find(actorRow);
    if (it == d.aliases.end()) return std::nullopt;
    if (std::find(it->second.begin(), it->second.end(), alias) != it->second.end()) return false;
    it->second.emplace_back(alias);
    d.rows[kSAlias].row(2).int64(actorRow).text(alias);
    d.search(actorRow, alias);
    for (const auto s : {kSAlias, kSSearch, kSSearchToken}) d.flush(s, false);
    return true;
}

std::int64_t BulkLoader::relation(const model::Relation& r, std::int64_t fromRow,
                                  std::int64_t toRow) {
    auto& d = *impl_;
    const auto row = d.newId();
    auto& out = d.rows[kSRelation];
    out.row(12).int64(row).text(r.id).text(model::toString(r.kind)).int64(fromRow).int64(toRow);
    dateColumns(out, r.valid.start);
    dateColumns(out, r.valid.end);
    out.optional(d.rules.attributesJson(r.attributes));
    for (const auto& e : r.evidence) d.evidence("relation", row, e);
    d.flush(kSRelation, false);
    return row;
}

std::int64_t BulkLoader::event(const EventRow& e) {
    auto& d = *impl_;
    const auto row = d.newId();
    auto& out = d.rows[kEvent];
    out.row(19).int64(row).text(e.id).text(e.kind).text(e.title);
    if (e.startLo && e.startHi) {
        out.int32(*e.startLo).int32(*e.startHi).int32(static_cast<std::int32_t>(e.startPrecision));
    } else {
        out.null().null().null();
    }
    out.textOrNull(e.cameo).optional(e.goldstein).textOrNull(e.attributesJson);
    // An event file's event has no parent: its day range is its own.
    out.optional(e.startLo).optional(e.startHi);
    out.textOrNull(e.location)
        .textOrNull(e.placeCountry)
        .optional(e.latitude)
        .optional(e.longitude);
    out.textOrNull(e.gazetteer).optional(e.meetingRow).int32(e.evidenced ? 1 : 0);
    d.rows[kSEvent].row(7).int64(row).text(e.id).int64(e.line).text(e.kind).optional(e.startLo);
    d.rows[kSEvent].optional(e.startHi).textOrNull(e.placeCountry);
    d.flush(kEvent, false);
    d.flush(kSEvent, false);
    d.lastEvent = row;
    d.lastParticipants.clear();
    return row;
}

void BulkLoader::participation(std::int64_t eventRow, std::int64_t actorRow, model::Role role) {
    auto& d = *impl_;
    if (eventRow == d.lastEvent) {
        const std::pair<std::int64_t, model::Role> p{actorRow, role};
        auto& seen = d.lastParticipants;
        if (std::find(seen.begin(), seen.end(), p) != seen.end()) return;
        seen.push_back(p);
    } else {
        d.participationsMayRepeat = true;
    }
    d.rows[kSParticipation].row(4).int64(d.newId()).int64(eventRow).int64(actorRow).text(
        model::toString(role));
    d.flush(kSParticipation, false);
}

void BulkLoader::eventEvidence(std::int64_t eventRow, std::int64_t sourceRow,
                               std::string_view quote, std::string_view note) {
    auto& d = *impl_;
    d.rows[kEventEvidence]
        .row(5)
        .int64(d.newId())
        .int64(eventRow)
        .int64(sourceRow)
        .textOrNull(quote)
        .textOrNull(note);
    d.flush(kEventEvidence, false);
}

BulkSummary BulkLoader::finish(const std::function<void(std::string_view)>& phase) {
    auto& d = *impl_;
    if (d.finished) throw StorageError("a bulk load was finished twice");
    d.finished = true;
    for (std::size_t s = 0; s < kStages; ++s) d.flush(static_cast<Stage>(s), true);
    return moveStaged(
        d, phase ? phase : [](std::string_view) {});
}

}  // namespace bilateral::storage::postgres
