#include <gtest/gtest.h>

#include "bilateral/graph/paths.hpp"
#include "fixtures/tiny_index.hpp"

using namespace bilateral::graph;
using Strings = std::vector<std::string>;

using Paths = bilateral::fixtures::TinyIndex;

TEST_F(Paths, AShortestPathCarriesTheEarliestSharedEventOfEachHop) {
    const auto p =
        shortestPath(index, actor("person/meloni"), actor("person/rustico"), Through::Events);
    ASSERT_TRUE(p);
    ASSERT_EQ(p->actors.size(), 4u);  // meloni - (anwar | tajani) - zambry - rustico
    ASSERT_EQ(p->hops.size(), 3u);
    EXPECT_EQ(id(p->actors.front()), "person/meloni");
    EXPECT_EQ(id(p->actors.back()), "person/rustico");
    for (std::size_t i = 0; i < p->hops.size(); ++i) {
        const auto& h = p->hops[i];
        EXPECT_EQ(h.from, p->actors[i]);
        EXPECT_EQ(h.to, p->actors[i + 1]);
        ASSERT_TRUE(h.event);
        EXPECT_FALSE(h.relation);
        bool from = false, to = false;
        for (const auto& part : index.participantsOf(*h.event)) {
            from = from || part.actor == h.from;
            to = to || part.actor == h.to;
        }
        EXPECT_TRUE(from && to) << index.event(*h.event).id;
    }
    // Zambry and Rustico share the opening (2025-06-01) and the trade mission (2025-06):
    // the earliest in timeline order is the evidence.
    EXPECT_EQ(index.event(*p->hops[2].event).id, "event/embassy-opening");
    EXPECT_EQ(distance(index, actor("person/meloni"), actor("person/rustico"), Through::Events), 3);
    EXPECT_EQ(distance(index, actor("person/rustico"), actor("person/meloni"), Through::Events), 3);
}

TEST_F(Paths, EvidencePrefersEventsThatOccurred) {
    // Anwar and Tajani share a cancelled meeting (2025-04) and the roundtable (2025-07).
    const auto p = shortestPath(index, actor("person/anwar"), actor("person/tajani"));
    ASSERT_TRUE(p);
    ASSERT_EQ(p->hops.size(), 1u);
    EXPECT_EQ(index.event(*p->hops[0].event).id, "event/roundtable-2025-07");
    // Anwar and Meloni: the phone call of January 2025 is the earliest they share.
    const auto q = shortestPath(index, actor("person/meloni"), actor("person/anwar"));
    ASSERT_TRUE(q);
    EXPECT_EQ(index.event(*q->hops[0].event).id, "event/phone-call-2025-01");
}

TEST_F(Paths, RelationsJoinActorsWithoutSharedEvents) {
    const auto from = actor("person/rustico");
    const auto to = actor("person/ravaglia");
    EXPECT_EQ(distance(index, from, to, Through::Events), -1);
    EXPECT_FALSE(shortestPath(index, from, to, Through::Events));
    const auto p = shortestPath(index, from, to, Through::Relations);
    ASSERT_TRUE(p);
    ASSERT_EQ(p->hops.size(), 2u);
    EXPECT_EQ(id(p->actors[1]), "post/ambassador-ita-mys");
    EXPECT_EQ(p->hops[0].relation, "relation/rustico-ambassador");
    EXPECT_EQ(p->hops[1].relation, "relation/ravaglia-ambassador");
    EXPECT_FALSE(p->hops[0].event);
    EXPECT_EQ(distance(index, from, to), 2);
    // Ravaglia to Anwar: relations to the post and on to Italy, then the visit.
    EXPECT_EQ(distance(index, to, actor("person/anwar")), 3);  // ravaglia - post - ITA - anwar
}

TEST_F(Paths, UnreachableAndTrivialPaths) {
    const auto hasan = actor("person/hasan-1");
    EXPECT_EQ(distance(index, hasan, actor("person/anwar")), -1);
    EXPECT_FALSE(shortestPath(index, hasan, actor("person/hasan-2")));
    EXPECT_EQ(distance(index, hasan, hasan), 0);
    const auto self = shortestPath(index, hasan, hasan);
    ASSERT_TRUE(self);
    EXPECT_EQ(self->actors.size(), 1u);
    EXPECT_TRUE(self->hops.empty());
    EXPECT_THROW(distance(index, hasan, bilateral::query::ActorIx{999}),
                 bilateral::InvalidArgumentError);
}

TEST_F(Paths, EgoNetworksByDistance) {
    const auto anwar = actor("person/anwar");
    const auto one = egoNetwork(index, anwar, 1, Through::Events);
    EXPECT_EQ(actorIds(one), (Strings{"country/ITA", "country/MYS", "person/meloni",
                                      "person/tajani", "person/zambry"}));
    const auto two = egoNetwork(index, anwar, 2, Through::Events);
    EXPECT_EQ(actorIds(two), (Strings{"country/ITA", "country/MYS", "person/meloni",
                                      "person/rustico", "person/tajani", "person/zambry"}));
    // Nearest first.
    EXPECT_EQ(id(two.back()), "person/rustico");
    const auto withRelations = egoNetwork(index, anwar, 1);
    EXPECT_EQ(actorIds(withRelations),
              (Strings{"country/ITA", "country/MYS", "person/meloni", "person/tajani",
                       "person/zambry", "post/pm-malaysia"}));
    EXPECT_TRUE(egoNetwork(index, anwar, 0).empty());
    EXPECT_TRUE(egoNetwork(index, actor("person/hasan-1"), 3).empty());
    // Far enough reaches everyone connected, and no one twice.
    const auto all = egoNetwork(index, anwar, 10);
    EXPECT_EQ(actorIds(all).size(), 9u);  // 12 actors less anwar and the two isolated Hasans
}
