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
inline constexpr int kSchemaVersion = 1;

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

    Counts counts();

private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);
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
    /// Adds `alias` to the actor of row `actorRow` (and to the name search) unless it has it.
    /// Whether it was added.
    bool insertAlias(std::int64_t actorRow, std::string_view alias);
    /// Inserts a new relation between actor rows, with its evidence. Its row id.
    std::int64_t insertRelation(const model::Relation& relation, std::int64_t fromRow,
                                std::int64_t toRow);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace bilateral::store
