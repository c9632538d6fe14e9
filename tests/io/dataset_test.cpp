// Dataset JSON v1: the reader accepts valid documents, refuses every kind of invalid one with a
// ParseError at the right JSON pointer, writes deterministic documents that read back equal,
// and imports parents first and idempotently.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include "bilateral/error.hpp"
#include "bilateral/import/dataset.hpp"
#include "bilateral/import/import.hpp"
#include "bilateral/sqlite/store.hpp"
#include "store_impl.hpp"

namespace fs = std::filesystem;
using namespace bilateral;
using Json = nlohmann::ordered_json;

namespace {

constexpr const char* kFile = "fixture.json";

// A small document using every field. The roundtrip event comes before its parent on purpose.
constexpr const char* kValid = R"json({
  "format": "bilateral-dataset",
  "version": 1,
  "sources": [
    {"id": "source/text", "title": "A text", "kind": "editorial", "author": "A. Writer",
     "published": "2025-07", "file": "text.txt",
     "sha256": "476c640f3b9f70cf028821d9ecbbc8839562b7cda4332397b2da663b050de119"},
    {"id": "source/reference", "title": "Reference", "kind": "reference", "url": "https://example.org"}
  ],
  "actors": [
    {"id": "country/ITA", "kind": "country", "name": "Italy", "aliases": ["Italian Republic"],
     "country": "ITA",
     "evidence": [{"source": "source/reference", "basis": "reference", "note": "ISO code"}]},
    {"id": "country/MYS", "kind": "country", "name": "Malaysia", "country": "MYS"},
    {"id": "person/anwar", "kind": "person", "name": "Anwar Ibrahim", "country": "MYS",
     "aliases": ["YAB Dato’ Seri Anwar Ibrahim"],
     "attributes": {"born": 1947, "pm": true, "height": 1.75, "party": "PKR"},
     "evidence": [{"source": "source/text", "span": [0, 5], "confidence": 0.9}]},
    {"id": "post/pm-mys", "kind": "post", "name": "Prime Minister of Malaysia"}
  ],
  "events": [
    {"id": "event/roundtable", "kind": "roundtable", "title": "Roundtable", "parent": "event/visit",
     "participants": [{"actor": "country/ITA", "role": "host"}]},
    {"id": "event/visit", "kind": "official_visit", "title": "Visit", "start": "2025-07-02",
     "end": "2025-07-03", "location": "Rome", "cameo": "042",
     "attributes": {"first_in_years": 37},
     "participants": [
       {"actor": "person/anwar", "role": "guest",
        "evidence": [{"source": "source/text", "span": [10, 20]}]},
       {"actor": "country/ITA", "role": "host"}
     ],
     "evidence": [{"source": "source/text", "span": [3, 9], "basis": "inferred",
                   "confidence": 0.95, "note": "year inferred"}]},
    {"id": "event/return-visit", "kind": "official_visit", "title": "Return visit",
     "start": "2026", "status": "planned", "goldstein": 1.5}
  ],
  "relations": [
    {"id": "relation/anwar-pm", "kind": "holds_post", "from": "person/anwar", "to": "post/pm-mys",
     "valid": {"from": "2022-11-24"},
     "evidence": [{"source": "source/text", "quote": "the Prime Minister"}],
     "attested": [
       {"date": "2025-07-02", "evidence": [{"source": "source/text", "span": [10, 20],
                                            "basis": "inferred", "note": "named on the visit"}]},
       {"from": "2025-07", "to": "2025-08", "evidence": [{"source": "source/text", "span": [0, 5]}]}
     ]},
    {"id": "relation/pm-of", "kind": "post_of", "from": "post/pm-mys", "to": "country/MYS",
     "valid": {"from": "1957", "to": "2030-12"}}
  ]
})json";

Json validJson() {
    return Json::parse(kValid);
}

std::string edited(const std::function<void(Json&)>& edit) {
    auto j = validJson();
    edit(j);
    return j.dump(2);
}

std::string withValue(const std::string& pointer, const Json& value) {
    return edited([&](Json& j) { j[Json::json_pointer(pointer)] = value; });
}

/// The ParseError that parsing `text` throws (a failed expectation when it does not throw).
ParseError failureOf(const std::string& text, store::Store* existing = nullptr) {
    try {
        (void)io::parseDataset(text, kFile, existing);
    } catch (const ParseError& e) {
        return e;
    }
    ADD_FAILURE() << "the document parsed without error";
    return ParseError("", "", "");
}

#define EXPECT_PARSE_ERROR_AT(text, pointer, reasonPart)                               \
    do {                                                                               \
        const auto error = failureOf(text);                                            \
        EXPECT_EQ(error.file(), kFile);                                                \
        EXPECT_EQ(error.location(), pointer);                                          \
        EXPECT_NE(error.reason().find(reasonPart), std::string::npos) << error.what(); \
    } while (false)

template <class T>
std::vector<T> byId(std::vector<T> v) {
    std::sort(v.begin(), v.end(), [](const T& a, const T& b) { return a.id < b.id; });
    return v;
}

/// The dataset as the store gives it back: arrays by id, aliases sorted.
io::Dataset normalized(io::Dataset d) {
    d.sources = byId(std::move(d.sources));
    d.actors = byId(std::move(d.actors));
    d.events = byId(std::move(d.events));
    d.relations = byId(std::move(d.relations));
    for (auto& a : d.actors) std::sort(a.aliases.begin(), a.aliases.end());
    // The store gives attested dates back in date order.
    for (auto& r : d.relations) {
        std::sort(r.attested.begin(), r.attested.end(), [](const auto& x, const auto& y) {
            return std::pair(x.period.start->earliest(), x.period.end->earliest()) <
                   std::pair(y.period.start->earliest(), y.period.end->earliest());
        });
    }
    return d;
}

void expectEqual(const io::Dataset& a, const io::Dataset& b) {
    EXPECT_EQ(a.sources, b.sources);
    EXPECT_EQ(a.actors, b.actors);
    EXPECT_EQ(a.events, b.events);
    EXPECT_EQ(a.relations, b.relations);
}

fs::path tempFile(const std::string& name, const std::string& content) {
    const auto dir =
        fs::temp_directory_path() / ("bilateral-dataset-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto p = dir / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
}

}  // namespace

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
    auto s = store::Store::memory();
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
    EXPECT_PARSE_ERROR_AT(withValue("/format", "geojson"), "/format",
                          "expected \"bilateral-dataset\", got \"geojson\"");
}

TEST(DatasetReader, SaysAHigherVersionIsNewerThanItReads) {
    EXPECT_PARSE_ERROR_AT(withValue("/version", 2), "/version",
                          "dataset version 2 is newer than this bilateral reads (version 1.1)");
}

TEST(DatasetReader, RefusesAVersionThatIsNotANumber) {
    EXPECT_PARSE_ERROR_AT(withValue("/version", "1"), "/version",
                          "expected a number, got a string");
}

TEST(DatasetReader, RefusesAnUnknownTopLevelField) {
    EXPECT_PARSE_ERROR_AT(withValue("/extras", Json::array()), "/extras",
                          "unknown field \"extras\"");
}

TEST(DatasetReader, RefusesAnUnknownFieldDeepInside) {
    EXPECT_PARSE_ERROR_AT(withValue("/events/1/participants/0/weight", 2),
                          "/events/1/participants/0/weight",
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
    EXPECT_PARSE_ERROR_AT(withValue("/events/1/title", 42), "/events/1/title",
                          "expected a string, got an integer");
    EXPECT_PARSE_ERROR_AT(withValue("/actors", Json::object()), "/actors",
                          "expected an array, got an object");
}

TEST(DatasetReader, RefusesAnUnknownKindListingTheAllowedOnes) {
    EXPECT_PARSE_ERROR_AT(withValue("/actors/2/kind", "nation"), "/actors/2/kind",
                          "unknown actor kind \"nation\"; expected one of: country, bloc, person, "
                          "post, government_body, company, institution, diplomatic_mission, group");
}

TEST(DatasetReader, RefusesAnUnknownRoleStatusOrBasis) {
    EXPECT_PARSE_ERROR_AT(withValue("/events/1/participants/0/role", "visitor"),
                          "/events/1/participants/0/role", "unknown role \"visitor\"");
    EXPECT_PARSE_ERROR_AT(
        withValue("/events/2/status", "postponed"), "/events/2/status",
        "unknown event status \"postponed\"; expected one of: occurred, planned, cancelled");
    EXPECT_PARSE_ERROR_AT(withValue("/actors/0/evidence/0/basis", "rumour"),
                          "/actors/0/evidence/0/basis", "unknown basis \"rumour\"");
}

TEST(DatasetReader, RefusesADateThatDoesNotExistSayingWhy) {
    const auto error = failureOf(withValue("/events/1/start", "2025-02-30"));
    EXPECT_EQ(error.location(), "/events/1/start");
    EXPECT_STREQ(
        error.what(),
        "fixture.json: /events/1/start: invalid date \"2025-02-30\": February 2025 has 28 days");
}

TEST(DatasetReader, RefusesADateThatIsNotIso8601) {
    EXPECT_PARSE_ERROR_AT(withValue("/relations/0/valid/from", "2025-7-2"),
                          "/relations/0/valid/from", "expected YYYY, YYYY-MM or YYYY-MM-DD");
    EXPECT_PARSE_ERROR_AT(withValue("/sources/0/published", "2025-13"), "/sources/0/published",
                          "month 13 does not exist");
}

TEST(DatasetReader, RefusesAnEndBeforeTheStart) {
    EXPECT_PARSE_ERROR_AT(withValue("/events/1/end", "2025-07-01"), "/events/1/end",
                          "end 2025-07-01 is before start 2025-07-02");
    EXPECT_PARSE_ERROR_AT(withValue("/relations/1/valid/to", "1956"), "/relations/1/valid/to",
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
    EXPECT_PARSE_ERROR_AT(withValue("/relations/0/attested/1", Json{{"date", "2025-07-02"}}),
                          "/relations/0/attested/1", "needs evidence");
    // Before the relation's validity starts (2022-11-24).
    EXPECT_PARSE_ERROR_AT(withValue("/relations/0/attested/0/date", "2022-11-23"),
                          "/relations/0/attested/0", "outside the relation's validity");
    EXPECT_PARSE_ERROR_AT(withValue("/relations/0/attested/0/on", "2025-07-02"),
                          "/relations/0/attested/0/on", "on");
}

TEST(DatasetReader, AcceptsACoarseEndThatCoversTheStart) {
    EXPECT_NO_THROW((void)io::parseDataset(withValue("/events/1/end", "2025-07"), kFile));
}

TEST(DatasetReader, RefusesADuplicateIdAtTheSecondOccurrence) {
    EXPECT_PARSE_ERROR_AT(withValue("/actors/3/id", "country/ITA"), "/actors/3/id",
                          "duplicate id \"country/ITA\" (first at /actors/0/id)");
}

TEST(DatasetReader, RefusesAnEmptyId) {
    EXPECT_PARSE_ERROR_AT(withValue("/sources/1/id", ""), "/sources/1/id",
                          "expected a non-empty string");
}

TEST(DatasetReader, RefusesADanglingParticipant) {
    EXPECT_PARSE_ERROR_AT(withValue("/events/1/participants/0/actor", "person/nobody"),
                          "/events/1/participants/0/actor",
                          "unknown actor \"person/nobody\": not in this file");
}

// [sides] A participant's side: a country code or a bloc actor's id (format 1.1).
TEST(DatasetReader, ReadsAParticipantsSideAndRefusesABadOne) {
    const auto doc = io::parseDataset(withValue("/events/1/participants/0/side", "ITA"), kFile);
    ASSERT_FALSE(doc.events[1].participants.empty());
    EXPECT_EQ(doc.events[1].participants[0].side, "ITA");
    EXPECT_PARSE_ERROR_AT(withValue("/events/1/participants/0/side", "ita"),
                          "/events/1/participants/0/side", "invalid side \"ita\"");
    EXPECT_PARSE_ERROR_AT(withValue("/events/1/participants/0/side", "bloc/nowhere"),
                          "/events/1/participants/0/side", "unknown actor \"bloc/nowhere\"");
}

TEST(DatasetReader, RefusesADanglingParent) {
    EXPECT_PARSE_ERROR_AT(withValue("/events/0/parent", "event/nowhere"), "/events/0/parent",
                          "unknown event \"event/nowhere\"");
}

TEST(DatasetReader, RefusesADanglingEvidenceSource) {
    EXPECT_PARSE_ERROR_AT(withValue("/actors/2/evidence/0/source", "source/missing"),
                          "/actors/2/evidence/0/source", "unknown source \"source/missing\"");
}

TEST(DatasetReader, RefusesADanglingRelationEnd) {
    EXPECT_PARSE_ERROR_AT(withValue("/relations/0/from", "person/nobody"), "/relations/0/from",
                          "unknown actor \"person/nobody\"");
    EXPECT_PARSE_ERROR_AT(withValue("/relations/1/to", "country/XXX"), "/relations/1/to",
                          "unknown actor \"country/XXX\"");
}

TEST(DatasetReader, RefusesAParentCycleNamingItsEvents) {
    const auto doc = withValue("/events/1/parent", "event/roundtable");
    EXPECT_PARSE_ERROR_AT(doc, "/events/0/parent",
                          "parent cycle: event/roundtable → event/visit → event/roundtable");
}

TEST(DatasetReader, RefusesAnEventThatIsItsOwnParent) {
    EXPECT_PARSE_ERROR_AT(withValue("/events/2/parent", "event/return-visit"), "/events/2/parent",
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
    EXPECT_PARSE_ERROR_AT(withValue("/sources/0/sha256", "ABC123"), "/sources/0/sha256",
                          "expected 64 lowercase hex digits");
}

TEST(DatasetReader, RefusesAConfidenceOutsideZeroToOne) {
    EXPECT_PARSE_ERROR_AT(withValue("/events/1/evidence/0/confidence", 1.5),
                          "/events/1/evidence/0/confidence", "confidence 1.5 is outside [0, 1]");
    EXPECT_PARSE_ERROR_AT(withValue("/events/1/evidence/0/confidence", -0.1),
                          "/events/1/evidence/0/confidence", "is outside [0, 1]");
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
    EXPECT_PARSE_ERROR_AT(withValue("/actors/2/attributes/born", Json::object({{"year", 1947}})),
                          "/actors/2/attributes/born",
                          "attribute values must be strings, numbers or booleans; got an object");
    EXPECT_PARSE_ERROR_AT(withValue("/events/1/attributes/list", Json::array({1})),
                          "/events/1/attributes/list", "got an array");
    EXPECT_PARSE_ERROR_AT(withValue("/relations/0/attributes/x", nullptr),
                          "/relations/0/attributes/x", "got null");
}

TEST(DatasetReader, RefusesABadCountryCodeCameoCodeOrGoldstein) {
    EXPECT_PARSE_ERROR_AT(withValue("/actors/1/country", "MY"), "/actors/1/country",
                          "expected an ISO 3166-1 alpha-3 code");
    EXPECT_PARSE_ERROR_AT(withValue("/events/1/cameo", 42), "/events/1/cameo",
                          "expected a string, got an integer");
    EXPECT_PARSE_ERROR_AT(withValue("/events/1/cameo", "04a"), "/events/1/cameo",
                          "invalid CAMEO code \"04a\"");
    EXPECT_PARSE_ERROR_AT(withValue("/events/2/goldstein", 11), "/events/2/goldstein",
                          "goldstein 11 is outside [-10, 10]");
}

TEST(DatasetReader, EscapesPointerTokensWithSlashesAndTildes) {
    EXPECT_PARSE_ERROR_AT(withValue("/events/1/attributes/a~1b~0c", Json::array()),
                          "/events/1/attributes/a~1b~0c", "got an array");
}

TEST(DatasetReader, NamesAMissingFileAndADirectory) {
    try {
        (void)io::readDataset("/nonexistent/bilateral.json");
        ADD_FAILURE() << "no error";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), "/nonexistent/bilateral.json");
        EXPECT_EQ(e.reason(), "no such file");
    }
    const auto dir = fs::temp_directory_path();
    try {
        (void)io::readDataset(dir);
        ADD_FAILURE() << "no error";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), dir.string());
        EXPECT_EQ(e.reason(), "is a directory, not a file");
    }
}

// --- writing and round trips -----------------------------------------------------------------

TEST(DatasetWriter, PutsFormatAndVersionFirstAndLeavesOutAbsentFields) {
    const auto text = io::writeDataset(io::parseDataset(kValid, kFile));
    EXPECT_EQ(text.rfind("{\n  \"format\": \"bilateral-dataset\",\n  \"version\": 1.1,\n", 0), 0u)
        << text;
    const auto j = Json::parse(text);
    EXPECT_EQ(j["events"][0]["id"], "event/return-visit");  // sorted by id
    EXPECT_FALSE(j["events"][1].contains("status"));        // occurred is the default
    EXPECT_FALSE(j["actors"][1].contains("aliases"));       // country/MYS has none
    EXPECT_FALSE(j["actors"][1].contains("evidence"));
    EXPECT_FALSE(j["relations"][0]["evidence"][0].contains("basis"));  // stated is the default
    EXPECT_EQ(j["events"][2]["cameo"], "042");
}

TEST(DatasetWriter, WritesTheSameTextForTheSameDataInAnyOrder) {
    auto d = io::parseDataset(kValid, kFile);
    const auto first = io::writeDataset(d);
    std::reverse(d.actors.begin(), d.actors.end());
    std::reverse(d.events.begin(), d.events.end());
    EXPECT_EQ(io::writeDataset(d), first);
}

TEST(DatasetRoundTrip, ImportThenExportGivesAnEquivalentDocument) {
    const auto original = io::parseDataset(kValid, kFile);
    auto s = store::Store::memory();
    {
        store::Transaction tx(s);
        (void)io::importDataset(s, tempFile("roundtrip.json", kValid));
        tx.commit();
    }
    const auto written = io::writeDataset(io::datasetFromStore(s));
    const auto reread = io::parseDataset(written, "written.json");
    expectEqual(normalized(reread), normalized(original));

    auto fresh = store::Store::memory();
    {
        store::Transaction tx(fresh);
        (void)io::importDataset(fresh, tempFile("written.json", written));
        tx.commit();
    }
    const auto a = s.counts();
    const auto b = fresh.counts();
    EXPECT_EQ(a.sources, b.sources);
    EXPECT_EQ(a.actors, b.actors);
    EXPECT_EQ(a.events, b.events);
    EXPECT_EQ(a.participations, b.participations);
    EXPECT_EQ(a.relations, b.relations);
    EXPECT_EQ(a.evidence, b.evidence);
    EXPECT_EQ(io::writeDataset(io::datasetFromStore(fresh)), written);
}

// --- importing -------------------------------------------------------------------------------

TEST(DatasetImport, WritesParentsBeforeChildrenWhateverTheDocumentOrder) {
    auto s = store::Store::memory();
    store::Transaction tx(s);
    const auto summary = io::importDataset(s, tempFile("parents.json", kValid));
    tx.commit();
    EXPECT_EQ(s.getEvent("event/roundtable").parent, "event/visit");
    EXPECT_EQ(summary.format, io::Format::Dataset);
    EXPECT_EQ(summary.rows, 11);
    EXPECT_EQ(summary.sources, 2);
    EXPECT_EQ(summary.actors, 4);
    EXPECT_EQ(summary.events, 3);
    EXPECT_EQ(summary.participations, 3);
    EXPECT_EQ(summary.relations, 2);
    EXPECT_EQ(summary.skipped, 0);
}

TEST(DatasetImport, ImportingTheSameDocumentTwiceAddsNothing) {
    auto s = store::Store::memory();
    const auto file = tempFile("twice.json", kValid);
    (void)io::importFiles(s, {file});
    const auto before = io::writeDataset(io::datasetFromStore(s));
    const auto counts = s.counts();
    const auto changesBefore = sqlite3_total_changes(store::detail::connection(s));
    const auto again = io::importFiles(s, {file});
    EXPECT_EQ(sqlite3_total_changes(store::detail::connection(s)),
              changesBefore);  // not a row written
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].sources + again[0].actors + again[0].events + again[0].participations +
                  again[0].relations,
              0);
    EXPECT_EQ(again[0].skipped, 11);
    EXPECT_EQ(s.counts().evidence, counts.evidence);
    EXPECT_EQ(io::writeDataset(io::datasetFromStore(s)), before);
}

TEST(DatasetImport, CountsANewParticipantOfAKnownEvent) {
    auto s = store::Store::memory();
    (void)io::importFiles(s, {tempFile("base.json", kValid)});
    const auto more = edited([](Json& j) {
        j["events"][1]["participants"].push_back({{"actor", "country/MYS"}, {"role", "guest"}});
    });
    const auto summary = io::importFiles(s, {tempFile("more.json", more)});
    EXPECT_EQ(summary.at(0).events, 1);
    EXPECT_EQ(summary.at(0).participations, 1);
    EXPECT_EQ(summary.at(0).skipped, 10);
    EXPECT_EQ(s.getEvent("event/visit").participants.size(), 3u);
}

TEST(DatasetImport, CountsARecordThatGainsEvidenceAsUpdated) {
    auto s = store::Store::memory();
    (void)io::importFiles(s, {tempFile("base.json", kValid)});
    const auto more = R"({"format": "bilateral-dataset", "version": 1, "actors": [
        {"id": "country/MYS", "kind": "country", "name": "Malaysia", "country": "MYS",
         "evidence": [{"source": "source/reference", "basis": "reference"}]}]})";
    const auto summary = io::importFiles(s, {tempFile("more.json", more)});
    EXPECT_EQ(summary.at(0).actors, 1);
    EXPECT_EQ(s.getActor("country/MYS").evidence.size(), 1u);
}

// --- formats and multi-file imports ---------------------------------------------------------

TEST(ImportFormat, NamesAndParsesEveryFormat) {
    for (auto f : {io::Format::Auto, io::Format::Dataset, io::Format::Icews, io::Format::Gdelt}) {
        EXPECT_EQ(io::parseFormat(io::toString(f)), f);
    }
    EXPECT_THROW((void)io::parseFormat("csv"), InvalidArgumentError);
}

TEST(ImportFormat, DetectsDatasetsIcewsAndGdeltFromTheirContents) {
    EXPECT_EQ(io::detectFormat(tempFile("d.json", "\n  {\"format\": 1}")), io::Format::Dataset);
    EXPECT_EQ(io::detectFormat(tempFile("i.tsv", "Event ID\tEvent Date\tSource Name\n1\t2\t3\n")),
              io::Format::Icews);
    std::string gdelt;
    for (int i = 0; i < 61; ++i) gdelt += (i ? "\t" : "") + std::to_string(i);
    EXPECT_EQ(io::detectFormat(tempFile("g.tsv", gdelt + "\n")), io::Format::Gdelt);
}

TEST(ImportFormat, RefusesAnUnrecognisableFileSayingWhatItExpected) {
    const auto file = tempFile("u.txt", "a\tb\tc\n");
    try {
        (void)io::detectFormat(file);
        ADD_FAILURE() << "no error";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), file.string());
        EXPECT_EQ(e.location(), "line 1");
        EXPECT_NE(e.reason().find("3 tab-separated fields"), std::string::npos) << e.what();
        EXPECT_NE(e.reason().find("expected a dataset JSON document"), std::string::npos);
    }
}

TEST(ImportFormat, RefusesEmptyMissingAndDirectoryPaths) {
    const auto empty = tempFile("empty.json", "");
    EXPECT_THROW((void)io::detectFormat(empty), ParseError);
    EXPECT_THROW((void)io::detectFormat("/nonexistent/file.json"), ParseError);
    EXPECT_THROW((void)io::detectFormat(fs::temp_directory_path()), ParseError);
}

TEST(ImportFiles, WritesNothingWhenAnyFileFails) {
    auto s = store::Store::memory();
    const auto good = tempFile("good.json", kValid);
    const auto bad = tempFile("bad.json", withValue("/actors/0/kind", "nation"));
    EXPECT_THROW((void)io::importFiles(s, {good, bad}), ParseError);
    EXPECT_EQ(s.counts().actors, 0);
    EXPECT_EQ(s.counts().sources, 0);
}

TEST(ImportFiles, LetsALaterFileReferToAnEarlierOne) {
    auto s = store::Store::memory();
    const auto base = tempFile("first.json", kValid);
    const auto next = tempFile("second.json", R"({"format": "bilateral-dataset", "version": 1,
        "relations": [{"id": "relation/x", "kind": "partner_of", "from": "country/ITA",
                       "to": "country/MYS", "evidence": [{"source": "source/text"}]}]})");
    const auto summaries = io::importFiles(s, {base, next});
    ASSERT_EQ(summaries.size(), 2u);
    EXPECT_EQ(summaries[1].file, next.string());
    EXPECT_EQ(summaries[1].relations, 1);
    EXPECT_EQ(s.counts().relations, 3);
}

TEST(ImportFiles, ReportsProgressForEachFile) {
    auto s = store::Store::memory();
    std::vector<std::uint64_t> seen;
    io::ImportOptions options;
    options.progress = [&](const std::string&, std::uint64_t done, std::uint64_t total) {
        seen.push_back(done);
        EXPECT_LE(done, total);
    };
    (void)io::importFiles(s, {tempFile("progress.json", kValid)}, options);
    ASSERT_FALSE(seen.empty());
    EXPECT_GT(seen.back(), 0u);
}
