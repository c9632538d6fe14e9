#include <sqlite3.h>

#include <fstream>

#include "schema.hpp"
#include "store_impl.hpp"

namespace bilateral::store {

namespace detail {

void rethrow(const SQLite::Exception& e, std::string_view what, std::string_view sql) {
    std::string msg(what);
    msg += ": ";
    msg += e.what();
    throw StorageError(msg, e.getErrorCode(), e.getExtendedErrorCode(), std::string(sql));
}

}  // namespace detail

// --- Statement -----------------------------------------------------------------------------

Statement& Statement::bind(int i, std::int64_t v) {
    s_->bind(i, static_cast<std::int64_t>(v));
    return *this;
}
Statement& Statement::bind(int i, double v) {
    s_->bind(i, v);
    return *this;
}
Statement& Statement::bind(int i, std::string_view v) {
    // SQLiteCpp binds std::string with SQLITE_TRANSIENT: SQLite copies the text.
    s_->bind(i, std::string(v));
    return *this;
}
Statement& Statement::bindNull(int i) {
    s_->bind(i);
    return *this;
}

bool Statement::step() {
    try {
        return s_->executeStep();
    } catch (const SQLite::Exception& e) {
        detail::rethrow(e, "statement failed", s_->getQuery());
    }
}

int Statement::exec() {
    try {
        while (s_->executeStep()) {
        }
        const int changed = db_->getChanges();
        s_->reset();
        return changed;
    } catch (const SQLite::Exception& e) {
        detail::rethrow(e, "statement failed", s_->getQuery());
    }
}

void Statement::reset() { s_->reset(); }

bool Statement::isNull(int c) const { return s_->isColumnNull(c); }
std::int64_t Statement::getInt64(int c) const { return s_->getColumn(c).getInt64(); }
int Statement::getInt(int c) const { return s_->getColumn(c).getInt(); }
double Statement::getDouble(int c) const { return s_->getColumn(c).getDouble(); }
std::string_view Statement::getText(int c) const {
    const auto col = s_->getColumn(c);
    const char* p = col.getText(nullptr);
    if (!p) return {};
    return {p, static_cast<std::size_t>(col.getBytes())};
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
    return n == 0 || (n == 16 && std::string_view(head, 16) == std::string_view("SQLite format 3\0", 16));
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
        throw StorageError(name + ": not a bilateral database (not an SQLite file); left untouched");
    }
    int flags = options.readOnly ? SQLite::OPEN_READONLY
                                 : (SQLite::OPEN_READWRITE | (options.create ? SQLite::OPEN_CREATE : 0));
    std::unique_ptr<Impl> impl;
    try {
        impl = std::make_unique<Impl>(file, flags, options.busyTimeoutMs, options.readOnly);
        // SQLite opens a file it may not write read-only without a word; say so now, naming the
        // file, rather than at the first write ("attempt to write a readonly database").
        if (!options.readOnly && sqlite3_db_readonly(impl->db.getHandle(), "main") == 1) {
            throw StorageError(name + ": the database file is read-only (no permission to write "
                                      "it or its folder); nothing was written",
                               SQLITE_READONLY, SQLITE_READONLY);
        }
        Store store(std::move(impl));
        store.execute("PRAGMA foreign_keys = ON");
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
            return store;
        }
        store.execute("PRAGMA journal_mode = WAL");
        store.execute("PRAGMA synchronous = NORMAL");
        if (version < kSchemaVersion) store.migrate(version);
        return store;
    } catch (const SQLite::Exception& e) {
        detail::rethrow(e, name);
    }
}

Store Store::memory() {
    auto impl = std::make_unique<Impl>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 0, false);
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

const std::filesystem::path& Store::path() const noexcept { return impl_->path; }
bool Store::readOnly() const noexcept { return impl_->readOnly; }
SQLite::Database& Store::connection() { return impl_->db; }

int Store::schemaVersion() {
    auto st = prepare("PRAGMA user_version");
    st.step();
    const int v = st.getInt(0);
    st.reset();
    return v;
}

Statement Store::prepare(std::string_view sql) {
    auto it = impl_->cache.find(sql);
    if (it == impl_->cache.end()) {
        try {
            it = impl_->cache
                     .emplace(std::string(sql), std::make_unique<SQLite::Statement>(impl_->db, std::string(sql)))
                     .first;
        } catch (const SQLite::Exception& e) {
            detail::rethrow(e, "cannot prepare statement", sql);
        }
    } else {
        it->second->reset();
        it->second->clearBindings();
    }
    return Statement(*it->second, impl_->db);
}

void Store::execute(std::string_view sql) {
    try {
        impl_->db.exec(std::string(sql));
    } catch (const SQLite::Exception& e) {
        detail::rethrow(e, impl_->path.string(), sql);
    }
}

std::int64_t Store::lastInsertRowId() const { return impl_->db.getLastInsertRowid(); }

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
    store_.execute("COMMIT");
    store_.impl_->marks.reset();
    store_.impl_->dirty.clear();
    done_ = true;
}

}  // namespace bilateral::store
