#pragma once
// The in-memory index for whole-graph work: a read-only snapshot of a database, built once
// (Database::index) and then queried many times without touching the database. Events are kept in
// timeline order (earliest day, latest day, parents before sub-events, id in natural order:
// "e9" < "e10"), each actor's events and each country pair's events in that order, and each
// actor's distinct neighbours (actors sharing any event) for paths and ego networks.

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/model/date.hpp"
#include "bilateral/model/kinds.hpp"

namespace bilateral::query {

/// A dense handle into an Index (0 .. n-1), valid for the Index that produced it. Actor and
/// event handles are distinct types, so one cannot be passed where the other is expected.
template <class Tag>
struct Ix {
    std::uint32_t value = 0;
    friend constexpr bool operator==(Ix, Ix) = default;
    friend constexpr auto operator<=>(Ix, Ix) = default;
};
using ActorIx = Ix<struct ActorTag>;
using EventIx = Ix<struct EventTag>;  ///< value: the event's rank in timeline order

/// `EventInfo::earliest` and `latest` of an event with no date (own or inherited): such events
/// sort last and fall outside every date window (model::kUndatedDay).
inline constexpr model::DayNumber kUndated = model::kUndatedDay;

namespace detail {
struct IndexAccess;  // the query and graph modules' view of the index's arrays
}  // namespace detail

/// What goes into an Index. Empty kinds = all kinds; the window keeps events that may overlap it.
struct IndexFilter {
    std::optional<model::Date> from;
    std::optional<model::Date> to;
    std::vector<model::EventKind> kinds;
};

struct ActorInfo {
    std::string id;
    std::string name;
    model::ActorKind kind;
    std::string country;  ///< empty when none
};

struct EventInfo {
    std::string id;
    std::string title;
    model::EventKind kind;
    model::EventStatus status;
    std::optional<model::Date> start;
    std::optional<model::Date> end;
    std::optional<EventIx> parent;
    std::string cameo;  ///< empty when none
    /// Day range used for windows and ordering; undated events sort last (kUndated). An event
    /// without dates of its own takes those of the nearest dated event it took place within
    /// (a roundtable during a visit): see Index::startOf.
    model::DayNumber earliest;
    model::DayNumber latest;
    // [places] Its place: name and country code (empty when none).
    std::string location;
    std::string placeCountry;
};

/// [places] A link of an event, seen from it: to (`outgoing`) or from `other`.
struct EventLinkInfo {
    EventIx other;
    model::EventLinkKind kind;
    bool outgoing;
};

/// A participant of an event: who and in which role.
struct Participation {
    ActorIx actor;
    model::Role role;
    // [sides]
    /// The side it acts for (stated, else model::ownSide): Index::sideName(side); kNoSide when
    /// none.
    std::uint32_t side;
    static constexpr std::uint32_t kNoSide = 0xFFFFFFFFu;
};

class Index {
public:
    Index(Index&&) noexcept;
    Index& operator=(Index&&) noexcept;
    ~Index();

    [[nodiscard]] std::size_t actorCount() const noexcept;
    [[nodiscard]] std::size_t eventCount() const noexcept;

    [[nodiscard]] std::optional<ActorIx> findActor(std::string_view id) const;
    [[nodiscard]] std::optional<EventIx> findEvent(std::string_view id) const;
    [[nodiscard]] const ActorInfo& actor(ActorIx a) const;
    [[nodiscard]] const EventInfo& event(EventIx e) const;

    /// The actor's events, in timeline order.
    [[nodiscard]] std::span<const EventIx> eventsOf(ActorIx a) const;
    /// The event's participants.
    [[nodiscard]] std::span<const Participation> participantsOf(EventIx e) const;
    /// Distinct other actors sharing at least one event with `a`, ascending.
    [[nodiscard]] std::span<const ActorIx> neighboursOf(ActorIx a) const;
    /// Distinct other actors joined to `a` by a relation (either direction), ascending.
    [[nodiscard]] std::span<const ActorIx> relatedTo(ActorIx a) const;
    /// Ids of the relations joining `a` and `b` (either direction).
    [[nodiscard]] std::vector<std::string> relationsBetween(ActorIx a, ActorIx b) const;
    /// Events in which both countries take part (through their actors' countries), or one takes
    /// part in a place of the other, in timeline order; empty when none. Order of the two codes
    /// does not matter.
    [[nodiscard]] std::span<const EventIx> dyadEvents(std::string_view countryA,
                                                      std::string_view countryB) const;
    /// Events in which the country takes part, or located in it, in timeline order.
    [[nodiscard]] std::span<const EventIx> countryEvents(std::string_view country) const;

    /// The event's start, or when it has no dates of its own, the start of the nearest dated
    /// event it took place within (its parent, grandparent, ...); nullopt when none is dated.
    [[nodiscard]] std::optional<model::Date> startOf(EventIx e) const;
    /// The code or bloc id of a Participation::side (not kNoSide).
    [[nodiscard]] std::string_view sideName(std::uint32_t side) const;
    /// Likewise for the end (nullopt also when the dated event has no end).
    [[nodiscard]] std::optional<model::Date> endOf(EventIx e) const;
    /// [places] The event's links to and from other events in the index: outgoing first, then
    /// by kind and the other event's id.
    [[nodiscard]] std::span<const EventLinkInfo> linksOf(EventIx e) const;
    /// Number of relations in the index.
    [[nodiscard]] std::size_t relationCount() const noexcept;
    /// The distinct country codes of the actors and of the events' places, sorted.
    [[nodiscard]] std::span<const std::string> countries() const noexcept;

private:
    friend struct detail::IndexAccess;
    struct Data;
    explicit Index(std::unique_ptr<Data> data);
    std::unique_ptr<Data> d_;
};

}  // namespace bilateral::query

template <class Tag>
struct std::hash<bilateral::query::Ix<Tag>> {
    std::size_t operator()(bilateral::query::Ix<Tag> x) const noexcept {
        return std::hash<std::uint32_t>{}(x.value);
    }
};
