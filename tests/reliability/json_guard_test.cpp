#include <gtest/gtest.h>

#include <string>

#include "bilateral/error.hpp"
#include "json_guard.hpp"

using bilateral::ParseError;
using bilateral::io::detail::checkJsonDepth;

TEST(JsonDepth, AcceptsNestingUpToTheLimit) {
    const std::string ok = std::string(64, '[') + std::string(64, ']');
    EXPECT_NO_THROW(checkJsonDepth(ok, "f.json", 64));
    EXPECT_NO_THROW(checkJsonDepth(R"({"a": [{"b": {"c": [1, 2]}}]})", "f.json", 5));
}

TEST(JsonDepth, RefusesTheFirstBracketPastTheLimitNamingItsLineAndColumn) {
    const std::string text = "{\n  \"a\": [[[1]]]\n}";
    try {
        checkJsonDepth(text, "deep.json", 3);
        FAIL() << "expected a ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), "deep.json");
        EXPECT_EQ(e.location(), "line 2, column 10");
        EXPECT_EQ(e.reason(), "nesting deeper than 3");
    }
}

TEST(JsonDepth, IgnoresBracketsInsideStringsAndEscapedQuotes) {
    const std::string text = R"({"a": "[[[[[[\"[[[[", "b": ["\\", "{{{{"]})";
    EXPECT_NO_THROW(checkJsonDepth(text, "f.json", 2));
}

TEST(JsonDepth, RefusesAMillionLevelsQuicklyWithoutRecursion) {
    const std::string text(1'000'000, '[');
    EXPECT_THROW(checkJsonDepth(text, "million.json"), ParseError);
    const std::string objects = [] {
        std::string s;
        for (int i = 0; i < 100'000; ++i) s += "{\"a\":";
        return s;
    }();
    EXPECT_THROW(checkJsonDepth(objects, "objects.json"), ParseError);
}

TEST(JsonDepth, LeavesUnbalancedOrBrokenTextToTheParser) {
    EXPECT_NO_THROW(checkJsonDepth("]]]]}}}", "f.json", 1));
    EXPECT_NO_THROW(checkJsonDepth("\"unterminated [[[[[", "f.json", 1));
    EXPECT_NO_THROW(checkJsonDepth("", "f.json", 1));
}

using bilateral::io::detail::checkJsonLimits;

TEST(JsonLimits, RefusesAStringLongerThanTheLimitAtItsOpeningQuote) {
    const std::string ok = "{\"a\": \"" + std::string(100, 'x') + "\"}";
    EXPECT_NO_THROW(checkJsonLimits(ok, "f.json", {.depth = 64, .stringBytes = 100}));
    const std::string text = "{\n  \"a\": \"" + std::string(101, 'x') + "\"}";
    try {
        checkJsonLimits(text, "long.json", {.depth = 64, .stringBytes = 100});
        FAIL() << "expected a ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.location(), "line 2, column 8");
        EXPECT_EQ(e.reason(), "a string longer than 100 bytes");
    }
}

TEST(JsonLimits, CountsEscapesAndKeysLikeAnyOtherBytesAndStopsAtTheClosingQuote) {
    const std::string escapes = "[\"" + std::string(60, '\\') + "\"]";  // 30 escaped backslashes
    EXPECT_NO_THROW(checkJsonLimits(escapes, "f.json", {.depth = 64, .stringBytes = 60}));
    EXPECT_THROW(checkJsonLimits(escapes, "f.json", {.depth = 64, .stringBytes = 59}), ParseError);
    const std::string manyShort = "[" + std::string(1000, ' ') + "\"ab\", \"cd\"]";
    EXPECT_NO_THROW(checkJsonLimits(manyShort, "f.json", {.depth = 64, .stringBytes = 2}));
}

TEST(JsonLimits, TheDefaultsAllowWhatRealDatasetsHold) {
    const std::string quote(64 * 1024, 'q');
    EXPECT_NO_THROW(checkJsonLimits("{\"quote\": \"" + quote + "\"}", "f.json"));
    EXPECT_THROW(checkJsonLimits("{\"quote\": \"" + std::string(2 << 20, 'q') + "\"}", "f.json"),
                 ParseError);
}

TEST(JsonLimits, RefusesANumberBeyondADoublesRangeNamingWhereItIs) {
    try {
        checkJsonLimits("{\"version\": 1,\n \"x\": [1e400]}", "n.json");
        FAIL() << "expected a ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.location(), "line 2, column 8");
        EXPECT_NE(e.reason().find("out of range"), std::string::npos) << e.reason();
    }
    EXPECT_THROW(checkJsonLimits("[-2E+999]", "n.json"), ParseError);
    EXPECT_THROW(checkJsonLimits("[" + std::string(400, '9') + "]", "n.json"), ParseError);
    EXPECT_NO_THROW(
        checkJsonLimits("[1e308, -1.7e308, 1e-400, 0.5, -0, 12345678901234567890]", "n.json"));
    EXPECT_NO_THROW(checkJsonLimits("[\"1e400\"]", "n.json"));  // a string, not a number
}
