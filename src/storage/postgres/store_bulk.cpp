// The event-file importers' insert path on PostgreSQL: storage::BulkWriter over the COPY loader
// (bulk.hpp). Rows are staged and settled at finish(), in the import's transaction. An event
// whose id was loaded before is told at once (a look-up per row, only when the database held
// events before: a first load skips it), so the import's summary is SQLite's; an id the input
// repeats is an error at finish() naming the rows (their order among the input's events).

#include <unordered_set>

#include "storage/postgres/search.hpp"
#include "storage/postgres/store_impl.hpp"
#include "storage/postgres/trend.hpp"

namespace bilateral::storage::postgres {
namespace {

class PgBulkWriter final : public storage::BulkWriter {
public:
    explicit PgBulkWriter(Store& store)
        : store_(store), loader_(prepare(store)), checkKeys_(store.maxEventRow() > 0) {
        store_.state().loader = &loader_;
    }
    ~PgBulkWriter() override { store_.state().loader = nullptr; }
    PgBulkWriter(const PgBulkWriter&) = delete;
    PgBulkWriter& operator=(const PgBulkWriter&) = delete;

    std::optional<RowId> insertEvent(const EventRow& e) override {
        if (checkKeys_ && store_.eventRow(e.id)) return std::nullopt;
        postgres::EventRow row{e.id,        e.kind,         e.title,
                               e.startLo,   e.startHi,      e.startPrecision,
                               e.cameo,     e.goldstein,    e.attributesJson,
                               e.location,  e.placeCountry, e.latitude,
                               e.longitude, e.gazetteer,    e.meetingRow,
                               e.evidenced, ++events_};
        return loader_.event(row);
    }
    void insertParticipation(RowId event, RowId actor, model::Role role) override {
        loader_.participation(event, actor, role);
    }
    RowId ensureSource(std::string_view id, std::string_view title, std::string_view kind,
                       std::string_view url, bool* inserted) override {
        const bool first = sources_.emplace(id).second;
        const bool existed = first && store_.sourceRow(id).has_value();
        model::Source s;
        s.id = id;
        s.title = title;
        if (!kind.empty()) s.kind = std::string(kind);
        if (!url.empty()) s.url = std::string(url);
        const auto row = loader_.source(s);
        if (inserted && first && !existed) *inserted = true;
        return row;
    }
    void insertEventEvidence(RowId event, RowId source, std::string_view quote,
                             std::string_view note) override {
        loader_.eventEvidence(event, source, quote, note);
    }
    RowId insertActor(const model::Actor& actor) override { return loader_.actor(actor); }
    bool insertAlias(RowId actor, std::string_view alias) override {
        if (const auto staged = loader_.stagedAlias(actor, alias)) return *staged;
        // An actor of the database: the alias goes in now.
        const auto r = store_.q(
            "INSERT INTO actor_alias(actor_id, alias) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            Params().int64(actor).text(alias));
        if (r.affected() == 0) return false;
        const auto s = store_.state().rules.searchText(alias);
        addSearchText(store_.state().c, actor, s.text, s.tokens);
        return true;
    }
    RowId insertRelation(const model::Relation& relation, RowId from, RowId to) override {
        return loader_.relation(relation, from, to);
    }
    bool finish() override {
        loader_.finish();
        auto& s = store_.state();
        addTrend(s.c, s.marks->event);  // [trend] the events the loader added
        // The loader kept the derived tables of its rows: the commit starts after them.
        s.marks = detail::watermarks(store_);
        s.lastId = -1;
        return true;
    }
    [[nodiscard]] bool rebuildsIndexes() const override { return false; }

private:
    /// The derived rows of what the transaction wrote before the loader (a file's source),
    /// then a loader on the store's connection.
    static BulkLoader prepare(Store& store) {
        auto& s = store.state();
        if (!s.marks) throw StorageError(s.location + ": a bulk import needs an open transaction");
        detail::refreshDerived(store, *s.marks, s.dirty);
        s.dirty.clear();
        s.marks = detail::watermarks(store);
        return BulkLoader(s.c, s.rules, "the input (rows counted among its events)");
    }

    Store& store_;
    BulkLoader loader_;
    bool checkKeys_;  ///< whether an event id may have been loaded before
    std::int64_t events_ = 0;
    std::unordered_set<std::string> sources_;
};

}  // namespace

std::unique_ptr<storage::BulkWriter> Store::bulkWriter() {
    return std::make_unique<PgBulkWriter>(*this);
}

}  // namespace bilateral::storage::postgres
