#pragma once
// Private to import: one meeting counted once (docs/event-data.md; the key is
// rules::meetingKey) — which rows of the event files of one import record the same meeting, or
// one stored by an earlier import (GDELT's fifteen-minute files, imported one by one).

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "bilateral/import/import.hpp"
#include "bilateral/model/date.hpp"
#include "bilateral/rules/meetings.hpp"
#include "bilateral/storage/engine.hpp"

namespace bilateral::io::detail {

/// The meetings of one import's event-file rows (MeetingGrouping): each key's first event row.
/// One entry per distinct meeting, 32 bytes or so: memory grows with the meetings of the
/// import, not with anything per row beyond that. The meetings the database held before the
/// import (storage::Engine::forEachStoredMeeting) join them a day at a time, the first time a
/// row of that day asks (all at once when the grouping ignores the day); into an empty
/// database, none is looked up.
class MeetingGroups {
public:
    /// `store`: the database the import writes to (nullptr: group within the import only).
    explicit MeetingGroups(const MeetingGrouping& how, storage::Engine* store = nullptr)
        : how_(how),
          store_(how.enabled ? store : nullptr),
          before_(store_ ? store_->maxEventRow() : 0) {}

    using Key = rules::MeetingKey;
    /// The key of a row of actors `a` and `b` (0: none), on `day`, CAMEO `code`.
    [[nodiscard]] Key key(std::int64_t a, std::int64_t b, model::DayNumber day,
                          std::string_view code) const noexcept {
        return rules::meetingKey(a, b, day, code, {.day = how_.day, .root = how_.root});
    }
    [[nodiscard]] bool enabled() const noexcept { return how_.enabled; }
    /// The first event row of the meeting `k` of a row on `day`, when an earlier row of the
    /// import, or an event stored before it, recorded it.
    [[nodiscard]] std::optional<std::int64_t> find(const Key& k, model::DayNumber day) {
        if (!how_.enabled) return std::nullopt;
        if (before_ > 0) loadStored(day);
        const auto it = first_.find(k);
        if (it == first_.end()) return std::nullopt;
        return it->second;
    }
    /// Records `eventRow` as the first row of the meeting `k`.
    void add(const Key& k, std::int64_t eventRow) {
        if (how_.enabled) first_.emplace(k, eventRow);
    }

private:
    /// The meetings stored before the import on `day` (every day, when the day is no part of
    /// the key), once.
    void loadStored(model::DayNumber day) {
        if (how_.day ? !storedDays_.insert(day).second : !storedDays_.empty()) return;
        if (!how_.day) storedDays_.insert(0);
        const auto on = how_.day ? std::optional<model::DayNumber>(day) : std::nullopt;
        store_->forEachStoredMeeting(on, before_, [&](const storage::StoredMeeting& m) {
            first_.emplace(key(m.a, m.b, day, m.cameo), m.event);
        });
    }

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
    storage::Engine* store_;
    std::int64_t before_;  ///< the last event row before the import (0: none)
    std::unordered_set<model::DayNumber> storedDays_;
    std::unordered_map<Key, std::int64_t, Hash> first_;
};

}  // namespace bilateral::io::detail
