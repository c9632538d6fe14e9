#pragma once
// UTF-8, decoded in one place: the writers' escaping and the error messages use it.

#include <cstddef>
#include <string>
#include <string_view>

namespace bilateral::model {

/// What nextCodePoint returns for a byte that does not start a valid sequence.
inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

/// Decodes the code point at `i` and advances `i` past it. An invalid sequence (a stray
/// continuation byte, an overlong form, a surrogate, past U+10FFFF, cut short) yields
/// kInvalidCodePoint and advances by one byte, so each bad byte is seen once.
char32_t nextCodePoint(std::string_view s, std::size_t& i) noexcept;

/// Whether `s` is well-formed UTF-8: nextCodePoint finds no invalid sequence in it (ASCII is
/// checked eight bytes at a time: the event importers check every line).
bool validUtf8(std::string_view s) noexcept;

/// `text` as valid UTF-8 that shows every byte: each byte of an invalid sequence becomes
/// `\xFF`, and control characters other than tab become `\x01` (a backslash stays as it is).
std::string escapeForDisplay(std::string_view text);

/// Terminal columns of one code point, by the wcwidth rules without a locale: 0 for combining
/// marks, zero-width and bidi format characters (and controls, which should be shown escaped);
/// 2 for East Asian Wide and Fullwidth characters (CJK, Hangul, kana, fullwidth forms, emoji);
/// 1 otherwise. The ranges are the main blocks of Unicode 15, not every code point: a short
/// table rather than a dependency (libc's wcwidth depends on the locale).
int codePointWidth(char32_t c) noexcept;

/// Terminal columns of UTF-8 text: the sum of codePointWidth; each invalid byte counts 1.
std::size_t displayWidth(std::string_view text) noexcept;

}  // namespace bilateral::model
