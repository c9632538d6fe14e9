#pragma once
// Private to io: cheap checks on JSON text before it reaches the parser.
//
// nlohmann's parser keeps a frame per open bracket (and our pointer tracker another), so a
// document of a million `[` costs hundreds of megabytes before the first error is found, and any
// code that later walks the value recursively could overflow the stack. Real datasets nest about
// six levels deep and their longest strings are quoted passages of a few kilobytes; anything
// past the limits is refused before parsing, naming the line and column where it starts.

#include <cstddef>
#include <string>
#include <string_view>

namespace bilateral::io::detail {

/// How deep a dataset document may nest (objects and arrays together).
inline constexpr std::size_t kMaxJsonDepth = 64;
/// How long one string of a dataset document may be, in bytes of the file (escapes included).
inline constexpr std::size_t kMaxJsonStringBytes = std::size_t{1} << 20;

struct JsonLimits {
    std::size_t depth = kMaxJsonDepth;
    std::size_t stringBytes = kMaxJsonStringBytes;
};

/// Throws ParseError(file, "line L, column C", reason) at the first `[` or `{` that opens level
/// `depth + 1` ("nesting deeper than N"), at the opening quote of the first string longer than
/// `stringBytes` ("a string longer than N bytes"), or at the first number beyond a double's
/// range (which nlohmann's parser refuses without saying where). Brackets inside strings do not
/// count; the text is not otherwise validated (the parser does that). Lines and columns are
/// 1-based, columns count bytes.
void checkJsonLimits(std::string_view text, const std::string& file, JsonLimits limits = {});

/// The depth check alone.
void checkJsonDepth(std::string_view text, const std::string& file,
                    std::size_t maxDepth = kMaxJsonDepth);

}  // namespace bilateral::io::detail
