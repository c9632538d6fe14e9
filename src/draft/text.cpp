#include "text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <utility>

#include "bilateral/error.hpp"
#include "bilateral/model/utf8.hpp"

namespace bilateral::draft {

std::u32string decodeUtf8(std::string_view bytes, const std::string& file) {
    std::u32string out;
    out.reserve(bytes.size());
    std::size_t i = 0;
    if (bytes.starts_with("\xEF\xBB\xBF")) i = 3;
    std::size_t line = 1, lineStart = 0;
    while (i < bytes.size()) {
        const std::size_t at = i;
        const char32_t c = model::nextCodePoint(bytes, i);
        if (c == model::kInvalidCodePoint) {
            throw ParseError(
                file,
                "line " + std::to_string(line) + ", byte " + std::to_string(at - lineStart + 1),
                "invalid UTF-8 (the article must be UTF-8 text)");
        }
        if (c == U'\n') {
            ++line;
            lineStart = i;
        }
        out.push_back(c);
    }
    return out;
}

std::string toUtf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char32_t c : text) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

std::u32string fromUtf8(std::string_view text) {
    std::u32string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t c = model::nextCodePoint(text, i);
        out.push_back(c == model::kInvalidCodePoint ? U'\uFFFD' : c);
    }
    return out;
}

bool isLetter(char32_t c) noexcept {
    return u_isUAlphabetic(static_cast<UChar32>(c)) != 0;
}
bool isUpper(char32_t c) noexcept {
    return u_isUUppercase(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
bool isDigit(char32_t c) noexcept {
    return u_isdigit(static_cast<UChar32>(c)) != 0;
}
bool isSpace(char32_t c) noexcept {
    return u_isUWhiteSpace(static_cast<UChar32>(c)) != 0;
}
bool isApostrophe(char32_t c) noexcept {
    return c == U'\'' || c == U'\u2019' || c == U'\u2018' || c == U'\u02BC' || c == U'`';
}
bool isDash(char32_t c) noexcept {
    return c == U'-' || (c >= U'\u2010' && c <= U'\u2015') || c == U'\u2212';
}

std::string fold(std::u32string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    std::u32string out;
    out.reserve(text.size());
    for (const char32_t c : text) {
        if (isApostrophe(c)) {
            out.push_back(U'\'');
            continue;
        }
        if (isDash(c)) {
            out.push_back(U'-');
            continue;
        }
        if (c < 0x80 || U_FAILURE(status)) {
            out.push_back(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
            continue;
        }
        icu::UnicodeString decomposed;
        nfd->normalize(icu::UnicodeString(static_cast<UChar32>(c)), decomposed, status);
        for (int32_t k = 0; k < decomposed.length();) {
            const UChar32 d = decomposed.char32At(k);
            k += U16_LENGTH(d);
            if (u_getCombiningClass(d) == 0 && u_charType(d) != U_NON_SPACING_MARK) {
                out.push_back(static_cast<char32_t>(u_tolower(d)));
            }
        }
    }
    return toUtf8(out);
}

std::string slug(std::string_view utf8) {
    const std::string folded = fold(fromUtf8(utf8));
    std::string out;
    bool dash = false;
    for (const char c : folded) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) {
            if (dash && !out.empty()) out.push_back('-');
            out.push_back(c);
            dash = false;
        } else {
            dash = true;
        }
    }
    return out;
}

}  // namespace bilateral::draft
