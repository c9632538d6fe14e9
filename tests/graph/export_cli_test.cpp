// `bilateral export`: formats, filters, files and exit codes, through the built command.

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "fixtures/temp_files.hpp"

namespace fs = std::filesystem;

namespace {

struct CommandResult {
    int status = -1;
    std::string out, err;
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

class ExportCli : public ::testing::Test {
protected:
    // One folder per process: ctest runs each test in its own process, several at a time.
    static fs::path dir() { return bilateral::fixtures::tempFolder("export-cli-test"); }
    static fs::path db() { return dir() / "export.db"; }

    static void SetUpTestSuite() {
        fs::remove_all(dir());
        fs::create_directories(dir());
        const auto r = bilateral(
            {"import", std::string(BILATERAL_SOURCE_DIR) + "/data/italy-malaysia-2025.json"});
        ASSERT_EQ(r.status, 0) << r.err;
    }
    static void TearDownTestSuite() { fs::remove_all(dir()); }

    /// Runs the command with --db and the arguments (each single-quoted).
    static CommandResult bilateral(const std::vector<std::string>& args,
                                   const fs::path& database = db()) {
        std::string cmd = std::string("'") + BILATERAL_CLI + "' --db '" + database.string() + "'";
        for (const auto& a : args) cmd += " '" + a + "'";
        const auto out = dir() / "stdout", err = dir() / "stderr";
        cmd += " >'" + out.string() + "' 2>'" + err.string() + "'";
        const int raw = std::system(cmd.c_str());
        return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(out), slurp(err)};
    }
};

}  // namespace

TEST_F(ExportCli, WritesEachFormatToStdout) {
    for (const auto* format : {"graphml", "gexf", "json", "cytoscape", "dot"}) {
        const auto r = bilateral({"export", "--format", format});
        EXPECT_EQ(r.status, 0) << format << ": " << r.err;
        EXPECT_FALSE(r.out.empty()) << format;
    }
    const auto graphml = bilateral({"export", "--format", "graphml"});
    EXPECT_EQ(graphml.out.rfind("<?xml", 0), 0u);
    const auto json = nlohmann::json::parse(bilateral({"export", "--format", "json"}).out);
    EXPECT_EQ(json.at("format"), "bilateral-dataset");
    EXPECT_EQ(json.at("actors").size(), 45u);
}

TEST_F(ExportCli, WritesTheSameBytesToAFileAndSaysWhat) {
    const auto file = dir() / "graph.gexf";
    const auto r = bilateral({"export", "--format", "gexf", "-o", file.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("56 nodes"), std::string::npos) << r.out;
    EXPECT_EQ(slurp(file), bilateral({"export", "--format", "gexf"}).out);
    for (const auto& entry : fs::directory_iterator(dir())) {
        EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos)
            << entry.path();
    }
}

TEST_F(ExportCli, FiltersByWindowAndKinds) {
    const auto all = nlohmann::json::parse(bilateral({"export", "--format", "cytoscape"}).out);
    const auto some =
        nlohmann::json::parse(bilateral({"export", "--format", "cytoscape", "--from", "2025-07",
                                         "--to", "2025-07", "--kinds", "bilateral_meeting,talks"})
                                  .out);
    const auto& nodes = some.at("elements").at("nodes");
    EXPECT_LT(nodes.size(), all.at("elements").at("nodes").size());
    std::size_t events = 0;
    for (const auto& n : nodes) {
        if (n.at("data").at("kind") != "event") continue;
        ++events;
        const auto type = n.at("data").at("type").get<std::string>();
        EXPECT_TRUE(type == "bilateral_meeting" || type == "talks") << type;
    }
    EXPECT_GE(events, 2u);
    EXPECT_EQ(some.at("data").at("window_from"), "2025-07");

    // The dataset of a subgraph imports on its own.
    const auto sub = dir() / "sub.json";
    ASSERT_EQ(bilateral({"export", "--format", "json", "--kinds", "roundtable", "-o", sub.string()})
                  .status,
              0);
    const auto fresh = dir() / "fresh.db";
    const auto imported = bilateral({"import", sub.string()}, fresh);
    EXPECT_EQ(imported.status, 0) << imported.err;
}

TEST_F(ExportCli, RefusesBadArgumentsWithUsageStatusAndAnEmptyStdout) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"export"},
             {"export", "--format", "csv"},
             {"export", "--format", "dot", "--kinds", "picnic"},
             {"export", "--format", "dot", "--from", "2025-02-30"},
             {"export", "--format", "dot", "--from", "2025-08", "--to", "2025-07"},
         }) {
        const auto r = bilateral(args);
        EXPECT_EQ(r.status, 1) << args.back() << ": " << r.err;
        EXPECT_TRUE(r.out.empty()) << args.back();
        EXPECT_FALSE(r.err.empty()) << args.back();
    }
}

TEST_F(ExportCli, FailsWithStorageStatusWithoutADatabaseOrAWritableOutput) {
    const auto missing = bilateral({"export", "--format", "graphml"}, dir() / "missing.db");
    EXPECT_EQ(missing.status, 4) << missing.err;
    EXPECT_TRUE(missing.out.empty());
    EXPECT_FALSE(fs::exists(dir() / "missing.db")) << "export opens read-only and creates nothing";
    const auto unwritable = bilateral(
        {"export", "--format", "graphml", "-o", (dir() / "no/such/dir/x.graphml").string()});
    EXPECT_EQ(unwritable.status, 4) << unwritable.err;
}
