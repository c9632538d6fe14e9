#pragma once
// Partial dates (ISO 8601 `YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and intervals with open or partial ends.

#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace bilateral::model {

enum class Precision : std::uint8_t { Day = 0, Month = 1, Year = 2 };

/// Days since 1970-01-01 (proleptic Gregorian); negative before.
using DayNumber = std::int32_t;

DayNumber toDayNumber(int year, int month, int day) noexcept;

/// The day number standing for "no date" where a day range must be given (an event with no
/// date of its own nor of an event it took place within): after every real day, so such
/// events sort last in timeline order and fall outside every date window.
inline constexpr DayNumber kUndatedDay = std::numeric_limits<DayNumber>::max();

/// A date known to the year, the month or the day. Construct through `parse` or the factories;
/// every Date that exists is a real calendar date.
class Date {
public:
    /// Strict ISO 8601 partial date. Throws InvalidArgumentError saying why on anything else:
    /// `2025-02-30` (no such day), `2025-13` (no such month), `July 2`, `2025-7-2`.
    static Date parse(std::string_view text);
    /// Like parse, but returns the reason instead of throwing.
    static std::optional<Date> tryParse(std::string_view text, std::string* why = nullptr);

    static Date ofYear(int year);
    static Date ofMonth(int year, int month);
    static Date ofDay(int year, int month, int day);
    /// The day-precise date of a day number.
    static Date fromDayNumber(DayNumber day);
    /// Rebuild from what the store keeps: the earliest day and the precision.
    static Date fromStored(DayNumber earliest, Precision precision);

    [[nodiscard]] int year() const noexcept { return year_; }
    [[nodiscard]] int month() const noexcept { return month_; }  ///< 0 when year-precise
    [[nodiscard]] int day() const noexcept { return day_; }      ///< 0 unless day-precise
    [[nodiscard]] Precision precision() const noexcept { return precision_; }

    /// First and last day the date covers: `2025-07` is 2025-07-01 .. 2025-07-31.
    [[nodiscard]] DayNumber earliest() const noexcept;
    [[nodiscard]] DayNumber latest() const noexcept;

    /// `2025`, `2025-07` or `2025-07-02`.
    [[nodiscard]] std::string toString() const;

    /// Ordering of partial dates: by earliest day, then latest day (so a finer date sorts before
    /// a coarser one starting the same day: 2025-01-01 < 2025-01 < 2025).
    friend std::strong_ordering operator<=>(const Date& a, const Date& b) noexcept;
    friend bool operator==(const Date& a, const Date& b) noexcept = default;

private:
    Date(int y, int m, int d, Precision p) : year_(y), month_(m), day_(d), precision_(p) {}
    int year_ = 1970;
    int month_ = 0;
    int day_ = 0;
    Precision precision_ = Precision::Year;
};

/// Whether a fact holds on a day, given partial dates.
enum class Certainty : std::uint8_t { No = 0, Possibly = 1, Certainly = 2 };

/// A validity interval; either end may be open (nullopt) or partial.
struct Interval {
    std::optional<Date> start;
    std::optional<Date> end;

    /// Certainly when both ends are known and the day lies within [latest start, earliest end];
    /// possibly when within [earliest start, latest end], otherwise no. An open end is unbounded
    /// for "possibly" and never "certainly": the data does not know that side. An interval with
    /// no ends at all is an undated fact, which possibly holds on any day.
    [[nodiscard]] Certainty covers(DayNumber day) const noexcept;
    /// Whether the interval may overlap [from, to] (inclusive days).
    [[nodiscard]] bool mayOverlap(DayNumber from, DayNumber to) const noexcept;

    friend bool operator==(const Interval&, const Interval&) = default;
};

std::string_view toString(Precision p) noexcept;
std::string_view toString(Certainty c) noexcept;

/// The day number of `year`-`month`-`day` when that is a real calendar day of the years
/// 0001..9999 (the years a Date holds), else nullopt: 2014-02-30, month 13, year 0000.
std::optional<DayNumber> dayNumberOf(int year, int month, int day) noexcept;

}  // namespace bilateral::model
