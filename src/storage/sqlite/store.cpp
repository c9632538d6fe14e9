#include <sqlite3.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <fstream>

#include "schema.hpp"
#include "store_impl.hpp"

namespace bilateral::sqlite {

namespace detail {

void restoreDeferredIndexes(Store& store) {
    auto& impl = Access::impl(store);
    if (!impl.indexesDeferred) return;
    // SQLite's sorter holds up to the page cache's size in memory before it spills to temporary
    // files: with a bulk import's 256 MiB cache, that doubles the import's memory. Built with a
    // small cache, an index costs the same time give or take (its sort spills and merges).
    std::int64_t cache = 0;
    {
        auto st = prepare(store, "PRAGMA cache_size");
        if (st.step()) cache = st.getInt64(0);
        st.reset();
    }
    execute(store, "PRAGMA cache_size = -32768");
    for (const auto& index : deferrableIndexes()) execute(store, index.create);
    execute(store, "PRAGMA cache_size = " + std::to_string(cache));
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

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

/// How long a writer waits quietly before it says it is waiting for another writer's lock.
constexpr std::int64_t kQuietWaitMs = 200;

}  // namespace

/// SQLite's busy handler: wait up to busyTimeoutMs for another connection's lock, in short
/// sleeps (so an interrupt is noticed), and say once that we are waiting.
int detail::onBusy(void* context, int count) {
    auto& impl = *static_cast<detail::BusyState*>(context);
    if (impl.interrupted.load()) return 0;
    const auto now = nowMs();
    if (count == 0) impl.sinceMs = now;
    const auto waited = now - impl.sinceMs;
    if (waited >= impl.timeoutMs) return 0;
    if (waited >= kQuietWaitMs && !impl.told && impl.onLockWait) {
        impl.told = true;
        try {
            impl.onLockWait();
        } catch (...) {  // NOLINT(bugprone-empty-catch): a message must not break the wait
        }
    }
    const auto left = impl.timeoutMs - waited;
    sqlite3_sleep(static_cast<int>(std::min<std::int64_t>({left, 1 + count, 20})));
    return 1;
}

namespace {

/// What an SQLite file says about itself: who made it, its schema version, its tables.
struct Identity {
    int applicationId = 0;
    int userVersion = 0;
    std::vector<std::string> tables;  ///< without SQLite's own
    [[nodiscard]] bool has(std::string_view t) const {
        return std::find(tables.begin(), tables.end(), t) != tables.end();
    }
    /// bilateral's: marked so, or (made before the mark) versioned and holding its tables.
    [[nodiscard]] bool ours() const {
        return applicationId == kApplicationId ||
               (applicationId == 0 && userVersion > 0 && has("actor") && has("event"));
    }
    [[nodiscard]] bool blank() const {
        return applicationId == 0 && userVersion == 0 && tables.empty();
    }
    /// "tables a, b, c" for messages (the first few).
    [[nodiscard]] std::string describe() const {
        std::string out;
        if (!tables.empty()) {
            out = tables.size() == 1 ? "table " : "tables ";
            for (std::size_t i = 0; i < tables.size() && i < 8; ++i) {
                if (i) out += ", ";
                out += tables[i];
            }
            if (tables.size() > 8) out += " and " + std::to_string(tables.size() - 8) + " more";
        }
        if (applicationId != 0 && applicationId != kApplicationId) {
            if (!out.empty()) out += "; ";
            out += "application_id " + std::to_string(applicationId) + " (another program's)";
        } else if (tables.empty() && userVersion != 0) {
            out += "no tables, user_version " + std::to_string(userVersion);
        }
        return out.empty() ? std::string("no tables") : out;
    }
};

Identity identify(sqlite3* db, const std::string& name) {
    Identity id;
    const auto integer = [&](const char* sql) {
        sqlite3_stmt* st = nullptr;
        int rc = sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
        StatementHandle handle(st);
        if (rc != SQLITE_OK) detail::fail(db, name, rc, sql);
        rc = sqlite3_step(st);
        if (rc != SQLITE_ROW) detail::fail(db, name, rc, sql);
        return sqlite3_column_int(st, 0);
    };
    id.applicationId = integer("PRAGMA application_id");
    id.userVersion = integer("PRAGMA user_version");
    const char* sql =
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
        "ESCAPE '\\' ORDER BY name";
    sqlite3_stmt* st = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
    StatementHandle handle(st);
    if (rc != SQLITE_OK) detail::fail(db, name, rc, sql);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        id.tables.emplace_back(text ? text : "");
    }
    if (rc != SQLITE_DONE) detail::fail(db, name, rc, sql);
    return id;
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
namespace {

/// A read-only connection cannot checkpoint, so SQLite leaves the -wal and -shm files it made
/// for it when it closes. When the -wal is empty, one read-write connection reads the header
/// and closes: SQLite then removes both itself if it is the last connection to the file (it
/// checks under its own locks; another process's connection keeps them). A -wal with frames
/// in it (another process wrote meanwhile) is left for that writer.
void removeEmptyWal(const std::filesystem::path& file) noexcept {
    std::error_code ec;
    const std::string wal = file.string() + "-wal";
    if (!std::filesystem::exists(wal, ec) || std::filesystem::file_size(wal, ec) != 0 || ec) return;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) ==
            SQLITE_OK &&
        sqlite3_db_readonly(db, "main") == 0) {
        sqlite3_exec(db, "PRAGMA schema_version", nullptr, nullptr, nullptr);
    }
    sqlite3_close(db);
}

}  // namespace

Store::~Store() {
    if (impl_ && !impl_->placeAt.empty()) {  // a new file never committed (new_file.cpp)
        const auto tmp = impl_->path;
        impl_.reset();
        detail::removeCreating(tmp);
        return;
    }
    if (!impl_ || !impl_->tidyWal) return;
    const auto file = impl_->path;
    impl_.reset();  // the connection and its statements closed first
    removeEmptyWal(file);
}

std::unique_ptr<Store::Impl> Store::connect(const std::filesystem::path& file,
                                            const std::string& name, int flags,
                                            const OpenOptions& options) {
    auto impl = std::make_unique<Store::Impl>();
    impl->path = file;
    impl->location = file.string();
    impl->readOnly = (flags & SQLITE_OPEN_READONLY) != 0;
    impl->openFlags = flags | (options.oneThread ? SQLITE_OPEN_NOMUTEX : 0);
    impl->busy.timeoutMs = options.busyTimeoutMs;
    impl->busy.onLockWait = options.onLockWait;
    sqlite3* handle = nullptr;
    if (options.oneThread) flags |= SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(file.string().c_str(), &handle, flags, nullptr);
    impl->db.reset(handle);  // kept before the check, so a failed open still closes
    if (rc != SQLITE_OK) detail::fail(handle, name, rc);
    sqlite3_extended_result_codes(handle, 1);
    sqlite3_busy_handler(handle, detail::onBusy, &impl->busy);
    return impl;
}

void Store::createFile(const std::filesystem::path& file, const OpenOptions& options) {
    // Made whole under a temporary name beside it, then linked into place: a crash or an
    // interrupt never leaves a half-made (empty, or schema-less) file under the real name.
    const std::string name = file.string();
    const auto tmp = detail::creatingName(file);
    const auto removeTmp = [&tmp] { detail::removeCreating(tmp); };
    removeTmp();  // left by an earlier process with this id that was killed
    try {
        Store store(connect(tmp, name, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, options));
        store.execute("PRAGMA application_id = " + std::to_string(kApplicationId));
        store.execute("PRAGMA journal_mode = WAL");
        store.execute("PRAGMA foreign_keys = ON");
        store.migrate(0);
    } catch (...) {  // closed by now: the store's destructor ran
        removeTmp();
        throw;
    }
    if (::link(tmp.c_str(), file.c_str()) == 0 || errno == EEXIST) {
        // EEXIST: another process made it meanwhile; that one is opened.
        removeTmp();
        return;
    }
    std::error_code ec;
    std::filesystem::rename(tmp, file, ec);  // a file system without hard links
    if (ec) {
        removeTmp();
        throw StorageError(name + ": cannot create the database file: " + ec.message());
    }
}

Store Store::open(const std::filesystem::path& file, const OpenOptions& options) {
    const std::string name = file.string();
    std::error_code ec;
    bool exists = std::filesystem::exists(file, ec);
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
    if (exists && std::filesystem::is_regular_file(file, ec) &&
        std::filesystem::file_size(file, ec) == 0 && !options.adopt) {
        throw StorageError(name + ": not a bilateral database (an empty file); left untouched" +
                           (options.readOnly ? "" : "; import --init makes it one"));
    }
    if (!exists && options.createAtCommit) return openUnplaced(file, options);
    if (!exists) createFile(file, options);
    const bool walBefore = std::filesystem::exists(name + "-wal", ec);
    const int flags = options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    Store store(connect(file, name, flags, options));
    sqlite3* handle = store.impl_->db.get();
    // SQLite opens a file it may not write read-only without a word; say so now, naming the
    // file, rather than at the first write ("attempt to write a readonly database").
    if (!options.readOnly && sqlite3_db_readonly(handle, "main") == 1) {
        throw StorageError(name +
                               ": the database file is read-only (no permission to write "
                               "it or its folder); nothing was written",
                           SQLITE_READONLY, SQLITE_READONLY);
    }
    if (!options.readOnly) store.execute("PRAGMA foreign_keys = ON");  // reads check nothing
    const auto id = identify(handle, name);
    if (!id.ours()) {
        // Another program's database, or an empty one: written into only when asked to.
        const bool adoptable = id.applicationId == 0 && id.userVersion == 0;
        if (options.readOnly || !options.adopt || !adoptable) {
            std::string msg = name + ": not a bilateral database (" +
                              (id.blank() ? std::string("an SQLite database with no tables")
                                          : "an SQLite database with " + id.describe()) +
                              "); left untouched";
            if (!options.readOnly && adoptable)
                msg += id.blank() ? "; import --init makes it one"
                                  : "; import --init adds bilateral's tables to it";
            throw StorageError(msg);
        }
        store.execute("PRAGMA journal_mode = WAL");
        store.execute("PRAGMA synchronous = NORMAL");
        store.migrate(0);
        store.execute("PRAGMA application_id = " + std::to_string(kApplicationId));
        return store;
    }
    const int version = id.userVersion;
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
        // Only a file known to be ours is tidied on close (a refused one is left untouched).
        store.impl_->tidyWal = !walBefore;
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
    impl->location = ":memory:";
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
        // Version 5's trend figures from the events a version 2-4 file holds.
        if (from >= 2 && from < 5) detail::rebuildTrend(*this);
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

const std::string& Store::location() const noexcept {
    return impl_->location;
}
const std::filesystem::path& Store::path() const noexcept {
    return impl_->path;
}
bool Store::readOnly() const noexcept {
    return impl_->readOnly;
}

void Store::interrupt() noexcept {
    impl_->busy.interrupted.store(true);
    sqlite3_interrupt(impl_->db.get());
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
    // sqlite3_interrupt stops only a statement that is running: the next one stops here.
    if (impl_->busy.interrupted.load()) {
        throw StorageError(impl_->path.string() + ": interrupted", SQLITE_INTERRUPT,
                           SQLITE_INTERRUPT, std::string(sql));
    }
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

}  // namespace bilateral::sqlite
