#pragma once
// Private to io: cheap checks on JSON text before it reaches the parser.
//
// nlohmann's parser keeps a frame per open bracket (and our pointer tracker another), so a
// document of a million `[` costs hundreds of megabytes before the first error is found, and any
// code that later walks the value recursively could overflow the stack. Real datasets nest about
// six levels deep; anything past the limit is refused before parsing.

#include <cstddef>
#include <string>
#include <string_view>

namespace bilateral::io::detail {

/// How deep a dataset document may nest (objects and arrays together).
inline constexpr std::size_t kMaxJsonDepth = 64;

/// Throws ParseError(file, "line L, column C", "nesting deeper than N") at the first `[` or `{`
/// that opens level N + 1. Brackets inside strings do not count; the text is not otherwise
/// validated (the parser does that). Lines and columns are 1-based, columns count bytes.
void checkJsonDepth(std::string_view text, const std::string& file,
                    std::size_t maxDepth = kMaxJsonDepth);

}  // namespace bilateral::io::detail
