#pragma once
// The SQLite store: one file, a versioned schema, foreign keys on, WAL, one transaction per
// import. SQL stays inside the store: other modules ask it typed questions (this header,
// scans.hpp, search.hpp). sqlite3.h stays out of its headers.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/model/types.hpp"

namespace bilateral::store {

class Statement;
class BulkWriter;
class TableReader;
class SearchTokenizer;
namespace detail {
struct Access;
}

/// The schema version this build writes; `PRAGMA user_version` of an up-to-date file.
inline constexpr int kSchemaVersion = 3;

struct OpenOptions {
    bool readOnly = false;      ///< open an existing file without writing anything to it
    bool create = true;         ///< create the file when missing (ignored when readOnly)
    int busyTimeoutMs = 5000;   ///< how long a second writer waits for the first
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
    std::int64_t meetingRow = 0;  ///< the first event of its meeting; 0: a meeting of its own
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

/// A participation with the side it acts for (model::ownSide when the data states none).
struct SidedParticipation {
    std::int64_t actor = 0;
    model::Role role = model::Role::Attendee;
    std::string side;  ///< empty: no side
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
    /// Calls `fn(participation, event)` for each participation (the actor's own included) of
    /// each event of `actorRow` that the filter keeps, event after event (an event's rows are
    /// consecutive); a participation comes once per participation of `actorRow` in the event.
    void forEachParticipationAlongside(
        std::int64_t actorRow, const EventFilter& filter,
        const std::function<void(const SidedParticipation&, const EventRecord&)>& fn);
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
    /// How many events forEachScopedEvent would give (an index range count).
    std::int64_t countScopedEvents(std::string_view a, std::string_view b,
                                   const EventFilter& filter);
    /// Whether some actor has this country.
    bool hasCountry(std::string_view code);
    /// Actors sharing an event with `actorRow` (any event), ascending row.
    std::vector<std::int64_t> linkedActors(std::int64_t actorRow);
    /// Calls `fn` with each actor sharing an event with `actorRow`, ascending row, until it
    /// returns false.
    void forEachLinkedActor(std::int64_t actorRow, const std::function<bool(std::int64_t)>& fn);
    /// How many actors share an event with `actorRow` (an index range count).
    std::int64_t linkedActorCount(std::int64_t actorRow);
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
    friend class BulkWriter;
    friend class TableReader;
    friend class SearchTokenizer;
    friend struct detail::Access;
    struct Impl;
    /// A cached prepared statement for `sql`, reset and cleared. Values are always bound.
    Statement prepare(std::string_view sql);
    /// Runs SQL without parameters (pragmas, DDL, BEGIN/COMMIT).
    void execute(std::string_view sql);
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
    Statement scopedStatement(std::string_view a, std::string_view b, const EventFilter& filter,
                              bool count);
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

}  // namespace bilateral::store
