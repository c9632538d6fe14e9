#pragma once
// Private to import: the meetings MeetingGroups no longer holds in memory (meeting_groups.hpp),
// so that an import's memory does not grow with its file. One run of {key, first event row}
// sorted by key in an unnamed temporary file (gone when the process ends, however it ends),
// with a Bloom filter over its keys (one cache line a key) and every 256th key in memory. Each
// spill merges its batch into the run: a look-up costs one probe of the filter and, for a key
// the filter may hold (the key's meeting, or about 1 in 200 others), one read of 6 KB.
// Memory: about 1.6 bytes a spilled meeting (16 MB at ten million).

#include <cstdint>
#include <cstdio>
#include <optional>
#include <vector>

#include "bilateral/rules/meetings.hpp"

namespace bilateral::io::detail {

class SpilledMeetings {
public:
    struct Entry {
        std::uint64_t pair = 0;
        std::uint64_t dayRoot = 0;
        std::int64_t row = 0;
    };

    SpilledMeetings() = default;
    ~SpilledMeetings();
    SpilledMeetings(const SpilledMeetings&) = delete;
    SpilledMeetings& operator=(const SpilledMeetings&) = delete;

    [[nodiscard]] bool empty() const noexcept { return count_ == 0; }
    /// The event row of meeting `k`, when a spilled batch held it.
    [[nodiscard]] std::optional<std::int64_t> find(const rules::MeetingKey& k) const;
    /// Merges `batch` (keys none of the earlier batches holds) into the run; empties it.
    void add(std::vector<Entry>& batch);

private:
    static constexpr std::size_t kStride = 256;  ///< keys between two sampled ones
    void fail(const char* what) const;
    void read(std::FILE* f, std::size_t at, Entry* out, std::size_t n) const;
    void filter(const Entry& e);
    [[nodiscard]] bool mayHold(std::uint64_t pair, std::uint64_t dayRoot) const;

    std::FILE* run_ = nullptr;  ///< `count_` entries sorted by key
    std::size_t count_ = 0;
    std::vector<Entry> sampled_;        ///< entries 0, kStride, 2 kStride, ... of the run
    std::vector<std::uint64_t> bloom_;  ///< blocks of 8 words (512 bits)
};

}  // namespace bilateral::io::detail
