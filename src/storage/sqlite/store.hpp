#pragma once
// Private to the SQLite engine: the store, its transactions and snapshots. One file, a
// versioned schema, foreign keys on, WAL, one transaction per import. It implements the
// storage interface (bilateral/storage/engine.hpp); the rest of the library reaches it only
// through that interface and bilateral/sqlite/sqlite.hpp. sqlite3.h stays out of this header.

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
#include "bilateral/sqlite/sqlite.hpp"
#include "bilateral/storage/engine.hpp"

namespace bilateral::sqlite {

using storage::ActorRecord;
using storage::EventDetails;
using storage::EventFilter;
using storage::EventLinkRecord;
using storage::EventRecord;
using storage::EventSlot;
using storage::OpenOptions;
using storage::ParticipantRecord;
using storage::ParticipantsRead;
using storage::RowId;
using storage::SidedParticipation;
using storage::StoredMeeting;

class Statement;
class BulkWriter;
class TableReader;
class SearchTokenizer;
namespace detail {
struct Access;
}

class Store final : public storage::Engine {
public:
    /// Open (and create) a database file, apply pending migrations, refuse a newer schema.
    /// Throws StorageError (not SQLite, unreadable, locked) or SchemaVersionError.
    static Store open(const std::filesystem::path& file, const OpenOptions& options = {});
    /// An in-memory store, for tests and scratch work.
    static Store memory();

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store() override;

    [[nodiscard]] const std::string& location() const noexcept override;
    [[nodiscard]] const std::filesystem::path& path() const noexcept;
    [[nodiscard]] int schemaVersion() override;
    [[nodiscard]] bool readOnly() const noexcept override;
    void interrupt() noexcept override;
    std::unique_ptr<storage::Transaction> begin() override;
    std::unique_ptr<storage::ReadSnapshot> snapshot() override;

    // --- writes ---------------------------------------------------------------------------------
    void putSource(const model::Source& source) override;
    void putActor(const model::Actor& actor) override;
    void putEvent(const model::Event& event) override;
    void putRelation(const model::Relation& relation) override;
    void putEventLink(const model::EventLink& link) override;
    bool removeRelation(std::string_view id) override;  // [identity]
    std::unique_ptr<storage::BulkWriter> bulkWriter() override;

    std::optional<RowId> sourceRow(std::string_view id) override;
    std::optional<RowId> actorRow(std::string_view id) override;
    std::optional<RowId> eventRow(std::string_view id) override;
    std::optional<RowId> relationRow(std::string_view id) override;
    std::optional<RowId> eventLinkRow(std::string_view id) override;
    RowId maxEventRow() override;

    // --- whole records --------------------------------------------------------------------------
    std::optional<model::Actor> findActor(std::string_view id) override;
    model::Actor getActor(std::string_view id);  ///< throws NotFoundError
    std::optional<model::Event> findEvent(std::string_view id) override;
    model::Event getEvent(std::string_view id);
    std::optional<model::Relation> findRelation(std::string_view id) override;
    std::optional<model::Source> findSource(std::string_view id) override;
    std::optional<model::EventLink> findEventLink(std::string_view id) override;
    void forEachSource(const std::function<void(model::Source&&)>& fn) override;
    void forEachActor(const std::function<void(model::Actor&&)>& fn) override;
    void forEachEvent(const std::function<void(model::Event&&)>& fn) override;
    void forEachRelation(const std::function<void(model::Relation&&)>& fn) override;
    void forEachEventLink(const std::function<void(model::EventLink&&)>& fn) override;
    /// Everything of a kind, ordered by id.
    std::vector<model::Source> sources();
    std::vector<model::Actor> actors();
    std::vector<model::Event> events();
    std::vector<model::Relation> relations();
    std::vector<model::EventLink> eventLinks();
    model::Counts counts() override;

    // --- pages ----------------------------------------------------------------------------------
    std::optional<ActorRecord> actorRecord(std::string_view id) override;
    std::vector<ActorRecord> actorRecords(std::span<const RowId> rows) override;
    std::vector<EventRecord> eventRecords(std::span<const RowId> rows) override;
    std::vector<std::string> actorAliases(RowId actor) override;
    std::vector<int> eventDepths(std::span<const RowId> rows) override;
    std::vector<EventDetails> eventDetails(std::span<const RowId> rows,
                                           ParticipantsRead participants, bool links) override;
    void fillEventDetails(std::span<EventDetails> details, ParticipantsRead participants,
                          bool links) override;
    void fillEventCodes(std::span<EventDetails> details) override;
    ActorRecord actorRecordAt(RowId row);
    EventRecord eventRecordAt(RowId row);
    /// One event's parts, each in a statement of its own (the tests' reference for
    /// eventDetails).
    std::vector<ParticipantRecord> participantsAt(RowId eventRow);
    std::vector<EventLinkRecord> eventLinksAt(RowId eventRow);
    std::int64_t eventEvidenceCount(RowId eventRow);
    model::Support eventSupport(RowId eventRow);

    // --- an actor's events, countries and pairs --------------------------------------------------
    void forEachParticipationAlongside(
        RowId actor, const EventFilter& filter,
        const std::function<void(const SidedParticipation&, const EventRecord&)>& fn) override;
    std::vector<EventDetails> eventsOfActor(RowId actor, const EventFilter& filter) override;
    void forEachScopedEvent(std::string_view a, std::string_view b, const EventFilter& filter,
                            const std::function<bool(const EventSlot&)>& fn) override;
    std::int64_t countScopedEvents(std::string_view a, std::string_view b,
                                   const EventFilter& filter) override;
    bool hasCountry(std::string_view code) override;

    // --- adjacency ------------------------------------------------------------------------------
    void forEachLinkedActor(RowId actor, const std::function<bool(RowId)>& fn) override;
    std::int64_t linkedActorCount(RowId actor) override;
    std::vector<RowId> relatedActors(RowId actor) override;
    std::vector<EventSlot> sharedEvents(RowId a, RowId b) override;
    void forEachStoredMeeting(std::optional<model::DayNumber> day, RowId upTo,
                              const std::function<void(const StoredMeeting&)>& fn) override;
    std::vector<std::pair<RowId, RowId>> relationEnds(model::RelationKind kind) override;
    std::optional<std::pair<std::string, model::RelationKind>> relationBetween(RowId a,
                                                                               RowId b) override;
    std::vector<std::string> relationIdsTouching(RowId actor,
                                                 std::optional<model::RelationKind> kind,
                                                 std::optional<model::DayNumber> from,
                                                 std::optional<model::DayNumber> to) override;
    std::vector<std::string> tenureIdsOf(RowId post, std::optional<model::DayNumber> from,
                                         std::optional<model::DayNumber> to) override;
    std::vector<std::string> claimedEventIds() override;     // [claims]
    std::vector<std::string> claimedRelationIds() override;  // [claims]

    // --- [trend] (store_trend.cpp) -------------------------------------------------------------
    void forEachTrendCell(const storage::TrendSubject& subject, model::DayNumber from,
                          model::DayNumber to,
                          const std::function<void(const storage::TrendCell&)>& fn) override;
    void forEachPairCell(std::string_view country, model::DayNumber from, model::DayNumber to,
                         const std::function<void(const storage::PairCell&)>& fn) override;

    // --- names and whole tables -----------------------------------------------------------------
    std::vector<std::string> searchTokens(std::string_view text) override;
    std::vector<storage::NameMatch> searchNames(std::span<const std::string> tokens,
                                                storage::NameSearch how) override;
    std::unique_ptr<storage::TableScan> scan(bool parallel) override;

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
    /// A new file built under a temporary name until the first commit (new_file.cpp).
    static Store openUnplaced(const std::filesystem::path& file, const OpenOptions& options);
    /// Puts the file openUnplaced built under its name, after its first commit.
    void place();
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
        RowId row;
        std::string kind, country;
    };
    std::optional<ActorBefore> existingActor(std::string_view id);
    Statement scopedStatement(std::string_view a, std::string_view b, const EventFilter& filter,
                              bool count);
    /// Before an existing event's scope may change: takes its event_scope rows out, once.
    void touchEvent(RowId eventRow);
    std::unique_ptr<Impl> impl_;
};

/// `Transaction tx(store); ...; tx.commit();` — BEGIN IMMEDIATE; rolls back in its destructor
/// unless committed.
class Transaction final : public storage::Transaction {
public:
    explicit Transaction(Store& store);
    ~Transaction() override;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit(const std::function<void(std::string_view)>& phase = {}) override;

private:
    Store& store_;
    bool done_ = false;
};

}  // namespace bilateral::sqlite
