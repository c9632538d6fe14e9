#include "bilateral/model/utf8.hpp"

namespace bilateral::model {

char32_t nextCodePoint(std::string_view s, std::size_t& i) noexcept {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    int len = 0;
    char32_t cp = 0, min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
        min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
        min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
        min = 0x10000;
    } else {
        ++i;
        return kInvalidCodePoint;
    }
    if (i + static_cast<std::size_t>(len) > s.size()) {
        ++i;
        return kInvalidCodePoint;
    }
    for (int k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if ((b & 0xC0) != 0x80) {
            ++i;
            return kInvalidCodePoint;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return kInvalidCodePoint;
    }
    i += static_cast<std::size_t>(len);
    return cp;
}

std::string escapeForDisplay(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto start = i;
        const char32_t c = nextCodePoint(text, i);
        if (c == kInvalidCodePoint || (c < 0x20 && c != '\t') || c == 0x7F) {
            const auto b = static_cast<unsigned char>(text[start]);
            out += "\\x";
            out += kHex[b >> 4];
            out += kHex[b & 0xF];
        } else {
            out.append(text.substr(start, i - start));
        }
    }
    return out;
}

}  // namespace bilateral::model
