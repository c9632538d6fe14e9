// Planned against occurred: tense cues in both languages, a date after the publication, the
// visit an invitation asks for; and the roles and links an invitation and its acceptance carry.

#include <gtest/gtest.h>

#include "draft_fixture.hpp"

#include <set>

namespace {

using namespace bilateral::draft;
using namespace bilateral::draft::testing;

std::string statusOfOnly(const Json& doc, const std::string& kind) {
    const auto events = eventsOf(doc, kind);
    EXPECT_EQ(events.size(), 1u) << doc.dump(1);
    return events.empty() ? "" : events.front()["status"].get<std::string>();
}

TEST(Status, FutureWordsMakeAnEventPlanned) {
    const std::pair<const char*, const char*> cases[] = {
        {"The Prime Minister will undertake an official visit to Korea.", "planned"},
        {"The Prime Minister is scheduled to hold a bilateral meeting with President Park.",
         "planned"},
        {"Hartono said he would visit Italy in March.", "planned"},
        {"The Italian minister will chair a business forum in Penang on Saturday.", "planned"},
        {"The Prime Minister undertook an official visit to Korea.", "occurred"},
        {"The Prime Minister held a bilateral meeting with President Park in Seoul.", "occurred"},
        {"Hartono said he had visited Italy in March.", "occurred"},
    };
    for (const auto& [text, status] : cases) {
        const auto doc = draftJson(text, "2025-09-12");
        ASSERT_EQ(doc["events"].size(), 1u) << text << doc.dump(1);
        EXPECT_EQ(doc["events"][0]["status"], status) << text;
    }
}

TEST(Status, ItalianFutureTenses) {
    EXPECT_EQ(
        statusOfOnly(draftJson("Galli si recherà in Malesia.", "2025-07-03", Language::Italian),
                     "official_visit"),
        "planned");
    EXPECT_EQ(statusOfOnly(draftJson("Domani Hasan Omar parteciperà a un forum d'affari.",
                                     "2025-07-03", Language::Italian),
                           "roundtable"),
              "planned");
    EXPECT_EQ(statusOfOnly(draftJson("Il ministro ha visitato la Malesia a maggio.", "2025-07-03",
                                     Language::Italian),
                           "official_visit"),
              "occurred");
}

TEST(Status, ADateAfterThePublicationIsAhead) {
    const auto doc = draftJson("Il Presidente ha accettato di recarsi a Singapore nel 2026.",
                               "2025-04-10", Language::Italian);
    EXPECT_EQ(statusOfOnly(doc, "official_visit"), "planned");
}

TEST(Status, AnInvitationIsMadeAndTheVisitItAsksForLiesAhead) {
    const auto doc = draftJson(
        "Prime Minister Anwar Ibrahim met with the President of the Council, Hon. Giorgia "
        "Meloni. The President of the Council accepted the Prime Minister’s invitation to pay "
        "an official visit to Kuala Lumpur.",
        "2025");
    const auto invitation = eventsOf(doc, "invitation");
    const auto acceptance = eventsOf(doc, "intent_to_meet");
    const auto visits = eventsOf(doc, "official_visit");
    ASSERT_EQ(invitation.size(), 1u) << doc.dump(1);
    ASSERT_EQ(acceptance.size(), 1u);
    ASSERT_EQ(visits.size(), 1u);
    EXPECT_EQ(invitation[0]["status"], "occurred");
    EXPECT_EQ(acceptance[0]["status"], "occurred");
    EXPECT_EQ(visits[0]["status"], "planned");
    EXPECT_EQ(roleOf(invitation[0], "person/anwar-ibrahim"), "inviter");
    EXPECT_EQ(roleOf(invitation[0], "person/giorgia-meloni"), "invitee");
    EXPECT_EQ(roleOf(acceptance[0], "person/giorgia-meloni"), "invitee");
    EXPECT_EQ(roleOf(visits[0], "person/giorgia-meloni"), "guest");
    EXPECT_EQ(roleOf(visits[0], "country/MYS"), "host");
    // The acceptance answers the invitation, which leads to the visit.
    std::set<std::pair<std::string, std::string>> links;
    for (const auto& l : doc["links"])
        links.insert({l["kind"], l["from"].get<std::string>() + " " + l["to"].get<std::string>()});
    EXPECT_TRUE(links.count({"answers", acceptance[0]["id"].get<std::string>() + " " +
                                            invitation[0]["id"].get<std::string>()}));
    EXPECT_TRUE(links.count({"leads_to", invitation[0]["id"].get<std::string>() + " " +
                                             visits[0]["id"].get<std::string>()}));
}

TEST(Status, EventsWithinAVisitTakeItAsParent) {
    const auto doc = draftJson(
        "Hon. Paolo Bernardi is undertaking an official visit to Malaysia from 5 to 7 March "
        "2025. On Thursday, Bernardi held bilateral talks with Dato’ Seri Rosli Abdullah at "
        "Wisma Putra, Putrajaya.",
        "2025-03-07");
    const auto visit = eventsOf(doc, "official_visit");
    const auto talks = eventsOf(doc, "talks");
    ASSERT_EQ(visit.size(), 1u) << doc.dump(1);
    ASSERT_EQ(talks.size(), 1u);
    EXPECT_EQ(talks[0]["parent"], visit[0]["id"]);
    EXPECT_EQ(talks[0]["start"], "2025-03-06");
    EXPECT_EQ(talks[0]["place"]["name"], "Wisma Putra");
    EXPECT_EQ(talks[0]["place"]["country"], "MYS");
    EXPECT_EQ(roleOf(talks[0], "person/rosli-abdullah"), "attendee");
}

}  // namespace
