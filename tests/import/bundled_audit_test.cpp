// The line-by-line audit of the bundled dataset against the editorial (issue 21): each point it
// found, fixed, read from the bundled data through the library.

#include <gtest/gtest.h>

#include <algorithm>

#include "fixtures/bundled_dataset.hpp"

using namespace bilateral;
using namespace bilateral::fixtures;

TEST(BundledDatasetAudit, ItalyAndAseanCooperateByInferenceNotByAStatedPartnership) {
    // "the broader framework of Italy–ASEAN cooperation" takes it for granted, states nothing.
    const auto& r = relationNamed("relation/italy-partner-of-asean");
    EXPECT_FALSE(anyStated(r.evidence));
    ASSERT_FALSE(r.evidence.empty());
    EXPECT_EQ(r.evidence[0].quote, "the broader framework of Italy–ASEAN cooperation");
}

TEST(BundledDatasetAudit, IntentToMeetIsCodedOnTheAcceptanceNotOnThePlannedVisit) {
    // CAMEO 036 "express intent to meet" is what Meloni did by accepting; the visit is planned
    // and the text does not say it "has not taken place", only that the invitation was accepted.
    const auto& acceptance = eventNamed("event/acceptance-meloni-invitation-kuala-lumpur");
    EXPECT_EQ(acceptance.kind, model::EventKind::IntentToMeet);
    EXPECT_EQ(acceptance.cameo, "036");
    const auto& planned = eventNamed("event/planned-official-visit-meloni-kuala-lumpur");
    EXPECT_EQ(planned.status, model::EventStatus::Planned);
    EXPECT_FALSE(planned.cameo.has_value());
    for (const auto& e : planned.evidence) {
        EXPECT_FALSE(e.note && e.note->find("has not taken place") != std::string::npos) << *e.note;
    }
}

TEST(BundledDatasetAudit, TajaniAtTheLeadersMeetingIsOneInferenceLikelyNotCertain) {
    // Two passages, one inference: counted once, at "likely, not certain" (0.6 to 0.7).
    const auto& meeting = eventNamed("event/meeting-anwar-meloni-2025-07");
    const auto tajani =
        std::find_if(meeting.participants.begin(), meeting.participants.end(),
                     [](const auto& p) { return p.actor == "person/antonio-tajani"; });
    ASSERT_NE(tajani, meeting.participants.end());
    const auto editorial = from(tajani->evidence, kEditorial);  // the other accounts state it
    ASSERT_EQ(editorial.size(), 1u);
    const auto& e = editorial[0];
    EXPECT_EQ(e.basis, model::Basis::Inferred);
    ASSERT_TRUE(e.confidence.has_value());
    EXPECT_GE(*e.confidence, 0.6);
    EXPECT_LE(*e.confidence, 0.7);
}

TEST(BundledDatasetAudit, PostsNamedOnOneUnknownDayOfTheVisitAreNotAttestedForBothDays) {
    // Meloni and Tajani are named at meetings on one day of July 2–3, which the editorial does
    // not give; Anwar, the visitor, on both. (The other accounts attest 3 July.)
    for (const char* id : {"relation/giorgia-meloni-holds-president-council",
                           "relation/antonio-tajani-holds-deputy-prime-minister",
                           "relation/antonio-tajani-holds-minister-of-foreign-affairs"}) {
        const auto& r = relationNamed(id);
        const auto byEditorial =
            std::find_if(r.attested.begin(), r.attested.end(), [](const auto& a) {
                return !a.evidence.empty() && a.evidence[0].source == kEditorial;
            });
        ASSERT_NE(byEditorial, r.attested.end()) << id;
        const auto& period = byEditorial->period;
        ASSERT_TRUE(period.start && period.end) << id;
        EXPECT_GT(period.start->latest(), period.end->earliest())
            << id << ": no single day may be certain";
    }
    const auto& anwar = relationNamed("relation/anwar-ibrahim-holds-prime-minister-malaysia");
    ASSERT_EQ(anwar.attested.size(), 1u);
    const auto& visit = anwar.attested[0].period;
    ASSERT_TRUE(visit.start && visit.end);
    EXPECT_EQ(visit.start->toString(), "2025-07-02");
    EXPECT_EQ(visit.end->toString(), "2025-07-03");
}

TEST(BundledDatasetAudit, TheEmbassyInaugurationHasNoHostTheTextDoesNotName) {
    const auto& e = eventNamed("event/embassy-inauguration-2025-06-06");
    for (const auto& p : e.participants) EXPECT_NE(p.role, model::Role::Host) << p.actor;
    EXPECT_EQ(e.location, "Kuala Lumpur");
    EXPECT_EQ(e.place.country, "MYS");  // its place puts it in Malaysia
}

TEST(BundledDatasetAudit, MalaysiasAseanMembershipIsReferenceKnowledgeNotACertainInference) {
    const auto& r = relationNamed("relation/malaysia-member-of-asean");
    EXPECT_TRUE(std::any_of(r.evidence.begin(), r.evidence.end(), [](const auto& e) {
        return e.basis == model::Basis::Reference && e.source == kReference;
    }));
    for (const auto& e : r.evidence) {
        EXPECT_FALSE(e.basis == model::Basis::Inferred && e.confidence == 1.0)
            << "an inference at 1.0 is reference knowledge or a statement";
    }
}

TEST(BundledDatasetAudit, HoldsTheFactsTheAuditFoundMissing) {
    // "a renewed collaboration with major local financial institutions": whose is inferred.
    const auto& banks = actorNamed("group/major-malaysian-financial-institutions");
    EXPECT_EQ(banks.country, "MYS");
    const auto& collaboration =
        relationNamed("relation/italian-system-partner-of-malaysian-financial-institutions");
    EXPECT_EQ(collaboration.from, "group/italian-system");
    EXPECT_FALSE(anyStated(collaboration.evidence));
    EXPECT_TRUE(quotes(collaboration.evidence, "renewed collaboration"));
    // The embassy's premises, "the most modern in Southeast Asia".
    const auto& embassy = actorNamed("diplomatic_mission/italian-embassy-kuala-lumpur");
    EXPECT_EQ(textAttribute(embassy.attributes, "premises_most_modern_in"), "Southeast Asia");
    EXPECT_TRUE(quotes(embassy.evidence, "the most modern in Southeast Asia"));
    // Malaysia, "a reliable and strategic partner for leading Italian companies" in defence.
    const auto& defence =
        relationNamed("relation/malaysia-partner-of-leading-italian-defence-companies");
    EXPECT_EQ(defence.from, "country/MYS");
    EXPECT_EQ(textAttribute(defence.attributes, "sector"), "defence");
    EXPECT_TRUE(anyStated(defence.evidence));
    EXPECT_TRUE(quotes(defence.evidence, "reliable and strategic partner"));
    // Infrastructures and the energy transition; international law and freedom of navigation;
    // Italy's Indo-Pacific strategy; the FTA as a key factor in EU–ASEAN relations.
    const auto& visit = eventNamed("event/official-visit-2025-07");
    EXPECT_NE(textAttribute(visit.attributes, "further_priorities").find("energy transition"),
              std::string::npos);
    const auto& partners = relationNamed("relation/malaysia-partner-of-italy");
    EXPECT_NE(
        textAttribute(partners.attributes, "converging_interests").find("freedom of navigation"),
        std::string::npos);
    EXPECT_TRUE(quotes(partners.evidence, "international law"));
    EXPECT_EQ(textAttribute(actorNamed("country/ITA").attributes, "indo_pacific_strategy"),
              "in line with Europe");
    const auto& fta = eventNamed("event/malaysia-eu-fta-negotiations");
    EXPECT_EQ(textAttribute(fta.attributes, "key_factor_in"), "EU–ASEAN relations");
    // Rome as a place: the leaders' meeting, inferred (the text names Rome only as a capital).
    const auto& meeting = eventNamed("event/meeting-anwar-meloni-2025-07");
    ASSERT_TRUE(meeting.location.has_value());
    EXPECT_TRUE(meeting.location->ends_with("Rome")) << *meeting.location;  // Palazzo Chigi, Rome
    EXPECT_EQ(meeting.place.country, "ITA");
    EXPECT_TRUE(std::any_of(meeting.evidence.begin(), meeting.evidence.end(), [](const auto& e) {
        return e.note && e.note->starts_with("Place: Rome") && e.basis == model::Basis::Inferred;
    }));
}
