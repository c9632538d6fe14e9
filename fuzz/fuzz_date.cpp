// Fuzz target: the partial-date parser and the day arithmetic behind it.
// Every text either parses to a date that prints back as the same text and whose day range is
// consistent, or is refused with a reason; nothing else (no crash, no UB, no other exception).

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "bilateral/error.hpp"
#include "bilateral/model/date.hpp"
#include "fuzz_check.hpp"

using bilateral::model::Date;
using bilateral::model::DayNumber;
using bilateral::model::Interval;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::string why;
    const auto d = Date::tryParse(text, &why);
    if (!d) {
        FUZZ_CHECK(!why.empty());
        try {
            (void)Date::parse(text);
            FUZZ_CHECK(false && "parse accepted what tryParse refused");
        } catch (const bilateral::InvalidArgumentError&) {
        }
    } else {
        FUZZ_CHECK(d->toString() == text);
        FUZZ_CHECK(Date::parse(text) == *d);
        FUZZ_CHECK(d->earliest() <= d->latest());
        FUZZ_CHECK(Date::fromStored(d->earliest(), d->precision()) == *d);
        FUZZ_CHECK(Date::fromDayNumber(d->earliest()).earliest() == d->earliest());
        FUZZ_CHECK(Date::fromDayNumber(d->latest()).latest() == d->latest());
        const Interval in{*d, *d};
        FUZZ_CHECK(in.covers(d->earliest()) != bilateral::model::Certainty::No);
        FUZZ_CHECK(in.covers(d->latest() + 1) == bilateral::model::Certainty::No);
    }
    // Day numbers read back from a database file are not trusted either: any value is turned
    // into a date or refused, never undefined behaviour.
    if (size >= sizeof(std::int32_t)) {
        DayNumber n;
        std::memcpy(&n, data, sizeof n);
        try {
            const Date day = Date::fromDayNumber(n);
            FUZZ_CHECK(day.earliest() == n);
            FUZZ_CHECK(Date::parse(day.toString()) == day);
        } catch (const bilateral::Error&) {
        }
    }
    return 0;
}
