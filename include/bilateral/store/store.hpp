#pragma once
// The SQLite store: one file, a versioned schema, foreign keys on, WAL, one transaction per
// import. sqlite3.h and SQLiteCpp stay out of this header.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/model/types.hpp"

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace bilateral::store {

/// The schema version this build writes; `PRAGMA user_version` of an up-to-date file.
inline constexpr int kSchemaVersion = 2;

struct OpenOptions {
    bool readOnly = false;      ///< open an existing file without writing anything to it
    bool create = true;         ///< create the file when missing (ignored when readOnly)
    int busyTimeoutMs = 5000;   ///< how long a second writer waits for the first
};

/// A prepared statement borrowed from the store's cache: reset and its bindings cleared when
/// handed out. Valid until the next `prepare` of the same SQL text; do not nest two uses of one.
class Statement {
public:
    Statement(SQLite::Statement& s, SQLite::Database& db) : s_(&s), db_(&db) {}
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);  ///< copied by SQLite
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bindNull(int index);
    template <class T> Statement& bind(int index, const std::optional<T>& v) {
        return v ? bind(index, *v) : bindNull(index);
    }

    /// Advance; true while there is a row.
    bool step();
    /// Run to completion; returns the number of rows changed.
    int exec();
    /// Finish early (releases the read snapshot a half-read statement holds).
    void reset();

    [[nodiscard]] bool isNull(int col) const;
    [[nodiscard]] std::int64_t getInt64(int col) const;
    [[nodiscard]] int getInt(int col) const;
    [[nodiscard]] double getDouble(int col) const;
    /// Text of the column; valid until the next step.
    [[nodiscard]] std::string_view getText(int col) const;
    [[nodiscard]] std::string getString(int col) const { return std::string(getText(col)); }
    [[nodiscard]] std::optional<std::string> getOptString(int col) const;

private:
    SQLite::Statement* s_;
    SQLite::Database* db_;
};

/// Counts of what the store holds, by table and by kind.
struct Counts {
    std::int64_t sources = 0, actors = 0, events = 0, participations = 0, relations = 0,
                 evidence = 0;
    std::vector<std::pair<std::string, std::int64_t>> actorsByKind, eventsByKind, relationsByKind;
};

/// An actor as the queries show it.
struct ActorRecord {
    std::int64_t row = 0;
    std::string id, name;
    model::ActorKind kind = model::ActorKind::Person;
    std::string country;  ///< empty when none
};

/// An event as the queries show it, without its nested parts.
struct EventRecord {
    std::int64_t row = 0;
    std::string id, title;
    model::EventKind kind = model::EventKind::CodedEvent;
    model::EventStatus status = model::EventStatus::Occurred;
    std::optional<model::Date> start, end;  ///< its own dates
    std::int64_t parentRow = 0;             ///< 0 when none
    std::string cameo;                      ///< empty when none
    /// The days it occupies, its own or (undated) its nearest dated ancestor's; none when
    /// neither is dated.
    std::optional<model::DayNumber> dayLo, dayHi;
};

/// Which events a look-up keeps. Days are inclusive; an event is kept when its day range may
/// overlap [from, to] (undated events never, when either is set).
struct EventFilter {
    std::optional<model::DayNumber> from, to;
    std::vector<model::EventKind> kinds;  ///< empty: all kinds
    bool occurredOnly = false;            ///< planned and cancelled events left out
};

/// Where an event sits in timeline order, and its id for ties.
struct EventSlot {
    std::int64_t row = 0;
    std::int64_t lo = 0, hi = 0;  ///< day range; undated: both INT32_MAX
    std::string id;
};

struct ParticipantRecord {
    ActorRecord actor;
    model::Role role = model::Role::Attendee;
};

class Store {
public:
    /// Open (and create) a database file, apply pending migrations, refuse a newer schema.
    /// Throws StorageError (not SQLite, unreadable, locked) or SchemaVersionError.
    static Store open(const std::filesystem::path& file, OpenOptions options = {});
    /// An in-memory store, for tests and scratch work.
    static Store memory();

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    [[nodiscard]] const std::filesystem::path& path() const noexcept;
    [[nodiscard]] int schemaVersion();
    [[nodiscard]] bool readOnly() const noexcept;

    // --- primitives for the library's own modules --------------------------------------------
    /// A cached prepared statement for `sql`, reset and cleared. Values are always bound.
    Statement prepare(std::string_view sql);
    /// Run SQL without parameters (pragmas, DDL, BEGIN/COMMIT).
    void execute(std::string_view sql);
    [[nodiscard]] std::int64_t lastInsertRowId() const;
    /// SQLite's connection, for the library's internals (never needed by users).
    SQLite::Database& connection();

    // --- writes (call inside a Transaction for atomic imports) --------------------------------
    // put* insert a record or, when its id exists, replace its fields; aliases, participants and
    // evidence are merged (a set union). A reference to an unknown id throws NotFoundError.
    void putSource(const model::Source& source);
    void putActor(const model::Actor& actor);
    void putEvent(const model::Event& event);
    void putRelation(const model::Relation& relation);

    /// Internal row ids, for bulk importers that resolve ids once.
    std::optional<std::int64_t> sourceRow(std::string_view id);
    std::optional<std::int64_t> actorRow(std::string_view id);
    std::optional<std::int64_t> eventRow(std::string_view id);
    std::optional<std::int64_t> relationRow(std::string_view id);

    // --- reads --------------------------------------------------------------------------------
    std::optional<model::Actor> findActor(std::string_view id);
    model::Actor getActor(std::string_view id);  ///< throws NotFoundError
    std::optional<model::Event> findEvent(std::string_view id);
    model::Event getEvent(std::string_view id);
    std::optional<model::Relation> findRelation(std::string_view id);
    std::optional<model::Source> findSource(std::string_view id);

    /// Everything, ordered by id.
    std::vector<model::Source> sources();
    std::vector<model::Actor> actors();
    std::vector<model::Event> events();
    std::vector<model::Relation> relations();

    /// From the tally kept at import: nothing is scanned.
    Counts counts();

    // --- look-ups for one actor, pair or post: through indexes, never a whole table ---------
    std::optional<ActorRecord> actorRecord(std::string_view id);
    ActorRecord actorRecordAt(std::int64_t row);
    EventRecord eventRecordAt(std::int64_t row);
    std::vector<ParticipantRecord> participantsAt(std::int64_t eventRow);
    /// Evidence rows of an event (its own, not its participations').
    std::int64_t eventEvidenceCount(std::int64_t eventRow);
    /// Calls `fn(other actor row, event)` for each other participant of each event of
    /// `actorRow` that the filter keeps; a pair may come twice when someone holds two roles.
    void forEachCoParticipant(std::int64_t actorRow, const EventFilter& filter,
                              const std::function<void(std::int64_t, const EventRecord&)>& fn);
    /// The events of an actor that the filter keeps, each once, in no particular order.
    std::vector<EventSlot> eventsOfActor(std::int64_t actorRow, const EventFilter& filter);
    /// Events with participants of country `a` and of country `b` (or, `b` empty, of `a`), in
    /// day order (ties unordered by id), until `fn` returns false.
    void forEachScopedEvent(std::string_view a, std::string_view b, const EventFilter& filter,
                            const std::function<bool(const EventSlot&)>& fn);
    /// The actor's aliases, in byte order.
    std::vector<std::string> actorAliasesAt(std::int64_t row);
    /// Ids of the relations from or to `actorRow` (of `kind`, when given) whose validity may
    /// overlap the days [from, to] (all of them when no days are given).
    std::vector<std::string> relationIdsTouching(std::int64_t actorRow,
                                                 std::optional<model::RelationKind> kind,
                                                 std::optional<model::DayNumber> from,
                                                 std::optional<model::DayNumber> to);
    /// Ids of the holds_post relations to the post `postRow` that may overlap [from, to].
    std::vector<std::string> tenureIdsOf(std::int64_t postRow, std::optional<model::DayNumber> from,
                                         std::optional<model::DayNumber> to);
    /// The largest event row id, 0 when there is none.
    std::int64_t maxEventRow();
    /// Whether some actor has this country.
    bool hasCountry(std::string_view code);
    /// Actors sharing an event with `actorRow` (any event), ascending row.
    std::vector<std::int64_t> linkedActors(std::int64_t actorRow);
    /// Actors joined to `actorRow` by a relation, either direction, ascending row.
    std::vector<std::int64_t> relatedActors(std::int64_t actorRow);
    /// The event that best shows two actors together: the earliest occurred one both took part
    /// in, else the earliest other one.
    std::optional<std::int64_t> sharedEvent(std::int64_t a, std::int64_t b);
    /// The first relation (by id) joining two actors, either direction.
    std::optional<std::pair<std::string, model::RelationKind>> relationBetween(std::int64_t a,
                                                                               std::int64_t b);

private:
    friend class Transaction;
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);
    /// Applies the migrations from schema version `from` to kSchemaVersion, in one transaction.
    void migrate(int from);
    /// Runs `write` inside the open Transaction, or inside one of its own when none is open, so
    /// the derived tables change with it.
    template <class F> void inTransaction(F&& write);
    void putSourceNow(const model::Source& source);
    void putActorNow(const model::Actor& actor);
    void putEventNow(const model::Event& event);
    void putRelationNow(const model::Relation& relation);
    struct ActorBefore {
        std::int64_t row;
        std::string kind, country;
    };
    std::optional<ActorBefore> existingActor(std::string_view id);
    /// Before an existing event's scope may change: takes its event_scope rows out, once.
    void touchEvent(std::int64_t eventRow);
    std::unique_ptr<Impl> impl_;
};

/// `Transaction tx(store); ...; tx.commit();` — BEGIN IMMEDIATE; rolls back in its destructor
/// unless committed.
class Transaction {
public:
    explicit Transaction(Store& store);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Store& store_;
    bool done_ = false;
};

/// Fast inserts for bulk importers (ICEWS and GDELT files): statements prepared once, text bound
/// without copying, plain inserts that leave existing records as they are (no upserts). While it
/// lives, SQLite's page cache of the connection is raised to `cacheMiB` so index updates of a
/// large import stay in memory; the old size is restored when it is destroyed. Use it inside a
/// Transaction and destroy it before the Store. See docs/performance.md.
class BulkWriter {
public:
    explicit BulkWriter(Store& store, int cacheMiB = 256);
    ~BulkWriter();
    BulkWriter(const BulkWriter&) = delete;
    BulkWriter& operator=(const BulkWriter&) = delete;

    /// An event row; text is bound without copying and must outlive the insert call.
    struct EventRow {
        std::string_view id;
        std::string_view kind;   ///< model::toString(EventKind)
        std::string_view title;
        std::optional<model::DayNumber> startLo, startHi;  ///< both or neither
        model::Precision startPrecision = model::Precision::Day;
        std::string_view cameo;           ///< empty: none
        std::optional<double> goldstein;
        std::string_view attributesJson;  ///< a JSON object's text; empty: none
    };
    /// Inserts the event unless its id exists. Its row id, or nullopt when the id was there.
    std::optional<std::int64_t> insertEvent(const EventRow& event);
    /// Inserts a participation (nothing when the same one exists).
    void insertParticipation(std::int64_t eventRow, std::int64_t actorRow, model::Role role);
    /// The row of source `id`, inserting {id, title, kind, url} when missing (and then setting
    /// `*inserted`).
    std::int64_t ensureSource(std::string_view id, std::string_view title, std::string_view kind,
                              std::string_view url, bool* inserted = nullptr);
    /// Evidence for an event: a source, an optional quote and note, basis stated.
    void insertEventEvidence(std::int64_t eventRow, std::int64_t sourceRow,
                             std::string_view quote = {}, std::string_view note = {});
    /// Inserts a new actor with its aliases, search entries and evidence, as putActor would,
    /// without putActor's merging (callers check `Store::actorRow` first). Its row id. Throws
    /// StorageError when the id exists, NotFoundError for an unknown evidence source.
    std::int64_t insertActor(const model::Actor& actor);
    /// Inserts a new relation between actor rows, with its evidence. Its row id.
    std::int64_t insertRelation(const model::Relation& relation, std::int64_t fromRow,
                                std::int64_t toRow);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace bilateral::store
