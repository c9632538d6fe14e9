// Dataset JSON v1 imported: parents first, idempotently (nothing written the second time), new
// participants and evidence counted; formats named, detected and refused; several files in one
// transaction.

#include <SQLiteCpp/SQLiteCpp.h>

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
#include "sqlite/store_impl.hpp"

#include "fixtures/dataset_document.hpp"
#include "fixtures/import_checks.hpp"

namespace fs = std::filesystem;
using namespace bilateral;
using namespace bilateral::fixtures;

// --- importing -------------------------------------------------------------------------------

TEST(DatasetImport, WritesParentsBeforeChildrenWhateverTheDocumentOrder) {
    auto s = sqlite::Store::memory();
    sqlite::Transaction tx(s);
    const auto summary = io::importDataset(s, tempFile("parents.json", kValid));
    tx.commit();
    EXPECT_EQ(s.getEvent("event/roundtable").parent, "event/visit");
    EXPECT_EQ(summary.format, io::Format::Dataset);
    expectSummary(summary, {.rows = 11,
                            .sources = 2,
                            .actors = 4,
                            .events = 3,
                            .participations = 3,
                            .relations = 2,
                            .skipped = 0});
}

TEST(DatasetImport, ImportingTheSameDocumentTwiceAddsNothing) {
    auto s = sqlite::Store::memory();
    const auto file = tempFile("twice.json", kValid);
    (void)io::importFiles(s, {file});
    const auto before = io::writeDataset(io::datasetFromStore(s));
    const auto counts = s.counts();
    const auto changesBefore = sqlite3_total_changes(sqlite::detail::connection(s));
    const auto again = io::importFiles(s, {file});
    EXPECT_EQ(sqlite3_total_changes(sqlite::detail::connection(s)),
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
    auto s = sqlite::Store::memory();
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
    auto s = sqlite::Store::memory();
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
    const auto e = fixtures::parseErrorOf([&] { (void)io::detectFormat(file); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->file(), file.string());
    EXPECT_EQ(e->location(), "line 1");
    EXPECT_NE(e->reason().find("3 tab-separated fields"), std::string::npos) << e->what();
    EXPECT_NE(e->reason().find("expected a dataset JSON document"), std::string::npos);
}

TEST(ImportFormat, RefusesEmptyMissingAndDirectoryPaths) {
    const auto empty = tempFile("empty.json", "");
    EXPECT_THROW((void)io::detectFormat(empty), ParseError);
    EXPECT_THROW((void)io::detectFormat("/nonexistent/file.json"), ParseError);
    EXPECT_THROW((void)io::detectFormat(fs::temp_directory_path()), ParseError);
}

TEST(ImportFiles, WritesNothingWhenAnyFileFails) {
    auto s = sqlite::Store::memory();
    const auto good = tempFile("good.json", kValid);
    const auto bad = tempFile("bad.json", withValue("/actors/0/kind", "nation"));
    EXPECT_THROW((void)io::importFiles(s, {good, bad}), ParseError);
    EXPECT_EQ(s.counts().actors, 0);
    EXPECT_EQ(s.counts().sources, 0);
}

TEST(ImportFiles, LetsALaterFileReferToAnEarlierOne) {
    auto s = sqlite::Store::memory();
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
    auto s = sqlite::Store::memory();
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
