#include <gtest/gtest.h>

#include "bilateral/query/queries.hpp"
#include "fixtures/tiny_index.hpp"

using namespace bilateral::model;
using namespace bilateral::query;
using Strings = std::vector<std::string>;

class WhoMet : public bilateral::fixtures::TinyIndex {
protected:
    /// "id:count" per counterpart, in answer order.
    Strings met(std::string_view who, const WhoMetOptions& o = {}) const {
        Strings out;
        for (const auto& c : whoMet(index, actor(who), o))
            out.push_back(id(c.actor) + ":" + std::to_string(c.meetings));
        return out;
    }
    const Counterpart find(std::string_view who, std::string_view other,
                           const WhoMetOptions& o = {}) const {
        for (const auto& c : whoMet(index, actor(who), o)) {
            if (id(c.actor) == other) return c;
        }
        ADD_FAILURE() << other << " did not meet " << who;
        return {};
    }
};

TEST_F(WhoMet, CountsOccurredMeetingsAndSortsByCountThenName) {
    // Meloni, at the cabinet meeting, is on Tajani's own side: not a counterpart.
    EXPECT_EQ(met("person/tajani"), (Strings{"person/zambry:2", "person/anwar:1"}));
}

TEST_F(WhoMet, PlannedAndCancelledEventsNeverCount) {
    // Meloni and Anwar: the visit counts; the planned return visit does not. Equal counts
    // sort by name; Italy and Tajani are on her side.
    EXPECT_EQ(met("person/meloni"), (Strings{"person/anwar:1", "country/MYS:1"}));
    const auto c = find("person/meloni", "person/anwar");
    EXPECT_EQ(eventIds(c.events), Strings{"event/visit-2025-07"});
    // Anwar and Tajani: the cancelled meeting does not count, the roundtable does.
    EXPECT_EQ(eventIds(find("person/anwar", "person/tajani").events),
              Strings{"event/roundtable-2025-07"});
    // Even when the planned event's kind is asked for explicitly.
    WhoMetOptions visits;
    visits.kinds = {EventKind::OfficialVisit, EventKind::BilateralMeeting};
    EXPECT_EQ(met("person/meloni", visits), (Strings{"person/anwar:1", "country/MYS:1"}));
}

TEST_F(WhoMet, ASubEventCountsForItsOwnParticipantsOnly) {
    // Meloni hosted the visit but was not at the roundtable inside it: she did not meet Zambry.
    for (const auto& s : met("person/meloni"))
        EXPECT_EQ(s.find("person/zambry"), std::string::npos);
    // Anwar met the other side at the visit and at the roundtable, each once; Malaysia, a guest
    // of the visit beside him, is his own delegation; Zambry is on his side.
    EXPECT_EQ(met("person/anwar"),
              (Strings{"person/tajani:1", "person/meloni:1", "country/ITA:1"}));
    WhoMetOptions any;
    any.anySide = true;
    EXPECT_EQ(met("person/anwar", any),
              (Strings{"person/tajani:1", "person/meloni:1", "country/ITA:1", "person/zambry:1"}));
}

TEST_F(WhoMet, PhoneCallsCountOnlyWhenAsked) {
    WhoMetOptions o;
    o.includePhoneCalls = true;
    const auto c = find("person/anwar", "person/meloni", o);
    EXPECT_EQ(c.meetings, 2);
    EXPECT_EQ(eventIds(c.events), (Strings{"event/phone-call-2025-01", "event/visit-2025-07"}));
    EXPECT_EQ(met("person/anwar", o).front(), "person/meloni:2");
    WhoMetOptions calls;
    calls.kinds = {EventKind::PhoneCall};
    EXPECT_EQ(met("person/meloni", calls), Strings{"person/anwar:1"});
}

TEST_F(WhoMet, KindsReplaceTheMeetingKinds) {
    WhoMetOptions o;
    o.kinds = {EventKind::Roundtable};
    EXPECT_EQ(met("person/tajani", o), (Strings{"person/anwar:1", "person/zambry:1"}));
    o.kinds = {EventKind::Statement};
    EXPECT_EQ(met("person/anwar", o), Strings{"person/meloni:2"});
}

TEST_F(WhoMet, AWindowKeepsEventsThatMayOverlapIt) {
    WhoMetOptions o;
    // June 2024 lies within the year-precise 2024 talks.
    o.window.from = Date::parse("2024-06-01");
    o.window.to = Date::parse("2024-06-30");
    EXPECT_EQ(met("person/tajani", o), Strings{"person/zambry:1"});
    // The roundtable has no date of its own; it happened during the visit (2025-07-02..03).
    o.window.from = Date::parse("2025-07-03");
    o.window.to = Date::parse("2025-07-03");
    EXPECT_EQ(met("person/tajani", o), (Strings{"person/anwar:1", "person/zambry:1"}));
    // Partial ends widen to their day range: to 2025-07 ends on July 31.
    o.window.from = Date::parse("2025-07");
    o.window.to = std::nullopt;
    EXPECT_EQ(met("person/tajani", o), (Strings{"person/anwar:1", "person/zambry:1"}));
    o.window.from = Date::parse("2025-08");
    EXPECT_TRUE(met("person/tajani", o).empty());
    o.window.from = std::nullopt;
    o.window.to = Date::parse("2023");
    EXPECT_TRUE(met("person/tajani", o).empty());
}

TEST_F(WhoMet, ReportsFirstAndLastMeetingDates) {
    const auto c = find("person/tajani", "person/zambry");
    ASSERT_TRUE(c.first && c.last);
    EXPECT_EQ(c.first->toString(), "2024");
    EXPECT_EQ(c.last->toString(), "2025-07-02");  // the roundtable, dated by its visit
    EXPECT_EQ(eventIds(c.events), (Strings{"event/talks-2024", "event/roundtable-2025-07"}));
}

TEST_F(WhoMet, AnActorWhoMetNobodyGetsAnEmptyAnswer) {
    EXPECT_TRUE(met("person/hasan-1").empty());
    EXPECT_TRUE(met("person/ravaglia").empty());
    EXPECT_THROW(whoMet(index, bilateral::query::ActorIx{999}), bilateral::InvalidArgumentError);
}
