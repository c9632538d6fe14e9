// Dataset format 1.1 (issue 9, places and links): the versions read, an event's place (a 1.0
// `location` is its name), typed links between events with their evidence, and the places ICEWS
// and GDELT rows carry. Real rows' values were read off the files (awk), not off the importer.

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bilateral/error.hpp"
#include "bilateral/export/from_storage.hpp"
#include "bilateral/import/dataset.hpp"
#include "bilateral/import/from_storage.hpp"
#include "bilateral/import/import.hpp"
#include "fixtures/dataset_document.hpp"
#include "fixtures/real_samples.hpp"
#include "sqlite/store.hpp"

namespace bilateral {
namespace {

namespace fs = std::filesystem;
using fixtures::Json;

constexpr const char* kFile = "places.json";

/// Two events with places and a link between them.
Json document() {
    return Json::parse(R"json({
  "format": "bilateral-dataset",
  "version": 1.1,
  "sources": [{"id": "source/text", "title": "A text"}],
  "actors": [{"id": "person/meloni", "kind": "person", "name": "Giorgia Meloni", "country": "ITA"}],
  "events": [
    {"id": "event/invitation", "kind": "invitation", "title": "Invitation",
     "participants": [{"actor": "person/meloni", "role": "invitee"}]},
    {"id": "event/visit", "kind": "official_visit", "title": "Visit", "status": "planned",
     "place": {"name": "Kuala Lumpur", "country": "MYS", "lat": 3.16667, "lon": 101.7,
               "gazetteer": "gns:-2403010"},
     "participants": [{"actor": "person/meloni", "role": "guest"}]},
    {"id": "event/old-style", "kind": "talks", "title": "Talks", "location": "Rome"}
  ],
  "links": [
    {"id": "link/invitation-leads-to-visit", "kind": "leads_to", "from": "event/invitation",
     "to": "event/visit", "evidence": [{"source": "source/text", "span": [3, 9]}]}
  ]
})json");
}

std::string edited(const std::string& pointer, const Json& value) {
    return fixtures::withValue(document(), pointer, value);
}

#define EXPECT_REFUSED_AT(text, pointer, reasonPart) \
    EXPECT_DATASET_REFUSED_AT(text, kFile, pointer, reasonPart)
/// The document with `value` at `pointer` is refused there.
#define EXPECT_EDIT_REFUSED(pointer, value, reasonPart) \
    EXPECT_REFUSED_AT(edited(pointer, value), pointer, reasonPart)

TEST(DatasetVersion, ReadsVersionsOneOnePointZeroOnePointOneAndOnePointTwo) {
    for (const char* v : {"1", "1.0", "1.1", "1.2"}) {
        const auto text = std::string(R"({"format": "bilateral-dataset", "version": )") + v + "}";
        EXPECT_NO_THROW((void)io::parseDataset(text, kFile)) << v;
    }
}

TEST(DatasetVersion, RefusesOthersSayingWhichItReads) {
    EXPECT_EDIT_REFUSED("/version", 1.3,
                        "dataset version 1.3 is newer than this bilateral reads (version 1.2)");
    EXPECT_EDIT_REFUSED("/version", 1.05,
                        "unsupported dataset version 1.05; this bilateral reads versions 1 (1.0), "
                        "1.1 and 1.2");
    EXPECT_EDIT_REFUSED("/version", 0, "unsupported dataset version 0");
    EXPECT_EDIT_REFUSED("/version", "1.1", "expected a number, got a string");
}

TEST(DatasetPlaces, ReadsAPlaceAndALocationAsThePlacesName) {
    const auto d = io::parseDataset(document().dump(), kFile);
    const auto& visit = d.events[1];
    EXPECT_EQ(visit.location, "Kuala Lumpur");
    EXPECT_EQ(visit.place.country, "MYS");
    EXPECT_EQ(visit.place.latitude, 3.16667);
    EXPECT_EQ(visit.place.longitude, 101.7);
    EXPECT_EQ(visit.place.gazetteer, "gns:-2403010");
    const auto& old = d.events[2];  // a version-1 location: a place with only a name
    EXPECT_EQ(old.location, "Rome");
    EXPECT_TRUE(old.place.empty());
    EXPECT_TRUE(d.events[0].place.empty());
}

TEST(DatasetPlaces, RefusesABadPlaceAtItsField) {
    EXPECT_EDIT_REFUSED("/events/1/place/country", "MY", "expected an ISO 3166-1 alpha-3 code");
    EXPECT_EDIT_REFUSED("/events/1/place/lat", 91, "lat 91 is outside [-90, 90]");
    EXPECT_EDIT_REFUSED("/events/1/place/gazetteer", "-2403010", "expected geonames:ID, gns:ID");
    EXPECT_EDIT_REFUSED("/events/1/place/where", "here", "");
    auto j = document();
    j["events"][1]["place"].erase("lon");
    EXPECT_REFUSED_AT(j.dump(), "/events/1/place", "need both \"lat\" and \"lon\"");
    EXPECT_REFUSED_AT(edited("/events/1/location", "Penang"), "/events/1/place/name",
                      "place name \"Kuala Lumpur\" differs from location \"Penang\"");
    // Both, agreeing, are one name.
    EXPECT_NO_THROW((void)io::parseDataset(edited("/events/1/location", "Kuala Lumpur"), kFile));
}

TEST(DatasetLinks, ReadsLinksWithTheirEvidence) {
    const auto d = io::parseDataset(document().dump(), kFile);
    ASSERT_EQ(d.links.size(), 1u);
    EXPECT_EQ(d.links[0].kind, model::EventLinkKind::LeadsTo);
    EXPECT_EQ(d.links[0].from, "event/invitation");
    EXPECT_EQ(d.links[0].to, "event/visit");
    ASSERT_EQ(d.links[0].evidence.size(), 1u);
    EXPECT_EQ(d.links[0].evidence[0].span, (model::Span{3, 9}));
}

TEST(DatasetLinks, RefusesUnknownKindsEventsSelfLinksAndDuplicateIds) {
    EXPECT_EDIT_REFUSED("/links/0/kind", "causes", "causes");
    EXPECT_EDIT_REFUSED("/links/0/to", "event/nowhere", "unknown event \"event/nowhere\"");
    EXPECT_EDIT_REFUSED("/links/0/to", "event/invitation",
                        "a link from event \"event/invitation\" to itself");
    auto j = document();
    j["links"].push_back(j["links"][0]);
    EXPECT_REFUSED_AT(j.dump(), "/links/1/id", "duplicate id");
    EXPECT_EDIT_REFUSED("/links/0/evidence/0/source", "source/none", "unknown source");
}

TEST(DatasetRoundTrip, PlacesAndLinksGoThroughTheStoreAndBack) {
    const auto original = io::parseDataset(document().dump(), kFile);
    auto s = sqlite::Store::memory();
    {
        sqlite::Transaction tx(s);
        const auto summary = io::importDataset(s, original, kFile);
        EXPECT_EQ(summary.links, 1);
        tx.commit();
    }
    const auto back = io::datasetFromStore(s);
    EXPECT_EQ(back.links, original.links);
    ASSERT_EQ(back.events.size(), 3u);
    for (const auto& e : original.events) EXPECT_EQ(s.getEvent(e.id), e) << e.id;
    // Written as 1.1: the place as an object, a name alone as `location`; read back equal.
    const auto text = io::writeDataset(back);
    const auto j = Json::parse(text);
    EXPECT_EQ(j["version"], 1.1);
    EXPECT_EQ(j["events"][2]["place"]["gazetteer"], "gns:-2403010");  // event/visit
    EXPECT_EQ(j["events"][1]["location"], "Rome");                    // event/old-style
    EXPECT_FALSE(j["events"][1].contains("place"));
    const auto again = io::parseDataset(text, kFile);
    EXPECT_EQ(again.links, back.links);
    EXPECT_EQ(again.events, back.events);
    // Importing the same document again changes nothing.
    sqlite::Transaction tx(s);
    const auto second = io::importDataset(s, original, kFile);
    EXPECT_EQ(second.links, 0);
    EXPECT_EQ(second.events, 0);
    tx.commit();
}

// --- event files ------------------------------------------------------------------------------

/// The place a real row gives its event, as read off the file (awk); the columns the place is
/// made of are not attributes, the others stay.
struct RealPlace {
    const char* file;
    const char* event;
    const char* location;
    double latitude, longitude;
    std::optional<std::string> gazetteer;
    std::vector<std::string> notAttributes, attributes;
};

void expectPlace(const RealPlace& r) {
    auto s = sqlite::Store::memory();
    (void)io::importFiles(s, {fixtures::kRealDir / r.file});
    const auto e = s.getEvent(r.event);
    EXPECT_EQ(e.location, r.location);
    EXPECT_EQ(e.place.country, "MYS");
    EXPECT_EQ(e.place.latitude, r.latitude);
    EXPECT_EQ(e.place.longitude, r.longitude);
    EXPECT_EQ(e.place.gazetteer, r.gazetteer);
    for (const auto& k : r.notAttributes) EXPECT_EQ(e.attributes.count(k), 0u) << k;
    for (const auto& k : r.attributes) EXPECT_EQ(e.attributes.count(k), 1u) << k;
}

TEST(EventFilePlaces, IcewsLocationColumnsAreThePlace) {
    // Event ID 32891072: City "Kuala Lumpur", District NA, Province "Kuala Lumpur", Country
    // "Malaysia", Latitude 3.1412, Longitude 101.687.
    expectPlace({"icews-events.2018.sample.tab",
                 "icews/32891072/2018-06-01",
                 "Kuala Lumpur, Kuala Lumpur, Malaysia",
                 3.1412,
                 101.687,
                 std::nullopt,
                 {"city", "district", "province", "country", "latitude", "longitude"},
                 {}});
}

TEST(EventFilePlaces, GdeltActionGeoIsThePlaceWithItsGnsFeatureId) {
    // GLOBALEVENTID 564111724: ActionGeo_FullName "Kuala Lumpur, Kuala Lumpur, Malaysia",
    // CountryCode MY (FIPS), Lat 3.16667, Long 101.7, FeatureID -2403010.
    expectPlace({"gdelt1-daily-20160728.sample.CSV",
                 "gdelt/564111724",
                 "Kuala Lumpur, Kuala Lumpur, Malaysia",
                 3.16667,
                 101.7,
                 "gns:-2403010",
                 {"action_geo_full_name", "action_geo_country_code", "action_geo_lat",
                  "action_geo_long", "action_geo_feature_id"},
                 {"action_geo_adm1_code"}});
}

}  // namespace
}  // namespace bilateral
