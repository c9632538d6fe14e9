#include "field_values.hpp"

#include <algorithm>
#include <charconv>
#include <system_error>

namespace bilateral::io::detail {

namespace {
bool isDigit(char c) noexcept {
    return c >= '0' && c <= '9';
}

/// Length of the longest prefix of `s` that is a decimal in JSON's grammar, or 0.
std::size_t jsonNumberLength(std::string_view s) noexcept {
    std::size_t i = 0;
    const std::size_t n = s.size();
    if (i < n && s[i] == '-') ++i;
    if (i >= n || !isDigit(s[i])) return 0;
    if (s[i] == '0') {
        ++i;
    } else {
        while (i < n && isDigit(s[i])) ++i;
    }
    if (i < n && s[i] == '.') {
        ++i;
        if (i >= n || !isDigit(s[i])) return 0;
        while (i < n && isDigit(s[i])) ++i;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        if (i >= n || !isDigit(s[i])) return 0;
        while (i < n && isDigit(s[i])) ++i;
    }
    return i;
}
}  // namespace

bool parseInt64(std::string_view s, std::int64_t& out) noexcept {
    if (s.empty() || s.front() == '+') return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

bool isJsonNumber(std::string_view s) noexcept {
    return !s.empty() && jsonNumberLength(s) == s.size();
}

bool parseDecimal(std::string_view s, double& out) noexcept {
    // The grammar: optional '-', digits, optional '.digits' (leading zeros and a bare ".5" or
    // "5." are accepted too, as spreadsheets write them), optional exponent.
    std::size_t i = 0;
    const std::size_t n = s.size();
    if (i < n && s[i] == '-') ++i;
    std::size_t digits = 0;
    while (i < n && isDigit(s[i])) ++i, ++digits;
    if (i < n && s[i] == '.') {
        ++i;
        while (i < n && isDigit(s[i])) ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        if (i >= n || !isDigit(s[i])) return false;
        while (i < n && isDigit(s[i])) ++i;
    }
    if (i != n) return false;
    const auto r = std::from_chars(s.data(), s.data() + n, out);
    return r.ec == std::errc{} && r.ptr == s.data() + n;
}

bool allDigits(std::string_view s) noexcept {
    return !s.empty() && std::all_of(s.begin(), s.end(), isDigit);
}

namespace {
/// The number `n` digits at `p` make, or -1 when one is not a digit.
int digits(const char* p, int n) noexcept {
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (!isDigit(p[i])) return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}
}  // namespace

std::optional<model::DayNumber> parseIsoDay(std::string_view s) noexcept {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    return model::dayNumberOf(digits(s.data(), 4), digits(s.data() + 5, 2),
                              digits(s.data() + 8, 2));
}

std::optional<model::DayNumber> parseCompactDay(std::string_view s) noexcept {
    if (s.size() != 8) return std::nullopt;
    return model::dayNumberOf(digits(s.data(), 4), digits(s.data() + 4, 2),
                              digits(s.data() + 6, 2));
}

}  // namespace bilateral::io::detail
