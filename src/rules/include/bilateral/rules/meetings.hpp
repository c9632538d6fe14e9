#pragma once
// One meeting counted once (docs/event-data.md): rows of an event file that record the same
// meeting (the same unordered pair of actors, the same day, the same CAMEO root code) are one
// meeting; each row stays an event of its own, pointing at the meeting's first row.

#include <cstdint>
#include <string_view>
#include <utility>

#include "bilateral/model/date.hpp"

namespace bilateral::rules {

/// Which fields make two rows one meeting: the pair always; the day and the CAMEO root (the
/// code's first two digits) each when set.
struct MeetingFields {
    bool day = true;
    bool root = true;
};

/// The key of a meeting: equal keys are one meeting.
struct MeetingKey {
    std::uint64_t pair = 0;  ///< the two actors' handles, smaller first (32 bits each)
    std::uint32_t dayRoot = 0;
    friend bool operator==(const MeetingKey&, const MeetingKey&) = default;
};

/// The CAMEO root of a code ("042" → 4), 0 when it has none (fewer than two leading digits).
[[nodiscard]] inline int cameoRootOf(std::string_view code) noexcept {
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (code.size() < 2 || !digit(code[0]) || !digit(code[1])) return 0;
    return (code[0] - '0') * 10 + (code[1] - '0');
}
/// The same as a meeting key's part: 0xFF when the code has no root.
[[nodiscard]] inline std::uint32_t cameoRoot(std::string_view code) noexcept {
    const int root = cameoRootOf(code);
    return root ? static_cast<std::uint32_t>(root) : 0xFFu;
}

/// The meeting of a row between actors `a` and `b` (in either order), on `day`, of CAMEO `code`.
[[nodiscard]] inline MeetingKey meetingKey(std::int64_t a, std::int64_t b, model::DayNumber day,
                                           std::string_view code,
                                           const MeetingFields& fields) noexcept {
    if (a > b) std::swap(a, b);
    MeetingKey k;
    k.pair = (static_cast<std::uint64_t>(a) << 32) ^ static_cast<std::uint64_t>(b);
    const auto d = fields.day ? static_cast<std::uint32_t>(day) : 0u;
    k.dayRoot = (d << 8) | (fields.root ? cameoRoot(code) : 0xFFu);
    return k;
}

}  // namespace bilateral::rules
