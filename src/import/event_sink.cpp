#include "event_sink.hpp"

#include "bilateral/import/from_storage.hpp"

namespace bilateral::io::detail {

EventSink::EventSink(storage::Engine& store) : store_(store) {}

EventSink::~EventSink() = default;

void EventSink::putSource(const model::Source& source) {
    store_.putSource(source);
}

void EventSink::beginRows() {
    writer_ = store_.bulkWriter();
    lastRowBefore_ = store_.maxEventRow();
}

std::optional<std::int64_t> EventSink::actorRow(std::string_view id) {
    return store_.actorRow(id);
}

std::optional<std::string> EventSink::actorName(std::string_view id) {
    auto actor = store_.findActor(id);
    if (!actor) return std::nullopt;
    return std::move(actor->name);
}

bool EventSink::addedByThisFile(std::string_view id) {
    const auto row = store_.eventRow(id);
    return row && *row > lastRowBefore_;
}

std::optional<std::int64_t> EventSink::insertEvent(const EventRow& event) {
    return writer_->insertEvent(event);
}

void EventSink::insertParticipation(std::int64_t event, std::int64_t actor, model::Role role) {
    writer_->insertParticipation(event, actor, role);
}

std::int64_t EventSink::ensureSource(std::string_view id, std::string_view title,
                                     std::string_view kind, std::string_view url, bool* inserted) {
    return writer_->ensureSource(id, title, kind, url, inserted);
}

void EventSink::insertEventEvidence(std::int64_t event, std::int64_t source) {
    writer_->insertEventEvidence(event, source);
}

std::int64_t EventSink::insertActor(const model::Actor& actor) {
    return writer_->insertActor(actor);
}

void EventSink::insertAlias(std::int64_t actor, std::string_view alias) {
    writer_->insertAlias(actor, alias);
}

std::int64_t EventSink::insertRelation(const model::Relation& relation, std::int64_t from,
                                       std::int64_t to) {
    return writer_->insertRelation(relation, from, to);
}

bool EventSink::rebuildsIndexes() const {
    return writer_->rebuildsIndexes();
}

void EventSink::finish() {
    writer_->finish();
}

}  // namespace bilateral::io::detail
