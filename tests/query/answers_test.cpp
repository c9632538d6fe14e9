// The answers from the file (answers.hpp) against the in-memory index, on the tiny fixture plus a
// generated ICEWS file imported in two batches: every actor's who-met and timeline, every
// country's and pair's timeline, paths and ego networks agree.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "bilateral/error.hpp"
#include "bilateral/graph/paths.hpp"
#include "bilateral/io/import.hpp"
#include "bilateral/query/answers.hpp"
#include "bilateral/query/index.hpp"
#include "fixtures/tiny.hpp"
#include "reliability/generate.hpp"

namespace bilateral {
namespace {

std::filesystem::path writeTemp(const std::string& name, const std::string& text) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("bilateral-answers-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto p = dir / name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
}

class Answers : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        store_ = new store::Store(store::Store::memory());
        fixtures::fillTiny(*store_);
        // Two imports: the second one's rows come after the first's watermarks.
        (void)io::importFiles(*store_, {writeTemp("a.tsv", reliability::icewsFile(1500, 1000))});
        (void)io::importFiles(*store_, {writeTemp("b.tsv", reliability::icewsFile(1500, 9000))});
        // [sides] Rows recording one meeting again (A→B and B→A, another story), grouped.
        std::string again = "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\t"
                            "Event Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\t"
                            "Target Country\tStory ID\tSentence Number\tPublisher\tCity\t"
                            "District\tProvince\tCountry\tLatitude\tLongitude\n";
        // Ten visits, each coded four times: 042 (A visits B) and 043 (B hosts A), twice.
        for (int i = 0; i < 40; ++i) {
            const std::string a = "Minister " + std::to_string(i / 4);
            const std::string b = "Envoy " + std::to_string(i / 4 % 3);
            const std::string day = "2019-04-0" + std::to_string(1 + i / 4 % 3);
            const bool back = i % 2 == 1;
            again += std::to_string(900000 + i) + "\t" + day + "\t" + (back ? b : a) +
                     "\tGovernment\t" + (back ? "Italy" : "Malaysia") + "\tMeet\t" +
                     (back ? "043" : "042") + "\t1\t" + (back ? a : b) + "\tGovernment\t" +
                     (back ? "Malaysia" : "Italy") + "\t1\t1\tWire\t\t\t\t\t\t\n";
        }
        (void)io::importFiles(*store_, {writeTemp("c.tsv", again)});
        index_ = new query::Index(query::Index::build(*store_));
    }
    static void TearDownTestSuite() {
        delete index_;
        delete store_;
    }
    static std::vector<std::string> ids(const query::Page<query::EventRef>& p) {
        std::vector<std::string> out;
        for (const auto& e : p.items) out.push_back(e.id);
        return out;
    }
    std::vector<std::string> ids(const std::vector<query::EventIx>& events) const {
        std::vector<std::string> out;
        for (const auto e : events) out.push_back(index_->event(e).id);
        return out;
    }
    static store::Store* store_;
    static query::Index* index_;
};
store::Store* Answers::store_ = nullptr;
query::Index* Answers::index_ = nullptr;

TEST_F(Answers, WhoMetFromTheFileEqualsTheIndexForEveryActor) {
    ASSERT_GT(index_->actorCount(), 300u);
    query::WhoMetOptions anySide, rows;
    anySide.anySide = true;
    rows.countRows = true;
    std::int64_t regrouped = 0;
    for (const auto& opt : {query::WhoMetOptions{}, anySide, rows})
    for (std::uint32_t i = 0; i < index_->actorCount(); ++i) {
        const query::ActorIx a{i};
        const auto& id = index_->actor(a).id;
        const auto want = query::whoMet(*index_, a, opt);
        const auto got = query::whoMet(*store_, id, opt);
        ASSERT_EQ(got.total, want.size()) << id;
        ASSERT_EQ(got.items.size(), want.size()) << id;
        for (std::size_t i = 0; i < want.size(); ++i) {
            EXPECT_EQ(got.items[i].actor.id, index_->actor(want[i].actor).id) << id;
            EXPECT_EQ(got.items[i].meetings, want[i].meetings) << id;
            EXPECT_EQ(got.items[i].rows, want[i].rows) << id;
            EXPECT_EQ(got.items[i].side, want[i].side) << id;
            regrouped += want[i].rows - want[i].meetings;
            EXPECT_EQ(got.items[i].first, want[i].first) << id;
            EXPECT_EQ(got.items[i].last, want[i].last) << id;
            std::vector<std::string> events;
            for (const auto& e : got.items[i].events) events.push_back(e.id);
            EXPECT_EQ(events, ids(want[i].events)) << id;
        }
    }
    EXPECT_GT(regrouped, 0);  // some rows were one meeting
}

TEST_F(Answers, WhoMetHonoursWindowsKindsAndPhoneCalls) {
    query::WhoMetOptions o;
    o.window = {model::Date::parse("2019-03"), model::Date::parse("2019-05-10")};
    o.includePhoneCalls = true;
    query::WhoMetOptions k;
    k.kinds = {model::EventKind::OfficialVisit, model::EventKind::Statement};
    for (const auto* id : {"person/anwar", "person/meloni", "person/tajani"}) {
        for (const auto& opt : {o, k}) {
            const auto want = query::whoMet(*index_, *index_->findActor(id), opt);
            const auto got = query::whoMet(*store_, id, opt);
            ASSERT_EQ(got.items.size(), want.size()) << id;
            for (std::size_t i = 0; i < want.size(); ++i) {
                EXPECT_EQ(got.items[i].actor.id, index_->actor(want[i].actor).id);
                EXPECT_EQ(got.items[i].meetings, want[i].meetings);
            }
        }
    }
}

TEST_F(Answers, ActorTimelinesEqualTheIndexForEveryActor) {
    for (std::uint32_t i = 0; i < index_->actorCount(); ++i) {
        const query::ActorIx a{i};
        const auto& id = index_->actor(a).id;
        EXPECT_EQ(ids(query::actorTimeline(*store_, id)), ids(query::timeline(*index_, a))) << id;
    }
    query::TimelineOptions o;
    o.window = {model::Date::parse("2019-02"), model::Date::parse("2025-06")};
    o.kinds = {model::EventKind::BilateralMeeting, model::EventKind::Talks};
    for (const auto* id : {"person/tajani", "person/zambry"}) {
        EXPECT_EQ(ids(query::actorTimeline(*store_, id, o)),
                  ids(query::timeline(*index_, *index_->findActor(id), o)));
    }
}

TEST_F(Answers, CountryAndDyadTimelinesEqualTheIndex) {
    const auto countries = index_->countries();
    ASSERT_GE(countries.size(), 20u);
    for (const auto& c : countries) {
        EXPECT_EQ(ids(query::countryTimeline(*store_, c)), ids(query::countryTimeline(*index_, c)))
            << c;
        for (const auto& d : countries) {
            if (d == c) continue;
            EXPECT_EQ(ids(query::dyadTimeline(*store_, c, d)),
                      ids(query::dyadTimeline(*index_, c, d)))
                << c << ":" << d;
        }
    }
}

TEST_F(Answers, ALimitKeepsThePrefixAndCountsTheWhole) {
    const auto all = query::dyadTimeline(*store_, "ITA", "MYS");
    ASSERT_GT(all.items.size(), 10u);
    for (const std::size_t limit : {1u, 2u, 7u}) {
        const auto page = query::dyadTimeline(*store_, "ITA", "MYS", {}, limit);
        EXPECT_EQ(page.total, all.items.size());
        ASSERT_EQ(page.items.size(), limit);
        EXPECT_TRUE(page.cut());
        for (std::size_t i = 0; i < limit; ++i) EXPECT_EQ(page.items[i].id, all.items[i].id);
    }
    const auto met = query::whoMet(*store_, "person/anwar");
    const auto two = query::whoMet(*store_, "person/anwar", {}, 2);
    EXPECT_EQ(two.total, met.items.size());
    ASSERT_EQ(two.items.size(), 2u);
    EXPECT_EQ(two.items[1].actor.id, met.items[1].actor.id);
    EXPECT_FALSE(query::countryTimeline(*store_, "ITA", {}, 100000).cut());
}

TEST_F(Answers, UnknownActorsAndCountriesAreNotFound) {
    EXPECT_THROW((void)query::whoMet(*store_, "person/nobody"), NotFoundError);
    EXPECT_THROW((void)query::dyadTimeline(*store_, "ITA", "FRX"), NotFoundError);
    EXPECT_THROW((void)query::countryTimeline(*store_, "XXX"), NotFoundError);
}

TEST_F(Answers, PathLengthsAndEgoNetworksEqualTheIndex) {
    using query::Through;
    const auto n = static_cast<std::uint32_t>(index_->actorCount());
    std::uint32_t x = 12345;
    for (int i = 0; i < 60; ++i) {
        x = x * 1103515245u + 12345u;
        const query::ActorIx a{(x >> 8) % n};
        x = x * 1103515245u + 12345u;
        const query::ActorIx b{(x >> 8) % n};
        for (const auto through :
             {Through::Events, Through::Relations, Through::EventsAndRelations}) {
            const auto want = graph::distance(*index_, a, b, through);
            const auto got = query::path(*store_, index_->actor(a).id, index_->actor(b).id,
                                         {.through = through});
            if (want < 0) {
                EXPECT_EQ(got.outcome, query::PathAnswer::Outcome::NoPath);
                continue;
            }
            ASSERT_EQ(got.outcome, query::PathAnswer::Outcome::Found);
            EXPECT_EQ(static_cast<int>(got.steps.size()), want);
            ASSERT_EQ(got.actors.size(), got.steps.size() + 1);
            EXPECT_EQ(got.actors.front().id, index_->actor(a).id);
            EXPECT_EQ(got.actors.back().id, index_->actor(b).id);
            for (const auto& s : got.steps) {
                // Each step shows what joins the two actors.
                EXPECT_TRUE(s.event.has_value() || s.relationKind.has_value());
            }
        }
        for (const int hops : {1, 2}) {
            const auto want = graph::egoNetwork(*index_, a, hops, Through::Events);
            const auto got = query::egoNetwork(*store_, index_->actor(a).id, hops, Through::Events);
            EXPECT_EQ(got.total, want.size());
        }
    }
}

TEST_F(Answers, APathSearchSaysWhenItsBoundStoppedIt) {
    // A pair two hops or more apart cannot be joined in one hop.
    const auto far = query::path(*store_, "person/ravaglia", "person/anwar",
                                 {.through = query::Through::EventsAndRelations});
    ASSERT_EQ(far.outcome, query::PathAnswer::Outcome::Found);
    ASSERT_GE(far.steps.size(), 2u);
    const auto bounded = query::path(*store_, "person/ravaglia", "person/anwar",
                                     {.through = query::Through::EventsAndRelations, .maxHops = 1});
    EXPECT_EQ(bounded.outcome, query::PathAnswer::Outcome::StoppedByBound);
    const auto few = query::path(*store_, "person/ravaglia", "person/anwar",
                                 {.through = query::Through::EventsAndRelations, .maxVisited = 2});
    EXPECT_EQ(few.outcome, query::PathAnswer::Outcome::StoppedByBound);
    // Isolated actors: no path at all, found without reaching a bound.
    EXPECT_EQ(query::path(*store_, "person/hasan-1", "person/anwar").outcome,
              query::PathAnswer::Outcome::NoPath);
}

}  // namespace
}  // namespace bilateral
