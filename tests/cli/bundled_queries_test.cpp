// The questions the bundled Italy–Malaysia 2025 dataset answers, asked as a script would: import
// it with the CLI, then `bilateral ... --json`.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>
#include <utility>

#include "fixtures/run_cli.hpp"

using nlohmann::json;
using Strings = std::vector<std::string>;

namespace {

class BundledQueries : public bilateral::fixtures::CliDbSuite<"bundled-queries",
                                                              &bilateral::fixtures::makeBundledDb> {
protected:
    static Strings ids(const json& list) { return bilateral::fixtures::idsOf(list); }
    static bool contains(const Strings& v, const std::string& s) {
        return std::find(v.begin(), v.end(), s) != v.end();
    }
    /// Where `s` stands in `v` (v.size() when it is not there).
    static std::ptrdiff_t position(const Strings& v, const std::string& s) {
        return std::find(v.begin(), v.end(), s) - v.begin();
    }
    /// `earlier` and `later` are both in `v`, in that order.
    static void expectBefore(const Strings& v, const std::string& earlier,
                             const std::string& later) {
        ASSERT_TRUE(contains(v, earlier)) << earlier;
        ASSERT_TRUE(contains(v, later)) << later;
        EXPECT_LT(position(v, earlier), position(v, later)) << earlier << " before " << later;
    }
};

}  // namespace

TEST_F(BundledQueries, AnwarIbrahimMetMeloniAndTajaniDuringTheVisit) {
    const auto j =
        query({"who-met", "Anwar Ibrahim", "--from", "2025-07-02", "--to", "2025-07-03"});
    EXPECT_EQ(j.at("actor").at("id"), "person/anwar-ibrahim");
    const auto met = ids(j.at("counterparts"));
    EXPECT_TRUE(contains(met, "person/giorgia-meloni"));
    EXPECT_TRUE(contains(met, "person/antonio-tajani"));
    for (const auto& c : j.at("counterparts")) {
        for (const auto& e : c.at("events")) {
            EXPECT_NE(e, "event/planned-official-visit-meloni-kuala-lumpur");
            EXPECT_NE(e, "event/invitation-meloni-to-kuala-lumpur");  // not a meeting kind
        }
    }
    // Meloni met him at the bilateral meeting within the visit, not at the planned return visit.
    for (const auto& c : j.at("counterparts")) {
        if (c.at("id") == "person/giorgia-meloni") {
            EXPECT_EQ(c.at("events"), json::array({"event/meeting-anwar-meloni-2025-07"}));
            EXPECT_EQ(c.at("first"), "2025-07-03");  // the other accounts date the meeting
        }
    }
    // The same without a window: the planned visit still never counts.
    const auto all = query({"who-met", "person/giorgia-meloni"});
    for (const auto& c : all.at("counterparts")) {
        for (const auto& e : c.at("events"))
            EXPECT_NE(e, "event/planned-official-visit-meloni-kuala-lumpur");
    }
}

// [sides] docs/queries.md, "Sides": the rule, and these answers of the bundled data.
TEST_F(BundledQueries, WhoMetCountsCounterpartsOnAnotherSide) {
    const auto anwar = query({"who-met", "Anwar Ibrahim"});
    EXPECT_EQ(anwar.at("side"), "MYS");
    const auto met = ids(anwar.at("counterparts"));
    // The five ministers travelled with him (delegation members, Malaysian): not counterparts.
    EXPECT_FALSE(contains(met, "group/malaysian-ministers-accompanying"));
    EXPECT_TRUE(contains(met, "person/giorgia-meloni"));
    EXPECT_TRUE(contains(met, "person/antonio-tajani"));
    for (const auto& c : anwar.at("counterparts")) {
        EXPECT_NE(c.at("side"), "MYS") << c.at("id");
        // The ministers at the leaders' meeting are of both governments: no side, counted.
        if (c.at("id") == "group/meeting-defence-and-foreign-ministers") {
            EXPECT_TRUE(c.at("side").is_null());
        }
        if (c.at("id") == "person/giorgia-meloni") {
            EXPECT_EQ(c.at("side"), "ITA");
        }
        // Curated events are one meeting each.
        EXPECT_EQ(c.at("meetings"), c.at("rows")) << c.at("id");
    }
    // Even on any side, his own delegation stays out.
    const auto any = ids(query({"who-met", "Anwar Ibrahim", "--any-side"}).at("counterparts"));
    EXPECT_FALSE(contains(any, "group/malaysian-ministers-accompanying"));

    // Meloni met Anwar; Tajani sat on her own side of the table, unless any side is asked.
    const auto meloni = ids(query({"who-met", "Giorgia Meloni"}).at("counterparts"));
    EXPECT_TRUE(contains(meloni, "person/anwar-ibrahim"));
    EXPECT_FALSE(contains(meloni, "person/antonio-tajani"));
    const auto meloniAny =
        ids(query({"who-met", "Giorgia Meloni", "--any-side"}).at("counterparts"));
    EXPECT_TRUE(contains(meloniAny, "person/antonio-tajani"));
}

TEST_F(BundledQueries, CoParticipantsGivesPlainCoParticipationBack) {
    // His own delegation too, and the Malaysians on his side: everyone who took part with him.
    const auto co = query({"who-met", "Anwar Ibrahim", "--co-participants"});
    EXPECT_EQ(co.at("co_participants"), true);
    const auto all = ids(co.at("counterparts"));
    EXPECT_TRUE(contains(all, "group/malaysian-ministers-accompanying"));
    const auto any = ids(query({"who-met", "Anwar Ibrahim", "--any-side"}).at("counterparts"));
    for (const auto& id : any) EXPECT_TRUE(contains(all, id)) << id;
    EXPECT_GT(all.size(), any.size());
    const auto both = run({"who-met", "Anwar Ibrahim", "--any-side", "--co-participants"});
    EXPECT_EQ(both.status, 1) << both.err;  // one or the other
}

TEST_F(BundledQueries, NamesResolveAsPeopleWriteThem) {
    const auto actorOf = [](const Strings& args) {
        const auto j = query(args);
        return j.contains("actor")  ? j.at("actor").at("id").get<std::string>()
               : j.contains("post") ? j.at("post").at("id").get<std::string>()
                                    : std::string();
    };
    // A surname, a given name, names without their honorifics.
    EXPECT_EQ(actorOf({"who-met", "Meloni"}), "person/giorgia-meloni");
    EXPECT_EQ(actorOf({"who-met", "Anwar"}), "person/anwar-ibrahim");
    EXPECT_EQ(actorOf({"who-met", "Tajani"}), "person/antonio-tajani");
    EXPECT_EQ(actorOf({"who-met", "Datuk Seri Anwar Ibrahim"}), "person/anwar-ibrahim");
    EXPECT_EQ(actorOf({"who-met", "Dato\u2019 Seri Anwar"}), "person/anwar-ibrahim");
    EXPECT_EQ(actorOf({"who-met", "Hon. Meloni"}), "person/giorgia-meloni");
    // Titles from country adjectives, through the country table and post_of.
    EXPECT_EQ(actorOf({"holders", "Italian Ambassador to Malaysia"}),
              "post/ambassador-italy-malaysia");
    EXPECT_EQ(actorOf({"holders", "Malaysian Prime Minister"}), "post/prime-minister-malaysia");
    EXPECT_EQ(actorOf({"holders", "Italian Prime Minister"}),
              "post/president-council-of-ministers-italy");
    EXPECT_EQ(actorOf({"holders", "Italian Minister of Foreign Affairs"}),
              "post/minister-of-foreign-affairs-italy");
    EXPECT_EQ(actorOf({"holders", "Malaysian Minister of Defence"}),
              "post/minister-of-defence-malaysia");
    const auto then = query({"holders", "Italian Ambassador to Malaysia", "--on", "2023-01-01"});
    ASSERT_EQ(then.at("holders").size(), 1u);
    EXPECT_EQ(then.at("holders").at(0).at("id"), "person/massimo-rustico");
}

TEST_F(BundledQueries, AnUnknownOrAmbiguousNameListsTheClosestActors) {
    const auto typo = run({"who-met", "Giorgia Melony"});
    EXPECT_EQ(typo.status, 3);
    EXPECT_NE(typo.err.find("closest: Giorgia Meloni (person/giorgia-meloni, person)"),
              std::string::npos)
        << typo.err;
    EXPECT_EQ(typo.err.find("bilateral search"), std::string::npos) << typo.err;
    // "Minister of Defence" is a name part of both ministers' posts, the Italian one first.
    const auto both = run({"holders", "Minister of Defence", "--json"});
    EXPECT_EQ(both.status, 3);
    const auto j = both.json();
    EXPECT_EQ(j.at("error"), "ambiguous");
    EXPECT_EQ(ids(j.at("candidates")),
              (Strings{"post/minister-of-defence-italy", "post/minister-of-defence-malaysia"}));
    const auto post = run({"holders", "Giorgia Meloni"});
    EXPECT_EQ(post.status, 3);
    EXPECT_NE(post.err.find("not a post"), std::string::npos) << post.err;
    EXPECT_NE(post.err.find("post/president-council-of-ministers-italy"), std::string::npos)
        << post.err;
}

TEST_F(BundledQueries, ItalysAmbassadorToMalaysia) {
    const auto then = query({"holders", "Ambassador of Italy to Malaysia", "--on", "2023-01-01"});
    ASSERT_EQ(then.at("holders").size(), 1u);
    EXPECT_EQ(then.at("holders").at(0).at("id"), "person/massimo-rustico");
    EXPECT_EQ(then.at("holders").at(0).at("name"), "Massimo Rustico");
    EXPECT_EQ(then.at("holders").at(0).at("certainty"), "certainly");
    const auto visit = query({"holders", "post/ambassador-italy-malaysia", "--on", "2025-07-02"});
    EXPECT_TRUE(visit.at("holders").empty());
}

TEST_F(BundledQueries, TheDyadTimelineIsInOrderAndFlagsThePlannedVisit) {
    const auto j = query({"timeline", "--dyad", "ITA:MYS"});
    const auto events = ids(j.at("events"));
    // The meeting within the visit is dated by the visit; undated events come last.
    expectBefore(events, "event/meeting-anwar-meloni-2025-07",
                 "event/planned-official-visit-meloni-kuala-lumpur");
    expectBefore(events, "event/official-visit-2025-07",
                 "event/planned-official-visit-meloni-kuala-lumpur");
    for (const auto& e : j.at("events")) {
        if (e.at("id") == "event/planned-official-visit-meloni-kuala-lumpur") {
            EXPECT_EQ(e.at("status"), "planned");
        } else {
            EXPECT_EQ(e.at("status"), "occurred");
        }
        if (e.at("id") == "event/talks-ministers-2025-07") {  // undated by every source
            EXPECT_TRUE(e.at("dated_by_parent").get<bool>());
            EXPECT_EQ(e.at("start"), "2025-07-02");
        }
        if (e.at("id") == "event/meeting-anwar-meloni-2025-07") {  // 3 July, by two accounts
            EXPECT_FALSE(e.at("dated_by_parent").get<bool>());
            EXPECT_EQ(e.at("start"), "2025-07-03");
        }
    }
    EXPECT_EQ(ids(query({"timeline", "--dyad", "MYS:ITA"}).at("events")), events);
}

TEST_F(BundledQueries, TheEmbassyInaugurationComesBeforeTheVisit) {
    // The inauguration of the Italian embassy's premises is in Italy's timeline.
    const auto j = query({"timeline", "--country", "ITA"});
    const auto events = ids(j.at("events"));
    expectBefore(events, "event/embassy-inauguration-2025-06-06", "event/official-visit-2025-07");
    const auto at = position(events, "event/embassy-inauguration-2025-06-06");
    EXPECT_EQ(j.at("events").at(static_cast<std::size_t>(at)).at("start"), "2025-06-06");
}

TEST_F(BundledQueries, NamesWithCurlyApostrophesResolve) {
    const auto j = query({"who-met", "YAB Dato' Seri Anwar Ibrahim"});
    EXPECT_EQ(j.at("actor").at("id"), "person/anwar-ibrahim");
    const auto s = query({"search", "farnesina"});
    ASSERT_FALSE(s.at("hits").empty());
    EXPECT_EQ(s.at("hits").at(0).at("id"), "government_body/ministry-of-foreign-affairs-italy");
}

// --- issue 9 parts 4 and 7, issue 11 part 6: what a reader of the editorial would answer ------

namespace {
/// The certainty of each holder of `post` on `day`, as "person:certainty".
Strings holdersOn(const json& j) {
    Strings out;
    for (const auto& h : j.at("holders"))
        out.push_back(h.at("id").get<std::string>() + ":" + h.at("certainty").get<std::string>());
    return out;
}
}  // namespace

TEST_F(BundledQueries, TheVisitAttestsThePostsItsTextNamesHeldThen) {
    // "the official visit to Italy on July 2–3 by Malaysian Prime Minister … Anwar Ibrahim"
    EXPECT_EQ(holdersOn(query({"holders", "post/prime-minister-malaysia", "--on", "2025-07-02"})),
              Strings{"person/anwar-ibrahim:certainly"});
    EXPECT_EQ(holdersOn(query({"holders", "post/prime-minister-malaysia", "--on", "2025-07-03"})),
              Strings{"person/anwar-ibrahim:certainly"});
    // The text gives no term: on other days the data cannot be sure, in 2025 or in 1800.
    EXPECT_EQ(holdersOn(query({"holders", "post/prime-minister-malaysia", "--on", "2025-07-04"})),
              Strings{"person/anwar-ibrahim:possibly"});
    EXPECT_EQ(holdersOn(query({"holders", "post/prime-minister-malaysia", "--on", "1800-01-01"})),
              Strings{"person/anwar-ibrahim:possibly"});
    // The editorial names Meloni and Tajani at meetings on one day of the visit, which it does
    // not give: attested for July 2025, certain on neither day by it (issue 21's audit). The
    // Palazzo Chigi note and The Sun put them at the leaders' meeting of 3 July: certain then.
    EXPECT_EQ(holdersOn(query(
                  {"holders", "post/president-council-of-ministers-italy", "--on", "2025-07-02"})),
              Strings{"person/giorgia-meloni:possibly"});
    EXPECT_EQ(holdersOn(query(
                  {"holders", "post/president-council-of-ministers-italy", "--on", "2025-07-03"})),
              Strings{"person/giorgia-meloni:certainly"});
    for (const auto& [day, certainty] :
         {std::pair{"2025-07-02", "possibly"}, std::pair{"2025-07-03", "certainly"}}) {
        const auto tajani =
            query({"relations", "person/antonio-tajani", "--as-of", day, "--kind", "holds_post"});
        ASSERT_EQ(tajani.at("relations").size(), 2u);  // Deputy PM and Foreign Affairs
        for (const auto& r : tajani.at("relations")) EXPECT_EQ(r.at("certainty"), certainty) << day;
    }
    // The ambassador's own term is unchanged (it ended on 8 June).
    EXPECT_EQ(holdersOn(query({"holders", "post/ambassador-italy-malaysia", "--on", "2025-07-02"})),
              Strings{});
    // Crosetto, named by the Palazzo Chigi note at the meeting of 3 July, with no term.
    EXPECT_EQ(holdersOn(query({"holders", "post/minister-of-defence-italy", "--on", "2025-07-03"})),
              Strings{"person/guido-crosetto:certainly"});
    EXPECT_EQ(holdersOn(query({"holders", "post/minister-of-defence-italy", "--on", "2025-07-02"})),
              Strings{"person/guido-crosetto:possibly"});
}

TEST_F(BundledQueries, WhoMetSaysWhichMeetingsAreOnlyInferred) {
    // That Malaysia and Italy met at the side meetings on investment is implied, not stated (0.8);
    // the visit says so.
    const auto j = query({"who-met", "country/MYS"});
    bool sawItaly = false;
    for (const auto& c : j.at("counterparts")) {
        ASSERT_EQ(c.at("event_basis").size(), c.at("events").size());
        if (c.at("id") != "country/ITA") continue;
        sawItaly = true;
        const Strings events = c.at("events").get<Strings>();
        ASSERT_EQ(events, Strings{"event/side-meetings-investment-2025-07"});
        EXPECT_EQ(c.at("event_basis").at(0), "inferred");
        EXPECT_EQ(c.at("event_confidence").at(0), 0.8);
        EXPECT_EQ(c.at("basis"), "inferred");
    }
    EXPECT_TRUE(sawItaly);
    // Tajani at the leaders' meeting: one inference of the editorial (0.7), but stated by the
    // Palazzo Chigi note, so stated.
    const auto anwar = query({"who-met", "Anwar Ibrahim"});
    for (const auto& c : anwar.at("counterparts")) {
        if (c.at("id") != "person/antonio-tajani") continue;
        for (const auto& basis : c.at("event_basis")) EXPECT_EQ(basis, "stated");
    }
    // The table marks the inferred meeting and explains the marker.
    const auto text = bilateral::fixtures::runCli(db, {"who-met", "country/MYS"});
    EXPECT_NE(text.out.find("event/side-meetings-investment-2025-07 (inferred 0.8)"),
              std::string::npos)
        << text.out;
    EXPECT_NE(text.out.find("unmarked: stated"), std::string::npos);
}

TEST_F(BundledQueries, TheDyadTimelineHoldsTheSideMeetingsAsInferredAndTheEmbassyByPlace) {
    const auto j = query({"timeline", "--dyad", "ITA:MYS"});
    std::map<std::string, json> byId;
    for (const auto& e : j.at("events")) byId[e.at("id").get<std::string>()] = e;
    // "bilateral meetings on the sidelines": Italy and Malaysia, inferred.
    ASSERT_TRUE(byId.count("event/side-meetings-investment-2025-07"));
    EXPECT_EQ(byId["event/side-meetings-investment-2025-07"].at("basis"), "inferred");
    EXPECT_EQ(byId["event/side-meetings-investment-2025-07"].at("confidence"), 0.8);
    // The embassy's premises in Kuala Lumpur: in the dyad by their place, which the text states;
    // no Malaysian host is inferred (issue 21's audit: the text names none).
    ASSERT_TRUE(byId.count("event/embassy-inauguration-2025-06-06"));
    EXPECT_EQ(byId["event/embassy-inauguration-2025-06-06"].at("in_dyad"), "place");
    EXPECT_EQ(byId["event/embassy-inauguration-2025-06-06"].at("basis"), "stated");
    // The visit itself rests on what the text says.
    EXPECT_EQ(byId["event/official-visit-2025-07"].at("basis"), "stated");
    for (const auto& p : byId["event/official-visit-2025-07"].at("participants"))
        EXPECT_EQ(p.at("basis"), "stated") << p.at("id");
    const auto text = bilateral::fixtures::runCli(db, {"timeline", "--dyad", "ITA:MYS"});
    EXPECT_NE(text.out.find("(inferred 0.8)"), std::string::npos) << text.out;
}

TEST_F(BundledQueries, SubEventsComeAfterTheVisitTheyTookPlaceIn) {
    const auto events = ids(query({"timeline", "--dyad", "ITA:MYS"}).at("events"));
    // Undated ones take the visit's days and follow it; the meeting, on its last day, too.
    for (const char* child : {"event/meeting-anwar-meloni-2025-07", "event/talks-ministers-2025-07",
                              "event/side-meetings-investment-2025-07"}) {
        expectBefore(events, "event/official-visit-2025-07", child);
    }
    // The roundtable, dated 2 July by the Palazzo Chigi note, is one day: on the visit's first
    // day it comes first (earliest day, then latest day: data-model.md, "Ordering").
    expectBefore(events, "event/economic-roundtable-2025-07", "event/official-visit-2025-07");
    // An actor's timeline too.
    const auto anwar = ids(query({"timeline", "person/anwar-ibrahim"}).at("events"));
    ASSERT_FALSE(anwar.empty());
    EXPECT_EQ(anwar.front(), "event/economic-roundtable-2025-07");
}

TEST_F(BundledQueries, EniAndPetronasAreJoinedToTheirCountries) {
    const auto eni = query({"path", "company/eni", "country/MYS"});
    EXPECT_TRUE(eni.at("found").get<bool>());
    const auto rel = query({"relations", "company/petronas"});
    Strings to;
    for (const auto& r : rel.at("relations")) to.push_back(r.at("to").at("id").get<std::string>());
    EXPECT_TRUE(contains(to, "country/MYS"));
}

TEST_F(BundledQueries, TheOtherAccountsNameWhoWasAtTheLeadersMeeting) {
    // The Palazzo Chigi note names Crosetto for the Italian side: Anwar met him there.
    const auto anwar = query({"who-met", "Anwar Ibrahim"});
    bool sawCrosetto = false;
    for (const auto& c : anwar.at("counterparts")) {
        // The Malaysian ministers and ambassador The Sun names with him are his own side.
        EXPECT_NE(c.at("side"), "MYS") << c.at("id");
        if (c.at("id") != "person/guido-crosetto") continue;
        sawCrosetto = true;
        EXPECT_EQ(c.at("side"), "ITA");
        EXPECT_EQ(c.at("events"), json::array({"event/meeting-anwar-meloni-2025-07"}));
        EXPECT_EQ(c.at("basis"), "stated");
    }
    EXPECT_TRUE(sawCrosetto);
    // Meloni met them: The Sun puts them with Anwar at her meeting.
    const auto meloni = ids(query({"who-met", "Giorgia Meloni"}).at("counterparts"));
    for (const char* id :
         {"person/mohamad-hasan", "person/anthony-loke", "person/mohamed-khaled-nordin",
          "person/tengku-zafrul-aziz", "person/zahid-rastam"}) {
        EXPECT_TRUE(contains(meloni, id)) << id;
    }
    // In office on the day of the meeting, with no term: certain on 3 July only.
    EXPECT_EQ(holdersOn(query(
                  {"holders", "post/minister-of-foreign-affairs-malaysia", "--on", "2025-07-03"})),
              Strings{"person/mohamad-hasan:certainly"});
    EXPECT_EQ(
        holdersOn(query({"holders", "Ambassador of Malaysia to Italy", "--on", "2025-07-03"})),
        Strings{"person/zahid-rastam:certainly"});
    EXPECT_EQ(
        holdersOn(query({"holders", "Ambassador of Malaysia to Italy", "--on", "2025-07-04"})),
        Strings{"person/zahid-rastam:possibly"});
}

TEST_F(BundledQueries, TheAccountsDisagreeOnTheVisitAndDateTheMeetingAndTheRoundtable) {
    // The editorial: an official visit on July 2–3; The Sun: a three-day working visit from
    // Tuesday, 1 July. Both secondary, both to the day: the editorial's own account is preferred.
    const auto j = query({"disagreements"});
    std::map<std::string, json> visit;  // field -> disagreement
    for (const auto& d : j.at("disagreements")) {
        EXPECT_NE(d.at("record"), "event/meeting-anwar-meloni-2025-07");  // both say 3 July
        if (d.at("record") == "event/official-visit-2025-07") {
            visit[d.at("field").get<std::string>()] = d;
        }
    }
    ASSERT_TRUE(visit.count("kind") && visit.count("start")) << j.dump(2);
    EXPECT_FALSE(visit.count("end"));  // both end on 3 July
    for (const auto& [field, own, sun] : {std::tuple{"kind", "official_visit", "working_visit"},
                                          std::tuple{"start", "2025-07-02", "2025-07-01"}}) {
        for (const auto& v : visit[field].at("values")) {
            if (v.at("source") == "source/editorial-2025") {
                EXPECT_EQ(v.at("value"), own) << field;
                EXPECT_TRUE(v.at("preferred").get<bool>()) << field;
            } else {
                EXPECT_EQ(v.at("source"), "source/thesun-2025-07-03") << field;
                EXPECT_EQ(v.at("value"), sun) << field;
                EXPECT_FALSE(v.at("preferred").get<bool>()) << field;
            }
        }
    }
    // The editorial dates neither the meeting nor the roundtable; the other accounts do.
    const auto timeline = query({"timeline", "--dyad", "ITA:MYS"});
    std::map<std::string, json> byId;
    for (const auto& e : timeline.at("events")) byId[e.at("id").get<std::string>()] = e;
    EXPECT_EQ(byId.at("event/meeting-anwar-meloni-2025-07").at("start"), "2025-07-03");
    EXPECT_EQ(byId.at("event/economic-roundtable-2025-07").at("start"), "2025-07-02");
    EXPECT_EQ(byId.at("event/official-visit-2025-07").at("kind"), "official_visit");
    EXPECT_TRUE(byId.at("event/official-visit-2025-07").contains("disagreements"));
}
