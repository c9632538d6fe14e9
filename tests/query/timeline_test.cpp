#include <gtest/gtest.h>

#include "bilateral/query/queries.hpp"
#include "fixtures/tiny_index.hpp"

using namespace bilateral::model;
using namespace bilateral::query;
using Strings = std::vector<std::string>;

using Timeline = bilateral::fixtures::TinyIndex;

TEST_F(Timeline, ListsAnActorsEventsInTimelineOrderWithPlannedOnesFlagged) {
    const auto events = timeline(index, actor("person/meloni"));
    EXPECT_EQ(eventIds(events),
              (Strings{"event/phone-call-2025-01", "event/statement-9", "event/statement-10",
                       "event/cabinet-meeting", "event/visit-2025-07", "event/return-visit",
                       "event/undated-note"}));
    EXPECT_EQ(index.event(events[5]).status, EventStatus::Planned);
}

TEST_F(Timeline, OrdersIdsNaturallyAndFinerDatesFirst) {
    const auto z = eventIds(timeline(index, actor("person/zambry")));
    EXPECT_EQ(z, (Strings{"event/talks-2024", "event/embassy-opening", "event/a-trade-mission",
                          "event/roundtable-2025-07"}));
    const auto a = eventIds(timeline(index, actor("person/anwar")));
    const auto nine = std::find(a.begin(), a.end(), "event/statement-9");
    const auto ten = std::find(a.begin(), a.end(), "event/statement-10");
    EXPECT_LT(nine, ten);
}

TEST_F(Timeline, FiltersByWindowAndKinds) {
    TimelineOptions o;
    o.window.from = Date::parse("2025-03");
    o.window.to = Date::parse("2025-06-01");
    EXPECT_EQ(eventIds(timeline(index, actor("person/meloni"), o)),
              (Strings{"event/statement-9", "event/statement-10", "event/cabinet-meeting"}));
    // A month-precise event may overlap a window that ends on its first day.
    EXPECT_EQ(eventIds(timeline(index, actor("person/rustico"), o)),
              (Strings{"event/embassy-opening", "event/a-trade-mission"}));
    o.kinds = {EventKind::Statement};
    EXPECT_EQ(eventIds(timeline(index, actor("person/meloni"), o)),
              (Strings{"event/statement-9", "event/statement-10"}));
    TimelineOptions kindsOnly;
    kindsOnly.kinds = {EventKind::OfficialVisit};
    EXPECT_EQ(eventIds(timeline(index, actor("person/meloni"), kindsOnly)),
              (Strings{"event/visit-2025-07", "event/return-visit"}));
    // Undated events fall outside any window.
    TimelineOptions late;
    late.window.from = Date::parse("2026");
    EXPECT_EQ(eventIds(timeline(index, actor("person/meloni"), late)),
              Strings{"event/return-visit"});
}

TEST_F(Timeline, ADyadIsTheSameInBothOrders) {
    TimelineOptions o;
    o.window.from = Date::parse("2025-06");
    o.window.to = Date::parse("2025-07");
    const auto ab = eventIds(dyadTimeline(index, "ITA", "MYS", o));
    EXPECT_EQ(ab, eventIds(dyadTimeline(index, "MYS", "ITA", o)));
    // The roundtable takes the visit's dates and comes after the visit it was held in, though
    // its id sorts first.
    EXPECT_EQ(ab, (Strings{"event/embassy-opening", "event/a-trade-mission", "event/visit-2025-07",
                           "event/roundtable-2025-07"}));
    EXPECT_TRUE(dyadTimeline(index, "ITA", "FRA").empty());
}

TEST_F(Timeline, ACountrysTimelineGoesThroughItsActors) {
    TimelineOptions o;
    o.kinds = {EventKind::Talks};
    EXPECT_EQ(eventIds(countryTimeline(index, "ITA", o)),
              (Strings{"event/talks-2024", "event/cabinet-meeting"}));
    EXPECT_EQ(eventIds(countryTimeline(index, "MYS", o)), Strings{"event/talks-2024"});
    EXPECT_TRUE(countryTimeline(index, "FRA").empty());
}
