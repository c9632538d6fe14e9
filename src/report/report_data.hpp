#pragma once
// The report's data, collected through the query API in one place (report_data.cpp), and the
// SVG drawings of it (report_svg.cpp). Private to the report module.

#include <cstddef>
#include <map>
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
    std::vector<query::Disagreement> disagreements;  ///< [claims] where its sources differ
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
};

Data collect(storage::Engine& engine, const ReportSelection& selection,
             const ReportOptions& options);

std::string timelineSvg(const Data& d);
/// The network; `shown` receives the number of actors drawn.
std::string networkSvg(const Data& d, std::size_t limit, std::size_t& shown, bool& limited);

/// Colour of an event kind, of an actor's side.
std::string kindColour(const std::string& kind);

}  // namespace bilateral::io::report
