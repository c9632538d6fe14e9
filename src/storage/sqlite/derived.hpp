#pragma once
// Private to the store: the tables kept at import so that one question is answered from the file
// through indexes (schema version 2): event day ranges, actor_link, event_scope and tally.
//
// How they stay right: a Transaction notes the highest row id of each table when it begins
// (Watermarks). Rows added after it are brought into the derived tables in one set-based pass
// when it commits (refreshDerived). A write that changes an existing event or actor (a dataset
// replacing a record) first takes the affected events out of event_scope, computed from the
// state they were scoped from, and marks them dirty; commit scopes them again.

#include <cstdint>
#include <set>
#include <string_view>
#include <vector>

namespace bilateral::sqlite {
class Store;
}

namespace bilateral::sqlite::detail {

/// Highest row id of each table (0 when empty).
struct Watermarks {
    std::int64_t source = 0, actor = 0, event = 0, participation = 0, relation = 0, evidence = 0;
    /// Equal when nothing was added in between (handles only grow).
    bool operator==(const Watermarks&) const = default;
};

Watermarks watermarks(Store& store);

/// Brings the derived tables up to date with rows added after `since`, and scopes the `dirty`
/// events again. Runs inside the caller's transaction.
void refreshDerived(Store& store, const Watermarks& since, const std::set<std::int64_t>& dirty);

/// Empties and refills every derived table from the base tables (migration from version 1, and
/// the oracle tests compare the maintained tables against).
void rebuildDerived(Store& store);

/// Removes the event's event_scope rows as the current state gives them.
void unscopeEvent(Store& store, std::int64_t eventRow);

/// Sets the event's day range from its own dates or, undated, from its parent's; then does the
/// same for its undated children (and theirs). Calls `touched` for each event whose range may
/// have changed, before changing it.
template <class F>
void setDayRange(Store& store, std::int64_t eventRow, F&& touched);

/// [trend] Adds the figures of the dated events after row `sinceEvent` to the trend tables.
void addTrend(Store& store, std::int64_t sinceEvent);
/// Adds (`sign` 1) or takes out (-1) one event's figures, as the current state gives them.
void trendEvent(Store& store, std::int64_t eventRow, int sign);
/// Empties and refills the trend tables (migration from version 2-4).
void rebuildTrend(Store& store);

/// One change of a tally count by `delta` (kind "" is the table's total).
void addTally(Store& store, std::string_view subject, std::string_view kind, std::int64_t delta);

/// One change of a scope's row count (scope_count) by `delta`.
void addScopeCount(Store& store, std::string_view a, std::string_view b, std::int64_t delta);

// --- implementation of the template ------------------------------------------------------------
/// Sets the event's day range by the rule (rules::ownDays, rules::nearestDated).
void setOwnOrParentRange(Store& store, std::int64_t eventRow);
/// The same for every event (a rebuild).
void setAllDayRanges(Store& store);
void undatedChildren(Store& store, std::int64_t eventRow, std::set<std::int64_t>& out);

template <class F>
void setDayRange(Store& store, std::int64_t eventRow, F&& touched) {
    // Parents before children; each event once, so a cycle of parents cannot loop.
    std::set<std::int64_t> seen{eventRow};
    std::vector<std::int64_t> work{eventRow};
    for (std::size_t i = 0; i < work.size(); ++i) {
        touched(work[i]);
        setOwnOrParentRange(store, work[i]);
        std::set<std::int64_t> children;
        undatedChildren(store, work[i], children);
        for (const auto c : children) {
            if (seen.insert(c).second) work.push_back(c);
        }
    }
}

}  // namespace bilateral::sqlite::detail
