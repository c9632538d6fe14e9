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
#include <vector>

#include "bilateral/import/import.hpp"
#include "bilateral/model/date.hpp"
#include "bilateral/rules/meetings.hpp"
#include "bilateral/storage/engine.hpp"
#include "meeting_spill.hpp"

namespace bilateral::io::detail {

/// The meetings of one import's event-file rows (MeetingGrouping): each key's first event row.
/// Up to kHeld meetings in a hash map (about 28 MB); beyond, the map is spilled into a sorted
/// temporary file (meeting_spill.hpp) and starts again empty, so the memory of an import does
/// not grow with its file beyond a filter of under 2 bytes a meeting. The meetings the database
/// held before the import (storage::Engine::forEachStoredMeeting) join them a day at a time, the
/// first time a row of that day asks (all at once when the grouping ignores the day); into an empty
/// database, none is looked up.
class MeetingGroups {
public:
    /// Meetings held in the map before it is spilled.
    static constexpr std::size_t kHeld = std::size_t{1} << 19;

    /// `store`: the database the import writes to (nullptr: group within the import only);
    /// `held`: the meetings held in memory (tests make it small).
    explicit MeetingGroups(const MeetingGrouping& how, storage::Engine* store = nullptr,
                           std::size_t held = kHeld)
        : how_(how),
          store_(how.enabled ? store : nullptr),
          before_(store_ ? store_->maxEventRow() : 0),
          held_(held) {}

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
        if (it != first_.end()) return it->second;
        return spilled_.find(k);
    }
    /// Records `eventRow` as the first row of the meeting `k` (which find did not know).
    void add(const Key& k, std::int64_t eventRow) {
        if (!how_.enabled) return;
        first_.emplace(k, eventRow);
        if (first_.size() >= held_) spill();
    }

private:
    /// The meetings stored before the import on `day` (every day, when the day is no part of
    /// the key), once.
    void loadStored(model::DayNumber day) {
        if (how_.day ? !storedDays_.insert(day).second : !storedDays_.empty()) return;
        if (!how_.day) storedDays_.insert(0);
        const auto on = how_.day ? std::optional<model::DayNumber>(day) : std::nullopt;
        store_->forEachStoredMeeting(on, before_, [&](const storage::StoredMeeting& m) {
            const auto k = key(m.a, m.b, day, m.cameo);
            if (!spilled_.find(k)) first_.emplace(k, m.event);
        });
        if (first_.size() >= held_) spill();
    }

    void spill() {
        std::vector<SpilledMeetings::Entry> batch;
        batch.reserve(first_.size());
        for (const auto& [k, row] : first_) batch.push_back({k.pair, k.dayRoot, row});
        decltype(first_)().swap(first_);  // its nodes and buckets freed before the merge
        spilled_.add(batch);
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
    std::size_t held_;
    std::unordered_set<model::DayNumber> storedDays_;
    std::unordered_map<Key, std::int64_t, Hash> first_;
    SpilledMeetings spilled_;
};

}  // namespace bilateral::io::detail
