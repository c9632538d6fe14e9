#pragma once
// Sides (docs/queries.md, "Sides"): the side a participation acts for, and who-met's rule of
// who counts as a counterpart. Every engine and every answer applies these, none a copy.

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "bilateral/model/kinds.hpp"
#include "bilateral/model/types.hpp"

namespace bilateral::rules {

/// The side a participation acts for: the side the data states, else the actor's own
/// (model::ownSide: a bloc its id, any other actor its country); none without either.
[[nodiscard]] inline std::optional<std::string_view> sideOf(std::optional<std::string_view> stated,
                                                            model::ActorKind kind,
                                                            std::string_view id,
                                                            std::string_view country) noexcept {
    if (stated) return stated;
    return model::ownSide(kind, id, country);
}

/// The side an answer shows for a counterpart that acted for `side`: none (`?`) when that is
/// the counterpart itself, a bloc acting for itself (an international organisation is no
/// country's side, like a group of several sides); else the side.
[[nodiscard]] inline std::optional<std::string_view> shownSide(std::optional<std::string_view> side,
                                                               std::string_view actorId) noexcept {
    if (side && *side == actorId) return std::nullopt;
    return side;
}

/// Guests and delegation members: the visiting party of an event.
[[nodiscard]] inline bool visitingRole(model::Role r) noexcept {
    return r == model::Role::Guest || r == model::Role::DelegationMember;
}

/// The asked actor's part in one event: the sides it acts for there (usually one) and whether
/// it belongs to the visiting party.
struct SelfInEvent {
    std::vector<std::string_view> sides;  ///< known sides, each once
    bool visiting = false;

    void clear() noexcept {
        sides.clear();
        visiting = false;
    }
    void add(model::Role role, std::optional<std::string_view> side) {
        visiting = visiting || visitingRole(role);
        if (side && std::find(sides.begin(), sides.end(), *side) == sides.end())
            sides.push_back(*side);
    }
    [[nodiscard]] bool actsFor(std::string_view side) const noexcept {
        return std::find(sides.begin(), sides.end(), side) != sides.end();
    }
    /// Whether a participant (role, side; none: no side) is a counterpart of the asked actor:
    /// never a member of its own delegation (both in the visiting party, sides not known to
    /// differ); without `anySide`, only someone on another side or on no side. With
    /// `coParticipants`, everyone: plain co-participation.
    [[nodiscard]] bool counts(model::Role role, std::optional<std::string_view> side, bool anySide,
                              bool coParticipants = false) const noexcept {
        if (coParticipants) return true;
        const bool sameOrUnknown = !side || sides.empty() || actsFor(*side);
        if (visiting && visitingRole(role) && sameOrUnknown) return false;
        if (anySide) return true;
        return !side || !actsFor(*side);
    }
};

}  // namespace bilateral::rules
