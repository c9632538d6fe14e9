#pragma once
// Private to the store: the connection (SQLite's C API behind RAII handles), the statement
// cache, and helpers shared by the store's .cpp files. Tests of the store include it too.

#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "bilateral/error.hpp"
#include "bilateral/model/types.hpp"
#include "derived.hpp"
#include "search.hpp"
#include "store.hpp"

namespace bilateral::sqlite {

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
    }
};

struct CloseConnection {
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct FinalizeStatement {
    void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
};
using ConnectionHandle = std::unique_ptr<sqlite3, CloseConnection>;
using StatementHandle = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

/// A prepared statement borrowed from the store's cache: reset and its bindings cleared when
/// handed out. Valid until the next `prepare` of the same SQL text; do not nest two uses of one.
class Statement {
public:
    Statement(sqlite3_stmt* s, sqlite3* db) : s_(s), db_(db) {}
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);  ///< copied by SQLite
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bindNull(int index);
    template <class T>
    Statement& bind(int index, const std::optional<T>& v) {
        return v ? bind(index, *v) : bindNull(index);
    }

    /// Advance; true while there is a row.
    bool step();
    /// Run to completion; returns the number of rows changed.
    int exec();
    /// Finish early (releases the read snapshot a half-read statement holds).
    void reset() noexcept;

    [[nodiscard]] int columnCount() const { return sqlite3_column_count(s_); }
    [[nodiscard]] bool isNull(int col) const;
    [[nodiscard]] std::int64_t getInt64(int col) const;
    [[nodiscard]] int getInt(int col) const;
    [[nodiscard]] double getDouble(int col) const;
    /// Text of the column; valid until the next step.
    [[nodiscard]] std::string_view getText(int col) const;
    [[nodiscard]] std::string getString(int col) const { return std::string(getText(col)); }
    [[nodiscard]] std::optional<std::string> getOptString(int col) const;
    // A row as the readers of storage/rows.hpp read it.
    [[nodiscard]] std::int64_t i64(int col) const { return getInt64(col); }
    [[nodiscard]] double real(int col) const { return getDouble(col); }
    [[nodiscard]] std::string_view text(int col) const { return getText(col); }

private:
    void check(int rc) const;
    sqlite3_stmt* s_;
    sqlite3* db_;
};

namespace detail {
/// The busy handler's state: how long to wait, whom to tell once, when the wait began.
struct BusyState {
    int timeoutMs = 5000;
    std::function<void()> onLockWait;
    bool told = false;
    std::int64_t sinceMs = 0;
    /// Set by Store::interrupt (perhaps from a signal handler): every later statement fails.
    std::atomic<bool> interrupted{false};
};
}  // namespace detail

struct Store::Impl {
    std::filesystem::path path;
    std::string location;  ///< path as text
    /// The FTS5 tokenizer of name search, made on first use.
    std::unique_ptr<SearchTokenizer> tokenizer;
    ConnectionHandle db;
    bool readOnly = false;
    /// A read-only connection that found no -wal file: the empty -wal and -shm it made are
    /// removed when it closes (Store::~Store).
    bool tidyWal = false;
    std::unordered_map<std::string, StatementHandle, StringHash, std::equal_to<>> cache;
    /// While a Transaction is open: the row ids it began after, and the existing events whose
    /// event_scope rows it took out (derived.hpp).
    std::optional<detail::Watermarks> marks;
    std::set<std::int64_t> dirty;
    /// Secondary indexes a bulk import into an empty database dropped; built again when it
    /// finishes, or at the latest when the transaction commits (schema.hpp).
    bool indexesDeferred = false;
    detail::BusyState busy;
    int openFlags = 0;  ///< sqlite3_open_v2's flags for this connection
    /// While a new file is built under a temporary name (`path`), the name the first commit
    /// puts it under (new_file.cpp); empty otherwise.
    std::filesystem::path placeAt;
};

namespace detail {

/// A StorageError naming what was being done, SQLite's message and codes, and the statement.
[[noreturn]] void fail(sqlite3* db, std::string_view what, int rc, std::string_view sql = {});

/// Builds the indexes a bulk import deferred, if any (inside its transaction).
void restoreDeferredIndexes(Store& store);
/// SQLite's busy handler of every connection of the store (`context`: its BusyState).
int onBusy(void* context, int count);
/// `file`'s temporary name while this process makes it, and the removal of that file.
std::filesystem::path creatingName(const std::filesystem::path& file);
void removeCreating(const std::filesystem::path& tmp) noexcept;

/// The store's private parts, for the store's own files and its tests.
struct Access {
    static Statement prepare(Store& s, std::string_view sql) { return s.prepare(sql); }
    static void execute(Store& s, std::string_view sql) { s.execute(sql); }
    static sqlite3* connection(Store& s) { return s.impl_->db.get(); }
    static Store::Impl& impl(Store& s) { return *s.impl_; }
};
inline Statement prepare(Store& s, std::string_view sql) {
    return Access::prepare(s, sql);
}
inline void execute(Store& s, std::string_view sql) {
    Access::execute(s, sql);
}
inline sqlite3* connection(Store& s) {
    return Access::connection(s);
}

/// Attributes <-> JSON object text (NULL when empty).
std::optional<std::string> attributesToJson(const model::Attributes& a);
model::Attributes attributesFromJson(std::string_view json);

}  // namespace detail
}  // namespace bilateral::sqlite
