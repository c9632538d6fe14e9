// Whole-table scans for the in-memory Index and the graph projection: one REPEATABLE READ
// snapshot, each table read through a cursor a batch of rows at a time (as the SQLite engine's
// scans.cpp, one lane).

#include "bilateral/storage/rows.hpp"
#include "storage/postgres/store_impl.hpp"

namespace bilateral::storage::postgres {
namespace {

constexpr int kBatch = 20000;

/// `, <count of the subject's evidence>` (`, 0` when not wanted).
std::string evidenceCount(bool wanted, std::string_view table, std::string_view where) {
    if (!wanted) return ", 0";
    return ", (SELECT count(*) FROM " + std::string(table) + " v WHERE " + std::string(where) + ")";
}

class Scan final : public TableScan {
public:
    explicit Scan(Store& store) : store_(store) {
        if (PQtransactionStatus(store_.state().c.native()) != PQTRANS_IDLE) return;
        store_.x("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        own_ = true;
    }
    ~Scan() override { finish(); }
    Scan(const Scan&) = delete;
    Scan& operator=(const Scan&) = delete;

    [[nodiscard]] bool parallel() const noexcept override { return false; }
    void finish() override {
        if (!own_) return;
        own_ = false;
        try {
            store_.state().c.exec("COMMIT");
        } catch (...) {  // NOLINT(bugprone-empty-catch): a read transaction has nothing to lose
        }
    }
    RowId maxEventRow(int) override {
        return detail::scalarOf(store_.x("SELECT max(id) FROM event"));
    }
    RowId maxParticipationRow(int) override {
        return detail::scalarOf(store_.x("SELECT max(id) FROM participation"));
    }

    void actors(const std::function<void(const ActorScanRow&)>& fn, ScanOptions o, int) override {
        each("SELECT a.id, a.key, a.kind, a.name, coalesce(a.country, '')" +
                 evidenceCount(o.evidenceCounts, "evidence", "v.actor_id = a.id") +
                 " FROM actor a" + (o.byId ? " ORDER BY a.key" : ""),
             fn);
    }
    void events(const std::function<void(const EventScanRow&)>& fn, ScanOptions o, int) override;
    void participations(const std::function<void(const ParticipationScanRow&)>& fn, ScanOptions o,
                        int) override {
        each("SELECT p.id, p.event_id, p.actor_id, p.role, p.side" +
                 evidenceCount(o.evidenceCounts, "event_evidence", "v.participation_id = p.id") +
                 " FROM participation p" + (o.byId ? " ORDER BY p.id" : ""),
             fn);
    }
    void relations(const std::function<void(const RelationScanRow&)>& fn, ScanOptions o,
                   int) override;
    void eventLinks(const std::function<void(const EventLinkScanRow&)>& fn, ScanOptions o,
                    int) override {
        each("SELECT l.id, l.key, l.kind, l.from_id, l.to_id" +
                 evidenceCount(o.evidenceCounts, "event_link_evidence", "v.link_id = l.id") +
                 " FROM event_link l" + (o.byId ? " ORDER BY l.key" : ""),
             fn);
    }

private:
    /// Runs `sql` through a cursor, each row decoded (storage/rows.hpp) and handed to `fn`.
    template <class Out>
    void each(const std::string& sql, const std::function<void(const Out&)>& fn) {
        Out out;
        // Outside a transaction (a scan after finish()), the cursor needs one of its own.
        const bool idle = PQtransactionStatus(store_.state().c.native()) == PQTRANS_IDLE;
        if (idle) store_.x("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        try {
            store_.x("DECLARE bilateral_scan NO SCROLL CURSOR FOR " + sql);
            for (;;) {
                const auto r =
                    store_.x("FETCH FORWARD " + std::to_string(kBatch) + " FROM bilateral_scan");
                for (int i = 0; i < r.rows(); ++i) {
                    storage::rows::decode(detail::ResultRow{r, i}, out);
                    fn(out);
                }
                if (r.rows() < kBatch) break;
            }
            store_.x("CLOSE bilateral_scan");
        } catch (...) {
            if (idle) store_.state().c.exec("ROLLBACK");
            throw;
        }
        if (idle) store_.x("COMMIT");
    }

    Store& store_;
    bool own_ = false;
};

void Scan::events(const std::function<void(const EventScanRow&)>& fn, ScanOptions o, int) {
    each(
        "SELECT e.id, e.key, e.kind, e.title, e.status, coalesce(e.location, ''), "
        "coalesce(e.cameo, ''), coalesce(p.key, ''), e.parent_id, e.start_lo, e.start_prec, "
        "e.end_lo, e.end_prec, coalesce(e.place_country, ''), e.place_lat, e.place_lon, "
        "coalesce(e.place_gazetteer, ''), e.meeting_id" +
            evidenceCount(o.evidenceCounts, "event_evidence",
                          "v.event_id = e.id AND v.participation_id IS NULL") +
            " FROM event e LEFT JOIN event p ON p.id = e.parent_id" +
            (o.byId ? " ORDER BY e.key" : ""),
        fn);
}

void Scan::relations(const std::function<void(const RelationScanRow&)>& fn, ScanOptions o, int) {
    each(
        "SELECT r.id, r.key, r.kind, r.from_id, r.to_id, r.valid_from_lo, r.valid_from_prec, "
        "r.valid_to_lo, r.valid_to_prec, r.valid_to_hi" +
            evidenceCount(o.evidenceCounts, "evidence",
                          "v.relation_id = r.id AND v.attested_id IS NULL") +
            " FROM relation r" + (o.byId ? " ORDER BY r.key" : ""),
        fn);
}

}  // namespace

std::unique_ptr<TableScan> Store::scan(bool /*parallel*/) {
    return std::make_unique<Scan>(*this);
}

}  // namespace bilateral::storage::postgres
