#pragma once
// Private to Index::build (index_build.cpp): row-id maps, string arenas and counting sorts.

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bilateral/error.hpp"
#include "bilateral/model/date.hpp"
#include "bilateral/sqlite/store.hpp"
#include "index_data.hpp"

namespace bilateral::query::build {

using model::Date;
using model::DayNumber;

/// SQLite row id → dense position: a plain array when row ids are dense (the usual case for
/// INTEGER PRIMARY KEY), else a sorted table searched by bisection.
class RowMap {
public:
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
    void build(std::vector<std::pair<std::int64_t, std::uint32_t>> rows) {
        std::int64_t maxRow = 0;
        bool positive = true;
        for (const auto& [r, ix] : rows) {
            maxRow = std::max(maxRow, r);
            positive = positive && r >= 0;
        }
        dense_ = positive && maxRow <= static_cast<std::int64_t>(rows.size()) * 4 + 1024;
        if (dense_) {
            table_.assign(static_cast<std::size_t>(maxRow) + 1, kNone);
            for (const auto& [r, ix] : rows) table_[static_cast<std::size_t>(r)] = ix;
        } else {
            std::sort(rows.begin(), rows.end());
            sorted_ = std::move(rows);
        }
    }
    [[nodiscard]] std::uint32_t find(std::int64_t row) const {
        if (dense_) {
            return row >= 0 && static_cast<std::size_t>(row) < table_.size()
                       ? table_[static_cast<std::size_t>(row)]
                       : kNone;
        }
        const auto it = std::lower_bound(sorted_.begin(), sorted_.end(),
                                         std::pair<std::int64_t, std::uint32_t>{row, 0});
        return it != sorted_.end() && it->first == row ? it->second : kNone;
    }

private:
    bool dense_ = true;
    std::vector<std::uint32_t> table_;
    std::vector<std::pair<std::int64_t, std::uint32_t>> sorted_;
};

/// Enum from its stored name; the names seen so far are remembered, since a column repeats a
/// few values (and may alternate between them, as source and target do).
template <class Enum>
class EnumReader {
public:
    Enum operator()(std::string_view text) {
        for (const auto& [name, value] : seen_) {
            if (name == text) return value;
        }
        const auto v = model::parse<Enum>(text);
        if (!v) throw StorageError("database holds an unknown value \"" + std::string(text) + "\"");
        seen_.emplace_back(std::string(text), *v);
        return *v;
    }

private:
    std::vector<std::pair<std::string, Enum>> seen_;
};

/// Strings laid end to end in one buffer, read back by position.
class Arena {
public:
    void reserve(std::size_t n, std::size_t averageLength) {
        offsets_.reserve(n + 1);
        bytes_.reserve(n * averageLength);
    }
    void add(std::string_view s) {
        bytes_.append(s);
        offsets_.push_back(static_cast<std::uint64_t>(bytes_.size()));
    }
    [[nodiscard]] std::string_view at(std::size_t i) const noexcept {
        const auto b = i == 0 ? 0 : offsets_[i - 1];
        return std::string_view(bytes_).substr(b, offsets_[i] - b);
    }

private:
    std::string bytes_;
    std::vector<std::uint64_t> offsets_;
};

/// The last day of a stored date (its first day and precision).
inline DayNumber latestOf(DayNumber earliest, std::int8_t precision) {
    if (precision == static_cast<std::int8_t>(model::Precision::Day)) return earliest;
    return Date::fromStored(earliest, static_cast<model::Precision>(precision)).latest();
}

/// Counting sort of (row, item) pairs into a CSR table with `rows` rows, keeping input order
/// within a row.
template <class T>
void fillCsr(Csr<T>& csr, std::size_t rows, const std::vector<std::uint32_t>& rowOf,
             const std::vector<T>& items) {
    csr.offsets.assign(rows + 1, 0);
    for (auto r : rowOf) ++csr.offsets[r + 1];
    std::partial_sum(csr.offsets.begin(), csr.offsets.end(), csr.offsets.begin());
    csr.items.resize(items.size());
    std::vector<std::uint32_t> next(csr.offsets.begin(), csr.offsets.end() - 1);
    for (std::size_t i = 0; i < items.size(); ++i) csr.items[next[rowOf[i]]++] = items[i];
}

}  // namespace bilateral::query::build
