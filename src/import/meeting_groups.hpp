#pragma once
// Private to import: one meeting counted once (docs/event-data.md; the key is
// rules::meetingKey) — which rows of the event files of one import record the same meeting.

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "bilateral/import/import.hpp"
#include "bilateral/model/date.hpp"
#include "bilateral/rules/meetings.hpp"

namespace bilateral::io::detail {

/// The meetings of one import's event-file rows (MeetingGrouping): each key's first event row.
/// One entry per distinct meeting, 32 bytes or so: memory grows with the meetings of the
/// import, not with anything per row beyond that.
class MeetingGroups {
public:
    explicit MeetingGroups(const MeetingGrouping& how) : how_(how) {}

    using Key = rules::MeetingKey;
    /// The key of a row of actors `a` and `b` (0: none), on `day`, CAMEO `code`.
    [[nodiscard]] Key key(std::int64_t a, std::int64_t b, model::DayNumber day,
                          std::string_view code) const noexcept {
        return rules::meetingKey(a, b, day, code, {.day = how_.day, .root = how_.root});
    }
    [[nodiscard]] bool enabled() const noexcept { return how_.enabled; }
    /// The first event row of the meeting, when an earlier row recorded it.
    [[nodiscard]] std::optional<std::int64_t> find(const Key& k) const {
        if (!how_.enabled) return std::nullopt;
        const auto it = first_.find(k);
        if (it == first_.end()) return std::nullopt;
        return it->second;
    }
    /// Records `eventRow` as the first row of the meeting `k`.
    void add(const Key& k, std::int64_t eventRow) {
        if (how_.enabled) first_.emplace(k, eventRow);
    }

private:
    struct Hash {
        std::size_t operator()(const Key& k) const noexcept {
            std::uint64_t h = k.pair * 0x9E3779B97F4A7C15ull ^ k.dayRoot;
            h ^= h >> 31;
            h *= 0xff51afd7ed558ccdull;
            h ^= h >> 33;
            return static_cast<std::size_t>(h);
        }
    };
    MeetingGrouping how_;
    std::unordered_map<Key, std::int64_t, Hash> first_;
};

}  // namespace bilateral::io::detail
