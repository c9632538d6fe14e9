#pragma once
// Private to query: the who-met side rule both engines apply (docs/queries.md, "Sides").

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "bilateral/model/kinds.hpp"

namespace bilateral::query::detail {

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
    /// differ); without `anySide`, only someone on another side or on no side.
    [[nodiscard]] bool counts(model::Role role, std::optional<std::string_view> side,
                              bool anySide) const noexcept {
        const bool sameOrUnknown = !side || sides.empty() || actsFor(*side);
        if (visiting && visitingRole(role) && sameOrUnknown) return false;
        if (anySide) return true;
        return !side || !actsFor(*side);
    }
};

}  // namespace bilateral::query::detail
