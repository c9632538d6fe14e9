// The query verbs as scripts meet them: `--json` shapes, exit codes (1 usage, 3 not found or
// ambiguous, 4 storage) and messages, on a database written from the tiny fixture.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "fixtures/run_cli.hpp"
#include "fixtures/tiny.hpp"

namespace fs = std::filesystem;
using bilateral::fixtures::runCli;
using nlohmann::json;
using Strings = std::vector<std::string>;

namespace {

class QueryCli
    : public bilateral::fixtures::CliDbSuite<"query-cli", &bilateral::fixtures::writeTinyDb> {
protected:
    static Strings ids(const json& list, const char* field = "id") {
        return bilateral::fixtures::idsOf(list, field);
    }
};

const json* find(const json& list, const std::string& id) {
    for (const auto& x : list) {
        if (x.at("id") == id) return &x;
    }
    return nullptr;
}

}  // namespace

TEST_F(QueryCli, WhoMetGivesCountsDatesAndEvidence) {
    const auto j = query({"who-met", "Anwar Ibrahim"});
    EXPECT_EQ(j.at("actor").at("id"), "person/anwar");
    EXPECT_TRUE(j.at("from").is_null());
    const auto& met = j.at("counterparts");
    // Other side only: Malaysia (a guest beside him) and Zambry are on his side.
    EXPECT_EQ(ids(met), (Strings{"person/tajani", "person/meloni", "country/ITA"}));
    EXPECT_EQ(j.at("side"), "MYS");
    const auto any = query({"who-met", "Anwar Ibrahim", "--any-side"});
    EXPECT_EQ(ids(any.at("counterparts")),
              (Strings{"person/tajani", "person/meloni", "country/ITA", "person/zambry"}));
    const auto* meloni = find(met, "person/meloni");
    ASSERT_TRUE(meloni);
    EXPECT_EQ(meloni->at("meetings"), 1);  // the planned return visit never counts
    EXPECT_EQ(meloni->at("events"), json::array({"event/visit-2025-07"}));
    EXPECT_EQ(meloni->at("first"), "2025-07-02");
    EXPECT_EQ(meloni->at("name"), "Giorgia Meloni");
    EXPECT_EQ(meloni->at("kind"), "person");
    EXPECT_EQ(meloni->at("country"), "ITA");
    EXPECT_EQ(meloni->at("side"), "ITA");
    EXPECT_EQ(meloni->at("rows"), 1);
    EXPECT_EQ(j.at("kinds").size(), 8u);  // the meeting kinds, working_visit among them
}

TEST_F(QueryCli, WhoMetTakesPhoneCallsKindsAndWindows) {
    const auto calls = query({"who-met", "person/anwar", "--phone-calls"});
    EXPECT_EQ(calls.at("counterparts").at(0).at("id"), "person/meloni");
    EXPECT_EQ(calls.at("counterparts").at(0).at("meetings"), 2);
    const auto rt = query({"who-met", "person/tajani", "--kinds", "roundtable"});
    EXPECT_EQ(ids(rt.at("counterparts")), (Strings{"person/anwar", "person/zambry"}));
    EXPECT_EQ(rt.at("kinds"), json::array({"roundtable"}));
    const auto june = query({"who-met", "Antonio Tajani", "--from", "2024-06", "--to", "2024-06"});
    EXPECT_EQ(ids(june.at("counterparts")), Strings{"person/zambry"});
    EXPECT_EQ(june.at("from"), "2024-06");
    const auto none = query({"who-met", "person/hasan-1"});
    EXPECT_TRUE(none.at("counterparts").empty());
}

TEST_F(QueryCli, TimelineListsEventsInOrderWithPlannedOnesFlagged) {
    const auto j = query({"timeline", "Giorgia Meloni"});
    const auto& events = j.at("events");
    EXPECT_EQ(ids(events),
              (Strings{"event/phone-call-2025-01", "event/statement-9", "event/statement-10",
                       "event/cabinet-meeting", "event/visit-2025-07", "event/return-visit",
                       "event/undated-note"}));
    const auto* planned = find(events, "event/return-visit");
    ASSERT_TRUE(planned);
    EXPECT_EQ(planned->at("status"), "planned");
    EXPECT_EQ(planned->at("start"), "2026");
    const auto* visit = find(events, "event/visit-2025-07");
    EXPECT_EQ(visit->at("end"), "2025-07-03");
    EXPECT_FALSE(visit->at("dated_by_parent").get<bool>());
    EXPECT_EQ(visit->at("participants").size(), 4u);
    EXPECT_TRUE(find(events, "event/undated-note")->at("start").is_null());

    const auto z = query({"timeline", "person/zambry"});
    const auto* rt = find(z.at("events"), "event/roundtable-2025-07");
    ASSERT_TRUE(rt);
    EXPECT_TRUE(rt->at("dated_by_parent").get<bool>());
    EXPECT_EQ(rt->at("start"), "2025-07-02");
    EXPECT_EQ(rt->at("parent"), "event/visit-2025-07");
}

TEST_F(QueryCli, DyadAndCountryTimelines) {
    const auto ab =
        query({"timeline", "--dyad", "ITA:MYS", "--from", "2025-06", "--to", "2025-07"});
    const auto ba =
        query({"timeline", "--dyad", "mys:ita", "--from", "2025-06", "--to", "2025-07"});
    EXPECT_EQ(ids(ab.at("events")), ids(ba.at("events")));
    // The roundtable held within the visit comes after it, on the visit's days.
    EXPECT_EQ(ids(ab.at("events")), (Strings{"event/embassy-opening", "event/a-trade-mission",
                                             "event/visit-2025-07", "event/roundtable-2025-07"}));
    EXPECT_EQ(ab.at("dyad"), json::array({"ITA", "MYS"}));
    const auto talks = query({"timeline", "--country", "ITA", "--kinds", "talks"});
    EXPECT_EQ(talks.at("country"), "ITA");
    EXPECT_EQ(ids(talks.at("events")), (Strings{"event/talks-2024", "event/cabinet-meeting"}));
}

TEST_F(QueryCli, RelationsAndHoldersSayHowCertain) {
    const auto r = query({"relations", "Cristina Ravaglia", "--as-of", "2021-06-15"});
    ASSERT_EQ(r.at("relations").size(), 1u);
    const auto& rel = r.at("relations").at(0);
    EXPECT_EQ(rel.at("id"), "relation/ravaglia-ambassador");
    EXPECT_EQ(rel.at("kind"), "holds_post");
    EXPECT_EQ(rel.at("certainty"), "possibly");
    EXPECT_EQ(rel.at("valid").at("from"), "2017-09");
    EXPECT_EQ(rel.at("valid").at("to"), "2021");
    EXPECT_EQ(rel.at("to").at("name"), "Ambassador of Italy to Malaysia");
    const auto kinds = query({"relations", "post/ambassador-ita-mys", "--kind", "post_of"});
    EXPECT_EQ(ids(kinds.at("relations")), Strings{"relation/ambassador-of-italy"});
    EXPECT_TRUE(kinds.at("relations").at(0).at("certainty").is_null());  // no date asked

    const auto then = query({"holders", "Ambassador of Italy to Malaysia", "--on", "2023-01-01"});
    EXPECT_EQ(then.at("post").at("id"), "post/ambassador-ita-mys");
    ASSERT_EQ(then.at("holders").size(), 1u);
    EXPECT_EQ(then.at("holders").at(0).at("id"), "person/rustico");
    EXPECT_EQ(then.at("holders").at(0).at("certainty"), "certainly");
    EXPECT_EQ(then.at("holders").at(0).at("relation"), "relation/rustico-ambassador");
    EXPECT_TRUE(
        query({"holders", "post/ambassador-ita-mys", "--on", "2025-07-02"}).at("holders").empty());
    const auto all = query({"holders", "post/ambassador-ita-mys"});
    EXPECT_EQ(ids(all.at("holders")), (Strings{"person/ravaglia", "person/rustico"}));
}

TEST_F(QueryCli, PathGivesEvidenceOrSaysThereIsNone) {
    const auto j = query({"path", "Giorgia Meloni", "Massimo Rustico", "--through", "events"});
    EXPECT_TRUE(j.at("found").get<bool>());
    EXPECT_EQ(j.at("hops"), 3);
    ASSERT_EQ(j.at("steps").size(), 3u);
    EXPECT_EQ(j.at("steps").at(2).at("event").at("id"), "event/embassy-opening");
    EXPECT_EQ(j.at("actors").size(), 4u);
    const auto rel = query({"path", "person/rustico", "person/ravaglia"});
    EXPECT_EQ(rel.at("hops"), 2);
    EXPECT_EQ(rel.at("steps").at(0).at("relation").at("id"), "relation/rustico-ambassador");
    EXPECT_EQ(rel.at("steps").at(0).at("relation").at("kind"), "holds_post");
    EXPECT_TRUE(rel.at("steps").at(0).at("event").is_null());
    const auto none = query({"path", "person/hasan-1", "person/anwar"});
    EXPECT_FALSE(none.at("found").get<bool>());
    EXPECT_TRUE(none.at("hops").is_null());
    const auto text = run({"path", "person/hasan-1", "person/anwar"});
    EXPECT_EQ(text.status, 0);
    EXPECT_NE(text.out.find("No path"), std::string::npos);
}

TEST_F(QueryCli, SearchIgnoresCaseAccentsAndApostrophesAndNeverFailsOnSyntax) {
    const auto j = query({"search", "dato' seri zambry"});
    ASSERT_FALSE(j.at("hits").empty());
    EXPECT_EQ(j.at("hits").at(0).at("id"), "person/zambry");
    EXPECT_EQ(j.at("hits").at(0).at("matched"), "Dato\u2019 Seri Zambry");
    EXPECT_EQ(query({"search", "TAJANI"}).at("hits").at(0).at("name"), "Antonio Taj\u00e0ni");
    for (const char* q : {"\"", "*", "OR", "NEAR(", "a OR b"}) {
        const auto r = run({"search", q, "--json"});
        EXPECT_EQ(r.status, 0) << q << ": " << r.err;
        EXPECT_NO_THROW(r.json()) << q;
    }
    EXPECT_EQ(query({"search", "dato seri", "--limit", "1"}).at("hits").size(), 1u);
}

TEST_F(QueryCli, NamesResolveOrFailWithExitCode3) {
    const auto ambiguous = run({"who-met", "mohamad hasan"});
    EXPECT_EQ(ambiguous.status, 3);
    EXPECT_NE(ambiguous.err.find("person/hasan-1"), std::string::npos) << ambiguous.err;
    EXPECT_NE(ambiguous.err.find("person/hasan-2"), std::string::npos) << ambiguous.err;
    const auto unknown = run({"timeline", "Nobody Known"});
    EXPECT_EQ(unknown.status, 3);
    // Nothing shares a word with it: said so, and no search that would find nothing suggested.
    EXPECT_NE(unknown.err.find("no name or alias shares a word"), std::string::npos) << unknown.err;
    EXPECT_EQ(unknown.err.find("bilateral search"), std::string::npos) << unknown.err;
    EXPECT_EQ(run({"timeline", "--country", "FRA"}).status, 3);
    EXPECT_EQ(run({"holders", "post/nothing"}).status, 3);
    // An actor of another kind than the verb takes: exit 3, saying which kind is wanted.
    const auto person = run({"holders", "person/anwar"});
    EXPECT_EQ(person.status, 3);
    EXPECT_NE(person.err.find("not a post"), std::string::npos) << person.err;
    EXPECT_EQ(run({"path", "person/anwar", "Nobody Known"}).status, 3);
    // Names ignore case, accents and apostrophe style.
    EXPECT_EQ(query({"who-met", "YAB DATO' SERI ANWAR IBRAHIM"}).at("actor").at("id"),
              "person/anwar");
}

TEST_F(QueryCli, UsageErrorsExitWith1AndSayWhy) {
    const auto date = run({"who-met", "person/anwar", "--from", "2025-13"});
    EXPECT_EQ(date.status, 1);
    EXPECT_NE(date.err.find("--from"), std::string::npos) << date.err;
    EXPECT_NE(date.err.find("month 13"), std::string::npos) << date.err;
    const auto day = run({"holders", "post/ambassador-ita-mys", "--on", "2025-02-30"});
    EXPECT_EQ(day.status, 1);
    EXPECT_NE(day.err.find("February 2025 has 28 days"), std::string::npos) << day.err;
    EXPECT_EQ(run({"relations", "person/anwar", "--as-of", "July 2"}).status, 1);
    const auto kind = run({"timeline", "person/anwar", "--kinds", "talks,party"});
    EXPECT_EQ(kind.status, 1);
    EXPECT_NE(kind.err.find("party"), std::string::npos) << kind.err;
    EXPECT_EQ(run({"relations", "person/anwar", "--kind", "likes"}).status, 1);
    EXPECT_EQ(run({"timeline"}).status, 1);
    EXPECT_EQ(run({"timeline", "person/anwar", "--country", "ITA"}).status, 1);
    EXPECT_EQ(run({"timeline", "--dyad", "ITA"}).status, 1);
    EXPECT_EQ(run({"who-met"}).status, 1);
    EXPECT_EQ(run({"who-met", "person/anwar", "--bogus"}).status, 1);
    EXPECT_EQ(run({"path", "person/anwar", "person/meloni", "--through", "air"}).status, 1);
}

TEST_F(QueryCli, AMissingDatabaseIsAStorageFailure) {
    const auto r =
        runCli(fs::temp_directory_path() / "bilateral-no-such-db.db", {"who-met", "person/anwar"});
    EXPECT_EQ(r.status, 4);
    EXPECT_FALSE(fs::exists(fs::temp_directory_path() /
                            "bilateral-no-such-db.db"));  // read-only: not created
}

TEST_F(QueryCli, HumanOutputIsAnAlignedTable) {
    const auto r = run({"who-met", "person/anwar"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("NAME"), std::string::npos);
    EXPECT_NE(r.out.find("MEETINGS"), std::string::npos);
    EXPECT_NE(r.out.find("Giorgia Meloni"), std::string::npos);
    const auto t = run({"timeline", "person/zambry"});
    EXPECT_NE(t.out.find("2025-07-02..2025-07-03*"), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("* dated by the event it took place within"), std::string::npos);
    for (const char* verb : {"who-met", "timeline", "relations", "holders", "path", "search"}) {
        const auto help = run({verb, "--help"});
        EXPECT_EQ(help.status, 0) << verb;
        EXPECT_NE(help.out.find("--json"), std::string::npos) << verb;
    }
}
