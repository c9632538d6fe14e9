// Dataset JSON v1, the reader: it accepts valid documents and refuses every kind of invalid
// document — syntax, format and version, unknown, missing and mistyped fields, kinds — with a
// ParseError at the right JSON pointer. Values and references: dataset_values_test.cpp.

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

// --- valid documents ------------------------------------------------------------------------

TEST(DatasetReader, ReadsEveryFieldOfAValidDocument) {
    const auto d = io::parseDataset(kValid, kFile);
    ASSERT_EQ(d.sources.size(), 2u);
    ASSERT_EQ(d.actors.size(), 4u);
    ASSERT_EQ(d.events.size(), 3u);
    ASSERT_EQ(d.relations.size(), 2u);
    EXPECT_EQ(d.sources[0].published, model::Date::parse("2025-07"));
    EXPECT_EQ(d.sources[1].url, "https://example.org");
    const auto& anwar = d.actors[2];
    EXPECT_EQ(anwar.kind, model::ActorKind::Person);
    EXPECT_EQ(std::get<std::int64_t>(anwar.attributes.at("born")), 1947);
    EXPECT_EQ(std::get<bool>(anwar.attributes.at("pm")), true);
    EXPECT_EQ(std::get<double>(anwar.attributes.at("height")), 1.75);
    EXPECT_EQ(std::get<std::string>(anwar.attributes.at("party")), "PKR");
    EXPECT_EQ(anwar.evidence.at(0).span, (model::Span{0, 5}));
    EXPECT_EQ(anwar.evidence.at(0).confidence, 0.9);
    const auto& visit = d.events[1];
    EXPECT_EQ(visit.start, model::Date::parse("2025-07-02"));
    EXPECT_EQ(visit.cameo, "042");
    EXPECT_EQ(visit.participants.size(), 2u);
    EXPECT_EQ(visit.evidence.at(0).basis, model::Basis::Inferred);
    EXPECT_EQ(d.events[0].parent, "event/visit");
    EXPECT_EQ(d.events[2].status, model::EventStatus::Planned);
    EXPECT_EQ(d.events[2].goldstein, 1.5);
    EXPECT_EQ(d.relations[1].valid.end, model::Date::parse("2030-12"));
}

TEST(DatasetReader, AcceptsADocumentWithOnlyFormatAndVersion) {
    const auto d = io::parseDataset(R"({"format": "bilateral-dataset", "version": 1})", kFile);
    EXPECT_TRUE(d.sources.empty() && d.actors.empty() && d.events.empty() && d.relations.empty());
}

TEST(DatasetReader, ResolvesReferencesToIdsAlreadyInTheStore) {
    auto s = sqlite::Store::memory();
    s.putSource({.id = "source/old", .title = "Old"});
    s.putActor({.id = "person/old", .kind = model::ActorKind::Person, .name = "Old"});
    const std::string doc = R"({"format": "bilateral-dataset", "version": 1, "relations": [
        {"id": "r", "kind": "represents", "from": "person/old", "to": "person/old",
         "evidence": [{"source": "source/old"}]}]})";
    EXPECT_NO_THROW((void)io::parseDataset(doc, kFile, &s));
    EXPECT_EQ(failureOf(doc).location(), "/relations/0/from");
}

// --- invalid documents: one test per kind of error ------------------------------------------

TEST(DatasetReader, ReportsASyntaxErrorWithLineAndColumn) {
    const auto error = failureOf("{\n  \"format\": \"bilateral-dataset\",\n  \"version\": 1,,\n}");
    EXPECT_EQ(error.file(), kFile);
    EXPECT_EQ(error.location(), "line 3, column 16");
    EXPECT_NE(error.reason().find("syntax error"), std::string::npos) << error.what();
}

TEST(DatasetReader, RefusesANumberTooLargeForADouble) {
    const std::string doc = R"({"format": "bilateral-dataset", "version": 1,
        "events": [{"id": "e", "kind": "talks", "title": "T", "goldstein": -1e400}]})";
    const auto error = failureOf(doc);
    EXPECT_EQ(error.location().rfind("line 2, column ", 0), 0u) << error.what();
    EXPECT_NE(error.reason().find("-1e400 is out of range"), std::string::npos) << error.what();
}

TEST(DatasetReader, RefusesAnEmptyFile) {
    EXPECT_PARSE_ERROR_AT("  \n", "", "empty file");
}

TEST(DatasetReader, RefusesNestingDeeperThanAnyDatasetNeeds) {
    const std::string deep = R"({"format": "bilateral-dataset", "version": 1, "actors": )" +
                             std::string(100, '[') + std::string(100, ']') + "}";
    const auto error = failureOf(deep);
    EXPECT_EQ(error.location().rfind("line 1, column ", 0), 0u) << error.what();
    EXPECT_NE(error.reason().find("nesting deeper than"), std::string::npos) << error.what();
}

TEST(DatasetReader, RefusesATopLevelThatIsNotAnObject) {
    EXPECT_PARSE_ERROR_AT("[1, 2]", "",
                          "expected a JSON object (a bilateral dataset), got an array");
}

TEST(DatasetReader, RefusesADocumentWithoutFormat) {
    EXPECT_PARSE_ERROR_AT(R"({"version": 1})", "", "missing required field \"format\"");
}

TEST(DatasetReader, RefusesAnotherFormat) {
    EXPECT_VALUE_REFUSED("/format", "geojson", "expected \"bilateral-dataset\", got \"geojson\"");
}

TEST(DatasetReader, SaysAHigherVersionIsNewerThanItReads) {
    EXPECT_VALUE_REFUSED("/version", 2,
                         "dataset version 2 is newer than this bilateral reads (version 1.2)");
}

TEST(DatasetReader, RefusesAVersionThatIsNotANumber) {
    EXPECT_VALUE_REFUSED("/version", "1", "expected a number, got a string");
}

TEST(DatasetReader, RefusesAnUnknownTopLevelField) {
    EXPECT_VALUE_REFUSED("/extras", Json::array(), "unknown field \"extras\"");
}

TEST(DatasetReader, RefusesAnUnknownFieldDeepInside) {
    EXPECT_VALUE_REFUSED("/events/1/participants/0/weight", 2,
                         "unknown field \"weight\"; expected one of: actor, role, evidence");
}

TEST(DatasetReader, RefusesAKeyRepeatedInOneObject) {
    const std::string doc = R"({"format": "bilateral-dataset", "version": 1,
        "actors": [{"id": "a", "kind": "group", "name": "A", "name": "B"}]})";
    EXPECT_PARSE_ERROR_AT(doc, "/actors/0/name", "duplicate key \"name\"");
}

TEST(DatasetReader, RefusesAMissingRequiredField) {
    EXPECT_PARSE_ERROR_AT(edited([](Json& j) { j["actors"][2].erase("kind"); }), "/actors/2",
                          "missing required field \"kind\"");
}

TEST(DatasetReader, RefusesAValueOfTheWrongType) {
    EXPECT_VALUE_REFUSED("/events/1/title", 42, "expected a string, got an integer");
    EXPECT_VALUE_REFUSED("/actors", Json::object(), "expected an array, got an object");
}

TEST(DatasetReader, RefusesAnUnknownKindListingTheAllowedOnes) {
    EXPECT_VALUE_REFUSED("/actors/2/kind", "nation",
                         "unknown actor kind \"nation\"; expected one of: country, bloc, person, "
                         "post, government_body, company, institution, diplomatic_mission, group");
}

TEST(DatasetReader, RefusesAnUnknownRoleStatusOrBasis) {
    EXPECT_VALUE_REFUSED("/events/1/participants/0/role", "visitor", "unknown role \"visitor\"");
    EXPECT_PARSE_ERROR_AT(
        withValue("/events/2/status", "postponed"), "/events/2/status",
        "unknown event status \"postponed\"; expected one of: occurred, planned, cancelled");
    EXPECT_VALUE_REFUSED("/actors/0/evidence/0/basis", "rumour", "unknown basis \"rumour\"");
}
