#include "bilateral/model/date.hpp"

#include <array>
#include <cstdio>
#include <string>

#include "bilateral/error.hpp"

namespace bilateral::model {
namespace {

bool isLeap(int y) noexcept {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int y, int m) noexcept {
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
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

// Howard Hinnant's days_from_civil.
DayNumber toDayNumber(int year, int month, int day) noexcept {
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = static_cast<unsigned>(month > 2 ? month - 3 : month + 9);
    const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}

Date Date::fromDayNumber(DayNumber z) {
    // Day numbers come back from database files, which are not trusted: outside the years
    // 0001-9999 the arithmetic below would overflow (undefined behaviour) or make year 0.
    static const DayNumber kFirst = toDayNumber(1, 1, 1);
    static const DayNumber kLast = toDayNumber(9999, 12, 31);
    if (z < kFirst || z > kLast) {
        throw InvalidArgumentError("day number " + std::to_string(z) +
                                   " is outside 0001-01-01..9999-12-31");
    }
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Date(y + (m <= 2 ? 1 : 0), static_cast<int>(m), static_cast<int>(d), Precision::Day);
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
    switch (p) {
        case Precision::Day:
            return "day";
        case Precision::Month:
            return "month";
        case Precision::Year:
            return "year";
    }
    return "day";
}

std::string_view toString(Certainty c) noexcept {
    switch (c) {
        case Certainty::No:
            return "no";
        case Certainty::Possibly:
            return "possibly";
        case Certainty::Certainly:
            return "certainly";
    }
    return "no";
}

}  // namespace bilateral::model
