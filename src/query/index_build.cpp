// Index::build: a few full-table scans of the store into compact arrays (see index_data.hpp).
// No per-row queries: rows are joined in memory through dense row-id maps, sorted once
// (timeline order), and grouped with counting sorts into CSR tables.

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <algorithm>
#include <numeric>

#include "bilateral/error.hpp"
#include "bilateral/store/store.hpp"
#include "index_data.hpp"
#include "natural_order.hpp"

namespace bilateral::query {
namespace {

using model::Date;
using model::DayNumber;

/// One full scan with SQLite's C API: SQLiteCpp's column objects cost a reference count each,
/// which shows at millions of rows.
class Scan {
public:
    Scan(store::Store& store, const char* sql) : db_(store.connection().getHandle()), sql_(sql) {
        if (sqlite3_prepare_v2(db_, sql, -1, &st_, nullptr) != SQLITE_OK) fail();
    }
    ~Scan() { sqlite3_finalize(st_); }
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
    [[nodiscard]] int i32(int c) const { return sqlite3_column_int(st_, c); }
    [[nodiscard]] std::string_view text(int c) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, c));
        if (!p) return {};
        return {p, static_cast<std::size_t>(sqlite3_column_bytes(st_, c))};
    }

private:
    [[noreturn]] void fail() const {
        throw StorageError(std::string("cannot build the query index: ") + sqlite3_errmsg(db_),
                           sqlite3_errcode(db_), sqlite3_extended_errcode(db_), sql_);
    }
    sqlite3* db_;
    sqlite3_stmt* st_ = nullptr;
    std::string sql_;
};

/// SQLite row id → dense position: a plain array when row ids are dense (the usual case for
/// INTEGER PRIMARY KEY), else a sorted table searched by bisection.
class RowMap {
public:
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
    void build(std::vector<std::pair<std::int64_t, std::uint32_t>> rows) {
        std::int64_t maxRow = 0;
        bool positive = true;
        for (const auto& [r, ix] : rows) {
            maxRow = std::max(maxRow, r);
            positive = positive && r >= 0;
        }
        dense_ = positive && maxRow <= static_cast<std::int64_t>(rows.size()) * 4 + 1024;
        if (dense_) {
            table_.assign(static_cast<std::size_t>(maxRow) + 1, kNone);
            for (const auto& [r, ix] : rows) table_[static_cast<std::size_t>(r)] = ix;
        } else {
            std::sort(rows.begin(), rows.end());
            sorted_ = std::move(rows);
        }
    }
    [[nodiscard]] std::uint32_t find(std::int64_t row) const {
        if (dense_) {
            return row >= 0 && static_cast<std::size_t>(row) < table_.size()
                       ? table_[static_cast<std::size_t>(row)]
                       : kNone;
        }
        const auto it = std::lower_bound(sorted_.begin(), sorted_.end(),
                                         std::pair<std::int64_t, std::uint32_t>{row, 0});
        return it != sorted_.end() && it->first == row ? it->second : kNone;
    }

private:
    bool dense_ = true;
    std::vector<std::uint32_t> table_;
    std::vector<std::pair<std::int64_t, std::uint32_t>> sorted_;
};

/// Enum from its stored name; the last hit is remembered since columns repeat a few values.
template <class Enum> class EnumReader {
public:
    Enum operator()(std::string_view text) {
        if (has_ && text == last_) return value_;
        const auto v = model::parse<Enum>(text);
        if (!v) throw StorageError("database holds an unknown value \"" + std::string(text) + "\"");
        last_.assign(text);
        value_ = *v;
        has_ = true;
        return *v;
    }

private:
    bool has_ = false;
    std::string last_;
    Enum value_{};
};

std::optional<Date> storedDate(const Scan& s, int lo, int prec) {
    if (s.isNull(lo)) return std::nullopt;
    return Date::fromStored(static_cast<DayNumber>(s.i64(lo)),
                            static_cast<model::Precision>(s.i32(prec)));
}

/// Counting sort of (row, item) pairs into a CSR table with `rows` rows, keeping input order
/// within a row.
template <class T>
void fillCsr(Csr<T>& csr, std::size_t rows, const std::vector<std::uint32_t>& rowOf,
             const std::vector<T>& items) {
    csr.offsets.assign(rows + 1, 0);
    for (auto r : rowOf) ++csr.offsets[r + 1];
    std::partial_sum(csr.offsets.begin(), csr.offsets.end(), csr.offsets.begin());
    csr.items.resize(items.size());
    std::vector<std::uint32_t> next(csr.offsets.begin(), csr.offsets.end() - 1);
    for (std::size_t i = 0; i < items.size(); ++i) csr.items[next[rowOf[i]]++] = items[i];
}

// --- the scans -------------------------------------------------------------------------------

struct Builder {
    store::Store& store;
    const IndexFilter& filter;
    detail::IndexData& d;
    RowMap actorRows;
    RowMap eventRows;  ///< event row → EventIx (kNone when filtered out)

    void actors() {
        std::vector<std::int64_t> rows;
        EnumReader<model::ActorKind> kinds;
        Scan s(store, "SELECT id, key, kind, name, country FROM actor");
        while (s.step()) {
            rows.push_back(s.i64(0));
            ActorInfo a{std::string(s.text(1)), std::string(s.text(3)), kinds(s.text(2)),
                        std::string(s.text(4))};
            d.actors.push_back(std::move(a));
        }
        // Actors in natural id order, so answers do not depend on insertion order.
        std::vector<std::uint32_t> order(d.actors.size());
        std::iota(order.begin(), order.end(), 0u);
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return detail::naturalLess(d.actors[a].id, d.actors[b].id);
        });
        std::vector<ActorInfo> sorted;
        sorted.reserve(order.size());
        std::vector<std::pair<std::int64_t, std::uint32_t>> map;
        map.reserve(order.size());
        for (std::uint32_t ix = 0; ix < order.size(); ++ix) {
            sorted.push_back(std::move(d.actors[order[ix]]));
            map.emplace_back(rows[order[ix]], ix);
        }
        d.actors = std::move(sorted);
        actorRows.build(std::move(map));
        d.actorIds.build(d.actors.size(), [&](std::uint32_t i) -> std::string_view { return d.actors[i].id; });
    }

    void events() {
        struct Raw {
            std::int64_t row;
            std::int64_t parentRow;  ///< 0 when none
            DayNumber lo, hi;        ///< own day range, kUndated when undated
        };
        std::vector<Raw> raw;
        std::vector<EventInfo> infos;
        {
            Scan count(store, "SELECT count(*) FROM event");
            if (count.step()) {
                raw.reserve(static_cast<std::size_t>(count.i64(0)));
                infos.reserve(static_cast<std::size_t>(count.i64(0)));
            }
        }
        EnumReader<model::EventKind> kinds;
        EnumReader<model::EventStatus> statuses;
        Scan s(store,
               "SELECT id, key, kind, title, start_lo, start_hi, start_prec, end_lo, end_hi, "
               "end_prec, status, parent_id, cameo FROM event");
        while (s.step()) {
            EventInfo e{std::string(s.text(1)), std::string(s.text(3)), kinds(s.text(2)),
                        statuses(s.text(10)), storedDate(s, 4, 6), storedDate(s, 7, 9),
                        std::nullopt, std::string(s.text(12)), kUndated, kUndated};
            Raw r{s.i64(0), s.isNull(11) ? 0 : s.i64(11), kUndated, kUndated};
            if (!s.isNull(4)) {
                r.lo = static_cast<DayNumber>(s.i64(4));
                r.hi = static_cast<DayNumber>(s.isNull(7) ? s.i64(5) : s.i64(8));
            } else if (!s.isNull(7)) {
                r.lo = static_cast<DayNumber>(s.i64(7));
                r.hi = static_cast<DayNumber>(s.i64(8));
            }
            r.hi = std::max(r.hi, r.lo);
            raw.push_back(r);
            infos.push_back(std::move(e));
        }
        const std::size_t n = raw.size();
        RowMap position;  // event row → position in raw
        {
            std::vector<std::pair<std::int64_t, std::uint32_t>> map;
            map.reserve(n);
            for (std::uint32_t i = 0; i < n; ++i) map.emplace_back(raw[i].row, i);
            position.build(std::move(map));
        }

        // Undated sub-events take the dates of their nearest dated ancestor.
        std::vector<std::uint32_t> datedFrom(n, RowMap::kNone);
        for (std::uint32_t i = 0; i < n; ++i) {
            if (raw[i].lo != kUndated || raw[i].parentRow == 0) continue;
            std::uint32_t p = position.find(raw[i].parentRow);
            for (int depth = 0; p != RowMap::kNone && depth < 64; ++depth) {
                if (raw[p].lo != kUndated) {
                    datedFrom[i] = p;
                    break;
                }
                p = raw[p].parentRow == 0 ? RowMap::kNone : position.find(raw[p].parentRow);
            }
        }
        for (std::uint32_t i = 0; i < n; ++i) {
            if (datedFrom[i] == RowMap::kNone) continue;
            infos[i].earliest = raw[datedFrom[i]].lo;
            infos[i].latest = raw[datedFrom[i]].hi;
        }
        for (std::uint32_t i = 0; i < n; ++i) {
            if (datedFrom[i] != RowMap::kNone) continue;
            infos[i].earliest = raw[i].lo;
            infos[i].latest = raw[i].hi;
        }

        // Filter, then timeline order: (earliest, latest) as one 64-bit key, id (natural) on ties.
        const detail::DayWindow window(filter.from, filter.to);
        const auto kindMask = detail::kindMask(filter.kinds);
        std::vector<std::pair<std::uint64_t, std::uint32_t>> order;
        order.reserve(n);
        for (std::uint32_t i = 0; i < n; ++i) {
            const auto& e = infos[i];
            if (!detail::inMask(kindMask, e.kind) || !window.admits(e.earliest, e.latest)) continue;
            const auto key = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(e.earliest) ^ 0x80000000u) << 32) |
                             (static_cast<std::uint32_t>(e.latest) ^ 0x80000000u);
            order.emplace_back(key, i);
        }
        std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
            if (a.first != b.first) return a.first < b.first;
            return detail::naturalLess(infos[a.second].id, infos[b.second].id);
        });

        std::vector<std::uint32_t> rankOf(n, RowMap::kNone);
        for (std::uint32_t r = 0; r < order.size(); ++r) rankOf[order[r].second] = r;
        d.events.reserve(order.size());
        d.earliest.reserve(order.size());
        d.latest.reserve(order.size());
        d.kind.reserve(order.size());
        d.status.reserve(order.size());
        for (std::uint32_t r = 0; r < order.size(); ++r) {
            const auto i = order[r].second;
            if (datedFrom[i] == RowMap::kNone) continue;
            const auto& src = infos[datedFrom[i]];
            d.inherited.emplace(r, InheritedDates{src.start, src.end});
        }
        std::vector<std::pair<std::int64_t, std::uint32_t>> rowToRank;
        rowToRank.reserve(order.size());
        for (std::uint32_t r = 0; r < order.size(); ++r) {
            const auto i = order[r].second;
            auto& e = infos[i];
            if (raw[i].parentRow != 0) {
                const auto p = position.find(raw[i].parentRow);
                if (p != RowMap::kNone && rankOf[p] != RowMap::kNone) e.parent = rankOf[p];
            }
            d.earliest.push_back(e.earliest);
            d.latest.push_back(e.latest);
            d.kind.push_back(e.kind);
            d.status.push_back(e.status);
            rowToRank.emplace_back(raw[i].row, r);
            d.events.push_back(std::move(e));
        }
        eventRows.build(std::move(rowToRank));
        d.eventIds.build(d.events.size(), [&](std::uint32_t i) -> std::string_view { return d.events[i].id; });
    }

    void participations() {
        std::vector<std::uint32_t> eventOf;
        std::vector<Participation> items;
        {
            Scan count(store, "SELECT count(*) FROM participation");
            if (count.step()) {
                eventOf.reserve(static_cast<std::size_t>(count.i64(0)));
                items.reserve(static_cast<std::size_t>(count.i64(0)));
            }
        }
        EnumReader<model::Role> roles;
        Scan s(store, "SELECT event_id, actor_id, role FROM participation");
        while (s.step()) {
            const auto e = eventRows.find(s.i64(0));
            if (e == RowMap::kNone) continue;
            const auto a = actorRows.find(s.i64(1));
            if (a == RowMap::kNone) continue;
            eventOf.push_back(e);
            items.push_back(Participation{a, roles(s.text(2))});
        }
        fillCsr(d.participants, d.events.size(), eventOf, items);
    }

    /// Actor → events (distinct, timeline order), then actor → co-participants.
    void adjacency() {
        const std::size_t na = d.actors.size();
        const std::size_t ne = d.events.size();
        std::vector<std::uint32_t> last(na, RowMap::kNone);
        auto& ae = d.actorEvents;
        ae.offsets.assign(na + 1, 0);
        for (std::uint32_t e = 0; e < ne; ++e) {
            for (const auto& p : d.participants.row(e)) {
                if (last[p.actor] == e) continue;
                last[p.actor] = e;
                ++ae.offsets[p.actor + 1];
            }
        }
        std::partial_sum(ae.offsets.begin(), ae.offsets.end(), ae.offsets.begin());
        ae.items.resize(ae.offsets.back());
        std::vector<std::uint32_t> next(ae.offsets.begin(), ae.offsets.end() - 1);
        std::fill(last.begin(), last.end(), RowMap::kNone);
        for (std::uint32_t e = 0; e < ne; ++e) {
            for (const auto& p : d.participants.row(e)) {
                if (last[p.actor] == e) continue;
                last[p.actor] = e;
                ae.items[next[p.actor]++] = e;
            }
        }

        auto& nb = d.neighbours;
        nb.offsets.assign(na + 1, 0);
        nb.items.clear();
        nb.items.reserve(ae.items.size());
        std::fill(last.begin(), last.end(), RowMap::kNone);
        for (std::uint32_t a = 0; a < na; ++a) {
            const auto begin = nb.items.size();
            for (const auto e : ae.row(a)) {
                for (const auto& p : d.participants.row(e)) {
                    if (p.actor == a || last[p.actor] == a) continue;
                    last[p.actor] = a;
                    nb.items.push_back(p.actor);
                }
            }
            std::sort(nb.items.begin() + static_cast<std::ptrdiff_t>(begin), nb.items.end());
            nb.offsets[a + 1] = static_cast<std::uint32_t>(nb.items.size());
        }
        nb.items.shrink_to_fit();
    }

    void relations() {
        struct Raw {
            std::string id;
            ActorIx from, to;
        };
        std::vector<Raw> raw;
        const detail::DayWindow window(filter.from, filter.to);
        Scan s(store, "SELECT key, from_id, to_id, valid_from_lo, valid_to_hi FROM relation");
        while (s.step()) {
            const auto f = actorRows.find(s.i64(1));
            const auto t = actorRows.find(s.i64(2));
            if (f == RowMap::kNone || t == RowMap::kNone) continue;
            if (window.active) {
                const bool startsInTime = s.isNull(3) || s.i64(3) <= window.to;
                const bool endsInTime = s.isNull(4) || s.i64(4) >= window.from;
                if (!startsInTime || !endsInTime) continue;
            }
            raw.push_back(Raw{std::string(s.text(0)), f, t});
        }
        std::sort(raw.begin(), raw.end(),
                  [](const Raw& a, const Raw& b) { return detail::naturalLess(a.id, b.id); });
        std::vector<std::uint32_t> rowOf;
        std::vector<RelationEdge> edges;
        for (std::uint32_t r = 0; r < raw.size(); ++r) {
            d.relationIds.push_back(std::move(raw[r].id));
            if (raw[r].from == raw[r].to) continue;
            rowOf.push_back(raw[r].from);
            edges.push_back(RelationEdge{raw[r].to, r});
            rowOf.push_back(raw[r].to);
            edges.push_back(RelationEdge{raw[r].from, r});
        }
        const std::size_t na = d.actors.size();
        fillCsr(d.relationEdges, na, rowOf, edges);
        auto& re = d.relationEdges;
        auto& rel = d.related;
        rel.offsets.assign(na + 1, 0);
        for (std::size_t a = 0; a < na; ++a) {
            auto* b = re.items.data() + re.offsets[a];
            auto* e = re.items.data() + re.offsets[a + 1];
            std::sort(b, e, [](const RelationEdge& x, const RelationEdge& y) {
                return x.other != y.other ? x.other < y.other : x.relation < y.relation;
            });
            for (auto* p = b; p != e; ++p) {
                if (p == b || p->other != (p - 1)->other) rel.items.push_back(p->other);
            }
            rel.offsets[a + 1] = static_cast<std::uint32_t>(rel.items.size());
        }
    }

    /// Country → events and unordered country pair → events, through participants' countries.
    void countries() {
        const std::size_t na = d.actors.size();
        const std::size_t ne = d.events.size();
        std::vector<std::string_view> codes;
        for (const auto& a : d.actors) {
            if (!a.country.empty()) codes.push_back(a.country);
        }
        std::sort(codes.begin(), codes.end());
        codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
        for (std::uint32_t c = 0; c < codes.size(); ++c) {
            d.countries.emplace_back(codes[c]);
            d.countryIndex.emplace(codes[c], c);
        }
        const auto nc = static_cast<std::uint32_t>(d.countries.size());
        std::vector<std::uint32_t> countryOfActor(na, RowMap::kNone);
        for (std::size_t a = 0; a < na; ++a) {
            if (!d.actors[a].country.empty()) countryOfActor[a] = d.countryIndex.find(d.actors[a].country)->second;
        }

        // The distinct countries of each event.
        Csr<std::uint32_t> ec;
        ec.offsets.assign(ne + 1, 0);
        ec.items.reserve(d.participants.items.size());
        std::vector<std::uint32_t> seen(nc, RowMap::kNone);
        for (std::uint32_t e = 0; e < ne; ++e) {
            for (const auto& p : d.participants.row(e)) {
                const auto c = countryOfActor[p.actor];
                if (c == RowMap::kNone || seen[c] == e) continue;
                seen[c] = e;
                ec.items.push_back(c);
            }
            ec.offsets[e + 1] = static_cast<std::uint32_t>(ec.items.size());
        }

        // Country → events: events are visited in timeline order, so rows come out sorted.
        auto& ce = d.countryEvents;
        ce.offsets.assign(nc + 1, 0);
        for (auto c : ec.items) ++ce.offsets[c + 1];
        std::partial_sum(ce.offsets.begin(), ce.offsets.end(), ce.offsets.begin());
        ce.items.resize(ce.offsets.back());
        {
            std::vector<std::uint32_t> next(ce.offsets.begin(), ce.offsets.end() - 1);
            for (std::uint32_t e = 0; e < ne; ++e) {
                for (auto c : ec.row(e)) ce.items[next[c]++] = e;
            }
        }

        // Pair → events: count per slot, then fill.
        d.pairSlots.reset(nc);
        std::vector<std::uint32_t> perSlot;
        for (std::uint32_t e = 0; e < ne; ++e) {
            const auto cs = ec.row(e);
            for (std::size_t i = 0; i < cs.size(); ++i) {
                for (std::size_t j = i + 1; j < cs.size(); ++j) {
                    const auto next = static_cast<std::uint32_t>(perSlot.size());
                    const auto slot = d.pairSlots.slotOrAdd(cs[i], cs[j], next);
                    if (slot == next) perSlot.push_back(0);
                    ++perSlot[slot];
                }
            }
        }
        auto& de = d.dyadEvents;
        de.offsets.assign(perSlot.size() + 1, 0);
        std::partial_sum(perSlot.begin(), perSlot.end(), de.offsets.begin() + 1);
        de.items.resize(de.offsets.back());
        std::vector<std::uint32_t> next(de.offsets.begin(), de.offsets.end() - 1);
        for (std::uint32_t e = 0; e < ne; ++e) {
            const auto cs = ec.row(e);
            for (std::size_t i = 0; i < cs.size(); ++i) {
                for (std::size_t j = i + 1; j < cs.size(); ++j) {
                    de.items[next[d.pairSlots.find(cs[i], cs[j])]++] = e;
                }
            }
        }
    }
};

}  // namespace

Index Index::build(store::Store& store, const IndexFilter& filter) {
    auto data = std::make_unique<Data>();
    // One read transaction, so the scans see one snapshot even while an import runs.
    const bool ownTransaction = sqlite3_get_autocommit(store.connection().getHandle()) != 0;
    if (ownTransaction) store.execute("BEGIN");
    try {
        Builder b{store, filter, *data, {}, {}};
        b.actors();
        b.events();
        b.participations();
        b.relations();
        if (ownTransaction) store.execute("COMMIT");
        b.adjacency();
        b.countries();
    } catch (...) {
        if (ownTransaction && sqlite3_get_autocommit(store.connection().getHandle()) == 0) {
            try {
                store.execute("ROLLBACK");
            } catch (...) {  // NOLINT(bugprone-empty-catch): the first error is the one to report
            }
        }
        throw;
    }
    return Index(std::move(data));
}

}  // namespace bilateral::query
