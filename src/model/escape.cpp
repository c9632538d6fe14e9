#include "bilateral/model/escape.hpp"

namespace bilateral::model {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool plain(unsigned char c, QuotedStyle style) noexcept {
    return c >= 0x20 && c != '"' && c != '\\' && !(c == 0x7F && style == QuotedStyle::Dot);
}

}  // namespace

void appendBackslashEscaped(std::string& out, std::string_view s, QuotedStyle style) {
    static constexpr char kHex[] = "0123456789abcdef";
    const bool dot = style == QuotedStyle::Dot;
    std::size_t run = 0;  // start of the pending run of bytes that need no escape
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (plain(c, style)) continue;
        out.append(s.data() + run, i - run);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                if (!dot) {
                    out += "\\r";
                    break;
                }
                if (i + 1 < s.size() && s[i + 1] == '\n') ++i;  // CR LF: one line break
                out += "\\n";
                break;
            case '\t':
                out += dot ? "\t" : "\\t";
                break;
            default:
                if (dot) {
                    out += kReplacement;
                } else {
                    out += "\\u00";
                    out += kHex[c >> 4];
                    out += kHex[c & 0xF];
                }
        }
        run = i + 1;
    }
    out.append(s.data() + run, s.size() - run);
}

}  // namespace bilateral::model
