#include "bilateral/model/utf8.hpp"

#include <cstdint>
#include <cstring>

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

bool validUtf8(std::string_view s) noexcept {
    std::size_t i = 0;
    while (i < s.size()) {
        if (s.size() - i >= 8) {
            std::uint64_t w;
            std::memcpy(&w, s.data() + i, 8);
            if ((w & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        if (nextCodePoint(s, i) == kInvalidCodePoint) return false;
    }
    return true;
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

namespace {

struct Range {
    char32_t first, last;
};

// Characters that take no column: combining marks of the common scripts (Latin, Greek, Cyrillic,
// Hebrew, Arabic, Devanagari, Thai, kana voicing marks), zero-width spaces and joiners, bidi
// controls, variation selectors and the byte order mark.
constexpr Range kZeroWidth[] = {
    {0x00AD, 0x00AD}, {0x0300, 0x036F},   {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
    {0x05C1, 0x05C2}, {0x05C4, 0x05C5},   {0x05C7, 0x05C7}, {0x0610, 0x061A}, {0x064B, 0x065F},
    {0x0670, 0x0670}, {0x06D6, 0x06DC},   {0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED},
    {0x0900, 0x0902}, {0x093A, 0x093A},   {0x093C, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D},
    {0x0951, 0x0957}, {0x0962, 0x0963},   {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E},
    {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},   {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064},
    {0x20D0, 0x20FF}, {0x302A, 0x302D},   {0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},
    {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

// East Asian Wide (W) and Fullwidth (F) blocks.
constexpr Range kWide[] = {
    {0x1100, 0x115F},    // Hangul Jamo initial consonants
    {0x2329, 0x232A},    // angle brackets
    {0x2E80, 0x303E},    // CJK radicals, Kangxi, ideographic description, CJK punctuation
    {0x3041, 0x33FF},    // kana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
    {0x3400, 0x4DBF},    // CJK Extension A
    {0x4E00, 0x9FFF},    // CJK Unified Ideographs
    {0xA000, 0xA4CF},    // Yi
    {0xA960, 0xA97F},    // Hangul Jamo Extended-A
    {0xAC00, 0xD7A3},    // Hangul syllables
    {0xF900, 0xFAFF},    // CJK compatibility ideographs
    {0xFE10, 0xFE19},    // vertical forms
    {0xFE30, 0xFE6F},    // CJK compatibility forms, small form variants
    {0xFF00, 0xFF60},    // fullwidth forms
    {0xFFE0, 0xFFE6},    // fullwidth signs
    {0x1F300, 0x1F64F},  // pictographs, emoticons
    {0x1F900, 0x1F9FF},  // supplemental symbols and pictographs
    {0x20000, 0x2FFFD},  // CJK Extensions B-F, compatibility supplement
    {0x30000, 0x3FFFD},  // CJK Extension G and later
};

template <std::size_t N>
bool within(const Range (&table)[N], char32_t c) noexcept {
    for (const auto& r : table) {
        if (c < r.first) return false;  // the tables are sorted
        if (c <= r.last) return true;
    }
    return false;
}

}  // namespace

int codePointWidth(char32_t c) noexcept {
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
    if (c < 0x300) return c == 0x00AD ? 0 : 1;
    if (within(kZeroWidth, c)) return 0;
    return within(kWide, c) ? 2 : 1;
}

std::size_t displayWidth(std::string_view text) noexcept {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = nextCodePoint(text, i);
        n += c == kInvalidCodePoint ? 1 : static_cast<std::size_t>(codePointWidth(c));
    }
    return n;
}

}  // namespace bilateral::model
