// Dates resolved against the publication date (analysis.hpp, resolveDate): a year left out,
// a weekday, "yesterday", "next year".

#include <chrono>

#include "analysis.hpp"

namespace bilateral::draft {

using Kind = DateMention::Kind;

namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

model::Date dayDate(year_month_day ymd) {
    return model::Date::ofDay(static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
                              static_cast<int>(unsigned(ymd.day())));
}

year_month_day ymdOf(const model::Date& d) {
    return year_month_day{std::chrono::year{d.year()},
                          std::chrono::month{static_cast<unsigned>(std::max(d.month(), 1))},
                          std::chrono::day{static_cast<unsigned>(std::max(d.day(), 1))}};
}

bool validDay(int y, int m, int d) {
    return year_month_day{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                          std::chrono::day{static_cast<unsigned>(d)}}
        .ok();
}

/// The year of a day and month written without one: the one that puts it on the right side of
/// the publication (at or before it when past, at or after when ahead), nearest to it.
int yearFor(int month, int day, const model::Date& pub, bool future) {
    const int y = pub.year();
    if (pub.precision() == model::Precision::Year) return y;
    const int pubMonth = pub.month();
    const int pubDay = pub.precision() == model::Precision::Day ? pub.day() : (future ? 1 : 31);
    const bool after = month > pubMonth || (month == pubMonth && day > pubDay);
    const bool before = month < pubMonth || (month == pubMonth && day < pubDay);
    if (future && before) return y + 1;
    if (!future && after) return y - 1;
    return y;
}

std::string writtenNote(const std::string& pubText) {
    return " against the publication date " + pubText;
}

/// A day and month (and year, or a range): the year left out resolved against the publication.
ResolvedDate resolveDay(const DateMention& d, const std::optional<model::Date>& pub, bool future) {
    ResolvedDate r;
    int y = d.year;
    if (!y) {
        y = d.yearOffset ? pub->year() + d.yearOffset : yearFor(d.month, d.day, *pub, future);
        r.why = "the year resolved" + writtenNote(pub->toString());
    }
    if (!validDay(y, d.month, d.day)) {
        r.why = "no such day";
        return r;
    }
    r.start = model::Date::ofDay(y, d.month, d.day);
    if (d.endDay) {
        int y2 = d.endYear ? d.endYear : y;
        if (d.endMonth < d.month && !d.endYear) ++y2;  // "30 December to 2 January"
        if (validDay(y2, d.endMonth, d.endDay))
            r.end = model::Date::ofDay(y2, d.endMonth, d.endDay);
        if (r.end && *r.end < *r.start) r.end.reset();
    }
    return r;
}

/// "on Thursday": the last such day up to the publication, or the next from it when ahead.
ResolvedDate resolveWeekday(const DateMention& d, const model::Date& pub, bool future) {
    ResolvedDate r;
    const sys_days p{ymdOf(pub)};
    const std::chrono::weekday target{static_cast<unsigned>(d.weekday % 7)};
    const std::chrono::weekday has{p};
    const auto ahead = (target - has).count();  // 0..6 days ahead
    const sys_days day =
        future ? p + std::chrono::days{ahead} : p - std::chrono::days{(7 - ahead) % 7};
    r.start = dayDate(year_month_day{day});
    r.why = std::string(future ? "the next" : "the last") + " such weekday" +
            writtenNote(pub.toString());
    return r;
}

}  // namespace

ResolvedDate resolveDate(const DateMention& d, const std::optional<model::Date>& pub, bool future) {
    ResolvedDate r;
    const std::string pubText = pub ? pub->toString() : std::string();
    auto needPub = [&](std::string_view what) {
        r.why = std::string(what) + " cannot be resolved without the publication date";
        return r;
    };
    switch (d.kind) {
        case Kind::Day:
            if (!d.year && !pub) return needPub("a date without a year");
            return resolveDay(d, pub, future);
        case Kind::Month: {
            int y = d.year;
            if (!y) {
                if (!pub) return needPub("a month without a year");
                y = yearFor(d.month, future ? 31 : 1, *pub, future);
                r.why = "the year resolved" + writtenNote(pubText);
            }
            r.start = model::Date::ofMonth(y, d.month);
            return r;
        }
        case Kind::Year:
            r.start = model::Date::ofYear(d.year);
            if (d.endYear) r.end = model::Date::ofYear(d.endYear);
            return r;
        case Kind::Weekday:
            if (!pub || pub->precision() != model::Precision::Day) return needPub("a weekday");
            return resolveWeekday(d, *pub, future);
        case Kind::RelDay: {
            if (!pub || pub->precision() != model::Precision::Day) return needPub("a day");
            r.start = dayDate(year_month_day{sys_days{ymdOf(*pub)} + std::chrono::days{d.offset}});
            r.why = "counted" + writtenNote(pubText);
            return r;
        }
        case Kind::RelMonth: {
            if (!pub || pub->precision() == model::Precision::Year) return needPub("a month");
            const auto ym = std::chrono::year{pub->year()} /
                                std::chrono::month{static_cast<unsigned>(pub->month())} +
                            std::chrono::months{d.offset};
            r.start = model::Date::ofMonth(static_cast<int>(ym.year()),
                                           static_cast<int>(unsigned(ym.month())));
            r.why = "counted" + writtenNote(pubText);
            return r;
        }
        case Kind::RelYear:
            if (!pub) return needPub("a year");
            r.start = model::Date::ofYear(pub->year() + d.offset);
            r.why = "counted" + writtenNote(pubText);
            return r;
    }
    return r;
}

}  // namespace bilateral::draft
