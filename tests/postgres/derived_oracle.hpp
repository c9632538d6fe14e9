#pragma once
// The derived tables as the rules give them from the base tables (src/store/derived.hpp has
// the rules), written apart from the bulk loader's statements, and what the tests compare.

#include <gtest/gtest.h>

#include <string>

#include "bulk_rows.hpp"
#include "storage/postgres/connection.hpp"

namespace bilateral::testing {

namespace pg = storage::postgres;

/// Rows in the symmetric difference of two queries' results (0: equal as multisets).
inline std::int64_t difference(pg::Connection& c, const std::string& a, const std::string& b) {
    const auto x = "SELECT * FROM (" + a + ") x", y = "SELECT * FROM (" + b + ") y";
    return c
        .exec("SELECT count(*) FROM ((" + x + " EXCEPT ALL " + y + ") UNION ALL (" + y +
              " EXCEPT ALL " + x + ")) d")
        .int64(0, 0);
}

// The derived tables as the rules give them from the base tables, written apart from the
// loader's statements.
const std::string kWantLinks =
    "SELECT DISTINCT p.actor_id, q.actor_id FROM participation p JOIN participation q ON "
    "p.event_id = q.event_id AND p.actor_id <> q.actor_id";
const std::string kWantScopes =
    "WITH pc AS (SELECT DISTINCT p.event_id e, a.country k FROM participation p JOIN actor a ON "
    "a.id = p.actor_id WHERE coalesce(a.country, '') <> ''), ev AS (SELECT id, coalesce(day_lo, "
    "2147483647) lo, coalesce(day_hi, 2147483647) hi, nullif(place_country, '') place, "
    "coalesce(place_country, '') <> '' AND NOT EXISTS (SELECT 1 FROM pc WHERE pc.e = event.id "
    "AND pc.k = event.place_country) AS own FROM "
    "event) SELECT pc.k, ''::text, ev.lo, ev.hi, ev.id, 'participants'::text FROM pc JOIN ev ON "
    "ev.id = pc.e UNION ALL SELECT x.k, y.k, ev.lo, ev.hi, ev.id, 'participants' FROM pc x JOIN "
    "pc y ON x.e = y.e AND x.k < y.k JOIN ev ON ev.id = x.e UNION ALL SELECT ev.place, '', "
    "ev.lo, ev.hi, ev.id, 'place' FROM ev WHERE ev.own UNION ALL SELECT least(pc.k, ev.place), "
    "greatest(pc.k, ev.place), ev.lo, ev.hi, ev.id, 'place' FROM pc JOIN ev ON ev.id = pc.e "
    "WHERE ev.own";
const std::string kWantTally =
    "SELECT 'actor'::text, kind, count(*) FROM actor GROUP BY kind UNION ALL SELECT 'event', "
    "kind, count(*) FROM event GROUP BY kind UNION ALL SELECT 'relation', kind, count(*) FROM "
    "relation GROUP BY kind UNION ALL SELECT s, '', n FROM (SELECT 'actor' s, count(*) n FROM "
    "actor UNION ALL SELECT 'event', count(*) FROM event UNION ALL SELECT 'relation', count(*) "
    "FROM relation UNION ALL SELECT 'source', count(*) FROM source UNION ALL SELECT "
    "'participation', count(*) FROM participation UNION ALL SELECT 'evidence', (SELECT count(*) "
    "FROM evidence) + (SELECT count(*) FROM event_evidence)) t WHERE n > 0";

inline void expectDerivedRight(pg::Connection& c) {
    EXPECT_EQ(difference(c, kWantLinks, "SELECT actor_id, other_id FROM actor_link"), 0);
    EXPECT_EQ(difference(c, kWantScopes, "SELECT a, b, lo, hi, event_id, rule FROM event_scope"),
              0);
    EXPECT_EQ(difference(c, "SELECT a, b, count(*) FROM event_scope GROUP BY a, b",
                         "SELECT a, b, n FROM scope_count"),
              0);
    EXPECT_EQ(difference(c, kWantTally, "SELECT subject, kind, n FROM tally"), 0);
    EXPECT_EQ(difference(c,
                         "SELECT (SELECT count(*) FROM actor_search), (SELECT count(*) FROM "
                         "actor_search_token)",
                         "SELECT nrows, ntokens FROM search_stats"),
              0);
    EXPECT_EQ(c.exec("SELECT count(*) FROM event WHERE key NOT IN (SELECT key FROM event_key) "
                     "OR id NOT IN (SELECT id FROM event_key)")
                  .int64(0, 0),
              0);
}

inline pg::BulkSummary load(pg::Connection& c, const GeneratedFile& f) {
    pg::Transaction tx(c);
    pg::BulkLoader loader(c, sqliteRules(), "rows.tsv");
    stageRows(loader, f);
    const auto summary = loader.finish();
    tx.commit();
    return summary;
}

inline std::int64_t count(pg::Connection& c, const std::string& table) {
    return c.exec("SELECT count(*) FROM " + table).int64(0, 0);
}

}  // namespace bilateral::testing
