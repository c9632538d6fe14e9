// Dataset JSON v1, the writer: deterministic documents (format and version first, arrays by id,
// absent fields left out) that read back equal, and a store's import written back equivalent.

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
#include "fixtures/import_checks.hpp"

namespace fs = std::filesystem;
using namespace bilateral;
using namespace bilateral::fixtures;

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
    auto s = sqlite::Store::memory();
    {
        sqlite::Transaction tx(s);
        (void)io::importDataset(s, tempFile("roundtrip.json", kValid));
        tx.commit();
    }
    const auto written = io::writeDataset(io::datasetFromStore(s));
    const auto reread = io::parseDataset(written, "written.json");
    expectEqual(normalized(reread), normalized(original));

    auto fresh = sqlite::Store::memory();
    {
        sqlite::Transaction tx(fresh);
        (void)io::importDataset(fresh, tempFile("written.json", written));
        tx.commit();
    }
    fixtures::expectSameCounts(fresh.counts(), s.counts());
    EXPECT_EQ(io::writeDataset(io::datasetFromStore(fresh)), written);
}
