// TableReader: whole-table scans with SQLite's C API (SQLiteCpp's column objects cost a
// reference count each, which shows at millions of rows).

#include "scans.hpp"

#include <sqlite3.h>

#include <string>

#include "bilateral/storage/rows.hpp"
#include "store_impl.hpp"

namespace bilateral::sqlite {
namespace {

class Scan {
public:
    Scan(sqlite3* db, const std::string& sql) : db_(db), mutex_(sqlite3_db_mutex(db_)), sql_(sql) {
        // Holding the connection's (recursive) mutex for the whole scan makes the per-column
        // locking inside SQLite cheap.
        if (mutex_) sqlite3_mutex_enter(mutex_);
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st_, nullptr) != SQLITE_OK) {
            if (mutex_) sqlite3_mutex_leave(mutex_);
            fail();
        }
    }
    ~Scan() {
        sqlite3_finalize(st_);
        if (mutex_) sqlite3_mutex_leave(mutex_);
    }
    Scan(const Scan&) = delete;
    Scan& operator=(const Scan&) = delete;

    bool step() {
        const int rc = sqlite3_step(st_);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) fail();
        return false;
    }
    [[nodiscard]] bool isNull(int c) const { return sqlite3_column_type(st_, c) == SQLITE_NULL; }
    [[nodiscard]] std::int64_t i64(int c) const { return sqlite3_column_int64(st_, c); }
    [[nodiscard]] double real(int c) const { return sqlite3_column_double(st_, c); }
    /// Text as stored. Read as a blob: SQLite then hands out the bytes in place instead of
    /// copying them to add a terminating NUL.
    [[nodiscard]] std::string_view text(int c) const {
        const auto* p = static_cast<const char*>(sqlite3_column_blob(st_, c));
        if (!p) return {};
        return {p, static_cast<std::size_t>(sqlite3_column_bytes(st_, c))};
    }

private:
    [[noreturn]] void fail() const {
        throw StorageError(std::string("cannot scan the database: ") + sqlite3_errmsg(db_),
                           sqlite3_errcode(db_), sqlite3_extended_errcode(db_), sql_);
    }
    sqlite3* db_;
    sqlite3_mutex* mutex_;
    sqlite3_stmt* st_ = nullptr;
    std::string sql_;
};

/// `, <count of the subject's evidence>` (`, 0` when not wanted): rows of `table` whose `column`
/// is `row`.
std::string evidenceCount(bool wanted, const char* column, const char* row,
                          const char* table = "evidence") {
    if (!wanted) return ", 0";
    // A relation's own evidence, not its attestations' ([attested]).
    const std::string own =
        std::string_view(column) == "relation_id" ? " AND v.attested_id IS NULL" : "";
    return std::string(", (SELECT count(*) FROM ") + table + " v WHERE v." + column + " = " + row +
           own + ")";
}

/// Runs `sql` on `db`, each row decoded (storage/rows.hpp) and handed to `fn`.
template <class Out>
void scanAll(sqlite3* db, const std::string& sql, const std::function<void(const Out&)>& fn) {
    Scan s(db, sql);
    Out row;
    while (s.step()) {
        storage::rows::decode(s, row);
        fn(row);
    }
}

}  // namespace

struct TableReader::Impl {
    Store& store;
    sqlite3* main;
    sqlite3* second = nullptr;
    bool ownTransaction = false;

    sqlite3* lane(int n) const { return n == 1 && second ? second : main; }
    std::int64_t scalar(int n, const char* sql) const {
        Scan s(lane(n), sql);
        return s.step() && !s.isNull(0) ? s.i64(0) : 0;
    }
};

TableReader::TableReader(Store& store, bool parallel)
    : impl_(std::make_unique<Impl>(Impl{store, detail::connection(store)})) {
    auto& d = *impl_;
    const bool outside = sqlite3_get_autocommit(d.main) != 0;
    if (parallel && outside) {
        // A second read-only connection on the same file, without SQLite's per-call locking;
        // none for an in-memory store or when the file cannot be opened again.
        const char* file = sqlite3_db_filename(d.main, "main");
        if (file && *file) {
            if (sqlite3_open_v2(file, &d.second, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                                nullptr) == SQLITE_OK) {
                sqlite3_busy_timeout(d.second, 5000);
            } else {
                sqlite3_close(d.second);
                d.second = nullptr;
            }
        }
    }
    if (outside) {
        detail::execute(store, "BEGIN");
        d.ownTransaction = true;
    }
}

TableReader::~TableReader() {
    finish();
    if (impl_->second) sqlite3_close(impl_->second);
}

bool TableReader::parallel() const noexcept {
    return impl_->second != nullptr;
}

void TableReader::finish() {
    if (!impl_->ownTransaction) return;
    impl_->ownTransaction = false;
    if (sqlite3_get_autocommit(impl_->main) != 0) return;
    try {
        detail::execute(impl_->store, "COMMIT");
    } catch (...) {  // NOLINT(bugprone-empty-catch): a read transaction has nothing to lose
    }
}

std::int64_t TableReader::maxEventRow(int lane) {
    return impl_->scalar(lane, "SELECT max(id) FROM event");
}
std::int64_t TableReader::maxParticipationRow(int lane) {
    return impl_->scalar(lane, "SELECT max(id) FROM participation");
}

void TableReader::actors(const std::function<void(const ActorScanRow&)>& fn, ScanOptions o,
                         int lane) {
    scanAll(impl_->lane(lane),
            "SELECT a.id, a.key, a.kind, a.name, a.country" +
                evidenceCount(o.evidenceCounts, "actor_id", "a.id") + " FROM actor a" +
                (o.byId ? " ORDER BY a.key" : ""),
            fn);
}

void TableReader::events(const std::function<void(const EventScanRow&)>& fn, ScanOptions o,
                         int lane) {
    scanAll(impl_->lane(lane),
            "SELECT e.id, e.key, e.kind, e.title, e.status, e.location, e.cameo, p.key, "
            "e.parent_id, e.start_lo, e.start_prec, e.end_lo, e.end_prec, e.place_country, "
            "e.place_lat, e.place_lon, e.place_gazetteer, e.meeting_id" +
                evidenceCount(o.evidenceCounts, "event_id", "e.id") +
                " FROM event e LEFT JOIN event p ON p.id = e.parent_id" +
                (o.byId ? " ORDER BY e.key" : ""),
            fn);
}

void TableReader::participations(const std::function<void(const ParticipationScanRow&)>& fn,
                                 ScanOptions o, int lane) {
    scanAll(impl_->lane(lane),
            "SELECT p.id, p.event_id, p.actor_id, p.role, p.side" +
                evidenceCount(o.evidenceCounts, "participation_id", "p.id") +
                " FROM participation p" + (o.byId ? " ORDER BY p.id" : ""),
            fn);
}

void TableReader::relations(const std::function<void(const RelationScanRow&)>& fn, ScanOptions o,
                            int lane) {
    scanAll(impl_->lane(lane),
            "SELECT r.id, r.key, r.kind, r.from_id, r.to_id, r.valid_from_lo, r.valid_from_prec, "
            "r.valid_to_lo, r.valid_to_prec, r.valid_to_hi" +
                evidenceCount(o.evidenceCounts, "relation_id", "r.id") + " FROM relation r" +
                (o.byId ? " ORDER BY r.key" : ""),
            fn);
}

void TableReader::eventLinks(const std::function<void(const EventLinkScanRow&)>& fn, ScanOptions o,
                             int lane) {
    scanAll(impl_->lane(lane),
            "SELECT l.id, l.key, l.kind, l.from_id, l.to_id" +
                evidenceCount(o.evidenceCounts, "link_id", "l.id", "event_link_evidence") +
                " FROM event_link l" + (o.byId ? " ORDER BY l.key" : ""),
            fn);
}

}  // namespace bilateral::sqlite
