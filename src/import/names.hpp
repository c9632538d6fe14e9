#pragma once
// Private to import: names the event importers make from the text of a file — attribute keys
// from header names, country codes from unknown country names — and compare.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace bilateral::io::detail {

/// "Story ID" → "story_id": ASCII letters lower-cased, every run of other characters one '_'.
std::string snakeCase(std::string_view header);
/// "Atlantis Republic" → "atlantis-republic": lower case, every run of ASCII non-alphanumerics
/// one '-', none at either end; non-ASCII letters are kept as they are.
std::string slug(std::string_view text);
/// ASCII case-insensitive equality.
bool equalsIgnoreCase(std::string_view a, std::string_view b) noexcept;

/// Heterogeneous hash for unordered maps keyed by std::string, looked up by string_view.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
    }
};

}  // namespace bilateral::io::detail
