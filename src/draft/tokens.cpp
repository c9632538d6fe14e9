#include "tokens.hpp"

#include <array>

#include "text.hpp"

namespace bilateral::draft {
namespace {

/// Italian articles and prepositions that elide before a vowel ("dell'Industria").
constexpr std::array<std::string_view, 24> kElisions{
    "l", "dell", "all", "dall", "nell", "sull", "coll", "un",   "d",  "quest", "quell", "c",
    "s", "m",    "t",   "v",    "n",    "bell", "sant", "tutt", "po", "senz",  "anch",  "com"};

bool isElision(std::string_view folded) {
    for (const auto e : kElisions) {
        if (e == folded) return true;
    }
    return false;
}

bool isJoiningHyphen(char32_t c) {
    return c == U'-' || c == U'\u2010' || c == U'\u2011';
}

struct Scanner {
    std::u32string_view text;
    std::vector<Token> out;
    int breaks = 0;

    void push(std::size_t start, std::size_t end, TokenType type) {
        Token t;
        t.start = static_cast<int>(start);
        t.end = static_cast<int>(end);
        t.type = type;
        const auto s = text.substr(start, end - start);
        t.fold = fold(s);
        t.breaksBefore = breaks;
        breaks = 0;
        if (type == TokenType::Word) {
            int letters = 0, upper = 0;
            for (const char32_t c : s) {
                if (!isLetter(c)) continue;
                ++letters;
                if (isUpper(c)) ++upper;
            }
            t.cap = isUpper(s[0]);
            t.allCaps = letters >= 2 && upper == letters;
        } else if (type == TokenType::Number) {
            t.value = 0;
            for (const char32_t c : s) {
                if (c < U'0' || c > U'9' || t.value > 100000) break;
                t.value = t.value * 10 + static_cast<int>(c - U'0');
            }
        }
        out.push_back(std::move(t));
    }

    [[nodiscard]] bool letterAt(std::size_t i) const {
        return i < text.size() && isLetter(text[i]);
    }

    /// A word from `i`; returns its end.
    std::size_t word(std::size_t i) {
        const std::size_t start = i;
        while (i < text.size()) {
            const char32_t c = text[i];
            if (isLetter(c) || isDigit(c) || u_combining(c)) {
                ++i;
            } else if ((isJoiningHyphen(c) || c == U'.') && letterAt(i + 1) && i > start) {
                i += 1;  // inner hyphen or dotted abbreviation ("S.p.A", then its last dot)
                if (c == U'.') dotted = true;
            } else if (isApostrophe(c) && letterAt(i + 1)) {
                const std::string before = fold(text.substr(start, i - start));
                if (isElision(before)) {
                    push(start, i + 1, TokenType::Word);
                    return i + 1;
                }
                if ((text[i + 1] == U's' || text[i + 1] == U'S') && !letterAt(i + 2)) {
                    push(start, i, TokenType::Word);
                    push(i, i + 2, TokenType::Word);
                    return i + 2;
                }
                ++i;
            } else if (isApostrophe(c)) {
                ++i;  // "Dato’"
                break;
            } else {
                break;
            }
        }
        if (dotted && i < text.size() && text[i] == U'.') ++i;
        dotted = false;
        push(start, i, TokenType::Word);
        return i;
    }

    std::size_t number(std::size_t i) {
        const std::size_t start = i;
        while (i < text.size()) {
            if (isDigit(text[i])) {
                ++i;
            } else if ((text[i] == U',' || text[i] == U'.') && i + 1 < text.size() &&
                       isDigit(text[i + 1])) {
                i += 1;
            } else {
                break;
            }
        }
        // Ordinals: 1st, 2nd, 3rd, 4th.
        if (i + 1 < text.size() && isLetter(text[i]) && isLetter(text[i + 1]) && !letterAt(i + 2)) {
            const std::string suffix = fold(text.substr(i, 2));
            if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") i += 2;
        }
        push(start, i, TokenType::Number);
        return i;
    }

    static bool u_combining(char32_t c);
    bool dotted = false;
};

bool Scanner::u_combining(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || c == 0x00AD;  // combining diacritics, soft hyphen
}

}  // namespace

std::vector<Token> tokenize(std::u32string_view text) {
    Scanner s{text, {}, 0};
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t c = text[i];
        if (c == U'\n') {
            ++s.breaks;
            ++i;
        } else if (isSpace(c) || c == U'\u00A0') {
            ++i;
        } else if (isLetter(c)) {
            i = s.word(i);
        } else if (isDigit(c)) {
            i = s.number(i);
        } else {
            s.push(i, i + 1, TokenType::Punct);
            ++i;
        }
    }
    return std::move(s.out);
}

namespace {

bool endsSentence(const Token& t) {
    return t.is(".") || t.is("!") || t.is("?") || t.is("\u2026");
}

bool closesQuote(const Token& t) {
    return t.is("\"") || t.is("\u201d") || t.is("'") || t.is(")") || t.is("\u00bb");
}

bool isAbbreviation(const Token& word, const std::unordered_set<std::string>& abbreviations) {
    if (!word.word()) return false;
    if (abbreviations.count(word.fold)) return true;
    return word.fold.size() == 1 && word.cap;  // an initial: "J. Smith"
}

}  // namespace

std::vector<Sentence> sentences(const std::vector<Token>& tokens,
                                const std::unordered_set<std::string>& abbreviations) {
    std::vector<Sentence> out;
    const int n = static_cast<int>(tokens.size());
    int first = 0;
    auto cut = [&](int at) {
        if (at > first) out.push_back({first, at});
        first = at;
    };
    for (int i = 0; i < n; ++i) {
        const Token& t = tokens[i];
        if (i > first && t.breaksBefore > 0) {
            const Token& prev = tokens[i - 1];
            const bool goesOn =
                t.breaksBefore == 1 && t.word() && !t.cap && !endsSentence(prev) && !prev.is(":");
            if (!goesOn) cut(i);
        }
        if (!endsSentence(t)) continue;
        int end = i + 1;
        while (end < n && closesQuote(tokens[end]) && tokens[end].breaksBefore == 0) ++end;
        if (end >= n) continue;
        const Token& next = tokens[end];
        const bool startsNew = next.breaksBefore > 0 || next.cap ||
                               next.type == TokenType::Number || next.is("\"") ||
                               next.is("\u201c") || next.is("\u00ab");
        const bool abbreviation = t.is(".") && i > 0 && tokens[i - 1].end == t.start &&
                                  isAbbreviation(tokens[i - 1], abbreviations);
        if (startsNew && !abbreviation) cut(end);
    }
    cut(n);
    return out;
}

}  // namespace bilateral::draft
