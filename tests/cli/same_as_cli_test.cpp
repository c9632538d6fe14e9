// [identity] One actor per entity with the command (docs/cli.md, "same-as"): likely pairs
// listed, a pair confirmed, queries that treat the group as one actor (who-met, timeline) and
// --no-merge, a pair removed, a file of pairs imported all or nothing.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "fixtures/run_cli.hpp"
#include "fixtures/same_as_dataset.hpp"

namespace fs = std::filesystem;
using bilateral::fixtures::idsOf;
using bilateral::fixtures::runCli;

namespace {

constexpr const char* kDataset = bilateral::fixtures::kSameAsDataset;

const std::string kCurated = "person/tajani";
const std::string kIcews = "icews/person/Antonio Tajani";

class SameAsCli : public ::testing::Test {
protected:
    fs::path db;
    void SetUp() override {
        db = bilateral::fixtures::tempDb(
            std::string("same-as-") +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        bilateral::fixtures::removeDb(db);
        const auto r = bilateral::fixtures::importText(db, kDataset);
        ASSERT_EQ(r.status, 0) << r.err;
    }
    void TearDown() override { bilateral::fixtures::removeDb(db); }
    bilateral::fixtures::CliResult run(const std::vector<std::string>& args) const {
        return runCli(db, args);
    }
    nlohmann::json query(const std::vector<std::string>& args) const {
        return bilateral::fixtures::queryJson(db, args);
    }
    void confirmTajani() const {
        const auto r = run({"same-as", "--confirm", kCurated, kIcews, "--note", "same minister",
                            "--by", "tester"});
        ASSERT_EQ(r.status, 0) << r.err;
    }
    /// A counterpart of who-met's JSON by id (an empty object when absent).
    static nlohmann::json counterpart(const nlohmann::json& met, const std::string& id) {
        for (const auto& c : met.at("counterparts")) {
            if (c.at("id") == id) return c;
        }
        return nlohmann::json::object();
    }
};

TEST_F(SameAsCli, CandidatesAreRecordsOfOneNameFromTwoSourcesWithCompatibleCountries) {
    const auto j = query({"same-as", "--candidates"});
    ASSERT_EQ(j.at("candidates").size(), 2u) << j.dump();
    EXPECT_EQ(j.at("total"), 2);
    // The same name, the same country and kind first; the curated record as `a`.
    const auto& first = j.at("candidates")[0];
    EXPECT_EQ(first.at("a").at("id"), kCurated);
    EXPECT_EQ(first.at("b").at("id"), kIcews);
    EXPECT_NE(first.at("reason").get<std::string>().find("same name"), std::string::npos);
    EXPECT_NE(first.at("reason").get<std::string>().find("same country ITA"), std::string::npos);
    // A shared alias ranks lower; the two Anwars (MYS, IDN) are no pair.
    const auto& second = j.at("candidates")[1];
    EXPECT_EQ(second.at("a").at("id"), "person/zambry");
    EXPECT_EQ(second.at("b").at("id"), "gdelt/MYS/MYSGOV");
    EXPECT_LT(second.at("score").get<int>(), first.at("score").get<int>());
    EXPECT_NE(second.at("reason").get<std::string>().find("alias"), std::string::npos);
    // The table, cut by --limit.
    const auto t = run({"same-as", "--candidates", "--limit", "1"});
    ASSERT_EQ(t.status, 0) << t.err;
    EXPECT_NE(t.out.find(kIcews), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("showing 1 of 2"), std::string::npos) << t.out;
}

TEST_F(SameAsCli, AConfirmedPairIsOneActorForWhoMetAndTimeline) {
    // Two records of one name: ambiguous until they are joined.
    EXPECT_EQ(run({"who-met", "Antonio Tajani"}).status, 3);
    confirmTajani();
    const auto met = query({"who-met", "Antonio Tajani"});
    EXPECT_EQ(met.at("actor").at("id"), kCurated);
    EXPECT_EQ(met.at("actor").at("merged"), nlohmann::json::array({kIcews}));
    EXPECT_EQ(counterpart(met, "person/anwar").at("meetings"), 2);  // events a and c
    EXPECT_EQ(counterpart(met, "person/zambry").at("meetings"), 1);
    // The event file's id names the group too.
    EXPECT_EQ(query({"who-met", kIcews}).at("actor").at("id"), kCurated);
    // From the other side: one counterpart for both records, under the canonical id.
    const auto anwar = query({"who-met", "person/anwar"});
    ASSERT_EQ(anwar.at("counterparts").size(), 1u) << anwar.dump();
    EXPECT_EQ(anwar.at("counterparts")[0].at("id"), kCurated);
    EXPECT_EQ(anwar.at("counterparts")[0].at("merged"), nlohmann::json::array({kIcews}));
    EXPECT_EQ(anwar.at("counterparts")[0].at("meetings"), 2);
    const auto table = run({"who-met", "Antonio Tajani"});
    EXPECT_NE(table.out.find("Antonio Tajani (person/tajani, with " + kIcews + ")"),
              std::string::npos)
        << table.out;
    // The timeline: the events of both records, in timeline order.
    EXPECT_EQ(idsOf(query({"timeline", "Antonio Tajani"}).at("events")),
              (std::vector<std::string>{"event/a", "event/b", "event/c"}));
}

TEST_F(SameAsCli, NoMergeShowsEachRecordAlone) {
    confirmTajani();
    const auto curated = query({"who-met", kCurated, "--no-merge"});
    EXPECT_EQ(curated.at("actor").at("id"), kCurated);
    EXPECT_FALSE(curated.at("actor").contains("merged"));
    EXPECT_EQ(idsOf(curated.at("counterparts")), std::vector<std::string>{"person/anwar"});
    EXPECT_EQ(counterpart(curated, "person/anwar").at("meetings"), 1);
    const auto icews = query({"who-met", kIcews, "--no-merge"});
    EXPECT_EQ(icews.at("actor").at("id"), kIcews);
    EXPECT_EQ(icews.at("counterparts").size(), 2u);
    const auto anwar = query({"who-met", "person/anwar", "--no-merge"});
    EXPECT_EQ(anwar.at("counterparts").size(), 2u);
    EXPECT_EQ(idsOf(query({"timeline", kCurated, "--no-merge"}).at("events")),
              std::vector<std::string>{"event/a"});
    // The name still names two records.
    EXPECT_EQ(run({"who-met", "Antonio Tajani", "--no-merge"}).status, 3);
}

TEST_F(SameAsCli, TheRelationKeepsWhoConfirmedItAndLeavesTheCandidates) {
    confirmTajani();
    const auto rel = query({"relations", kCurated, "--kind", "same_as"});
    ASSERT_EQ(rel.at("relations").size(), 1u) << rel.dump();
    const auto text = rel.dump();
    EXPECT_NE(text.find("tester"), std::string::npos) << text;
    EXPECT_NE(text.find("same minister"), std::string::npos) << text;
    const auto c = query({"same-as", "--candidates"});
    ASSERT_EQ(c.at("candidates").size(), 1u) << c.dump();
    EXPECT_EQ(c.at("candidates")[0].at("a").at("id"), "person/zambry");
    // An actor with itself, and an unknown actor, are refused; nothing is added.
    EXPECT_EQ(run({"same-as", "--confirm", kCurated, kCurated}).status, 1);
    EXPECT_EQ(run({"same-as", "--confirm", kCurated, "person/nobody"}).status, 3);
}

TEST_F(SameAsCli, ARemovedPairIsTwoActorsAgain) {
    confirmTajani();
    const auto r = run({"same-as", "--remove", kIcews, kCurated});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(run({"who-met", "Antonio Tajani"}).status, 3);
    EXPECT_EQ(query({"who-met", "person/anwar"}).at("counterparts").size(), 2u);
    EXPECT_TRUE(query({"relations", kCurated, "--kind", "same_as"}).at("relations").empty());
    // Nothing left to remove.
    EXPECT_EQ(run({"same-as", "--remove", kIcews, kCurated}).status, 3);
    // The counts follow: no same_as relation is counted.
    EXPECT_EQ(run({"stats"}).out.find("same_as"), std::string::npos) << run({"stats"}).out;
}

TEST_F(SameAsCli, AFileOfPairsIsImportedWholeOrNotAtAll) {
    const auto file = fs::path(db.string() + ".pairs.csv");
    std::ofstream(file) << "a,b,note\n"
                        << kCurated << "," << kIcews << ",checked\n\n"
                        << "person/zambry\tgdelt/MYS/MYSGOV\n";
    auto r = run({"same-as", "--from", file.string(), "--by", "tester"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("2 same_as pairs"), std::string::npos) << r.out;
    EXPECT_EQ(query({"who-met", "Antonio Tajani"}).at("actor").at("id"), kCurated);
    EXPECT_EQ(run({"same-as", "--remove", kCurated, kIcews}).status, 0);
    EXPECT_EQ(run({"same-as", "--remove", "person/zambry", "gdelt/MYS/MYSGOV"}).status, 0);

    // A bad third line: an error naming the file and the line, and nothing written.
    std::ofstream(file) << kCurated << "," << kIcews << "\n"
                        << "person/zambry,gdelt/MYS/MYSGOV\n"
                        << "person/anwar\n";
    r = run({"same-as", "--from", file.string()});
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find(file.filename().string()), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("line 3"), std::string::npos) << r.err;
    EXPECT_EQ(run({"who-met", "Antonio Tajani"}).status, 3);
    // An unknown actor is a bad line too.
    std::ofstream(file) << kCurated << ",person/nobody\n";
    r = run({"same-as", "--from", file.string()});
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("line 1"), std::string::npos) << r.err;
    fs::remove(file);
}

TEST_F(SameAsCli, OneModeAtATime) {
    EXPECT_EQ(run({"same-as"}).status, 1);
    EXPECT_EQ(run({"same-as", "--candidates", "--remove", kCurated, kIcews}).status, 1);
    // A missing database is not created.
    const auto missing = bilateral::fixtures::tempDb("same-as-missing");
    bilateral::fixtures::removeDb(missing);
    EXPECT_NE(runCli(missing, {"same-as", "--confirm", kCurated, kIcews}).status, 0);
    EXPECT_FALSE(fs::exists(missing));
}

}  // namespace
