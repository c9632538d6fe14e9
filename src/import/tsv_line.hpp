#pragma once
// Private to import: one line of a tab-separated file (event files, the reference tables): its
// text checked (valid UTF-8, no control character but tab) and its fields split at tabs, without
// allocating per line.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bilateral::io::detail {

/// The first control character of `line` other than tab (U+0000..U+001F; a CR before the line
/// end is already gone), or npos. No field of an event file holds one: a NUL or a stray control
/// byte means a binary or damaged file.
std::size_t findControl(std::string_view line) noexcept;
/// "not valid UTF-8" / "control character U+0001 in field 4" when `line` is not plain text
/// (empty when it is): the check the event importers make on every line.
std::string textProblem(std::string_view line);

/// Splits `line` at tabs into `out` (cleared first); returns the number of fields.
std::size_t splitTabs(std::string_view line, std::vector<std::string_view>& out);

}  // namespace bilateral::io::detail
