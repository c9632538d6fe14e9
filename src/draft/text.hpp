#pragma once
// The article's text as code points: decoding, HTML read as text, and the character classes and
// folding the rules compare words by (ICU's character properties and normalization).

#include <string>
#include <string_view>

namespace bilateral::draft {

/// UTF-8 bytes as code points. Throws ParseError naming `file` and the line and byte of the
/// first invalid sequence. A byte-order mark at the start is dropped (it is not text).
std::u32string decodeUtf8(std::string_view bytes, const std::string& file = "article");

/// HTML read as text: tags dropped (the contents of <script>, <style> and <head> too), entities
/// decoded, block elements (p, div, br, li, h1-h6, tr, title) ending a line, and runs of spaces
/// and line ends inside a block folded as a browser shows them.
std::u32string htmlToText(std::u32string_view html);

std::string toUtf8(std::u32string_view text);
std::u32string fromUtf8(std::string_view text);  ///< for tables and tests (valid UTF-8)

bool isLetter(char32_t c) noexcept;
bool isUpper(char32_t c) noexcept;       ///< uppercase or titlecase letter
bool isDigit(char32_t c) noexcept;       ///< a decimal digit (0-9 and other scripts')
bool isSpace(char32_t c) noexcept;       ///< white space, line ends included
bool isApostrophe(char32_t c) noexcept;  ///< ' ’ ‘ ʼ `
bool isDash(char32_t c) noexcept;        ///< - ‐ ‑ ‒ – — ―

/// The form words are compared in: lower case, accents taken off (NFD without combining marks),
/// every apostrophe as ', every dash as -. "Dato’ Seri" -> "dato' seri", "Lunedì" -> "lunedi".
std::string fold(std::u32string_view text);

/// A slug for ids: folded, letters and digits kept, anything else one '-'.
std::string slug(std::string_view utf8);

}  // namespace bilateral::draft
