#include "json_guard.hpp"

#include "bilateral/error.hpp"

namespace bilateral::io::detail {

void checkJsonDepth(std::string_view text, const std::string& file, std::size_t maxDepth) {
    std::size_t depth = 0;
    std::size_t line = 1;
    std::size_t lineStart = 0;
    bool inString = false;
    bool escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            lineStart = i + 1;
        }
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
            case '"':
                inString = true;
                break;
            case '[':
            case '{':
                if (++depth > maxDepth) {
                    throw ParseError(file,
                                     "line " + std::to_string(line) + ", column " +
                                         std::to_string(i - lineStart + 1),
                                     "nesting deeper than " + std::to_string(maxDepth));
                }
                break;
            case ']':
            case '}':
                // Unbalanced closers are the parser's to report.
                if (depth > 0) --depth;
                break;
            default:
                break;
        }
    }
}

}  // namespace bilateral::io::detail
