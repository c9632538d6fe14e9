#include "bilateral/model/kinds.hpp"
#include "bilateral/model/types.hpp"

#include <array>

namespace bilateral::model {
namespace {

/// The names of each enum's values, in the order of the values.
template <class Enum>
constexpr std::span<const std::string_view> kNames{};
template <>
constexpr std::array<std::string_view, 12> kNames<ActorKind>{
    "country",         "bloc",     "person",      "post",
    "government_body", "company",  "institution", "diplomatic_mission",
    "group",           "military", "armed_group", "organisation"};
template <>
constexpr std::array<std::string_view, 16> kNames<EventKind>{
    "official_visit",    "state_visit", "working_visit", "bilateral_meeting", "talks",
    "roundtable",        "summit",      "inauguration",  "invitation",        "negotiation",
    "agreement_signing", "phone_call",  "statement",     "chairmanship",      "intent_to_meet",
    "coded_event"};
template <>
constexpr std::array<std::string_view, 3> kNames<EventStatus>{"occurred", "planned", "cancelled"};
template <>
constexpr std::array<std::string_view, 12> kNames<Role>{
    "host",      "guest",   "delegation_member", "chair",  "opener", "attendee",
    "signatory", "inviter", "invitee",           "source", "target", "subject"};
template <>
constexpr std::array<std::string_view, 9> kNames<RelationKind>{
    "holds_post", "post_of", "member_of",       "part_of", "partner_of",
    "represents", "chairs",  "affiliated_with", "same_as"};
template <>
constexpr std::array<std::string_view, 3> kNames<Basis>{"stated", "inferred", "reference"};
template <>
constexpr std::array<std::string_view, 2> kNames<Standing>{"secondary", "primary"};
template <>
constexpr std::array<std::string_view, 3> kNames<EventLinkKind>{"leads_to", "answers",
                                                                "follows_up"};

template <class Enum>
std::string_view name(Enum e) noexcept {
    const auto i = static_cast<std::size_t>(e);
    return i < kNames<Enum>.size() ? kNames<Enum>[i] : std::string_view{};
}

}  // namespace

template <class Enum>
std::span<const std::string_view> names() noexcept {
    return {kNames<Enum>.data(), kNames<Enum>.size()};
}

template <class Enum>
std::optional<Enum> parse(std::string_view s) noexcept {
    const auto& t = kNames<Enum>;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == s) return static_cast<Enum>(i);
    }
    return std::nullopt;
}

// Each enum's toString, names and parse.
#define BILATERAL_INSTANTIATE(E)                                    \
    std::string_view toString(E v) noexcept {                       \
        return name(v);                                             \
    }                                                               \
    template std::span<const std::string_view> names<E>() noexcept; \
    template std::optional<E> parse<E>(std::string_view) noexcept;
BILATERAL_INSTANTIATE(ActorKind)
BILATERAL_INSTANTIATE(EventKind)
BILATERAL_INSTANTIATE(EventStatus)
BILATERAL_INSTANTIATE(Role)
BILATERAL_INSTANTIATE(RelationKind)
BILATERAL_INSTANTIATE(Basis)
BILATERAL_INSTANTIATE(EventLinkKind)
BILATERAL_INSTANTIATE(Standing)
#undef BILATERAL_INSTANTIATE

bool isMeetingKind(EventKind k) noexcept {
    switch (k) {
        case EventKind::OfficialVisit:
        case EventKind::StateVisit:
        case EventKind::WorkingVisit:
        case EventKind::BilateralMeeting:
        case EventKind::Talks:
        case EventKind::Roundtable:
        case EventKind::Summit:
        case EventKind::Negotiation:
            return true;
        default:
            return false;
    }
}

// [attested] Support: what a fact rests on, in brief.
namespace {
int strength(Basis b) noexcept {
    switch (b) {
        case Basis::Stated:
            return 2;
        case Basis::Reference:
            return 1;
        case Basis::Inferred:
            break;
    }
    return 0;
}
/// Whether `a` rests on less than `b` (both with a basis): a weaker basis, or the same basis
/// with a lower confidence (where both are assessed).
bool below(const Support& a, const Support& b) noexcept {
    if (strength(*a.basis) != strength(*b.basis)) return strength(*a.basis) < strength(*b.basis);
    return a.confidence && b.confidence && *a.confidence < *b.confidence;
}
}  // namespace

void Support::add(Basis b, std::optional<double> c) noexcept {
    if (!basis || strength(b) > strength(*basis)) {
        basis = b;
        confidence = c;
    } else if (b == *basis && c && (!confidence || *c > *confidence)) {
        confidence = c;
    }
}

Support weaker(const Support& a, const Support& b) noexcept {
    if (!a.basis) return b;
    if (!b.basis) return a;
    return below(b, a) ? b : a;
}

Support stronger(const Support& a, const Support& b) noexcept {
    if (!a.basis) return b;
    if (!b.basis) return a;
    return below(a, b) ? b : a;
}

}  // namespace bilateral::model
