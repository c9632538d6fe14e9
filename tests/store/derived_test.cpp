// The tables kept at import (schema version 2) stay equal to what a rebuild from the base tables
// gives: after bulk imports in several transactions, and after a dataset replaces actors and
// events (a country changed, a parent's dates moved, a participant added, a kind changed). A
// version-1 file is migrated to the same tables.

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "bilateral/error.hpp"
#include "bilateral/import/from_storage.hpp"
#include "bilateral/import/import.hpp"
#include "bilateral/query/answers.hpp"
#include "bilateral/query/from_storage.hpp"
#include "fixtures/real_samples.hpp"
#include "fixtures/temp_files.hpp"
#include "fixtures/tiny.hpp"
#include "reliability/generate.hpp"
#include "sqlite/bulk_writer.hpp"
#include "sqlite/derived.hpp"
#include "sqlite/schema.hpp"
#include "sqlite/store.hpp"
#include "sqlite/store_impl.hpp"

namespace bilateral {
namespace {

std::filesystem::path tempDir() {
    return fixtures::tempFolder("derived");
}

std::filesystem::path writeTemp(const std::string& name, const std::string& text) {
    return fixtures::writeTempFile("derived", name, text);
}

/// Every row of the derived tables and the event day ranges, as text.
std::vector<std::string> derivedRows(sqlite::Store& s) {
    std::vector<std::string> out;
    auto dump = [&](const char* sql) {
        auto st = sqlite::detail::prepare(s, sql);
        const int columns = st.columnCount();
        while (st.step()) {
            std::string row = sql;
            for (int c = 0; c < columns; ++c) {
                row += '|';
                row += st.isNull(c) ? "NULL" : st.getString(c);
            }
            out.push_back(std::move(row));
        }
    };
    dump("SELECT actor_id, other_id FROM actor_link ORDER BY 1, 2");
    dump("SELECT a, b, lo, hi, event_id, rule FROM event_scope ORDER BY 1, 2, 3, 4, 5");
    dump("SELECT subject, kind, n FROM tally WHERE n <> 0 ORDER BY 1, 2");
    dump("SELECT a, b, n FROM scope_count WHERE n <> 0 ORDER BY 1, 2");
    dump("SELECT id, day_lo, day_hi, notes FROM event ORDER BY id");
    // [trend] sums to 9 decimals: a rebuild adds them in another order
    dump(
        "SELECT a, b, day, dir, kind, root, quad, events, meetings, goldstein_n, "
        "round(goldstein_sum, 9), round(tone_w, 9), round(tone_sum, 9) FROM trend_scope "
        "ORDER BY 1, 2, 3, 4, 5, 6, 7");
    dump(
        "SELECT actor_id, day, kind, root, quad, events, meetings, goldstein_n, "
        "round(goldstein_sum, 9), round(tone_w, 9), round(tone_sum, 9) FROM trend_actor "
        "ORDER BY 1, 2, 3, 4, 5");
    return out;
}

/// Runs `sql` on the file with SQLite alone (no migration, no checks): to take a file back to an
/// older schema.
void rawExec(const std::filesystem::path& file, const char* sql) {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(file.string().c_str(), &raw), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(raw);
    sqlite3_close(raw);
}

/// The derived rows as maintained, and as a rebuild gives them (the rebuild is rolled back).
void expectMaintainedEqualsRebuilt(sqlite::Store& s) {
    const auto maintained = derivedRows(s);
    ASSERT_FALSE(maintained.empty());
    sqlite::detail::execute(s, "SAVEPOINT rebuild");
    sqlite::detail::rebuildDerived(s);
    const auto rebuilt = derivedRows(s);
    sqlite::detail::execute(s, "ROLLBACK TO rebuild");
    sqlite::detail::execute(s, "RELEASE rebuild");
    EXPECT_EQ(maintained, rebuilt);
}

TEST(DerivedTables, BulkImportsInSeveralTransactionsMatchARebuild) {
    auto s = sqlite::Store::memory();
    fixtures::fillTiny(s);
    expectMaintainedEqualsRebuilt(s);
    (void)io::importFiles(s, {writeTemp("one.tsv", reliability::icewsFile(400, 100))});
    (void)io::importFiles(s, {writeTemp("two.tsv", reliability::icewsFile(400, 5000)),
                              writeTemp("three.tsv", reliability::icewsFile(300, 9000))});
    expectMaintainedEqualsRebuilt(s);
    // stats reads the tally; it equals what counting the tables gives.
    const auto c = s.counts();
    auto count = [&](const char* sql) {
        auto st = sqlite::detail::prepare(s, sql);
        st.step();
        const auto n = st.getInt64(0);
        st.reset();
        return n;
    };
    EXPECT_EQ(c.events, count("SELECT count(*) FROM event"));
    EXPECT_EQ(c.participations, count("SELECT count(*) FROM participation"));
    EXPECT_EQ(c.evidence, count("SELECT count(*) FROM evidence"));
}

// [notes] GDELT rows bring their source article as evidence: the bulk writer marks their events
// as a rebuild does, into an empty file and into one that has data.
TEST(DerivedTables, EventsOfAGdeltImportAreMarkedAsHavingEvidence) {
    const auto& gdelt = fixtures::kGdelt2Sample;
    for (const bool empty : {true, false}) {
        auto s = sqlite::Store::memory();
        if (!empty) fixtures::fillTiny(s);
        (void)io::importFiles(s, {gdelt});
        expectMaintainedEqualsRebuilt(s);
        auto st = sqlite::detail::prepare(
            s, "SELECT count(*) FROM event WHERE notes & 1 AND key LIKE 'gdelt%'");
        st.step();
        EXPECT_GT(st.getInt64(0), 0) << (empty ? "into an empty file" : "after the fixture");
        st.reset();
    }
}

TEST(DerivedTables, ABulkWriterGathersThemInMemoryOrLeavesThemToTheCommit) {
    auto s = sqlite::Store::memory();
    fixtures::fillTiny(s);
    auto person = [](std::string id, std::string country) {
        model::Actor a;
        a.id = std::move(id);
        a.kind = model::ActorKind::Person;
        a.name = a.id;
        a.country = std::move(country);
        return a;
    };
    const auto anwar = *s.actorRow("person/anwar");
    for (const bool touchOld : {false, true}) {
        sqlite::Transaction tx(s);
        {
            sqlite::BulkWriter w(s);
            const auto tag = std::string(touchOld ? "b" : "a");
            const auto a = w.insertActor(person("person/bulk-" + tag + "1", "FRA"));
            const auto b = w.insertActor(person("person/bulk-" + tag + "2", "DEU"));
            for (int i = 0; i < 3; ++i) {
                const auto e = w.insertEvent({.id = "event/bulk-" + tag + std::to_string(i),
                                              .kind = "talks",
                                              .title = "t",
                                              .startLo = 20000 + i,
                                              .startHi = 20000 + i});
                ASSERT_TRUE(e.has_value());
                w.insertParticipation(*e, a, model::Role::Source);
                w.insertParticipation(*e, i == 2 ? anwar : b, model::Role::Target);
            }
            // A participation in an event from before: more than the writer can follow.
            if (touchOld) {
                w.insertParticipation(*s.eventRow("event/visit-2025-07"), a, model::Role::Attendee);
            }
            EXPECT_EQ(w.finish(), !touchOld);
        }
        tx.commit();
        expectMaintainedEqualsRebuilt(s);
    }
}

std::vector<std::string> indexNames(sqlite::Store& s) {
    std::vector<std::string> out;
    auto st = sqlite::detail::prepare(
        s, "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name");
    while (st.step()) out.push_back(st.getString(0));
    return out;
}

TEST(DerivedTables, ABulkImportIntoAnEmptyDatabaseBuildsItsIndexesAgain) {
    auto s = sqlite::Store::memory();
    const auto before = indexNames(s);
    ASSERT_NE(std::find(before.begin(), before.end(), "participation_actor"), before.end());
    (void)io::importFiles(s, {writeTemp("fresh.tsv", reliability::icewsFile(300, 100))});
    EXPECT_EQ(indexNames(s), before);
    // A failed import (a bad second file) rolls the dropped indexes back too.
    auto t = sqlite::Store::memory();
    EXPECT_THROW((void)io::importFiles(t, {writeTemp("ok.tsv", reliability::icewsFile(50, 100)),
                                           writeTemp("bad.tsv", "not an event file\n")}),
                 ParseError);
    EXPECT_EQ(indexNames(t), before);
    expectMaintainedEqualsRebuilt(s);
}

TEST(DerivedTables, ReplacingActorsAndEventsKeepsThemRight) {
    auto s = sqlite::Store::memory();
    fixtures::fillTiny(s);
    const auto before = s.counts();
    {
        sqlite::Transaction tx(s);
        // Zambry moves to another country: the events he took part in change pairs.
        auto zambry = s.getActor("person/zambry");
        zambry.country = "FRA";
        s.putActor(zambry);
        // The visit moves a day, and its undated roundtable with it; a new participant joins.
        auto visit = s.getEvent("event/visit-2025-07");
        visit.start = model::Date::parse("2025-07-05");
        visit.end = model::Date::parse("2025-07-06");
        visit.participants.push_back({.actor = "person/zambry", .role = model::Role::Attendee});
        s.putEvent(visit);
        // A kind changes: the tally moves from one kind to the other.
        auto talks = s.getEvent("event/talks-2024");
        talks.kind = model::EventKind::Negotiation;
        s.putEvent(talks);
        tx.commit();
    }
    expectMaintainedEqualsRebuilt(s);
    const auto after = s.counts();
    EXPECT_EQ(after.events, before.events);
    auto count = [](const auto& byKind, std::string_view kind) {
        for (const auto& [k, n] : byKind) {
            if (k == kind) return n;
        }
        return std::int64_t{0};
    };
    EXPECT_EQ(count(after.eventsByKind, "negotiation"),
              count(before.eventsByKind, "negotiation") + 1);
    EXPECT_EQ(count(after.eventsByKind, "talks"), count(before.eventsByKind, "talks") - 1);
    // Writes outside a transaction keep them right too.
    auto meloni = s.getActor("person/meloni");
    meloni.country = "MYS";
    s.putActor(meloni);
    expectMaintainedEqualsRebuilt(s);
}

/// A new file `name` in the temp folder holding the tiny graph and what `more(store)` adds, and
/// the rows of its derived tables.
template <class More>
std::pair<std::filesystem::path, std::vector<std::string>> freshFile(const char* name, More more) {
    const auto file = tempDir() / name;
    std::filesystem::remove(file);
    auto s = sqlite::Store::open(file);
    fixtures::fillTiny(s);
    more(s);
    return {file, derivedRows(s)};
}

/// A link between two statements of the tiny graph (statement 9 leads to statement 10).
model::EventLink statementLink() {
    model::EventLink link;
    link.id = "link/statement-9-leads-to-10";
    link.kind = model::EventLinkKind::LeadsTo;
    link.from = "event/statement-9";
    link.to = "event/statement-10";
    return link;
}

/// Opens `file`, taken back to an older version, for writing: it is migrated to the current
/// version, with the derived rows of a new file (`fresh`).
sqlite::Store openMigrated(const std::filesystem::path& file,
                           const std::vector<std::string>& fresh) {
    auto s = sqlite::Store::open(file);
    EXPECT_EQ(s.schemaVersion(), sqlite::kSchemaVersion);
    EXPECT_EQ(derivedRows(s), fresh);
    return s;
}

TEST(DerivedTables, AVersionOneFileIsMigratedToTheSameTables) {
    const auto [file, fresh] = freshFile("v1.db", [](sqlite::Store& s) {
        (void)io::importFiles(s, {writeTemp("v1.tsv", reliability::icewsFile(200, 100))});
    });
    {
        // Take the file back to version 1: no derived tables, no day-range columns.
        rawExec(file,
                "DROP TABLE claim_evidence; DROP TABLE claim; ALTER TABLE source DROP COLUMN "
                "standing; "                                        // version 6
                "DROP TABLE trend_scope; DROP TABLE trend_actor; "  // version 5
                "DROP TABLE actor_link; DROP TABLE event_scope; DROP TABLE tally; "
                "DROP INDEX event_day; ALTER TABLE event DROP COLUMN day_lo; "
                "ALTER TABLE event DROP COLUMN day_hi; "
                // version 3 ([attested])
                "DROP INDEX evidence_attested; DROP TABLE relation_attested; "
                "ALTER TABLE evidence DROP COLUMN attested_id; "
                // [places] what schema version 3 added
                "DROP TABLE event_link_evidence; DROP TABLE event_link; "
                "DROP INDEX event_place_country; "
                "ALTER TABLE event DROP COLUMN place_country; "
                "ALTER TABLE event DROP COLUMN place_lat; "
                "ALTER TABLE event DROP COLUMN place_lon; "
                "ALTER TABLE event DROP COLUMN place_gazetteer; "
                // [sides] version 3's columns
                "DROP INDEX event_meeting; ALTER TABLE event DROP COLUMN meeting_id; "
                "ALTER TABLE participation DROP COLUMN side; "
                "ALTER TABLE event DROP COLUMN notes; "  // version 4
                "DROP TABLE scope_count; "
                "PRAGMA user_version = 1;");
    }
    EXPECT_THROW((void)sqlite::Store::open(file, {.readOnly = true}), StorageError);
    (void)openMigrated(file, fresh);
}

// --- [places] -----------------------------------------------------------------------------------

/// The event_scope rows of one event as "a:b:rule" (b empty for the country alone).
std::vector<std::string> scopeOf(sqlite::Store& s, std::string_view event) {
    auto st = sqlite::detail::prepare(
        s, "SELECT a, b, rule FROM event_scope WHERE event_id = ? ORDER BY 1, 2");
    st.bind(1, *s.eventRow(event));
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.getString(0) + ":" + st.getString(1) + ":" + st.getString(2));
    return out;
}

TEST(DerivedTables, AnEventWhosePlaceChangesOnReplacementChangesItsScopes) {
    auto s = sqlite::Store::memory();
    fixtures::fillTiny(s);
    // Meloni and Tajani (both ITA) at cabinet talks: Italy's alone.
    EXPECT_EQ(scopeOf(s, "event/cabinet-meeting"), (std::vector<std::string>{"ITA::participants"}));
    auto talks = s.getEvent("event/cabinet-meeting");
    talks.location = "Kuala Lumpur";
    talks.place.country = "MYS";
    s.putEvent(talks);
    EXPECT_EQ(scopeOf(s, "event/cabinet-meeting"),
              (std::vector<std::string>{"ITA::participants", "ITA:MYS:place", "MYS::place"}));
    expectMaintainedEqualsRebuilt(s);
    {
        sqlite::Transaction tx(s);
        talks.location = "Paris";
        talks.place.country = "FRA";
        s.putEvent(talks);
        tx.commit();
    }
    EXPECT_EQ(scopeOf(s, "event/cabinet-meeting"),
              (std::vector<std::string>{"FRA::place", "FRA:ITA:place", "ITA::participants"}));
    expectMaintainedEqualsRebuilt(s);
    // In a place of its own participants' country: nothing by place.
    talks.place.country = "ITA";
    s.putEvent(talks);
    EXPECT_EQ(scopeOf(s, "event/cabinet-meeting"), (std::vector<std::string>{"ITA::participants"}));
    expectMaintainedEqualsRebuilt(s);
}

/// The generated ICEWS rows, located in Santiago, Chile: a country none of their actors has.
std::string icewsInChile(int rows, std::int64_t firstId) {
    std::string text = reliability::icewsFile(rows, firstId);
    std::string out;
    std::size_t at = 0;
    for (std::size_t nl; (nl = text.find('\n', at)) != std::string::npos; at = nl + 1) {
        auto line = text.substr(at, nl - at);
        // City, District, Province, Country, Latitude, Longitude are the last six fields.
        if (at != 0) {
            std::size_t cut = line.size();
            for (int i = 0; i < 6; ++i) cut = line.rfind('\t', cut - 1);
            line = line.substr(0, cut) + "\tSantiago\t\tSantiago\tChile\t-33.45\t-70.66";
        }
        out += line + '\n';
    }
    return out;
}

TEST(DerivedTables, PlacesOfBulkImportedEventsMatchARebuild) {
    auto s = sqlite::Store::memory();
    (void)io::importFiles(s, {writeTemp("placed.tsv", icewsInChile(300, 100))});
    auto st = sqlite::detail::prepare(s, "SELECT count(*) FROM event_scope WHERE rule = 'place'");
    st.step();
    const auto byPlace = st.getInt64(0);
    st.reset();
    EXPECT_GT(byPlace, 0);
    expectMaintainedEqualsRebuilt(s);
}

TEST(DerivedTables, AVersionTwoFileIsMigratedToVersionThree) {
    const auto [file, fresh] = freshFile("v2.db", [](sqlite::Store&) {});
    {
        // Take the file back to version 2: what version 3 added goes ([attested], [sides],
        // [places]).
        rawExec(file,
                "DROP TABLE claim_evidence; DROP TABLE claim; ALTER TABLE source DROP COLUMN "
                "standing; "                                        // version 6
                "DROP TABLE trend_scope; DROP TABLE trend_actor; "  // version 5
                "DROP INDEX evidence_attested; DROP TABLE relation_attested; "
                "ALTER TABLE evidence DROP COLUMN attested_id; "
                "DROP INDEX event_meeting; ALTER TABLE event DROP COLUMN meeting_id; "
                "ALTER TABLE participation DROP COLUMN side; "
                "DROP TABLE event_link_evidence; DROP TABLE event_link; "
                "CREATE TABLE scope2 AS SELECT a, b, lo, hi, event_id FROM "
                "event_scope; DROP TABLE event_scope; "
                "CREATE TABLE event_scope (a TEXT NOT NULL, b TEXT NOT NULL, "
                "lo INTEGER NOT NULL, hi INTEGER NOT NULL, event_id INTEGER NOT "
                "NULL, PRIMARY KEY (a, b, lo, hi, event_id)) WITHOUT ROWID; "
                "INSERT INTO event_scope SELECT * FROM scope2; DROP TABLE scope2; "
                "DROP INDEX event_place_country; "
                "ALTER TABLE event DROP COLUMN place_country; "
                "ALTER TABLE event DROP COLUMN place_lat; "
                "ALTER TABLE event DROP COLUMN place_lon; "
                "ALTER TABLE event DROP COLUMN place_gazetteer; "
                "ALTER TABLE event DROP COLUMN notes; "  // version 4
                "DROP TABLE scope_count; "
                "PRAGMA user_version = 2;");
    }
    EXPECT_THROW((void)sqlite::Store::open(file, {.readOnly = true}), StorageError);
    auto s = openMigrated(file, fresh);  // every scope row 'participants', as before
    // The new parts work on the migrated file.
    const auto link = statementLink();
    s.putEventLink(link);
    EXPECT_EQ(s.eventLinks(), std::vector<model::EventLink>{link});
    auto talks = s.getEvent("event/cabinet-meeting");
    talks.place.country = "MYS";
    s.putEvent(talks);
    EXPECT_EQ(s.getEvent("event/cabinet-meeting").place.country, "MYS");
    expectMaintainedEqualsRebuilt(s);
}

// [notes] A version-3 file gains each event's notes from what it holds: the same bits as the
// writes of a new file set, so its pages read the same evidence, participants and links.
TEST(DerivedTables, AVersionThreeFileIsMigratedToVersionFour) {
    const auto [file, fresh] = freshFile("v3.db", [](sqlite::Store& s) {
        s.putEventLink(statementLink());
        // Evidence for an event and for one of its participations.
        auto talks = s.getEvent("event/talks-2024");
        const model::Evidence said{"source/fixture", std::nullopt, "talks", model::Basis::Stated};
        talks.evidence.push_back(said);
        talks.participants.front().evidence.push_back(said);
        s.putEvent(talks);
    });
    // What the file holds sets every bit somewhere.
    for (const char* bit : {"1", "2", "4"}) {
        EXPECT_TRUE(std::any_of(fresh.begin(), fresh.end(),
                                [bit](const std::string& row) {
                                    return row.starts_with("SELECT id, day_lo, day_hi, notes") &&
                                           (std::stoi(row.substr(row.rfind('|') + 1)) &
                                            std::stoi(bit)) != 0;
                                }))
            << "no event has bit " << bit;
    }
    {
        rawExec(file,
                "DROP TABLE claim_evidence; DROP TABLE claim; ALTER TABLE source DROP COLUMN "
                "standing; "                                        // version 6
                "DROP TABLE trend_scope; DROP TABLE trend_actor; "  // version 5
                "ALTER TABLE event DROP COLUMN notes; DROP TABLE scope_count; "
                "PRAGMA user_version = 3;");
    }
    auto s = openMigrated(file, fresh);
    expectMaintainedEqualsRebuilt(s);
}

// [sides] A version-2 file (made from the version 1 and 2 migrations themselves) opens as version
// 3: participations get a side column (NULL: the actor's own side), events a meeting column.
TEST(Migration, AVersionTwoFileGetsSidesAndMeetings) {
    const auto file = tempDir() / "v2-sides.db";
    std::filesystem::remove(file);
    {
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open(file.string().c_str(), &raw), SQLITE_OK);
        const auto all = sqlite::detail::migrations();
        for (int v = 0; v < 2; ++v) {
            ASSERT_EQ(sqlite3_exec(raw, std::string(all[static_cast<std::size_t>(v)]).c_str(),
                                   nullptr, nullptr, nullptr),
                      SQLITE_OK)
                << sqlite3_errmsg(raw);
        }
        EXPECT_EQ(sqlite3_exec(raw,
                               "INSERT INTO actor(key, kind, name, country) VALUES "
                               "('person/a', 'person', 'A', 'MYS'), ('person/b', 'person', 'B', "
                               "'ITA'); INSERT INTO event(key, kind, title) VALUES "
                               "('event/m', 'talks', 'M'); INSERT INTO participation(event_id, "
                               "actor_id, role) VALUES (1, 1, 'attendee'), (1, 2, 'attendee'); "
                               "PRAGMA user_version = 2;",
                               nullptr, nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(raw);
    }
    auto s = sqlite::Store::open(file);
    EXPECT_EQ(s.schemaVersion(), sqlite::kSchemaVersion);
    const auto e = s.getEvent("event/m");
    ASSERT_EQ(e.participants.size(), 2u);
    EXPECT_FALSE(e.participants[0].side.has_value());
    EXPECT_FALSE(e.meeting.has_value());
    const auto met = query::whoMet(s, "person/a");
    ASSERT_EQ(met.items.size(), 1u);
    EXPECT_EQ(met.items[0].side, "ITA");  // from B's country
}

}  // namespace
}  // namespace bilateral
