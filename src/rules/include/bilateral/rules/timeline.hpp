#pragma once
// Timeline rules (docs/queries.md): the days an event occupies (its own, else those of the
// nearest dated event it took place within; undated: model::kUndatedDay), timeline order
// (earliest day, latest day, a sub-event after its parent, id in natural order), date windows,
// and the event that shows two actors together. The SQLite engine keeps day ranges computed by
// these functions; the answers from a file and the in-memory Index order and pick by them.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>

#include "bilateral/model/date.hpp"
#include "bilateral/rules/natural_order.hpp"

namespace bilateral::rules {

using model::DayNumber;
using model::kUndatedDay;

/// How many events above an event are followed at most (parents, for depths and inherited
/// dates): a cycle of parents in the data stops there.
inline constexpr int kMaxDepth = 64;

/// Inclusive days; undated: both kUndatedDay.
struct Days {
    DayNumber lo = kUndatedDay, hi = kUndatedDay;
    [[nodiscard]] bool dated() const noexcept { return lo != kUndatedDay; }
    friend bool operator==(const Days&, const Days&) = default;
};

/// The days of a date: its first to its last ("2025-07": the 1st to the 31st of July).
[[nodiscard]] inline Days daysOf(const model::Date& d) noexcept {
    return {d.earliest(), d.latest()};
}

/// An event's own days: from its start (or, with only an end, its end) to its end (or to the
/// end of its start's period), never ending before it starts; undated without either date.
[[nodiscard]] inline Days ownDays(std::optional<Days> start, std::optional<Days> end) noexcept {
    if (!start && !end) return {};
    const auto lo = start ? start->lo : end->lo;
    const auto hi = end ? end->hi : start->hi;
    return {lo, hi < lo ? lo : hi};
}
[[nodiscard]] inline Days ownDays(const std::optional<model::Date>& start,
                                  const std::optional<model::Date>& end) noexcept {
    return ownDays(start ? std::optional(daysOf(*start)) : std::nullopt,
                   end ? std::optional(daysOf(*end)) : std::nullopt);
}

/// The nearest dated event among `e` and the events it took place within: `e` itself when
/// `dated(e)`, else its parent, its grandparent, ... (`parentOf` gives an empty optional at
/// the top), at most kMaxDepth of them; none when none of them is dated. An undated event
/// occupies the days, and shows the dates, of the one this finds.
template <class Handle, class ParentOf, class Dated>
std::optional<Handle> nearestDated(Handle e, ParentOf&& parentOf, Dated&& dated) {
    std::optional<Handle> x = e;
    for (int depth = 0; x && depth <= kMaxDepth; ++depth) {
        if (dated(*x)) return x;
        x = parentOf(*x);
    }
    return std::nullopt;
}

/// A date window as inclusive days; `active` is false when it has no bound.
struct DayWindow {
    DayNumber from = std::numeric_limits<DayNumber>::min();
    DayNumber to = kUndatedDay - 1;
    bool active = false;

    DayWindow() = default;
    DayWindow(const std::optional<model::Date>& f, const std::optional<model::Date>& t) noexcept {
        if (f) from = f->earliest();
        if (t) to = t->latest();
        active = f || t;
    }
    /// Whether an event of days [lo, hi] may overlap the window. Undated events (kUndatedDay,
    /// after `to`) fall outside every active window: a window asks what happened then.
    [[nodiscard]] bool admits(DayNumber lo, DayNumber hi) const noexcept {
        return !active || (lo <= to && hi >= from);
    }
};

/// An event's place in timeline order, compact: its days, its depth (parents above it) and the
/// first 16 bytes of its id's natural order; `at` is the caller's own index of the event, for
/// the full id when those bytes tie. 32 bytes, so that sorting millions stays in cache.
struct TimelineKey {
    std::uint64_t days = 0;
    std::uint32_t depth = 0;
    std::uint32_t at = 0;
    std::uint64_t id0 = 0, id1 = 0;

    [[nodiscard]] static TimelineKey of(Days days, int depth, std::string_view id,
                                        std::uint32_t at) noexcept {
        const auto biased = [](DayNumber d) {
            return static_cast<std::uint64_t>(static_cast<std::uint32_t>(d) ^ 0x80000000u);
        };
        const auto [p0, p1] = naturalPrefix(id);
        return {biased(days.lo) << 32 | biased(days.hi), static_cast<std::uint32_t>(depth), at, p0,
                p1};
    }
};

/// Timeline order: earliest day, latest day, a sub-event after its parent on the same days,
/// then the id in natural order ("e9" before "e10"). `idOf(at)` gives an event's id.
template <class IdOf>
[[nodiscard]] bool timelineLess(const TimelineKey& a, const TimelineKey& b, IdOf&& idOf) {
    if (a.days != b.days) return a.days < b.days;
    if (a.depth != b.depth) return a.depth < b.depth;
    if (a.id0 != b.id0) return a.id0 < b.id0;
    if (a.id1 != b.id1) return a.id1 < b.id1;
    return naturalLess(idOf(a.at), idOf(b.at));
}

/// The event that best shows two actors together, of those they share (`first`..`last`): an
/// occurred one before planned and cancelled ones, then the first in timeline order (`less`).
template <class It, class Occurred, class Less>
[[nodiscard]] It sharedEventFirst(It first, It last, Occurred&& occurred, Less&& less) {
    It best = last;
    for (It it = first; it != last; ++it) {
        if (best == last) {
            best = it;
            continue;
        }
        const bool o = occurred(*it), ob = occurred(*best);
        if (o != ob ? o : less(*it, *best)) best = it;
    }
    return best;
}
/// The same, when `first`..`last` is in timeline order already: the first occurred event, else
/// the first one; it reads no further than that (a lazy range costs only what it reads).
template <class It, class Occurred>
[[nodiscard]] It sharedEventFirst(It first, It last, Occurred&& occurred) {
    It found = std::find_if(first, last, occurred);
    return found != last ? found : first;
}

}  // namespace bilateral::rules
