#include "bilateral/model/date.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <string>

#include "bilateral/error.hpp"

namespace bilateral::model {
namespace {

// The calendar is <chrono>'s proleptic Gregorian one; day numbers count its days from the
// system clock's epoch, 1970-01-01.
namespace cal = std::chrono;

int daysInMonth(int y, int m) noexcept {
    const cal::year_month_day_last last(cal::year(y),
                                        cal::month_day_last(cal::month(static_cast<unsigned>(m))));
    return static_cast<int>(static_cast<unsigned>(last.day()));
}

DayNumber dayNumber(const cal::year_month_day& ymd) noexcept {
    return static_cast<DayNumber>(cal::sys_days(ymd).time_since_epoch().count());
}

constexpr std::array<const char*, 12> kMonthNames{"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};

bool allDigits(std::string_view s) noexcept {
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return !s.empty();
}

int toInt(std::string_view s) noexcept {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

}  // namespace

DayNumber toDayNumber(int year, int month, int day) noexcept {
    return dayNumber(cal::year(year) / cal::month(static_cast<unsigned>(month)) /
                     cal::day(static_cast<unsigned>(day)));
}

std::optional<DayNumber> dayNumberOf(int year, int month, int day) noexcept {
    // Checked before they become chrono's fields: cal::day keeps only a byte of its value.
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) {
        return std::nullopt;
    }
    const cal::year_month_day ymd(cal::year(year), cal::month(static_cast<unsigned>(month)),
                                  cal::day(static_cast<unsigned>(day)));
    if (!ymd.ok()) return std::nullopt;
    return dayNumber(ymd);
}

Date Date::fromDayNumber(DayNumber z) {
    // Day numbers come back from database files, which are not trusted: a Date holds the years
    // 0001-9999 only.
    static const DayNumber kFirst = toDayNumber(1, 1, 1);
    static const DayNumber kLast = toDayNumber(9999, 12, 31);
    if (z < kFirst || z > kLast) {
        throw InvalidArgumentError("day number " + std::to_string(z) +
                                   " is outside 0001-01-01..9999-12-31");
    }
    const cal::year_month_day ymd{cal::sys_days(cal::days(z))};
    return Date(static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day())), Precision::Day);
}

Date Date::fromStored(DayNumber earliest, Precision precision) {
    Date d = fromDayNumber(earliest);
    if (precision == Precision::Year) return ofYear(d.year());
    if (precision == Precision::Month) return ofMonth(d.year(), d.month());
    return d;
}

std::optional<Date> Date::tryParse(std::string_view text, std::string* why) {
    auto fail = [&](std::string reason) -> std::optional<Date> {
        if (why) *why = "invalid date \"" + std::string(text) + "\": " + std::move(reason);
        return std::nullopt;
    };
    constexpr const char* kForm = "expected YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601)";
    if (text.size() != 4 && text.size() != 7 && text.size() != 10) return fail(kForm);
    const std::string_view ys = text.substr(0, 4);
    if (!allDigits(ys)) return fail(kForm);
    const int y = toInt(ys);
    if (y == 0) return fail("year 0000 does not exist");
    if (text.size() == 4) return Date(y, 0, 0, Precision::Year);
    if (text[4] != '-' || !allDigits(text.substr(5, 2))) return fail(kForm);
    const int m = toInt(text.substr(5, 2));
    if (m < 1 || m > 12) return fail("month " + std::to_string(m) + " does not exist (01-12)");
    if (text.size() == 7) return Date(y, m, 0, Precision::Month);
    if (text[7] != '-' || !allDigits(text.substr(8, 2))) return fail(kForm);
    const int d = toInt(text.substr(8, 2));
    const int dim = daysInMonth(y, m);
    if (d < 1 || d > dim) {
        return fail(std::string(kMonthNames[static_cast<std::size_t>(m - 1)]) + " " +
                    std::to_string(y) + " has " + std::to_string(dim) + " days");
    }
    return Date(y, m, d, Precision::Day);
}

Date Date::parse(std::string_view text) {
    std::string why;
    if (auto d = tryParse(text, &why)) return *d;
    throw InvalidArgumentError(why);
}

Date Date::ofYear(int year) {
    if (year < 1 || year > 9999) throw InvalidArgumentError("year out of range 0001-9999");
    return Date(year, 0, 0, Precision::Year);
}

Date Date::ofMonth(int year, int month) {
    if (month < 1 || month > 12) throw InvalidArgumentError("month out of range 1-12");
    return Date(ofYear(year).year(), month, 0, Precision::Month);
}

Date Date::ofDay(int year, int month, int day) {
    Date m = ofMonth(year, month);
    if (day < 1 || day > daysInMonth(year, month)) {
        throw InvalidArgumentError("day " + std::to_string(day) + " out of range for " +
                                   m.toString());
    }
    return Date(year, month, day, Precision::Day);
}

DayNumber Date::earliest() const noexcept {
    return toDayNumber(year_, month_ == 0 ? 1 : month_, day_ == 0 ? 1 : day_);
}

DayNumber Date::latest() const noexcept {
    switch (precision_) {
        case Precision::Day:
            return toDayNumber(year_, month_, day_);
        case Precision::Month:
            return toDayNumber(year_, month_, daysInMonth(year_, month_));
        case Precision::Year:
            break;
    }
    return toDayNumber(year_, 12, 31);
}

std::string Date::toString() const {
    // Years 0..9999 (every date a file gives) without snprintf: listings print thousands.
    if (year_ >= 0 && year_ <= 9999) {
        char buf[10];
        const auto put = [&buf](int at, int value, int digits) {
            for (int k = digits - 1; k >= 0; --k) {
                buf[at + k] = static_cast<char>('0' + value % 10);
                value /= 10;
            }
        };
        put(0, year_, 4);
        if (precision_ == Precision::Year) return std::string(buf, 4);
        buf[4] = '-';
        put(5, month_, 2);
        if (precision_ == Precision::Month) return std::string(buf, 7);
        buf[7] = '-';
        put(8, day_, 2);
        return std::string(buf, 10);
    }
    char buf[16];
    int n = 0;
    switch (precision_) {
        case Precision::Year:
            n = std::snprintf(buf, sizeof buf, "%04d", year_);
            break;
        case Precision::Month:
            n = std::snprintf(buf, sizeof buf, "%04d-%02d", year_, month_);
            break;
        case Precision::Day:
            n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year_, month_, day_);
            break;
    }
    return std::string(buf, static_cast<std::size_t>(n));
}

std::strong_ordering operator<=>(const Date& a, const Date& b) noexcept {
    if (auto c = a.earliest() <=> b.earliest(); c != 0) return c;
    return a.latest() <=> b.latest();
}

Certainty Interval::covers(DayNumber day) const noexcept {
    // An undated fact: the data does not say when it held, so it possibly holds on any day.
    if (!start && !end) return Certainty::Possibly;
    const bool possiblyAfterStart = !start || start->earliest() <= day;
    const bool possiblyBeforeEnd = !end || day <= end->latest();
    if (!possiblyAfterStart || !possiblyBeforeEnd) return Certainty::No;
    // An unknown end is no bound to be certain within: a tenure with no known start may have
    // begun on any day before its end, so it is certain on none (and likewise after a known
    // start with no known end). Only attested days (query::certaintyOn) make those certain.
    const bool certainlyAfterStart = start && start->latest() <= day;
    const bool certainlyBeforeEnd = end && day <= end->earliest();
    return certainlyAfterStart && certainlyBeforeEnd ? Certainty::Certainly : Certainty::Possibly;
}

bool Interval::mayOverlap(DayNumber from, DayNumber to) const noexcept {
    return (!start || start->earliest() <= to) && (!end || from <= end->latest());
}

std::string_view toString(Precision p) noexcept {
    // By value: Day = 0, Month = 1, Year = 2.
    constexpr std::array<std::string_view, 3> kNames{"day", "month", "year"};
    const auto i = static_cast<std::size_t>(p);
    return i < kNames.size() ? kNames[i] : kNames[0];
}

std::string_view toString(Certainty c) noexcept {
    // By value: No = 0, Possibly = 1, Certainly = 2.
    constexpr std::array<std::string_view, 3> kNames{"no", "possibly", "certainly"};
    const auto i = static_cast<std::size_t>(c);
    return i < kNames.size() ? kNames[i] : kNames[0];
}

}  // namespace bilateral::model
