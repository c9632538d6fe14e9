// Timelines of an actor, a dyad of countries and a country: slices of the index's lists, which
// are already in timeline order, filtered by window and kinds.

#include "bilateral/error.hpp"
#include "index_data.hpp"

namespace bilateral::query {
namespace {

std::vector<EventIx> filtered(const detail::IndexData& d, std::span<const EventIx> events,
                              const TimelineOptions& options) {
    const detail::DayWindow window(options.window);
    const auto mask = detail::kindMask(options.kinds);
    std::vector<EventIx> out;
    if (!window.active && options.kinds.empty()) {
        out.assign(events.begin(), events.end());
        return out;
    }
    out.reserve(events.size());
    for (const auto e : events) {
        // Lists are sorted by earliest day: nothing after an event starting past the window
        // can overlap it (undated events sort last and never overlap an active window).
        const auto i = e.value;
        if (window.active && d.earliest[i] > window.to) break;
        if (detail::inMask(mask, d.kind[i]) && window.admits(d.earliest[i], d.latest[i])) {
            out.push_back(e);
        }
    }
    return out;
}

}  // namespace

std::vector<EventIx> timeline(const Index& index, ActorIx actor, const TimelineOptions& options) {
    const auto& d = detail::data(index);
    if (actor.value >= d.actors.size()) throw InvalidArgumentError("actor index out of range");
    return filtered(d, d.actorEvents.row(actor), options);
}

std::vector<EventIx> dyadTimeline(const Index& index, std::string_view countryA,
                                  std::string_view countryB, const TimelineOptions& options) {
    return filtered(detail::data(index), index.dyadEvents(countryA, countryB), options);
}

std::vector<EventIx> countryTimeline(const Index& index, std::string_view country,
                                     const TimelineOptions& options) {
    return filtered(detail::data(index), index.countryEvents(country), options);
}

}  // namespace bilateral::query
