#include "bilateral/rules/trend.hpp"

#include <chrono>
#include <cstdio>

namespace bilateral::rules {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

year_month_day ymdOf(model::DayNumber day) noexcept {
    return year_month_day{sys_days{days{day}}};
}

model::DayNumber dayOf(const year_month_day& ymd) noexcept {
    return static_cast<model::DayNumber>(sys_days{ymd}.time_since_epoch().count());
}

/// Monday of the week of `day` (1970-01-01 was a Thursday).
model::DayNumber mondayOf(model::DayNumber day) noexcept {
    const auto sinceMonday = ((day + 3) % 7 + 7) % 7;
    return day - sinceMonday;
}

}  // namespace

model::DayNumber periodStart(model::DayNumber day, Period p) noexcept {
    const auto ymd = ymdOf(day);
    using std::chrono::month;
    using std::chrono::year;
    switch (p) {
        case Period::Day:
            return day;
        case Period::Week:
            return mondayOf(day);
        case Period::Month:
            return dayOf(ymd.year() / ymd.month() / 1);
        case Period::Quarter: {
            const auto m = static_cast<unsigned>(ymd.month());
            return dayOf(ymd.year() / month{(m - 1) / 3 * 3 + 1} / 1);
        }
        case Period::Year:
            return dayOf(ymd.year() / 1 / 1);
    }
    return day;
}

model::DayNumber nextPeriod(model::DayNumber start, Period p) noexcept {
    const auto ymd = ymdOf(start);
    using std::chrono::months;
    using std::chrono::years;
    switch (p) {
        case Period::Day:
            return start + 1;
        case Period::Week:
            return start + 7;
        case Period::Month:
            return dayOf(year_month_day{ymd.year() / ymd.month() / 1} + months{1});
        case Period::Quarter:
            return dayOf(year_month_day{ymd.year() / ymd.month() / 1} + months{3});
        case Period::Year:
            return dayOf(year_month_day{ymd.year() / 1 / 1} + years{1});
    }
    return start + 1;
}

std::string periodLabel(model::DayNumber start, Period p) {
    const auto ymd = ymdOf(start);
    const int y = static_cast<int>(ymd.year());
    const auto m = static_cast<unsigned>(ymd.month());
    const auto d = static_cast<unsigned>(ymd.day());
    char buf[32];
    switch (p) {
        case Period::Day:
            std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
            break;
        case Period::Week: {
            // The ISO year is the year of the week's Thursday, and week 1 holds its first
            // Thursday: the week is the Thursday's ordinal day, in weeks, counted from 1.
            const auto thursday = mondayOf(start) + 3;
            const auto isoYear = ymdOf(thursday).year();
            const auto week = (thursday - dayOf(isoYear / 1 / 1)) / 7 + 1;
            std::snprintf(buf, sizeof buf, "%04d-W%02d", static_cast<int>(isoYear), week);
            break;
        }
        case Period::Month:
            std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
            break;
        case Period::Quarter:
            std::snprintf(buf, sizeof buf, "%04d-Q%u", y, (m - 1) / 3 + 1);
            break;
        case Period::Year:
            std::snprintf(buf, sizeof buf, "%04d", y);
            break;
    }
    return buf;
}

int quadClassOfRoot(int root) noexcept {
    if (root >= 1 && root <= 5) return 1;
    if (root >= 6 && root <= 8) return 2;
    if (root >= 9 && root <= 13) return 3;
    if (root >= 14 && root <= 20) return 4;
    return 0;
}

int quadClassOf(std::string_view cameo, std::optional<std::int64_t> stated) noexcept {
    if (stated && *stated >= 1 && *stated <= kQuadClasses) return static_cast<int>(*stated);
    return quadClassOfRoot(cameoRootOf(cameo));
}

std::string_view quadClassName(int quad) noexcept {
    switch (quad) {
        case 1:
            return "verbal_cooperation";
        case 2:
            return "material_cooperation";
        case 3:
            return "verbal_conflict";
        case 4:
            return "material_conflict";
        default:
            return "none";
    }
}

CameoEnd cameoEnd(std::string_view cameo, model::Role role) noexcept {
    using model::Role;
    if (role == Role::Source) return CameoEnd::Source;
    if (role == Role::Target) return CameoEnd::Target;
    if (cameo == "042") {
        if (role == Role::Guest) return CameoEnd::Source;
        if (role == Role::Host) return CameoEnd::Target;
    }
    if (cameo == "043") {
        if (role == Role::Host) return CameoEnd::Source;
        if (role == Role::Guest) return CameoEnd::Target;
    }
    return CameoEnd::None;
}

double toneWeight(std::optional<std::int64_t> mentions) noexcept {
    return mentions && *mentions > 0 ? static_cast<double>(*mentions) : 1.0;
}

}  // namespace bilateral::rules
