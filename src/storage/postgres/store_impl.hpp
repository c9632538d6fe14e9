#pragma once
// Private to the store (store*.cpp): its state and the helpers its files share: reading typed
// values out of a result's columns, the columns of the answers' records, row lists as arrays.

#include <atomic>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>

#include "bilateral/error.hpp"
#include "bilateral/storage/rows.hpp"
#include "storage/postgres/bulk.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/postgres/store.hpp"

namespace bilateral::storage::postgres {

/// Highest row id of each table when a transaction began (0 when empty): rows above them are
/// brought into the derived tables at commit (the SQLite engine's derived.hpp, alike).
struct Watermarks {
    std::int64_t source = 0, actor = 0, event = 0, participation = 0, relation = 0, evidence = 0,
                 eventEvidence = 0;
    /// Equal when nothing was added in between (handles only grow).
    bool operator==(const Watermarks&) const = default;
};

struct StoreState {
    Connection c;
    std::string location;  ///< the URL without its password
    bool readOnly = false;
    OpenOptions options;
    SharedRules rules;
    Canceller canceller;
    std::atomic<bool> interrupted{false};
    /// The block of row ids in hand (taken again at each transaction: ids grow with time).
    std::int64_t nextId = 0, lastId = -1;
    /// While a Transaction is open: where it began, and the existing events whose event_scope
    /// rows it took out.
    std::optional<Watermarks> marks;
    std::set<std::int64_t> dirty;
    BulkLoader* loader = nullptr;  ///< the open bulk writer's loader

    StoreState(Connection conn, std::string where, const OpenOptions& o, SharedRules r)
        : c(std::move(conn)),
          location(std::move(where)),
          readOnly(o.readOnly),
          options(o),
          rules(std::move(r)),
          canceller(c.canceller()) {}
};

namespace detail {

/// A date stored as its first day and precision (columns lo, lo + 1); none when NULL.
std::optional<model::Date> dateAt(const Result& r, int row, int lo);
std::optional<double> optReal(const Result& r, int row, int col);
[[nodiscard]] inline std::string textAt(const Result& r, int row, int col) {
    return std::string(r.text(row, col));
}
[[nodiscard]] inline bool boolAt(const Result& r, int row, int col) {
    return r.text(row, col) == "t";
}

/// Row `i` of a result, as the readers of storage/rows.hpp (which
/// the engines share) read it.
struct ResultRow {
    const Result& r;
    int i;
    [[nodiscard]] bool isNull(int c) const { return r.isNull(i, c); }
    [[nodiscard]] std::int64_t i64(int c) const { return r.int64(i, c); }
    [[nodiscard]] double real(int c) const { return r.real(i, c); }
    [[nodiscard]] std::string_view text(int c) const { return r.text(i, c); }
};

using storage::rows::enumOr;

/// The columns of an EventRecord of the event `e` (eventAt reads them), 17 of them.
extern const std::string kEventColumns;
/// The columns of an ActorRecord of the actor `a` (actorAt reads them), 5 of them.
extern const std::string kActorColumns;
EventRecord eventAt(const Result& r, int row, int firstColumn);
ActorRecord actorAt(const Result& r, int row, int firstColumn);

/// Row ids as a PostgreSQL array literal, bound as `$n::bigint[]`.
std::string bigintArray(std::span<const RowId> rows);
/// The first column of every row.
std::vector<RowId> rowsOf(const Result& r);
/// The first column of the first row, 0 when there is none or it is NULL.
std::int64_t scalarOf(const Result& r);

/// Binds a partial date as (lo, hi, precision).
Params& bindDate(Params& p, const std::optional<model::Date>& d);

// --- derived tables (store_derived.cpp) ----------------------------------------------------------
Watermarks watermarks(Store& s);
/// Brings the derived tables up to date with rows added after `since`, and scopes the `dirty`
/// events again, inside the open transaction.
void refreshDerived(Store& s, const Watermarks& since, const std::set<std::int64_t>& dirty);
/// Removes the event's event_scope rows as the current state gives them.
void unscopeEvent(Store& s, std::int64_t eventRow);
/// Sets the event's day range by the rule (its own days, else its nearest dated ancestor's),
/// then its undated children's; `touched` is called for each before it changes.
void setDayRange(Store& s, std::int64_t eventRow, const std::function<void(std::int64_t)>& touched);
void addTally(Store& s, std::string_view subject, std::string_view kind, std::int64_t delta);

}  // namespace detail
}  // namespace bilateral::storage::postgres
