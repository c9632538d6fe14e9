#pragma once
// Internal (not installed): the storage interface. An engine keeps a bilateral database (the
// SQLite engine a file, src/storage/sqlite/; a PostgreSQL engine a server) and answers the
// typed questions below; every rule (timeline order, undated, ancestor dates, sides, meetings,
// the shared event) is applied above it (query/) or given to it computed by the rule
// (src/rules/), so two engines cannot disagree on one. No SQL crosses this interface.
//
// Cost: a question about one actor, pair or country costs what its answer costs; a page of
// events is read in a few round trips whatever its length, never one per event. What can be
// large is streamed through a callback that may stop early.
//
// An engine is used from one thread at a time, except interrupt(); whole-table scans may use
// a second connection of their own (TableScan).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/storage/bulk.hpp"
#include "bilateral/storage/records.hpp"
#include "bilateral/storage/scan.hpp"

namespace bilateral::storage {

/// An open write transaction: what is written through the engine until commit() is one
/// change, seen by readers only once committed. Destroyed without commit(), it rolls back
/// (also after an interrupt or a failed commit); destructors never throw.
class Transaction {
public:
    virtual ~Transaction();
    /// Commits: the derived rows the engine keeps are brought up to date first, in the same
    /// transaction. `phase` (may be empty) is called with "deriving", "indexing" (when an
    /// import set indexes aside) and "committing" as it gets there, for a progress display.
    virtual void commit(const std::function<void(std::string_view)>& phase = {}) = 0;
};

/// A read snapshot: every read until it is destroyed sees one state of the database (nothing
/// when one is held already: an open Transaction, OpenOptions::snapshot).
class ReadSnapshot {
public:
    virtual ~ReadSnapshot();
};

class Engine {
public:
    virtual ~Engine();

    // --- the database ---------------------------------------------------------------------
    /// Where it is, as given to open (a file path; a URL without its password).
    [[nodiscard]] virtual const std::string& location() const noexcept = 0;
    [[nodiscard]] virtual bool readOnly() const noexcept = 0;
    /// The schema version of the database (the engine's own numbering).
    [[nodiscard]] virtual int schemaVersion() = 0;
    /// Makes the running statement, and every one after it, fail with a StorageError
    /// ("interrupted"); the open transaction can then only roll back. Safe from a signal
    /// handler or another thread.
    virtual void interrupt() noexcept = 0;

    /// Begins a write transaction (one at a time). Throws StorageError when read-only or
    /// when another writer holds the database past the busy timeout.
    virtual std::unique_ptr<Transaction> begin() = 0;
    virtual std::unique_ptr<ReadSnapshot> snapshot() = 0;

    // --- writes (inside a Transaction for an atomic import; each alone is atomic too) -------
    // put* insert a record or, when its id exists, replace its fields; aliases, participants and
    // evidence are merged (a set union). A reference to an unknown id throws NotFoundError.
    virtual void putSource(const model::Source& source) = 0;
    virtual void putActor(const model::Actor& actor) = 0;
    virtual void putEvent(const model::Event& event) = 0;
    virtual void putRelation(const model::Relation& relation) = 0;
    /// [places] A link between two events (both must exist).
    virtual void putEventLink(const model::EventLink& link) = 0;
    /// [identity] Removes the relation `id` with its evidence, attestations and claims (the
    /// counts kept at import follow); false when there is none.
    virtual bool removeRelation(std::string_view id) = 0;
    /// The fast insert path of the event-file importers, inside the open Transaction
    /// (bulk.hpp). Destroy it before committing.
    virtual std::unique_ptr<BulkWriter> bulkWriter() = 0;

    // --- ids and handles -------------------------------------------------------------------
    virtual std::optional<RowId> sourceRow(std::string_view id) = 0;
    virtual std::optional<RowId> actorRow(std::string_view id) = 0;
    virtual std::optional<RowId> eventRow(std::string_view id) = 0;
    virtual std::optional<RowId> relationRow(std::string_view id) = 0;
    virtual std::optional<RowId> eventLinkRow(std::string_view id) = 0;
    /// The greatest event handle, 0 when there is none: events added later have greater ones.
    virtual RowId maxEventRow() = 0;

    // --- whole records ---------------------------------------------------------------------
    virtual std::optional<model::Actor> findActor(std::string_view id) = 0;
    virtual std::optional<model::Event> findEvent(std::string_view id) = 0;
    virtual std::optional<model::Relation> findRelation(std::string_view id) = 0;
    virtual std::optional<model::Source> findSource(std::string_view id) = 0;
    virtual std::optional<model::EventLink> findEventLink(std::string_view id) = 0;
    /// Every record of a kind, ordered by id, one at a time.
    virtual void forEachSource(const std::function<void(model::Source&&)>& fn) = 0;
    virtual void forEachActor(const std::function<void(model::Actor&&)>& fn) = 0;
    virtual void forEachEvent(const std::function<void(model::Event&&)>& fn) = 0;
    virtual void forEachRelation(const std::function<void(model::Relation&&)>& fn) = 0;
    virtual void forEachEventLink(const std::function<void(model::EventLink&&)>& fn) = 0;
    /// Counts by table and kind, kept at import: nothing is counted.
    virtual model::Counts counts() = 0;

    // --- pages -------------------------------------------------------------------------------
    virtual std::optional<ActorRecord> actorRecord(std::string_view id) = 0;
    /// The actors at `rows`, in that order, in one round trip. Throws StorageError for a
    /// handle it does not know.
    virtual std::vector<ActorRecord> actorRecords(std::span<const RowId> rows) = 0;
    /// The same for events (their records only).
    virtual std::vector<EventRecord> eventRecords(std::span<const RowId> rows) = 0;
    /// The actor's aliases, in byte order.
    virtual std::vector<std::string> actorAliases(RowId actor) = 0;
    /// How many parents each of `rows` has above it (0 for a top-level event; at most
    /// rules::kMaxDepth are followed), in that order.
    virtual std::vector<int> eventDepths(std::span<const RowId> rows) = 0;
    /// The events at `rows` with what a listing shows of them (evidence count and support,
    /// participants as asked, links when asked), in that order.
    virtual std::vector<EventDetails> eventDetails(std::span<const RowId> rows,
                                                   ParticipantsRead participants, bool links) = 0;
    /// The same for details whose records were read already: fills in the rest.
    virtual void fillEventDetails(std::span<EventDetails> details, ParticipantsRead participants,
                                  bool links) = 0;
    /// Fills in each one's codes (EventDetails::codes), in one round trip.
    virtual void fillEventCodes(std::span<EventDetails> details) = 0;

    // --- an actor's events -------------------------------------------------------------------
    /// Calls `fn(participation, event)` for each participation (the actor's own included) of
    /// each event of `actor` that the filter keeps, event after event (an event's rows are
    /// consecutive); a participation comes once per participation of `actor` in the event.
    virtual void forEachParticipationAlongside(
        RowId actor, const EventFilter& filter,
        const std::function<void(const SidedParticipation&, const EventRecord&)>& fn) = 0;
    /// The events of an actor that the filter keeps, each once: details with their records
    /// read (fillEventDetails reads the rest of those a page keeps).
    virtual std::vector<EventDetails> eventsOfActor(RowId actor, const EventFilter& filter) = 0;

    // --- countries and pairs -------------------------------------------------------------------
    /// Events with participants of country `a` and of country `b` (or, `b` empty, of `a`), or
    /// with participants of one acting in a place of the other (`b` empty: located in `a`;
    /// EventSlot::byPlace), by day range (ties in any order), until `fn` returns false.
    virtual void forEachScopedEvent(std::string_view a, std::string_view b,
                                    const EventFilter& filter,
                                    const std::function<bool(const EventSlot&)>& fn) = 0;
    /// How many events forEachScopedEvent would give.
    virtual std::int64_t countScopedEvents(std::string_view a, std::string_view b,
                                           const EventFilter& filter) = 0;
    /// Whether some actor has this country, or some event's place lies in it.
    virtual bool hasCountry(std::string_view code) = 0;

    // --- adjacency -----------------------------------------------------------------------------
    /// Calls `fn` with each actor sharing an event with `actor`, ascending handle, until it
    /// returns false.
    virtual void forEachLinkedActor(RowId actor, const std::function<bool(RowId)>& fn) = 0;
    /// How many actors share an event with `actor`.
    virtual std::int64_t linkedActorCount(RowId actor) = 0;
    /// Actors joined to `actor` by a relation, either direction, ascending handle.
    virtual std::vector<RowId> relatedActors(RowId actor) = 0;
    /// The events both actors took part in, each once, with `occurred` set, in any order;
    /// rules::sharedEventFirst picks the one that shows them together.
    virtual std::vector<EventSlot> sharedEvents(RowId a, RowId b) = 0;
    /// Calls `fn` with each event of handle <= `upTo` that is a meeting of its own (no
    /// meeting row), has a CAMEO code and exactly two participations, and whose start is the
    /// single day `day` (any start, when nullopt), in ascending handle: the meetings an event
    /// import groups its rows with (docs/event-data.md, "One meeting counted once").
    virtual void forEachStoredMeeting(std::optional<model::DayNumber> day, RowId upTo,
                                      const std::function<void(const StoredMeeting&)>& fn) = 0;
    /// The first relation (by id) joining two actors, either direction.
    virtual std::optional<std::pair<std::string, model::RelationKind>> relationBetween(RowId a,
                                                                                       RowId b) = 0;

    /// [identity] The ends (from, to) of every relation of `kind`, in relation order. Meant for
    /// kinds a database has few of (same_as); the cost is a pass over the relations.
    virtual std::vector<std::pair<RowId, RowId>> relationEnds(model::RelationKind kind) = 0;

    // --- relations in time --------------------------------------------------------------------
    /// Ids of the relations from or to `actor` (of `kind`, when given) whose validity may
    /// overlap the days [from, to] (all of them when no days are given).
    virtual std::vector<std::string> relationIdsTouching(RowId actor,
                                                         std::optional<model::RelationKind> kind,
                                                         std::optional<model::DayNumber> from,
                                                         std::optional<model::DayNumber> to) = 0;
    /// Ids of the holds_post relations to the post `post` that may overlap [from, to].
    virtual std::vector<std::string> tenureIdsOf(RowId post, std::optional<model::DayNumber> from,
                                                 std::optional<model::DayNumber> to) = 0;

    // --- [claims] -----------------------------------------------------------------------------
    /// Ids of the events that have claims (of their own or of a participation), in id order.
    virtual std::vector<std::string> claimedEventIds() = 0;
    /// Ids of the relations that have claims, in id order.
    virtual std::vector<std::string> claimedRelationIds() = 0;

    // --- names ---------------------------------------------------------------------------------
    /// The tokens the engine indexes a text as (rules::foldForSearch applied first; then lower
    /// case, no accents, split at anything that is not a letter or digit).
    virtual std::vector<std::string> searchTokens(std::string_view text) = 0;
    /// Names and aliases matching `tokens`, best first.
    virtual std::vector<NameMatch> searchNames(std::span<const std::string> tokens,
                                               NameSearch how) = 0;

    // --- [trend] figures by day, kept at import (records.hpp) ------------------------------------
    // An engine that keeps none throws StorageError (these are not pure virtual so that an
    // engine can be built before it keeps them).
    /// Calls `fn` with the subject's cells whose day lies in [from, to], in day order (cells of
    /// one day in any order). Cost: the cells read, never the events behind them.
    virtual void forEachTrendCell(const TrendSubject& subject, model::DayNumber from,
                                  model::DayNumber to,
                                  const std::function<void(const TrendCell&)>& fn);
    /// Calls `fn` with the figures of each pair of countries (of the pairs of `country` when not
    /// empty) and QuadClass over the events whose day lies in [from, to], in any order.
    virtual void forEachPairCell(std::string_view country, model::DayNumber from,
                                 model::DayNumber to,
                                 const std::function<void(const PairCell&)>& fn);

    // --- whole tables --------------------------------------------------------------------------
    /// Typed scans of every table in one read snapshot (scan.hpp), for the in-memory Index and
    /// the Boost projection. With `parallel`, a second connection may scan at the same time.
    virtual std::unique_ptr<TableScan> scan(bool parallel = false) = 0;
};

}  // namespace bilateral::storage
