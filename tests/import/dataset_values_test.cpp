// Dataset JSON v1, the values of its fields and the document as a whole: dates, ids,
// references, parent cycles, spans, hashes, confidences, participants, attributes and codes are
// each refused with a ParseError at their JSON pointer; missing files are named.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>

#include <nlohmann/json.hpp>

#include "bilateral/error.hpp"
#include "bilateral/export/from_storage.hpp"
#include "bilateral/import/dataset.hpp"
#include "bilateral/import/from_storage.hpp"
#include "bilateral/import/import.hpp"
#include "sqlite/store.hpp"

#include "fixtures/dataset_document.hpp"

namespace fs = std::filesystem;
using namespace bilateral;
using namespace bilateral::fixtures;

TEST(DatasetReader, RefusesADateThatDoesNotExistSayingWhy) {
    const auto error = failureOf(withValue("/events/1/start", "2025-02-30"));
    EXPECT_EQ(error.location(), "/events/1/start");
    EXPECT_STREQ(
        error.what(),
        "fixture.json: /events/1/start: invalid date \"2025-02-30\": February 2025 has 28 days");
}

TEST(DatasetReader, RefusesADateThatIsNotIso8601) {
    EXPECT_VALUE_REFUSED("/relations/0/valid/from", "2025-7-2",
                         "expected YYYY, YYYY-MM or YYYY-MM-DD");
    EXPECT_VALUE_REFUSED("/sources/0/published", "2025-13", "month 13 does not exist");
}

TEST(DatasetReader, RefusesAnEndBeforeTheStart) {
    EXPECT_VALUE_REFUSED("/events/1/end", "2025-07-01",
                         "end 2025-07-01 is before start 2025-07-02");
    EXPECT_VALUE_REFUSED("/relations/1/valid/to", "1956",
                         "valid.to 1956 is before valid.from 1957");
}

TEST(DatasetReader, ReadsAttestedDatesAndPeriods) {
    const auto d = io::parseDataset(kValid, kFile);
    const auto& r = d.relations.at(0);
    ASSERT_EQ(r.attested.size(), 2u);
    // A date is a period from and to that date.
    EXPECT_EQ(r.attested[0].period.start, model::Date::parse("2025-07-02"));
    EXPECT_EQ(r.attested[0].period.end, model::Date::parse("2025-07-02"));
    ASSERT_EQ(r.attested[0].evidence.size(), 1u);
    EXPECT_EQ(r.attested[0].evidence[0].basis, model::Basis::Inferred);
    EXPECT_EQ(r.attested[1].period.start, model::Date::parse("2025-07"));
    EXPECT_EQ(r.attested[1].period.end, model::Date::parse("2025-08"));
    EXPECT_TRUE(d.relations.at(1).attested.empty());
}

TEST(DatasetReader, RefusesAnAttestedEntryThatIsNotADayOrAPeriodWithEvidence) {
    const Json evidence = Json::array({{{"source", "source/text"}, {"span", {0, 5}}}});
    EXPECT_PARSE_ERROR_AT(withValue("/relations/0/attested/0/from", "2025-07-01"),
                          "/relations/0/attested/0/date", "either \"date\" or \"from\" and \"to\"");
    EXPECT_PARSE_ERROR_AT(
        withValue("/relations/0/attested/1", Json{{"from", "2025-07"}, {"evidence", evidence}}),
        "/relations/0/attested/1", "needs \"date\", or both \"from\" and \"to\"");
    EXPECT_PARSE_ERROR_AT(
        withValue("/relations/0/attested/1",
                  Json{{"from", "2025-08"}, {"to", "2025-07"}, {"evidence", evidence}}),
        "/relations/0/attested/1/to", "to 2025-07 is before from 2025-08");
    EXPECT_VALUE_REFUSED("/relations/0/attested/1", (Json{{"date", "2025-07-02"}}),
                         "needs evidence");
    // Before the relation's validity starts (2022-11-24).
    EXPECT_PARSE_ERROR_AT(withValue("/relations/0/attested/0/date", "2022-11-23"),
                          "/relations/0/attested/0", "outside the relation's validity");
    EXPECT_VALUE_REFUSED("/relations/0/attested/0/on", "2025-07-02", "on");
}

TEST(DatasetReader, AcceptsACoarseEndThatCoversTheStart) {
    EXPECT_NO_THROW((void)io::parseDataset(withValue("/events/1/end", "2025-07"), kFile));
}

TEST(DatasetReader, RefusesADuplicateIdAtTheSecondOccurrence) {
    EXPECT_VALUE_REFUSED("/actors/3/id", "country/ITA",
                         "duplicate id \"country/ITA\" (first at /actors/0/id)");
}

TEST(DatasetReader, RefusesAnEmptyId) {
    EXPECT_VALUE_REFUSED("/sources/1/id", "", "expected a non-empty string");
}

TEST(DatasetReader, RefusesADanglingParticipant) {
    EXPECT_VALUE_REFUSED("/events/1/participants/0/actor", "person/nobody",
                         "unknown actor \"person/nobody\": not in this file");
}

// [sides] A participant's side: a country code or a bloc actor's id (format 1.1).
TEST(DatasetReader, ReadsAParticipantsSideAndRefusesABadOne) {
    const auto doc = io::parseDataset(withValue("/events/1/participants/0/side", "ITA"), kFile);
    ASSERT_FALSE(doc.events[1].participants.empty());
    EXPECT_EQ(doc.events[1].participants[0].side, "ITA");
    EXPECT_VALUE_REFUSED("/events/1/participants/0/side", "ita", "invalid side \"ita\"");
    EXPECT_VALUE_REFUSED("/events/1/participants/0/side", "bloc/nowhere",
                         "unknown actor \"bloc/nowhere\"");
}

TEST(DatasetReader, RefusesADanglingParent) {
    EXPECT_VALUE_REFUSED("/events/0/parent", "event/nowhere", "unknown event \"event/nowhere\"");
}

TEST(DatasetReader, RefusesADanglingEvidenceSource) {
    EXPECT_VALUE_REFUSED("/actors/2/evidence/0/source", "source/missing",
                         "unknown source \"source/missing\"");
}

TEST(DatasetReader, RefusesADanglingRelationEnd) {
    EXPECT_VALUE_REFUSED("/relations/0/from", "person/nobody", "unknown actor \"person/nobody\"");
    EXPECT_VALUE_REFUSED("/relations/1/to", "country/XXX", "unknown actor \"country/XXX\"");
}

TEST(DatasetReader, RefusesAParentCycleNamingItsEvents) {
    const auto doc = withValue("/events/1/parent", "event/roundtable");
    EXPECT_PARSE_ERROR_AT(doc, "/events/0/parent",
                          "parent cycle: event/roundtable → event/visit → event/roundtable");
}

TEST(DatasetReader, RefusesAnEventThatIsItsOwnParent) {
    EXPECT_VALUE_REFUSED("/events/2/parent", "event/return-visit",
                         "parent cycle: event/return-visit → event/return-visit");
}

TEST(DatasetReader, RefusesANegativeSpanStart) {
    EXPECT_PARSE_ERROR_AT(withValue("/actors/2/evidence/0/span", Json::array({-1, 5})),
                          "/actors/2/evidence/0/span/0", "span start -1 is negative");
}

TEST(DatasetReader, RefusesASpanThatEndsAtOrBeforeItsStart) {
    EXPECT_PARSE_ERROR_AT(withValue("/events/1/evidence/0/span", Json::array({9, 9})),
                          "/events/1/evidence/0/span/1", "span end 9 is not after its start 9");
}

TEST(DatasetReader, RefusesASpanThatIsNotTwoIntegers) {
    EXPECT_PARSE_ERROR_AT(withValue("/events/1/evidence/0/span", Json::array({1, 2, 3})),
                          "/events/1/evidence/0/span", "expected [start, end]");
    EXPECT_PARSE_ERROR_AT(withValue("/events/1/evidence/0/span", Json::array({1, 2.5})),
                          "/events/1/evidence/0/span/1", "expected an integer, got a number");
}

TEST(DatasetReader, RefusesABadSha256) {
    EXPECT_VALUE_REFUSED("/sources/0/sha256", "ABC123", "expected 64 lowercase hex digits");
}

TEST(DatasetReader, RefusesAConfidenceOutsideZeroToOne) {
    EXPECT_VALUE_REFUSED("/events/1/evidence/0/confidence", 1.5,
                         "confidence 1.5 is outside [0, 1]");
    EXPECT_VALUE_REFUSED("/events/1/evidence/0/confidence", -0.1, "is outside [0, 1]");
}

TEST(DatasetReader, RefusesTheSameActorInTheSameRoleTwiceInOneEvent) {
    const auto doc = edited([](Json& j) {
        j["events"][1]["participants"].push_back({{"actor", "person/anwar"}, {"role", "guest"}});
    });
    EXPECT_PARSE_ERROR_AT(doc, "/events/1/participants/2",
                          "actor \"person/anwar\" already takes part in this event as \"guest\" "
                          "(at /events/1/participants/0)");
}

TEST(DatasetReader, AcceptsTheSameActorInTwoRoles) {
    const auto doc = edited([](Json& j) {
        j["events"][1]["participants"].push_back({{"actor", "person/anwar"}, {"role", "opener"}});
    });
    EXPECT_NO_THROW((void)io::parseDataset(doc, kFile));
}

TEST(DatasetReader, RefusesAttributeValuesThatAreNotScalars) {
    EXPECT_VALUE_REFUSED("/actors/2/attributes/born", Json::object({{"year", 1947}}),
                         "attribute values must be strings, numbers or booleans; got an object");
    EXPECT_VALUE_REFUSED("/events/1/attributes/list", Json::array({1}), "got an array");
    EXPECT_VALUE_REFUSED("/relations/0/attributes/x", nullptr, "got null");
}

TEST(DatasetReader, RefusesABadCountryCodeCameoCodeOrGoldstein) {
    EXPECT_VALUE_REFUSED("/actors/1/country", "MY", "expected an ISO 3166-1 alpha-3 code");
    EXPECT_VALUE_REFUSED("/events/1/cameo", 42, "expected a string, got an integer");
    EXPECT_VALUE_REFUSED("/events/1/cameo", "04a", "invalid CAMEO code \"04a\"");
    EXPECT_VALUE_REFUSED("/events/2/goldstein", 11, "goldstein 11 is outside [-10, 10]");
}

TEST(DatasetReader, EscapesPointerTokensWithSlashesAndTildes) {
    EXPECT_VALUE_REFUSED("/events/1/attributes/a~1b~0c", Json::array(), "got an array");
}

TEST(DatasetReader, NamesAMissingFileAndADirectory) {
    const auto missing =
        fixtures::parseErrorOf([] { (void)io::readDataset("/nonexistent/bilateral.json"); });
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->file(), "/nonexistent/bilateral.json");
    EXPECT_EQ(missing->reason(), "no such file");
    const auto dir = fs::temp_directory_path();
    const auto folder = fixtures::parseErrorOf([&] { (void)io::readDataset(dir); });
    ASSERT_TRUE(folder);
    EXPECT_EQ(folder->file(), dir.string());
    EXPECT_EQ(folder->reason(), "is a directory, not a file");
}
