// `bilateral draft` as a user runs it: the draft imports cleanly (alone, and into the graph it
// was matched against, where it reuses the graph's ids); the output never replaces the
// database or the article.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "draft_fixture.hpp"
#include "fixtures/run_cli.hpp"

namespace {

namespace fs = std::filesystem;
using bilateral::fixtures::runCli;
using namespace bilateral::draft::testing;

struct TempDir {
    fs::path path;
    TempDir() {
        path = bilateral::fixtures::tempFolder("draft") /
               ::testing::UnitTest::GetInstance()->current_test_info()->name();
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

/// `bilateral draft ARGS...` without --db (and without $BILATERAL_DB): no graph is read.
bilateral::fixtures::CliResult runDraft(const fs::path& dir, const std::vector<std::string>& args) {
    std::string cmd = "cd " + bilateral::fixtures::shellQuote(dir.string()) +
                      " && env -u BILATERAL_DB " + bilateral::fixtures::shellQuote(BILATERAL_CLI) +
                      " draft";
    for (const auto& a : args) cmd += " " + bilateral::fixtures::shellQuote(a);
    cmd += " >out.txt 2>err.txt";
    const int raw = std::system(cmd.c_str());
    bilateral::fixtures::CliResult r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = slurp(dir / "out.txt");
    r.err = slurp(dir / "err.txt");
    return r;
}

const fs::path kTexts = fs::path(BILATERAL_SOURCE_DIR) / "tests/draft/texts";
const fs::path kBundled = fs::path(BILATERAL_SOURCE_DIR) / "data/italy-malaysia-2025.json";
const fs::path kEditorial =
    fs::path(BILATERAL_SHARED_DIR) / "sources/italy-malaysia-editorial-2025.txt";

TEST(DraftCli, EveryTestArticleDraftImportsCleanlyIntoAFreshDatabase) {
    TempDir t;
    for (const auto& entry : fs::directory_iterator(kTexts)) {
        if (entry.path().extension() != ".txt") continue;
        const auto out = t.path / (entry.path().stem().string() + ".json");
        const auto d = runDraft(
            t.path, {entry.path().string(), "--published", "2025-07-03", "-o", out.string()});
        ASSERT_EQ(d.status, 0) << entry.path() << d.err;
        const auto db = t.path / (entry.path().stem().string() + ".db");
        const auto i = runCli(db, {"import", out.string()});
        EXPECT_EQ(i.status, 0) << entry.path() << i.out << i.err;
    }
    EXPECT_FALSE(fs::exists(t.path / "bilateral.db"));  // without --db no database is read
}

TEST(DraftCli, TheEditorialsDraftImportsIntoTheBundledGraphReusingItsIds) {
    if (!fs::exists(kEditorial)) GTEST_SKIP() << kEditorial << " is not beside the repository";
    TempDir t;
    const auto db = t.path / "kg.db";
    ASSERT_EQ(runCli(db, {"import", kBundled.string()}).status, 0);
    const auto out = t.path / "draft.json";
    const auto d = runCli(db, {"draft", kEditorial.string(), "--published", "2025", "--source-id",
                               "source/editorial-draft", "-o", out.string()});
    ASSERT_EQ(d.status, 0) << d.err;
    const auto doc = Json::parse(slurp(out));
    // Anwar Ibrahim, Giorgia Meloni and Italy are the graph's: referenced, not repeated.
    EXPECT_TRUE(actorNamed(doc, "Anwar Ibrahim").is_null());
    EXPECT_TRUE(byId(doc["actors"], "country/ITA").is_null());
    bool anwarInVisit = false;
    for (const auto& e : eventsOf(doc, "official_visit")) {
        anwarInVisit = anwarInVisit || roleOf(e, "person/anwar-ibrahim") == "guest";
    }
    EXPECT_TRUE(anwarInVisit) << doc.dump(1);
    // The review says what the draft would add, what the graph has and what it may repeat.
    const auto review = runCli(db, {"draft", kEditorial.string(), "--published", "2025", "--diff"});
    ASSERT_EQ(review.status, 0) << review.err;
    EXPECT_NE(review.out.find("= person/anwar-ibrahim"), std::string::npos) << review.out;
    EXPECT_NE(review.out.find("? may repeat event/official-visit-2025-07"), std::string::npos)
        << review.out;
    const auto before = runCli(db, {"stats", "--json"}).json();
    const auto i = runCli(db, {"import", out.string()});
    ASSERT_EQ(i.status, 0) << i.out << i.err;
    // The import added the draft's facts and renamed nothing of the graph's.
    int named = 0;
    const auto hits = runCli(db, {"search", "Anwar Ibrahim", "--json"}).json();
    for (const auto& h : hits["hits"]) {
        if (h["name"] == "Anwar Ibrahim") {
            ++named;
            EXPECT_EQ(h["id"], "person/anwar-ibrahim");
        }
    }
    EXPECT_EQ(named, 1);
    EXPECT_NE(before.dump(), runCli(db, {"stats", "--json"}).json().dump());
}

TEST(DraftCli, TheOutputNeverReplacesTheDatabaseOrTheArticle) {
    TempDir t;
    const auto db = t.path / "kg.db";
    ASSERT_EQ(runCli(db, {"import", kBundled.string()}).status, 0);
    const std::string dbBytes = slurp(db);
    const auto article = t.path / "article.txt";
    { std::ofstream(article) << "The ministers met in Rome on Thursday.\n"; }
    const auto overDb = runCli(db, {"draft", article.string(), "-o", db.string()});
    EXPECT_EQ(overDb.status, 1);
    EXPECT_NE(overDb.err.find("is the database"), std::string::npos) << overDb.err;
    EXPECT_EQ(slurp(db), dbBytes);
    const auto overArticle = runCli(db, {"draft", article.string(), "-o", article.string()});
    EXPECT_EQ(overArticle.status, 1);
    EXPECT_NE(overArticle.err.find("is the article"), std::string::npos) << overArticle.err;
    EXPECT_EQ(slurp(article), "The ministers met in Rome on Thursday.\n");
    const auto link = t.path / "link.txt";
    fs::create_symlink(article, link);
    EXPECT_EQ(runCli(db, {"draft", article.string(), "-o", link.string()}).status, 1);
    EXPECT_EQ(slurp(article), "The ministers met in Rome on Thursday.\n");
}

TEST(DraftCli, BadArgumentsAreClearErrors) {
    TempDir t;
    const auto missing = runDraft(t.path, {(t.path / "none.txt").string()});
    EXPECT_EQ(missing.status, 1);
    EXPECT_NE(missing.err.find("cannot read the article"), std::string::npos) << missing.err;
    const auto article = t.path / "a.txt";
    std::ofstream(article) << "Text.\n";
    const auto lang = runDraft(t.path, {article.string(), "--lang", "fr"});
    EXPECT_EQ(lang.status, 1);
    EXPECT_NE(lang.err.find("--lang"), std::string::npos) << lang.err;
    const auto date = runDraft(t.path, {article.string(), "--published", "July 3"});
    EXPECT_EQ(date.status, 1);
    EXPECT_NE(date.err.find("--published"), std::string::npos) << date.err;
    std::ofstream(t.path / "bad.txt", std::ios::binary) << "ok\n\xff\n";
    const auto bad = runDraft(t.path, {(t.path / "bad.txt").string()});
    EXPECT_EQ(bad.status, 2);
    EXPECT_NE(bad.err.find((t.path / "bad.txt").string() + ": line 2, byte 1"), std::string::npos)
        << bad.err;
}

}  // namespace
