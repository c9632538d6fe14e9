// Bad input never corrupts: every broken file of the corpus (tests/reliability/corpus, listed in
// MANIFEST.tsv with the place its message must name) and a few generated ones (a 50 MB field, a
// million levels of nesting, a missing file, a directory) is refused by `bilateral import` with
// exit status 2 and one message `bilateral: FILE: PLACE: reason`, and the database's logical
// dump (and its main file, byte for byte) is what it was before.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "support.hpp"

namespace fs = std::filesystem;
using namespace reliability;

namespace {

struct Case {
    std::string file;      ///< relative to the corpus folder
    std::string location;  ///< "-" when the message names the file only
};

std::vector<Case> manifest() {
    std::ifstream in(corpusDir() / "MANIFEST.tsv");
    std::vector<Case> cases;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const auto tab = line.find('\t');
        if (tab == std::string::npos) throw std::runtime_error("bad MANIFEST.tsv line: " + line);
        cases.push_back({line.substr(0, tab), line.substr(tab + 1)});
    }
    return cases;
}

/// The folder a corpus file is in names its format.
std::string formatOf(const std::string& file) {
    return file.substr(0, file.find('/'));
}

/// A seed that shares no id with the corpus: its Event IDs moved to another range.
std::string shifted(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) {
        text.replace(at, from.size(), to);
    }
    return text;
}

class BadInput : public SharedDatabaseSuite {
protected:
    static void SetUpTestSuite() {
        makeScratch("bad-input", "curated.db");
        // A database holding all three kinds of input, as an analyst's would.
        const auto icews = *dir_ / "seed-icews.tsv";
        const auto gdelt = *dir_ / "seed-gdelt.tsv";
        writeBytes(icews,
                   shifted(readBytes(corpusDir() / "icews" / "valid.tsv"), "2000000", "3000000"));
        writeBytes(gdelt,
                   shifted(readBytes(corpusDir() / "gdelt" / "valid.tsv"), "80000000", "90000000"));
        const auto r =
            cli({"import",
                 (fs::path(BILATERAL_SOURCE_DIR) / "data" / "italy-malaysia-2025.json").string(),
                 icews.string(), gdelt.string()});
        ASSERT_EQ(r.status, 0) << r.err;
        dump_ = new std::string(logicalDump(*db_));
        bytes_ = new std::string(durableBytes(*db_));
        fs::copy_file(*db_, *dir_ / "pristine.db");
    }
    static void TearDownTestSuite() {
        SharedDatabaseSuite::TearDownTestSuite();
        delete dump_;
        delete bytes_;
    }

    /// Runs the import and checks the refusal; `location` "-" means the file alone is named,
    /// "" that any place may be named (or none).
    static void expectRefused(const fs::path& input, const std::vector<std::string>& extraArgs,
                              const std::string& location) {
        std::vector<std::string> args{"import"};
        args.insert(args.end(), extraArgs.begin(), extraArgs.end());
        args.push_back(input.string());
        const auto r = cli(args);
        EXPECT_EQ(r.status, 2) << r.err;
        EXPECT_EQ(r.out, "");
        EXPECT_EQ(lineCount(r.err), 1u) << r.err;
        EXPECT_EQ(r.err.back(), '\n');
        const std::string prefix = "bilateral: " + input.string() + ": ";
        EXPECT_EQ(r.err.substr(0, prefix.size()), prefix) << r.err;
        if (location == "-") {
            const auto rest = r.err.substr(std::min(prefix.size(), r.err.size()));
            EXPECT_FALSE(rest.starts_with("line ") || rest.starts_with("/")) << r.err;
        } else if (!location.empty()) {
            EXPECT_EQ(r.err.substr(0, prefix.size() + location.size() + 2),
                      prefix + location + ": ")
                << r.err;
        }
        const auto dump = logicalDump(*db_);
        EXPECT_EQ(firstDifference(*dump_, dump), "") << "the database changed";
        EXPECT_TRUE(durableBytes(*db_) == *bytes_) << "the database file's bytes changed";
        if (dump != *dump_ || durableBytes(*db_) != *bytes_) restore();
    }

    /// Puts the seeded database back, so that one failure does not fail every later case.
    static void restore() {
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_->string() + suffix);
        fs::copy_file(*dir_ / "pristine.db", *db_);
    }

    static std::string* dump_;
    static std::string* bytes_;
};

std::string* BadInput::dump_ = nullptr;
std::string* BadInput::bytes_ = nullptr;

}  // namespace

TEST_F(BadInput, EveryCorpusFileIsRefusedNamingThePlaceAndChangesNothing) {
    const auto cases = manifest();
    ASSERT_GT(cases.size(), 100u);
    for (const auto& c : cases) {
        SCOPED_TRACE(c.file);
        expectRefused(corpusDir() / c.file, {"--format", formatOf(c.file)}, c.location);
    }
}

TEST_F(BadInput, EveryCorpusFileIsAlsoRefusedWhenTheFormatIsDetected) {
    // Detection may refuse a file earlier (an unrecognisable first line) and so name another
    // place; it must still be a refusal naming the file. An ICEWS file given as GDELT is a good
    // ICEWS file once detected.
    for (const auto& c : manifest()) {
        if (c.file == "gdelt/icews-given-as-gdelt.tsv") continue;
        SCOPED_TRACE(c.file);
        expectRefused(corpusDir() / c.file, {}, "");
    }
}

TEST_F(BadInput, TheManifestListsEveryCorpusFileAndOnlyThose) {
    std::set<std::string> listed;
    for (const auto& c : manifest()) {
        EXPECT_TRUE(fs::is_regular_file(corpusDir() / c.file)) << c.file;
        EXPECT_TRUE(listed.insert(c.file).second) << "listed twice: " << c.file;
    }
    for (const auto* format : {"dataset", "icews", "gdelt"}) {
        for (const auto& entry : fs::directory_iterator(corpusDir() / format)) {
            const auto rel = std::string(format) + "/" + entry.path().filename().string();
            if (entry.path().stem() == "valid") continue;
            EXPECT_TRUE(listed.count(rel)) << "not in MANIFEST.tsv: " << rel;
        }
    }
}

TEST_F(BadInput, TheValidFilesTheCorpusIsMadeFromImport) {
    // Each broken file is one of these with one thing broken, so the refusal is for that thing.
    const auto dir = scratchDir("bad-input-valid");
    for (const auto* format : {"dataset", "icews", "gdelt"}) {
        SCOPED_TRACE(format);
        const auto file =
            corpusDir() / format /
            (std::string("valid.") + (format == std::string("dataset") ? "json" : "tsv"));
        const auto r = runCli({"--db", (dir / (std::string(format) + ".db")).string(), "import",
                               "--format", format, file.string()},
                              dir);
        EXPECT_EQ(r.status, 0) << r.err;
    }
}

namespace {

/// `text` with its first `needle` replaced by `size` bytes of `fill`.
std::string withHugeField(const std::string& text, const std::string& needle, std::size_t size,
                          char fill) {
    auto out = text;
    const auto at = out.find(needle);
    if (at == std::string::npos) throw std::runtime_error("no " + needle);
    out.replace(at, needle.size(), std::string(size, fill));
    return out;
}

constexpr std::size_t k50MB = 50u * 1024u * 1024u;

}  // namespace

TEST_F(BadInput, AFiftyMegabyteFieldIsRefusedInEveryFormat) {
    const auto dir = scratchDir("bad-input-50mb");
    struct Huge {
        std::string format, base, needle, location;
    };
    const std::vector<Huge> cases{
        {"dataset", "dataset/valid.json", "Talks", "line 14, column"},
        {"icews", "icews/valid.tsv", "Make statement", "line 2"},
        {"gdelt", "gdelt/valid.tsv", "https://example.org/news/2", "line 2"},
    };
    for (const auto& h : cases) {
        SCOPED_TRACE(h.format);
        const auto file = dir / ("huge-field-" + h.format);
        writeBytes(file, withHugeField(readBytes(corpusDir() / h.base), h.needle, k50MB, 'x'));
        expectRefused(file, {"--format", h.format}, "");
        const auto r = runCli({"--db", db_->string(), "import", file.string()}, dir);
        EXPECT_EQ(r.status, 2);
        EXPECT_NE(r.err.find(": " + h.location), std::string::npos) << r.err;
        fs::remove(file);
    }
}

TEST_F(BadInput, AMillionLevelsOfNestingAreRefusedWithoutCrashing) {
    const auto dir = scratchDir("bad-input-deep");
    const auto arrays = dir / "deep-arrays.json";
    writeBytes(arrays, R"({"format": "bilateral-dataset", "version": 1, "sources": )" +
                           std::string(1'000'000, '[') + std::string(1'000'000, ']') + "}");
    expectRefused(arrays, {}, "line 1, column 121");  // the 64th [ opens level 65
    std::string objects =
        R"({"format": "bilateral-dataset", "version": 1, "actors": [{"id": "a", "kind": "person", "name": "A", "attributes": )";
    for (int i = 0; i < 1'000'000; ++i) objects += R"({"a":)";
    objects += "1" + std::string(1'000'000, '}') + "}]}";
    const auto nested = dir / "deep-objects.json";
    writeBytes(nested, objects);
    expectRefused(nested, {"--format", "dataset"}, "");
    // An unterminated million: the guard refuses it before the parser sees the missing end.
    const auto open = dir / "deep-unterminated.json";
    writeBytes(open, "{\"x\": " + std::string(1'000'000, '['));
    expectRefused(open, {}, "");
}

TEST_F(BadInput, AMissingFileADirectoryOrADeviceIsRefused) {
    const auto dir = scratchDir("bad-input-files");
    expectRefused(dir / "no-such-file.json", {}, "-");
    expectRefused(dir / "no-such-file.tsv", {"--format", "icews"}, "-");
    expectRefused(dir, {}, "-");
    expectRefused(dir, {"--format", "gdelt"}, "-");
    expectRefused("/dev/null", {}, "");
    expectRefused("/dev/null", {"--format", "dataset"}, "");
}

TEST_F(BadInput, ABadFileAfterGoodOnesWritesNothingFromAny) {
    const auto dir = scratchDir("bad-input-batch");
    const auto icews = dir / "good-icews.tsv";
    const auto gdelt = dir / "good-gdelt.tsv";
    writeBytes(icews,
               shifted(readBytes(corpusDir() / "icews" / "valid.tsv"), "2000000", "4000000"));
    writeBytes(gdelt,
               shifted(readBytes(corpusDir() / "gdelt" / "valid.tsv"), "80000000", "70000000"));
    for (const auto* bad : {"icews/wrong-type-intensity.tsv", "gdelt/date-month-13.tsv",
                            "dataset/dangling-participant.json"}) {
        SCOPED_TRACE(bad);
        const auto badFile = corpusDir() / bad;
        const auto r = runCli(
            {"--db", db_->string(), "import", icews.string(), gdelt.string(), badFile.string()},
            dir);
        EXPECT_EQ(r.status, 2) << r.err;
        EXPECT_EQ(r.err.substr(0, 11 + badFile.string().size()), "bilateral: " + badFile.string())
            << r.err;
        EXPECT_EQ(firstDifference(*dump_, logicalDump(*db_)), "");
    }
}
