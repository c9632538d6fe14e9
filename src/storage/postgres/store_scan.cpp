// Whole-table scans for the in-memory Index and the graph projection: one REPEATABLE READ
// snapshot, each table read through a cursor a batch of rows at a time (as the SQLite engine's
// scans.cpp, one lane).

#include "storage/postgres/store_impl.hpp"

namespace bilateral::storage::postgres {
namespace {

constexpr int kBatch = 20000;

/// `, <count of the subject's evidence>` (`, 0` when not wanted).
std::string evidenceCount(bool wanted, std::string_view table, std::string_view where) {
    if (!wanted) return ", 0";
    return ", (SELECT count(*) FROM " + std::string(table) + " v WHERE " + std::string(where) + ")";
}

StoredDate storedDate(const Result& r, int i, int lo) {
    StoredDate d;
    if (!r.isNull(i, lo)) {
        d.earliest = static_cast<model::DayNumber>(r.int64(i, lo));
        d.precision = static_cast<model::Precision>(r.int64(i, lo + 1));
    }
    return d;
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
        ActorScanRow x;
        each("SELECT a.id, a.key, a.kind, a.name, coalesce(a.country, '')" +
                 evidenceCount(o.evidenceCounts, "evidence", "v.actor_id = a.id") +
                 " FROM actor a" + (o.byId ? " ORDER BY a.key" : ""),
             [&](const Result& r, int i) {
                 x.row = r.int64(i, 0);
                 x.id = r.text(i, 1);
                 x.kind = r.text(i, 2);
                 x.name = r.text(i, 3);
                 x.country = r.text(i, 4);
                 x.evidence = r.int64(i, 5);
                 fn(x);
             });
    }
    void events(const std::function<void(const EventScanRow&)>& fn, ScanOptions o, int) override;
    void participations(const std::function<void(const ParticipationScanRow&)>& fn, ScanOptions o,
                        int) override {
        ParticipationScanRow x;
        each("SELECT p.id, p.event_id, p.actor_id, p.role, p.side" +
                 evidenceCount(o.evidenceCounts, "event_evidence", "v.participation_id = p.id") +
                 " FROM participation p" + (o.byId ? " ORDER BY p.id" : ""),
             [&](const Result& r, int i) {
                 x.row = r.int64(i, 0);
                 x.event = r.int64(i, 1);
                 x.actor = r.int64(i, 2);
                 x.role = r.text(i, 3);
                 x.side = r.text(i, 4);
                 x.evidence = r.int64(i, 5);
                 fn(x);
             });
    }
    void relations(const std::function<void(const RelationScanRow&)>& fn, ScanOptions o,
                   int) override;
    void eventLinks(const std::function<void(const EventLinkScanRow&)>& fn, ScanOptions o,
                    int) override {
        EventLinkScanRow x;
        each("SELECT l.id, l.key, l.kind, l.from_id, l.to_id" +
                 evidenceCount(o.evidenceCounts, "event_link_evidence", "v.link_id = l.id") +
                 " FROM event_link l" + (o.byId ? " ORDER BY l.key" : ""),
             [&](const Result& r, int i) {
                 x.row = r.int64(i, 0);
                 x.id = r.text(i, 1);
                 x.kind = r.text(i, 2);
                 x.from = r.int64(i, 3);
                 x.to = r.int64(i, 4);
                 x.evidence = r.int64(i, 5);
                 fn(x);
             });
    }

private:
    /// Runs `sql` through a cursor, `row(result, i)` for each row.
    void each(const std::string& sql, const std::function<void(const Result&, int)>& row) {
        // Outside a transaction (a scan after finish()), the cursor needs one of its own.
        const bool idle = PQtransactionStatus(store_.state().c.native()) == PQTRANS_IDLE;
        if (idle) store_.x("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        try {
            store_.x("DECLARE bilateral_scan NO SCROLL CURSOR FOR " + sql);
            for (;;) {
                const auto r =
                    store_.x("FETCH FORWARD " + std::to_string(kBatch) + " FROM bilateral_scan");
                for (int i = 0; i < r.rows(); ++i) row(r, i);
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
    EventScanRow x;
    each(
        "SELECT e.id, e.key, e.kind, e.title, e.status, coalesce(e.location, ''), "
        "coalesce(e.cameo, ''), coalesce(p.key, ''), e.parent_id, e.start_lo, e.start_prec, "
        "e.end_lo, e.end_prec, coalesce(e.place_country, ''), e.place_lat, e.place_lon, "
        "coalesce(e.place_gazetteer, ''), e.meeting_id" +
            evidenceCount(o.evidenceCounts, "event_evidence",
                          "v.event_id = e.id AND v.participation_id IS NULL") +
            " FROM event e LEFT JOIN event p ON p.id = e.parent_id" +
            (o.byId ? " ORDER BY e.key" : ""),
        [&](const Result& r, int i) {
            x.row = r.int64(i, 0);
            x.id = r.text(i, 1);
            x.kind = r.text(i, 2);
            x.title = r.text(i, 3);
            x.status = r.text(i, 4);
            x.location = r.text(i, 5);
            x.cameo = r.text(i, 6);
            x.parentId = r.text(i, 7);
            x.parentRow = r.int64(i, 8);
            x.start = storedDate(r, i, 9);
            x.end = storedDate(r, i, 11);
            x.placeCountry = r.text(i, 13);
            x.latitude = detail::optReal(r, i, 14);
            x.longitude = detail::optReal(r, i, 15);
            x.gazetteer = r.text(i, 16);
            x.meetingRow = r.int64(i, 17);
            x.evidence = r.int64(i, 18);
            fn(x);
        });
}

void Scan::relations(const std::function<void(const RelationScanRow&)>& fn, ScanOptions o, int) {
    RelationScanRow x;
    each(
        "SELECT r.id, r.key, r.kind, r.from_id, r.to_id, r.valid_from_lo, r.valid_from_prec, "
        "r.valid_to_lo, r.valid_to_prec, r.valid_to_hi" +
            evidenceCount(o.evidenceCounts, "evidence",
                          "v.relation_id = r.id AND v.attested_id IS NULL") +
            " FROM relation r" + (o.byId ? " ORDER BY r.key" : ""),
        [&](const Result& r, int i) {
            x.row = r.int64(i, 0);
            x.id = r.text(i, 1);
            x.kind = r.text(i, 2);
            x.from = r.int64(i, 3);
            x.to = r.int64(i, 4);
            x.validFrom = storedDate(r, i, 5);
            x.validTo = storedDate(r, i, 7);
            x.validToLatest = r.isNull(i, 9)
                                  ? std::nullopt
                                  : std::optional(static_cast<model::DayNumber>(r.int64(i, 9)));
            x.evidence = r.int64(i, 10);
            fn(x);
        });
}

}  // namespace

std::unique_ptr<TableScan> Store::scan(bool /*parallel*/) {
    return std::make_unique<Scan>(*this);
}

}  // namespace bilateral::storage::postgres
