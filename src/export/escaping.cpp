// Text escaping of the export formats (writers.hpp): invalid UTF-8 replaced, XML 1.0 text and
// attribute values, DOT strings (whose backslash escaping is model's, shared with JSON).

#include <cstdint>
#include <string>
#include <string_view>

#include "bilateral/export/writers.hpp"
#include "bilateral/model/escape.hpp"
#include "bilateral/model/utf8.hpp"

namespace bilateral::io {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr char32_t kInvalid = model::kInvalidCodePoint;

char32_t next(std::string_view s, std::size_t& i) noexcept {
    return model::nextCodePoint(s, i);
}

bool isBidiControl(char32_t c) noexcept {
    return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

/// Characters XML 1.0 cannot carry even as a character reference.
bool notXmlChar(char32_t c) noexcept {
    if (c < 0x20) return c != 0x09 && c != 0x0A && c != 0x0D;
    return c == 0xFFFE || c == 0xFFFF;
}

bool isXmlSpace(char32_t c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void appendHexRef(std::string& out, char32_t c) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    out += "&#x";
    bool started = false;
    for (int shift = 20; shift >= 0; shift -= 4) {
        const auto d = (c >> shift) & 0xF;
        if (d || started || shift == 0) {
            out += kHex[d];
            started = true;
        }
    }
    out += ';';
}

}  // namespace

std::string sanitizeUtf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto start = i;
        if (next(text, i) == kInvalid)
            out += kReplacement;
        else
            out.append(text.substr(start, i - start));
    }
    return out;
}

std::string xmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    char32_t prev = 0;  // 0: start of the text
    for (std::size_t i = 0; i < text.size();) {
        const auto start = i;
        const char32_t c = next(text, i);
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            case '\t':
                out += "&#9;";
                break;
            case '\n':
                out += "&#10;";
                break;
            case '\r':
                out += "&#13;";
                break;
            case ' ': {
                // A lone space between two other characters survives every reader; leading,
                // trailing and repeated spaces would be trimmed or collapsed by readers that
                // normalise whitespace (Boost's read_graphml does), references never are.
                std::size_t j = i;
                const bool last = j >= text.size();
                const char32_t after = last ? 0 : next(text, j);
                if (prev == 0 || isXmlSpace(prev) || last || isXmlSpace(after))
                    out += "&#32;";
                else
                    out += ' ';
                break;
            }
            default:
                if (c == kInvalid || notXmlChar(c))
                    out += kReplacement;
                else if (isBidiControl(c))
                    appendHexRef(out, c);
                else
                    out.append(text.substr(start, i - start));
        }
        prev = c == 0 ? 0xFFFD : c;
    }
    return out;
}

std::string dotEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    model::appendBackslashEscaped(out, sanitizeUtf8(text), model::QuotedStyle::Dot);
    return out;
}

}  // namespace bilateral::io
