// [trend] Trends and pairs from the figures kept at import (schema version 5), checked against
// the real ICEWS and GDELT samples of tests/data/real: every expected number was read off the
// files' rows with awk (the rows are quoted beside each test), not off the importer. The upkeep
// of the figures through replacements is checked against a rebuild in derived_test.cpp.

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <numeric>

#include "bilateral/import/from_storage.hpp"
#include "bilateral/import/import.hpp"
#include "bilateral/query/from_storage.hpp"
#include "bilateral/rules/trend.hpp"
#include "fixtures/real_samples.hpp"
#include "fixtures/temp_files.hpp"
#include "sqlite/store.hpp"
#include "sqlite/store_impl.hpp"

namespace bilateral {
namespace {

namespace fs = std::filesystem;

const fs::path kBundled = fs::path(BILATERAL_SOURCE_DIR) / "data" / "italy-malaysia-2025.json";

model::Date day(const char* text) {
    return model::Date::parse(text);
}

query::TrendOptions window(const char* from, const char* to, query::TrendPeriod by) {
    query::TrendOptions o;
    o.window.from = day(from);
    o.window.to = day(to);
    o.by = by;
    return o;
}

storage::TrendSubject dyad(const char* a, const char* b, bool directed = false) {
    return {a, b, directed, std::nullopt};
}

std::int64_t totalEvents(const query::TrendAnswer& t) {
    return std::accumulate(
        t.rows.begin(), t.rows.end(), std::int64_t{0},
        [](std::int64_t n, const query::TrendRow& r) { return n + r.figures.events; });
}

class Trend : public ::testing::Test {
protected:
    void load(const fs::path& file) { (void)io::importFiles(store_, {file}); }
    sqlite::Store store_ = sqlite::Store::memory();
};

// GDELT 2.0 rows of the United Arab Emirates and the United States (GLOBALEVENTID, SQLDATE,
// Actor1 country, Actor2 country, EventCode, QuadClass, Goldstein, NumMentions, AvgTone):
//   1256322778 20250731 ARE USA 040 1 1.0 1 -1.53714773697694   (and 1256322779, the same)
//   1256322782 20250731 USA ARE 040 1 1.0 1 -1.53714773697694   (and 1256322783, the same)
// Four rows of one meeting (one pair of actors, one day, one CAMEO root).
TEST_F(Trend, AGdeltDyadByDayHasItsRowsItsMeetingOnceAndZerosAround) {
    load(fixtures::kGdelt2Sample);
    const auto t = query::trend(store_, dyad("USA", "ARE"),
                                window("2025-07-30", "2025-08-01", query::TrendPeriod::Day));
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(t.rows[0].period, "2025-07-30");
    EXPECT_EQ(t.rows[0].figures.events, 0);
    EXPECT_FALSE(t.rows[0].figures.goldsteinMean.has_value());
    EXPECT_FALSE(t.rows[0].figures.goldsteinSum.has_value());  // no score: no sum, not 0
    const auto& f = t.rows[1].figures;
    EXPECT_EQ(t.rows[1].period, "2025-07-31");
    EXPECT_EQ(f.events, 4);
    EXPECT_EQ(f.meetings, 1);
    EXPECT_EQ(f.goldsteinEvents, 4);
    EXPECT_DOUBLE_EQ(f.goldsteinSum.value_or(0), 4.0);
    EXPECT_DOUBLE_EQ(*f.goldsteinMean, 1.0);
    EXPECT_NEAR(*f.tone, -1.53714773697694, 1e-12);
    EXPECT_EQ(t.rows[2].figures.events, 0);
    // Either order names the same dyad.
    const auto back = query::trend(store_, dyad("ARE", "USA"),
                                   window("2025-07-30", "2025-08-01", query::TrendPeriod::Day));
    EXPECT_EQ(back.rows[1].figures.events, 4);
}

// Directed: Actor1 is the source, Actor2 the target. 1256322780 20250731 COD SLE 130 (one row).
TEST_F(Trend, ADirectedDyadCountsOnlyItsDirection) {
    load(fixtures::kGdelt2Sample);
    const auto o = window("2025-07", "2025-07", query::TrendPeriod::Month);
    EXPECT_EQ(totalEvents(query::trend(store_, dyad("USA", "ARE", true), o)), 2);
    EXPECT_EQ(totalEvents(query::trend(store_, dyad("ARE", "USA", true), o)), 2);
    EXPECT_EQ(totalEvents(query::trend(store_, dyad("COD", "SLE", true), o)), 1);
    EXPECT_EQ(totalEvents(query::trend(store_, dyad("SLE", "COD", true), o)), 0);
    EXPECT_EQ(totalEvents(query::trend(store_, dyad("SLE", "COD"), o)), 1);
}

// The United States in July and August 2025 (rows with USA in either actor country):
//   1256322774, 775  20250708 USA USA 173 4 -5.0 mentions 6, 4  tone -9.91253644314865
//   1256322778, 779, 782, 783  20250731 (above)
//   1256322843..851  20250807 (Actor2 only) roots 01 02 03 03 04 04 04 04 04, Goldstein
//   0 3 4 4 1 1 1 1.9 1.9, mentions 2 1 10 2 2 8 2 1 6, tones below.
TEST_F(Trend, ACountryByMonthSumsGoldsteinAndWeighsToneByMentions) {
    load(fixtures::kGdelt2Sample);
    auto o = window("2025-06", "2025-08", query::TrendPeriod::Month);
    const auto t = query::trend(store_, {"USA", "", false, std::nullopt}, o);
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(t.rows[0].period, "2025-06");
    EXPECT_EQ(t.rows[0].figures.events, 0);
    const auto& july = t.rows[1].figures;
    EXPECT_EQ(july.events, 6);
    EXPECT_EQ(july.meetings, 2);  // USA-USALEG on the 8th, USA-ARE on the 31st
    EXPECT_DOUBLE_EQ(july.goldsteinSum.value_or(0), -6.0);
    EXPECT_NEAR(*july.tone, (10 * -9.91253644314865 + 4 * -1.53714773697694) / 14, 1e-9);
    const auto& august = t.rows[2].figures;
    EXPECT_EQ(august.events, 9);
    EXPECT_EQ(august.meetings, 9);  // one-sided rows have no pair: each a meeting of its own
    EXPECT_NEAR(august.goldsteinSum.value_or(0), 17.8, 1e-9);
    EXPECT_NEAR(*august.goldsteinMean, 17.8 / 9, 1e-9);
    const double mentions[] = {2, 1, 10, 2, 2, 8, 2, 1, 6};
    const double tones[] = {
        -2.75590551181102, -1.53714773697694, 2.95857988165681, 2.36794171220401, 0,
        1.1965811965812,   -14.5610278372591, 1.49659863945578, 0.32786885245902};
    double sum = 0, weight = 0;
    for (int i = 0; i < 9; ++i) {
        sum += mentions[i] * tones[i];
        weight += mentions[i];
    }
    EXPECT_NEAR(*august.tone, sum / weight, 1e-9);
    // Split by GDELT's QuadClass: July has 4 verbal cooperation and 2 material conflict.
    o.split = query::TrendSplit::QuadClass;
    const auto split = query::trend(store_, {"USA", "", false, std::nullopt}, o);
    ASSERT_EQ(split.rows.size(), 12u);  // 3 months x the four classes, zeros included
    EXPECT_EQ(split.rows[4].group, "verbal_cooperation");
    EXPECT_EQ(split.rows[4].figures.events, 4);
    EXPECT_EQ(split.rows[7].group, "material_conflict");
    EXPECT_EQ(split.rows[7].figures.events, 2);
    EXPECT_EQ(split.rows[8].figures.events, 9);
}

TEST_F(Trend, EveryDayOfTheWindowIsThereWithZerosWhenEmpty) {
    load(fixtures::kGdelt2Sample);
    const auto t = query::trend(store_, {"USA", "", false, std::nullopt},
                                window("2025-07-08", "2025-08-07", query::TrendPeriod::Day));
    ASSERT_EQ(t.rows.size(), 31u);
    EXPECT_EQ(totalEvents(t), 15);
    int withEvents = 0;
    for (const auto& r : t.rows) withEvents += r.figures.events > 0 ? 1 : 0;
    EXPECT_EQ(withEvents, 3);
    // Without a window: from the first dated event to the last (2024-08-07 is ISR's only).
    query::TrendOptions open;
    open.by = query::TrendPeriod::Year;
    const auto years = query::trend(store_, {"USA", "", false, std::nullopt}, open);
    ASSERT_EQ(years.rows.size(), 1u);
    EXPECT_EQ(years.rows[0].period, "2025");
    EXPECT_EQ(years.rows[0].figures.events, 15);
}

// ICEWS has no QuadClass column: it comes from the CAMEO root. Rows with India as source or
// target country (56, all June 2018), by the root's class: 18 verbal cooperation (Goldstein sum
// 40.8), 3 material cooperation (20.8), 12 verbal conflict (-26.4), 23 material conflict
// (-168.2).
TEST_F(Trend, IcewsQuadClassComesFromTheCameoRoot) {
    load(fixtures::kIcewsSample);
    auto o = window("2018-06", "2018-06", query::TrendPeriod::Month);
    o.split = query::TrendSplit::QuadClass;
    const auto t = query::trend(store_, {"IND", "", false, std::nullopt}, o);
    ASSERT_EQ(t.rows.size(), 4u);
    const std::int64_t events[] = {18, 3, 12, 23};
    const double goldstein[] = {40.8, 20.8, -26.4, -168.2};
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(t.rows[i].group, rules::quadClassName(static_cast<int>(i) + 1));
        EXPECT_EQ(t.rows[i].figures.events, events[i]) << i;
        EXPECT_NEAR(t.rows[i].figures.goldsteinSum.value_or(0), goldstein[i], 1e-9) << i;
        EXPECT_FALSE(t.rows[i].figures.tone.has_value());  // ICEWS has no tone
    }
}

// North Korea and the United States on 2018-06-01: 19 rows, 9 with a US source and a North
// Korean target (two of them 042 and 043, whose source is the guest and the host); Goldstein
// sum 60.7. Meetings (pair, day, root): Trump-North Korea 04;
// Kim Yong-chol-United States 03 and 04; Kim Yong-chol-Pompeo 04; North Korea-United States 04.
TEST_F(Trend, IcewsDyadDirectedAndUndirectedWithMeetingsCountedOnce) {
    load(fixtures::kIcewsSample);
    const auto o = window("2018-06-01", "2018-06-01", query::TrendPeriod::Day);
    const auto both = query::trend(store_, dyad("PRK", "USA"), o);
    ASSERT_EQ(both.rows.size(), 1u);
    EXPECT_EQ(both.rows[0].figures.events, 19);
    EXPECT_EQ(both.rows[0].figures.meetings, 5);
    EXPECT_NEAR(both.rows[0].figures.goldsteinSum.value_or(0), 60.7, 1e-9);
    EXPECT_EQ(totalEvents(query::trend(store_, dyad("USA", "PRK", true), o)), 9);
    EXPECT_EQ(totalEvents(query::trend(store_, dyad("PRK", "USA", true), o)), 10);
}

TEST_F(Trend, AnActorsTrendCountsItsEvents) {
    load(fixtures::kIcewsSample);
    const auto who = store_.actorRow(query::resolveActor(store_, "Mike Pompeo"));
    ASSERT_TRUE(who.has_value());
    storage::TrendSubject subject;
    subject.actor = *who;
    const auto t =
        query::trend(store_, subject, window("2018-06-01", "2018-06-01", query::TrendPeriod::Day));
    // Rows with Mike Pompeo as source or target name: awk -F'\t' '$3=="Mike Pompeo" ||
    // $9=="Mike Pompeo"' gives 10, all on 2018-06-01.
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0].figures.events, 10);
}

// Curated data: the bundled dataset's Italy-Malaysia events with participants of both that are
// dated and occurred: six in July 2025 (the timeline's nine less the inauguration, there by its
// place, and the two undated ones), one kind each but two bilateral meetings.
TEST_F(Trend, CuratedEventsSplitByKind) {
    load(kBundled);
    auto o = window("2025-06", "2025-07", query::TrendPeriod::Month);
    o.split = query::TrendSplit::Kind;
    const auto t = query::trend(store_, dyad("ITA", "MYS"), o);
    EXPECT_EQ(totalEvents(t), 6);
    const auto july = std::find_if(t.rows.begin(), t.rows.end(), [](const auto& r) {
        return r.group == "bilateral_meeting" && r.period == "2025-07";
    });
    ASSERT_NE(july, t.rows.end());
    EXPECT_EQ(july->figures.events, 2);
    EXPECT_FALSE(july->figures.goldsteinSum.has_value());  // curated events have no score
    std::int64_t meetings = 0;
    for (const auto& r : t.rows) meetings += r.figures.meetings;
    EXPECT_EQ(meetings, 6);  // curated events are each a meeting of their own
}

TEST_F(Trend, PairsRankCountriesAndOneCountrysPartners) {
    load(fixtures::kIcewsSample);
    query::PairsOptions o;
    const auto all = query::pairs(store_, o, 1);
    ASSERT_EQ(all.items.size(), 1u);
    EXPECT_GT(all.total, 1u);
    // 19 rows of North Korea and the United States, the most of any pair of two countries.
    EXPECT_EQ(all.items[0].a, "PRK");
    EXPECT_EQ(all.items[0].b, "USA");
    EXPECT_EQ(all.items[0].figures.events, 19);
    EXPECT_EQ(all.items[0].cooperationEvents, 19);
    EXPECT_DOUBLE_EQ(*all.items[0].cooperationShare, 1.0);
    o.country = "USA";
    const auto partners = query::pairs(store_, o);
    ASSERT_FALSE(partners.items.empty());
    for (const auto& p : partners.items) EXPECT_EQ(p.a, "USA");
    EXPECT_EQ(partners.items[0].b, "PRK");
    // A window with no events has no pairs.
    o.window.from = day("2019");
    EXPECT_TRUE(query::pairs(store_, o).items.empty());
}

// A version-4 file gains the trend tables from the events it holds when opened for writing.
TEST(TrendMigration, AVersionFourFileGetsItsTrendFigures) {
    const auto file = bilateral::fixtures::tempFolder("files") / "trend-v4.db";
    fs::remove(file);
    std::int64_t before = 0;
    {
        auto s = sqlite::Store::open(file);
        (void)io::importFiles(s, {fixtures::kIcewsSample});
        before = totalEvents(query::trend(s, dyad("PRK", "USA"), {}));
    }
    ASSERT_EQ(before, 19);
    {
        sqlite3* raw = nullptr;
        ASSERT_EQ(sqlite3_open(file.string().c_str(), &raw), SQLITE_OK);
        EXPECT_EQ(sqlite3_exec(raw,
                               "DROP TABLE claim_evidence; DROP TABLE claim; ALTER TABLE source "
                               "DROP COLUMN standing; "  // version 6
                               "DROP TABLE trend_scope; DROP TABLE trend_actor; "
                               "PRAGMA user_version = 4;",
                               nullptr, nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(raw);
    }
    EXPECT_THROW((void)sqlite::Store::open(file, {.readOnly = true}), StorageError);
    {
        auto s = sqlite::Store::open(file);
        EXPECT_EQ(s.schemaVersion(), sqlite::kSchemaVersion);
        EXPECT_EQ(totalEvents(query::trend(s, dyad("PRK", "USA"), {})), before);
    }
    fs::remove(file);
}

TEST(TrendRules, PeriodsAndQuadClasses) {
    const auto d = [](const char* t) { return model::Date::parse(t).earliest(); };
    EXPECT_EQ(rules::periodLabel(rules::periodStart(d("2018-01-03"), rules::Period::Week),
                                 rules::Period::Week),
              "2018-W01");  // Monday 2018-01-01
    EXPECT_EQ(rules::periodStart(d("2021-01-03"), rules::Period::Week), d("2020-12-28"));
    EXPECT_EQ(rules::periodLabel(d("2020-12-28"), rules::Period::Week), "2020-W53");
    EXPECT_EQ(rules::periodLabel(rules::periodStart(d("2018-08-15"), rules::Period::Quarter),
                                 rules::Period::Quarter),
              "2018-Q3");
    EXPECT_EQ(rules::nextPeriod(d("2018-11-01"), rules::Period::Quarter), d("2019-02-01"));
    EXPECT_EQ(rules::nextPeriod(d("2018-10-01"), rules::Period::Quarter), d("2019-01-01"));
    EXPECT_EQ(rules::quadClassOf("057", std::nullopt), 1);
    EXPECT_EQ(rules::quadClassOf("061", std::nullopt), 2);
    EXPECT_EQ(rules::quadClassOf("130", std::nullopt), 3);
    EXPECT_EQ(rules::quadClassOf("190", std::nullopt), 4);
    EXPECT_EQ(rules::quadClassOf("190", 1), 1);  // the file's own column wins
    EXPECT_EQ(rules::quadClassOf("", std::nullopt), 0);
    using model::Role;
    using rules::CameoEnd;
    EXPECT_EQ(rules::cameoEnd("040", Role::Source), CameoEnd::Source);
    EXPECT_EQ(rules::cameoEnd("042", Role::Guest), CameoEnd::Source);  // the visitor acts
    EXPECT_EQ(rules::cameoEnd("043", Role::Guest), CameoEnd::Target);
    EXPECT_EQ(rules::cameoEnd("", Role::Host), CameoEnd::None);
}

}  // namespace
}  // namespace bilateral
