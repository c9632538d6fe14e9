#pragma once
// [trend] Event data over time and the pairs of countries with most events (docs/queries.md,
// "Trends and pairs"): plain values, answered from figures the database keeps by day.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/model/date.hpp"
#include "bilateral/query/queries.hpp"

namespace bilateral::query {

/// The length of a trend's periods; a week starts on Monday (ISO 8601).
enum class TrendPeriod : std::uint8_t { Day, Week, Month, Quarter, Year };
/// How each period is split: not at all, by QuadClass, by CAMEO root, by event kind.
enum class TrendSplit : std::uint8_t { None, QuadClass, CameoRoot, Kind };

std::string_view toString(TrendPeriod p) noexcept;
std::string_view toString(TrendSplit s) noexcept;
/// From the names above (day, week, month, quarter, year; none, quad_class, cameo_root,
/// kind); nullopt for anything else.
std::optional<TrendPeriod> trendPeriodFromString(std::string_view text) noexcept;
std::optional<TrendSplit> trendSplitFromString(std::string_view text) noexcept;

struct TrendOptions {
    TrendPeriod by = TrendPeriod::Month;
    TrendSplit split = TrendSplit::None;
    /// Events whose day (their earliest) lies in [from, to]; partial dates widen to their days.
    /// Without them, from the subject's first dated event to its last.
    Window window;
    /// Dyads: only the events in which a source of the first country acted on a target of
    /// the second (CAMEO source and target roles).
    bool directed = false;
    /// [identity] An actor's trend: the figures of every record of its same_as group.
    bool merge = true;
};

/// The sums of a set of events: rows, meetings (the rows of one meeting once), the Goldstein
/// score's sum and mean (over events that have one), and the tone's mean weighted by mentions
/// (over events that have a tone: GDELT's AvgTone).
struct TrendFigures {
    std::int64_t events = 0;
    std::int64_t meetings = 0;
    std::int64_t goldsteinEvents = 0;     ///< events with a Goldstein score
    std::optional<double> goldsteinSum;   ///< none when no event has a score
    std::optional<double> goldsteinMean;  ///< none when no event has a score
    std::optional<double> tone;           ///< none when no event has a tone
};

struct TrendRow {
    std::string period;          ///< 2018-01-05, 2018-W01, 2018-01, 2018-Q1, 2018
    model::DayNumber start = 0;  ///< the period's first day
    model::DayNumber end = 0;    ///< its last day
    std::string group;           ///< the split's value ("" when not split)
    TrendFigures figures;
};

/// Every period from the first to the last, each with every group the answer has (with a
/// QuadClass split, the four classes always), in order; periods and groups without events have
/// zeros.
struct TrendAnswer {
    std::optional<model::DayNumber> from, to;  ///< the days counted (none: no dated events)
    std::vector<TrendRow> rows;
};

/// How pairs are ranked: most events, most meetings, highest share of cooperation, highest
/// Goldstein mean.
enum class PairsOrder : std::uint8_t { Events, Meetings, Cooperation, Goldstein };
std::string_view toString(PairsOrder o) noexcept;
std::optional<PairsOrder> pairsOrderFromString(std::string_view text) noexcept;

struct PairsOptions {
    /// Only this country's pairs (its partners), the country first in each row.
    std::string country;
    Window window;
    PairsOrder order = PairsOrder::Events;
};

struct PairRow {
    std::string a, b;
    TrendFigures figures;
    std::int64_t cooperationEvents = 0;  ///< QuadClass 1 or 2
    std::int64_t classifiedEvents = 0;   ///< with a QuadClass
    /// cooperationEvents / classifiedEvents; none when no event has a QuadClass.
    std::optional<double> cooperationShare;
};

}  // namespace bilateral::query
