#pragma once
// The SQLite store: one file, a versioned schema, foreign keys on, WAL, one transaction per
// import. SQL stays inside the store: other modules ask it typed questions (this header,
// scans.hpp, search.hpp). sqlite3.h stays out of its headers.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
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
inline constexpr int kSchemaVersion = 4;

struct OpenOptions {
    bool readOnly = false;     ///< open an existing file without writing anything to it
    bool create = true;        ///< create the file when missing (ignored when readOnly)
    int busyTimeoutMs = 5000;  ///< how long a second writer waits for the first
    /// Read-only: hold one read transaction from open to close, so that every answer sees the
    /// same state of the file even while another process imports (the command line does this;
    /// a long-lived reader should not, as it keeps the WAL from being checkpointed).
    bool snapshot = false;
    /// Write bilateral's schema into an existing file that is not a bilateral database: an
    /// empty (0-byte) file, or an SQLite database holding other tables (`import --init`).
    /// Without it such a file is refused, naming the tables found. Never for non-SQLite files.
    bool adopt = false;
    /// The caller uses the store from one thread at a time: SQLite's own lock around each call
    /// is left out (SQLITE_OPEN_NOMUTEX; a listing makes hundreds of thousands of calls).
    /// interrupt() stays safe from another thread or a signal handler.
    bool oneThread = false;
    /// Called once when the store first has to wait for another writer's lock (for a message).
    std::function<void()> onLockWait;
};

using Counts = model::Counts;

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
    std::string location, placeCountry;  ///< [places] its place's name and country; empty: none
    std::int64_t meetingRow = 0;  ///< the first event of its meeting; 0: a meeting of its own
    /// [notes] What else it has, as bits: 1 its own evidence, 2 evidence of its participations,
    /// 4 links (a set bit may be stale, a clear one never is).
    std::uint8_t notes = 0;
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
    std::int64_t parentRow = 0;  ///< 0 when none (then its depth is 0)
    int depth = 0;         ///< parents above it ([attested]: a sub-event sorts after its parent)
    bool byPlace = false;  ///< [places] in the scope through its place, not its participants
};

/// [places] A link of an event, seen from it: to (`outgoing`) or from another event.
struct EventLinkRecord {
    std::string id;
    model::EventLinkKind kind = model::EventLinkKind::LeadsTo;
    bool outgoing = true;
    std::int64_t otherRow = 0;
    std::string otherId, otherTitle;
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
    model::Support support;  ///< of this participation ([attested])
};

/// Which participants Store::eventDetails reads: none, only those whose participation has
/// evidence (all a listing's support needs: the others rest on nothing), or all.
enum class ParticipantsRead : std::uint8_t { None, WithEvidence, All };

/// What a listing shows of one event (Store::eventDetails).
struct EventDetails {
    EventRecord record;
    std::int64_t evidence = 0;                    ///< evidence records of the event itself
    model::Support support;                       ///< folded over them
    std::vector<ParticipantRecord> participants;  ///< when asked, as participantsAt gives them
    std::vector<EventLinkRecord> links;           ///< when asked, as eventLinksAt gives them
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
    /// Makes the running statement, and every statement until the transaction is rolled back,
    /// fail with a StorageError (SQLITE_INTERRUPT). Safe to call from a signal handler or
    /// another thread; the store is unusable for writing afterwards.
    void interrupt() noexcept;

    // --- writes (call inside a Transaction for atomic imports) --------------------------------
    // put* insert a record or, when its id exists, replace its fields; aliases, participants and
    // evidence are merged (a set union). A reference to an unknown id throws NotFoundError.
    void putSource(const model::Source& source);
    void putActor(const model::Actor& actor);
    void putEvent(const model::Event& event);
    void putRelation(const model::Relation& relation);
    /// [places] A link between two events (both must exist); evidence merged as above.
    void putEventLink(const model::EventLink& link);

    /// Internal row ids, for bulk importers that resolve ids once.
    std::optional<std::int64_t> sourceRow(std::string_view id);
    std::optional<std::int64_t> actorRow(std::string_view id);
    std::optional<std::int64_t> eventRow(std::string_view id);
    std::optional<std::int64_t> relationRow(std::string_view id);
    std::optional<std::int64_t> eventLinkRow(std::string_view id);

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
    /// [places] Every link between events, ordered by id.
    std::vector<model::EventLink> eventLinks();
    std::optional<model::EventLink> findEventLink(std::string_view id);

    /// From the tally kept at import: nothing is scanned.
    Counts counts();

    // --- look-ups for one actor, pair or post: through indexes, never a whole table ---------
    std::optional<ActorRecord> actorRecord(std::string_view id);
    ActorRecord actorRecordAt(std::int64_t row);
    EventRecord eventRecordAt(std::int64_t row);
    /// How many parents each of `rows` has above it (0 for a top-level event; at most 64 are
    /// followed), in that order, in one statement.
    std::vector<int> eventDepths(std::span<const std::int64_t> rows);
    std::vector<ParticipantRecord> participantsAt(std::int64_t eventRow);
    /// [places] The links from and to an event: outgoing first, then by kind and other id.
    std::vector<EventLinkRecord> eventLinksAt(std::int64_t eventRow);
    /// The details of the events at `rows`, in that order: the same as eventRecordAt,
    /// eventEvidenceCount, eventSupport, participantsAt and eventLinksAt for each, read in at
    /// most five statements whatever the number of events (a page of a timeline).
    std::vector<EventDetails> eventDetails(std::span<const std::int64_t> rows,
                                           ParticipantsRead participants, bool links);
    /// The same for details whose records were read already (each row's record read again
    /// would be a second read of its page): fills in the rest.
    void fillEventDetails(std::span<EventDetails> details, ParticipantsRead participants,
                          bool links);
    /// Evidence rows of an event (its own, not its participations').
    std::int64_t eventEvidenceCount(std::int64_t eventRow);
    /// What the event itself rests on (its own evidence) ([attested]).
    model::Support eventSupport(std::int64_t eventRow);
    /// Calls `fn(participation, event)` for each participation (the actor's own included) of
    /// each event of `actorRow` that the filter keeps, event after event (an event's rows are
    /// consecutive); a participation comes once per participation of `actorRow` in the event.
    void forEachParticipationAlongside(
        std::int64_t actorRow, const EventFilter& filter,
        const std::function<void(const SidedParticipation&, const EventRecord&)>& fn);
    /// The events of an actor that the filter keeps, each once, in row order: details with their
    /// records read (fillEventDetails reads the rest of those a page keeps).
    std::vector<EventDetails> eventsOfActor(std::int64_t actorRow, const EventFilter& filter);
    /// Events with participants of country `a` and of country `b` (or, `b` empty, of `a`), or
    /// with participants of one acting in a place of the other (`b` empty: located in `a`;
    /// EventSlot::byPlace), in day order (ties unordered by id), until `fn` returns false.
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
    /// Whether some actor has this country, or some event's place lies in it.
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
    /// Makes a new database file whole under a temporary name, then links it into place.
    static void createFile(const std::filesystem::path& file, const OpenOptions& options);
    /// Opens `file` with SQLite's `flags` and the store's busy handler.
    static std::unique_ptr<Impl> connect(const std::filesystem::path& file, const std::string& name,
                                         int flags, const OpenOptions& options);
    /// Applies the migrations from schema version `from` to kSchemaVersion, in one transaction.
    void migrate(int from);
    /// Runs `write` inside the open Transaction, or inside one of its own when none is open, so
    /// the derived tables change with it.
    template <class F>
    void inTransaction(F&& write);
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
    /// commit(), calling `phase` with "deriving", "indexing" and "committing" as it gets there
    /// (a progress display's last steps).
    void commit(const std::function<void(std::string_view)>& phase);

private:
    Store& store_;
    bool done_ = false;
};

}  // namespace bilateral::store
