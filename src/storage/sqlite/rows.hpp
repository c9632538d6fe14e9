#pragma once
// Private to the SQLite engine: reading typed values out of a statement's columns, the columns
// of the answers' records, and row lists bound as one JSON array.

#include <span>
#include <string>
#include <string_view>

#include "bilateral/storage/rows.hpp"
#include "store_impl.hpp"

namespace bilateral::sqlite::detail {

/// A date stored as its first day (column `lo`) and precision (column `prec`); none when NULL.
std::optional<model::Date> readDate(const Statement& st, int lo, int prec);

using storage::rows::enumOr;
/// An enum from its stored name, strict: an unknown name is a StorageError.
template <class Enum>
Enum readEnum(const Statement& st, int col) {
    return storage::rows::enumAt<Enum>(st, col);
}
/// A confidence column: none when NULL.
std::optional<double> readConfidence(const Statement& st, int col);

/// The columns of an EventRecord of the event `e` (eventAt reads them), 17 of them.
extern const std::string kEventColumns;
/// The columns of an ActorRecord of the actor `a` (actorAt reads them), 5 of them.
extern const std::string kActorColumns;
EventRecord eventAt(const Statement& st, int firstColumn);
ActorRecord actorAt(const Statement& st, int firstColumn);

/// Row ids as a JSON array, bound to `IN (SELECT value FROM json_each(?))`: a page of rows in
/// one statement, each looked up through the same index a single-row statement would use.
std::string jsonArrayOf(std::span<const RowId> rows);
/// ` IN (SELECT value FROM json_each(?1))`.
inline constexpr std::string_view kInList = " IN (SELECT value FROM json_each(?1))";

/// The first column of every row.
std::vector<RowId> rowsOf(Statement st);
/// The first column of the first row, 0 when there is none or it is NULL.
std::int64_t scalarOf(Statement st);

}  // namespace bilateral::sqlite::detail
