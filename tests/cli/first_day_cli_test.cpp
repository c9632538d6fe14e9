// What a user meets on the first day with the query verbs: --version, an unknown verb named in
// its error, long lists cut by --limit ("showing N of M", the total kept in --json), a path
// search stopped by its bound (exit 3), the ego verb, --db after the verb, and error messages
// that stay valid UTF-8 when the input is not.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "fixtures/run_cli.hpp"
#include "fixtures/tiny.hpp"

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

namespace {

using FirstDayCli = bilateral::fixtures::CliDbSuite<"first-day", &bilateral::fixtures::writeTinyDb>;

TEST_F(FirstDayCli, VersionPrintsTheProjectVersion) {
    const auto r = run({"--version"});
    EXPECT_EQ(r.status, 0);
    EXPECT_TRUE(r.out.starts_with("bilateral ")) << r.out;
    EXPECT_NE(r.out.find('.'), std::string::npos);
}

TEST_F(FirstDayCli, AnUnknownVerbIsNamedInItsError) {
    const auto r = run({"frobnicate"});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("unknown command 'frobnicate'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("who-met"), std::string::npos) << r.err;
}

TEST_F(FirstDayCli, ALimitCutsTheListAndSaysSo) {
    const auto all = run({"timeline", "person/anwar", "--json"}).json();
    const auto total = all.at("events").size();
    ASSERT_GT(total, 3u);
    EXPECT_EQ(all.at("total"), total);
    const auto cut = run({"timeline", "person/anwar", "--limit", "2"});
    EXPECT_EQ(cut.status, 0) << cut.err;
    EXPECT_NE(cut.out.find("showing 2 of " + std::to_string(total)), std::string::npos) << cut.out;
    const auto j = run({"timeline", "person/anwar", "--limit", "2", "--json"}).json();
    EXPECT_EQ(j.at("events").size(), 2u);
    EXPECT_EQ(j.at("total"), total);
    EXPECT_EQ(j.at("events")[1].at("id"), all.at("events")[1].at("id"));
    const auto met = run({"who-met", "person/anwar", "--limit", "1", "--json"}).json();
    EXPECT_EQ(met.at("counterparts").size(), 1u);
    EXPECT_GT(met.at("total").get<int>(), 1);
    // Not cut: no "showing" line.
    EXPECT_EQ(run({"timeline", "person/anwar", "--limit", "100"}).out.find("showing"),
              std::string::npos);
    EXPECT_EQ(run({"timeline", "person/anwar", "--limit", "0"}).status, 1);
    // The other listing verbs alike.
    for (const Strings& verb :
         {Strings{"relations", "post/ambassador-ita-mys"},
          Strings{"holders", "post/ambassador-ita-mys"}, Strings{"search", "a"}}) {
        auto args = verb;
        args.push_back("--json");
        const auto whole = run(args).json();
        const auto total = whole.at("total").get<std::size_t>();
        ASSERT_GT(total, 1u) << verb[0];
        args.insert(args.end(), {"--limit", "1"});
        const auto one = run(args).json();
        EXPECT_EQ(one.at("total"), total) << verb[0];
        args.pop_back();
        args.pop_back();
        args.pop_back();
        args.insert(args.end(), {"--limit", "1"});
        EXPECT_NE(run(args).out.find("showing 1 of " + std::to_string(total)), std::string::npos)
            << verb[0];
    }
}

TEST_F(FirstDayCli, APathStoppedByItsBoundExitsThree) {
    const auto found = run({"path", "person/ravaglia", "person/anwar", "--json"});
    ASSERT_EQ(found.status, 0) << found.err;
    ASSERT_GE(found.json().at("hops").get<int>(), 2);
    const auto r = run({"path", "person/ravaglia", "person/anwar", "--max-hops", "1"});
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("within the search's bounds"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());
}

TEST_F(FirstDayCli, EgoListsNeighboursNearestFirst) {
    const auto j = run({"ego", "person/rustico", "--hops", "2", "--json"}).json();
    ASSERT_GT(j.at("actors").size(), 1u);
    int last = 0;
    bool zambry = false;
    for (const auto& a : j.at("actors")) {
        EXPECT_GE(a.at("hops").get<int>(), last);
        last = a.at("hops").get<int>();
        zambry = zambry || (a.at("id") == "person/zambry" && a.at("hops") == 1);
    }
    EXPECT_TRUE(zambry);
}

TEST_F(FirstDayCli, DbIsAcceptedAfterTheVerb) {
    const auto r =
        bilateral::fixtures::runCli(fs::path(), {"stats", "--db", db.string(), "--json"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_GT(r.json().at("events").get<int>(), 0);
}

TEST_F(FirstDayCli, ErrorMessagesShowBrokenBytesEscaped) {
    const auto r = run({"who-met", "Bad\xFF\x01name"});
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("Bad\\xFF\\x01name"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\xFF'), std::string::npos);
}

TEST_F(FirstDayCli, HelpIsAVerbGivingTheSameTextAsTheHelpOption) {
    const auto all = run({"help"});
    EXPECT_EQ(all.status, 0) << all.err;
    EXPECT_EQ(all.out, run({"--help"}).out);
    EXPECT_NE(all.out.find("who-met"), std::string::npos) << all.out;
    for (const char* verb : {"who-met", "holders", "import"}) {
        const auto one = run({"help", verb});
        EXPECT_EQ(one.status, 0) << one.err;
        EXPECT_EQ(one.out, run({verb, "--help"}).out) << verb;
        EXPECT_NE(one.out.find(verb), std::string::npos) << one.out;
    }
    const auto unknown = run({"help", "frobnicate"});
    EXPECT_EQ(unknown.status, 1);
    EXPECT_NE(unknown.err.find("unknown command 'frobnicate'"), std::string::npos) << unknown.err;
}

TEST_F(FirstDayCli, AWrongKindOfActorExitsThreeSayingWhichKindIsWanted) {
    const auto r = run({"holders", "Anwar Ibrahim"});
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_NE(r.err.find("a person (person/anwar), not a post; a post is wanted"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("post/pm-malaysia"), std::string::npos) << r.err;  // the post he holds
    EXPECT_EQ(run({"holders", "person/anwar"}).status, 3);
    EXPECT_EQ(run({"holders", "Malaysian Prime Minister"}).status, 0);
}

TEST_F(FirstDayCli, ReadOnlyVerbsLeaveNoFilesBesideTheDatabase) {
    const auto dir = bilateral::fixtures::tempFolder("no-wal");
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto copy = dir / "copy.db";
    fs::copy_file(db, copy);  // the suite's database is closed: its -wal was checkpointed away
    ASSERT_FALSE(fs::exists(db.string() + "-wal"));
    const auto listing = [&] {
        Strings names;
        for (const auto& e : fs::directory_iterator(dir))
            names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    };
    for (const Strings& args :
         {Strings{"stats"}, Strings{"who-met", "Anwar"}, Strings{"timeline", "person/anwar"},
          Strings{"search", "meloni"}, Strings{"export", "--format", "graphml"},
          Strings{"who-met", "Nobody Known"}}) {
        const auto r = bilateral::fixtures::runCli(copy, args);
        EXPECT_TRUE(r.status == 0 || r.status == 3) << args[0] << ": " << r.err;
        EXPECT_EQ(listing(), Strings{"copy.db"}) << args[0];
    }
    fs::remove_all(dir);
}

}  // namespace
