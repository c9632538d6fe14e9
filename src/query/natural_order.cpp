#include "natural_order.hpp"

namespace bilateral::query::detail {
namespace {

constexpr bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }

}  // namespace

int naturalCompare(std::string_view a, std::string_view b) noexcept {
    std::size_t i = 0;
    std::size_t j = 0;
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

}  // namespace bilateral::query::detail
