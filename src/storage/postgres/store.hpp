#pragma once
// Private to the engine: the store, the PostgreSQL engine behind the storage interface
// (bilateral/storage/engine.hpp). One connection, the schema `bilateral`, one transaction per
// import; the answers' SQL mirrors the SQLite engine's statement for statement, so both give
// the same rows (docs/postgresql.md, "The engine").

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/postgres/postgres.hpp"
#include "bilateral/storage/engine.hpp"

namespace bilateral::storage::postgres {

class Connection;
class Result;
class Params;
struct StoreState;

class Store final : public storage::Engine {
public:
    Store(const std::string& url, const OpenOptions& options, SharedRules rules);
    ~Store() override;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    [[nodiscard]] const std::string& location() const noexcept override;
    [[nodiscard]] bool readOnly() const noexcept override;
    [[nodiscard]] int schemaVersion() override;
    void interrupt() noexcept override;
    std::unique_ptr<storage::Transaction> begin() override;
    std::unique_ptr<storage::ReadSnapshot> snapshot() override;

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

    std::optional<model::Actor> findActor(std::string_view id) override;
    std::optional<model::Event> findEvent(std::string_view id) override;
    std::optional<model::Relation> findRelation(std::string_view id) override;
    std::optional<model::Source> findSource(std::string_view id) override;
    std::optional<model::EventLink> findEventLink(std::string_view id) override;
    void forEachSource(const std::function<void(model::Source&&)>& fn) override;
    void forEachActor(const std::function<void(model::Actor&&)>& fn) override;
    void forEachEvent(const std::function<void(model::Event&&)>& fn) override;
    void forEachRelation(const std::function<void(model::Relation&&)>& fn) override;
    void forEachEventLink(const std::function<void(model::EventLink&&)>& fn) override;
    model::Counts counts() override;

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

    void forEachParticipationAlongside(
        RowId actor, const EventFilter& filter,
        const std::function<void(const SidedParticipation&, const EventRecord&)>& fn) override;
    std::vector<EventDetails> eventsOfActor(RowId actor, const EventFilter& filter) override;
    void forEachScopedEvent(std::string_view a, std::string_view b, const EventFilter& filter,
                            const std::function<bool(const EventSlot&)>& fn) override;
    std::int64_t countScopedEvents(std::string_view a, std::string_view b,
                                   const EventFilter& filter) override;
    bool hasCountry(std::string_view code) override;

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

    std::vector<std::string> searchTokens(std::string_view text) override;
    std::vector<NameMatch> searchNames(std::span<const std::string> tokens,
                                       NameSearch how) override;
    std::unique_ptr<TableScan> scan(bool parallel) override;

    // [trend] (store_trend.cpp)
    void forEachTrendCell(const TrendSubject& subject, model::DayNumber from, model::DayNumber to,
                          const std::function<void(const TrendCell&)>& fn) override;
    void forEachPairCell(std::string_view country, model::DayNumber from, model::DayNumber to,
                         const std::function<void(const PairCell&)>& fn) override;

    // --- for the engine's own files -----------------------------------------------------------
    /// Runs one statement with bound parameters (fails at once after interrupt()).
    Result q(std::string_view sql, const Params& params);
    /// Runs SQL without parameters.
    Result x(std::string_view sql);
    /// A new row id (from blocks of the row_block sequence).
    std::int64_t newId();
    [[nodiscard]] StoreState& state() noexcept { return *s_; }

private:
    /// Runs `write` inside the open Transaction, or inside one of its own.
    void inTransaction(const std::function<void()>& write);
    void putActorNow(const model::Actor& a);
    void putEventNow(const model::Event& e);
    void putRelationNow(const model::Relation& r);
    std::unique_ptr<StoreState> s_;
};

}  // namespace bilateral::storage::postgres
