#include <gtest/gtest.h>
#include <unistd.h>
#include <type_traits>

#include <filesystem>

#include "bilateral/query/from_storage.hpp"
#include "bilateral/query/index.hpp"
#include "fixtures/temp_files.hpp"
#include "fixtures/tiny_index.hpp"

using bilateral::fixtures::TinyIndex;
using namespace bilateral::model;
using namespace bilateral::query;
using Strings = std::vector<std::string>;

using IndexTest = TinyIndex;

TEST_F(IndexTest, HoldsEveryActorEventAndRelation) {
    EXPECT_EQ(index.actorCount(), 12u);
    EXPECT_EQ(index.eventCount(), 12u);
    EXPECT_EQ(index.relationCount(), 4u);
    EXPECT_FALSE(index.findActor("person/nobody"));
    EXPECT_FALSE(index.findEvent("event/nothing"));
    ASSERT_TRUE(index.findEvent("event/visit-2025-07"));
    const auto& visit = index.event(*index.findEvent("event/visit-2025-07"));
    EXPECT_EQ(visit.kind, EventKind::OfficialVisit);
    EXPECT_EQ(visit.start->toString(), "2025-07-02");
    EXPECT_EQ(visit.end->toString(), "2025-07-03");
    EXPECT_EQ(index.actor(actor("person/tajani")).name, "Antonio Taj\u00e0ni");
    EXPECT_EQ(index.actor(actor("person/tajani")).country, "ITA");
}

TEST_F(IndexTest, OrdersEventsByEarliestThenLatestThenParentFirstThenNaturalId) {
    Strings all;
    for (bilateral::query::EventIx e{}; e.value < index.eventCount(); ++e.value)
        all.push_back(index.event(e).id);
    EXPECT_EQ(all,
              (Strings{"event/talks-2024", "event/phone-call-2025-01", "event/statement-9",
                       "event/statement-10", "event/cancelled-meeting", "event/cabinet-meeting",
                       "event/embassy-opening", "event/a-trade-mission", "event/visit-2025-07",
                       "event/roundtable-2025-07", "event/return-visit", "event/undated-note"}));
    // The roundtable, held within the visit, takes its days and comes after it.
}

TEST_F(IndexTest, SubEventsWithoutDatesTakeTheirParentsDates) {
    const auto rt = *index.findEvent("event/roundtable-2025-07");
    const auto& info = index.event(rt);
    EXPECT_FALSE(info.start);
    EXPECT_EQ(info.parent, index.findEvent("event/visit-2025-07"));
    EXPECT_EQ(info.earliest, Date::parse("2025-07-02").earliest());
    EXPECT_EQ(info.latest, Date::parse("2025-07-03").latest());
    EXPECT_EQ(index.startOf(rt)->toString(), "2025-07-02");
    EXPECT_EQ(index.endOf(rt)->toString(), "2025-07-03");
    const auto note = *index.findEvent("event/undated-note");
    EXPECT_EQ(index.event(note).earliest, bilateral::query::kUndated);
    EXPECT_FALSE(index.startOf(note));
}

TEST_F(IndexTest, ListsParticipantsOnceEachRoleAndEventsOnceEachActor) {
    const auto rt = *index.findEvent("event/roundtable-2025-07");
    EXPECT_EQ(index.participantsOf(rt).size(), 4u);  // anwar twice: opener and attendee
    Strings anwar = eventIds(index.eventsOf(actor("person/anwar")));
    EXPECT_EQ(std::count(anwar.begin(), anwar.end(), "event/roundtable-2025-07"), 1);
}

TEST_F(IndexTest, NeighboursAreDistinctAndAscending) {
    const auto n = index.neighboursOf(actor("person/zambry"));
    EXPECT_TRUE(std::is_sorted(n.begin(), n.end()));
    EXPECT_EQ(actorIds({n.begin(), n.end()}),
              (Strings{"person/anwar", "person/rustico", "person/tajani"}));
    const auto r = index.relatedTo(actor("post/ambassador-ita-mys"));
    EXPECT_EQ(actorIds({r.begin(), r.end()}),
              (Strings{"country/ITA", "person/ravaglia", "person/rustico"}));
    EXPECT_EQ(index.relationsBetween(actor("person/rustico"), actor("post/ambassador-ita-mys")),
              Strings{"relation/rustico-ambassador"});
    EXPECT_TRUE(index.relationsBetween(actor("person/rustico"), actor("person/anwar")).empty());
}

TEST_F(IndexTest, DyadEventsIgnoreTheOrderOfTheCountries) {
    const auto ab = eventIds(index.dyadEvents("ITA", "MYS"));
    const auto ba = eventIds(index.dyadEvents("MYS", "ITA"));
    EXPECT_EQ(ab, ba);
    EXPECT_EQ(ab, (Strings{"event/talks-2024", "event/phone-call-2025-01", "event/statement-9",
                           "event/statement-10", "event/cancelled-meeting", "event/embassy-opening",
                           "event/a-trade-mission", "event/visit-2025-07",
                           "event/roundtable-2025-07", "event/return-visit"}));
    EXPECT_TRUE(index.dyadEvents("ITA", "ITA").empty());
    EXPECT_TRUE(index.dyadEvents("ITA", "FRA").empty());
    const auto ita = eventIds(index.countryEvents("ITA"));
    EXPECT_EQ(ita.size(), 12u);  // every event has an Italian participant
    EXPECT_TRUE(index.countryEvents("XXX").empty());
}

TEST_F(IndexTest, FilterKeepsEventsThatMayOverlapTheWindowAndHaveAListedKind) {
    IndexFilter f;
    f.from = Date::parse("2025-06");
    f.to = Date::parse("2025-07-02");
    const auto windowed = buildIndex(store, f);
    Strings ids;
    for (bilateral::query::EventIx e{}; e.value < windowed.eventCount(); ++e.value)
        ids.push_back(windowed.event(e).id);
    EXPECT_EQ(ids, (Strings{"event/embassy-opening", "event/a-trade-mission", "event/visit-2025-07",
                            "event/roundtable-2025-07"}));
    // The roundtable's parent is kept, so the link is too.
    EXPECT_EQ(windowed.event(*windowed.findEvent("event/roundtable-2025-07")).parent,
              windowed.findEvent("event/visit-2025-07"));
    // The ambassador's term (to 2025-06-08) overlaps; Ravaglia's (to 2021) does not.
    EXPECT_EQ(windowed.relationCount(), 3u);

    IndexFilter k;
    k.kinds = {EventKind::Roundtable};
    const auto roundtables = buildIndex(store, k);
    ASSERT_EQ(roundtables.eventCount(), 1u);
    EXPECT_FALSE(
        roundtables.event(bilateral::query::EventIx{0}).parent);  // the visit was filtered out
    EXPECT_EQ(roundtables.event(bilateral::query::EventIx{0}).earliest,
              Date::parse("2025-07-02").earliest());
}

TEST_F(IndexTest, AnEmptyStoreGivesAnEmptyIndex) {
    auto empty = bilateral::sqlite::Store::memory();
    const auto i = buildIndex(empty);
    EXPECT_EQ(i.actorCount(), 0u);
    EXPECT_EQ(i.eventCount(), 0u);
    EXPECT_TRUE(i.dyadEvents("ITA", "MYS").empty());
    EXPECT_FALSE(i.findActor("x"));
}

TEST(IndexBuild, AFileStoreGivesTheSameIndexAsAnInMemoryOne) {
    // A file store is scanned on two connections and two threads; a memory store on one.
    const auto path = bilateral::fixtures::tempFolder("files") / "index-test.db";
    bilateral::fixtures::writeTinyDb(path);
    {
        bilateral::storage::OpenOptions ro;
        ro.readOnly = true;
        auto file = bilateral::sqlite::Store::open(path, ro);
        auto memory = bilateral::fixtures::tinyStore();
        const auto a = buildIndex(file);
        const auto b = buildIndex(memory);
        ASSERT_EQ(a.eventCount(), b.eventCount());
        ASSERT_EQ(a.actorCount(), b.actorCount());
        for (bilateral::query::EventIx e{}; e.value < a.eventCount(); ++e.value) {
            EXPECT_EQ(a.event(e).id, b.event(e).id);
            EXPECT_EQ(a.participantsOf(e).size(), b.participantsOf(e).size());
        }
        for (bilateral::query::ActorIx x{}; x.value < a.actorCount(); ++x.value) {
            const auto na = a.neighboursOf(x);
            const auto nb = b.neighboursOf(x);
            EXPECT_TRUE(std::equal(na.begin(), na.end(), nb.begin(), nb.end())) << a.actor(x).id;
        }
        EXPECT_EQ(a.dyadEvents("ITA", "MYS").size(), b.dyadEvents("ITA", "MYS").size());
    }
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

TEST(IndexBuild, SeesRowsWrittenInTheOpenTransaction) {
    const auto path = bilateral::fixtures::tempFolder("files") / "index-tx.db";
    bilateral::fixtures::writeTinyDb(path);
    {
        auto store = bilateral::sqlite::Store::open(path);
        bilateral::sqlite::Transaction tx(store);
        bilateral::model::Event e;
        e.id = "event/uncommitted";
        e.kind = EventKind::Talks;
        e.title = "Not yet committed";
        e.start = Date::parse("2025-08-01");
        e.participants.push_back({"person/anwar", bilateral::model::Role::Guest, {}});
        e.participants.push_back({"person/rustico", bilateral::model::Role::Host, {}});
        store.putEvent(e);
        const auto index = buildIndex(store);
        const auto ev = index.findEvent("event/uncommitted");
        ASSERT_TRUE(ev);
        EXPECT_EQ(index.participantsOf(*ev).size(), 2u);
    }
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

// Actor and event handles are distinct types: passing one for the other does not compile.
static_assert(!std::is_convertible_v<bilateral::query::ActorIx, bilateral::query::EventIx>);
static_assert(!std::is_convertible_v<bilateral::query::EventIx, bilateral::query::ActorIx>);
static_assert(!std::is_convertible_v<int, bilateral::query::ActorIx>);
