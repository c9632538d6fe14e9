#pragma once
// The answers bilateral::Database gives about one actor, pair or country: who met whom,
// timelines, paths and ego networks. Each is a plain value (ids, names, kinds, dates), valid
// after the call; its cost grows with the answer, not with the database. Semantics:
// docs/queries.md. The in-memory Index (index.hpp) answers the same questions for whole-graph
// work.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/model/date.hpp"
#include "bilateral/model/kinds.hpp"
#include "bilateral/model/types.hpp"
#include "bilateral/query/queries.hpp"

namespace bilateral::query {

/// An actor in an answer.
struct ActorRef {
    std::string id;
    std::string name;
    model::ActorKind kind = model::ActorKind::Person;
    std::string country;  ///< empty when none
    /// [identity] When an answer merges a same_as group into this actor (its canonical
    /// record): the other records' ids, canonical order; empty otherwise.
    std::vector<std::string> merged;
};

struct ParticipantRef {
    ActorRef actor;
    model::Role role = model::Role::Attendee;
    model::Support support;  ///< what this participation rests on ([attested])
};

/// [places] A link of an event in an answer, seen from it.
struct LinkRef {
    std::string id;  ///< the link's id
    model::EventLinkKind kind = model::EventLinkKind::LeadsTo;
    bool outgoing = true;      ///< this event → other (else other → this event)
    std::string event, title;  ///< the other event
};

/// [claims] One source's value of a field its sources disagree about.
struct ClaimedValue {
    std::string source;      ///< source id; empty for a record's own account without a source
    std::string value;       ///< as a dataset gives it: "2025-07-03", "working_visit", "opener"
    bool own = false;        ///< the record's own account (its top-level fields)
    bool preferred = false;  ///< the value answers use (docs/data-model.md, "Claims")
    std::vector<model::Evidence> evidence;  ///< what this account rests on, with its quotes
    std::optional<std::string> note;        ///< the claim's note
};

/// [claims] A field of a record whose sources give different values.
struct Disagreement {
    std::string record;                ///< event or relation id
    std::string actor;                 ///< a participation's actor; empty for the record itself
    std::string field;                 ///< start, end, kind, status, role, valid.from, valid.to
    std::vector<ClaimedValue> values;  ///< each source that gives the field, own account first
};

/// An event in an answer.
struct EventRef {
    std::string id;
    std::string title;
    model::EventKind kind = model::EventKind::CodedEvent;
    model::EventStatus status = model::EventStatus::Occurred;
    /// When it took place: its own dates, or (`datedByParent`) those of the nearest dated event
    /// it took place within.
    std::optional<model::Date> start, end;
    bool datedByParent = false;
    std::string parent;         ///< id of the event it took place within; empty when none
    std::string cameo;          ///< empty when none
    std::int64_t evidence = 0;  ///< evidence records of the event itself
    std::vector<ParticipantRef> participants;  ///< filled where the answer says so
    /// [attested] What the event rests on: its own evidence; in a timeline, weakened by the
    /// participations that put it there (the actor's; the country's actors'; for a dyad, the
    /// weaker side, each side by its best-supported participant).
    model::Support support;
    // [places]
    std::string location, placeCountry;  ///< its place's name and country; empty when none
    /// Dyad and country timelines: the rule that put the event there.
    std::optional<ScopeRule> inScope;
    std::vector<LinkRef> links;  ///< timelines: its links to and from other events
    // [event-data] What the data coded of it (timelines; TimelineOptions::codes): its Goldstein
    // score, its QuadClass (rules: the file's, else its CAMEO root's; 0 none), and GDELT's
    // AvgTone and NumMentions; none where the data has none.
    std::optional<double> goldstein;
    int quadClass = 0;
    std::optional<double> tone;
    std::optional<std::int64_t> mentions;
    /// [claims] Timelines: the fields of it (and of its participations) its sources disagree
    /// about; empty when they agree.
    std::vector<Disagreement> disagreements;
};

/// [event-data] Who an event is about, in brief: for a CAMEO-coded event its sources and
/// targets (the `source` and `target` roles; for 042 and 043 the guest and host as the codebook
/// has them), `Egypt → United States` (`POLICE →` when it has no target); for any other, its
/// participants' names in participation order, `Anwar Ibrahim, Giorgia Meloni +3` when more than
/// fit. Each name appears once; the text stays within `width` terminal columns (a name too long
/// is cut with `…`). Empty when the event has no participants (or they were not read).
std::string eventActors(const EventRef& e, std::size_t width = 44);

/// A list an answer may have cut at `limit`: `total` is how many there were.
template <class T>
struct Page {
    std::vector<T> items;
    std::size_t total = 0;
    [[nodiscard]] bool cut() const noexcept { return items.size() < total; }
};

/// One counterpart of who-met.
struct MetActor {
    ActorRef actor;
    std::int64_t meetings = 0;
    std::optional<model::Date> first;  ///< start of the earliest dated meeting
    std::optional<model::Date> last;   ///< start of the latest dated meeting
    std::vector<EventRef> events;      ///< the meetings in timeline order (no participants)
    /// [attested] For each of `events`, what "they met there" rests on: the weaker of the two
    /// participations (the asked actor's and this one's).
    std::vector<model::Support> support;
    model::Support overall;  ///< the strongest of `support`: what "they met" rests on
    // [sides]
    std::int64_t rows = 0;            ///< event rows recording them (see query::Counterpart)
    std::optional<std::string> side;  ///< the side it acted for; none: no side
};

/// What may join two actors of a path or an ego network.
enum class Through { Events, Relations, EventsAndRelations };

struct PathOptions {
    Through through = Through::EventsAndRelations;
    int maxHops = 6;                  ///< longest path looked for
    std::size_t maxVisited = 200000;  ///< actors the search may visit before it gives up
};

/// One step of a path: what joins two consecutive actors.
struct PathStep {
    std::string from, to;           ///< actor ids
    std::optional<EventRef> event;  ///< the earliest occurred event both took part in, if any
    std::string relation;           ///< else a relation id joining them
    std::optional<model::RelationKind> relationKind;
};

struct PathAnswer {
    enum class Outcome { Found, NoPath, StoppedByBound };
    Outcome outcome = Outcome::NoPath;
    std::vector<ActorRef> actors;  ///< both ends included
    std::vector<PathStep> steps;   ///< steps.size() == actors.size() - 1
    std::size_t visited = 0;       ///< actors the search visited
};

struct EgoMember {
    ActorRef actor;
    int hops = 0;
};

// --- [identity] one actor per entity ----------------------------------------------------------

/// A likely pair of records of one entity, from different sources, not joined yet.
struct SameAsCandidate {
    ActorRef a, b;  ///< a before b in canonical order (rules/identity.hpp)
    int score = 0;  ///< higher is likelier
    std::string reason;
};

/// Who confirms a same_as relation, and how: its evidence (docs/data-model.md).
struct SameAsConfirmation {
    std::string by;                   ///< who confirmed it (the command: $USER)
    std::string how;                  ///< how: `--confirm`, `--from FILE`
    std::optional<std::string> note;  ///< the confirmer's note
};

}  // namespace bilateral::query
