// BulkWriter: the insert path of the event-file importers, straight on SQLite's C API.

#include <sqlite3.h>

#include <array>

#include "bilateral/rules/search_text.hpp"
#include "bilateral/rules/timeline.hpp"
#include "bulk_derived.hpp"
#include "bulk_writer.hpp"
#include "schema.hpp"
#include "store_impl.hpp"

namespace bilateral::sqlite {

namespace {

enum Stmt : std::size_t {
    kEvent,
    kParticipation,
    kSourceInsert,
    kSourceFind,
    kEvidence,
    kActor,
    kAlias,
    kSearch,
    kActorEvidence,
    kRelation,
    kRelationEvidence,
    kEventNotes,
    kCount
};

constexpr std::array<const char*, kCount> kSql{
    "INSERT INTO event(key, kind, title, start_lo, start_hi, start_prec, cameo, goldstein, "
    "attributes, day_lo, day_hi, location, place_country, place_lat, place_lon, place_gazetteer, "
    "meeting_id, notes) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?17,?18,?10,?11,?12,?13,?14,?15,?16) "
    "ON CONFLICT(key) DO NOTHING",
    "INSERT INTO participation(event_id, actor_id, role) VALUES (?,?,?) "
    "ON CONFLICT(event_id, actor_id, role) DO NOTHING",
    "INSERT INTO source(key, title, kind, url) VALUES (?,?,?,?) ON CONFLICT(key) DO NOTHING",
    "SELECT id FROM source WHERE key = ?",
    "INSERT INTO evidence(event_id, source_id, quote, note) VALUES (?,?,?,?)",
    "INSERT INTO actor(key, kind, name, country, attributes) VALUES (?,?,?,?,?)",
    "INSERT OR IGNORE INTO actor_alias(actor_id, alias) VALUES (?,?)",
    "INSERT INTO actor_search(actor_id, text) VALUES (?,?)",
    "INSERT INTO evidence(actor_id, source_id, span_start, span_end, quote, basis, confidence, "
    "note) VALUES (?,?,?,?,?,?,?,?)",
    "INSERT INTO relation(key, kind, from_id, to_id, valid_from_lo, valid_from_hi, "
    "valid_from_prec, valid_to_lo, valid_to_hi, valid_to_prec, attributes) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    "INSERT INTO evidence(relation_id, source_id, span_start, span_end, quote, basis, "
    "confidence, note) VALUES (?,?,?,?,?,?,?,?)",
    "UPDATE event SET notes = notes | 1 WHERE id = ?",
};

[[noreturn]] void fail(sqlite3* db, const char* sql, int rc) {
    throw StorageError(std::string("bulk insert failed: ") + sqlite3_errmsg(db), rc & 0xFF,
                       sqlite3_extended_errcode(db), sql);
}

}  // namespace

struct BulkWriter::Impl {
    Store& store;
    sqlite3* db;
    std::array<sqlite3_stmt*, kCount> st{};
    std::int64_t oldCache = 0;
    bool cacheChanged = false;
    /// The derived tables of the rows this writer adds, gathered in memory (bulk_derived.hpp);
    /// `gathered` turns false when a row falls outside what it can follow, and then the
    /// transaction's set-based refresh does the work at commit.
    detail::BulkDerived derived;
    bool gathered = true;
    bool finished = false;
    detail::Watermarks start;
    std::int64_t evidencedEvent = 0;  ///< [notes] the last event inserted with its bit 1 set

    Impl(Store& s, sqlite3* handle) : store(s), db(handle), derived(handle) {}
    ~Impl() {
        for (auto* s : st) sqlite3_finalize(s);  // NULL is a no-op
    }

    sqlite3_stmt* get(Stmt which) {
        auto*& s = st[which];
        if (!s) {
            const int rc =
                sqlite3_prepare_v3(db, kSql[which], -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr);
            if (rc != SQLITE_OK) fail(db, kSql[which], rc);
        }
        return s;
    }
    void text(sqlite3_stmt* s, int i, std::string_view v) {
        const int rc =
            v.data() ? sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC)
                     : sqlite3_bind_text(s, i, "", 0, SQLITE_STATIC);
        if (rc != SQLITE_OK) fail(db, sqlite3_sql(s), rc);
    }
    void textOrNull(sqlite3_stmt* s, int i, std::string_view v) {
        if (v.empty())
            sqlite3_bind_null(s, i);
        else
            text(s, i, v);
    }
    void optText(sqlite3_stmt* s, int i, const std::optional<std::string>& v) {
        if (v)
            text(s, i, *v);
        else
            sqlite3_bind_null(s, i);
    }
    void date(sqlite3_stmt* s, int i, const std::optional<model::Date>& d) {
        if (!d) {
            for (int k = 0; k < 3; ++k) sqlite3_bind_null(s, i + k);
            return;
        }
        sqlite3_bind_int64(s, i, d->earliest());
        sqlite3_bind_int64(s, i + 1, d->latest());
        sqlite3_bind_int(s, i + 2, static_cast<int>(d->precision()));
    }
    /// Evidence rows for the subject row `row` through statement `which` (columns: subject,
    /// source, span start, span end, quote, basis, confidence, note).
    void evidence(Stmt which, std::int64_t row, const std::vector<model::Evidence>& all) {
        for (const auto& e : all) {
            const auto source = store.sourceRow(e.source);
            if (!source) throw NotFoundError("source \"" + e.source + "\" does not exist");
            auto* s = get(which);
            sqlite3_bind_int64(s, 1, row);
            sqlite3_bind_int64(s, 2, *source);
            if (e.span) {
                sqlite3_bind_int64(s, 3, e.span->start);
                sqlite3_bind_int64(s, 4, e.span->end);
            } else {
                sqlite3_bind_null(s, 3);
                sqlite3_bind_null(s, 4);
            }
            optText(s, 5, e.quote);
            text(s, 6, model::toString(e.basis));
            if (e.confidence)
                sqlite3_bind_double(s, 7, *e.confidence);
            else
                sqlite3_bind_null(s, 7);
            optText(s, 8, e.note);
            if (run(s)) derived.count("evidence");
        }
    }
    /// Steps an insert to completion; returns whether it changed a row.
    bool run(sqlite3_stmt* s) {
        const int rc = sqlite3_step(s);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
            sqlite3_reset(s);
            fail(db, sqlite3_sql(s), rc);
        }
        sqlite3_reset(s);
        return sqlite3_changes(db) > 0;
    }
};

BulkWriter::BulkWriter(Store& store, int cacheMiB)
    : impl_(std::make_unique<Impl>(store, detail::connection(store))) {
    // Rows written before this writer (in the same transaction) are brought into the derived
    // tables now; the writer follows its own rows from here.
    auto& marks = store.impl_->marks;
    if (marks) {
        detail::refreshDerived(store, *marks, store.impl_->dirty);
        marks = detail::watermarks(store);
        store.impl_->dirty.clear();
        impl_->start = *marks;
        // Into an empty database, the secondary indexes are built once at the end rather than
        // kept ordered row by row (schema.hpp: deferrableIndexes).
        if (marks->event == 0 && marks->participation == 0 && marks->evidence == 0 &&
            !store.impl_->indexesDeferred) {
            for (const auto& index : detail::deferrableIndexes()) {
                store.execute("DROP INDEX IF EXISTS " + std::string(index.name));
            }
            store.impl_->indexesDeferred = true;
        }
    } else {
        impl_->gathered = false;
    }
    auto st = store.prepare("PRAGMA cache_size");
    if (st.step()) impl_->oldCache = st.getInt64(0);
    st.reset();
    // A negative cache_size is in KiB. Only ever grow it.
    const std::int64_t wanted = -std::int64_t{cacheMiB} * 1024;
    const auto bytes = [](std::int64_t v) { return v < 0 ? -v * 1024 : v * 4096; };
    if (cacheMiB > 0 && bytes(wanted) > bytes(impl_->oldCache)) {
        store.execute("PRAGMA cache_size = " + std::to_string(wanted));
        impl_->cacheChanged = true;
    }
}

BulkWriter::~BulkWriter() {
    if (impl_ && impl_->cacheChanged) {
        try {
            impl_->store.execute("PRAGMA cache_size = " + std::to_string(impl_->oldCache));
        } catch (...) {  // NOLINT(bugprone-empty-catch): destructors never throw
        }
    }
}

std::optional<std::int64_t> BulkWriter::insertEvent(const EventRow& e) {
    auto& d = *impl_;
    auto* s = d.get(kEvent);
    d.text(s, 1, e.id);
    d.text(s, 2, e.kind);
    d.text(s, 3, e.title);
    if (e.startLo && e.startHi) {
        sqlite3_bind_int64(s, 4, *e.startLo);
        sqlite3_bind_int64(s, 5, *e.startHi);
        sqlite3_bind_int(s, 6, static_cast<int>(e.startPrecision));
    } else {
        sqlite3_bind_null(s, 4);
        sqlite3_bind_null(s, 5);
        sqlite3_bind_null(s, 6);
    }
    d.textOrNull(s, 7, e.cameo);
    if (e.goldstein)
        sqlite3_bind_double(s, 8, *e.goldstein);
    else
        sqlite3_bind_null(s, 8);
    d.textOrNull(s, 9, e.attributesJson);
    d.textOrNull(s, 10, e.location);
    d.textOrNull(s, 11, e.placeCountry);
    auto real = [&](int i, const std::optional<double>& v) {
        if (v)
            sqlite3_bind_double(s, i, *v);
        else
            sqlite3_bind_null(s, i);
    };
    real(12, e.latitude);
    real(13, e.longitude);
    d.textOrNull(s, 14, e.gazetteer);
    if (e.meetingRow)
        sqlite3_bind_int64(s, 15, *e.meetingRow);
    else
        sqlite3_bind_null(s, 15);
    sqlite3_bind_int(s, 16, e.evidenced ? 1 : 0);
    // The days it occupies, by the rule (an event file's row has a start only).
    const auto days = rules::ownDays(
        e.startLo && e.startHi ? std::optional(rules::Days{*e.startLo, *e.startHi}) : std::nullopt,
        std::nullopt);
    if (days.dated()) {
        sqlite3_bind_int64(s, 17, days.lo);
        sqlite3_bind_int64(s, 18, days.hi);
    } else {
        sqlite3_bind_null(s, 17);
        sqlite3_bind_null(s, 18);
    }
    if (!d.run(s)) return std::nullopt;
    const auto row = sqlite3_last_insert_rowid(d.db);
    if (e.evidenced) d.evidencedEvent = row;
    d.derived.event(row, days.lo, days.hi, e.kind, e.placeCountry);
    return row;
}

void BulkWriter::insertParticipation(std::int64_t eventRow, std::int64_t actorRow,
                                     model::Role role) {
    auto& d = *impl_;
    // A participant added to an event from before this writer changes that event's countries:
    // its event_scope rows come out now and go back at commit, as for Store::putEvent.
    if (d.store.impl_->marks && eventRow <= d.start.event) d.store.touchEvent(eventRow);
    auto* s = d.get(kParticipation);
    sqlite3_bind_int64(s, 1, eventRow);
    sqlite3_bind_int64(s, 2, actorRow);
    d.text(s, 3, model::toString(role));
    if (d.run(s) && !d.derived.participation(eventRow, actorRow)) {
        // Rows the writer wrote in batches would be counted again by the set-based refresh.
        if (d.derived.wroteBatches()) {
            throw StorageError(
                "bulk insert: a participation of an earlier event after the "
                "derived rows were written in batches");
        }
        d.gathered = false;
    }
}

std::int64_t BulkWriter::ensureSource(std::string_view id, std::string_view title,
                                      std::string_view kind, std::string_view url, bool* inserted) {
    auto& d = *impl_;
    auto* ins = d.get(kSourceInsert);
    d.text(ins, 1, id);
    d.text(ins, 2, title);
    d.textOrNull(ins, 3, kind);
    d.textOrNull(ins, 4, url);
    const bool added = d.run(ins);
    if (inserted) *inserted = added;
    if (added) d.derived.count("source");
    if (added) return sqlite3_last_insert_rowid(d.db);
    auto* find = d.get(kSourceFind);
    d.text(find, 1, id);
    const int rc = sqlite3_step(find);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(find);
        fail(d.db, kSql[kSourceFind], rc == SQLITE_DONE ? SQLITE_INTERNAL : rc);
    }
    const auto row = sqlite3_column_int64(find, 0);
    sqlite3_reset(find);
    return row;
}

void BulkWriter::insertEventEvidence(std::int64_t eventRow, std::int64_t sourceRow,
                                     std::string_view quote, std::string_view note) {
    auto& d = *impl_;
    auto* s = d.get(kEvidence);
    sqlite3_bind_int64(s, 1, eventRow);
    sqlite3_bind_int64(s, 2, sourceRow);
    d.textOrNull(s, 3, quote);
    d.textOrNull(s, 4, note);
    if (!d.run(s)) return;
    d.derived.count("evidence");
    if (eventRow != d.evidencedEvent) {  // [notes] the event lists its evidence
        auto* n = d.get(kEventNotes);
        sqlite3_bind_int64(n, 1, eventRow);
        d.run(n);
        d.evidencedEvent = eventRow;
    }
}

std::int64_t BulkWriter::insertActor(const model::Actor& a) {
    auto& d = *impl_;
    auto* s = d.get(kActor);
    const auto attributes = detail::attributesToJson(a.attributes);
    d.text(s, 1, a.id);
    d.text(s, 2, model::toString(a.kind));
    d.text(s, 3, a.name);
    d.optText(s, 4, a.country);
    d.optText(s, 5, attributes);
    d.run(s);
    const auto row = sqlite3_last_insert_rowid(d.db);
    d.derived.actor(row, model::toString(a.kind), a.country.value_or(""));
    // Search entries: the name and each alias, folded as Store::putActor folds them.
    const auto search = [&](std::string_view t) {
        const auto folded = rules::foldForSearch(t);
        auto* q = d.get(kSearch);
        sqlite3_bind_int64(q, 1, row);
        d.text(q, 2, folded);
        d.run(q);
    };
    search(a.name);
    for (const auto& alias : a.aliases) {
        auto* q = d.get(kAlias);
        sqlite3_bind_int64(q, 1, row);
        d.text(q, 2, alias);
        if (d.run(q)) search(alias);
    }
    d.evidence(kActorEvidence, row, a.evidence);
    return row;
}

bool BulkWriter::insertAlias(std::int64_t actorRow, std::string_view alias) {
    auto& d = *impl_;
    auto* q = d.get(kAlias);
    sqlite3_bind_int64(q, 1, actorRow);
    d.text(q, 2, alias);
    if (!d.run(q)) return false;
    const auto folded = rules::foldForSearch(alias);
    auto* s = d.get(kSearch);
    sqlite3_bind_int64(s, 1, actorRow);
    d.text(s, 2, folded);
    d.run(s);
    return true;
}

std::int64_t BulkWriter::insertRelation(const model::Relation& r, std::int64_t fromRow,
                                        std::int64_t toRow) {
    auto& d = *impl_;
    auto* s = d.get(kRelation);
    const auto attributes = detail::attributesToJson(r.attributes);
    d.text(s, 1, r.id);
    d.text(s, 2, model::toString(r.kind));
    sqlite3_bind_int64(s, 3, fromRow);
    sqlite3_bind_int64(s, 4, toRow);
    d.date(s, 5, r.valid.start);
    d.date(s, 8, r.valid.end);
    d.optText(s, 11, attributes);
    d.run(s);
    const auto row = sqlite3_last_insert_rowid(d.db);
    d.derived.count("relation", model::toString(r.kind));
    d.derived.count("relation");
    d.evidence(kRelationEvidence, row, r.evidence);
    return row;
}

bool BulkWriter::rebuildsIndexes() const {
    return impl_->store.impl_->indexesDeferred;
}

bool BulkWriter::finish() {
    auto& d = *impl_;
    auto& marks = d.store.impl_->marks;
    detail::restoreDeferredIndexes(d.store);
    if (!d.gathered || !marks || d.finished) return false;
    d.finished = true;
    // Row ids grow by one per row: the rows this writer followed must be all the rows added
    // since it began, else the set-based refresh at commit does the work.
    const auto now = detail::watermarks(d.store);
    const auto& t = d.derived;
    const bool complete = now.event - d.start.event == t.counted("event") &&
                          now.participation - d.start.participation == t.counted("participation") &&
                          now.actor - d.start.actor == t.counted("actor") &&
                          now.relation - d.start.relation == t.counted("relation") &&
                          now.evidence - d.start.evidence == t.counted("evidence") &&
                          now.source - d.start.source == t.counted("source");
    if (!complete) {
        if (d.derived.wroteBatches()) {
            throw StorageError(
                "bulk insert: rows were added beside the writer after its derived "
                "rows were written in batches");
        }
        return false;
    }
    d.derived.write();
    detail::addTrend(d.store, d.start.event);  // [trend] the events this writer added
    marks = now;
    return true;
}

}  // namespace bilateral::sqlite
