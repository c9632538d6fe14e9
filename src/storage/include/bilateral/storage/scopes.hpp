#pragma once
// Engine-neutral parts of the scoped look-ups (a country's or a pair's events), which both
// engines read from event_scope and scope_count: how a scope is keyed, and when the count kept
// at import answers. No SQL here.

#include <string>
#include <string_view>
#include <utility>

#include "bilateral/storage/records.hpp"

namespace bilateral::storage {

/// A scope as event_scope and scope_count key it: a country (`b` empty) as given, a pair in code
/// order (the smaller code first).
inline std::pair<std::string, std::string> scopeKey(std::string_view a, std::string_view b) {
    std::pair<std::string, std::string> key{a, b};
    if (!key.second.empty() && key.second < key.first) std::swap(key.first, key.second);
    return key;
}

/// [scope-counts] Whether `filter` keeps every event of a scope, so that the count kept at
/// import is the answer.
inline bool keepsEveryEvent(const EventFilter& filter) noexcept {
    return !filter.from && !filter.to && filter.kinds.empty() && !filter.occurredOnly &&
           !filter.participantsOnly;
}

/// Whether `filter` asks about the event itself (its kind or status), beyond its scope row.
inline bool readsEventColumns(const EventFilter& filter) noexcept {
    return !filter.kinds.empty() || filter.occurredOnly;
}

}  // namespace bilateral::storage
