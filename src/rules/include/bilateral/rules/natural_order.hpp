#pragma once
// Private to the query module: natural ("human") order of ids, where runs of digits compare by
// their numeric value: "icews/9" < "icews/10" < "icews/010" < "icews/11".

#include <cstdint>
#include <string_view>
#include <utility>

namespace bilateral::query::detail {

/// Negative, zero or positive like strcmp. Total: ids that compare equal numerically but differ
/// in leading zeros ("a01" vs "a1") fall back to byte order, so only equal strings compare 0.
int naturalCompare(std::string_view a, std::string_view b) noexcept;

/// The first 16 bytes of a byte string whose plain order is the natural order (a digit run
/// becomes '0', its significant length, its significant digits), packed big-endian into two
/// integers: when two prefixes differ they order the ids as naturalCompare does; when they are
/// equal, compare the ids in full.
std::pair<std::uint64_t, std::uint64_t> naturalPrefix(std::string_view id) noexcept;

inline bool naturalLess(std::string_view a, std::string_view b) noexcept {
    return naturalCompare(a, b) < 0;
}

}  // namespace bilateral::query::detail
