// One answer shape across the verbs (issue 11, part 5): stats with the same keys on an empty
// database, search hits that are actor objects, path events with their end and the mark of
// inherited dates, one error for an inverted window on every verb, ambiguous names listed with
// name, kind and country, `--db` after the verb, readable usage messages, and tables aligned
// in display width (CJK, combining marks, control characters shown escaped).

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "fixtures/run_cli.hpp"
#include "fixtures/tiny.hpp"

namespace fs = std::filesystem;
using bilateral::fixtures::runCli;
using Strings = std::vector<std::string>;

namespace {

class AnswerShape : public ::testing::Test {
protected:
    static fs::path db, empty;
    static void SetUpTestSuite() {
        db = bilateral::fixtures::tempDb("answer-shape");
        empty = bilateral::fixtures::tempDb("answer-shape-empty");
        clean(db);
        clean(empty);
        bilateral::fixtures::writeTinyDb(db);
        const auto r = bilateral::fixtures::importText(
            empty, R"({"format": "bilateral-dataset", "version": 1})");
        ASSERT_EQ(r.status, 0) << r.err;
    }
    static void TearDownTestSuite() {
        clean(db);
        clean(empty);
    }
    static void clean(const fs::path& file) { bilateral::fixtures::removeDb(file); }
    static bilateral::fixtures::CliResult run(const Strings& args) { return runCli(db, args); }
};
fs::path AnswerShape::db;
fs::path AnswerShape::empty;

// A timeline's JSON is written event by event (it can be tens of megabytes): what comes out is
// byte for byte what printing the whole document at once gives, with and without events.
TEST_F(AnswerShape, AStreamedTimelineIsTheWholeDocumentPrinted) {
    for (const Strings& args :
         {Strings{"timeline", "--dyad", "ITA:MYS", "--json"},
          Strings{"timeline", "person/tajani", "--json", "--limit", "1"},
          Strings{"timeline", "--dyad", "ITA:MYS", "--json", "--from", "2099-01-01"}}) {
        const auto r = run(args);
        ASSERT_EQ(r.status, 0) << r.err;
        const auto whole = nlohmann::ordered_json::parse(r.out);
        EXPECT_EQ(r.out, whole.dump(2) + "\n") << args[1];
    }
}

std::set<std::string> keysOf(const nlohmann::json& j) {
    std::set<std::string> keys;
    for (const auto& [k, v] : j.items()) keys.insert(k);
    return keys;
}

Strings linesOf(const std::string& text) {
    Strings lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

/// Terminal columns of the test's own names, counted here by hand rules independent of the
/// program's table: a CJK ideograph takes 2, U+0301 (combining acute) none, anything else 1.
std::size_t columnsOf(const std::string& s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            ++n;
            ++i;
        } else if (s.compare(i, 2, "\xCC\x81") == 0) {  // U+0301
            i += 2;
        } else if ((b & 0xF0) == 0xE0 && b >= 0xE4 && b <= 0xE9) {  // U+4E00..U+9FFF
            n += 2;
            i += 3;
        } else {
            ++n;
            i += (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
        }
    }
    return n;
}

}  // namespace

TEST_F(AnswerShape, StatsHasTheSameKeysOnAnEmptyDatabase) {
    const auto full = run({"stats", "--json"});
    const auto none = runCli(empty, {"stats", "--json"});
    ASSERT_EQ(full.status, 0) << full.err;
    ASSERT_EQ(none.status, 0) << none.err;
    EXPECT_EQ(keysOf(none.json()), keysOf(full.json()));
    for (const char* byKind : {"actors_by_kind", "events_by_kind", "relations_by_kind"}) {
        EXPECT_TRUE(none.json().at(byKind).is_object()) << byKind;
        EXPECT_TRUE(none.json().at(byKind).empty()) << byKind;
        EXPECT_FALSE(full.json().at(byKind).empty()) << byKind;
    }
    EXPECT_EQ(none.json().at("events"), 0);
}

TEST_F(AnswerShape, SearchHitsAreActorObjectsWithTheirCountry) {
    const auto j = run({"search", "anwar", "--json"}).json();
    ASSERT_FALSE(j.at("hits").empty());
    const auto& hit = j.at("hits")[0];
    EXPECT_EQ(hit.at("id"), "person/anwar");
    EXPECT_EQ(hit.at("country"), "MYS");
    // The same actor object as every other verb gives, plus what matched.
    const auto ego = run({"ego", "person/meloni", "--json"}).json();
    for (const auto& a : ego.at("actors")) {
        if (a.at("id") != "person/anwar") continue;
        for (const char* key : {"id", "name", "kind", "country"}) EXPECT_EQ(hit.at(key), a.at(key));
    }
    const auto text = run({"search", "anwar"});
    EXPECT_NE(text.out.find("COUNTRY"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("MYS"), std::string::npos) << text.out;
}

TEST_F(AnswerShape, PathEventsCarryTheirEndAndInheritedDatesAsTimelineDoes) {
    // Tajani and Anwar first shared the roundtable, which has no date of its own and took place
    // within the visit of 2025-07-02..03 (the cancelled meeting before it does not count first).
    const auto path =
        run({"path", "person/tajani", "person/anwar", "--through", "events", "--json"});
    ASSERT_EQ(path.status, 0) << path.err;
    const auto answer = path.json();
    const auto& event = answer.at("steps").at(0).at("event");
    ASSERT_EQ(event.at("id"), "event/roundtable-2025-07");
    EXPECT_EQ(event.at("end"), "2025-07-03");
    EXPECT_EQ(event.at("dated_by_parent"), true);
    // The same event object as in the timeline, participants, links and the event's codes
    // (timeline only) aside.
    const auto timeline = run({"timeline", "person/tajani", "--json"}).json();
    bool seen = false;
    for (auto e : timeline.at("events")) {
        if (e.at("id") != event.at("id")) continue;
        seen = true;
        for (const char* key :
             {"participants", "links", "cameo", "goldstein", "quad_class", "tone", "mentions"}) {
            e.erase(key);
        }
        EXPECT_EQ(e, event);
    }
    EXPECT_TRUE(seen);
    // In text, the date carries the timeline's mark and its note.
    const auto text = run({"path", "person/tajani", "person/anwar", "--through", "events"});
    EXPECT_NE(text.out.find("2025-07-02..2025-07-03*"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("* dated by the event it took place within"), std::string::npos)
        << text.out;
    const auto tl = run({"timeline", "person/tajani"});
    EXPECT_NE(tl.out.find("2025-07-02..2025-07-03*"), std::string::npos) << tl.out;
    EXPECT_NE(tl.out.find("* dated by the event it took place within"), std::string::npos);
}

TEST_F(AnswerShape, AnInvertedWindowIsTheSameErrorOnEveryVerb) {
    const auto out = bilateral::fixtures::tempFolder("files") / "answer-shape.out";
    for (const Strings& verb :
         {Strings{"who-met", "person/anwar"}, Strings{"timeline", "person/anwar"},
          Strings{"timeline", "--dyad", "ITA:MYS"}, Strings{"export", "--format", "json"},
          Strings{"report", "person/anwar", "-o", out.string()}}) {
        auto args = verb;
        args.insert(args.end(), {"--from", "2025-07", "--to", "2024"});
        const auto r = run(args);
        EXPECT_EQ(r.status, 1) << verb[0];
        EXPECT_EQ(r.err, "bilateral: --to 2024 is before --from 2025-07\n") << verb[0];
        EXPECT_TRUE(r.out.empty()) << verb[0];
        EXPECT_FALSE(fs::exists(out));
        // A window whose ends overlap is not inverted: 2025 may end after 2025-07 starts.
        args = verb;
        args.insert(args.end(), {"--from", "2025-07", "--to", "2025"});
        EXPECT_EQ(run(args).status, 0) << verb[0] << run(args).err;
    }
    fs::remove(out);
}

TEST_F(AnswerShape, AnAmbiguousNameListsEachCandidateWithNameKindAndCountry) {
    const auto r = run({"who-met", "mohamad hasan"});
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("person/hasan-1 (Mohamad Hasan, person, MYS)"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("person/hasan-2 (Mohamad Hasan, person, MYS)"), std::string::npos)
        << r.err;
    EXPECT_TRUE(r.out.empty());
    for (const char* verb : {"who-met", "timeline", "relations", "ego"}) {
        const auto j = run({verb, "mohamad hasan", "--json"});
        EXPECT_EQ(j.status, 3) << verb;
        const auto doc = j.json();
        EXPECT_EQ(doc.at("error"), "ambiguous") << verb;
        EXPECT_EQ(doc.at("name"), "mohamad hasan");
        ASSERT_EQ(doc.at("candidates").size(), 2u) << verb;
        EXPECT_EQ(doc.at("candidates")[0].at("id"), "person/hasan-1");
        EXPECT_EQ(doc.at("candidates")[1].at("country"), "MYS");
        EXPECT_EQ(doc.at("candidates")[1].at("kind"), "person");
        EXPECT_NE(j.err.find("is ambiguous"), std::string::npos) << verb;
    }
    const auto path = run({"path", "person/anwar", "mohamad hasan", "--json"});
    EXPECT_EQ(path.status, 3);
    EXPECT_EQ(path.json().at("candidates").size(), 2u);
}

TEST_F(AnswerShape, DbIsAcceptedAfterTheVerbWithNoneBefore) {
    // runCli puts a --db first; this runs the command as a user would type it.
    const auto out = bilateral::fixtures::tempFolder("files") / "answer-shape-db.out";
    const std::string cmd =
        "env -u BILATERAL_DB " + bilateral::fixtures::shellQuote(BILATERAL_CLI) +
        " who-met person/anwar --json --db " + bilateral::fixtures::shellQuote(db.string()) + " >" +
        bilateral::fixtures::shellQuote(out.string()) + " 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0);
    const auto j = nlohmann::json::parse(bilateral::fixtures::slurpFile(out));
    EXPECT_EQ(j.at("actor").at("id"), "person/anwar");
    EXPECT_GT(j.at("total").get<int>(), 0);
    fs::remove(out);
}

TEST_F(AnswerShape, UsageMessagesAreReadable) {
    struct Case {
        Strings args;
        std::string message;
    };
    const std::vector<Case> cases = {
        {{"timeline", "person/anwar", "--limit", "0"},
         "bilateral: --limit: must be a whole number ≥ 1, got '0'\n"},
        {{"who-met", "person/anwar", "--limit", "-1"},
         "bilateral: --limit: must be a whole number ≥ 1, got '-1'\n"},
        {{"relations", "person/anwar", "--limit", "1.5"},
         "bilateral: --limit: must be a whole number ≥ 1, got '1.5'\n"},
        {{"search", "anwar", "--limit", "many"},
         "bilateral: --limit: must be a whole number ≥ 1, got 'many'\n"},
        {{"holders", "post/pm-malaysia", "--limit", "99999999999999999999999"},
         "bilateral: --limit: must be a whole number ≥ 1, got '99999999999999999999999'\n"},
        {{"path", "person/anwar", "person/meloni", "--max-hops", "0"},
         "bilateral: --max-hops: must be a whole number from 1 to 64, got '0'\n"},
        {{"path", "person/anwar", "person/meloni", "--max-hops", "65"},
         "bilateral: --max-hops: must be a whole number from 1 to 64, got '65'\n"},
        {{"path", "person/anwar", "person/meloni", "--max-visited", "1"},
         "bilateral: --max-visited: must be a whole number ≥ 2, got '1'\n"},
        {{"ego", "person/anwar", "--hops", "7"},
         "bilateral: --hops: must be a whole number from 1 to 6, got '7'\n"},
        {{"timeline", "person/anwar", "--limit"}, "bilateral: --limit: needs a value\n"},
        {{"who-met"}, "bilateral: who-met: missing ACTOR; see bilateral who-met --help\n"},
        {{"path", "person/anwar"}, "bilateral: path: missing TO; see bilateral path --help\n"},
        {{"who-met", "person/anwar", "extra"},
         "bilateral: who-met: unexpected argument 'extra'; see bilateral who-met --help\n"},
        {{"who-met", "person/anwar", "--hops", "2"},
         "bilateral: who-met: unknown option '--hops'; see bilateral who-met --help\n"},
        {{"stats", "--bogus"},
         "bilateral: stats: unknown option '--bogus'; see bilateral stats --help\n"},
        {{"stats", "one", "two"},
         "bilateral: stats: unexpected arguments 'one', 'two'; see bilateral stats --help\n"},
        {{},
         "bilateral: missing command; commands: import stats export who-met timeline trend "
         "pairs relations holders disagreements path search ego same-as report draft init\n"},
    };
    for (const auto& c : cases) {
        const auto r = run(c.args);
        std::string shown;
        for (const auto& a : c.args) shown += a + " ";
        EXPECT_EQ(r.status, 1) << shown;
        EXPECT_EQ(r.err, c.message) << shown;
        EXPECT_TRUE(r.out.empty()) << shown;
    }
    // A good value still works.
    EXPECT_EQ(run({"ego", "person/anwar", "--hops", "6"}).status, 0);
}

TEST_F(AnswerShape, TablesAlignInDisplayWidthAndShowControlCharactersEscaped) {
    const auto wide = bilateral::fixtures::tempDb("answer-shape-wide");
    clean(wide);
    // A meeting of a centre with people named in Chinese, with a combining accent (e + U+0301)
    // and with a control byte (BEL).
    const auto imported =
        bilateral::fixtures::importText(wide, R"({"format": "bilateral-dataset", "version": 1,
      "sources": [{"id": "source/s", "title": "S", "kind": "reference"}],
      "actors": [
        {"id": "person/centre", "kind": "person", "name": "Centre",
         "evidence": [{"source": "source/s", "basis": "reference"}]},
        {"id": "person/xi", "kind": "person", "name": "习近平", "country": "CHN",
         "evidence": [{"source": "source/s", "basis": "reference"}]},
        {"id": "person/jose", "kind": "person", "name": "Jose\u0301 Mari\u0301a",
         "evidence": [{"source": "source/s", "basis": "reference"}]},
        {"id": "person/bell", "kind": "person", "name": "Bell\u0007",
         "evidence": [{"source": "source/s", "basis": "reference"}]}],
      "events": [
        {"id": "event/m", "kind": "bilateral_meeting", "title": "M", "start": "2025-01-01",
         "participants": [{"actor": "person/centre", "role": "attendee"},
                          {"actor": "person/xi", "role": "attendee"},
                          {"actor": "person/jose", "role": "attendee"},
                          {"actor": "person/bell", "role": "attendee"}],
         "evidence": [{"source": "source/s", "basis": "reference"}]}]})");
    ASSERT_EQ(imported.status, 0) << imported.err;
    const auto r = runCli(wide, {"who-met", "person/centre"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out.find('\x07'), std::string::npos) << "a raw control byte in the table";
    EXPECT_NE(r.out.find("Bell\\x07"), std::string::npos) << r.out;
    const auto lines = linesOf(r.out);
    // Heading, header, three counterparts, and the legend of `?` (none of them has a side).
    ASSERT_EQ(lines.size(), 6u) << r.out;
    // The ID column starts at the same terminal column on every line.
    const auto header = lines[1];
    const auto idAt = columnsOf(header.substr(0, header.find("ID")));
    for (std::size_t i = 2; i + 1 < lines.size(); ++i) {
        const auto at = lines[i].find("person/");
        ASSERT_NE(at, std::string::npos) << lines[i];
        EXPECT_EQ(columnsOf(lines[i].substr(0, at)), idAt) << r.out;
    }
    // The widest name sets the column: "José María" is 10 columns (12 code points), "习近平" 6
    // (3 code points), "Bell\x07" 8; then two spaces.
    EXPECT_EQ(idAt, 12u) << r.out;
    clean(wide);
}
