// UTF-8 checked in one place (model::validUtf8, on model::nextCodePoint) and the one backslash
// escaping of JSON and DOT strings (model::appendBackslashEscaped).

#include <gtest/gtest.h>

#include <string>

#include "bilateral/model/escape.hpp"
#include "bilateral/model/utf8.hpp"

using bilateral::model::appendBackslashEscaped;
using bilateral::model::QuotedStyle;
using bilateral::model::validUtf8;

namespace {

std::string escaped(std::string_view s, QuotedStyle style) {
    std::string out = "<";
    appendBackslashEscaped(out, s, style);
    return out + ">";
}

}  // namespace

TEST(ValidUtf8, AcceptsAsciiAndWellFormedSequencesOfEveryLength) {
    EXPECT_TRUE(validUtf8(""));
    EXPECT_TRUE(validUtf8("Anwar Ibrahim\tKuala Lumpur, a row longer than eight bytes"));
    EXPECT_TRUE(validUtf8("Taj\xC3\xA0ni"));      // U+00E0, two bytes
    EXPECT_TRUE(validUtf8("\xE2\x80\x93 dash"));  // U+2013, three bytes
    EXPECT_TRUE(
        validUtf8("12345678\xF0\x9F\x98\x80"
                  "end"));                       // U+1F600 after an ASCII block
    EXPECT_TRUE(validUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
}

TEST(ValidUtf8, RefusesStrayOverlongSurrogateTooHighAndCutShortSequences) {
    EXPECT_FALSE(validUtf8("abc\x80"));               // a stray continuation byte
    EXPECT_FALSE(validUtf8("\xC0\xAF"));              // overlong '/'
    EXPECT_FALSE(validUtf8("\xE0\x80\xAF"));          // overlong, three bytes
    EXPECT_FALSE(validUtf8("\xED\xA0\x80"));          // U+D800, a surrogate
    EXPECT_FALSE(validUtf8("\xF4\x90\x80\x80"));      // past U+10FFFF
    EXPECT_FALSE(validUtf8("\xF8\x88\x80\x80\x80"));  // five bytes
    EXPECT_FALSE(validUtf8("eight by\xE2\x80"));      // cut short at the end
    EXPECT_FALSE(
        validUtf8("Taj\xC3"
                  "ani and more text"));  // cut short by ASCII
}

TEST(BackslashEscaped, EscapesQuotesAndBackslashesAndControlsAsEachFormatSays) {
    struct Case {
        std::string_view text;
        QuotedStyle style;
        std::string_view escaped;
    };
    using enum QuotedStyle;
    const Case cases[] = {
        {"plain é text", Json, "<plain é text>"},
        {"say \"hi\" \\ bye", Json, "<say \\\"hi\\\" \\\\ bye>"},
        {"say \"hi\" \\ bye", Dot, "<say \\\"hi\\\" \\\\ bye>"},
        // JSON: \n \r \t, the other controls as \u00XX; DEL is no control to JSON.
        {"a\nb\rc\td", Json, "<a\\nb\\rc\\td>"},
        {std::string_view("\0\x01\x1F\x7F", 4), Json, "<\\u0000\\u0001\\u001f\x7F>"},
        // DOT: every line break (LF, CR LF, CR) one \n, tab as it is, other controls U+FFFD.
        {"a\nb\r\nc\rd", Dot, "<a\\nb\\nc\\nd>"},
        {"tab\there", Dot, "<tab\there>"},
        {std::string_view("\0x\x01\x7F", 4), Dot, "<\xEF\xBF\xBDx\xEF\xBF\xBD\xEF\xBF\xBD>"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(escaped(c.text, c.style), c.escaped) << (c.style == Json ? "JSON " : "DOT ");
    }
}
