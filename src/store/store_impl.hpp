#pragma once
// Private to the store: the connection, the statement cache, and helpers shared by the
// store's .cpp files.

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "bilateral/error.hpp"
#include "bilateral/model/types.hpp"
#include "bilateral/store/store.hpp"
#include "bilateral/store/search.hpp"
#include "derived.hpp"

namespace bilateral::store {

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

struct Store::Impl {
    Impl(const std::filesystem::path& p, int flags, int busyMs, bool ro)
        : path(p), db(p.string(), flags, busyMs), readOnly(ro) {}
    std::filesystem::path path;
    SQLite::Database db;
    bool readOnly;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>, StringHash, std::equal_to<>>
        cache;
    /// While a Transaction is open: the row ids it began after, and the existing events whose
    /// event_scope rows it took out (derived.hpp).
    std::optional<detail::Watermarks> marks;
    std::set<std::int64_t> dirty;
};

namespace detail {

/// Rethrow a SQLite::Exception as a StorageError naming what was being done.
[[noreturn]] void rethrow(const SQLite::Exception& e, std::string_view what,
                          std::string_view sql = {});

/// Attributes <-> JSON object text (NULL when empty).
std::optional<std::string> attributesToJson(const model::Attributes& a);
model::Attributes attributesFromJson(std::string_view json);


}  // namespace detail
}  // namespace bilateral::store
