// The answers from the file (answers.hpp) against the in-memory index, on the tiny fixture plus a
// generated ICEWS file imported in two batches: every actor's who-met and timeline, every
// country's and pair's timeline, paths and ego networks agree.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "bilateral/error.hpp"
#include "bilateral/graph/paths.hpp"
#include "bilateral/import/from_storage.hpp"
#include "bilateral/import/import.hpp"
#include "bilateral/query/answers.hpp"
#include "bilateral/query/from_storage.hpp"
#include "bilateral/query/index.hpp"
#include "fixtures/temp_files.hpp"
#include "fixtures/tiny.hpp"
#include "reliability/generate.hpp"

namespace bilateral {
namespace {

std::filesystem::path writeTemp(const std::string& name, const std::string& text) {
    return fixtures::writeTempFile("answers", name, text);
}

class Answers : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        store_ = new sqlite::Store(sqlite::Store::memory());
        fixtures::fillTiny(*store_);
        // [places] A place and links between events, in the tiny part.
        auto talks = store_->getEvent("event/cabinet-meeting");
        talks.location = "Kuala Lumpur";
        talks.place.country = "MYS";
        store_->putEvent(talks);
        model::EventLink link;
        link.id = "link/9-leads-to-10";
        link.kind = model::EventLinkKind::LeadsTo;
        link.from = "event/statement-9";
        link.to = "event/statement-10";
        store_->putEventLink(link);
        link.id = "link/10-answers-cabinet";
        link.kind = model::EventLinkKind::Answers;
        link.from = "event/statement-10";
        link.to = "event/cabinet-meeting";
        store_->putEventLink(link);
        link.id = "link/10-leads-to-embassy";
        link.kind = model::EventLinkKind::LeadsTo;
        link.to = "event/embassy-opening";
        store_->putEventLink(link);
        // Two imports: the second one's rows come after the first's watermarks.
        (void)io::importFiles(*store_, {writeTemp("a.tsv", reliability::icewsFile(1500, 1000))});
        // [places] The second one's rows are located in Chile, a country none of their actors has.
        std::string b = reliability::icewsFile(1500, 9000);
        for (std::size_t at = b.find('\n') + 1, nl; (nl = b.find('\n', at)) != std::string::npos;
             at = nl + 1) {
            std::size_t cut = nl;
            for (int i = 0; i < 3; ++i) cut = b.rfind('\t', cut - 1);  // Country, Lat, Lon
            const std::string tail = "\tChile\t-33.45\t-70.66";
            b.replace(cut, nl - cut, tail);
            nl = cut + tail.size();
        }
        (void)io::importFiles(*store_, {writeTemp("b.tsv", b)});
        // [sides] Rows recording one meeting again (A→B and B→A, another story), grouped.
        std::string again =
            "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\t"
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
        index_ = new query::Index(query::buildIndex(*store_));
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
    static sqlite::Store* store_;
    static query::Index* index_;
};
sqlite::Store* Answers::store_ = nullptr;
query::Index* Answers::index_ = nullptr;

/// Every event of `store`, last first, and one of them twice: a page of a timeline read together
/// (Store::eventDetails) holds what the one-event look-ups give. Counts what it compared.
void expectTogetherEqualsOneByOne(sqlite::Store& store, std::size_t& withLinks,
                                  std::size_t& withSupport) {
    const auto n = store.counts().events;
    std::vector<std::int64_t> rows;
    for (std::int64_t row = n; row >= 1; --row) rows.push_back(row);
    rows.push_back(n / 2);
    const auto together = store.eventDetails(rows, storage::ParticipantsRead::All, /*links=*/true);
    // Reading only the participants with evidence changes no participant's support.
    const auto supported =
        store.eventDetails(rows, storage::ParticipantsRead::WithEvidence, /*links=*/false);
    ASSERT_EQ(together.size(), rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& d = together[i];
        const auto one = store.eventRecordAt(rows[i]);
        ASSERT_EQ(d.record.row, rows[i]);
        EXPECT_EQ(d.record.id, one.id);
        EXPECT_EQ(d.record.parentRow, one.parentRow);
        EXPECT_EQ(d.record.placeCountry, one.placeCountry);
        EXPECT_EQ(d.evidence, store.eventEvidenceCount(rows[i])) << one.id;
        EXPECT_EQ(d.support, store.eventSupport(rows[i])) << one.id;
        const auto people = store.participantsAt(rows[i]);
        ASSERT_EQ(d.participants.size(), people.size()) << one.id;
        for (std::size_t k = 0; k < people.size(); ++k) {
            EXPECT_EQ(d.participants[k].actor.row, people[k].actor.row) << one.id;
            EXPECT_EQ(d.participants[k].role, people[k].role) << one.id;
            EXPECT_EQ(d.participants[k].support, people[k].support) << one.id;
            withSupport += people[k].support.basis ? 1 : 0;
        }
        for (const auto& p : supported[i].participants) {
            const auto same = std::find_if(people.begin(), people.end(), [&p](const auto& q) {
                return q.actor.row == p.actor.row && q.role == p.role;
            });
            ASSERT_NE(same, people.end()) << one.id;
            EXPECT_EQ(p.support, same->support) << one.id;
        }
        for (const auto& q : people) {
            const bool listed = std::any_of(
                supported[i].participants.begin(), supported[i].participants.end(),
                [&q](const auto& p) { return p.actor.row == q.actor.row && p.role == q.role; });
            if (q.support.basis) {
                EXPECT_TRUE(listed) << one.id << " " << q.actor.id;
            }
        }
        const auto links = store.eventLinksAt(rows[i]);
        ASSERT_EQ(d.links.size(), links.size()) << one.id;
        for (std::size_t k = 0; k < links.size(); ++k) {
            EXPECT_EQ(d.links[k].id, links[k].id) << one.id;
            EXPECT_EQ(d.links[k].outgoing, links[k].outgoing) << one.id;
            EXPECT_EQ(d.links[k].otherRow, links[k].otherRow) << one.id;
        }
        withLinks += links.empty() ? 0 : 1;
    }
    EXPECT_THROW((void)store.eventDetails(std::vector<std::int64_t>{n + 1},
                                          storage::ParticipantsRead::None, false),
                 StorageError);
}

TEST_F(Answers, ReadingEventsTogetherGivesWhatReadingThemOneByOneGives) {
    std::size_t withLinks = 0, withSupport = 0;
    expectTogetherEqualsOneByOne(*store_, withLinks, withSupport);
    // The bundled dataset: participations with evidence, inferred ones among them.
    auto bundled = sqlite::Store::memory();
    (void)io::importFiles(bundled,
                          {std::string(BILATERAL_SOURCE_DIR) + "/data/italy-malaysia-2025.json"});
    expectTogetherEqualsOneByOne(bundled, withLinks, withSupport);
    EXPECT_GT(withLinks, 0u);    // the comparison saw links
    EXPECT_GT(withSupport, 0u);  // and participations with evidence
}

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

TEST_F(Answers, TheParticipantsRuleKeepsTheSameEventsOnBothEngines) {
    // [event-data] --rule participants: the file's events and the index's, each the events of
    // the full timeline that their participants put there (recomputed from scopeRule).
    query::TimelineOptions o;
    o.participantsOnly = true;
    const auto countries = index_->countries();
    std::size_t left = 0;
    for (std::size_t i = 0; i < countries.size(); ++i) {
        for (std::size_t j = i; j < countries.size(); ++j) {
            const auto& a = countries[i];
            const auto b = i == j ? std::string() : countries[j];
            const auto file = b.empty() ? query::countryTimeline(*store_, a, o)
                                        : query::dyadTimeline(*store_, a, b, o);
            const auto index = b.empty() ? query::countryTimeline(*index_, a, o)
                                         : query::dyadTimeline(*index_, a, b, o);
            EXPECT_EQ(ids(file), ids(index)) << a << ":" << b;
            EXPECT_EQ(file.total, file.items.size());
            std::vector<std::string> expected;
            const auto all =
                b.empty() ? query::countryTimeline(*index_, a) : query::dyadTimeline(*index_, a, b);
            for (const auto e : all) {
                if (query::scopeRule(*index_, e, a, b) == query::ScopeRule::Participants) {
                    expected.push_back(index_->event(e).id);
                }
            }
            EXPECT_EQ(ids(file), expected) << a << ":" << b;
            left += all.size() - expected.size();
        }
    }
    EXPECT_GT(left, 0u);  // some events were there by their place alone
}

TEST_F(Answers, BothEnginesSayWhichRulePutAnEventInADyadOrCountry) {
    const auto countries = index_->countries();
    std::size_t byPlace = 0;
    auto check = [&](const std::string& a, const std::string& b) {
        const auto page =
            b.empty() ? query::countryTimeline(*store_, a) : query::dyadTimeline(*store_, a, b);
        for (const auto& e : page.items) {
            const auto ix = *index_->findEvent(e.id);
            ASSERT_TRUE(e.inScope.has_value()) << e.id;
            EXPECT_EQ(e.inScope, query::scopeRule(*index_, ix, a, b)) << e.id << " " << a << b;
            byPlace += e.inScope == query::ScopeRule::Place;
        }
    };
    std::vector<std::string> some(countries.begin(), countries.begin() + 4);
    for (const char* c : {"CHL", "ITA", "MYS"}) some.emplace_back(c);
    for (std::size_t i = 0; i < some.size(); ++i) {
        check(some[i], "");
        for (std::size_t j = i + 1; j < some.size(); ++j) check(some[i], some[j]);
    }
    EXPECT_GT(byPlace, 0u);
    // Cabinet talks of two Italians in Kuala Lumpur: ITA:MYS by place, not by participants.
    const auto dyad = query::dyadTimeline(*store_, "ITA", "MYS");
    const auto it = std::find_if(dyad.items.begin(), dyad.items.end(),
                                 [](const auto& e) { return e.id == "event/cabinet-meeting"; });
    ASSERT_NE(it, dyad.items.end());
    EXPECT_EQ(it->inScope, query::ScopeRule::Place);
    EXPECT_EQ(it->location, "Kuala Lumpur");
    EXPECT_EQ(it->placeCountry, "MYS");
}

TEST_F(Answers, BothEnginesShowAnEventsLinks) {
    // Statement 10: answers the cabinet talks, leads to the embassy's opening, is led to by
    // statement 9.
    const auto page = query::actorTimeline(*store_, "person/meloni");
    std::size_t seen = 0;
    for (const auto& e : page.items) {
        const auto ix = *index_->findEvent(e.id);
        const auto links = index_->linksOf(ix);
        ASSERT_EQ(e.links.size(), links.size()) << e.id;
        for (std::size_t i = 0; i < links.size(); ++i) {
            EXPECT_EQ(e.links[i].kind, links[i].kind) << e.id << " " << i;
            EXPECT_EQ(e.links[i].outgoing, links[i].outgoing) << e.id << " " << i;
            EXPECT_EQ(e.links[i].event, index_->event(links[i].other).id) << e.id << " " << i;
        }
        seen += links.size();
        if (e.id == "event/statement-10") {
            ASSERT_EQ(e.links.size(), 3u);
            // Its own links first, by kind name; then those to it.
            EXPECT_EQ(e.links[0].kind, model::EventLinkKind::Answers);
            EXPECT_TRUE(e.links[0].outgoing);
            EXPECT_EQ(e.links[0].event, "event/cabinet-meeting");
            EXPECT_EQ(e.links[1].kind, model::EventLinkKind::LeadsTo);
            EXPECT_TRUE(e.links[1].outgoing);
            EXPECT_EQ(e.links[1].event, "event/embassy-opening");
            EXPECT_EQ(e.links[2].kind, model::EventLinkKind::LeadsTo);
            EXPECT_FALSE(e.links[2].outgoing);
            EXPECT_EQ(e.links[2].event, "event/statement-9");
        }
    }
    EXPECT_GE(seen, 5u);
}

// [scope-counts] The total of a cut page comes from the count kept at import when nothing
// filters the scope, and from counting the rows when something does: both equal the listing.
TEST_F(Answers, ACutScopeCountsWhatTheWholeListingHas) {
    const auto countries = index_->countries();
    ASSERT_GE(countries.size(), 4u);
    query::TimelineOptions windowed;
    windowed.window.from = model::Date::parse("2001-01-01");
    std::size_t checked = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        for (std::size_t j = i; j < 4; ++j) {
            const std::string a = countries[i], b = i == j ? "" : countries[j];
            for (const auto& o : {query::TimelineOptions{}, windowed}) {
                const auto all = b.empty() ? query::countryTimeline(*store_, a, o)
                                           : query::dyadTimeline(*store_, a, b, o);
                const auto one = b.empty() ? query::countryTimeline(*store_, a, o, 1)
                                           : query::dyadTimeline(*store_, a, b, o, 1);
                EXPECT_EQ(one.total, all.items.size()) << a << ":" << b;
                checked += all.items.size() > 1;
            }
        }
    }
    EXPECT_GT(checked, 4u);
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
