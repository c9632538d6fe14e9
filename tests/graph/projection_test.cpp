#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "bilateral/graph/algorithms.hpp"
#include "bilateral/graph/from_storage.hpp"
#include "bilateral/graph/projection.hpp"
#include "graph/graph_fixture.hpp"
#include "sqlite/store.hpp"

using namespace bilateral;
using graph::buildProjection;
using graph::Projection;
using model::Date;

namespace {

sqlite::Store tinyStore() {
    auto s = sqlite::Store::memory();
    fixture::seedTinyStore(s);
    return s;
}

std::set<std::string> eventIds(const Projection& p) {
    std::set<std::string> out;
    for (auto v = p.actorCount(); v < p.vertexCount(); ++v) out.insert(p[v].id);
    return out;
}

std::set<std::string> actorIds(const Projection& p) {
    std::set<std::string> out;
    for (std::size_t v = 0; v < p.actorCount(); ++v) out.insert(p[v].id);
    return out;
}

std::set<std::string> relationIds(const Projection& p) {
    std::set<std::string> out;
    for (const auto e : boost::make_iterator_range(boost::edges(p.graph()))) {
        if (p[e].kind == graph::EdgeKind::Relation) out.insert(p[e].id);
    }
    return out;
}

std::map<std::string, double> byActor(const std::vector<graph::ActorScore>& scores) {
    std::map<std::string, double> out;
    for (const auto& s : scores) out[s.actor] = s.value;
    return out;
}

/// Expects each actor of `want` to have its score in `got` (exactly: the scores are sums of
/// small fractions computed the same way as in NetworkX).
void expectScores(const std::map<std::string, double>& got,
                  std::initializer_list<std::pair<const char*, double>> want) {
    for (const auto& [actor, score] : want) {
        ASSERT_TRUE(got.contains(actor)) << actor;
        EXPECT_DOUBLE_EQ(got.at(actor), score) << actor;
    }
}

}  // namespace

TEST(Projection, CountsEqualTheStoreCounts) {
    auto s = tinyStore();
    const auto p = buildProjection(s);
    const auto c = s.counts();
    EXPECT_FALSE(p.filtered());
    EXPECT_EQ(p.actorCount(), static_cast<std::size_t>(c.actors));
    EXPECT_EQ(p.eventCount(), static_cast<std::size_t>(c.events));
    EXPECT_EQ(p.participationCount(), static_cast<std::size_t>(c.participations));
    EXPECT_EQ(p.relationCount(), static_cast<std::size_t>(c.relations));
    EXPECT_EQ(p.vertexCount(), static_cast<std::size_t>(c.actors + c.events));
    EXPECT_EQ(p.edgeCount(), static_cast<std::size_t>(c.participations + c.relations));
    EXPECT_EQ(p.actorCount(), 9u);
    EXPECT_EQ(p.eventCount(), 7u);
    EXPECT_EQ(p.participationCount(), 13u);
    EXPECT_EQ(p.relationCount(), 6u);
}

TEST(Projection, NumbersActorsThenEventsInIdOrder) {
    auto s = tinyStore();
    const auto p = buildProjection(s);
    for (std::size_t v = 0; v < p.vertexCount(); ++v) {
        EXPECT_EQ(p.isActor(v), v < p.actorCount());
        EXPECT_EQ(p[v].kind, p.isActor(v) ? graph::VertexKind::Actor : graph::VertexKind::Event);
        if (v + 1 < p.actorCount() || (v >= p.actorCount() && v + 1 < p.vertexCount())) {
            EXPECT_LT(p[v].id, p[v + 1].id);
        }
    }
    EXPECT_EQ(p[0].id, "country/ITA");
    EXPECT_EQ(p[p.actorCount()].id, "event/call");
}

TEST(Projection, CarriesTheBundledPropertiesOfActorsAndEvents) {
    auto s = tinyStore();
    const auto p = buildProjection(s);
    const auto anwar = p.findActor("person/anwar");
    ASSERT_TRUE(anwar);
    EXPECT_EQ(p[*anwar].type, "person");
    EXPECT_EQ(p[*anwar].label, "Anwar Ibrahim");
    EXPECT_EQ(p[*anwar].country, "MYS");
    EXPECT_EQ(p[*anwar].evidenceCount, 1);
    EXPECT_FALSE(p[*anwar].firstDay);

    const auto visit = p.findEvent("event/visit");
    ASSERT_TRUE(visit);
    EXPECT_EQ(p[*visit].type, "official_visit");
    EXPECT_EQ(p[*visit].start, "2025-07-02");
    EXPECT_EQ(p[*visit].end, "2025-07-03");
    EXPECT_EQ(p[*visit].status, "occurred");
    EXPECT_EQ(p[*visit].evidenceCount, 2);
    EXPECT_EQ(p[*visit].firstDay, Date::parse("2025-07-02").earliest());

    // An undated event inside the visit keeps no dates of its own but takes the visit's days.
    const auto meeting = p.findEvent("event/meeting");
    ASSERT_TRUE(meeting);
    EXPECT_EQ(p[*meeting].start, "");
    EXPECT_EQ(p[*meeting].parent, "event/visit");
    EXPECT_EQ(p[*meeting].firstDay, p[*visit].firstDay);
    EXPECT_EQ(p[*meeting].lastDay, p[*visit].lastDay);

    EXPECT_EQ(p[*p.findEvent("event/planned")].status, "planned");
    EXPECT_FALSE(p.findEvent("event/negotiation").has_value() &&
                 p[*p.findEvent("event/negotiation")].firstDay.has_value());
    EXPECT_EQ(p[*p.findEvent("event/call")].lastDay, Date::parse("2024-03").latest());
}

TEST(Projection, EdgesAreParticipationsFromActorToEventAndDirectedRelations) {
    auto s = tinyStore();
    const auto p = buildProjection(s);
    const auto& g = p.graph();
    const auto anwar = *p.findActor("person/anwar");
    const auto visit = *p.findEvent("event/visit");
    bool guest = false;
    for (const auto e : boost::make_iterator_range(boost::out_edges(anwar, g))) {
        if (boost::target(e, g) == visit) {
            EXPECT_EQ(g[e].kind, graph::EdgeKind::Participation);
            EXPECT_EQ(g[e].type, "guest");
            guest = true;
        }
    }
    EXPECT_TRUE(guest);
    EXPECT_EQ(boost::in_degree(visit, g), 2u);
    EXPECT_EQ(boost::out_degree(visit, g), 0u);

    const auto rustico = *p.findActor("person/rustico");
    bool tenure = false;
    for (const auto e : boost::make_iterator_range(boost::out_edges(rustico, g))) {
        if (g[e].kind != graph::EdgeKind::Relation) continue;
        EXPECT_EQ(g[e].id, "rel/rustico-ambassador");
        EXPECT_EQ(g[e].type, "holds_post");
        EXPECT_EQ(g[e].start, "2021-10-18");
        EXPECT_EQ(g[e].end, "2025-06-08");
        EXPECT_EQ(boost::target(e, g), *p.findActor("post/ambassador"));
        tenure = true;
    }
    EXPECT_TRUE(tenure);
    // Evidence counted per participation.
    const auto meeting = *p.findEvent("event/meeting");
    for (const auto e : boost::make_iterator_range(boost::in_edges(meeting, g))) {
        EXPECT_EQ(g[e].evidenceCount, boost::source(e, g) == anwar ? 1 : 0);
    }
}

TEST(Projection, FindsVerticesById) {
    auto s = tinyStore();
    const auto p = buildProjection(s);
    EXPECT_TRUE(p.find("person/meloni"));
    EXPECT_TRUE(p.find("event/call"));
    EXPECT_FALSE(p.find("person/nobody"));
    EXPECT_FALSE(p.findActor("event/call"));
    EXPECT_FALSE(p.findEvent("person/meloni"));
    for (std::size_t v = 0; v < p.vertexCount(); ++v) EXPECT_EQ(*p.find(p[v].id), v);
}

TEST(Projection, AWindowKeepsEventsThatMayOverlapItAndTheirParticipants) {
    auto s = tinyStore();
    const auto p =
        buildProjection(s, {.from = Date::parse("2025-07"), .to = Date::parse("2025-07")});
    EXPECT_TRUE(p.filtered());
    // The visit, and the two undated events placed by it; not the undated planned visit nor
    // the undated negotiation, nor June's inauguration, nor 2024's call.
    EXPECT_EQ(eventIds(p),
              (std::set<std::string>{"event/meeting", "event/roundtable", "event/visit"}));
    EXPECT_EQ(actorIds(p), (std::set<std::string>{"country/ITA", "person/anwar", "person/meloni",
                                                  "person/tajani"}));
    EXPECT_EQ(p.participationCount(), 7u);
    // Relations between kept actors valid in the window; the 2000-2001 one is not.
    EXPECT_EQ(relationIds(p), (std::set<std::string>{"rel/meloni-ita"}));
}

TEST(Projection, PartialWindowEndsWidenToTheirDays) {
    auto s = tinyStore();
    // 2025-06-06 is in the window "2025-06"; its end to 2025 covers July too.
    const auto june =
        buildProjection(s, {.from = Date::parse("2025-06"), .to = Date::parse("2025-06")});
    EXPECT_EQ(eventIds(june), (std::set<std::string>{"event/inauguration"}));
    EXPECT_EQ(relationIds(june),
              (std::set<std::string>{}));  // rustico's post has no other end kept
    const auto open = buildProjection(s, {.from = Date::parse("2025"), .to = std::nullopt});
    EXPECT_EQ(eventIds(open), (std::set<std::string>{"event/inauguration", "event/meeting",
                                                     "event/roundtable", "event/visit"}));
    const auto before = buildProjection(s, {.from = std::nullopt, .to = Date::parse("2024-12-31")});
    EXPECT_EQ(eventIds(before), (std::set<std::string>{"event/call"}));
}

TEST(Projection, KindsKeepOnlyEventsOfThoseKindsUndatedOnesIncluded) {
    auto s = tinyStore();
    const auto p = buildProjection(s, {.kinds = {model::EventKind::OfficialVisit}});
    EXPECT_EQ(eventIds(p), (std::set<std::string>{"event/planned", "event/visit"}));
    EXPECT_EQ(actorIds(p), (std::set<std::string>{"country/ITA", "country/MYS", "person/anwar",
                                                  "person/meloni"}));
    EXPECT_EQ(p.participationCount(), 4u);
    EXPECT_EQ(relationIds(p), (std::set<std::string>{"rel/meloni-ita", "rel/mys-partner-ita"}));

    const auto both =
        buildProjection(s, {.from = Date::parse("2025-07-01"),
                            .to = Date::parse("2025-07-31"),
                            .kinds = {model::EventKind::Roundtable, model::EventKind::PhoneCall}});
    EXPECT_EQ(eventIds(both), (std::set<std::string>{"event/roundtable"}));
}

TEST(Projection, AnEmptyStoreGivesAnEmptyGraph) {
    auto s = sqlite::Store::memory();
    const auto p = buildProjection(s);
    EXPECT_EQ(p.vertexCount(), 0u);
    EXPECT_EQ(p.edgeCount(), 0u);
    EXPECT_TRUE(graph::degreeCentrality(p).empty());
    EXPECT_TRUE(graph::betweennessCentrality(p).empty());
    EXPECT_TRUE(graph::connectedComponents(p).empty());
}

TEST(ActorView, JoinsActorsSharingAnOccurredEventOrARelationOncePerPair) {
    auto s = tinyStore();
    const auto p = buildProjection(s);
    const auto view = graph::actorView(p);
    EXPECT_EQ(boost::num_vertices(view), p.actorCount());
    EXPECT_EQ(boost::num_edges(view), 10u);
    const auto anwar = *p.findActor("person/anwar");
    const auto meloni = *p.findActor("person/meloni");
    const auto [e, found] = boost::edge(anwar, meloni, view);
    ASSERT_TRUE(found);
    EXPECT_EQ(view[e].events, 2);  // the meeting and the call; the planned visit does not count
    EXPECT_EQ(view[e].relations, 0);
    const auto withPlanned = graph::actorView(p, {.unoccurredEvents = true});
    EXPECT_TRUE(boost::edge(meloni, *p.findActor("country/MYS"), withPlanned).second);
    EXPECT_FALSE(boost::edge(meloni, *p.findActor("country/MYS"), view).second);
}

TEST(Centrality, DegreeCountsDistinctNeighbours) {
    auto s = tinyStore();
    const auto p = buildProjection(s);
    const auto d = graph::degreeCentrality(p);
    ASSERT_EQ(d.size(), 9u);
    expectScores(byActor(d), {{"person/anwar", 4},
                              {"country/ITA", 4},
                              {"person/meloni", 3},
                              {"country/MYS", 2},
                              {"person/rustico", 1},
                              {"group/isolated", 0}});
    // Highest first, ties by id.
    EXPECT_EQ(d[0].actor, "country/ITA");
    EXPECT_EQ(d[1].actor, "person/anwar");
    EXPECT_EQ(d.back().actor, "group/isolated");
    const auto n = byActor(graph::degreeCentrality(p, {}, true));
    EXPECT_DOUBLE_EQ(n.at("person/anwar"), 4.0 / 8.0);
}

TEST(Centrality, BetweennessMatchesNetworkX) {
    auto s = tinyStore();
    const auto p = buildProjection(s);
    // networkx.betweenness_centrality(G, normalized=False) on the same actor view.
    expectScores(byActor(graph::betweennessCentrality(p)), {{"country/ITA", 2.5},
                                                            {"person/anwar", 2.5},
                                                            {"country/MYS", 0.5},
                                                            {"post/pm-mys", 0.5},
                                                            {"person/meloni", 0.0},
                                                            {"group/isolated", 0.0}});
    const auto n = byActor(graph::betweennessCentrality(p, {}, true));
    EXPECT_NEAR(n.at("country/ITA"), 0.08928571428571427, 1e-12);

    // Through events only: Anwar is the one bridge, between Italy and the two ministers.
    const auto e = byActor(graph::betweennessCentrality(p, {.through = graph::Through::Events}));
    EXPECT_DOUBLE_EQ(e.at("person/anwar"), 2.0);
    EXPECT_DOUBLE_EQ(e.at("country/ITA"), 0.0);
}

TEST(Components, GroupsActorsLargestFirst) {
    auto s = tinyStore();
    const auto p = buildProjection(s);
    const auto c = graph::connectedComponents(p);
    ASSERT_EQ(c.size(), 9u);
    EXPECT_EQ(graph::componentCount(c), 3u);
    std::map<std::string, std::size_t> m;
    for (const auto& x : c) m[x.actor] = x.component;
    EXPECT_EQ(m.at("person/anwar"), 0u);
    EXPECT_EQ(m.at("country/MYS"), 0u);
    EXPECT_EQ(m.at("post/pm-mys"), 0u);
    EXPECT_EQ(m.at("person/rustico"), 1u);
    EXPECT_EQ(m.at("post/ambassador"), 1u);
    EXPECT_EQ(m.at("group/isolated"), 2u);
    EXPECT_TRUE(std::is_sorted(c.begin(), c.end(), [](const auto& a, const auto& b) {
        return a.component != b.component ? a.component < b.component : a.actor < b.actor;
    }));

    const auto events = graph::connectedComponents(p, {.through = graph::Through::Events});
    EXPECT_EQ(graph::componentCount(events), 6u);
    const auto relations = graph::connectedComponents(p, {.through = graph::Through::Relations});
    // {anwar, pm, MYS, ITA, meloni, tajani}, {rustico, ambassador}, {isolated}
    EXPECT_EQ(graph::componentCount(relations), 3u);
}

TEST(Components, OfAFilteredProjectionCoverOnlyItsActors) {
    auto s = tinyStore();
    const auto p =
        buildProjection(s, {.from = Date::parse("2025-07"), .to = Date::parse("2025-07")});
    const auto c = graph::connectedComponents(p);
    EXPECT_EQ(c.size(), 4u);
    EXPECT_EQ(graph::componentCount(c), 1u);
}

// [places] Links between events are event → event edges, kept when both their events are.
TEST(Projection, CarriesLinksBetweenKeptEventsAsEventToEventEdges) {
    auto s = tinyStore();
    model::EventLink link;
    link.id = "link/meeting-leads-to-planned";
    link.kind = model::EventLinkKind::LeadsTo;
    link.from = "event/meeting";
    link.to = "event/planned";
    link.evidence = {{.source = "source/s"}};
    s.putEventLink(link);
    const auto p = buildProjection(s);
    EXPECT_EQ(p.linkCount(), 1u);
    EXPECT_EQ(p.relationCount(), 6u);  // links are not relations
    EXPECT_EQ(p.edgeCount(), p.participationCount() + p.relationCount() + 1u);
    std::size_t seen = 0;
    for (const auto e : boost::make_iterator_range(boost::edges(p.graph()))) {
        if (p[e].kind != graph::EdgeKind::EventLink) continue;
        ++seen;
        EXPECT_EQ(p[boost::source(e, p.graph())].id, "event/meeting");
        EXPECT_EQ(p[boost::target(e, p.graph())].id, "event/planned");
        EXPECT_EQ(p[e].id, link.id);
        EXPECT_EQ(p[e].type, "leads_to");
        EXPECT_EQ(p[e].evidenceCount, 1);
        EXPECT_EQ(graph::toString(p[e].kind), "event_link");
    }
    EXPECT_EQ(seen, 1u);
    // The planned visit is undated: a window leaves it out, and the link with it.
    query::IndexFilter f;
    f.from = Date::parse("2025-07");
    const auto windowed = buildProjection(s, f);
    EXPECT_TRUE(windowed.findEvent("event/meeting").has_value());
    EXPECT_EQ(windowed.linkCount(), 0u);
}
