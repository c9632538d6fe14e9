#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <SQLiteCpp/SQLiteCpp.h>

#include "bilateral/error.hpp"
#include "fixtures/temp_files.hpp"
#include "sqlite/schema.hpp"
#include "sqlite/store.hpp"
#include "sqlite/store_impl.hpp"

namespace fs = std::filesystem;
using namespace bilateral;
using model::Date;

namespace {

fs::path tempDb(const std::string& name) {
    const auto dir = bilateral::fixtures::tempFolder("store-test");
    fs::create_directories(dir);
    const auto p = dir / (name + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
    return p;
}

void seed(sqlite::Store& s) {
    s.putSource({.id = "source/a", .title = "A"});
    model::Actor anwar{
        .id = "person/anwar", .kind = model::ActorKind::Person, .name = "Anwar Ibrahim"};
    anwar.aliases = {"YAB Dato’ Seri Anwar Ibrahim"};
    anwar.country = "MYS";
    anwar.attributes = {{"born", std::int64_t{1947}}, {"pm", true}};
    anwar.evidence = {{.source = "source/a", .span = model::Span{3, 9}}};
    s.putActor(anwar);
    s.putActor({.id = "country/MYS",
                .kind = model::ActorKind::Country,
                .name = "Malaysia",
                .country = "MYS"});
    model::Event visit{
        .id = "event/visit", .kind = model::EventKind::OfficialVisit, .title = "Visit"};
    visit.start = Date::parse("2025-07-02");
    visit.end = Date::parse("2025-07-03");
    visit.cameo = "042";
    visit.participants = {
        {.actor = "person/anwar",
         .role = model::Role::Guest,
         .evidence = {{.source = "source/a", .basis = model::Basis::Inferred, .note = "n"}}}};
    s.putEvent(visit);
    model::Relation r{.id = "rel/1",
                      .kind = model::RelationKind::AffiliatedWith,
                      .from = "person/anwar",
                      .to = "country/MYS"};
    r.valid.start = Date::parse("2022-11");
    s.putRelation(r);
}

}  // namespace

TEST(Store, CreatesTheSchemaAtTheCurrentVersion) {
    auto s = sqlite::Store::open(tempDb("version"));
    EXPECT_EQ(s.schemaVersion(), sqlite::kSchemaVersion);
}

TEST(Store, WritesAndReadsBackEveryField) {
    auto s = sqlite::Store::memory();
    seed(s);
    const auto a = s.getActor("person/anwar");
    EXPECT_EQ(a.name, "Anwar Ibrahim");
    ASSERT_EQ(a.aliases.size(), 1u);
    EXPECT_EQ(a.aliases[0], "YAB Dato’ Seri Anwar Ibrahim");
    EXPECT_EQ(a.country, "MYS");
    EXPECT_EQ(std::get<std::int64_t>(a.attributes.at("born")), 1947);
    EXPECT_EQ(std::get<bool>(a.attributes.at("pm")), true);
    ASSERT_EQ(a.evidence.size(), 1u);
    EXPECT_EQ(a.evidence[0].span, (model::Span{3, 9}));
    const auto e = s.getEvent("event/visit");
    EXPECT_EQ(e.start, Date::parse("2025-07-02"));
    EXPECT_EQ(e.end, Date::parse("2025-07-03"));
    EXPECT_EQ(e.cameo, "042");
    ASSERT_EQ(e.participants.size(), 1u);
    EXPECT_EQ(e.participants[0].role, model::Role::Guest);
    EXPECT_EQ(e.participants[0].evidence[0].basis, model::Basis::Inferred);
    const auto r = s.findRelation("rel/1");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->valid.start, Date::parse("2022-11"));
    EXPECT_FALSE(r->valid.end);
}

TEST(Store, PuttingTheSameRecordTwiceMergesInsteadOfDuplicating) {
    auto s = sqlite::Store::memory();
    seed(s);
    seed(s);
    const auto c = s.counts();
    EXPECT_EQ(c.actors, 2);
    EXPECT_EQ(c.events, 1);
    EXPECT_EQ(c.participations, 1);
    EXPECT_EQ(c.evidence, 2);
    EXPECT_EQ(s.getActor("person/anwar").aliases.size(), 1u);
}

TEST(Store, RefusesDanglingReferences) {
    auto s = sqlite::Store::memory();
    model::Relation r{.id = "rel/x", .from = "person/nobody", .to = "person/none"};
    EXPECT_THROW(s.putRelation(r), NotFoundError);
    model::Event e{.id = "event/x", .title = "x"};
    e.parent = "event/missing";
    EXPECT_THROW(s.putEvent(e), NotFoundError);
}

TEST(Store, TransactionRollsBackUnlessCommitted) {
    const auto p = tempDb("tx");
    auto s = sqlite::Store::open(p);
    {
        sqlite::Transaction tx(s);
        seed(s);
    }
    EXPECT_EQ(s.counts().actors, 0);
    {
        sqlite::Transaction tx(s);
        seed(s);
        tx.commit();
    }
    EXPECT_EQ(s.counts().actors, 2);
}

TEST(Store, EnforcesForeignKeys) {
    auto s = sqlite::Store::memory();
    EXPECT_THROW(
        sqlite::detail::prepare(
            s, "INSERT INTO participation(event_id, actor_id, role) VALUES (99, 98, 'host')")
            .exec(),
        StorageError);
}

TEST(Store, RefusesADatabaseFromANewerVersionAndLeavesItUntouched) {
    const auto p = tempDb("newer");
    {
        auto s = sqlite::Store::open(p);
        sqlite::detail::execute(s, "PRAGMA user_version = 99");
    }
    const auto before = fs::file_size(p);
    try {
        sqlite::Store::open(p);
        FAIL() << "opened a newer database";
    } catch (const SchemaVersionError& e) {
        EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos);
    }
    EXPECT_EQ(fs::file_size(p), before);
    SQLite::Database raw(p.string());
    EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 99);
}

TEST(Store, RefusesAFileThatIsNotSqlite) {
    const auto p = tempDb("notsqlite");
    { std::ofstream(p) << "this is not a database\n"; }
    EXPECT_THROW(sqlite::Store::open(p), StorageError);
    std::ifstream in(p);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "this is not a database");
}

TEST(Store, UsesWalAndAReadOnlyOpenWritesNothing) {
    const auto p = tempDb("wal");
    {
        auto s = sqlite::Store::open(p);
        seed(s);
        auto st = sqlite::detail::prepare(s, "PRAGMA journal_mode");
        st.step();
        EXPECT_EQ(st.getString(0), "wal");
    }
    auto ro = sqlite::Store::open(p, {.readOnly = true});
    EXPECT_EQ(ro.counts().actors, 2);
    EXPECT_THROW(ro.putSource({.id = "source/b", .title = "B"}), StorageError);
}

TEST(Store, ASnapshotReaderSeesOneStateOfTheFileWhileAnotherProcessWrites) {
    const auto p = tempDb("snapshot");
    {
        auto s = sqlite::Store::open(p);
        seed(s);
    }
    auto pinned = sqlite::Store::open(p, {.readOnly = true, .snapshot = true});
    auto live = sqlite::Store::open(p, {.readOnly = true});
    EXPECT_EQ(pinned.counts().actors, 2);
    {
        auto writer = sqlite::Store::open(p);
        writer.putActor({.id = "country/ITA",
                         .kind = model::ActorKind::Country,
                         .name = "Italy",
                         .country = "ITA"});
    }
    // The command line's reader answers from the state it opened; a plain reader sees each commit.
    EXPECT_EQ(pinned.counts().actors, 2);
    EXPECT_FALSE(pinned.actorRecord("country/ITA"));
    EXPECT_EQ(live.counts().actors, 3);
    EXPECT_EQ(sqlite::Store::open(p, {.readOnly = true, .snapshot = true}).counts().actors, 3);
}

// [attested]

namespace {
model::Attestation attestation(const char* from, const char* to, const char* note) {
    model::Attestation a;
    a.period = {Date::parse(from), Date::parse(to)};
    a.evidence = {{.source = "source/a",
                   .span = model::Span{10, 20},
                   .basis = model::Basis::Inferred,
                   .confidence = 0.9,
                   .note = std::string(note)}};
    return a;
}
}  // namespace

TEST(Store, KeepsAttestationsApartFromTheRelationsOwnEvidenceAndMergesThem) {
    auto s = sqlite::Store::memory();
    seed(s);
    auto r = *s.findRelation("rel/1");
    r.evidence = {{.source = "source/a", .span = model::Span{10, 20}}};
    r.attested = {attestation("2025-07-02", "2025-07-03", "the visit"),
                  attestation("2024-05", "2024-05", "a month")};
    s.putRelation(r);
    auto back = *s.findRelation("rel/1");
    // The relation's own evidence is not mixed with its attestations'.
    ASSERT_EQ(back.evidence.size(), 1u);
    EXPECT_EQ(back.evidence[0].basis, model::Basis::Stated);
    ASSERT_EQ(back.attested.size(), 2u);  // in date order
    EXPECT_EQ(back.attested[0].period.start, Date::parse("2024-05"));
    EXPECT_EQ(back.attested[1].period.end, Date::parse("2025-07-03"));
    ASSERT_EQ(back.attested[1].evidence.size(), 1u);
    EXPECT_EQ(back.attested[1].evidence[0].note, "the visit");
    EXPECT_EQ(back.attested[1].evidence[0].confidence, 0.9);
    // Putting it again adds nothing; a second source for the same period joins it.
    s.putRelation(r);
    r.attested = {attestation("2025-07-02", "2025-07-03", "another reading")};
    s.putRelation(r);
    back = *s.findRelation("rel/1");
    ASSERT_EQ(back.attested.size(), 2u);
    EXPECT_EQ(back.attested[1].evidence.size(), 2u);
    EXPECT_EQ(back.evidence.size(), 1u);
    EXPECT_EQ(s.counts().evidence, 2 + 1 + 3);  // seed's two, the relation's one, three attesting
    EXPECT_EQ(s.relations().at(0).attested, back.attested);
}

TEST(Store, AVersionTwoFileIsMigratedToVersionThree) {
    const auto file = tempDb("v2");
    {
        // A version-2 file as an older build wrote it, with a relation and its evidence.
        SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        const auto all = sqlite::detail::migrations();
        raw.exec(std::string(all[0]));
        raw.exec(std::string(all[1]));
        raw.exec(
            "INSERT INTO source(id, key, title) VALUES (1, 'source/a', 'A');"
            "INSERT INTO actor(id, key, kind, name) VALUES (1, 'person/a', 'person', 'A'),"
            " (2, 'post/p', 'post', 'P');"
            "INSERT INTO relation(id, key, kind, from_id, to_id) VALUES (1, 'rel/held', "
            "'holds_post', 1, 2);"
            "INSERT INTO evidence(relation_id, source_id, span_start, span_end) VALUES (1, 1, 0, "
            "4);"
            "PRAGMA user_version = 2;");
    }
    EXPECT_THROW((void)sqlite::Store::open(file, {.readOnly = true}), StorageError);
    auto s = sqlite::Store::open(file);
    EXPECT_EQ(s.schemaVersion(), sqlite::kSchemaVersion);
    auto r = *s.findRelation("rel/held");
    EXPECT_EQ(r.evidence.size(), 1u);
    EXPECT_TRUE(r.attested.empty());
    r.attested = {attestation("2025-07-02", "2025-07-02", "a day")};
    s.putRelation(r);
    EXPECT_EQ(s.findRelation("rel/held")->attested.size(), 1u);
}
