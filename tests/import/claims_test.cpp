// [claims] Dataset format 1.2: claims per source read, settled by the preferred-value rule,
// kept by the store and written back; quotes checked against the source texts at hand.
// The fixture: tests/data/claims/ (a dataset and the texts of two of its three sources).

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "bilateral/error.hpp"
#include "bilateral/export/from_storage.hpp"
#include "bilateral/import/from_storage.hpp"
#include "fixtures/dataset_document.hpp"
#include "sqlite/store.hpp"

namespace fs = std::filesystem;
using namespace bilateral;
using Json = nlohmann::ordered_json;

namespace {

const fs::path kDir = fs::path(BILATERAL_SOURCE_DIR) / "tests/data/claims";
const fs::path kTexts = kDir / "texts";

std::string fixtureText() {
    std::ifstream in(kDir / "claims-dataset.json", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Json fixture() {
    return Json::parse(fixtureText());
}

const model::Event& eventOf(const io::Dataset& d, std::string_view id) {
    for (const auto& e : d.events)
        if (e.id == id) return e;
    throw std::runtime_error("no event " + std::string(id));
}

/// The fixture imported into a fresh store.
sqlite::Store imported(const std::string& text, const fs::path& sources = {}) {
    auto s = sqlite::Store::memory();
    io::importDataset(s, io::parseDataset(text, "claims.json", &s, sources), "claims.json");
    return s;
}

}  // namespace

TEST(Claims, AreReadWithTheirSourceFieldsAndEvidence) {
    const auto d = io::parseDataset(fixtureText(), "claims.json");
    const auto& visit = eventOf(d, "event/visit");
    ASSERT_EQ(visit.claims.size(), 1u);
    EXPECT_EQ(visit.claims[0].source, "source/paper");
    EXPECT_EQ(visit.claims[0].start, model::Date::parse("2025-07-01"));
    EXPECT_EQ(visit.claims[0].kind, model::EventKind::WorkingVisit);
    EXPECT_FALSE(visit.claims[0].status.has_value());  // silence is not a claim
    EXPECT_EQ(visit.claims[0].note, "Tuesday is 1 July 2025.");
    EXPECT_EQ(d.sources[1].standing, model::Standing::Primary);
    EXPECT_FALSE(d.sources[0].standing.has_value());
    const auto& tajani = eventOf(d, "event/roundtable").participants[1];
    ASSERT_EQ(tajani.claims.size(), 1u);
    EXPECT_EQ(tajani.claims[0].role, model::Role::Opener);
}

TEST(Claims, TheStoreAnswersWithThePreferredValueAndKeepsEveryAccount) {
    auto s = imported(fixtureText());
    // The primary note's day beats the editorial's month (precision first).
    const auto meeting = s.findEvent("event/meeting");
    ASSERT_TRUE(meeting);
    EXPECT_EQ(meeting->start, model::Date::parse("2025-07-03"));
    ASSERT_EQ(meeting->claims.size(), 2u);
    EXPECT_TRUE(meeting->claims[0].own);
    EXPECT_EQ(meeting->claims[0].source, "source/editorial");
    EXPECT_EQ(meeting->claims[0].start, model::Date::parse("2025-07"));
    EXPECT_EQ(meeting->claims[1].evidence.at(0).quote, "ha incontrato oggi, 3 luglio 2025");
    // Two secondary sources, equally precise: the record's own account wins.
    const auto visit = s.findEvent("event/visit");
    EXPECT_EQ(visit->start, model::Date::parse("2025-07-02"));
    EXPECT_EQ(visit->kind, model::EventKind::OfficialVisit);
    const auto roundtable = s.findEvent("event/roundtable");
    EXPECT_EQ(roundtable->participants.at(1).role, model::Role::Attendee);
    EXPECT_EQ(roundtable->participants.at(1).claims.size(), 2u);
}

TEST(Claims, ExportWritesTheDocumentBackAndImportingItAgainAddsNothing) {
    auto s = imported(fixtureText());
    const auto written = io::writeDataset(io::datasetFromStore(s));
    EXPECT_EQ(Json::parse(written)["version"], 1.2);
    const auto original = io::parseDataset(fixtureText(), "claims.json");
    const auto back = io::parseDataset(written, "written.json");
    fixtures::expectEqual(fixtures::normalized(back), fixtures::normalized(original));
    const auto again = io::importDataset(s, back, "written.json");
    EXPECT_EQ(again.events, 0);
    EXPECT_EQ(again.skipped, static_cast<std::int64_t>(again.rows));
}

TEST(Claims, ADatasetWithoutClaimsIsStillWrittenAsVersionOnePointOne) {
    auto doc = fixture();
    doc.erase("events");
    for (auto& src : doc["sources"]) src.erase("standing");
    auto s = imported(doc.dump());
    EXPECT_EQ(Json::parse(io::writeDataset(io::datasetFromStore(s)))["version"], 1.1);
}

TEST(Claims, AreRefusedWhenTheyGiveNoFieldOrEvidenceFromAnotherSource) {
    auto doc = fixture();
    auto& claim = doc["events"][0]["claims"][0];
    claim.erase("start");
    claim.erase("end");
    claim.erase("kind");
    EXPECT_DATASET_REFUSED_AT(doc.dump(), "claims.json", "/events/0/claims/0",
                              "at least one field");
    doc = fixture();
    doc["events"][0]["claims"][0]["evidence"][0]["source"] = "source/editorial";
    EXPECT_DATASET_REFUSED_AT(doc.dump(), "claims.json", "/events/0/claims/0/evidence/0/source",
                              "a claim's evidence is from its source");
    doc = fixture();
    doc["events"][0]["claims"][0]["role"] = "host";  // a participation's field on an event
    EXPECT_DATASET_REFUSED_AT(doc.dump(), "claims.json", "/events/0/claims/0/role",
                              "unknown field");
    doc = fixture();
    doc["events"][1]["claims"][0]["evidence"][0].erase("quote");
    EXPECT_DATASET_REFUSED_AT(doc.dump(), "claims.json", "/events/1/claims/0/evidence/0",
                              "needs its quote");
}

TEST(Quotes, MatchingTheirTextsImport) {
    auto s = imported(fixtureText(), kTexts);
    EXPECT_TRUE(s.findEvent("event/meeting"));
}

TEST(Quotes, AWrongQuoteIsRefusedNamingTheFileAndPointer) {
    auto doc = fixture();
    doc["events"][1]["evidence"][0]["quote"] = "He met Giorgia Meloni in June";
    EXPECT_NO_THROW((void)imported(doc.dump())) << "without the texts, quotes are not checked";
    const auto error = fixtures::parseErrorOf([&] { (void)imported(doc.dump(), kTexts); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->file(), "claims.json");
    EXPECT_EQ(error->location(), "/events/1/evidence/0/quote");
    EXPECT_NE(error->reason().find("\"He met Giorgia Meloni in July\""), std::string::npos)
        << error->what();
}

TEST(Quotes, AClaimsWrongQuoteIsRefusedToo) {
    auto doc = fixture();
    doc["events"][1]["claims"][0]["evidence"][0]["quote"] = "ha incontrato ieri";
    const auto error = fixtures::parseErrorOf([&] { (void)imported(doc.dump(), kTexts); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->location(), "/events/1/claims/0/evidence/0/quote");
}

TEST(Quotes, ASpanPastTheEndOfTheTextIsRefused) {
    auto doc = fixture();
    doc["events"][1]["evidence"][0]["span"] = Json::array({5000, 5010});
    const auto error = fixtures::parseErrorOf([&] { (void)imported(doc.dump(), kTexts); });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->location(), "/events/1/evidence/0/span");
}
