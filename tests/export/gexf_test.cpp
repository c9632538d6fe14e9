// GEXF versions: 1.2draft by default, 1.3 on request. Each is validated against the official
// schema shipped under tests/data/gexf-schema/ (xmllint), and the default is read back by
// NetworkX (Debian's python3-networkx, /usr/bin/python3).

#include <gtest/gtest.h>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "bilateral/error.hpp"
#include "bilateral/export/from_storage.hpp"
#include "bilateral/export/writers.hpp"
#include "bilateral/graph/from_storage.hpp"
#include "bilateral/graph/projection.hpp"
#include "bilateral/import/from_storage.hpp"
#include "bilateral/import/import.hpp"
#include "fixtures/temp_files.hpp"
#include "sqlite/store.hpp"

namespace bilateral {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = BILATERAL_SOURCE_DIR;

/// Runs a shell command; its stdout and stderr, and its exit status in `*status`.
std::string run(const std::string& cmd, int* status) {
    std::string out;
    FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
    if (!p) {
        *status = -1;
        return out;
    }
    std::array<char, 4096> buf{};
    while (const auto n = std::fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
    *status = ::pclose(p);
    return out;
}

class GexfVersions : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = bilateral::fixtures::tempFolder("gexf-test");
        fs::create_directories(dir_);
        io::importFiles(store_, {kSource / "data" / "italy-malaysia-2025.json"});
    }
    void TearDown() override { fs::remove_all(dir_); }

    /// The bundled dataset as GEXF of `version`, written to a file; its path.
    fs::path write(io::GexfVersion version) {
        const auto projection = graph::buildProjection(store_);
        std::ostringstream text;
        io::writeGexf(text, projection, {.gexfVersion = version});
        const auto file = dir_ / ("graph-" + std::string(io::toString(version)) + ".gexf");
        std::ofstream(file, std::ios::binary) << text.str();
        return file;
    }

    /// xmllint's verdict on `file` against the shipped schema of `version`.
    void expectValid(const fs::path& file, io::GexfVersion version) {
        int status = 0;
        (void)run("command -v xmllint", &status);
        if (status != 0) GTEST_SKIP() << "xmllint (libxml2-utils) is not installed";
        const auto schema =
            kSource / "tests" / "data" / "gexf-schema" / io::toString(version) / "gexf.xsd";
        const auto out = run(
            "xmllint --noout --schema '" + schema.string() + "' '" + file.string() + "'", &status);
        EXPECT_EQ(status, 0) << out;
        EXPECT_NE(out.find("validates"), std::string::npos) << out;
    }

    sqlite::Store store_ = sqlite::Store::memory();
    fs::path dir_;
};

TEST_F(GexfVersions, DefaultIs12DraftAndValidatesAgainstItsSchema) {
    const auto file = write(io::ExportOptions{}.gexfVersion);
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_NE(text.str().find("xmlns=\"http://www.gexf.net/1.2draft\""), std::string::npos);
    EXPECT_NE(text.str().find("version=\"1.2\""), std::string::npos);
    // 1.2draft has neither the edges' kind nor the graph's timerepresentation.
    EXPECT_EQ(text.str().find(" kind=\""), std::string::npos);
    EXPECT_EQ(text.str().find("timerepresentation"), std::string::npos);
    expectValid(file, io::GexfVersion::V1_2Draft);
}

TEST_F(GexfVersions, Version13ValidatesAgainstItsSchema) {
    const auto file = write(io::GexfVersion::V1_3);
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_NE(text.str().find("xmlns=\"http://gexf.net/1.3\""), std::string::npos);
    EXPECT_NE(text.str().find(" kind=\"holds_post\""), std::string::npos);
    expectValid(file, io::GexfVersion::V1_3);
}

TEST_F(GexfVersions, NetworkXReadsTheDefaultWithEveryNodeEdgeAndLabel) {
    int status = 0;
    (void)run("/usr/bin/python3 -c 'import networkx'", &status);
    if (status != 0) GTEST_SKIP() << "python3-networkx is not installed";
    const auto file = write(io::GexfVersion::V1_2Draft);
    const auto script = dir_ / "read.py";
    std::ofstream(script) << "import sys, networkx as nx\n"
                             "g = nx.read_gexf(sys.argv[1])\n"
                             "by_id = {d['bilateral_id']: d for _, d in g.nodes(data=True)}\n"
                             "print(g.number_of_nodes(), g.number_of_edges(),\n"
                             "      by_id['country/ITA']['label'], by_id['country/ITA']['kind'])\n";
    const auto out =
        run("/usr/bin/python3 '" + script.string() + "' '" + file.string() + "'", &status);
    ASSERT_EQ(status, 0) << out;
    const auto projection = graph::buildProjection(store_);
    EXPECT_EQ(out, std::to_string(projection.vertexCount()) + " " +
                       std::to_string(projection.edgeCount()) + " Italy actor\n");
}

TEST(GexfVersion, ParsesTheNamesTheCommandTakes) {
    EXPECT_EQ(io::parseGexfVersion("1.2draft"), io::GexfVersion::V1_2Draft);
    EXPECT_EQ(io::parseGexfVersion("1.2"), io::GexfVersion::V1_2Draft);
    EXPECT_EQ(io::parseGexfVersion("1.3"), io::GexfVersion::V1_3);
    EXPECT_THROW((void)io::parseGexfVersion("1.1"), InvalidArgumentError);
}

}  // namespace
}  // namespace bilateral
