// [identity] same_as on both engines (part of the conformance group: PgConformance*): the
// candidates, a pair confirmed, merged answers and --no-merge, a pair removed give the same
// statuses and answers on the SQLite and the PostgreSQL engine, both written by the command.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "fixtures/run_cli.hpp"
#include "fixtures/same_as_dataset.hpp"
#include "support/pg_server.hpp"

namespace fs = std::filesystem;
using bilateral::fixtures::runCli;
using Strings = std::vector<std::string>;

namespace bilateral::testing {
namespace {

// [identity] same_as on both engines: the candidates, a pair confirmed, merged answers and
// --no-merge, a pair removed (the two Antonio Tajanis of the bundled dataset and the generated
// ICEWS file are not in the suite's databases: a record of each is made here).
TEST(PgConformanceSameAs, GroupsAnswerAlike) {
    BILATERAL_SKIP_WITHOUT(sharedPgServers(1));
    const auto dir = bilateral::fixtures::tempFolder("pg-same-as");
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto lite = dir / "same-as.db";
    const auto pg = sharedPgServers(1).createDatabase(0, uniqueDatabaseName());
    const auto dataset = dir / "same-as.json";
    std::ofstream(dataset) << bilateral::fixtures::kSameAsDataset;
    // The same status on both; the same output too, but for the writing verbs' (they name the
    // database).
    const auto both = [&](const Strings& args) {
        const auto a = runCli(lite, args);
        const auto b = runCli(pg, args);
        std::string shown;
        for (const auto& x : args) shown += x + " ";
        EXPECT_EQ(a.status, b.status) << shown << "\n" << a.err << "\n" << b.err;
        if (args[0] != "import" && args[0] != "same-as") {
            EXPECT_EQ(a.out, b.out) << shown;
        } else if (args[1] == "--candidates") {
            EXPECT_EQ(a.out, b.out) << shown;
        }
        return a;
    };
    const Strings queries[] = {{"who-met", "Antonio Tajani", "--json"},
                               {"who-met", "person/anwar", "--json"},
                               {"who-met", "person/anwar", "--no-merge", "--json"},
                               {"timeline", "Antonio Tajani", "--json"},
                               {"timeline", "person/tajani", "--no-merge", "--json"},
                               {"trend", "Antonio Tajani", "--json"},
                               {"stats", "--json"}};
    ASSERT_EQ(both({"import", dataset.string(), "--quiet"}).status, 0);
    EXPECT_EQ(both({"same-as", "--candidates", "--json"}).status, 0);
    EXPECT_EQ(both({"who-met", "Antonio Tajani"}).status, 3);  // two records, not joined
    EXPECT_EQ(both({"same-as", "--confirm", "person/tajani", "icews/person/Antonio Tajani", "--by",
                    "tester"})
                  .status,
              0);
    for (const auto& q : queries) EXPECT_EQ(both(q).status, 0) << q[0];
    EXPECT_EQ(both({"same-as", "--candidates", "--json"}).status, 0);
    EXPECT_EQ(both({"same-as", "--remove", "person/tajani", "icews/person/Antonio Tajani"}).status,
              0);
    EXPECT_EQ(both({"who-met", "Antonio Tajani"}).status, 3);
    EXPECT_EQ(both({"stats", "--json"}).status, 0);
    fs::remove_all(dir);
}

}  // namespace
}  // namespace bilateral::testing
