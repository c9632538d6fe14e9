#include <gtest/gtest.h>

#include <string>

#include "../../src/io/json_guard.hpp"
#include "bilateral/error.hpp"

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
