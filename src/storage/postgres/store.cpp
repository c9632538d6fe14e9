// The store: opening a server's database, statements, row ids, transactions and snapshots.

#include "storage/postgres/store.hpp"

#include "bilateral/storage/snapshot.hpp"
#include "storage/postgres/conninfo.hpp"
#include "storage/postgres/error.hpp"
#include "storage/postgres/schema.hpp"
#include "storage/postgres/schema_build.hpp"
#include "storage/postgres/shards.hpp"
#include "storage/postgres/store_impl.hpp"

namespace bilateral::storage::postgres {
namespace {

// The advisory lock every writer of the store takes for its transaction ("BILW"): one writer
// at a time, as on SQLite, so the watermarks of a transaction see only its own new rows.
constexpr std::string_view kWriterLock = "1112100951";

Connection connect(const std::string& url, const OpenOptions& options) {
    ConnectOptions o;
    o.readOnly = options.readOnly;
    return Connection::open(url, o);
}

std::string noDatabase(const Connection& c) {
    return c.display() + ": no bilateral database there (its schema \"" + std::string(kSchemaName) +
           "\" is missing)";
}

/// BEGIN ... COMMIT around a write: the writer lock, then the watermarks.
class StoreTransaction final : public storage::Transaction {
public:
    explicit StoreTransaction(Store& store);
    ~StoreTransaction() override;
    StoreTransaction(const StoreTransaction&) = delete;
    StoreTransaction& operator=(const StoreTransaction&) = delete;
    void commit(const std::function<void(std::string_view)>& phase) override;

private:
    void lock();
    Store& store_;
    bool done_ = false;
};

StoreTransaction::StoreTransaction(Store& store) : store_(store) {
    auto& s = store_.state();
    if (s.readOnly) throw StorageError(s.location + ": opened read-only; nothing can be written");
    if (s.marks) throw StorageError(s.location + ": a write transaction is open already");
    store_.x("BEGIN");
    try {
        lock();
        s.marks = detail::watermarks(store_);
        s.dirty.clear();
        s.lastId = -1;  // a new block: this transaction's ids come after every earlier one
    } catch (...) {
        s.marks.reset();
        try {
            s.c.exec("ROLLBACK");
        } catch (...) {  // NOLINT(bugprone-empty-catch): the first error is the one to report
        }
        throw;
    }
}

void StoreTransaction::lock() {
    auto& s = store_.state();
    const auto got = store_.x("SELECT pg_try_advisory_xact_lock(" + std::string(kWriterLock) + ")");
    if (detail::boolAt(got, 0, 0)) return;
    if (s.options.onLockWait) {
        try {
            s.options.onLockWait();
        } catch (...) {  // NOLINT(bugprone-empty-catch): a message must not break the wait
        }
    }
    store_.x("SET LOCAL lock_timeout = " + std::to_string(std::max(1, s.options.busyTimeoutMs)));
    try {
        store_.x("SELECT pg_advisory_xact_lock(" + std::string(kWriterLock) + ")");
    } catch (const PgError& e) {
        if (e.sqlstate() != sqlstate::kLockNotAvailable) throw;
        throw StorageError(s.location + ": another writer holds the database (waited " +
                           std::to_string(s.options.busyTimeoutMs) + " ms); nothing was written");
    }
    store_.x("SET LOCAL lock_timeout = 0");
}

StoreTransaction::~StoreTransaction() {
    if (done_) return;
    auto& s = store_.state();
    s.marks.reset();
    s.dirty.clear();
    try {
        s.c.exec("ROLLBACK");
    } catch (...) {  // NOLINT(bugprone-empty-catch): destructors never throw
    }
}

void StoreTransaction::commit(const std::function<void(std::string_view)>& phase) {
    const auto say = [&phase](std::string_view what) {
        if (phase) phase(what);
    };
    auto& s = store_.state();
    say("deriving");
    detail::refreshDerived(store_, *s.marks, s.dirty);
    say("committing");
    if (s.interrupted.load()) throw StorageError(s.location + ": interrupted");
    store_.x("COMMIT");
    s.marks.reset();
    s.dirty.clear();
    done_ = true;
}

}  // namespace

std::unique_ptr<storage::Engine> open(const std::string& url, const OpenOptions& options,
                                      SharedRules rules) {
    return std::make_unique<Store>(url, options, std::move(rules));
}

void initShardedLayout(const std::string& url, const std::vector<std::string>& shardUrls) {
    auto c = Connection::open(url);
    initShards(c, shardUrls);
}

Store::Store(const std::string& url, const OpenOptions& options, SharedRules rules) {
    auto c = connect(url, options);
    const int version =
        postgres::schemaVersion(c);  // refuses a schema not ours, or newer than ours
    if (options.readOnly || !options.create) {
        if (version == 0) throw StorageError(noDatabase(c));
        if (version < kSchemaVersion && options.readOnly) {
            throw StorageError(c.display() + ": database schema version " +
                               std::to_string(version) +
                               " needs migrating; open it once for "
                               "writing");
        }
    }
    if (!options.readOnly) ensureSchema(c);
    auto where = c.display();
    s_ = std::make_unique<StoreState>(std::move(c), std::move(where), options, std::move(rules));
    if (options.readOnly && options.snapshot) x("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

Store::~Store() = default;

const std::string& Store::location() const noexcept {
    return s_->location;
}
bool Store::readOnly() const noexcept {
    return s_->readOnly;
}
int Store::schemaVersion() {
    return postgres::schemaVersion(s_->c);
}

void Store::interrupt() noexcept {
    s_->interrupted.store(true);
    s_->canceller.cancel();
}

std::unique_ptr<storage::Transaction> Store::begin() {
    return std::make_unique<StoreTransaction>(*this);
}

std::unique_ptr<storage::ReadSnapshot> Store::snapshot() {
    // A REPEATABLE READ, read-only transaction unless one is open already.
    if (PQtransactionStatus(state().c.native()) != PQTRANS_IDLE) {
        return std::make_unique<storage::EndingSnapshot>();
    }
    x("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    return std::make_unique<storage::EndingSnapshot>([this] {
        auto& c = state().c;
        c.exec(PQtransactionStatus(c.native()) == PQTRANS_INTRANS ? "COMMIT" : "ROLLBACK");
    });
}

void Store::inTransaction(const std::function<void()>& write) {
    if (s_->marks) {
        write();
        return;
    }
    StoreTransaction tx(*this);
    write();
    tx.commit({});
}

Result Store::q(std::string_view sql, const Params& params) {
    if (s_->interrupted.load()) throw StorageError(s_->location + ": interrupted");
    try {
        return s_->c.query(sql, params);
    } catch (const PgError& e) {
        if (e.cancelled()) throw StorageError(s_->location + ": interrupted");
        throw;
    }
}

Result Store::x(std::string_view sql) {
    if (s_->interrupted.load()) throw StorageError(s_->location + ": interrupted");
    try {
        return s_->c.exec(sql);
    } catch (const PgError& e) {
        if (e.cancelled()) throw StorageError(s_->location + ": interrupted");
        throw;
    }
}

std::int64_t Store::newId() {
    if (s_->nextId > s_->lastId) {
        s_->nextId = detail::scalarOf(x("SELECT nextval('row_block')"));
        s_->lastId = s_->nextId + detail::kRowBlock - 1;
    }
    return s_->nextId++;
}

}  // namespace bilateral::storage::postgres
