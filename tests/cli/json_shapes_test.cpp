// The `--json` shapes written down in docs/cli.md (its ```json-shape blocks) checked against what
// each verb prints, on the bundled dataset and on an empty database: the page is read here, so
// the documentation and the program cannot drift apart. The notation is described in
// docs/cli.md ("Shapes").

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "fixtures/run_cli.hpp"

namespace fs = std::filesystem;
using bilateral::fixtures::runCli;
using nlohmann::json;
using Strings = std::vector<std::string>;

namespace {

using Shapes = std::map<std::string, json>;

/// Every ```json-shape NAME block of a Markdown text, parsed.
Shapes readShapes(const std::string& markdown) {
    Shapes shapes;
    std::istringstream in(markdown);
    std::string line, name, body;
    bool inside = false;
    while (std::getline(in, line)) {
        const auto start = line.find_first_not_of(' ');
        const std::string trimmed = start == std::string::npos ? "" : line.substr(start);
        if (!inside && trimmed.starts_with("```json-shape ")) {
            inside = true;
            name = trimmed.substr(14);
            body.clear();
        } else if (inside && trimmed.starts_with("```")) {
            inside = false;
            EXPECT_FALSE(shapes.contains(name)) << "shape " << name << " defined twice";
            shapes[name] = json::parse(body);  // throws, failing the test, when not JSON
        } else if (inside) {
            body += line + "\n";
        }
    }
    EXPECT_FALSE(inside) << "unterminated json-shape block " << name;
    return shapes;
}

/// Checks `value` against `shape`; each mismatch is added to `problems` with its JSON path.
class Checker {
public:
    explicit Checker(const Shapes& shapes) : shapes_(shapes) {}

    Strings check(const json& value, const json& shape) {
        problems_.clear();
        match(value, shape, "");
        return problems_;
    }

private:
    bool fitsType(const json& v, const std::string& type, const std::string& at) {
        if (type == "string") return v.is_string();
        if (type == "integer") return v.is_number_integer();
        if (type == "number") return v.is_number();
        if (type == "boolean") return v.is_boolean();
        if (type == "null") return v.is_null();
        if (type == "date") {
            static const std::regex iso(R"(\d{4}(-\d{2}(-\d{2})?)?)");
            return v.is_string() && std::regex_match(v.get<std::string>(), iso);
        }
        const auto it = shapes_.find(type);
        if (it == shapes_.end()) {
            problems_.push_back(at + ": unknown type \"" + type + "\" in the shape");
            return false;
        }
        Checker inner(shapes_);
        return inner.check(v, it->second).empty();
    }

    void match(const json& v, const json& shape, const std::string& at) {
        if (shape.is_string()) {
            const auto types = shape.get<std::string>();
            std::size_t start = 0;
            while (start <= types.size()) {
                auto bar = types.find('|', start);
                if (bar == std::string::npos) bar = types.size();
                if (fitsType(v, types.substr(start, bar - start), at)) return;
                start = bar + 1;
            }
            // Say why when a single named shape did not fit.
            if (shapes_.contains(types)) {
                match(v, shapes_.at(types), at);
                return;
            }
            problems_.push_back(at + ": " + v.dump() + " is not " + types);
        } else if (shape.is_array()) {
            if (!v.is_array()) {
                problems_.push_back(at + ": expected an array, got " + v.dump());
                return;
            }
            for (std::size_t i = 0; i < v.size(); ++i)
                match(v[i], shape.at(0), at + "/" + std::to_string(i));
        } else if (shape.is_object()) {
            if (!v.is_object()) {
                problems_.push_back(at + ": expected an object, got " + v.dump());
                return;
            }
            std::map<std::string, std::pair<json, bool>> keys;  // key -> (shape, optional)
            addKeys(shape, keys);
            const json* any = shape.contains("*") ? &shape.at("*") : nullptr;
            for (const auto& [key, spec] : keys) {
                if (!v.contains(key)) {
                    if (!spec.second) problems_.push_back(at + ": missing key \"" + key + "\"");
                } else {
                    match(v.at(key), spec.first, at + "/" + key);
                }
            }
            for (const auto& [key, item] : v.items()) {
                if (keys.contains(key)) continue;
                if (any)
                    match(item, *any, at + "/" + key);
                else
                    problems_.push_back(at + ": key \"" + key +
                                        "\" is not in the documented shape");
            }
        } else {
            problems_.push_back(at + ": the shape is neither a type, an array nor an object");
        }
    }

    void addKeys(const json& shape, std::map<std::string, std::pair<json, bool>>& keys) {
        for (const auto& [key, spec] : shape.items()) {
            if (key == "*") continue;
            if (key == "...") {
                addKeys(shapes_.at(spec.get<std::string>()), keys);
            } else if (key.ends_with("?")) {
                keys[key.substr(0, key.size() - 1)] = {spec, true};
            } else {
                keys[key] = {spec, false};
            }
        }
    }

    const Shapes& shapes_;
    Strings problems_;
};

std::string joined(const Strings& problems) {
    std::string s;
    for (const auto& p : problems) s += "  " + p + "\n";
    return s;
}

class JsonShapes : public ::testing::Test {
protected:
    static fs::path bundled, empty;
    static Shapes shapes;

    static void SetUpTestSuite() {
        shapes = readShapes(
            bilateral::fixtures::slurpFile(fs::path(BILATERAL_SOURCE_DIR) / "docs/cli.md"));
        bundled = bilateral::fixtures::tempDb("shapes");
        empty = bilateral::fixtures::tempDb("shapes-empty");
        for (const auto& db : {bundled, empty}) bilateral::fixtures::removeDb(db);
        auto r = bilateral::fixtures::importBundled(bundled);
        ASSERT_EQ(r.status, 0) << r.err;
        r = bilateral::fixtures::importText(empty,
                                            R"({"format": "bilateral-dataset", "version": 1})");
        ASSERT_EQ(r.status, 0) << r.err;
    }
    static void TearDownTestSuite() {
        bilateral::fixtures::removeDb(bundled);
        bilateral::fixtures::removeDb(empty);
    }

    /// Runs `args --json` on `db` and checks the output against the shape of its verb.
    static void expectShape(const fs::path& db, Strings args, int status = 0,
                            const std::string& shape = "") {
        const auto name = shape.empty() ? args.front() : shape;
        ASSERT_TRUE(shapes.contains(name)) << "docs/cli.md has no json-shape block " << name;
        args.push_back("--json");
        const auto r = runCli(db, args);
        ASSERT_EQ(r.status, status) << r.err;
        Checker checker(shapes);
        const auto problems = checker.check(r.json(), shapes.at(name));
        EXPECT_TRUE(problems.empty()) << args.front() << " " << (args.size() > 1 ? args[1] : "")
                                      << " does not match its documented shape " << name << ":\n"
                                      << joined(problems) << r.out;
    }
};

fs::path JsonShapes::bundled;
fs::path JsonShapes::empty;
Shapes JsonShapes::shapes;

}  // namespace

TEST_F(JsonShapes, EveryQueryVerbHasADocumentedShape) {
    for (const char* verb : {"who-met", "timeline", "trend", "pairs", "relations", "holders",
                             "path", "ego", "search", "stats", "disagreements", "same-as"}) {
        EXPECT_TRUE(shapes.contains(verb)) << verb;
    }
}

TEST_F(JsonShapes, TheCheckerRejectsWhatTheShapeDoesNotSay) {
    // Without this the other tests could pass on a checker that accepts anything.
    Checker checker(shapes);
    const json actor = {{"id", "a"}, {"name", "A"}, {"kind", "person"}, {"country", nullptr}};
    EXPECT_TRUE(checker.check(actor, "actor").empty());
    auto missing = actor;
    missing.erase("country");
    EXPECT_FALSE(checker.check(missing, "actor").empty());
    auto extra = actor;
    extra["born"] = "1960";
    EXPECT_FALSE(checker.check(extra, "actor").empty());
    auto wrong = actor;
    wrong["country"] = 7;
    EXPECT_FALSE(checker.check(wrong, "actor").empty());
    EXPECT_FALSE(checker.check(json("2025-7-2"), "date").empty());
    EXPECT_TRUE(checker.check(json("2025-07"), "date|null").empty());
    EXPECT_FALSE(checker.check(json::array({actor, 3}), json::array({"actor"})).empty());
}

TEST_F(JsonShapes, SameAsCandidatesMatch) {  // [identity]
    expectShape(bundled, {"same-as", "--candidates"});
    expectShape(empty, {"same-as", "--candidates"});
}

TEST_F(JsonShapes, WhoMetMatchesOnTheBundledDataset) {
    expectShape(bundled, {"who-met", "person/anwar-ibrahim"});
    expectShape(bundled, {"who-met", "Anwar Ibrahim", "--from", "2025-07", "--to", "2025-07"});
}

TEST_F(JsonShapes, TimelineMatchesInEachScope) {
    expectShape(bundled, {"timeline", "person/anwar-ibrahim"});
    expectShape(bundled, {"timeline", "--dyad", "ITA:MYS"});
    expectShape(bundled, {"timeline", "--country", "MYS", "--limit", "2"});
}

TEST_F(JsonShapes, TrendAndPairsMatch) {
    expectShape(bundled, {"trend", "--dyad", "ITA:MYS", "--split", "kind"});
    expectShape(bundled, {"trend", "--country", "MYS", "--by", "week"});
    expectShape(bundled, {"trend", "person/anwar-ibrahim", "--from", "2025", "--to", "2025"});
    expectShape(bundled, {"pairs"});
    expectShape(bundled, {"pairs", "--country", "ITA", "--limit", "1"});
    expectShape(empty, {"pairs"});
}

TEST_F(JsonShapes, RelationsAndHoldersMatchWithAndWithoutADate) {
    expectShape(bundled, {"relations", "person/massimo-rustico"});
    expectShape(bundled, {"relations", "person/massimo-rustico", "--as-of", "2023"});
    expectShape(bundled, {"holders", "post/ambassador-italy-malaysia"});
    expectShape(bundled, {"holders", "post/ambassador-italy-malaysia", "--on", "2023-01-01"});
}

TEST_F(JsonShapes, PathMatchesFoundAndNotFound) {
    expectShape(bundled, {"path", "person/giorgia-meloni", "person/anwar-ibrahim"});
    expectShape(bundled, {"path", "person/massimo-rustico", "person/anwar-ibrahim"});
    expectShape(bundled, {"path", "person/giorgia-meloni", "person/anwar-ibrahim", "--through",
                          "relations"});
}

TEST_F(JsonShapes, EgoAndSearchMatch) {
    expectShape(bundled, {"ego", "person/massimo-rustico", "--hops", "2"});
    expectShape(bundled, {"search", "tajani"});
    expectShape(bundled, {"search", "nobody-at-all"});
}

TEST_F(JsonShapes, StatsMatchesOnAFullAndAnEmptyDatabase) {
    expectShape(bundled, {"stats"});
    expectShape(empty, {"stats"});
    expectShape(empty, {"search", "anyone"});
}

TEST_F(JsonShapes, AnAmbiguousNameMatchesTheErrorShape) {
    // Two actors named alike, written for this test.
    const auto db = bilateral::fixtures::tempDb("shapes-twins");
    bilateral::fixtures::removeDb(db);
    ASSERT_EQ(bilateral::fixtures::importText(db, R"({"format": "bilateral-dataset", "version": 1,
      "sources": [{"id": "source/s", "title": "S", "kind": "reference"}],
      "actors": [
        {"id": "person/twin-1", "kind": "person", "name": "Same Name", "country": "ITA",
         "evidence": [{"source": "source/s", "basis": "reference"}]},
        {"id": "person/twin-2", "kind": "person", "name": "Same Name",
         "evidence": [{"source": "source/s", "basis": "reference"}]}]})")
                  .status,
              0);
    expectShape(db, {"who-met", "same name"}, 3, "ambiguous");
    expectShape(db, {"relations", "same name"}, 3, "ambiguous");
    bilateral::fixtures::removeDb(db);
}

TEST_F(JsonShapes, DisagreementsAndATimelineOfDisagreedEventsMatch) {  // [claims]
    const auto db = bilateral::fixtures::tempDb("shapes-claims");
    bilateral::fixtures::removeDb(db);
    const auto r = runCli(db, {"import", std::string(BILATERAL_SOURCE_DIR) +
                                             "/tests/data/claims/claims-dataset.json"});
    ASSERT_EQ(r.status, 0) << r.err;
    expectShape(db, {"disagreements"});
    expectShape(db, {"timeline", "person/tajani"});
    expectShape(empty, {"disagreements"});
    const auto j = runCli(db, {"disagreements", "--json"}).json();
    EXPECT_EQ(j.at("total"), 4);  // the visit's start and kind, the meeting's start, a role
    bilateral::fixtures::removeDb(db);
}
