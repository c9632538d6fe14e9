#pragma once
// Private to the query and graph modules: the arrays behind an Index. Everything is immutable
// once built, so any number of threads may query one Index at once; per-call scratch lives in
// thread_local buffers (see Scratch) and never in the Index.

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bilateral/query/index.hpp"
#include "bilateral/query/queries.hpp"
#include "bilateral/rules/timeline.hpp"

namespace bilateral::query {

/// Open-addressing table from an id string to a dense index; the strings live elsewhere
/// (ActorInfo::id, EventInfo::id) and are reached through `key(ix)`.
class IdTable {
public:
    template <class Key>
    void build(std::size_t n, Key key) {
        std::vector<std::uint64_t> hashes(n);
        for (std::size_t i = 0; i < n; ++i) hashes[i] = hash(key(static_cast<std::uint32_t>(i)));
        buildHashed(hashes);
    }
    /// Builds from the hash of each index's id (hashes[i] = hash(id of i)).
    void buildHashed(const std::vector<std::uint64_t>& hashes) {
        const std::size_t n = hashes.size();
        std::size_t cap = 16;
        while (cap < n * 2) cap <<= 1;
        slots_.assign(cap, 0);
        mask_ = cap - 1;
        constexpr std::size_t kAhead = 16;  // slots are scattered: fetch them ahead
        for (std::size_t i = 0; i < n; ++i) {
            if (i + kAhead < n) __builtin_prefetch(&slots_[hashes[i + kAhead] & mask_], 1);
            const auto h = hashes[i];
            std::size_t s = h & mask_;
            while (slots_[s] != 0) s = (s + 1) & mask_;
            slots_[s] = (static_cast<std::uint64_t>(h >> 32) << 32) | (i + 1);
        }
    }
    template <class Key>
    std::optional<std::uint32_t> find(std::string_view id, Key key) const {
        if (slots_.empty()) return std::nullopt;
        const auto h = hash(id);
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (std::size_t s = h & mask_;; s = (s + 1) & mask_) {
            const auto v = slots_[s];
            if (v == 0) return std::nullopt;
            const auto ix = static_cast<std::uint32_t>(v & 0xFFFFFFFFu) - 1;
            if (static_cast<std::uint32_t>(v >> 32) == tag && key(ix) == id) return ix;
        }
    }

    static std::uint64_t hash(std::string_view s) noexcept {
        // The standard library's string hash, then a mix so both halves are usable (slot, tag).
        std::uint64_t h = std::hash<std::string_view>{}(s);
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 33;
        return h;
    }

private:
    std::vector<std::uint64_t> slots_;
    std::size_t mask_ = 0;
};

/// Unordered pairs of dense country indexes → a slot of the dyad CSR.
class PairTable {
public:
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
    void reset(std::uint32_t countries) {
        n_ = countries;
        dense_ = countries <= 1024;
        if (dense_) matrix_.assign(static_cast<std::size_t>(countries) * countries, kNone);
    }
    /// The slot of {a, b}, creating it (as `next`) when missing; a != b.
    std::uint32_t slotOrAdd(std::uint32_t a, std::uint32_t b, std::uint32_t next) {
        if (a > b) std::swap(a, b);
        if (dense_) {
            auto& s = matrix_[static_cast<std::size_t>(a) * n_ + b];
            if (s == kNone) s = next;
            return s;
        }
        return map_.try_emplace(key(a, b), next).first->second;
    }
    [[nodiscard]] std::uint32_t find(std::uint32_t a, std::uint32_t b) const {
        if (a > b) std::swap(a, b);
        if (dense_) return matrix_[static_cast<std::size_t>(a) * n_ + b];
        const auto it = map_.find(key(a, b));
        return it == map_.end() ? kNone : it->second;
    }

private:
    static std::uint64_t key(std::uint32_t a, std::uint32_t b) noexcept {
        return (static_cast<std::uint64_t>(a) << 32) | b;
    }
    std::uint32_t n_ = 0;
    bool dense_ = true;
    std::vector<std::uint32_t> matrix_;
    std::unordered_map<std::uint64_t, std::uint32_t> map_;
};

struct TransparentHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
    }
};

/// A compressed sparse row table: the items of row r are items[offsets[r] .. offsets[r+1]).
template <class T>
struct Csr {
    std::vector<std::uint32_t> offsets{0};
    std::vector<T> items;
    [[nodiscard]] std::span<const T> row(std::size_t r) const noexcept {
        if (r + 1 >= offsets.size()) return {};
        return {items.data() + offsets[r], items.data() + offsets[r + 1]};
    }
    template <class Tag>
    [[nodiscard]] std::span<const T> row(Ix<Tag> r) const noexcept {
        return row(std::size_t{r.value});
    }
    [[nodiscard]] std::size_t rows() const noexcept { return offsets.size() - 1; }
};

/// A relation kept in the index: its id and kind (the ends are in the adjacency).
struct RelationEdge {
    ActorIx other;
    std::uint32_t relation;  ///< index into Index::Data::relationIds
};

/// Dates an undated sub-event takes from the nearest dated event it took place within.
struct InheritedDates {
    std::optional<model::Date> start;
    std::optional<model::Date> end;
};

struct Index::Data {
    std::vector<ActorInfo> actors;  ///< ordered by id (natural order)
    std::vector<EventInfo> events;  ///< in timeline order: EventIx is the rank

    // Hot columns by EventIx (the same values as in EventInfo, packed for scans).
    std::vector<model::DayNumber> earliest, latest;
    std::vector<model::EventKind> kind;
    std::vector<model::EventStatus> status;

    Csr<Participation> participants;       ///< by event, in participation order
    Csr<EventIx> actorEvents;              ///< by actor, distinct, ascending (= timeline order)
    Csr<ActorIx> neighbours;               ///< by actor: distinct co-participants, ascending
    Csr<ActorIx> related;                  ///< by actor: distinct relation ends, ascending
    Csr<RelationEdge> relationEdges;       ///< by actor: (other end, relation), by other then id
    std::vector<std::string> relationIds;  ///< natural order

    std::vector<std::string> countries;  ///< distinct codes, sorted
    std::unordered_map<std::string, std::uint32_t, TransparentHash, std::equal_to<>> countryIndex;
    Csr<EventIx> countryEvents;  ///< by country, timeline order
    PairTable pairSlots;
    Csr<EventIx> dyadEvents;  ///< by pair slot, timeline order

    Csr<EventLinkInfo> links;  ///< [places] by event: outgoing first, then kind, other id

    IdTable actorIds, eventIds;
    std::unordered_map<EventIx, InheritedDates> inherited;

    // [sides]
    std::vector<std::string> sideNames;  ///< by Participation::side
    /// By EventIx: the meeting it records, as the EventIx of the group's first kept event (its
    /// own when it is a meeting of its own); equal values are one meeting.
    std::vector<std::uint32_t> meeting;

    [[nodiscard]] std::optional<std::uint32_t> countryOf(std::string_view code) const {
        const auto it = countryIndex.find(code);
        if (it == countryIndex.end()) return std::nullopt;
        return it->second;
    }
};

namespace detail {

/// The query and graph modules' access to an Index's arrays.
struct IndexAccess {
    using Data = Index::Data;
    static const Data& of(const Index& index) noexcept { return *index.d_; }
    static Index make(std::unique_ptr<Data> data) { return Index(std::move(data)); }
};
using IndexData = IndexAccess::Data;

inline const IndexData& data(const Index& index) noexcept {
    return IndexAccess::of(index);
}

/// A set of event kinds as a bit mask; empty set means all kinds.
inline std::uint32_t kindMask(std::span<const model::EventKind> kinds) noexcept {
    if (kinds.empty()) return 0xFFFFFFFFu;
    std::uint32_t m = 0;
    for (auto k : kinds) m |= 1u << static_cast<unsigned>(k);
    return m;
}
inline bool inMask(std::uint32_t mask, model::EventKind k) noexcept {
    return (mask >> static_cast<unsigned>(k)) & 1u;
}

/// Per-thread scratch: a stamp array over actors (a value equal to the current stamp means
/// "seen in this call"), so dedup and visited sets cost O(touched), not O(actors), per call.
struct Scratch {
    std::vector<std::uint32_t> stamp;
    std::vector<std::uint32_t> slot;
    std::uint32_t current = 0;

    /// Starts a call over `n` actors and returns its stamp.
    std::uint32_t begin(std::size_t n) {
        if (stamp.size() < n) {
            stamp.resize(n, 0);
            slot.resize(n, 0);
        }
        if (++current == 0) {  // wrapped: clear once every 2^32 calls
            std::fill(stamp.begin(), stamp.end(), 0);
            current = 1;
        }
        return current;
    }
};

/// Scratch of the calling thread; `which` selects independent buffers (0, 1, ...) for
/// algorithms that need more than one.
Scratch& scratch(int which = 0);

}  // namespace detail
}  // namespace bilateral::query
