#pragma once
// The closed vocabularies of the data model, each an enum class with its string names.
// `toString(x)` gives the name used in files, the store and the command line;
// `parse<Enum>(name)` gives the value or nullopt.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace bilateral::model {

enum class ActorKind : std::uint8_t {
    Country,
    Bloc,
    Person,
    Post,
    GovernmentBody,
    Company,
    Institution,
    DiplomaticMission,
    Group,
    // Kinds the event files tell (docs/event-data.md, "Actor kinds"); a dataset may use them too.
    Military,     ///< a state's armed forces or one of their branches
    ArmedGroup,   ///< an armed group outside a state's forces: rebels, insurgents, militias
    Organisation  ///< a non-governmental organisation, party, union or movement
};

enum class EventKind : std::uint8_t {
    OfficialVisit,
    StateVisit,
    WorkingVisit,  ///< format 1.2: a visit its source calls a working visit
    BilateralMeeting,
    Talks,
    Roundtable,
    Summit,
    Inauguration,
    Invitation,
    Negotiation,
    AgreementSigning,
    PhoneCall,
    Statement,
    Chairmanship,
    IntentToMeet,
    CodedEvent
};

enum class EventStatus : std::uint8_t { Occurred, Planned, Cancelled };

enum class Role : std::uint8_t {
    Host,
    Guest,
    DelegationMember,
    Chair,
    Opener,
    Attendee,
    Signatory,
    Inviter,
    Invitee,
    Source,
    Target,
    Subject
};

enum class RelationKind : std::uint8_t {
    HoldsPost,
    PostOf,
    MemberOf,
    PartOf,
    PartnerOf,
    Represents,
    Chairs,
    AffiliatedWith,
    /// [identity] Two records of one entity (from different sources), confirmed by a user:
    /// queries treat the group as one actor (docs/data-model.md, "One actor per entity").
    SameAs
};

enum class Basis : std::uint8_t { Stated, Inferred, Reference };

/// [claims] A source's standing (format 1.2): `primary`, an official text by a party to the
/// events (a government's own note); `secondary` (the default), any other account.
enum class Standing : std::uint8_t { Secondary, Primary };

/// [places] Kinds of links between events, read `from` → `to`: an invitation `leads_to` the
/// visit it invites to, an acceptance `answers` the invitation, a follow-up `follows_up` a
/// meeting.
enum class EventLinkKind : std::uint8_t { LeadsTo, Answers, FollowsUp };

std::string_view toString(ActorKind v) noexcept;
std::string_view toString(EventKind v) noexcept;
std::string_view toString(EventStatus v) noexcept;
std::string_view toString(Role v) noexcept;
std::string_view toString(RelationKind v) noexcept;
std::string_view toString(Basis v) noexcept;
std::string_view toString(EventLinkKind v) noexcept;
std::string_view toString(Standing v) noexcept;

/// Every name of an enum, in declaration order (for help texts, schemas and error messages).
template <class Enum>
std::span<const std::string_view> names() noexcept;

/// The value named `name`, or nullopt.
template <class Enum>
std::optional<Enum> parse(std::string_view name) noexcept;

/// Kinds that count as meetings in who-met-whom (phone calls only when asked).
[[nodiscard]] bool isMeetingKind(EventKind k) noexcept;

}  // namespace bilateral::model
