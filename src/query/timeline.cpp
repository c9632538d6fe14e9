// Timelines of an actor, a dyad of countries and a country: slices of the index's lists, which
// are already in timeline order, filtered by window and kinds.

#include "bilateral/error.hpp"
#include "index_data.hpp"

namespace bilateral::query {
namespace {

std::vector<EventIx> filtered(const detail::IndexData& d, std::span<const EventIx> events,
                              const TimelineOptions& options) {
    const rules::DayWindow window(options.window.from, options.window.to);
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

namespace {

/// With participantsOnly, the events of `events` their participants put in the scope.
std::vector<EventIx> byParticipants(const Index& index, std::vector<EventIx> events,
                                    std::string_view countryA, std::string_view countryB,
                                    const TimelineOptions& options) {
    if (!options.participantsOnly) return events;
    std::erase_if(events, [&](EventIx e) {
        return scopeRule(index, e, countryA, countryB) != ScopeRule::Participants;
    });
    return events;
}

}  // namespace

std::vector<EventIx> dyadTimeline(const Index& index, std::string_view countryA,
                                  std::string_view countryB, const TimelineOptions& options) {
    return byParticipants(
        index, filtered(detail::data(index), index.dyadEvents(countryA, countryB), options),
        countryA, countryB, options);
}

std::string_view toString(ScopeRule rule) noexcept {
    return rule == ScopeRule::Place ? "place" : "participants";
}

std::optional<ScopeRule> scopeRule(const Index& index, EventIx e, std::string_view countryA,
                                   std::string_view countryB) {
    bool a = false, b = countryB.empty();
    for (const auto& p : index.participantsOf(e)) {
        const auto& c = index.actor(p.actor).country;
        a = a || c == countryA;
        b = b || c == countryB;
    }
    if (a && b) return ScopeRule::Participants;
    const auto& place = index.event(e).placeCountry;
    if (place.empty()) return std::nullopt;
    // By place: located in the country; or participants of one in a place of the other.
    if (countryB.empty()) return place == countryA ? std::optional(ScopeRule::Place) : std::nullopt;
    if ((a && place == countryB) || (b && place == countryA)) return ScopeRule::Place;
    return std::nullopt;
}

std::vector<EventIx> countryTimeline(const Index& index, std::string_view country,
                                     const TimelineOptions& options) {
    return byParticipants(index,
                          filtered(detail::data(index), index.countryEvents(country), options),
                          country, {}, options);
}

}  // namespace bilateral::query
