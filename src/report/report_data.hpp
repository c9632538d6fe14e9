#pragma once
// The report's data, collected through the query API in one place (report_data.cpp), and the
// SVG drawings of it (report_svg.cpp). Private to the report module.

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bilateral/model/types.hpp"
#include "bilateral/query/answers.hpp"
#include "bilateral/report/report.hpp"
#include "bilateral/storage/engine.hpp"

namespace bilateral::io::report {

struct Quote {
    std::string source, basis, text, note;
    long long start = -1, end = -1;  ///< span when known
    bool fromSource = false;         ///< text read from the source file at the span
};

struct Participant {
    std::size_t actor = 0;
    std::string role;
    std::vector<Quote> evidence;
};

struct Event {
    std::string id, title, kind, status, when;
    bool datedByParent = false;
    bool partial = false;  ///< month or year precision
    long long first = 0, last = 0;
    bool dated = false;
    int parent = -1;  ///< index into events, -1 when none in the report
    std::vector<Participant> participants;
    std::vector<Quote> evidence;
    // [event-data] What the data coded of it, and who it is about (query::eventActors).
    std::string cameo, actors;
    int quadClass = 0;  ///< 1-4, 0 none (rules::quadClassOf)
    std::optional<double> goldstein;
    std::vector<std::size_t> sources, targets;       ///< CAMEO ends, as indexes of Data::actors
    std::vector<query::Disagreement> disagreements;  ///< [claims] where its sources differ
};

/// [event-data] One month of the trend chart: events by QuadClass (index 0 none, 1-4 the
/// classes) and the Goldstein mean.
struct TrendMonth {
    std::string period;
    std::array<std::int64_t, 5> quad{};
    std::optional<double> goldsteinMean;
};

/// [event-data] A pair of actors, from the sources to the targets of coded events (else two
/// participants of an event, in the order of Data::actors), with its events.
struct TopPair {
    std::size_t a = 0, b = 0;
    bool directed = false;
    std::int64_t events = 0, goldsteinEvents = 0;
    double goldsteinSum = 0;
};

struct Actor {
    std::string id, name, kind, country;
    long long meetings = 0;
};

struct Meeting {
    std::size_t a = 0, b = 0;
    std::vector<std::size_t> events;
};

struct Data {
    std::string title, selection;
    std::vector<Event> events;
    std::vector<Actor> actors;
    std::vector<Meeting> meetings;
    std::vector<model::Source> sources;
    std::map<std::string, std::string> sourceStatus;
    // [event-data] For event data or past kFewEvents events (report_event_data.cpp).
    bool eventData = false;
    std::vector<TrendMonth> trend;
    std::string trendNote;  ///< why there is no trend chart, when there is none
    std::vector<std::pair<std::size_t, std::int64_t>> topActors;  ///< actor, events
    std::vector<TopPair> topPairs;
};

/// Past this many events the page draws the trend rather than one bar per event.
inline constexpr std::size_t kFewEvents = 40;
/// Past this many events the network draws no event nodes.
inline constexpr std::size_t kEventNodes = 40;

Data collect(storage::Engine& engine, const ReportSelection& selection,
             const ReportOptions& options);

/// [event-data] Fills the event-data part of `d` (its events collected): the monthly trend by
/// QuadClass from the figures the engine keeps (query::trend), the top actors and pairs.
void collectEventData(storage::Engine& engine, const ReportSelection& selection, Data& d);
/// The event-data section (trend chart, top actors and pairs, a sample of events); "" when
/// `d.eventData` is false.
std::string eventDataSection(const Data& d);
/// The legend of the network's shapes, for the actor kinds `d` has (and events when drawn).
std::string shapeLegend(const Data& d, bool eventNodes);

std::string timelineSvg(const Data& d);
/// The network; `shown` receives the number of actors drawn.
std::string networkSvg(const Data& d, std::size_t limit, std::size_t& shown, bool& limited);

/// Colour of an event kind, of an actor's side.
std::string kindColour(const std::string& kind);

}  // namespace bilateral::io::report
