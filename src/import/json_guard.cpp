#include "json_guard.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>

#include "bilateral/error.hpp"

namespace bilateral::io::detail {
namespace {

std::string at(std::size_t line, std::size_t column) {
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

bool isNumberChar(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

/// Whether a number token is beyond a double's range (nlohmann's parser throws out_of_range
/// for those, without saying where). Only tokens with an exponent or hundreds of digits can be.
bool overflows(std::string_view token) {
    if (token.find_first_of("eE") == std::string_view::npos && token.size() < 300) return false;
    const std::string copy(token);
    char* end = nullptr;
    const double v = std::strtod(copy.c_str(), &end);
    return end != copy.c_str() && !std::isfinite(v);
}

}  // namespace

void checkJsonLimits(std::string_view text, const std::string& file, JsonLimits limits) {
    std::size_t depth = 0;
    std::size_t line = 1;
    std::size_t lineStart = 0;
    bool inString = false;
    bool escaped = false;
    std::size_t stringStart = 0, stringLine = 0, stringColumn = 0;
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
            if (inString && i - stringStart + 1 > limits.stringBytes) {
                throw ParseError(
                    file, at(stringLine, stringColumn),
                    "a string longer than " + std::to_string(limits.stringBytes) + " bytes");
            }
            continue;
        }
        switch (c) {
            case '"':
                inString = true;
                stringStart = i + 1;
                stringLine = line;
                stringColumn = i - lineStart + 1;
                break;
            case '[':
            case '{':
                if (++depth > limits.depth) {
                    throw ParseError(file, at(line, i - lineStart + 1),
                                     "nesting deeper than " + std::to_string(limits.depth));
                }
                break;
            case ']':
            case '}':
                // Unbalanced closers are the parser's to report.
                if (depth > 0) --depth;
                break;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    std::size_t end = i + 1;
                    while (end < text.size() && isNumberChar(text[end])) ++end;
                    const auto token = text.substr(i, end - i);
                    if (overflows(token)) {
                        const bool cut = token.size() > 40;
                        throw ParseError(file, at(line, i - lineStart + 1),
                                         "number " + std::string(token.substr(0, 40)) +
                                             (cut ? "..." : "") +
                                             " is out of range (beyond a double's 1.8e308)");
                    }
                    i = end - 1;
                }
                break;
        }
    }
}

void checkJsonDepth(std::string_view text, const std::string& file, std::size_t maxDepth) {
    checkJsonLimits(text, file,
                    {.depth = maxDepth, .stringBytes = std::numeric_limits<std::size_t>::max()});
}

}  // namespace bilateral::io::detail
