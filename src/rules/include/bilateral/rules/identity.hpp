#pragma once
// [identity] One actor per entity: the groups that same_as relations make, and which member
// names a group (docs/data-model.md, "One actor per entity"). Every answer that merges records
// follows these rules; engines only store and read the relations.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bilateral::rules {

/// The groups of actors joined by same_as relations, directly or through other members (a
/// relation joins two groups into one). An actor with no same_as relation is a group of its
/// own. Handles are an engine's actor handles (or any distinct integers).
class SameAsGroups {
public:
    using Handle = std::int64_t;

    /// Joins the groups of `a` and `b`.
    void join(Handle a, Handle b);
    /// Whether `a` is in a group with another actor.
    [[nodiscard]] bool grouped(Handle a) const;
    /// The members of `a`'s group, ascending (`a` alone when it has none).
    [[nodiscard]] std::vector<Handle> members(Handle a) const;
    /// One handle per group, the same for all its members (the smallest member): a key for
    /// gathering a group's answers.
    [[nodiscard]] Handle key(Handle a) const;
    [[nodiscard]] bool empty() const noexcept { return parent_.empty(); }

private:
    Handle root(Handle a) const;
    std::unordered_map<Handle, Handle> parent_;  ///< member -> its group's root
};

/// Whether an actor id comes from an event file's import (ICEWS `icews/...`, GDELT
/// `gdelt/...`) rather than from a curated dataset.
[[nodiscard]] bool fromEventFile(std::string_view id) noexcept;

/// The order of a group's members: a curated record before an event file's, then ids in
/// natural order. The first member is the group's canonical one, whose id answers show.
[[nodiscard]] bool canonicalBefore(std::string_view a, std::string_view b) noexcept;

/// The index of the canonical id among `ids` (not empty).
[[nodiscard]] std::size_t canonicalOf(std::span<const std::string> ids) noexcept;

/// The id of the same_as relation between two actors: the same whichever comes first.
[[nodiscard]] std::string sameAsId(std::string_view a, std::string_view b);

}  // namespace bilateral::rules
