#pragma once
// Value types of the data model. Plain structs: the reader, the store and the writers agree on
// them; ids are the stable strings chosen by the data (`person/anwar-ibrahim`).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "bilateral/model/date.hpp"
#include "bilateral/model/kinds.hpp"

namespace bilateral::model {

/// Free facts about an actor, event or relation: string, integer, real or boolean values.
using AttributeValue = std::variant<std::string, std::int64_t, double, bool>;
using Attributes = std::map<std::string, AttributeValue, std::less<>>;

/// `[start, end)` in Unicode code points of the source's text.
struct Span {
    std::int64_t start = 0;
    std::int64_t end = 0;
    friend bool operator==(const Span&, const Span&) = default;
};

/// What a fact rests on.
struct Evidence {
    std::string source;  ///< source id
    std::optional<Span> span;
    std::optional<std::string> quote;
    Basis basis = Basis::Stated;
    std::optional<double> confidence;
    std::optional<std::string> note;
    friend bool operator==(const Evidence&, const Evidence&) = default;
};

/// What a fact rests on, in brief ([attested]): the strongest basis among its evidence (stated,
/// then reference, then inferred) and the highest confidence given with that basis; no basis
/// when it has no evidence.
struct Support {
    std::optional<model::Basis> basis;
    std::optional<double> confidence;
    /// Folds in one evidence entry.
    void add(model::Basis b, std::optional<double> c) noexcept;
    friend bool operator==(const Support&, const Support&) = default;
};
/// The weaker of two: inferred below reference below stated, then the lower confidence where
/// both give one; a fact without evidence counts as not assessed, and the other one decides.
Support weaker(const Support& a, const Support& b) noexcept;
/// The stronger of two, in the same order.
Support stronger(const Support& a, const Support& b) noexcept;

struct Source {
    std::string id;
    std::string title;
    std::optional<std::string> kind;
    std::optional<std::string> author;
    std::optional<Date> published;
    std::optional<std::string> url;
    std::optional<std::string> file;
    std::optional<std::string> sha256;
    /// [claims] Format 1.2: primary or secondary; none: not given (counts as secondary).
    std::optional<Standing> standing;
    friend bool operator==(const Source&, const Source&) = default;
};

struct Actor {
    std::string id;
    ActorKind kind = ActorKind::Person;
    std::string name;
    std::vector<std::string> aliases;
    std::optional<std::string> country;  ///< ISO 3166-1 alpha-3 where known
    Attributes attributes;
    std::vector<Evidence> evidence;
    friend bool operator==(const Actor&, const Actor&) = default;
};

// [places] begin
/// Where an event took place, beyond its name (Event::location): the country the place lies in
/// (ISO 3166-1 alpha-3), its coordinates and its id in a gazetteer (a GeoNames id, or the ADM
/// code GDELT gives when it has no feature id). Each part is optional.
struct Place {
    std::optional<std::string> country;
    std::optional<double> latitude, longitude;
    std::optional<std::string> gazetteer;
    [[nodiscard]] bool empty() const noexcept {
        return !country && !latitude && !longitude && !gazetteer;
    }
    friend bool operator==(const Place&, const Place&) = default;
};

/// [places] A typed link from one event to another (an invitation leads to the visit it
/// invites to; an acceptance answers the invitation; a follow-up follows up a meeting).
struct EventLink {
    std::string id;
    EventLinkKind kind = EventLinkKind::LeadsTo;
    std::string from;  ///< event id
    std::string to;    ///< event id
    std::vector<Evidence> evidence;
    friend bool operator==(const EventLink&, const EventLink&) = default;
};
// [places] end

/// [claims] One source's account of a fact (format 1.2, docs/data-model.md, "Claims"): the
/// fields it speaks to (silence is not a claim) with its evidence. An event's claim may give
/// `start`, `end`, `kind`, `status`; a participation's `role`; a relation's `valid` ends.
/// In a dataset document the record's top-level fields are its own account and `claims` the
/// other ones; a record read from a database is *settled* (rules/claims.hpp): its top-level
/// fields are the preferred values and, when it has claims, the first one is its own account
/// (`own` true) followed by the others in document order.
struct Claim {
    std::string source;  ///< source id; empty only for an own account with no source
    bool own = false;
    std::optional<Date> start, end;
    std::optional<EventKind> kind;
    std::optional<EventStatus> status;
    std::optional<Role> role;
    std::optional<Date> validFrom, validTo;
    std::vector<Evidence> evidence;
    std::optional<std::string> note;
    friend bool operator==(const Claim&, const Claim&) = default;
};

/// An actor's part in an event.
struct Participant {
    std::string actor;  ///< actor id
    Role role = Role::Attendee;
    std::vector<Evidence> evidence;
    // [sides]
    /// The side it acts for, as the data states it: an ISO 3166-1 alpha-3 code or a bloc actor's
    /// id. None: the actor's own side (sideOf in kinds.hpp says which).
    std::optional<std::string> side;
    std::vector<Claim> claims;  ///< [claims] each source's role (see Claim)
    friend bool operator==(const Participant&, const Participant&) = default;
};

struct Event {
    std::string id;
    EventKind kind = EventKind::CodedEvent;
    std::string title;
    std::optional<Date> start;
    std::optional<Date> end;
    EventStatus status = EventStatus::Occurred;
    std::optional<std::string> location;  ///< the name of its place (see `place`)
    std::optional<std::string> parent;    ///< id of the event this one took place within
    std::optional<std::string> cameo;     ///< CAMEO code as a string, leading zeros kept
    std::optional<double> goldstein;      ///< Goldstein scale / ICEWS intensity, when coded
    Attributes attributes;
    std::vector<Participant> participants;
    std::vector<Evidence> evidence;
    // [places] The rest of the event's place, whose name is `location`.
    Place place;
    // [sides]
    /// Id of the first event of the meeting this one records again (event files: the same pair,
    /// day and CAMEO root); none when it is a meeting of its own.
    std::optional<std::string> meeting;
    std::vector<Claim> claims;  ///< [claims] each source's dates, kind, status (see Claim)
    friend bool operator==(const Event&, const Event&) = default;
};

/// A day or period on which a source shows a relation holding, whatever its term ([attested]).
/// `period` has both ends; a single date is a period from and to that date.
struct Attestation {
    Interval period;
    std::vector<Evidence> evidence;
    friend bool operator==(const Attestation&, const Attestation&) = default;
};

struct Relation {
    std::string id;
    RelationKind kind = RelationKind::AffiliatedWith;
    std::string from;  ///< actor id
    std::string to;    ///< actor id
    Interval valid;
    Attributes attributes;
    std::vector<Evidence> evidence;
    // [attested]
    std::vector<Attestation> attested;  ///< days or periods a source shows it holding
    std::vector<Claim> claims;          ///< [claims] each source's term (see Claim)
    friend bool operator==(const Relation&, const Relation&) = default;
};

/// Counts of what a database holds, by table and by kind (Database::stats).
struct Counts {
    std::int64_t sources = 0, actors = 0, events = 0, participations = 0, relations = 0,
                 evidence = 0;
    std::vector<std::pair<std::string, std::int64_t>> actorsByKind, eventsByKind, relationsByKind;
    std::int64_t eventLinks = 0;  ///< [places] links between events (a count of their table)
};

// [sides]
/// The side an actor acts for when the data states none: a bloc is its own side (its id), any
/// other actor acts for its country (a country actor for itself); none without a country.
[[nodiscard]] inline std::optional<std::string_view> ownSide(ActorKind kind, std::string_view id,
                                                             std::string_view country) noexcept {
    if (kind == ActorKind::Bloc) return id;
    if (!country.empty()) return country;
    return std::nullopt;
}

}  // namespace bilateral::model
