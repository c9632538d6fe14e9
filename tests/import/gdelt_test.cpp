// GDELT 2.0 event files: 61 columns without header, YYYYMMDD dates, actors keyed by code and
// country, CAMEO codes as strings, the source URL kept as the event's evidence.

#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <fstream>

#include "bilateral/error.hpp"
#include "bilateral/export/from_storage.hpp"
#include "bilateral/import/events.hpp"
#include "bilateral/import/from_storage.hpp"
#include "bilateral/import/import.hpp"
#include "fixtures/event_files.hpp"
#include "sqlite/store.hpp"

namespace fs = std::filesystem;
using namespace bilateral;
using namespace bilateral::fixtures;

namespace {

using GdeltRow = std::array<std::string, 61>;

GdeltRow meeting() {
    GdeltRow r;
    r[0] = "1037392512";                   // GLOBALEVENTID
    r[1] = "20220415";                     // SQLDATE
    r[2] = "202204";                       // MonthYear
    r[3] = "2022";                         // Year
    r[4] = "2022.2877";                    // FractionDate
    r[5] = "MYSGOV";                       // Actor1Code
    r[6] = "MALAYSIA";                     // Actor1Name
    r[7] = "MYS";                          // Actor1CountryCode
    r[12] = "GOV";                         // Actor1Type1Code
    r[15] = "ITA";                         // Actor2Code
    r[16] = "ITALY";                       // Actor2Name
    r[17] = "ITA";                         // Actor2CountryCode
    r[25] = "1";                           // IsRootEvent
    r[26] = "042";                         // EventCode
    r[27] = "042";                         // EventBaseCode
    r[28] = "04";                          // EventRootCode
    r[29] = "1";                           // QuadClass
    r[30] = "1.9";                         // GoldsteinScale
    r[31] = "10";                          // NumMentions
    r[32] = "2";                           // NumSources
    r[33] = "10";                          // NumArticles
    r[34] = "-1.25";                       // AvgTone
    r[51] = "4";                           // ActionGeo_Type
    r[52] = "Rome, Lazio, Italy";          // ActionGeo_FullName
    r[53] = "IT";                          // ActionGeo_CountryCode
    r[56] = "41.9";                        // ActionGeo_Lat
    r[57] = "12.4833";                     // ActionGeo_Long
    r[58] = "-126693";                     // ActionGeo_FeatureID
    r[59] = "20220415134500";              // DATEADDED
    r[60] = "https://example.org/news/1";  // SOURCEURL
    return r;
}

std::string line(const GdeltRow& r) {
    std::string s;
    for (std::size_t i = 0; i < r.size(); ++i) s += (i ? "\t" : "") + r[i];
    return s + "\n";
}

class GdeltTest : public fixtures::EventFileTest {
protected:
    GdeltTest() : EventFileTest(io::Format::Gdelt) {}
};

}  // namespace

TEST_F(GdeltTest, Loads61ColumnRows) {
    auto one = meeting();
    one[0] = "1037392513";
    one[5] = "USAGOV";
    one[6] = "UNITED STATES";
    one[7] = "USA";
    one[15] = "";
    one[16] = "";
    one[17] = "";
    one[26] = "0311";
    one[30] = "5.2";
    one[60] = "https://example.org/news/2";
    const auto file = write("20220415134500.export.CSV", line(meeting()) + line(one));
    const auto s = load(file, io::Format::Auto);
    ASSERT_EQ(s.size(), 1U);
    EXPECT_EQ(s[0].format, io::Format::Gdelt);
    // Sources: the file and two pages.
    expectSummary(s[0], {.rows = 2, .sources = 3, .events = 2, .participations = 3});

    const auto e = store_.getEvent("gdelt/1037392512");
    expectCodedEvent(e,
                     {model::EventKind::OfficialVisit, "Make a visit", "042", "2022-04-15", 1.9});
    EXPECT_EQ(e.attributes.at("event_root_code"), model::AttributeValue(std::string("04")));
    EXPECT_EQ(e.attributes.at("quad_class"), model::AttributeValue(std::int64_t{1}));
    EXPECT_EQ(e.attributes.at("avg_tone"), model::AttributeValue(-1.25));
    // [places] ActionGeo_* is the event's place: the FIPS country as ISO alpha-3, the feature id
    // as a GNS id. The ADM codes and the geo type stay attributes.
    EXPECT_EQ(e.location, "Rome, Lazio, Italy");
    EXPECT_EQ(e.place.country, "ITA");
    EXPECT_EQ(e.place.gazetteer, "gns:-126693");
    for (const char* k : {"action_geo_full_name", "action_geo_feature_id",
                          "action_geo_country_code", "action_geo_lat", "action_geo_long"})
        EXPECT_EQ(e.attributes.count(k), 0U) << k;
    EXPECT_EQ(e.attributes.at("date_added"), model::AttributeValue(std::int64_t{20220415134500}));

    // The source URL is the event's evidence.
    ASSERT_EQ(e.evidence.size(), 1U);
    EXPECT_EQ(e.evidence[0].source, "source/url/https://example.org/news/1");
    const auto page = store_.findSource("source/url/https://example.org/news/1");
    ASSERT_TRUE(page.has_value());
    EXPECT_EQ(page->url, "https://example.org/news/1");
    EXPECT_TRUE(store_.findSource("source/gdelt/20220415134500.export.CSV").has_value());

    const auto two = store_.getEvent("gdelt/1037392513");
    EXPECT_EQ(two.cameo, "0311");  // the leading zero is kept
    EXPECT_EQ(two.participants.size(), 1U);
    EXPECT_EQ(roleOf(two, "gdelt/USA/USAGOV"), "source");
}

TEST_F(GdeltTest, ActorsAreKeyedByCodeAndCountry) {
    load(write("a.CSV", line(meeting())));
    const auto e = store_.getEvent("gdelt/1037392512");
    EXPECT_EQ(roleOf(e, "gdelt/MYS/MYSGOV"), "guest");
    EXPECT_EQ(roleOf(e, "country/ITA"), "host");  // the code is the country's own
    const auto gov = store_.getActor("gdelt/MYS/MYSGOV");
    EXPECT_EQ(gov.name, "MALAYSIA");
    EXPECT_EQ(gov.kind, model::ActorKind::GovernmentBody);
    EXPECT_EQ(gov.country, "MYS");
    EXPECT_EQ(gov.attributes.at("type1_code"), model::AttributeValue(std::string("GOV")));
    const auto rel = store_.findRelation("affiliation/gdelt/MYS/MYSGOV");
    ASSERT_TRUE(rel.has_value());
    EXPECT_EQ(rel->to, "country/MYS");
    EXPECT_EQ(store_.getActor("country/ITA").name, "Italy");
}

TEST_F(GdeltTest, CameoCountryCodesMapToIso3AndRegionsAreKept) {
    auto r = meeting();
    r[5] = "ROMGOV";
    r[7] = "ROM";  // CAMEO's Romania
    r[15] = "EURBUS";
    r[16] = "EUROPE";
    r[17] = "EUR";  // a region, no country
    r[22] = "BUS";
    load(write("r.CSV", line(r)));
    EXPECT_EQ(store_.getActor("gdelt/ROU/ROMGOV").country, "ROU");
    const auto eur = store_.getActor("gdelt/EUR/EURBUS");
    EXPECT_FALSE(eur.country.has_value());
    EXPECT_EQ(eur.kind, model::ActorKind::Company);
    EXPECT_EQ(eur.attributes.at("cameo_country"), model::AttributeValue(std::string("EUR")));
}

TEST_F(GdeltTest, LoadingTwiceAddsNothing) {
    const auto file = write("twice.CSV", line(meeting()));
    load(file);
    const auto before = store_.counts();
    const auto s = load(file);
    EXPECT_EQ(s[0].events, 0);
    EXPECT_EQ(s[0].skipped, 1);
    fixtures::expectSameCounts(store_.counts(), before);
}

TEST_F(GdeltTest, WrongColumnCountIsAnError) {
    auto text = line(meeting());
    text += "1\t20220101\tx\n";
    const auto e = loadFails(write("short.CSV", text));
    EXPECT_EQ(e.location(), "line 2");
    EXPECT_NE(e.reason().find("expected 61"), std::string::npos);
    EXPECT_EQ(store_.counts().events, 0);
}

// A GDELT 1.0 file takes rows of 57 and 58 fields (historical and daily rows), no other count;
// a 2.0 file only rows of 61.
TEST_F(GdeltTest, Gdelt1RowsMayHave57Or58FieldsAndNoOther) {
    auto v1 = [](std::size_t fields, const std::string& id) {
        std::string s = id + "\t20220415\t202204\t2022\t2022.2877\tMYS\tMALAYSIA\tMYS";
        for (std::size_t i = 8; i < fields; ++i) s += i == 26 ? "\t040" : "\t";
        return s + "\n";
    };
    const auto ok = load(write("v1.CSV", v1(57, "1") + v1(58, "2") + v1(57, "3")));
    EXPECT_EQ(ok[0].events, 3);
    const auto e = loadFails(write("v1-bad.CSV", v1(58, "4") + v1(59, "5")));
    EXPECT_EQ(e.location(), "line 2");
    EXPECT_NE(
        e.reason().find("expected 57 or 58 tab-separated fields (GDELT 1.0 events), found 59"),
        std::string::npos)
        << e.reason();
    auto v2 = line(meeting());
    const auto e2 = loadFails(write("v2-bad.CSV", v2 + v1(58, "6")));
    EXPECT_NE(e2.reason().find("expected 61 tab-separated fields"), std::string::npos)
        << e2.reason();
}

TEST_F(GdeltTest, StrictFields) {
    struct Case {
        std::size_t column;
        std::string value, location;
    };
    const std::vector<Case> cases{
        {0, "x12", "line 1, column GLOBALEVENTID"},    {1, "2022-04-15", "line 1, column SQLDATE"},
        {1, "20220231", "line 1, column SQLDATE"},     {26, "", "line 1, column EventCode"},
        {30, "n/a", "line 1, column GoldsteinScale"},  {31, "many", "line 1, column NumMentions"},
        {56, "north", "line 1, column ActionGeo_Lat"},
    };
    for (const auto& c : cases) {
        auto r = meeting();
        r[c.column] = c.value;
        const auto e = loadFails(write("strict.CSV", line(r)));
        EXPECT_EQ(e.location(), c.location) << c.column << "=" << c.value << ": " << e.what();
    }
    EXPECT_EQ(store_.counts().events, 0);
}

TEST_F(GdeltTest, EmptyFileIsAnError) {
    const auto e = loadFails(write("empty.CSV", ""));
    EXPECT_EQ(e.location(), "line 1");
}

TEST_F(GdeltTest, EventIdsArePublic) {
    EXPECT_EQ(io::gdeltEventId("1037392512"), "gdelt/1037392512");
}
