// Inputs as published: .gz and .zip read directly, standard input through one stream, and what
// detection says about an archive or a pipe it cannot read.

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "bilateral/error.hpp"
#include "bilateral/export/from_storage.hpp"
#include "bilateral/import/from_storage.hpp"
#include "bilateral/import/import.hpp"
#include "fixtures/real_samples.hpp"
#include "fixtures/run_cli.hpp"
#include "sqlite/store.hpp"

namespace bilateral {
namespace {

namespace fs = std::filesystem;
using fixtures::shellQuote;
using fixtures::slurpFile;

class CompressedInput : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = bilateral::fixtures::tempFolder("compressed");
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    /// Runs a shell command in the test folder; its exit status.
    int sh(const std::string& cmd) {
        const int raw = std::system(("cd " + shellQuote(dir_.string()) + " && " + cmd).c_str());
        return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    }
    /// `bilateral --db DB ARGS` with standard input from `stdinFrom`; status, out and err.
    fixtures::CliResult cli(const std::string& args, const std::string& stdinFrom) {
        const auto out = dir_ / "cli.out", err = dir_ / "cli.err";
        const std::string cmd = "env -u BILATERAL_DB " + shellQuote(BILATERAL_CLI) + " --db " +
                                shellQuote((dir_ / "x.db").string()) + " " + args + " <" +
                                shellQuote(stdinFrom) + " >" + shellQuote(out.string()) + " 2>" +
                                shellQuote(err.string());
        const int raw = std::system(cmd.c_str());
        fixtures::CliResult r;
        r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        r.out = slurpFile(out);
        r.err = slurpFile(err);
        return r;
    }
    std::string expectParseError(const fs::path& file) {
        try {
            (void)io::detectFormat(file);
        } catch (const ParseError& e) {
            return e.what();
        }
        ADD_FAILURE() << "detected";
        return {};
    }

    fs::path dir_;
    sqlite::Store store_ = sqlite::Store::memory();
};

TEST_F(CompressedInput, GzipAndZipAreDetectedByContent) {
    EXPECT_EQ(io::detectFormat(fixtures::kGdelt1HistoricalSample), io::Format::Gdelt);
    EXPECT_EQ(io::detectFormat(fixtures::kGdelt2Sample), io::Format::Gdelt);
    ASSERT_EQ(
        sh("gzip -c " + shellQuote(fixtures::kIcewsSample.string()) + " > events.2018.tab.gz"), 0);
    EXPECT_EQ(io::detectFormat(dir_ / "events.2018.tab.gz"), io::Format::Icews);
    // The name does not matter: a gzip file called .tab is read as gzip.
    fs::copy_file(dir_ / "events.2018.tab.gz", dir_ / "misnamed.tab");
    const auto s = io::importFiles(store_, {dir_ / "misnamed.tab"});
    EXPECT_EQ(s[0].events, 251);
}

TEST_F(CompressedInput, AZipOfIcewsImportsAsThePlainFile) {
    fs::copy_file(fixtures::kIcewsSample, dir_ / "events.2018.tab");
    ASSERT_EQ(sh("zip -q events.2018.tab.zip events.2018.tab"), 0);
    const auto s = io::importFiles(store_, {dir_ / "events.2018.tab.zip"});
    EXPECT_EQ(s[0].file, (dir_ / "events.2018.tab.zip").string() + ":events.2018.tab");
    EXPECT_EQ(s[0].events, 251);
}

TEST_F(CompressedInput, AnArchiveOfSeveralFilesIsRefusedNamingThem) {
    fs::copy_file(fixtures::kIcewsSample, dir_ / "a.tab");
    fs::copy_file(fixtures::kIcewsSample, dir_ / "b.tab");
    ASSERT_EQ(sh("zip -q two.zip a.tab b.tab"), 0);
    const auto what = expectParseError(dir_ / "two.zip");
    EXPECT_NE(what.find("zip archive holds 2 files (a.tab, b.tab)"), std::string::npos) << what;
    EXPECT_EQ(what.find("tab-separated fields"), std::string::npos) << what;
}

TEST_F(CompressedInput, DetectionSaysWhatItSawInsideAnArchive) {
    ASSERT_EQ(sh("printf 'hello\\tworld\\n' | gzip > notes.gz"), 0);
    auto what = expectParseError(dir_ / "notes.gz");
    EXPECT_NE(what.find("unrecognised format (gzip-compressed): the first line has 2 "
                        "tab-separated fields and starts \"hello?world\""),
              std::string::npos)
        << what;
    ASSERT_EQ(sh("printf '' | gzip > empty.gz"), 0);
    what = expectParseError(dir_ / "empty.gz");
    EXPECT_NE(what.find("empty file (gzip-compressed): nothing inside the archive"),
              std::string::npos)
        << what;
    ASSERT_EQ(sh("printf 'x' | bzip2 > x.bz2 || printf 'BZh91AY&SY' > x.bz2"), 0);
    what = expectParseError(dir_ / "x.bz2");
    EXPECT_NE(what.find("bzip2-compressed; bilateral reads plain, .gz and .zip files"),
              std::string::npos)
        << what;
}

TEST_F(CompressedInput, ADamagedGzipIsABadInputNamingTheFile) {
    ASSERT_EQ(
        sh("head -c 2000 " + shellQuote(fixtures::kGdelt1HistoricalSample.string()) + " > cut.gz"),
        0);
    try {
        io::importFiles(store_, {dir_ / "cut.gz"});
        FAIL() << "imported";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), (dir_ / "cut.gz").string());
        EXPECT_NE(std::string(e.what()).find("truncated"), std::string::npos) << e.what();
    }
    EXPECT_EQ(store_.counts().events, 0);
}

TEST_F(CompressedInput, StandardInputIsReadOnceWhateverItHolds) {
    // Plain, gzip and zip through a pipe, the format detected on the stream itself.
    auto r = cli("import -", fixtures::kIcewsSample.string());
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("<stdin>: icews, 251 records"), std::string::npos) << r.out;
    r = cli("import -", fixtures::kGdelt1HistoricalSample.string());
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("<stdin>: gdelt, 201 records"), std::string::npos) << r.out;
    r = cli("import - --format gdelt", fixtures::kGdelt2Sample.string());
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("<stdin>:20250807220000.export.CSV: gdelt, 82 records"), std::string::npos)
        << r.out;
}

TEST_F(CompressedInput, ANamedPipeIsReadOnce) {
    // As `bilateral import <(zcat events.tab.gz)` gives it: a pipe with a name.
    ASSERT_EQ(sh("mkfifo events.pipe"), 0);
    const auto cmd = "(gzip -c " + shellQuote(fixtures::kIcewsSample.string()) +
                     " > events.pipe &) && " + shellQuote(BILATERAL_CLI) +
                     " --db pipe.db import events.pipe > out.txt";
    ASSERT_EQ(sh(cmd), 0) << slurpFile(dir_ / "out.txt");
    EXPECT_NE(slurpFile(dir_ / "out.txt").find("events.pipe: icews, 251 records"),
              std::string::npos);
}

TEST_F(CompressedInput, StandardInputThatIsNoEventFileSaysItWasAPipe) {
    ASSERT_EQ(sh("printf 'just some text\\n' > notes.txt"), 0);
    const auto r = cli("import -", (dir_ / "notes.txt").string());
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("bilateral: <stdin>: line 1: unrecognised format (standard input)"),
              std::string::npos)
        << r.err;
    EXPECT_FALSE(fs::exists(dir_ / "x.db"));
}

TEST_F(CompressedInput, SkipBadRowsExitsFiveAndListsEachRow) {
    // The GDELT 2.0 rows with one GLOBALEVENTID broken.
    ASSERT_EQ(sh("unzip -p " + shellQuote(fixtures::kGdelt2Sample.string()) +
                 " | sed '3s/^1256322772/12563x2772/' > broken.CSV"),
              0);
    auto r = cli("import " + shellQuote((dir_ / "broken.CSV").string()), "/dev/null");
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("broken.CSV: line 3, column GLOBALEVENTID: \"12563x2772\" is not a "
                         "whole number"),
              std::string::npos)
        << r.err;
    r = cli("import --skip-bad-rows " + shellQuote((dir_ / "broken.CSV").string()), "/dev/null");
    EXPECT_EQ(r.status, 5) << r.err;
    EXPECT_NE(r.err.find("line 3, column GLOBALEVENTID: \"12563x2772\" is not a whole number "
                         "(row skipped)"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.out.find("gdelt, 82 records;"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(" 81 events,"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("skipped 1 malformed rows"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace bilateral
