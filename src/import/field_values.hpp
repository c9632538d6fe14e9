#pragma once
// Private to import: what the text of one field of an event file or reference table means,
// strictly — whole numbers, decimals (and whether JSON can carry one as written), digit
// strings, days. The calendar is model::Date's (model::dayNumberOf); only the two ways event
// files write a day are read here.

#include <cstdint>
#include <optional>
#include <string_view>

#include "bilateral/model/date.hpp"

namespace bilateral::io::detail {

/// Whether `s` is one or more ASCII digits.
bool allDigits(std::string_view s) noexcept;

/// Strict numbers: an optional '-', digits, (for decimals) an optional fraction and exponent.
/// No spaces, no '+', no "inf"/"nan".
bool parseInt64(std::string_view s, std::int64_t& out) noexcept;
bool parseDecimal(std::string_view s, double& out) noexcept;
/// Whether `s` is a number as JSON writes it (so it can be copied into JSON text as is).
bool isJsonNumber(std::string_view s) noexcept;

/// `YYYY-MM-DD` and `YYYYMMDD`, real calendar days of the years 0001..9999 only.
std::optional<model::DayNumber> parseIsoDay(std::string_view s) noexcept;
std::optional<model::DayNumber> parseCompactDay(std::string_view s) noexcept;

}  // namespace bilateral::io::detail
