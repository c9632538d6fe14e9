#pragma once
// Words, numbers and punctuation with their code point offsets, and the sentences they form.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace bilateral::draft {

enum class TokenType : std::uint8_t { Word, Number, Punct };

struct Token {
    int start = 0, end = 0;  ///< [start, end) in code points of the text
    TokenType type = TokenType::Punct;
    std::string fold;      ///< folded (text.hpp): "dato'", "lunedi", "dell'"
    bool cap = false;      ///< a word whose first letter is upper case
    bool allCaps = false;  ///< a word of two letters or more, all upper case
    int breaksBefore = 0;  ///< line ends between the previous token and this one
    int value = -1;        ///< a number's value (its leading digits: "1st" 1, "2025" 2025)
    [[nodiscard]] bool is(std::string_view folded) const noexcept { return fold == folded; }
    [[nodiscard]] bool word() const noexcept { return type == TokenType::Word; }
};

/// The text's tokens. Words keep inner hyphens ("Ji-hoon") and dotted abbreviations ("S.p.A.",
/// "U.S."); an Italian elision is its own token ("dell'", "l'"), as is an English possessive
/// ("Malaysia", "’s"); a word ending in an apostrophe keeps it ("Dato’").
std::vector<Token> tokenize(std::u32string_view text);

/// A sentence: tokens [first, last).
struct Sentence {
    int first = 0, last = 0;
};

/// Sentences: ended by . ! ? before a capitalized word or a number (not after one of
/// `abbreviations`, folded words that take a dot such as "hon" or "jan", nor after an initial),
/// by a blank line, and by a line end unless the next line goes on in lower case.
std::vector<Sentence> sentences(const std::vector<Token>& tokens,
                                const std::unordered_set<std::string>& abbreviations);

}  // namespace bilateral::draft
