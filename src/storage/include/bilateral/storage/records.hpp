#pragma once
// Internal (not installed): the rows the storage interface (engine.hpp) hands to the modules
// above it. Plain values in the data model's words; `RowId` is an engine's handle of a stored
// row, meaningful only to the engine that gave it and never in a public header.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/database_options.hpp"
#include "bilateral/model/date.hpp"
#include "bilateral/model/kinds.hpp"
#include "bilateral/model/types.hpp"

namespace bilateral::storage {

/// An engine's handle of a stored row (an SQLite row id; a PostgreSQL bigint key). 0: none.
using RowId = std::int64_t;

/// How an engine opens a database: Database::open's options (DatabaseOptions, whose fields it
/// repeats), except that an engine creates a missing database unless told not to, so that the
/// tests and tools that make files through an engine need not ask. Database::open passes its
/// caller's options through `from`, where creating is off unless asked.
struct OpenOptions {
    bool readOnly = false;
    bool create = true;
    int busyTimeoutMs = 5000;
    bool snapshot = false;
    bool adopt = false;
    bool oneThread = false;
    std::function<void()> onLockWait;
    bool createAtCommit = false;

    [[nodiscard]] static OpenOptions from(const DatabaseOptions& o) {
        return {o.readOnly, o.create,    o.busyTimeoutMs, o.snapshot,
                o.adopt,    o.oneThread, o.onLockWait,    o.createAtCommit};
    }
};

/// An actor as the answers show it.
struct ActorRecord {
    RowId row = 0;
    std::string id, name;
    model::ActorKind kind = model::ActorKind::Person;
    std::string country;  ///< empty when none
};

/// An event as the answers show it, without its nested parts.
struct EventRecord {
    RowId row = 0;
    std::string id, title;
    model::EventKind kind = model::EventKind::CodedEvent;
    model::EventStatus status = model::EventStatus::Occurred;
    std::optional<model::Date> start, end;  ///< its own dates
    RowId parentRow = 0;                    ///< 0 when none
    std::string cameo;                      ///< empty when none
    /// The days it occupies (rules::eventDays: its own, or its nearest dated ancestor's);
    /// none when neither is dated.
    std::optional<model::DayNumber> dayLo, dayHi;
    std::string location, placeCountry;  ///< [places] its place's name and country; empty: none
    RowId meetingRow = 0;  ///< the first event of its meeting; 0: a meeting of its own
    /// [notes] What else it has, as bits: 1 its own evidence, 2 evidence of its participations,
    /// 4 links (a set bit may be stale, a clear one never is).
    std::uint8_t notes = 0;
};

/// Which events a look-up keeps. Days are inclusive; an event is kept when its day range may
/// overlap [from, to] (rules::DayWindow: undated events never, when either is set).
struct EventFilter {
    std::optional<model::DayNumber> from, to;
    std::vector<model::EventKind> kinds;  ///< empty: all kinds
    bool occurredOnly = false;            ///< planned and cancelled events left out
    /// Scoped look-ups (a country's or a pair's events): only those in the scope through their
    /// participants, none through their place alone (EventSlot::byPlace never set).
    bool participantsOnly = false;
};

/// Where an event sits in timeline order (rules::TimelineKey), and its id for ties.
struct EventSlot {
    RowId row = 0;
    std::int64_t lo = 0, hi = 0;  ///< day range; undated: both model::kUndatedDay
    std::string id;
    RowId parentRow = 0;   ///< 0 when none (then its depth is 0)
    int depth = 0;         ///< parents above it: a sub-event sorts after its parent
    bool byPlace = false;  ///< [places] in the scope through its place, not its participants
    bool occurred = true;  ///< its status is occurred (sharedEvents)
};

/// An event stored as a meeting of its own (docs/event-data.md, "One meeting counted once"):
/// its two actors (the smaller handle first; equal when an actor acted on itself) and its CAMEO
/// code, from which an import tells whether a row of its own records the same meeting.
struct StoredMeeting {
    RowId event = 0;
    RowId a = 0, b = 0;
    std::string cameo;
};

/// [places] A link of an event, seen from it: to (`outgoing`) or from another event.
struct EventLinkRecord {
    std::string id;
    model::EventLinkKind kind = model::EventLinkKind::LeadsTo;
    bool outgoing = true;
    RowId otherRow = 0;
    std::string otherId, otherTitle;
};

/// A participation with the side it acts for: stated, else the actor's own (rules::sideOf,
/// applied by the engine to what it reads); empty: no side.
struct SidedParticipation {
    RowId actor = 0;
    model::Role role = model::Role::Attendee;
    std::string side;
};

struct ParticipantRecord {
    ActorRecord actor;
    model::Role role = model::Role::Attendee;
    model::Support support;  ///< of this participation ([attested])
};

/// Which participants Engine::eventDetails reads: none, only those whose participation has
/// evidence (all a listing's support needs: the others rest on nothing), or all.
enum class ParticipantsRead : std::uint8_t { None, WithEvidence, All };

/// What an event file coded of an event (Engine::fillEventCodes): its Goldstein score, and
/// GDELT's QuadClass, AvgTone and NumMentions as the file stated them; none where it did not.
struct EventCodes {
    std::optional<double> goldstein;
    std::optional<std::int64_t> quadClass;
    std::optional<double> tone;
    std::optional<std::int64_t> mentions;
};

/// What a listing shows of one event (Engine::eventDetails).
struct EventDetails {
    EventRecord record;
    std::int64_t evidence = 0;                    ///< evidence records of the event itself
    model::Support support;                       ///< folded over them
    std::vector<ParticipantRecord> participants;  ///< when asked, in participation order
    std::vector<EventLinkRecord> links;  ///< when asked: outgoing first, then by kind, other id
    EventCodes codes;                    ///< when asked (Engine::fillEventCodes)
};

/// A name or alias of an actor that matched a search (Engine::searchNames).
struct NameMatch {
    RowId actor = 0;
    std::string text;  ///< the name or alias as indexed (rules::foldForSearch applied)
    double rank = 0;   ///< lower is better, comparable within one search
};

/// How Engine::searchNames matches its tokens.
enum class NameSearch : std::uint8_t {
    Prefix,  ///< every token, in any order, the last one as a prefix (search as you type)
    Phrase,  ///< the tokens as one phrase, none as a prefix (resolving a name)
};

// --- [trend] figures kept by day -----------------------------------------------------------------

/// Whose trend: a country (`b` empty), a pair of countries (either order; with `directed`, the
/// events from a source of `a` to a target of `b`), or an actor (`actor` set; `a`, `b` empty).
struct TrendSubject {
    std::string a, b;
    bool directed = false;
    std::optional<RowId> actor;
};

/// What is summed of a set of events: rows, meetings (a meeting's rows counted once: those that
/// are the first of their meeting), Goldstein (events with a score, and their sum), and tone
/// (the sum of the weights, rules::toneWeight, of events with a tone, and of tone × weight).
struct TrendFigures {
    std::int64_t events = 0, meetings = 0, goldsteinEvents = 0;
    double goldsteinSum = 0, toneWeight = 0, toneSum = 0;
    void add(const TrendFigures& o) noexcept {
        events += o.events;
        meetings += o.meetings;
        goldsteinEvents += o.goldsteinEvents;
        goldsteinSum += o.goldsteinSum;
        toneWeight += o.toneWeight;
        toneSum += o.toneSum;
    }
};

/// The figures of a subject's dated events of one day (their earliest day), one event kind,
/// one CAMEO root (0: none) and one QuadClass (rules::quadClassOf; 0: none).
struct TrendCell {
    model::DayNumber day = 0;
    std::string kind;
    int root = 0, quad = 0;
    TrendFigures figures;
};

/// The figures of a pair of countries (`a` < `b`) in one QuadClass, over a window.
struct PairCell {
    std::string a, b;
    int quad = 0;
    TrendFigures figures;
};

}  // namespace bilateral::storage
