// The set-based end of a bulk load: staged rows into the tables, then the derived tables from
// the same staged rows, all in the import's transaction. The rules are SQLite's
// (src/store/derived.cpp): what changes is only that rows arrive from staging tables.

#include <map>

#include "bilateral/error.hpp"
#include "storage/postgres/bulk_impl.hpp"
#include "storage/postgres/error.hpp"
#include "storage/postgres/search.hpp"

namespace bilateral::storage::postgres {
namespace {

std::int64_t scalar(Connection& c, std::string_view sql) {
    return c.exec(sql).int64(0, 0);
}

/// Event ids: each new key into event_key. A key this input repeats is an error naming both
/// lines; a key loaded before leaves its row out (and its participations and evidence).
void settleEvents(BulkState& d, BulkSummary& out) {
    auto& c = d.c;
    const auto staged = scalar(c, "SELECT count(*) FROM s_event");
    std::int64_t added = -1;
    if (!d.deferred.empty()) {
        // A first load: no key can be there before; a plain insert (cheaper than ON CONFLICT's
        // speculative one) fails only when the input repeats a key, found below.
        c.exec("SAVEPOINT bilateral_keys");
        try {
            added = c.exec("INSERT INTO event_key(key, id) SELECT key, id FROM s_event").affected();
            c.exec("RELEASE SAVEPOINT bilateral_keys");
        } catch (const PgError& e) {
            if (e.sqlstate() != sqlstate::kUniqueViolation) throw;
            c.exec("ROLLBACK TO SAVEPOINT bilateral_keys");
        }
    }
    if (added < 0) {
        added = c.exec(
                     "INSERT INTO event_key(key, id) SELECT key, id FROM s_event "
                     "ON CONFLICT (key) DO NOTHING")
                    .affected();
    }
    out.events = added;
    if (added == staged) return;
    const auto dup = c.exec(
        "SELECT s.key, s.line, o.line FROM s_event s JOIN event_key k ON k.key = s.key AND "
        "k.id <> s.id JOIN s_event o ON o.id = k.id ORDER BY s.line LIMIT 1");
    if (dup.rows() > 0) {
        throw ParseError(d.origin, "line " + std::string(dup.text(0, 1)),
                         "event id \"" + std::string(dup.text(0, 0)) + "\" repeats line " +
                             std::string(dup.text(0, 2)) + " of this input");
    }
    c.exec(
        "CREATE TEMP TABLE s_skipped ON COMMIT DROP AS SELECT s.id FROM s_event s "
        "JOIN event_key k ON k.key = s.key AND k.id <> s.id; "
        "DELETE FROM s_event WHERE id IN (SELECT id FROM s_skipped); "
        "DELETE FROM s_participation WHERE event_id IN (SELECT id FROM s_skipped)");
    const auto& events = d.target[kEvent];
    c.exec("DELETE FROM " + events + " WHERE id IN (SELECT id FROM s_skipped); UPDATE " + events +
           " SET meeting_id = NULL WHERE meeting_id IN (SELECT id FROM s_skipped)");
    out.evidence -= c.exec("DELETE FROM " + d.target[kEventEvidence] +
                           " WHERE event_id IN (SELECT id FROM s_skipped)")
                        .affected();
    c.exec("DROP TABLE s_skipped");
    out.skippedEvents = staged - added;
}

/// Actors: the new ones in; one that exists keeps its record and row, and what this input
/// staged with it (aliases, search rows, evidence, its relations) is dropped.
void settleActors(BulkState& d, BulkSummary& out) {
    auto& c = d.c;
    const auto staged = scalar(c, "SELECT count(*) FROM s_actor");
    out.actors = c.exec(
                      "INSERT INTO actor(id, key, kind, name, country, attributes) SELECT id, "
                      "key, kind, name, country, attributes FROM s_actor ON CONFLICT (key) DO "
                      "NOTHING")
                     .affected();
    out.existingActors = staged - out.actors;
    if (out.existingActors > 0) {
        c.exec(
            "CREATE TEMP TABLE s_actor_map ON COMMIT DROP AS SELECT s.id AS staged, a.id AS "
            "existing FROM s_actor s JOIN actor a ON a.key = s.key WHERE a.id <> s.id; "
            "UPDATE s_participation p SET actor_id = m.existing FROM s_actor_map m "
            "WHERE p.actor_id = m.staged; "
            "UPDATE s_relation r SET to_id = m.existing FROM s_actor_map m WHERE r.to_id = "
            "m.staged; "
            "DELETE FROM s_relation WHERE from_id IN (SELECT staged FROM s_actor_map); "
            "DELETE FROM s_alias WHERE actor_id IN (SELECT staged FROM s_actor_map); "
            "DELETE FROM s_search WHERE actor_id IN (SELECT staged FROM s_actor_map); "
            "DELETE FROM s_search_token t WHERE NOT EXISTS (SELECT 1 FROM s_search s "
            "WHERE s.id = t.search_id); "
            "DELETE FROM s_evidence WHERE actor_id IN (SELECT staged FROM s_actor_map); "
            "DELETE FROM s_actor WHERE id IN (SELECT staged FROM s_actor_map); "
            "DROP TABLE s_actor_map");
    }
    c.exec(
        "INSERT INTO actor_alias(actor_id, alias) SELECT DISTINCT actor_id, alias FROM s_alias "
        "ON CONFLICT DO NOTHING; "
        "INSERT INTO actor_search(id, actor_id, text, ntokens) SELECT id, actor_id, text, "
        "ntokens FROM s_search; "
        "INSERT INTO actor_search_token(token, search_id, pos) SELECT token, search_id, pos "
        "FROM s_search_token; "
        "UPDATE search_stats SET nrows = nrows + (SELECT count(*) FROM s_search), "
        "ntokens = ntokens + (SELECT coalesce(sum(ntokens), 0) FROM s_search)");
}

/// Relations whose key is new, and the evidence of the actors and relations kept.
void settleRelations(BulkState& d, BulkSummary& out) {
    auto& c = d.c;
    c.exec(
        "CREATE TEMP TABLE s_relation_new (id bigint, kind text COLLATE \"C\") ON COMMIT DROP; "
        "WITH n AS (INSERT INTO relation(id, key, kind, from_id, to_id, valid_from_lo, "
        "valid_from_hi, valid_from_prec, valid_to_lo, valid_to_hi, valid_to_prec, attributes) "
        "SELECT id, key, kind, from_id, to_id, valid_from_lo, valid_from_hi, valid_from_prec, "
        "valid_to_lo, valid_to_hi, valid_to_prec, attributes FROM s_relation "
        "ON CONFLICT (key) DO NOTHING RETURNING id, kind) "
        "INSERT INTO s_relation_new SELECT id, kind FROM n");
    out.relations = scalar(c, "SELECT count(*) FROM s_relation_new");
    out.evidence += c.exec(
                         "INSERT INTO evidence(id, actor_id, relation_id, source_id, span_start, "
                         "span_end, quote, basis, confidence, note) SELECT id, actor_id, "
                         "relation_id, source_id, span_start, span_end, quote, basis, confidence, "
                         "note FROM s_evidence WHERE actor_id IS NOT NULL OR relation_id IN "
                         "(SELECT id FROM s_relation_new)")
                        .affected();
}

/// Participations, all of events of this load (new ids: none can be in the table already);
/// one given twice for an event the loader could not check as it came is dropped here.
void moveParticipations(BulkState& d, BulkSummary& out) {
    if (d.sharded) {  // the staged event rows first (bulk_impl.hpp: BulkState::sharded)
        d.c.exec("INSERT INTO event SELECT * FROM " + d.target[kEvent] +
                 "; INSERT INTO "
                 "event_evidence SELECT * FROM " +
                 d.target[kEventEvidence]);
    }
    out.participations =
        d.c.exec(d.participationsMayRepeat
                     ? "INSERT INTO participation(id, event_id, actor_id, role) SELECT DISTINCT ON "
                       "(event_id, actor_id, role) id, event_id, actor_id, role FROM "
                       "s_participation ORDER BY event_id, actor_id, role, id"
                     : "INSERT INTO participation(id, event_id, actor_id, role) SELECT id, "
                       "event_id, actor_id, role FROM s_participation")
            .affected();
    out.evidence += d.sent[kEventEvidence];
}

// The derived tables of the new events (src/store/derived.cpp has the rules): pairs of their
// participants both ways; their countries alone and in pairs, by participants, else by place;
// the rows per scope.
constexpr std::string_view kLinks =
    "INSERT INTO actor_link(actor_id, other_id) SELECT actor_id, other_id FROM (SELECT DISTINCT "
    "p.actor_id, q.actor_id AS other_id FROM s_participation p JOIN s_participation q ON "
    "q.event_id = p.event_id AND q.actor_id <> p.actor_id) x ORDER BY 1, 2 "
    "ON CONFLICT DO NOTHING";
/// The new events' scope rows (columns a, b, lo, hi, event_id, rule) as the CTE `rows`.
constexpr std::string_view kScopeRows =
    "WITH c AS MATERIALIZED (SELECT DISTINCT p.event_id AS e, a.country AS k FROM "
    "s_participation p JOIN actor a ON a.id = p.actor_id WHERE a.country IS NOT NULL AND "
    "a.country <> ''), "
    "l AS MATERIALIZED (SELECT ev.id AS e, ev.place_country AS k FROM s_event ev WHERE "
    "ev.place_country IS NOT NULL AND ev.place_country <> '' AND NOT EXISTS (SELECT 1 FROM c "
    "WHERE c.e = ev.id AND c.k = ev.place_country)), "
    "s AS (SELECT e, k AS a, ''::text COLLATE \"C\" AS b, 'participants' AS r FROM c UNION ALL "
    "SELECT x.e, x.k, y.k, 'participants' FROM c x JOIN c y ON y.e = x.e AND x.k < y.k "
    "UNION ALL SELECT e, k, '', 'place' FROM l UNION ALL "
    "SELECT c.e, least(c.k, l.k), greatest(c.k, l.k), 'place' FROM c JOIN l ON l.e = c.e), "
    "rows AS (SELECT s.a, s.b, coalesce(ev.day_lo, 2147483647) AS lo, coalesce(ev.day_hi, "
    "2147483647) AS hi, s.e AS event_id, s.r AS rule FROM s JOIN s_event ev ON ev.id = s.e) ";
constexpr std::string_view kCountScopes =
    "INSERT INTO scope_count(a, b, n) SELECT a, b, count(*) FROM counted GROUP BY a, b "
    "ORDER BY a, b ON CONFLICT (a, b) DO UPDATE SET n = scope_count.n + excluded.n";

/// The new events' rows into event_scope, counted per scope into scope_count. On one server in
/// one statement; on a coordinator through a temporary table, since postgres_fdw sends an
/// INSERT with RETURNING one row at a time.
void keepScopes(BulkState& d) {
    const std::string rows(kScopeRows), count(kCountScopes);
    constexpr std::string_view kColumns = "(a, b, lo, hi, event_id, rule)";
    if (!d.sharded) {
        d.c.exec(rows + ", counted AS (INSERT INTO event_scope" + std::string(kColumns) +
                 " SELECT * FROM rows RETURNING a, b) " + count);
        return;
    }
    d.c.exec("CREATE TEMP TABLE s_scope (LIKE event_scope) ON COMMIT DROP");
    d.c.exec(rows + "INSERT INTO s_scope" + std::string(kColumns) + " SELECT * FROM rows");
    d.c.exec("INSERT INTO event_scope" + std::string(kColumns) + " SELECT * FROM s_scope");
    d.c.exec("WITH counted AS (SELECT a, b FROM s_scope) " + count);
    d.c.exec("DROP TABLE s_scope");
}

/// Counts by table and kind ("" for the table) into tally, in key order (concurrent loaders
/// then take its row locks in one order).
void keepTally(BulkState& d, const BulkSummary& out) {
    std::map<std::pair<std::string, std::string>, std::int64_t> n;
    const auto byKind = [&](const char* subject, const std::string& sql) {
        const auto r = d.c.exec(sql);
        for (int i = 0; i < r.rows(); ++i) n[{subject, std::string(r.text(i, 0))}] += r.int64(i, 1);
    };
    byKind("actor", "SELECT kind, count(*) FROM s_actor GROUP BY kind");
    byKind("event", "SELECT kind, count(*) FROM s_event GROUP BY kind");
    byKind("relation", "SELECT kind, count(*) FROM s_relation_new GROUP BY kind");
    n[{"actor", ""}] += out.actors;
    n[{"event", ""}] += out.events;
    n[{"relation", ""}] += out.relations;
    n[{"participation", ""}] += out.participations;
    n[{"evidence", ""}] += out.evidence;
    n[{"source", ""}] += d.sourcesAdded;
    std::vector<std::string> subjects, kinds, counts;
    for (const auto& [key, count] : n) {
        if (count == 0) continue;
        subjects.push_back(key.first);
        kinds.push_back(key.second);
        counts.push_back(std::to_string(count));
    }
    d.c.query(
        "INSERT INTO tally(subject, kind, n) SELECT * FROM unnest($1::text[], $2::text[], "
        "$3::bigint[]) ORDER BY 1, 2 ON CONFLICT (subject, kind) DO UPDATE SET n = tally.n + "
        "excluded.n",
        Params().text(textArray(subjects)).text(textArray(kinds)).text(textArray(counts)));
}

}  // namespace

BulkSummary moveStaged(BulkState& d, const std::function<void(std::string_view)>& phase) {
    auto& c = d.c;
    // The planner knows nothing of temporary tables until they are analysed.
    phase("analyse");
    c.exec("ANALYZE s_actor, s_event, s_participation, s_relation");
    BulkSummary out;
    phase("event ids");
    settleEvents(d, out);
    phase("actors");
    settleActors(d, out);
    settleRelations(d, out);
    phase("participations");
    moveParticipations(d, out);  // staged: settling events and actors corrected them
    phase("actor links");
    // A first load holds the event tables: no other load adds links meanwhile, and there were
    // none before (links come from events), so its distinct pairs go in without ON CONFLICT's
    // speculative insertion.
    c.exec(d.deferred.empty() ? std::string(kLinks)
                              : std::string(kLinks.substr(0, kLinks.find(" ON CONFLICT"))));
    phase("scopes");
    keepScopes(d);
    phase("tally");
    keepTally(d, out);
    std::string drop = "DROP TABLE s_relation_new";
    for (std::size_t i = 0; i < kStages; ++i) {
        if (d.target[i] != kStageDefs[i].name) drop += ", " + d.target[i];  // sharded events
        if (!kStageDefs[i].create.empty()) drop += ", " + std::string(kStageDefs[i].name);
    }
    c.exec(drop);
    if (!d.deferred.empty()) phase("indexes");
    for (const auto& create : d.deferred) c.exec(create);
    return out;
}

}  // namespace bilateral::storage::postgres
