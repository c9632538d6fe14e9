// Places and links between events in the bundled Italy–Malaysia 2025 dataset (issue 9, parts 2
// and 3), asked as a script would: `bilateral ... --json` and the text a reader sees.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "fixtures/run_cli.hpp"

using bilateral::fixtures::runCli;
using nlohmann::json;

namespace {

/// The bundled dataset and a note of the test's own.
void makePlacesDb(const std::filesystem::path& file) {
    const auto r = bilateral::fixtures::importBundled(file);
    ASSERT_EQ(r.status, 0) << r.err;
    // The bundled embassy inauguration is in the dyad by place (its only participant is the
    // Italian embassy). A note of the test's own adds another event of one side in a place
    // of the other: an Italian agency at work in Kuala Lumpur.
    const auto n =
        bilateral::fixtures::importText(file, R"({"format": "bilateral-dataset", "version": 1.1,
  "sources": [{"id": "source/test-note", "title": "A test's note", "kind": "note"}],
  "events": [{"id": "event/ice-mission-kuala-lumpur", "kind": "talks",
    "title": "ICE mission in Kuala Lumpur", "start": "2025-09-10",
    "place": {"name": "Kuala Lumpur", "country": "MYS"},
    "participants": [{"actor": "institution/ice", "role": "attendee",
                      "evidence": [{"source": "source/test-note"}]}],
    "evidence": [{"source": "source/test-note"}]}]})");
    ASSERT_EQ(n.status, 0) << n.err;
}

class BundledPlaces : public bilateral::fixtures::CliDbSuite<"bundled-places", &makePlacesDb> {
protected:
    /// The event `id` of a timeline answer; null when it is not there.
    static json event(const json& timeline, const std::string& id) {
        for (const auto& e : timeline.at("events")) {
            if (e.at("id") == id) return e;
        }
        return nullptr;
    }
};

const std::string kEmbassy = "event/embassy-inauguration-2025-06-06";
const std::string kInvitation = "event/invitation-meloni-to-kuala-lumpur";
const std::string kAcceptance = "event/acceptance-meloni-invitation-kuala-lumpur";
const std::string kPlanned = "event/planned-official-visit-meloni-kuala-lumpur";

}  // namespace

TEST_F(BundledPlaces, TheEmbassyInKualaLumpurIsInTheDyadByItsPlace) {
    // The Italian embassy is the only participant (the text names no host); its premises stand
    // in Kuala Lumpur, Malaysia: in the dyad and in Malaysia's timeline by place, in Italy's by
    // its participant.
    const auto dyad = query({"timeline", "--dyad", "ITA:MYS"});
    const auto e = event(dyad, kEmbassy);
    ASSERT_FALSE(e.is_null());
    EXPECT_EQ(e.at("in_dyad"), "place");
    EXPECT_EQ(e.at("place"), (json{{"name", "Kuala Lumpur"}, {"country", "MYS"}}));
    EXPECT_EQ(event(dyad, "event/official-visit-2025-07").at("in_dyad"), "participants");
    EXPECT_EQ(event(query({"timeline", "--country", "MYS"}), kEmbassy).at("in_dyad"), "place");
    EXPECT_EQ(event(query({"timeline", "--country", "ITA"}), kEmbassy).at("in_dyad"),
              "participants");
}

TEST_F(BundledPlaces, AnEventOfOneSideInAPlaceOfTheOtherIsInTheDyadByPlace) {
    const std::string mission = "event/ice-mission-kuala-lumpur";
    EXPECT_EQ(event(query({"timeline", "--dyad", "MYS:ITA"}), mission).at("in_dyad"), "place");
    // Malaysia's timeline holds it, located there; Italy's through its participant.
    EXPECT_EQ(event(query({"timeline", "--country", "MYS"}), mission).at("in_dyad"), "place");
    EXPECT_EQ(event(query({"timeline", "--country", "ITA"}), mission).at("in_dyad"),
              "participants");
    const auto r = runCli(db, {"timeline", "--dyad", "ITA:MYS"});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto line = r.out.substr(r.out.find(mission) - 60, 60);
    EXPECT_NE(line.find("place"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("BY place: participants of one country acting in a place of the other"),
              std::string::npos)
        << r.out;
}

TEST_F(BundledPlaces, TheAcceptanceAnswersTheInvitationWhichLeadsToThePlannedVisit) {
    const auto t = query({"timeline", "person/giorgia-meloni"});
    const auto acceptance = event(t, kAcceptance);
    ASSERT_FALSE(acceptance.is_null());
    EXPECT_EQ(acceptance.at("parent"), "event/meeting-anwar-meloni-2025-07");
    ASSERT_EQ(acceptance.at("links").size(), 1u);
    EXPECT_EQ(acceptance.at("links")[0].at("kind"), "answers");
    EXPECT_EQ(acceptance.at("links")[0].at("direction"), "to");
    EXPECT_EQ(acceptance.at("links")[0].at("event"), kInvitation);

    const auto invitation = event(t, kInvitation);
    ASSERT_EQ(invitation.at("links").size(), 2u);
    EXPECT_EQ(invitation.at("links")[0].at("kind"), "leads_to");  // its own first
    EXPECT_EQ(invitation.at("links")[0].at("direction"), "to");
    EXPECT_EQ(invitation.at("links")[0].at("event"), kPlanned);
    EXPECT_EQ(invitation.at("links")[1].at("kind"), "answers");
    EXPECT_EQ(invitation.at("links")[1].at("direction"), "from");
    EXPECT_EQ(invitation.at("links")[1].at("event"), kAcceptance);

    const auto text = runCli(db, {"timeline", "person/giorgia-meloni"});
    EXPECT_NE(text.out.find("  " + kAcceptance + " answers " + kInvitation + "\n"),
              std::string::npos)
        << text.out;
    EXPECT_NE(text.out.find("  " + kInvitation + " leads_to " + kPlanned + "\n"), std::string::npos)
        << text.out;
}

TEST_F(BundledPlaces, ExportsCarryTheLinksAsEventToEventEdges) {
    const auto r = runCli(db, {"export", "--format", "cytoscape"});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto doc = json::parse(r.out);
    std::map<std::string, std::string> idOf;  // node id → bilateral id
    for (const auto& n : doc.at("elements").at("nodes"))
        idOf[n.at("data").at("id")] = n.at("data").at("bilateral_id");
    std::vector<std::string> links;
    for (const auto& e : doc.at("elements").at("edges")) {
        const auto& d = e.at("data");
        if (d.at("kind") != "event_link") continue;
        links.push_back(idOf.at(d.at("source")) + " " + d.at("type").get<std::string>() + " " +
                        idOf.at(d.at("target")));
    }
    std::sort(links.begin(), links.end());
    EXPECT_EQ(links, (std::vector<std::string>{kAcceptance + " answers " + kInvitation,
                                               kInvitation + " leads_to " + kPlanned}));
}
