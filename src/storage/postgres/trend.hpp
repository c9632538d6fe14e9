#pragma once
// [trend] The trend tables (schema version 2: trend_scope, trend_actor), kept in the writing
// transaction as the SQLite engine keeps its own: the counted events read back in row order with
// their participants (two cursors), their cells summed by the engines' shared code
// (storage/trend_cells.hpp), each batch sent by COPY and added to the rows with one upsert.
// In the sharded layout the tables are on the coordinator: their rows are sums over the events
// of every shard.

#include <cstdint>

namespace bilateral::storage::postgres {

class Connection;

/// Adds the figures of the counted events (occurred, with a day) after row `sinceEvent`.
void addTrend(Connection& c, std::int64_t sinceEvent);
/// Adds (`sign` 1) or takes out (-1) the figures of one event as the tables now give it; a cell
/// left with no events goes.
void trendEvent(Connection& c, std::int64_t eventRow, int sign);

}  // namespace bilateral::storage::postgres
