#include <gtest/gtest.h>

#include "bilateral/error.hpp"
#include "bilateral/model/date.hpp"
#include "bilateral/model/types.hpp"

using bilateral::InvalidArgumentError;
using bilateral::model::Certainty;
using bilateral::model::Date;
using bilateral::model::Interval;
using bilateral::model::Precision;

namespace {

std::string whyNot(const char* text) {
    std::string why;
    EXPECT_FALSE(Date::tryParse(text, &why).has_value()) << text;
    return why;
}

}  // namespace

TEST(Date, ParsesTheThreePrecisions) {
    EXPECT_EQ(Date::parse("2025").precision(), Precision::Year);
    EXPECT_EQ(Date::parse("2025-07").precision(), Precision::Month);
    const auto d = Date::parse("2025-07-02");
    EXPECT_EQ(d.precision(), Precision::Day);
    EXPECT_EQ(d.year(), 2025);
    EXPECT_EQ(d.month(), 7);
    EXPECT_EQ(d.day(), 2);
    EXPECT_EQ(d.toString(), "2025-07-02");
    EXPECT_EQ(Date::parse("2025-07").toString(), "2025-07");
    EXPECT_EQ(Date::parse("2025").toString(), "2025");
}

TEST(Date, RefusesImpossibleAndNonIsoDatesSayingWhy) {
    EXPECT_NE(whyNot("2025-02-30").find("February 2025 has 28 days"), std::string::npos);
    EXPECT_NE(whyNot("2025-13").find("month 13 does not exist"), std::string::npos);
    EXPECT_NE(whyNot("July 2").find("YYYY-MM-DD"), std::string::npos);
    EXPECT_NE(whyNot("2025-7-2").find("YYYY-MM-DD"), std::string::npos);
    EXPECT_NE(whyNot("0000").find("year 0000"), std::string::npos);
    EXPECT_FALSE(Date::tryParse("").has_value());
    EXPECT_FALSE(Date::tryParse("2025-07-02T10:00").has_value());
    EXPECT_FALSE(Date::tryParse("2025-00").has_value());
    EXPECT_FALSE(Date::tryParse("2025-07-00").has_value());
    EXPECT_THROW(Date::parse("2025-02-30"), InvalidArgumentError);
}

TEST(Date, KnowsLeapYears) {
    EXPECT_TRUE(Date::tryParse("2024-02-29").has_value());
    EXPECT_FALSE(Date::tryParse("2100-02-29").has_value());
    EXPECT_TRUE(Date::tryParse("2000-02-29").has_value());
}

TEST(Date, CoversADayRangeByPrecision) {
    const auto m = Date::parse("2025-02");
    EXPECT_EQ(m.earliest(), Date::parse("2025-02-01").earliest());
    EXPECT_EQ(m.latest(), Date::parse("2025-02-28").earliest());
    const auto y = Date::parse("2025");
    EXPECT_EQ(y.latest() - y.earliest(), 364);
    EXPECT_EQ(Date::parse("1970-01-01").earliest(), 0);
}

TEST(Date, RoundTripsThroughDayNumbers) {
    for (const char* s : {"1900-03-01", "1970-01-01", "2000-02-29", "2025-07-03", "2399-12-31"}) {
        const auto d = Date::parse(s);
        EXPECT_EQ(Date::fromDayNumber(d.earliest()).toString(), s);
        EXPECT_EQ(Date::fromStored(d.earliest(), d.precision()), d);
    }
    const auto m = Date::parse("2025-07");
    EXPECT_EQ(Date::fromStored(m.earliest(), m.precision()), m);
}

TEST(Date, DayNumberOfTakesRealCalendarDaysOnly) {
    using bilateral::model::dayNumberOf;
    EXPECT_EQ(dayNumberOf(1970, 1, 1), 0);
    EXPECT_EQ(dayNumberOf(2018, 5, 17), Date::parse("2018-05-17").earliest());
    EXPECT_EQ(dayNumberOf(1, 1, 1), Date::parse("0001-01-01").earliest());
    EXPECT_EQ(dayNumberOf(9999, 12, 31), Date::parse("9999-12-31").earliest());
    EXPECT_EQ(dayNumberOf(2000, 2, 29), Date::parse("2000-02-29").earliest());  // leap (400)
    EXPECT_FALSE(dayNumberOf(1900, 2, 29));                                     // not (100)
    EXPECT_FALSE(dayNumberOf(2014, 2, 30));
    EXPECT_FALSE(dayNumberOf(2014, 4, 31));
    EXPECT_FALSE(dayNumberOf(2014, 13, 1));
    EXPECT_FALSE(dayNumberOf(2014, 0, 1));
    EXPECT_FALSE(dayNumberOf(2014, 1, 0));
    EXPECT_FALSE(dayNumberOf(2014, 1, 257));  // a day that would wrap in a byte to 1
    EXPECT_FALSE(dayNumberOf(0, 1, 1));       // year 0000 does not exist
    EXPECT_FALSE(dayNumberOf(10000, 1, 1));
}

TEST(Date, OrdersByEarliestDayThenFinerFirst) {
    EXPECT_LT(Date::parse("2025-01-01"), Date::parse("2025-01"));
    EXPECT_LT(Date::parse("2025-01"), Date::parse("2025"));
    EXPECT_LT(Date::parse("2024"), Date::parse("2025-01-01"));
    EXPECT_LT(Date::parse("2025-06-30"), Date::parse("2025-07"));
    EXPECT_GT(Date::parse("2025-07-02"), Date::parse("2025"));
}

TEST(Interval, SaysCertainlyOrPossiblyForPartialEnds) {
    // The ambassador's term: day-precise ends.
    const Interval term{Date::parse("2021-10-18"), Date::parse("2025-06-08")};
    EXPECT_EQ(term.covers(Date::parse("2025-06-08").earliest()), Certainty::Certainly);
    EXPECT_EQ(term.covers(Date::parse("2025-06-09").earliest()), Certainty::No);
    EXPECT_EQ(term.covers(Date::parse("2021-10-17").earliest()), Certainty::No);
    // A year-precise end possibly covers any day of that year.
    const Interval vague{Date::parse("2021"), Date::parse("2025")};
    EXPECT_EQ(vague.covers(Date::parse("2023-05-05").earliest()), Certainty::Certainly);
    EXPECT_EQ(vague.covers(Date::parse("2025-07-02").earliest()), Certainty::Possibly);
    EXPECT_EQ(vague.covers(Date::parse("2021-01-01").earliest()), Certainty::Possibly);
    EXPECT_EQ(vague.covers(Date::parse("2026-01-01").earliest()), Certainty::No);
    // An undated fact possibly holds on any day.
    const Interval undated{std::nullopt, std::nullopt};
    EXPECT_EQ(undated.covers(0), Certainty::Possibly);
}

TEST(Interval, AnUnknownEndIsNeverCertain) {
    // A tenure known only by its end: it may have begun on any day before, so no day before the
    // end is certain, however long before; after the end it does not hold.
    const Interval until{std::nullopt, Date::parse("2025-06-08")};
    EXPECT_EQ(until.covers(Date::parse("1800-01-01").earliest()), Certainty::Possibly);
    EXPECT_EQ(until.covers(Date::parse("2025-06-08").earliest()), Certainty::Possibly);
    EXPECT_EQ(until.covers(Date::parse("2025-06-09").earliest()), Certainty::No);
    // And symmetrically a known start with no known end: possibly from the start on, never
    // certainly, not before it.
    const Interval since{Date::parse("2025-07"), std::nullopt};
    EXPECT_EQ(since.covers(Date::parse("2025-07-15").earliest()), Certainty::Possibly);
    EXPECT_EQ(since.covers(Date::parse("2025-08-01").earliest()), Certainty::Possibly);
    EXPECT_EQ(since.covers(Date::parse("2999-01-01").earliest()), Certainty::Possibly);
    EXPECT_EQ(since.covers(Date::parse("2025-06-30").earliest()), Certainty::No);
}

// [attested] What a fact rests on, in brief: who-met and timeline print it.
TEST(Support, KeepsTheStrongestEvidenceAndComparesStatedReferenceInferred) {
    using bilateral::model::Basis;
    using bilateral::model::Support;
    Support inferred;
    inferred.add(Basis::Inferred, 0.6);
    inferred.add(Basis::Inferred, 0.8);  // the highest confidence of the strongest basis
    EXPECT_EQ(inferred.basis, Basis::Inferred);
    EXPECT_EQ(inferred.confidence, 0.8);
    Support stated = inferred;
    stated.add(Basis::Stated, std::nullopt);  // a stated entry outweighs any inference
    EXPECT_EQ(stated.basis, Basis::Stated);
    EXPECT_FALSE(stated.confidence);
    Support reference;
    reference.add(Basis::Reference, std::nullopt);
    EXPECT_EQ(weaker(stated, inferred), inferred);
    EXPECT_EQ(weaker(reference, inferred), inferred);
    EXPECT_EQ(stronger(reference, stated), stated);
    Support lower;
    lower.add(Basis::Inferred, 0.5);
    EXPECT_EQ(weaker(inferred, lower), lower);
    EXPECT_EQ(stronger(lower, inferred), inferred);
    // No evidence (event files' participants): not assessed, the other decides.
    EXPECT_EQ(weaker(Support{}, inferred), inferred);
    EXPECT_EQ(stronger(stated, Support{}), stated);
}
