// Dates resolved against the publication date: weekdays, "yesterday", ranges, years left out,
// publications near a year's end; and what stays unresolved without a publication date.

#include <gtest/gtest.h>

#include "analysis.hpp"
#include "draft_fixture.hpp"

namespace {

using namespace bilateral::draft;
using namespace bilateral::draft::testing;
using bilateral::model::Date;

/// The start and end of the only event of `kind`.
std::pair<std::string, std::string> datesOf(const Json& doc, const std::string& kind) {
    const auto events = eventsOf(doc, kind);
    EXPECT_EQ(events.size(), 1u) << doc.dump(1);
    if (events.empty()) return {};
    const auto& e = events.front();
    return {e.value("start", ""), e.value("end", "")};
}

TEST(Dates, WeekdaysInThePastAndAhead) {
    // Friday 7 March 2025.
    const auto past = draftJson("The ministers met in Rome on Thursday.", "2025-03-07");
    EXPECT_EQ(datesOf(past, "bilateral_meeting").first, "2025-03-06");
    const auto sameDay = draftJson("The ministers met in Rome on Friday.", "2025-03-07");
    EXPECT_EQ(datesOf(sameDay, "bilateral_meeting").first, "2025-03-07");
    const auto ahead = draftJson("The ministers will meet in Rome on Thursday.", "2025-03-07");
    EXPECT_EQ(datesOf(ahead, "bilateral_meeting").first, "2025-03-13");
    const auto it = draftJson("Il ministro ha incontrato martedì a Roma il collega.", "2025-02-20",
                              Language::Italian);
    EXPECT_EQ(datesOf(it, "bilateral_meeting").first, "2025-02-18");
}

TEST(Dates, YesterdayAndTheDateInBrackets) {
    const auto en = draftJson("The two ministers met in Jakarta yesterday.", "2025-01-01");
    EXPECT_EQ(datesOf(en, "bilateral_meeting").first, "2024-12-31");
    // The bracket names the day: it wins over counting.
    const auto it = draftJson("Il ministro ha incontrato ieri (2 luglio) il collega malese.",
                              "2025-07-03", Language::Italian);
    EXPECT_EQ(datesOf(it, "bilateral_meeting").first, "2025-07-02");
}

TEST(Dates, RangesInBothLanguages) {
    EXPECT_EQ(datesOf(draftJson("The official visit to Italy on July 2–3 ended.", "2025-07-10"),
                      "official_visit"),
              std::make_pair(std::string("2025-07-02"), std::string("2025-07-03")));
    EXPECT_EQ(
        datesOf(draftJson("He paid an official visit to Italy from July 1 to 3.", "2025-07-10"),
                "official_visit"),
        std::make_pair(std::string("2025-07-01"), std::string("2025-07-03")));
    EXPECT_EQ(datesOf(draftJson("Il ministro era in visita a Roma dal 1° al 3 luglio.",
                                "2025-07-03", Language::Italian),
                      "official_visit"),
              std::make_pair(std::string("2025-07-01"), std::string("2025-07-03")));
    EXPECT_EQ(datesOf(draftJson("She made an official visit to Malaysia from 30 December to "
                                "2 January.",
                                "2025-01-05"),
                      "official_visit"),
              std::make_pair(std::string("2024-12-30"), std::string("2025-01-02")));
}

TEST(Dates, MissingYearsNearAYearsEnd) {
    // Published on 3 January: a December meeting in the past was last year's.
    EXPECT_EQ(datesOf(draftJson("The ministers met in Rome on December 12.", "2025-01-03"),
                      "bilateral_meeting")
                  .first,
              "2024-12-12");
    // Published on 31 December: a January visit ahead is next year's.
    EXPECT_EQ(datesOf(draftJson("The minister will pay an official visit to Malaysia from 7 to 9 "
                                "January.",
                                "2024-12-31"),
                      "official_visit"),
              std::make_pair(std::string("2025-01-07"), std::string("2025-01-09")));
    // "December 12 last year", and a three-day visit that began on Monday.
    EXPECT_EQ(datesOf(draftJson("They first met in Rome on December 12 last year.", "2025-03-03"),
                      "bilateral_meeting")
                  .first,
              "2024-12-12");
    EXPECT_EQ(datesOf(draftJson("Serra is on a three-day visit to Indonesia that began on Monday.",
                                "2025-01-01"),
                      "official_visit"),
              std::make_pair(std::string("2024-12-30"), std::string("2025-01-01")));
}

TEST(Dates, RelativeYearsAndMonths) {
    EXPECT_EQ(
        datesOf(draftJson("Galli will visit Malaysia next year.", "2025-07-03"), "official_visit")
            .first,
        "2026");
    EXPECT_EQ(datesOf(draftJson("Galli si recherà in Malesia il prossimo anno.", "2025-07-03",
                                Language::Italian),
                      "official_visit")
                  .first,
              "2026");
    EXPECT_EQ(datesOf(draftJson("Hartono said he would visit Italy in March.", "2025-01-03"),
                      "official_visit")
                  .first,
              "2025-03");
}

TEST(Dates, UnresolvedWithoutAPublicationDateAndSaidSo) {
    DraftOptions o;
    const auto d = draftArticle("The ministers met in Rome on Thursday.", o);
    ASSERT_EQ(d.events.size(), 1u);
    EXPECT_FALSE(d.events[0].start.has_value());
    ASSERT_FALSE(d.notes.empty());
    EXPECT_NE(d.notes.front().find("publication date"), std::string::npos) << d.notes.front();
}

TEST(Dates, ADateLineUnderTheTextDatesIt) {
    DraftOptions o;
    const auto d = draftArticle("The ministers met in Rome yesterday.\n\n7 March 2025\n", o);
    ASSERT_TRUE(d.source.published.has_value());
    EXPECT_EQ(d.source.published->toString(), "2025-03-07");
    ASSERT_EQ(d.events.size(), 1u);
    EXPECT_EQ(d.events[0].start->toString(), "2025-03-06");
}

TEST(DateResolution, WeekdaysCountFromThePublicationDay) {
    DateMention d;
    d.kind = DateMention::Kind::Weekday;
    d.weekday = 7;                               // Sunday
    const auto pub = Date::parse("2025-01-01");  // a Wednesday
    EXPECT_EQ(resolveDate(d, pub, false).start->toString(), "2024-12-29");
    EXPECT_EQ(resolveDate(d, pub, true).start->toString(), "2025-01-05");
    // A month-precise publication date cannot place a weekday.
    EXPECT_FALSE(resolveDate(d, Date::parse("2025-01"), false).start.has_value());
}

TEST(DateResolution, AYearPrecisePublicationGivesItsYear) {
    DateMention d;
    d.kind = DateMention::Kind::Day;
    d.day = 6;
    d.month = 6;
    EXPECT_EQ(resolveDate(d, Date::parse("2025"), false).start->toString(), "2025-06-06");
    d.day = 30;
    d.month = 2;  // no such day
    EXPECT_FALSE(resolveDate(d, Date::parse("2025"), false).start.has_value());
}

}  // namespace
