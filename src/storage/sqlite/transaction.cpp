// Transactions and read snapshots of the SQLite engine.

#include "bilateral/storage/snapshot.hpp"
#include "store_impl.hpp"

namespace bilateral::sqlite {

std::unique_ptr<storage::Transaction> Store::begin() {
    return std::make_unique<Transaction>(*this);
}

std::unique_ptr<storage::ReadSnapshot> Store::snapshot() {
    // A read transaction (BEGIN ... COMMIT) unless one is open already.
    if (sqlite3_get_autocommit(detail::connection(*this)) == 0) {
        return std::make_unique<storage::EndingSnapshot>();
    }
    detail::execute(*this, "BEGIN");
    return std::make_unique<storage::EndingSnapshot>([this] {
        if (sqlite3_get_autocommit(detail::connection(*this)) == 0)
            detail::execute(*this, "COMMIT");
    });
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

void Transaction::commit(const std::function<void(std::string_view)>& phase) {
    const auto say = [&phase](std::string_view what) {
        if (phase) phase(what);
    };
    // The derived tables change in the same transaction as the rows they are derived from.
    say("deriving");
    detail::refreshDerived(store_, *store_.impl_->marks, store_.impl_->dirty);
    if (store_.impl_->indexesDeferred) say("indexing");
    detail::restoreDeferredIndexes(store_);
    say("committing");
    if (store_.impl_->busy.interrupted.load()) {
        throw StorageError(store_.impl_->path.string() + ": interrupted", SQLITE_INTERRUPT,
                           SQLITE_INTERRUPT);
    }
    store_.execute("COMMIT");
    store_.impl_->marks.reset();
    store_.impl_->dirty.clear();
    done_ = true;
    // A new file built under a temporary name is whole now: it goes under its name.
    if (!store_.impl_->placeAt.empty()) store_.place();
}

}  // namespace bilateral::sqlite
