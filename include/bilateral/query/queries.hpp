#pragma once
// Who met whom, timelines, as-of questions, search and stats. Semantics: docs/queries.md.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/model/date.hpp"
#include "bilateral/model/kinds.hpp"
#include "bilateral/model/types.hpp"
#include "bilateral/query/index.hpp"

namespace bilateral::query {

/// A date window: events that may overlap [from, to] (partial ends widen to their day range).
struct Window {
    std::optional<model::Date> from;
    std::optional<model::Date> to;
};

// --- who met whom ---------------------------------------------------------------------------

struct WhoMetOptions {
    Window window;
    /// Event kinds that count; empty = the meeting kinds (model::isMeetingKind).
    std::vector<model::EventKind> kinds;
    bool includePhoneCalls = false;  ///< add phone_call to the default kinds
    // [sides]
    /// Count every co-participant (the own delegation still aside), not only those on another
    /// side than the actor's (docs/queries.md, "Sides").
    bool anySide = false;
    /// Plain co-participation: every co-participant counts, the own delegation too, whatever
    /// the sides (docs/queries.md, "Sides"; implies anySide).
    bool coParticipants = false;
    /// Rank by event rows (each source row of an event file) instead of by meetings.
    bool countRows = false;
    /// [identity] Treat each same_as group as one actor (docs/data-model.md, "One actor per
    /// entity"): the actor's records together, counterparts under their group's canonical id.
    bool merge = true;
};

/// The event kinds that count for who-met: `options.kinds`, else the meeting kinds
/// (model::isMeetingKind) and, with includePhoneCalls, phone_call.
std::vector<model::EventKind> countingKinds(const WhoMetOptions& options);

struct Counterpart {
    ActorIx actor;
    std::int64_t meetings = 0;
    std::optional<model::Date> first;  ///< start of the earliest dated meeting
    std::optional<model::Date> last;   ///< start of the latest dated meeting
    std::vector<EventIx> events;       ///< the meetings, in timeline order
    // [sides]
    /// Event rows recording those meetings (`events.size()`); `meetings` counts the rows of
    /// one meeting of an event file once.
    std::int64_t rows = 0;
    /// The side it acted for in them (the first in byte order when several); none: no side.
    std::optional<std::string> side;
};

/// Counterparts of `actor`: actors sharing an occurred event of a counting kind with it, on
/// another side (or on none) unless `anySide`, never of its own delegation; most meetings (or
/// rows, with `countRows`) first, then by name. Planned and cancelled events never count.
std::vector<Counterpart> whoMet(const Index& index, ActorIx actor,
                                const WhoMetOptions& options = {});

// --- timelines ------------------------------------------------------------------------------

struct TimelineOptions {
    Window window;
    std::vector<model::EventKind> kinds;  ///< empty = all
    /// Answers from the file: list each event's participants (the in-memory index always has
    /// them at hand).
    bool participants = true;
    /// Answers from the file: read each event's codes (EventRef::goldstein, quadClass, tone,
    /// mentions).
    bool codes = true;
    /// Dyad and country timelines: only the events their participants put there (both
    /// countries', the country's: ScopeRule::Participants), none there by their place alone.
    bool participantsOnly = false;
    /// [identity] An actor's timeline: the events of every record of its same_as group.
    bool merge = true;
};

/// Events in timeline order (earliest day, latest day, parents before sub-events, id). Planned
/// events are included; check `index.event(e).status`.
std::vector<EventIx> timeline(const Index& index, ActorIx actor,
                              const TimelineOptions& options = {});
std::vector<EventIx> dyadTimeline(const Index& index, std::string_view countryA,
                                  std::string_view countryB, const TimelineOptions& options = {});
std::vector<EventIx> countryTimeline(const Index& index, std::string_view country,
                                     const TimelineOptions& options = {});

/// [places] Which rule puts an event in a dyad's or a country's timeline: its participants
/// (of both countries; of the country), or its place (participants of one country acting in a
/// place of the other; located in the country). Participants wins when both hold.
enum class ScopeRule : std::uint8_t { Participants, Place };
std::string_view toString(ScopeRule rule) noexcept;

/// The rule that puts event `e` in the timeline of `countryA` and `countryB` (`countryB` empty:
/// of `countryA`), nullopt when none does.
std::optional<ScopeRule> scopeRule(const Index& index, EventIx e, std::string_view countryA,
                                   std::string_view countryB = {});

// --- as of ----------------------------------------------------------------------------------

struct RelationAsOf {
    model::Relation relation;
    model::Certainty holds;        ///< Certainly or Possibly
    std::string fromName, toName;  ///< the names of the relation's ends
};

/// Whether a fact valid over `valid` holds on `date`: for a day, Interval::covers; for a month
/// or a year, Certainly when it certainly holds on every day of it, Possibly when it may hold on
/// some day of it, else No.
[[nodiscard]] model::Certainty certaintyOn(const model::Interval& valid,
                                           const model::Date& date) noexcept;
/// The same for a relation, whose attested days or periods (Relation::attested) also make it
/// certain: Certainly when every day of `date` is certain by its validity or by an attestation.
[[nodiscard]] model::Certainty certaintyOn(const model::Relation& relation,
                                           const model::Date& date);

struct PostHolder {
    model::Actor person;
    model::Relation tenure;  ///< the holds_post relation
    model::Certainty holds;
};

// --- search, resolution, stats --------------------------------------------------------------

struct SearchHit {
    std::string id;
    std::string name;
    model::ActorKind kind;
    std::string country;  ///< empty when none
    std::string matched;  ///< the name or alias that matched
    double score;         ///< higher is better
};

}  // namespace bilateral::query
