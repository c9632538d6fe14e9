#pragma once
// Offered to the modules above model (not installed): the one backslash escaping of quoted
// strings, for the two formats the library writes that way — JSON strings (the attributes the
// event importers store) and Graphviz DOT strings (the DOT export).

#include <string>
#include <string_view>

namespace bilateral::model {

/// How a backslash-escaped string writes the characters its format cannot carry as they are.
enum class QuotedStyle {
    /// JSON (RFC 8259): line feed, carriage return and tab as \n \r \t, the other control
    /// characters (U+0000..U+001F) as \u00XX.
    Json,
    /// Graphviz DOT: a line break (LF, CR LF or a lone CR) as \n, tab as it is, the other
    /// control characters and DEL as U+FFFD.
    Dot,
};

/// Appends `text` (valid UTF-8) between no quotes, with `"` and `\` escaped by a backslash and
/// control characters written as `style` says. Runs of plain bytes are copied as they are.
void appendBackslashEscaped(std::string& out, std::string_view text, QuotedStyle style);

}  // namespace bilateral::model
