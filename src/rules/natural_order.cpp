#include "bilateral/rules/natural_order.hpp"

#include <algorithm>

namespace bilateral::query::detail {
namespace {

constexpr bool isDigit(char c) noexcept {
    return c >= '0' && c <= '9';
}

}  // namespace

int naturalCompare(std::string_view a, std::string_view b) noexcept {
    // Equal bytes compare equal whatever they are: start where the two first differ, backed up
    // to the start of the run of digits that point is in (ids of one file share long prefixes).
    std::size_t p = 0;
    const auto common = std::min(a.size(), b.size());
    while (p < common && a[p] == b[p]) ++p;
    while (p > 0 && isDigit(a[p - 1])) --p;
    std::size_t i = p;
    std::size_t j = p;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            // Skip leading zeros, then the longer run of significant digits is the larger number;
            // equal lengths compare digit by digit.
            std::size_t ia = i;
            std::size_t jb = j;
            while (ia < a.size() && a[ia] == '0') ++ia;
            while (jb < b.size() && b[jb] == '0') ++jb;
            std::size_t ea = ia;
            std::size_t eb = jb;
            while (ea < a.size() && isDigit(a[ea])) ++ea;
            while (eb < b.size() && isDigit(b[eb])) ++eb;
            const std::size_t la = ea - ia;
            const std::size_t lb = eb - jb;
            if (la != lb) return la < lb ? -1 : 1;
            for (std::size_t k = 0; k < la; ++k) {
                if (a[ia + k] != b[jb + k]) return a[ia + k] < b[jb + k] ? -1 : 1;
            }
            i = ea;
            j = eb;
            continue;
        }
        if (a[i] != b[j]) {
            return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
        }
        ++i;
        ++j;
    }
    if (i < a.size()) return 1;
    if (j < b.size()) return -1;
    // Numerically equal: make the order total with plain byte order ("a01" vs "a1").
    const int c = a.compare(b);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

std::pair<std::uint64_t, std::uint64_t> naturalPrefix(std::string_view s) noexcept {
    unsigned char buf[16] = {};
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size() && n < sizeof buf;) {
        if (!isDigit(s[i])) {
            buf[n++] = static_cast<unsigned char>(s[i++]);
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && s[j] == '0') ++j;
        std::size_t k = j;
        while (k < s.size() && isDigit(s[k])) ++k;
        const std::size_t length = k - j;
        // '0' stands for "a digit": against any other character it compares as any digit does.
        buf[n++] = '0';
        if (n == sizeof buf) break;
        if (length >= 255) {  // longer runs: the rest is settled by the full comparison
            buf[n++] = 255;
            break;
        }
        buf[n++] = static_cast<unsigned char>(length);
        for (std::size_t t = j; t < k && n < sizeof buf; ++t)
            buf[n++] = static_cast<unsigned char>(s[t]);
        i = k;
    }
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    for (std::size_t t = 0; t < 8; ++t) a = (a << 8) | buf[t];
    for (std::size_t t = 8; t < 16; ++t) b = (b << 8) | buf[t];
    return {a, b};
}

}  // namespace bilateral::query::detail
