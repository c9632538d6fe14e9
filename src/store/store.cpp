#include <sqlite3.h>

#include <fstream>

#include "schema.hpp"
#include "store_impl.hpp"

namespace bilateral::store {

namespace detail {

void restoreDeferredIndexes(Store& store) {
    auto& impl = Access::impl(store);
    if (!impl.indexesDeferred) return;
    for (const auto& index : deferrableIndexes()) execute(store, index.create);
    impl.indexesDeferred = false;
}

void fail(sqlite3* db, std::string_view what, int rc, std::string_view sql) {
    std::string msg(what);
    msg += ": ";
    msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const int extended = db ? sqlite3_extended_errcode(db) : rc;
    throw StorageError(msg, rc & 0xFF, extended, std::string(sql));
}

}  // namespace detail

// --- Statement -----------------------------------------------------------------------------

void Statement::check(int rc) const {
    if (rc != SQLITE_OK) detail::fail(db_, "cannot bind a value", rc, sqlite3_sql(s_));
}
Statement& Statement::bind(int i, std::int64_t v) {
    check(sqlite3_bind_int64(s_, i, v));
    return *this;
}
Statement& Statement::bind(int i, double v) {
    check(sqlite3_bind_double(s_, i, v));
    return *this;
}
Statement& Statement::bind(int i, std::string_view v) {
    check(sqlite3_bind_text64(s_, i, v.data() ? v.data() : "", v.size(), SQLITE_TRANSIENT,
                              SQLITE_UTF8));
    return *this;
}
Statement& Statement::bindNull(int i) {
    check(sqlite3_bind_null(s_, i));
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(s_);
    detail::fail(db_, "statement failed", rc, sqlite3_sql(s_));
}

int Statement::exec() {
    while (step()) {
    }
    const int changed = sqlite3_changes(db_);
    sqlite3_reset(s_);
    return changed;
}

void Statement::reset() noexcept {
    sqlite3_reset(s_);
}

bool Statement::isNull(int c) const {
    return sqlite3_column_type(s_, c) == SQLITE_NULL;
}
std::int64_t Statement::getInt64(int c) const {
    return sqlite3_column_int64(s_, c);
}
int Statement::getInt(int c) const {
    return sqlite3_column_int(s_, c);
}
double Statement::getDouble(int c) const {
    return sqlite3_column_double(s_, c);
}
std::string_view Statement::getText(int c) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s_, c));
    if (!p) return {};
    return {p, static_cast<std::size_t>(sqlite3_column_bytes(s_, c))};
}
std::optional<std::string> Statement::getOptString(int c) const {
    if (isNull(c)) return std::nullopt;
    return getString(c);
}

// --- Store ---------------------------------------------------------------------------------

namespace {

bool looksLikeSqlite(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    char head[16] = {};
    in.read(head, sizeof head);
    const auto n = in.gcount();
    return n == 0 ||
           (n == 16 && std::string_view(head, 16) == std::string_view("SQLite format 3\0", 16));
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::filesystem::path& file, OpenOptions options) {
    const std::string name = file.string();
    std::error_code ec;
    const bool exists = std::filesystem::exists(file, ec);
    if (exists && std::filesystem::is_directory(file, ec)) {
        throw StorageError(name + ": is a directory, not a database file");
    }
    if (!exists && (options.readOnly || !options.create)) {
        throw StorageError(name + ": no such database file");
    }
    if (exists && !looksLikeSqlite(file)) {
        throw StorageError(name +
                           ": not a bilateral database (not an SQLite file); left untouched");
    }
    const int flags = options.readOnly
                          ? SQLITE_OPEN_READONLY
                          : (SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0));
    auto impl = std::make_unique<Impl>();
    impl->path = file;
    impl->readOnly = options.readOnly;
    sqlite3* handle = nullptr;
    const int rc = sqlite3_open_v2(name.c_str(), &handle, flags, nullptr);
    impl->db.reset(handle);  // kept before the check, so a failed open still closes
    if (rc != SQLITE_OK) detail::fail(handle, name, rc);
    sqlite3_extended_result_codes(handle, 1);
    sqlite3_busy_timeout(handle, options.busyTimeoutMs);
    // SQLite opens a file it may not write read-only without a word; say so now, naming the
    // file, rather than at the first write ("attempt to write a readonly database").
    if (!options.readOnly && sqlite3_db_readonly(handle, "main") == 1) {
        throw StorageError(name +
                               ": the database file is read-only (no permission to write "
                               "it or its folder); nothing was written",
                           SQLITE_READONLY, SQLITE_READONLY);
    }
    Store store(std::move(impl));
    if (!options.readOnly) store.execute("PRAGMA foreign_keys = ON");  // reads check nothing
    const int version = store.schemaVersion();
    if (version > kSchemaVersion) {
        throw SchemaVersionError(name + ": database schema version " + std::to_string(version) +
                                 " is newer than this bilateral understands (" +
                                 std::to_string(kSchemaVersion) +
                                 "); upgrade bilateral. The file was left untouched.");
    }
    if (options.readOnly) {
        if (version < kSchemaVersion) {
            throw StorageError(name + ": database schema version " + std::to_string(version) +
                               " needs migrating; open it once for writing");
        }
        if (options.snapshot) store.execute("BEGIN");  // closing the connection ends it
        return store;
    }
    store.execute("PRAGMA journal_mode = WAL");
    store.execute("PRAGMA synchronous = NORMAL");
    if (version < kSchemaVersion) store.migrate(version);
    return store;
}

Store Store::memory() {
    auto impl = std::make_unique<Impl>();
    impl->path = ":memory:";
    sqlite3* handle = nullptr;
    const int rc =
        sqlite3_open_v2(":memory:", &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    impl->db.reset(handle);
    if (rc != SQLITE_OK) detail::fail(handle, "in-memory database", rc);
    sqlite3_extended_result_codes(handle, 1);
    Store store(std::move(impl));
    store.execute("PRAGMA foreign_keys = ON");
    store.migrate(0);
    return store;
}

void Store::migrate(int from) {
    // Not a Transaction: the derived tables it keeps do not exist before version 2.
    execute("BEGIN IMMEDIATE");
    try {
        const auto all = detail::migrations();
        for (int v = from; v < kSchemaVersion; ++v) execute(all[static_cast<std::size_t>(v)]);
        // Version 2's tables are filled from what version 1 holds (nothing, in a new file).
        if (from < 2) detail::rebuildDerived(*this);
        execute("PRAGMA user_version = " + std::to_string(kSchemaVersion));
        execute("COMMIT");
    } catch (...) {
        try {
            execute("ROLLBACK");
        } catch (...) {  // NOLINT(bugprone-empty-catch): the first error is the one to report
        }
        throw;
    }
}

const std::filesystem::path& Store::path() const noexcept {
    return impl_->path;
}
bool Store::readOnly() const noexcept {
    return impl_->readOnly;
}

int Store::schemaVersion() {
    auto st = prepare("PRAGMA user_version");
    st.step();
    const int v = st.getInt(0);
    st.reset();
    return v;
}

Statement Store::prepare(std::string_view sql) {
    sqlite3* db = impl_->db.get();
    auto it = impl_->cache.find(sql);
    if (it == impl_->cache.end()) {
        sqlite3_stmt* st = nullptr;
        const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                          SQLITE_PREPARE_PERSISTENT, &st, nullptr);
        StatementHandle handle(st);
        if (rc != SQLITE_OK) detail::fail(db, "cannot prepare statement", rc, sql);
        it = impl_->cache.emplace(std::string(sql), std::move(handle)).first;
    } else {
        sqlite3_reset(it->second.get());
        sqlite3_clear_bindings(it->second.get());
    }
    return Statement(it->second.get(), db);
}

void Store::execute(std::string_view sql) {
    char* message = nullptr;
    const int rc =
        sqlite3_exec(impl_->db.get(), std::string(sql).c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK) detail::fail(impl_->db.get(), impl_->path.string(), rc, sql);
}

// --- Transaction ---------------------------------------------------------------------------

Transaction::Transaction(Store& store) : store_(store) {
    store_.execute("BEGIN IMMEDIATE");
    try {
        store_.impl_->marks = detail::watermarks(store_);
        store_.impl_->dirty.clear();
    } catch (...) {
        store_.execute("ROLLBACK");
        throw;
    }
}

Transaction::~Transaction() {
    if (done_) return;
    store_.impl_->indexesDeferred = false;  // the rollback brings them back
    store_.impl_->marks.reset();
    store_.impl_->dirty.clear();
    try {
        store_.execute("ROLLBACK");
    } catch (...) {  // NOLINT(bugprone-empty-catch): destructors never throw
    }
}

void Transaction::commit() {
    // The derived tables change in the same transaction as the rows they are derived from.
    detail::refreshDerived(store_, *store_.impl_->marks, store_.impl_->dirty);
    detail::restoreDeferredIndexes(store_);
    store_.execute("COMMIT");
    store_.impl_->marks.reset();
    store_.impl_->dirty.clear();
    done_ = true;
}

}  // namespace bilateral::store
