#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/store_impl.hpp"
#include "bilateral/error.hpp"
#include "bilateral/store/store.hpp"

namespace fs = std::filesystem;
using namespace bilateral;
using model::Date;

namespace {

fs::path tempDb(const std::string& name) {
    const auto dir = fs::temp_directory_path() / "bilateral-store-test";
    fs::create_directories(dir);
    const auto p = dir / (name + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
    return p;
}

void seed(store::Store& s) {
    s.putSource({.id = "source/a", .title = "A"});
    model::Actor anwar{.id = "person/anwar", .kind = model::ActorKind::Person, .name = "Anwar Ibrahim"};
    anwar.aliases = {"YAB Dato’ Seri Anwar Ibrahim"};
    anwar.country = "MYS";
    anwar.attributes = {{"born", std::int64_t{1947}}, {"pm", true}};
    anwar.evidence = {{.source = "source/a", .span = model::Span{3, 9}}};
    s.putActor(anwar);
    s.putActor({.id = "country/MYS", .kind = model::ActorKind::Country, .name = "Malaysia", .country = "MYS"});
    model::Event visit{.id = "event/visit", .kind = model::EventKind::OfficialVisit, .title = "Visit"};
    visit.start = Date::parse("2025-07-02");
    visit.end = Date::parse("2025-07-03");
    visit.cameo = "042";
    visit.participants = {{.actor = "person/anwar", .role = model::Role::Guest,
                           .evidence = {{.source = "source/a", .basis = model::Basis::Inferred, .note = "n"}}}};
    s.putEvent(visit);
    model::Relation r{.id = "rel/1", .kind = model::RelationKind::AffiliatedWith, .from = "person/anwar",
                      .to = "country/MYS"};
    r.valid.start = Date::parse("2022-11");
    s.putRelation(r);
}

}  // namespace

TEST(Store, CreatesTheSchemaAtTheCurrentVersion) {
    auto s = store::Store::open(tempDb("version"));
    EXPECT_EQ(s.schemaVersion(), store::kSchemaVersion);
}

TEST(Store, WritesAndReadsBackEveryField) {
    auto s = store::Store::memory();
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
    auto s = store::Store::memory();
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
    auto s = store::Store::memory();
    model::Relation r{.id = "rel/x", .from = "person/nobody", .to = "person/none"};
    EXPECT_THROW(s.putRelation(r), NotFoundError);
    model::Event e{.id = "event/x", .title = "x"};
    e.parent = "event/missing";
    EXPECT_THROW(s.putEvent(e), NotFoundError);
}

TEST(Store, TransactionRollsBackUnlessCommitted) {
    const auto p = tempDb("tx");
    auto s = store::Store::open(p);
    {
        store::Transaction tx(s);
        seed(s);
    }
    EXPECT_EQ(s.counts().actors, 0);
    {
        store::Transaction tx(s);
        seed(s);
        tx.commit();
    }
    EXPECT_EQ(s.counts().actors, 2);
}

TEST(Store, EnforcesForeignKeys) {
    auto s = store::Store::memory();
    EXPECT_THROW(store::detail::prepare(s, "INSERT INTO participation(event_id, actor_id, role) VALUES (99, 98, 'host')").exec(),
                 StorageError);
}

TEST(Store, RefusesADatabaseFromANewerVersionAndLeavesItUntouched) {
    const auto p = tempDb("newer");
    {
        auto s = store::Store::open(p);
        store::detail::execute(s, "PRAGMA user_version = 99");
    }
    const auto before = fs::file_size(p);
    try {
        store::Store::open(p);
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
    EXPECT_THROW(store::Store::open(p), StorageError);
    std::ifstream in(p);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "this is not a database");
}

TEST(Store, UsesWalAndAReadOnlyOpenWritesNothing) {
    const auto p = tempDb("wal");
    {
        auto s = store::Store::open(p);
        seed(s);
        auto st = store::detail::prepare(s, "PRAGMA journal_mode");
        st.step();
        EXPECT_EQ(st.getString(0), "wal");
    }
    auto ro = store::Store::open(p, {.readOnly = true});
    EXPECT_EQ(ro.counts().actors, 2);
    EXPECT_THROW(ro.putSource({.id = "source/b", .title = "B"}), StorageError);
}

TEST(Store, ASnapshotReaderSeesOneStateOfTheFileWhileAnotherProcessWrites) {
    const auto p = tempDb("snapshot");
    {
        auto s = store::Store::open(p);
        seed(s);
    }
    auto pinned = store::Store::open(p, {.readOnly = true, .snapshot = true});
    auto live = store::Store::open(p, {.readOnly = true});
    EXPECT_EQ(pinned.counts().actors, 2);
    {
        auto writer = store::Store::open(p);
        writer.putActor({.id = "country/ITA", .kind = model::ActorKind::Country, .name = "Italy",
                         .country = "ITA"});
    }
    // The command line's reader answers from the state it opened; a plain reader sees each commit.
    EXPECT_EQ(pinned.counts().actors, 2);
    EXPECT_FALSE(pinned.actorRecord("country/ITA"));
    EXPECT_EQ(live.counts().actors, 3);
    EXPECT_EQ(store::Store::open(p, {.readOnly = true, .snapshot = true}).counts().actors, 3);
}
