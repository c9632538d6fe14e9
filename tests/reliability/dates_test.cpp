// Regressions from fuzz_date: day numbers read back from a database file are untrusted.

#include <gtest/gtest.h>

#include <limits>

#include "bilateral/error.hpp"
#include "bilateral/model/date.hpp"

using bilateral::InvalidArgumentError;
using bilateral::model::Date;
using bilateral::model::Precision;
using bilateral::model::toDayNumber;

TEST(Dates, DayNumbersOutsideTheYearsOneToNineThousandAreRefusedNotOverflowed) {
    for (const int n : {std::numeric_limits<int>::max(), std::numeric_limits<int>::min(),
                        toDayNumber(1, 1, 1) - 1, toDayNumber(9999, 12, 31) + 1}) {
        EXPECT_THROW((void)Date::fromDayNumber(n), InvalidArgumentError) << n;
        EXPECT_THROW((void)Date::fromStored(n, Precision::Year), InvalidArgumentError) << n;
    }
    EXPECT_EQ(Date::fromDayNumber(toDayNumber(1, 1, 1)).toString(), "0001-01-01");
    EXPECT_EQ(Date::fromDayNumber(toDayNumber(9999, 12, 31)).toString(), "9999-12-31");
    EXPECT_EQ(Date::fromStored(0, Precision::Month).toString(), "1970-01");
}
