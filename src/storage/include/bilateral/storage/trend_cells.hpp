#pragma once
// Internal (not installed): the trend cells an event adds to, the same for every engine
// (docs/queries.md, "Trends and pairs"; the rules of rules/trend.hpp). An engine reads each
// counted event — occurred, with a day (its day_lo) — and its participants, in event order, and
// hands them to `CellSums`, which sums the cells in memory and gives them back summed, a bounded
// batch at a time, for the engine to add to its tables (trend_scope, trend_actor). No SQL here.
//
// The cells of one event:
// - each distinct participant (an actor in two roles counts the event once): an actor cell;
// - each distinct country of its participants: a country cell (b empty);
// - each pair of those countries, keyed in byte order of the codes (a < b), with the direction
//   `dir`: 1 when a participant of a at the CAMEO source end and one of b at the target end took
//   part (rules::cameoEnd), 2 the other way, 3 both, 0 neither.
// Each cell gets the event's figures (figuresOf) under its day, kind, CAMEO root and QuadClass.
// An event without participants adds to no cell.

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bilateral/model/date.hpp"
#include "bilateral/storage/records.hpp"

namespace bilateral::storage::trend {

/// What an engine reads of a counted event.
struct EventFacts {
    RowId row = 0;
    model::DayNumber day = 0;  ///< its earliest day (day_lo)
    std::string_view kind, cameo;
    std::optional<double> goldstein;
    std::optional<std::int64_t> quadClass;  ///< the attribute quad_class, when it has one
    std::optional<double> avgTone;          ///< the attribute avg_tone
    std::optional<std::int64_t> mentions;   ///< the attribute num_mentions
    bool meetingHead = true;                ///< the first row of its meeting (meeting_id NULL)
};

/// One participation of a counted event.
struct ParticipantFacts {
    RowId actor = 0;
    std::string_view role;     ///< as stored (model::Role's name)
    std::string_view country;  ///< the actor's country, "" when none
};

/// What one event adds to each of its cells: one event, one meeting when it is the first of its
/// meeting, its Goldstein score, its tone weighted by rules::toneWeight.
[[nodiscard]] TrendFigures figuresOf(const EventFacts& e);

/// A summed cell: an actor's (`actor` set; a, b empty, dir 0) or a country's or pair's.
struct CellRow {
    RowId actor = 0;
    std::string_view a, b;
    int dir = 0;
    model::DayNumber day = 0;
    std::string_view kind;
    int root = 0, quad = 0;
    TrendFigures figures;
};

/// Cells summed in memory. `write` is called with a batch of summed cells, each key once (their
/// texts valid for the call), when the batch is full and at flush(); the engine adds them to its
/// rows. Within a batch the figures of one cell are summed in the order the events came, so
/// every engine fed the same events in the same order keeps the same sums, to the last bit.
class CellSums {
public:
    using Write = std::function<void(std::span<const CellRow>)>;
    explicit CellSums(Write write) : write_(std::move(write)) {}

    /// Adds the event's cells. `people` in any order.
    void add(const EventFacts& e, std::span<const ParticipantFacts> people);
    /// Writes the cells held, and empties the batch.
    void flush();

private:
    struct Key {
        std::int64_t actor = 0;  ///< 0: a country or pair cell
        model::DayNumber day = 0;
        std::uint16_t a = 0, b = 0, kind = 0;  ///< indexes into names_; b = 0: the country alone
        std::uint8_t dir = 0, root = 0, quad = 0;
        friend bool operator==(const Key&, const Key&) = default;
    };
    struct Cell {
        Key key;
        TrendFigures figures;
    };
    struct Person {
        std::int64_t actor;
        bool source, target;
        std::uint16_t country;  ///< 0: none
    };
    static bool keyLess(const Key& x, const Key& y) noexcept;
    std::uint16_t name(std::string_view text);

    Write write_;
    std::vector<Cell> cells_;
    std::vector<CellRow> rows_;                                  ///< the batch being written
    std::deque<std::string> names_{""};                          ///< stable: index_ views them
    std::unordered_map<std::string_view, std::uint16_t> index_;  ///< into names_
    std::vector<Person> people_;                                 ///< of the event being added
    std::vector<std::uint16_t> countries_;                       ///< of the event being added
    std::vector<std::int64_t> actors_;                           ///< of the event being added
};

}  // namespace bilateral::storage::trend
