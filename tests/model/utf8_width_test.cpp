// Display width of UTF-8 text (model::displayWidth), which the CLI's tables align by: CJK and
// fullwidth characters take two columns, combining marks and zero-width characters none.

#include <gtest/gtest.h>

#include "bilateral/model/utf8.hpp"

using bilateral::model::codePointWidth;
using bilateral::model::displayWidth;

TEST(DisplayWidth, AsciiTakesOneColumnEach) {
    EXPECT_EQ(displayWidth(""), 0u);
    EXPECT_EQ(displayWidth("Anwar Ibrahim"), 13u);
}

TEST(DisplayWidth, AccentsTakeOneColumnPrecomposedOrCombined) {
    EXPECT_EQ(displayWidth("Tajàni"), 6u);                  // U+00E0
    EXPECT_EQ(displayWidth("Taja\xCC\x80ni"), 6u);          // a + U+0300
    EXPECT_EQ(displayWidth("Ng\xE1\xBB\x8D\xCC\x81"), 3u);  // U+1ECD + U+0301
}

TEST(DisplayWidth, WideCharactersTakeTwoColumns) {
    EXPECT_EQ(displayWidth("习近平"), 6u);            // CJK unified ideographs
    EXPECT_EQ(displayWidth("김정은"), 6u);            // Hangul syllables
    EXPECT_EQ(displayWidth("カタカナ"), 8u);          // katakana
    EXPECT_EQ(displayWidth("ＡＢ"), 4u);              // fullwidth forms
    EXPECT_EQ(displayWidth("\xF0\x9F\x99\x82"), 2u);  // U+1F642 emoji
    EXPECT_EQ(displayWidth("Xi 习"), 5u);
}

TEST(DisplayWidth, ZeroWidthAndControlCharactersTakeNone) {
    EXPECT_EQ(codePointWidth(0x200B), 0);  // zero width space
    EXPECT_EQ(codePointWidth(0xFEFF), 0);  // byte order mark
    EXPECT_EQ(codePointWidth(0x07), 0);
    EXPECT_EQ(codePointWidth(0x85), 0);    // C1 control
    EXPECT_EQ(codePointWidth(0x3099), 0);  // combining kana voiced mark, inside a wide block
    EXPECT_EQ(codePointWidth(0x0627), 1);  // Arabic alef
    EXPECT_EQ(codePointWidth(0x0E01), 1);  // Thai ko kai
}

TEST(DisplayWidth, AnInvalidByteCountsOne) {
    EXPECT_EQ(displayWidth("a\xFF"
                           "b"),
              3u);
    EXPECT_EQ(displayWidth("\xE4\xB9"), 2u);  // a cut-short sequence: two bad bytes
}
