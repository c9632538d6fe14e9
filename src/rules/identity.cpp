// [identity] The groups of same_as relations and their canonical member (rules/identity.hpp).

#include "bilateral/rules/identity.hpp"

#include <algorithm>

#include "bilateral/rules/natural_order.hpp"

namespace bilateral::rules {

// Every member points at its group's root (join keeps it so), so a look-up is one step.
SameAsGroups::Handle SameAsGroups::root(Handle a) const {
    const auto it = parent_.find(a);
    return it == parent_.end() ? a : it->second;
}

void SameAsGroups::join(Handle a, Handle b) {
    parent_.try_emplace(a, a);
    parent_.try_emplace(b, b);
    const auto ra = root(a), rb = root(b);
    if (ra == rb) return;
    // The smaller root stays the root, so that key() is the group's smallest member.
    const auto keep = std::min(ra, rb), join = std::max(ra, rb);
    for (auto& [member, up] : parent_) {
        if (up == join) up = keep;
    }
}

bool SameAsGroups::grouped(Handle a) const {
    return parent_.contains(a);
}

std::vector<SameAsGroups::Handle> SameAsGroups::members(Handle a) const {
    if (!grouped(a)) return {a};
    const auto r = root(a);
    std::vector<Handle> out;
    for (const auto& [member, up] : parent_) {
        if (root(member) == r) out.push_back(member);
    }
    std::sort(out.begin(), out.end());
    return out;
}

SameAsGroups::Handle SameAsGroups::key(Handle a) const {
    return root(a);
}

bool fromEventFile(std::string_view id) noexcept {
    return id.starts_with("icews/") || id.starts_with("gdelt/");
}

bool canonicalBefore(std::string_view a, std::string_view b) noexcept {
    const bool ea = fromEventFile(a), eb = fromEventFile(b);
    if (ea != eb) return eb;
    return naturalLess(a, b);
}

std::size_t canonicalOf(std::span<const std::string> ids) noexcept {
    std::size_t best = 0;
    for (std::size_t i = 1; i < ids.size(); ++i) {
        if (canonicalBefore(ids[i], ids[best])) best = i;
    }
    return best;
}

std::string sameAsId(std::string_view a, std::string_view b) {
    const bool swap = naturalLess(b, a);
    const auto first = swap ? b : a, second = swap ? a : b;
    return "same_as/" + std::string(first) + " = " + std::string(second);
}

}  // namespace bilateral::rules
