// Natural id order ("icews/9" before "icews/10"), which ties in every timeline are broken by:
// the comparison equals a plain reference that splits ids into runs of digits and other bytes,
// on ids that share long prefixes (the comparison starts where two ids first differ); the
// 16-byte sort keys (naturalPrefix) agree with it whenever they differ.

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "bilateral/rules/natural_order.hpp"

namespace bilateral {
namespace {

bool digit(char c) {
    return c >= '0' && c <= '9';
}

/// The order written out plainly: token by token from the start, digit runs as numbers (leading
/// zeros ignored), other bytes as unsigned bytes; numerically equal ids in byte order.
int reference(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t ei = i, ej = j;
            while (ei < a.size() && digit(a[ei])) ++ei;
            while (ej < b.size() && digit(b[ej])) ++ej;
            auto x = a.substr(i, ei - i), y = b.substr(j, ej - j);
            x.erase(0, std::min(x.find_first_not_of('0'), x.size()));
            y.erase(0, std::min(y.find_first_not_of('0'), y.size()));
            if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
            if (x != y) return x < y ? -1 : 1;
            i = ei;
            j = ej;
            continue;
        }
        const auto ca = static_cast<unsigned char>(a[i]), cb = static_cast<unsigned char>(b[j]);
        if (ca != cb) return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size()) return 1;
    if (j < b.size()) return -1;
    return a == b ? 0 : (a < b ? -1 : 1);
}

TEST(NaturalOrder, KnownPairs) {
    using query::detail::naturalCompare;
    EXPECT_LT(naturalCompare("icews/9", "icews/10"), 0);
    EXPECT_GT(naturalCompare("icews/123", "icews/45"), 0);
    EXPECT_LT(naturalCompare("icews/1245", "icews/1250"), 0);  // differ inside a shared run
    EXPECT_LT(naturalCompare("a01", "a1"), 0);                 // equal numbers: byte order
    EXPECT_EQ(naturalCompare("event/x", "event/x"), 0);
    EXPECT_LT(naturalCompare("x10y", "x10z"), 0);
    EXPECT_GT(naturalCompare("x100", "x99z"), 0);
}

TEST(NaturalOrder, EqualsThePlainReferenceOnIdsWithSharedPrefixes) {
    std::mt19937 rng(7);
    const std::string alphabet = "0019/-ax";
    auto randomId = [&](const std::string& prefix) {
        std::string s = prefix;
        const auto n = rng() % 8;
        for (std::size_t k = 0; k < n; ++k) s += alphabet[rng() % alphabet.size()];
        return s;
    };
    const std::vector<std::string> prefixes{"",  "icews/", "icews/2647", "icews/26474074/2023-",
                                            "0", "a00",    "gdelt/9"};
    for (int round = 0; round < 20000; ++round) {
        const auto& p = prefixes[rng() % prefixes.size()];
        const auto a = randomId(p), b = randomId(p);
        const int got = query::detail::naturalCompare(a, b);
        ASSERT_EQ((got > 0) - (got < 0), reference(a, b)) << "'" << a << "' vs '" << b << "'";
        // Sort keys: prefixes that differ order the ids as the full comparison does.
        const auto pa = query::detail::naturalPrefix(a), pb = query::detail::naturalPrefix(b);
        if (pa != pb) {
            ASSERT_EQ(pa < pb, reference(a, b) < 0) << "'" << a << "' vs '" << b << "'";
        }
    }
}

}  // namespace
}  // namespace bilateral
