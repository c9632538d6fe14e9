// `bilateral import` as scripts meet it: a bad file exits 2 with `bilateral: FILE: WHERE: reason`
// on stderr and leaves the database's content exactly as it was; a good file exits 0 and
// `stats --json` counts what it holds.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include "fixtures/run_cli.hpp"
#include "fixtures/text_diff.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kBundled = fs::path(BILATERAL_SOURCE_DIR) / "data" / "italy-malaysia-2025.json";

constexpr const char* kSmall = R"({"format": "bilateral-dataset", "version": 1,
  "sources": [{"id": "source/s", "title": "S"}],
  "actors": [{"id": "country/ITA", "kind": "country", "name": "Italy", "country": "ITA"},
             {"id": "country/MYS", "kind": "country", "name": "Malaysia", "country": "MYS"}],
  "events": [{"id": "event/e", "kind": "talks", "title": "Talks", "start": "2025-07-02",
              "participants": [{"actor": "country/ITA", "role": "host"},
                               {"actor": "country/MYS", "role": "guest"}],
              "evidence": [{"source": "source/s", "quote": "talks"}]}]
})";

using bilateral::fixtures::firstDifference;
using bilateral::fixtures::slurpFile;

class ImportCli : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = bilateral::fixtures::tempFolder("import-cli") / info->name();
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        db_ = dir_ / "test.db";
    }

    fs::path write(const std::string& name, const std::string& content) const {
        const auto p = dir_ / name;
        std::ofstream(p, std::ios::binary) << content;
        return p;
    }

    /// Runs `bilateral --db DB ARGS...` with stdin from /dev/null.
    bilateral::fixtures::CliResult run(const std::vector<std::string>& args) const {
        return bilateral::fixtures::runCli(db_, args);
    }

    /// Every table's rows (ordered by all columns, the full-text index's own tables included),
    /// the schema and user_version, as text: the database's logical content.
    std::string dump() const {
        SQLite::Database db(db_.string(), SQLite::OPEN_READONLY);
        std::string out =
            "user_version " + std::to_string(db.execAndGet("PRAGMA user_version").getInt()) + "\n";
        std::vector<std::string> tables;
        SQLite::Statement schema(
            db, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY name");
        while (schema.executeStep()) {
            out += schema.getColumn(0).getString() + " " + schema.getColumn(1).getString() + ": " +
                   schema.getColumn(2).getString() + "\n";
            const auto name = schema.getColumn(1).getString();
            if (schema.getColumn(0).getString() == "table") tables.push_back(name);
        }
        for (const auto& t : tables) {
            SQLite::Statement probe(db, "SELECT * FROM \"" + t + "\" LIMIT 0");
            std::string order;
            for (int i = 1; i <= probe.getColumnCount(); ++i)
                order += (i > 1 ? "," : "") + std::to_string(i);
            SQLite::Statement rows(db, "SELECT * FROM \"" + t + "\" ORDER BY " + order);
            while (rows.executeStep()) {
                out += t + ":";
                for (int i = 0; i < rows.getColumnCount(); ++i) {
                    const auto c = rows.getColumn(i);
                    out += c.isNull() ? std::string(" NULL") : " [" + c.getString() + "]";
                }
                out += "\n";
            }
        }
        return out;
    }

    /// Seeds the database with a small dataset, then expects `import file` to fail with exit 2,
    /// stderr starting `bilateral: FILE: WHERE`, and the database's content unchanged.
    void expectRefused(const fs::path& file, const std::string& where,
                       const std::vector<std::string>& extra = {}) {
        ASSERT_EQ(run({"import", write("seed.json", kSmall).string()}).status, 0);
        const auto before = dump();
        std::vector<std::string> args{"import", file.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto r = run(args);
        EXPECT_EQ(r.status, 2) << r.err;
        const auto prefix = "bilateral: " + file.string() + ": " + where;
        EXPECT_EQ(r.err.rfind(prefix, 0), 0u)
            << "stderr: " << r.err << "expected to start: " << prefix;
        EXPECT_EQ(r.out, "");
        EXPECT_EQ(firstDifference(before, dump()), "");
    }

    fs::path dir_;
    fs::path db_;
};

std::string smallWith(const std::string& from, const std::string& to) {
    std::string s = kSmall;
    const auto at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return s.replace(at, from.size(), to);
}

}  // namespace

TEST_F(ImportCli, RefusesAnUnknownFieldNamingItsPointer) {
    const auto f = write("unknown.json",
                         smallWith(R"("name": "Italy")", R"("name": "Italy", "nickname": "It")"));
    expectRefused(f, "/actors/0/nickname: unknown field \"nickname\"");
}

TEST_F(ImportCli, RefusesADanglingId) {
    const auto f =
        write("dangling.json", smallWith(R"("actor": "country/MYS")", R"("actor": "country/XXX")"));
    expectRefused(f, "/events/0/participants/1/actor: unknown actor \"country/XXX\"");
}

TEST_F(ImportCli, RefusesADuplicateId) {
    const auto f =
        write("duplicate.json", smallWith(R"("id": "country/MYS")", R"("id": "country/ITA")"));
    expectRefused(f, "/actors/1/id: duplicate id \"country/ITA\"");
}

TEST_F(ImportCli, RefusesADateThatDoesNotExist) {
    const auto f = write("date.json", smallWith("2025-07-02", "2025-02-30"));
    expectRefused(f, "/events/0/start: invalid date \"2025-02-30\": February 2025 has 28 days");
}

TEST_F(ImportCli, RefusesAnUnknownKind) {
    const auto f = write("kind.json", smallWith(R"("kind": "talks")", R"("kind": "chat")"));
    expectRefused(f,
                  "/events/0/kind: unknown event kind \"chat\"; expected one of: official_visit");
}

TEST_F(ImportCli, RefusesASyntaxErrorNamingLineAndColumn) {
    const auto f =
        write("syntax.json", "{\n  \"format\": \"bilateral-dataset\",\n  \"version\": 1,,\n}\n");
    expectRefused(f, "line 3, column 16: syntax error");
}

TEST_F(ImportCli, RefusesAnEmptyFile) {
    expectRefused(write("empty.json", ""), "empty file");
    expectRefused(dir_ / "empty.json", "empty file", {"--format", "dataset"});
}

TEST_F(ImportCli, RefusesAMissingFile) {
    expectRefused(dir_ / "missing.json", "no such file");
}

TEST_F(ImportCli, RefusesADirectory) {
    fs::create_directories(dir_ / "folder");
    expectRefused(dir_ / "folder", "is a directory, not a file");
}

TEST_F(ImportCli, RefusesAFileOfNoKnownFormat) {
    expectRefused(write("notes.txt", "just some words\n"), "line 1: unrecognised format");
}

TEST_F(ImportCli, WritesNothingFromAGoodFileWhenALaterFileIsBad) {
    ASSERT_EQ(run({"import", write("seed.json", kSmall).string()}).status, 0);
    const auto before = dump();
    const auto bad = write("bad.json", smallWith("2025-07-02", "2025-13"));
    const auto r = run({"import", kBundled.string(), bad.string()});
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err.rfind("bilateral: " + bad.string() + ": /events/0/start: invalid date", 0), 0u)
        << r.err;
    EXPECT_EQ(firstDifference(before, dump()), "");
}

TEST_F(ImportCli, LeavesNoDatabaseBehindWhenTheFileIsMissing) {
    const auto r = run({"import", (dir_ / "missing.json").string()});
    EXPECT_EQ(r.status, 2);
    EXPECT_FALSE(fs::exists(db_));
}

TEST_F(ImportCli, RefusesAnUnknownFormatNameAsAUsageError) {
    const auto r = run({"import", kBundled.string(), "--format", "csv"});
    EXPECT_EQ(r.status, 1) << r.err;
}

TEST_F(ImportCli, ImportsTheBundledDatasetAndStatsCountsIt) {
    const auto r = run({"import", kBundled.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out.rfind(kBundled.string() + ": dataset, ", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("skipped 0 already present"), std::string::npos) << r.out;
    EXPECT_EQ(r.err, "");  // no progress bar when stderr is not a terminal

    const auto doc = nlohmann::json::parse(slurpFile(kBundled));
    std::int64_t participations = 0, evidence = 0;
    for (const auto* key : {"actors", "events", "relations"}) {
        for (const auto& x : doc[key]) {
            evidence +=
                static_cast<std::int64_t>(x.value("evidence", nlohmann::json::array()).size());
            for (const auto& p : x.value("participants", nlohmann::json::array())) {
                ++participations;
                evidence +=
                    static_cast<std::int64_t>(p.value("evidence", nlohmann::json::array()).size());
            }
            for (const auto& a : x.value("attested", nlohmann::json::array())) {
                evidence +=
                    static_cast<std::int64_t>(a.value("evidence", nlohmann::json::array()).size());
            }
        }
    }
    const auto stats = run({"stats", "--json"});
    ASSERT_EQ(stats.status, 0) << stats.err;
    const auto j = nlohmann::json::parse(stats.out);
    EXPECT_EQ(j["sources"], doc["sources"].size());
    EXPECT_EQ(j["actors"], doc["actors"].size());
    EXPECT_EQ(j["events"], doc["events"].size());
    EXPECT_EQ(j["relations"], doc["relations"].size());
    EXPECT_EQ(j["participations"], participations);
    EXPECT_EQ(j["evidence"], evidence);
}

TEST_F(ImportCli, ImportingTheSameFileAgainAddsNothing) {
    ASSERT_EQ(run({"import", kBundled.string()}).status, 0);
    const auto before = dump();
    const auto r = run({"import", kBundled.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(
        r.out.find("added or updated 0 sources, 0 actors, 0 events, 0 participations, 0 relations"),
        std::string::npos)
        << r.out;
    EXPECT_EQ(firstDifference(before, dump()), "");
}
