// Real event files as published (tests/data/real/README.md says where each comes from): an
// ICEWS Dataverse 2018 file with its NA markers, GDELT 1.0 daily and historical rows, a GDELT 2.0
// export as its .zip. The expected values were read off the files (awk), not off the importer.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "bilateral/error.hpp"
#include "bilateral/export/from_storage.hpp"
#include "bilateral/import/events.hpp"
#include "bilateral/import/from_storage.hpp"
#include "bilateral/import/import.hpp"
#include "bilateral/query/from_storage.hpp"
#include "bilateral/query/queries.hpp"
#include "fixtures/temp_files.hpp"
#include "sqlite/store.hpp"

namespace bilateral {
namespace {

namespace fs = std::filesystem;

const fs::path kReal = fs::path(BILATERAL_SOURCE_DIR) / "tests" / "data" / "real";
const fs::path kIcews = kReal / "icews-events.2018.sample.tab";
const fs::path kGdelt1Daily = kReal / "gdelt1-daily-20160728.sample.CSV";
const fs::path kGdelt1Historical = kReal / "gdelt1-historical-1982.sample.CSV.gz";
const fs::path kGdelt2 = kReal / "20250807220000.export.CSV.zip";

bool hasAlias(const model::Actor& a, const std::string& alias) {
    return std::find(a.aliases.begin(), a.aliases.end(), alias) != a.aliases.end();
}

class RealFiles : public ::testing::Test {
protected:
    sqlite::Store store_ = sqlite::Store::memory();
};

TEST_F(RealFiles, IcewsDataverse2018LoadsWithNaAsMissing) {
    const auto s = io::importFiles(store_, {kIcews});
    ASSERT_EQ(s.size(), 1U);
    EXPECT_EQ(s[0].format, io::Format::Icews);
    EXPECT_EQ(s[0].rows, 251);
    EXPECT_EQ(s[0].events, 251);  // 251 distinct (Event ID, Event Date)
    EXPECT_EQ(s[0].participations, 502);
    EXPECT_TRUE(s[0].badRows.empty());

    // Line 251 (Event ID 32891407): Latitude, Longitude, Country, City, District, Province and
    // Source Country are NA; only the real values are kept.
    const auto e = store_.getEvent("icews/32891407/2018-06-01");
    EXPECT_EQ(e.attributes.size(), 3U);
    EXPECT_EQ(e.attributes.count("latitude"), 0U);
    EXPECT_EQ(e.attributes.count("city"), 0U);
    EXPECT_EQ(e.attributes.count("country"), 0U);
    EXPECT_EQ(std::get<std::string>(e.attributes.at("publisher")), "The New York Times");
    EXPECT_FALSE(e.location.has_value());  // [places] no place either
    EXPECT_TRUE(e.place.empty());

    // No value anywhere is the NA marker, no actor has country NA.
    for (const auto& ev : store_.events()) {
        for (const auto& [key, value] : ev.attributes) {
            const auto* text = std::get_if<std::string>(&value);
            EXPECT_FALSE(text && *text == "NA") << ev.id << " " << key;
        }
    }
    for (const auto& a : store_.actors()) {
        EXPECT_NE(a.country.value_or(""), "NA") << a.id;
        EXPECT_NE(a.country.value_or(""), "na") << a.id;
        EXPECT_NE(a.name, "NA") << a.id;
        EXPECT_EQ(a.attributes.count("icews_country"), 0U) << a.id;
        if (a.attributes.count("sectors")) {
            EXPECT_NE(std::get<std::string>(a.attributes.at("sectors")), "NA") << a.id;
        }
    }
    EXPECT_FALSE(store_.findActor("country/na"));

    // International organisations (Source or Target Country NA) are blocs without a country.
    for (const auto* id : {"icews/igo/Shanghai Cooperation Organization",
                           "icews/igo/United Nations", "icews/igo/European Union"}) {
        const auto a = store_.findActor(id);
        ASSERT_TRUE(a) << id;
        EXPECT_EQ(a->kind, model::ActorKind::Bloc) << id;
        EXPECT_FALSE(a->country) << id;
    }
    // Japan as written (sectors NA) is the country actor.
    EXPECT_EQ(store_.getActor("country/JPN").name, "Japan");
    EXPECT_EQ(store_.getActor("icews/JPN/Aso Taro").kind, model::ActorKind::Person);
}

TEST_F(RealFiles, Gdelt1DailyKeepsEveryNameOfACodeMergedActor) {
    const auto s = io::importFiles(store_, {kGdelt1Daily});
    EXPECT_EQ(s[0].format, io::Format::Gdelt);
    EXPECT_EQ(s[0].rows, 200);
    EXPECT_EQ(s[0].events, 200);
    EXPECT_NE(
        store_.findSource("source/gdelt/gdelt1-daily-20160728.sample.CSV")->title.find("GDELT 1.0"),
        std::string::npos);

    // COP without a country: rows call it POLICE (first), POLICE OFFICER, POLICEMAN, TROOPER...
    const auto cop = store_.getActor("gdelt/none/COP");
    EXPECT_EQ(cop.name, "POLICE");
    for (const auto* alias : {"POLICE OFFICER", "POLICEMAN", "TROOPER", "CONSTABLE", "DETECTIVE"}) {
        EXPECT_TRUE(hasAlias(cop, alias)) << alias;
    }
    EXPECT_FALSE(hasAlias(cop, "POLICE"));  // its own name is no alias
    // The US government: JOE BIDEN first, then UNITED STATES, HILLARY CLINTON, ...
    const auto gov = store_.getActor("gdelt/USA/USAGOV");
    EXPECT_EQ(gov.name, "JOE BIDEN");
    EXPECT_TRUE(hasAlias(gov, "UNITED STATES"));
    EXPECT_TRUE(hasAlias(gov, "HILLARY CLINTON"));

    // Search finds an actor by any name a row gave it.
    const auto hits = query::search(store_, "policeman", 5);
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits.front().id, "gdelt/none/COP");
    // Several actors carry "UNITED STATES"; the country actor's own name wins.
    EXPECT_EQ(query::resolveActor(store_, "United States"), "country/USA");
    EXPECT_EQ(query::search(store_, "united states", 5).front().id, "country/USA");
    EXPECT_EQ(query::resolveActor(store_, "hillary clinton"), "gdelt/USA/USAGOV");
}

TEST_F(RealFiles, Gdelt1HistoricalRowsOf57ColumnsLoadFromGzip) {
    const auto s = io::importFiles(store_, {kGdelt1Historical});
    EXPECT_EQ(s[0].format, io::Format::Gdelt);
    EXPECT_EQ(s[0].rows, 201);
    EXPECT_EQ(s[0].events, 201);
    EXPECT_EQ(s[0].sources, 1);  // no SOURCEURL in historical rows: only the file's source
    const auto e = store_.getEvent("gdelt/1552829");
    EXPECT_EQ(e.start->toString(), "1982-01-02");
    EXPECT_EQ(std::get<std::int64_t>(e.attributes.at("date_added")), 20130203);
    EXPECT_EQ(e.attributes.count("action_geo_adm2_code"), 0U);  // not in GDELT 1.0
}

TEST_F(RealFiles, Gdelt2ExportLoadsFromItsZip) {
    const auto s = io::importFiles(store_, {kGdelt2});
    EXPECT_EQ(s[0].format, io::Format::Gdelt);
    EXPECT_EQ(s[0].file, kGdelt2.string() + ":20250807220000.export.CSV");
    EXPECT_EQ(s[0].rows, 82);
    EXPECT_EQ(s[0].events, 82);
    EXPECT_TRUE(store_.findSource("source/gdelt/20250807220000.export.CSV.zip"));
    const auto e = store_.getEvent("gdelt/1256322794");
    EXPECT_EQ(e.cameo, "1031");
    EXPECT_EQ(std::get<std::string>(e.attributes.at("event_base_code")), "103");
    // ADM2 codes, new in 2.0, are kept.
    EXPECT_EQ(std::get<std::string>(
                  store_.getEvent("gdelt/1256322774").attributes.at("actor1_geo_adm2_code")),
              "MN143");
    EXPECT_TRUE(hasAlias(store_.getActor("gdelt/none/COP"), "TROOPER"));
    // South Sudan's code, newer than the CAMEO 1.1b3 list, is a country.
    EXPECT_EQ(store_.getActor("country/SSD").name, "South Sudan");
}

TEST_F(RealFiles, AllFormatsTogetherInOneImport) {
    const auto s = io::importFiles(store_, {kIcews, kGdelt1Daily, kGdelt1Historical, kGdelt2});
    ASSERT_EQ(s.size(), 4U);
    const auto counts = store_.counts();
    EXPECT_EQ(counts.events, 251 + 200 + 201 + 82);
}

// --- bad rows --------------------------------------------------------------------------------

class RealFileWithABadRow : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = bilateral::fixtures::tempFolder("real");
        fs::create_directories(dir_);
        // Line 5 of the ICEWS file, with its Latitude (field 19) made unreadable.
        std::ifstream in(kIcews);
        std::ostringstream out;
        std::string line;
        for (int n = 1; std::getline(in, line); ++n) {
            if (n == 5) {
                std::size_t at = 0;
                for (int tab = 0; tab < 18; ++tab) at = line.find('\t', at) + 1;
                line.replace(at, line.find('\t', at) - at, "north");
            }
            out << line << '\n';
        }
        file_ = dir_ / "events.2018.tab";
        std::ofstream(file_) << out.str();
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path dir_, file_;
    sqlite::Store store_ = sqlite::Store::memory();
};

TEST_F(RealFileWithABadRow, IsRefusedWholeNamingFileLineAndColumn) {
    try {
        io::importFiles(store_, {file_});
        FAIL() << "imported";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), file_.string());
        EXPECT_EQ(e.location(), "line 5, column Latitude");
        EXPECT_EQ(e.reason(), "\"north\" is not a number");
    }
    EXPECT_EQ(store_.counts().events, 0);
    EXPECT_EQ(store_.counts().actors, 0);
}

TEST_F(RealFileWithABadRow, SkipBadRowsImportsTheRestAndListsTheRow) {
    io::ImportOptions options;
    options.skipBadRows = true;
    const auto s = io::importFiles(store_, {file_}, options);
    ASSERT_EQ(s[0].badRows.size(), 1U);
    EXPECT_EQ(s[0].badRows[0].location, "line 5, column Latitude");
    EXPECT_EQ(s[0].badRows[0].reason, "\"north\" is not a number");
    EXPECT_EQ(s[0].rows, 251);
    EXPECT_EQ(s[0].events, 250);
    // Line 5 is Event ID 32891065 (Japan → Vietnam); nothing of it was written.
    EXPECT_FALSE(store_.findEvent("icews/32891065/2018-06-01"));
}

}  // namespace
}  // namespace bilateral
