// The conformance suite: the answers of the command (`--json`, and the exports) on the SQLite
// engine and on the PostgreSQL engine are the same, byte for byte, over the bundled dataset
// (data/italy-malaysia-2025.json, imported record by record) and a generated ICEWS file
// (imported through the bulk path). Both databases are built by `bilateral import`, the
// PostgreSQL one on a throwaway server (tests/support/pg_server.hpp).

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "fixtures/icews_rows.hpp"
#include "fixtures/run_cli.hpp"
#include "fixtures/text_diff.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/postgres/schema.hpp"
#include "support/pg_server.hpp"

namespace fs = std::filesystem;
using bilateral::fixtures::runCli;
using Strings = std::vector<std::string>;

namespace bilateral::testing {
namespace {

/// An ICEWS file of `rows` rows over a few actors of five countries, in 2014: visits, hosted
/// visits, consultations, statements; the same pair on the same day and code now and then (one
/// meeting recorded twice), actors without a country, places in a third country.
std::string generatedIcews(int rows) {
    struct Named {
        const char* name;
        const char* country;
        const char* sectors;
    };
    static const Named kActors[] = {
        {"Najib Razak", "Malaysia", "Elite,Executive,Government"},
        {"Head of Government (Italy)", "Italy", "Executive,Government"},
        {"Matteo Renzi", "Italy", "Elite,Executive,Government"},
        {"Anifah Aman", "Malaysia", "Government,Foreign Ministry"},
        {"Federica Mogherini", "Italy", "Government,Foreign Ministry"},
        {"Laurent Fabius", "France", "Government,Foreign Ministry"},
        {"Wang Yi", "China", "Government,Foreign Ministry"},
        {"Joko Widodo", "Indonesia", "Elite,Executive,Government"},
        {"Police (Malaysia)", "Malaysia", "Police"},
        {"United Nations", "", "Global,International Government Organization"},
    };
    static const char* kCodes[][2] = {{"042", "Make a visit"},   {"043", "Host a visit"},
                                      {"040", "Consult"},        {"036", "Express intent to meet"},
                                      {"010", "Make statement"}, {"057", "Sign formal agreement"}};
    static const char* kPlaces[][3] = {{"Rome", "Italy", "41.8919"},
                                       {"Kuala Lumpur", "Malaysia", "3.1412"},
                                       {"Paris", "France", "48.8534"},
                                       {"", "", ""}};
    std::mt19937 rng(19);
    const auto pick = [&rng](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    std::vector<fixtures::Row> out;
    for (int i = 0; i < rows; ++i) {
        fixtures::Row r;
        const int ai = pick(10);
        const auto& a = kActors[ai];
        const auto& b = kActors[(ai + 1 + pick(9)) % 10];  // another actor
        const auto& code = kCodes[pick(6)];
        const auto& place = kPlaces[pick(4)];
        const int day = 1 + (i % 7 == 6 ? (i - 1) % 28 : pick(28));  // some repeat a day
        char date[16];
        std::snprintf(date, sizeof date, "2014-%02d-%02d", 1 + pick(6), day);
        r["Event ID"] = std::to_string(5000 + i);
        r["Event Date"] = date;
        r["Source Name"] = a.name;
        r["Source Country"] = a.country;
        r["Source Sectors"] = a.sectors;
        r["Event Text"] = code[1];
        r["CAMEO Code"] = code[0];
        // A tenth: sums of such scores round differently in another order, so equal sums say
        // both engines add them in the same order.
        r["Intensity"] = std::to_string(pick(20) - 10) + "." + std::to_string(pick(10));
        r["Target Name"] = b.name;
        r["Target Country"] = b.country;
        r["Target Sectors"] = b.sectors;
        r["Story ID"] = std::to_string(28000000 + i / 3);
        r["Sentence Number"] = std::to_string(1 + i % 3);
        r["Publisher"] = "Bernama";
        r["City"] = place[0];
        r["Country"] = place[1];
        if (*place[2]) {
            r["Latitude"] = place[2];
            r["Longitude"] = "12.5";
        }
        out.push_back(std::move(r));
    }
    return fixtures::icews(fixtures::kHeader20, out);
}

class PgConformance : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto& servers = sharedPgServers(1);
        if (servers.skipped()) return;
        dir = bilateral::fixtures::tempFolder("pg-conformance");
        fs::remove_all(dir);
        fs::create_directories(dir);
        sqlite = dir / "graph.db";
        server = servers.createDatabase(0, uniqueDatabaseName());
        const auto icews = dir / "events.tsv";
        std::ofstream(icews, std::ios::binary) << generatedIcews(300);
        for (const fs::path& db : {sqlite, fs::path(server)}) importSuiteData(db);
    }

    /// What the suite's databases hold: the bundled dataset, the generated ICEWS file, a real
    /// GDELT 1.0 file ([event-data]: QuadClass, tone, mentions) and three sources' accounts
    /// ([claims]: quotes checked against two of their texts).
    static void importSuiteData(const fs::path& db) {
        const std::string source(BILATERAL_SOURCE_DIR);
        for (const auto& file :
             {source + "/data/italy-malaysia-2025.json", (dir / "events.tsv").string(),
              source + "/tests/data/real/gdelt1-daily-20160728.sample.CSV"}) {
            const auto r = runCli(db, {"import", file, "--quiet"});
            ASSERT_EQ(r.status, 0) << db << " " << file << ": " << r.err;
        }
        const std::string claims = source + "/tests/data/claims";
        const auto r = runCli(db, {"import", claims + "/claims-dataset.json", "--sources",
                                   claims + "/texts", "--quiet"});
        ASSERT_EQ(r.status, 0) << db << ": " << r.err;
    }
    static void TearDownTestSuite() {
        if (!dir.empty()) fs::remove_all(dir);
    }
    void SetUp() override { BILATERAL_SKIP_WITHOUT(sharedPgServers(1)); }

    /// The command's answer on both engines: the same status, output and errors.
    static void expectSame(const Strings& args) {
        const auto a = runCli(sqlite, args);
        const auto b = runCli(server, args);
        std::string shown;
        for (const auto& x : args) shown += x + " ";
        EXPECT_EQ(a.status, b.status) << shown << "\n" << a.err << "\n" << b.err;
        EXPECT_EQ(a.out, b.out) << shown;
        EXPECT_FALSE(a.out.empty()) << shown << a.err;
    }

    /// expectSame for `verb` with each of `argsList`, as JSON, as CSV and as a table.
    static void expectSameInEachFormat(const std::string& verb,
                                       std::initializer_list<Strings> argsList) {
        for (const auto& args : argsList) {
            for (const char* format : {"--json", "--csv", ""}) {
                Strings full{verb};
                full.insert(full.end(), args.begin(), args.end());
                if (*format) full.emplace_back(format);
                expectSame(full);
            }
        }
    }

    static fs::path dir, sqlite;
    static std::string server;
};

fs::path PgConformance::dir, PgConformance::sqlite;
std::string PgConformance::server;

TEST_F(PgConformance, Stats) {
    expectSame({"stats", "--json"});
    expectSame({"stats"});
}

TEST_F(PgConformance, WhoMet) {
    for (const auto* who : {"Anwar Ibrahim", "person/giorgia-meloni", "Antonio Tajani",
                            "Najib Razak", "Matteo Renzi", "country/MYS"}) {
        expectSame({"who-met", who, "--json"});
        expectSame({"who-met", who, "--any-side", "--json"});
    }
    expectSame(
        {"who-met", "Anwar Ibrahim", "--from", "2025-07-02", "--to", "2025-07-03", "--json"});
    expectSame({"who-met", "Najib Razak", "--from", "2014-02", "--to", "2014-04", "--json"});
}

TEST_F(PgConformance, Timeline) {
    for (const Strings& args :
         {Strings{"--country", "ITA"}, Strings{"--country", "MYS"},
          Strings{"--country", "ITA", "--kinds", "talks"}, Strings{"--dyad", "ITA:MYS"},
          Strings{"--dyad", "MYS:ITA", "--from", "2014-02", "--to", "2014-05"},
          Strings{"--dyad", "FRA:ITA"}, Strings{"person/giorgia-meloni"}, Strings{"Najib Razak"},
          Strings{"person/anwar-ibrahim", "--from", "2025"},
          // [event-data] the participants rule, and coded events with their codes
          Strings{"--dyad", "ITA:MYS", "--rule", "participants"},
          Strings{"--country", "MYS", "--rule", "participants"},
          Strings{"--dyad", "USA:CHN", "--rule", "participants", "--limit", "2"},
          Strings{"--country", "USA"}, Strings{"--dyad", "USA:CHN"}}) {
        Strings full{"timeline"};
        full.insert(full.end(), args.begin(), args.end());
        expectSame(full);  // the table, with its ACTORS column
        full.push_back("--json");
        expectSame(full);
    }
}

TEST_F(PgConformance, RelationsAndHolders) {
    expectSame({"relations", "company/petronas", "--json"});
    expectSame({"relations", "person/anwar-ibrahim", "--as-of", "2025-07-02", "--json"});
    expectSame({"relations", "post/ambassador-italy-malaysia", "--kind", "post_of", "--json"});
    expectSame({"relations", "Najib Razak", "--json"});
    expectSame({"holders", "post/prime-minister-malaysia", "--json"});
    expectSame({"holders", "post/prime-minister-malaysia", "--on", "2025-07-02", "--json"});
    expectSame({"holders", "Ambassador of Italy to Malaysia", "--on", "2023-01-01", "--json"});
}

TEST_F(PgConformance, PathAndEgo) {
    expectSame({"path", "company/eni", "country/MYS", "--json"});
    expectSame({"path", "Giorgia Meloni", "Najib Razak", "--json"});
    expectSame({"path", "Giorgia Meloni", "Anwar Ibrahim", "--through", "events", "--json"});
    expectSame({"ego", "Anwar Ibrahim", "--json"});
    expectSame({"ego", "country/ITA", "--hops", "2", "--json"});
}

TEST_F(PgConformance, Disagreements) {  // [claims]
    expectSame({"disagreements", "--json"});
    expectSame({"disagreements"});
    expectSame({"timeline", "person/anwar", "--json"});
    expectSame({"timeline", "person/tajani"});
    const auto a = runCli(sqlite, {"disagreements", "--json"});
    EXPECT_NE(a.out.find("\"working_visit\""), std::string::npos) << a.out;
}

TEST_F(PgConformance, Search) {
    for (const auto* text : {"TAJANI", "dato seri", "dato' seri zambry", "farnesina", "najib",
                             "ital", "head of government"})
        expectSame({"search", text, "--json"});
}

TEST_F(PgConformance, Export) {
    for (const auto* format : {"json", "graphml", "gexf", "cytoscape", "dot"})
        expectSame({"export", "--format", format});
    expectSame({"export", "--format", "json", "--from", "2014-03", "--to", "2025-06"});
}

/// `trend` in its forms: a country, a dyad either way and directed, an actor; each period and
/// split; windows; --json and --csv; and the table.
TEST_F(PgConformance, Trend) {
    expectSameInEachFormat(
        "trend",
        {Strings{"--country", "ITA"},
         Strings{"--country", "MYS", "--by", "week", "--split", "quad_class", "--from", "2014-02",
                 "--to", "2014-04"},
         Strings{"--country", "FRA", "--by", "day", "--split", "cameo_root"},
         Strings{"--dyad", "ITA:MYS", "--by", "quarter"},
         Strings{"--dyad", "MYS:ITA", "--by", "year", "--split", "kind"},
         Strings{"--dyad", "ITA:MYS", "--directed", "--split", "quad_class"},
         Strings{"--dyad", "MYS:ITA", "--directed", "--by", "week"},
         Strings{"--dyad", "CHN:IDN", "--directed", "--from", "2014-03"},
         Strings{"Najib Razak", "--split", "cameo_root"}, Strings{"person/giorgia-meloni"},
         Strings{"person/anwar-ibrahim", "--by", "day", "--split", "kind"},
         Strings{"--country", "ITA", "--from", "2013-12", "--to", "2014-02", "--by", "week"}});
}

TEST_F(PgConformance, Pairs) {
    expectSameInEachFormat(
        "pairs",
        {Strings{}, Strings{"--country", "ITA"}, Strings{"--country", "MYS", "--rank", "goldstein"},
         Strings{"--rank", "cooperation", "--limit", "3"}, Strings{"--rank", "meetings"},
         Strings{"--from", "2014-03", "--to", "2014-04"},
         Strings{"--country", "FRA", "--from", "2014-05"}});
}

TEST_F(PgConformance, ImportingAgainSaysTheSame) {
    // Every row of both files is there already: the summaries say so alike, and nothing changes.
    for (const auto& file : {(dir / "events.tsv").string(), std::string(BILATERAL_SOURCE_DIR) +
                                                                "/data/italy-malaysia-2025.json"}) {
        const auto a = runCli(sqlite, {"import", file, "--quiet"});
        const auto b = runCli(server, {"import", file, "--quiet"});
        EXPECT_EQ(a.status, 0) << a.err;
        EXPECT_EQ(b.status, 0) << b.err;
        EXPECT_EQ(a.out, b.out);
    }
    expectSame({"stats", "--json"});
    // The dataset's events were written again: their trend figures taken out and put back.
    expectSame({"trend", "--country", "ITA", "--by", "day", "--json"});
    expectSame({"trend", "person/anwar-ibrahim", "--by", "day", "--json"});
    expectSame({"pairs", "--json"});
}

TEST_F(PgConformance, MigrationFromVersion1KeepsTheTrendOfTheEventsThere) {
    // A database of version 1 (no trend or claim tables) holding events: opened for writing, it
    // gains the trend figures of the events it holds, the same as an import keeps.
    const auto url = sharedPgServers(1).createDatabase(0, uniqueDatabaseName());
    importSuiteData(url);  // what the suite's SQLite file holds
    const Strings trend{"trend", "--dyad", "ITA:MYS", "--by", "day", "--split", "kind", "--json"};
    const Strings pairs{"pairs", "--csv"};
    {
        auto c = storage::postgres::Connection::open(url);
        c.exec(
            "DROP TABLE bilateral.trend_scope, bilateral.trend_actor, bilateral.claim_evidence, "
            "bilateral.claim; UPDATE "
            "bilateral.bilateral_meta SET value = '1' WHERE key = 'schema_version'");
        EXPECT_EQ(storage::postgres::schemaVersion(c), 1);
        EXPECT_NE(runCli(url, trend).status, 0);  // read-only: it asks for a migration
        EXPECT_EQ(storage::postgres::ensureSchema(c), 1);
        EXPECT_EQ(storage::postgres::schemaVersion(c), storage::postgres::kSchemaVersion);
    }
    for (const auto& args : {trend, pairs}) {
        const auto a = runCli(sqlite, args);
        const auto b = runCli(url, args);
        EXPECT_EQ(b.status, 0) << b.err;
        EXPECT_EQ(fixtures::firstDifference(a.out, b.out), "") << args.front();
    }
}

TEST_F(PgConformance, RefusalsAreTheSame) {
    for (const Strings& args :
         {Strings{"who-met", "person/nobody", "--json"}, Strings{"timeline", "Nobody At All"},
          Strings{"holders", "person/giorgia-meloni"}, Strings{"ego", "person/nobody", "--json"},
          Strings{"path", "person/giorgia-meloni", "person/nobody"}}) {
        const auto a = runCli(sqlite, args);
        const auto b = runCli(server, args);
        EXPECT_NE(a.status, 0) << args.front();
        EXPECT_EQ(a.status, b.status) << args.front();
        EXPECT_EQ(a.out, b.out) << args.front();
        EXPECT_EQ(a.err, b.err) << args.front();
    }
}

TEST_F(PgConformance, ErrorsNameTheServerWithoutItsPassword) {
    // A password in the URL never reaches the output.
    std::string withPassword = server;
    withPassword.replace(withPassword.find("postgres@"), 9, "postgres:s3cr3t-w0rd@");
    const auto bad = runCli(withPassword, {"stats"});
    EXPECT_EQ(bad.status, 4) << bad.err;
    EXPECT_EQ(bad.err.find("s3cr3t-w0rd"), std::string::npos) << bad.err;
    EXPECT_EQ(bad.out.find("s3cr3t-w0rd"), std::string::npos) << bad.out;
}

// Issue 20: a meeting whose rows fall in two files imported one by one (GDELT's fifteen-minute
// files) is counted once on both engines: the real GDELT 1.0 daily rows dealt alternately into
// two files give the meetings of the whole file imported at once.
TEST_F(PgConformance, AMeetingSplitOverTwoImportsIsCountedOnce) {
    const fs::path real = fs::path(BILATERAL_SOURCE_DIR) / "tests/data/real";
    std::ifstream in(real / "gdelt1-daily-20160728.sample.CSV", std::ios::binary);
    std::string halves[2], line;
    for (int i = 0; std::getline(in, line); ++i) halves[i % 2] += line + "\n";
    const auto a = dir / "split-a.CSV", b = dir / "split-b.CSV";
    std::ofstream(a, std::ios::binary) << halves[0];
    std::ofstream(b, std::ios::binary) << halves[1];
    const auto whole = dir / "whole.db", split = dir / "split.db";
    ASSERT_EQ(
        runCli(whole, {"import", (real / "gdelt1-daily-20160728.sample.CSV").string(), "--quiet"})
            .status,
        0);
    const auto pg = sharedPgServers(1).createDatabase(0, uniqueDatabaseName());
    for (const std::string& db : {split.string(), pg}) {
        for (const auto& file : {a, b}) {
            const auto r = runCli(db, {"import", file.string(), "--quiet"});
            ASSERT_EQ(r.status, 0) << db << " " << file << ": " << r.err;
        }
    }
    // The United States' meetings with each co-participant, by id (both split meetings of the
    // file have it; names may differ: an actor is named after the first row that creates it).
    const Strings whoMet{"who-met",
                         "country/USA",
                         "--co-participants",
                         "--kinds",
                         "official_visit,coded_event,bilateral_meeting,talks,statement",
                         "--json"};
    const auto meetings = [&whoMet](const std::string& db) {
        const auto r = runCli(db, whoMet);
        EXPECT_EQ(r.status, 0) << db << ": " << r.err;
        std::map<std::string, std::pair<std::int64_t, std::int64_t>> out;
        if (r.status != 0) return out;
        const auto answer = r.json();
        for (const auto& c : answer.at("counterparts")) {
            out[c.at("id").get<std::string>()] = {c.at("meetings").get<std::int64_t>(),
                                                  c.at("rows").get<std::int64_t>()};
        }
        return out;
    };
    const auto want = meetings(whole.string());
    ASSERT_FALSE(want.empty());
    EXPECT_EQ(meetings(split.string()), want);
    EXPECT_EQ(meetings(pg), want);
    // Each file again adds nothing on either engine.
    for (const std::string& db : {split.string(), pg}) {
        const auto before = runCli(db, {"stats", "--json"}).out;
        for (const auto& file : {a, b}) {
            ASSERT_EQ(runCli(db, {"import", file.string(), "--quiet"}).status, 0) << db;
        }
        EXPECT_EQ(runCli(db, {"stats", "--json"}).out, before) << db;
        EXPECT_EQ(meetings(db), want) << db;
    }
}

/// `init --shards`: a coordinator (on server 0) with two shards (one on each server) answers as
/// one server does, the same files imported into both by the command.
class PgShardedConformance : public ::testing::Test {
protected:
    void SetUp() override {
        servers = &sharedPgServers(2);
        BILATERAL_SKIP_WITHOUT(*servers);
        dir = bilateral::fixtures::tempFolder("pg-sharded");
        fs::remove_all(dir);
        fs::create_directories(dir);
        const auto name = uniqueDatabaseName();
        coordinator = servers->createDatabase(0, "c" + name);
        one = servers->createDatabase(1, "o" + name);
        shards = {servers->createDatabase(0, "s" + name), servers->createDatabase(1, "s" + name)};
        icews = dir / "events.tsv";
        std::ofstream(icews, std::ios::binary) << generatedIcews(300);
    }
    void TearDown() override {
        if (!dir.empty()) fs::remove_all(dir);
    }

    PgServers* servers = nullptr;
    fs::path dir, icews;
    std::string coordinator, one;
    std::vector<std::string> shards;
};

TEST_F(PgShardedConformance, ACoordinatorAnswersAsOneServer) {
    const auto init = runCli(coordinator, {"init", "--shards", shards[0] + "," + shards[1]});
    ASSERT_EQ(init.status, 0) << init.err;
    EXPECT_NE(init.out.find("sharded over 2 databases"), std::string::npos) << init.out;
    EXPECT_EQ(init.out.find("passfile"), std::string::npos) << init.out;
    const std::string dataset =
        std::string(BILATERAL_SOURCE_DIR) + "/data/italy-malaysia-2025.json";
    for (const auto& db : {coordinator, one}) {
        for (const auto& file : {dataset, icews.string()}) {
            const auto r = runCli(db, {"import", file, "--quiet"});
            ASSERT_EQ(r.status, 0) << file << ": " << r.err;
        }
    }
    for (const Strings& args :
         {Strings{"stats", "--json"}, Strings{"who-met", "Anwar Ibrahim", "--json"},
          Strings{"who-met", "Najib Razak", "--any-side", "--json"},
          Strings{"timeline", "--dyad", "ITA:MYS", "--json"},
          Strings{"timeline", "--country", "FRA", "--from", "2014-03", "--json"},
          Strings{"timeline", "Matteo Renzi", "--json"},
          Strings{"relations", "company/petronas", "--json"},
          Strings{"holders", "post/prime-minister-malaysia", "--json"},
          Strings{"path", "Giorgia Meloni", "Najib Razak", "--json"},
          Strings{"ego", "Anwar Ibrahim", "--json"}, Strings{"search", "najib", "--json"},
          Strings{"export", "--format", "json"}, Strings{"export", "--format", "graphml"},
          Strings{"trend", "--country", "ITA", "--by", "week", "--split", "quad_class", "--json"},
          Strings{"trend", "--dyad", "MYS:ITA", "--directed", "--csv"},
          Strings{"trend", "Najib Razak", "--by", "day", "--json"}, Strings{"pairs", "--json"},
          Strings{"pairs", "--country", "MYS", "--rank", "goldstein", "--csv"}}) {
        const auto a = runCli(one, args);
        const auto b = runCli(coordinator, args);
        EXPECT_EQ(a.status, 0) << args.front() << ": " << a.err;
        EXPECT_EQ(b.status, 0) << args.front() << ": " << b.err;
        EXPECT_EQ(a.out, b.out) << args.front() << " " << args[1];
    }
    // The events are on the shards, each holding some of them.
    const auto stats = runCli(one, {"stats", "--json"}).json();
    std::int64_t onShards = 0;
    for (const auto& url : shards) {
        auto c = storage::postgres::Connection::open(url);
        const auto n = c.exec("SELECT count(*) FROM event").int64(0, 0);
        EXPECT_GT(n, 0) << url;
        onShards += n;
    }
    EXPECT_EQ(onShards, stats.at("events").get<std::int64_t>());
}

}  // namespace
}  // namespace bilateral::testing
