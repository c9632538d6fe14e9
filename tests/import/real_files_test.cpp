// Real event files as published (tests/data/real/README.md says where each comes from): an
// ICEWS Dataverse 2018 file with its NA markers, GDELT 1.0 daily and historical rows, a GDELT 2.0
// export as its .zip. The expected values were read off the files (awk), not off the importer.

#include <gtest/gtest.h>
#include <unistd.h>

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
#include "fixtures/import_checks.hpp"
#include "fixtures/real_samples.hpp"
#include "fixtures/temp_files.hpp"
#include "line_reader.hpp"
#include "sqlite/store.hpp"

namespace bilateral {
namespace {

namespace fs = std::filesystem;

bool hasAlias(const model::Actor& a, const std::string& alias) {
    return std::find(a.aliases.begin(), a.aliases.end(), alias) != a.aliases.end();
}

class RealFiles : public ::testing::Test {
protected:
    /// Each actor (by id) is there, of its kind.
    void expectKinds(const std::vector<std::pair<std::string, model::ActorKind>>& want) {
        for (const auto& [id, kind] : want) {
            const auto a = store_.findActor(id);
            ASSERT_TRUE(a) << id;
            EXPECT_EQ(model::toString(a->kind), model::toString(kind)) << id;
        }
    }

    sqlite::Store store_ = sqlite::Store::memory();
};

TEST_F(RealFiles, IcewsDataverse2018LoadsWithNaAsMissing) {
    const auto s = io::importFiles(store_, {fixtures::kIcewsSample});
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

// Issue 20: ICEWS's sectors, read with the name, give the kinds: people whatever their sectors
// (the EU's Antonio Tajani was a bloc), armed groups, armed forces, state organs, parties.
TEST_F(RealFiles, IcewsKindsComeFromSectorsAndName) {
    (void)io::importFiles(store_, {fixtures::kIcewsSample});
    expectKinds({
        {"icews/igo/Antonio Tajani", model::ActorKind::Person},
        {"icews/USA/Mike Pompeo", model::ActorKind::Person},
        {"icews/USA/James Mattis", model::ActorKind::Person},  // sectors Military, Marines
        {"icews/igo/United Nations", model::ActorKind::Bloc},
        {"icews/igo/European Union", model::ActorKind::Bloc},
        {"icews/igo/Criminal (Al Qaeda)", model::ActorKind::ArmedGroup},
        {"icews/IND/Military (India)", model::ActorKind::Military},
        {"icews/CHN/Foreign Affairs (China)", model::ActorKind::GovernmentBody},
        {"icews/IND/Election Commission of India", model::ActorKind::GovernmentBody},
        {"icews/PSE/Hamas", model::ActorKind::Organisation},  // sectors Parties, NGO
        {"icews/IND/Rashtriya Janata Dal", model::ActorKind::Organisation},
        {"icews/AFG/Taliban", model::ActorKind::ArmedGroup},
        {"icews/ZAF/Business (South Africa)", model::ActorKind::Group},
    });
}

// Issue 20: GDELT's type codes give the kinds (Actor1Type1Code, then Type2 and Type3).
TEST_F(RealFiles, GdeltKindsComeFromTypeCodes) {
    (void)io::importFiles(store_, {fixtures::kGdelt1DailySample});
    expectKinds({
        {"gdelt/USA/USAGOV", model::ActorKind::GovernmentBody},
        {"gdelt/none/MIL", model::ActorKind::Military},
        {"gdelt/none/JEWUAF", model::ActorKind::ArmedGroup},
        {"gdelt/none/NGOXFM", model::ActorKind::Organisation},
        {"gdelt/DNK/NGODNKREF", model::ActorKind::Organisation},
        {"gdelt/none/IGOUNOGOV", model::ActorKind::Bloc},
    });
}

TEST_F(RealFiles, Gdelt1DailyKeepsEveryNameOfACodeMergedActor) {
    const auto s = io::importFiles(store_, {fixtures::kGdelt1DailySample});
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
    const auto s = io::importFiles(store_, {fixtures::kGdelt1HistoricalSample});
    EXPECT_EQ(s[0].format, io::Format::Gdelt);
    EXPECT_EQ(s[0].rows, 201);
    EXPECT_EQ(s[0].events, 201);
    EXPECT_EQ(s[0].sources, 1);  // no SOURCEURL in historical rows: only the file's source
    const auto e = store_.getEvent("gdelt/1552829");
    EXPECT_EQ(e.start->toString(), "1982-01-02");
    EXPECT_EQ(std::get<std::int64_t>(e.attributes.at("date_added")), 20130203);
    EXPECT_EQ(e.attributes.count("action_geo_adm2_code"), 0U);  // not in GDELT 1.0
}

/// The lines of a file as published (a .gz read through the importers' own reader).
std::vector<std::string> linesOf(const fs::path& file) {
    io::detail::LineReader in(file, {});
    std::vector<std::string> out;
    std::string_view line;
    while (in.next(line)) out.emplace_back(line);
    return out;
}

// Issue 20: a researcher's GDELT 1.0 file mixing daily rows (58 columns) and historical rows
// (57, no SOURCEURL) loads whole, each row read by its own length.
TEST_F(RealFiles, Gdelt1FileMixingDailyAndHistoricalRowsLoadsWhole) {
    const auto daily = linesOf(fixtures::kGdelt1DailySample);
    const auto historical = linesOf(fixtures::kGdelt1HistoricalSample);
    ASSERT_EQ(daily.size(), 200U);
    ASSERT_EQ(historical.size(), 201U);
    // 100 daily rows, every historical row, the other 100 daily rows.
    std::string text;
    for (std::size_t i = 0; i < 100; ++i) text += daily[i] + "\n";
    for (const auto& l : historical) text += l + "\n";
    for (std::size_t i = 100; i < daily.size(); ++i) text += daily[i] + "\n";
    const auto dir = fixtures::tempFolder("mixed");
    fs::create_directories(dir);
    const auto mixed = dir / "gdelt1-mixed.CSV";
    std::ofstream(mixed, std::ios::binary) << text;
    const auto s = io::importFiles(store_, {mixed});
    fs::remove_all(dir);
    ASSERT_EQ(s.size(), 1U);
    EXPECT_EQ(s[0].rows, 401);
    EXPECT_EQ(s[0].events, 401);
    EXPECT_TRUE(s[0].badRows.empty());
    // A historical row (57 fields): its day, no evidence page; a daily one (58) cites its page.
    const auto old = store_.getEvent("gdelt/1552829");
    EXPECT_EQ(old.start->toString(), "1982-01-02");
    EXPECT_TRUE(old.evidence.empty());
    const auto recent = store_.getEvent("gdelt/564111644");
    EXPECT_EQ(recent.start->toString(), "2006-07-31");
    ASSERT_EQ(recent.evidence.size(), 1U);
    EXPECT_EQ(recent.evidence[0].source.rfind("source/url/http", 0), 0U)
        << recent.evidence[0].source;
}

TEST_F(RealFiles, Gdelt2ExportLoadsFromItsZip) {
    const auto s = io::importFiles(store_, {fixtures::kGdelt2Sample});
    EXPECT_EQ(s[0].format, io::Format::Gdelt);
    EXPECT_EQ(s[0].file, fixtures::kGdelt2Sample.string() + ":20250807220000.export.CSV");
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

/// The events that are a meeting of their own (the first row of each meeting).
std::int64_t meetingsIn(sqlite::Store& store) {
    std::int64_t n = 0;
    for (const auto& e : store.events()) n += e.meeting ? 0 : 1;
    return n;
}

/// Writes `lines` to `dir/name`.
fs::path writeLines(const fs::path& dir, const std::string& name,
                    const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& l : lines) text += l + "\n";
    const auto p = dir / name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
}

// Issue 20: rows of one meeting that fall in two files (GDELT's fifteen-minute files, imported
// one by one) are one meeting, as when the rows come in one file; and each file imported
// again adds nothing. The real GDELT 1.0 daily rows, dealt alternately into two files.
TEST_F(RealFiles, AMeetingSplitOverTwoImportsIsCountedOnce) {
    const auto lines = linesOf(fixtures::kGdelt1DailySample);
    std::vector<std::string> odd, even;
    for (std::size_t i = 0; i < lines.size(); ++i) (i % 2 ? odd : even).push_back(lines[i]);
    const auto dir = fixtures::tempFolder("split");
    fs::create_directories(dir);
    const auto first = writeLines(dir, "20160728-a.CSV", even);
    const auto second = writeLines(dir, "20160728-b.CSV", odd);

    auto whole = sqlite::Store::memory();
    (void)io::importFiles(whole, {fixtures::kGdelt1DailySample});
    ASSERT_EQ(meetingsIn(whole), 191);  // docs/event-data.md: 200 rows, 191 meetings

    const auto a = io::importFiles(store_, {first});
    const auto b = io::importFiles(store_, {second});
    EXPECT_EQ(a[0].events + b[0].events, 200);
    EXPECT_EQ(a[0].regrouped + b[0].regrouped, 9);
    EXPECT_GT(b[0].regrouped, 0);  // some rows of the second file join the first file's meetings
    EXPECT_EQ(meetingsIn(store_), 191);

    // Each file again: nothing added, nothing regrouped, the meetings as they were.
    const auto before = store_.counts();
    for (const auto& file : {first, second}) {
        const auto again = io::importFiles(store_, {file});
        EXPECT_EQ(again[0].events, 0);
        EXPECT_EQ(again[0].skipped, again[0].rows);
        EXPECT_EQ(again[0].actors + again[0].relations + again[0].participations, 0);
        EXPECT_EQ(again[0].regrouped, 0);
    }
    fixtures::expectSameCounts(store_.counts(), before);
    EXPECT_EQ(meetingsIn(store_), 191);
    fs::remove_all(dir);
}

// Issue 20: each real sample imported a second time adds nothing: no event, actor, alias,
// relation, participation, evidence or source.
TEST_F(RealFiles, EachRealFileImportedTwiceAddsNothing) {
    for (const auto& file : {fixtures::kIcewsSample, fixtures::kGdelt1DailySample,
                             fixtures::kGdelt1HistoricalSample, fixtures::kGdelt2Sample}) {
        auto store = sqlite::Store::memory();
        const auto first = io::importFiles(store, {file});
        const auto before = store.counts();
        std::size_t aliases = 0;
        for (const auto& actor : store.actors()) aliases += actor.aliases.size();
        const auto again = io::importFiles(store, {file});
        EXPECT_EQ(again[0].rows, first[0].rows) << file;
        EXPECT_EQ(again[0].skipped, first[0].rows) << file;
        EXPECT_EQ(again[0].events + again[0].actors + again[0].relations + again[0].participations +
                      again[0].regrouped,
                  0)
            << file;
        const auto after = store.counts();
        EXPECT_EQ(after.events, before.events) << file;
        EXPECT_EQ(after.actors, before.actors) << file;
        EXPECT_EQ(after.relations, before.relations) << file;
        EXPECT_EQ(after.participations, before.participations) << file;
        EXPECT_EQ(after.evidence, before.evidence) << file;
        EXPECT_EQ(after.sources, before.sources) << file;
        std::size_t aliasesAfter = 0;
        for (const auto& actor : store.actors()) aliasesAfter += actor.aliases.size();
        EXPECT_EQ(aliasesAfter, aliases) << file;
    }
}

TEST_F(RealFiles, AllFormatsTogetherInOneImport) {
    const auto s =
        io::importFiles(store_, {fixtures::kIcewsSample, fixtures::kGdelt1DailySample,
                                 fixtures::kGdelt1HistoricalSample, fixtures::kGdelt2Sample});
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
        std::ifstream in(fixtures::kIcewsSample);
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
