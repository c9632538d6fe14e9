#include "bilateral/model/kinds.hpp"
#include "bilateral/model/types.hpp"

#include <array>

namespace bilateral::model {
namespace {

constexpr std::array<std::string_view, 9> kActorKinds{"country",
                                                      "bloc",
                                                      "person",
                                                      "post",
                                                      "government_body",
                                                      "company",
                                                      "institution",
                                                      "diplomatic_mission",
                                                      "group"};
constexpr std::array<std::string_view, 15> kEventKinds{
    "official_visit", "state_visit",  "bilateral_meeting", "talks",          "roundtable",
    "summit",         "inauguration", "invitation",        "negotiation",    "agreement_signing",
    "phone_call",     "statement",    "chairmanship",      "intent_to_meet", "coded_event"};
constexpr std::array<std::string_view, 3> kStatuses{"occurred", "planned", "cancelled"};
constexpr std::array<std::string_view, 12> kRoles{
    "host",      "guest",   "delegation_member", "chair",  "opener", "attendee",
    "signatory", "inviter", "invitee",           "source", "target", "subject"};
constexpr std::array<std::string_view, 8> kRelationKinds{
    "holds_post", "post_of",    "member_of", "part_of",
    "partner_of", "represents", "chairs",    "affiliated_with"};
constexpr std::array<std::string_view, 3> kBases{"stated", "inferred", "reference"};
constexpr std::array<std::string_view, 3> kEventLinkKinds{"leads_to", "answers", "follows_up"};

template <class Enum>
struct Table;
template <>
struct Table<ActorKind> {
    static constexpr auto& v = kActorKinds;
};
template <>
struct Table<EventKind> {
    static constexpr auto& v = kEventKinds;
};
template <>
struct Table<EventStatus> {
    static constexpr auto& v = kStatuses;
};
template <>
struct Table<Role> {
    static constexpr auto& v = kRoles;
};
template <>
struct Table<RelationKind> {
    static constexpr auto& v = kRelationKinds;
};
template <>
struct Table<Basis> {
    static constexpr auto& v = kBases;
};
template <>
struct Table<EventLinkKind> {
    static constexpr auto& v = kEventLinkKinds;
};

template <class Enum>
std::string_view name(Enum e) noexcept {
    const auto i = static_cast<std::size_t>(e);
    return i < Table<Enum>::v.size() ? Table<Enum>::v[i] : std::string_view{};
}

}  // namespace

std::string_view toString(ActorKind v) noexcept {
    return name(v);
}
std::string_view toString(EventKind v) noexcept {
    return name(v);
}
std::string_view toString(EventStatus v) noexcept {
    return name(v);
}
std::string_view toString(Role v) noexcept {
    return name(v);
}
std::string_view toString(RelationKind v) noexcept {
    return name(v);
}
std::string_view toString(Basis v) noexcept {
    return name(v);
}
std::string_view toString(EventLinkKind v) noexcept {
    return name(v);
}

template <class Enum>
std::span<const std::string_view> names() noexcept {
    return {Table<Enum>::v.data(), Table<Enum>::v.size()};
}

template <class Enum>
std::optional<Enum> parse(std::string_view s) noexcept {
    const auto& t = Table<Enum>::v;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == s) return static_cast<Enum>(i);
    }
    return std::nullopt;
}

#define BILATERAL_INSTANTIATE(E)                                    \
    template std::span<const std::string_view> names<E>() noexcept; \
    template std::optional<E> parse<E>(std::string_view) noexcept;
BILATERAL_INSTANTIATE(ActorKind)
BILATERAL_INSTANTIATE(EventKind)
BILATERAL_INSTANTIATE(EventStatus)
BILATERAL_INSTANTIATE(Role)
BILATERAL_INSTANTIATE(RelationKind)
BILATERAL_INSTANTIATE(Basis)
BILATERAL_INSTANTIATE(EventLinkKind)
#undef BILATERAL_INSTANTIATE

bool isMeetingKind(EventKind k) noexcept {
    switch (k) {
        case EventKind::OfficialVisit:
        case EventKind::StateVisit:
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
