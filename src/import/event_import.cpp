#include "event_import.hpp"

#include "bilateral/error.hpp"
#include "input_stream.hpp"

namespace bilateral::io::detail {

void failAt(const LineReader& in, std::string_view column, const std::string& why) {
    std::string where = "line " + std::to_string(in.lineNumber());
    if (!column.empty()) {
        where += ", column ";
        where += column;
    }
    throw ParseError(in.name(), where, why);
}

std::int64_t lastEventRow(store::Store& store) {
    return store.maxEventRow();
}

bool addedSince(store::Store& store, std::string_view id, std::int64_t after) {
    const auto row = store.eventRow(id);
    return row && *row > after;
}

void ActorMaker::putFileSource(const model::Source& source) {
    store_.putSource(source);
    sourceId_ = source.id;
    ++summary_.sources;
}

std::int64_t ActorMaker::country(std::string_view code, std::string_view displayName) {
    if (const auto it = countryRows_.find(code); it != countryRows_.end()) return it->second;
    std::string id = "country/";
    id += code;
    auto row = store_.actorRow(id);
    if (!row) {
        model::Actor c;
        c.id = id;
        c.kind = model::ActorKind::Country;
        const auto* known = countries_.fromIso3(code);
        c.name = known ? known->name : std::string(displayName);
        c.country = std::string(code);
        if (!sourceId_.empty()) c.evidence.push_back({.source = sourceId_});
        row = writer_->insertActor(c);
        ++summary_.actors;
    }
    countryRows_.emplace(std::string(code), *row);
    return *row;
}

std::string sourceFileName(const std::filesystem::path& file) {
    return isStdin(file) ? std::string("stdin") : file.filename().string();
}

std::int64_t ActorMaker::ensure(model::Actor actor, std::string_view countryName, bool* created) {
    if (created) *created = false;
    if (const auto row = store_.actorRow(actor.id)) return *row;
    if (actor.kind == model::ActorKind::Country && actor.country) {
        const auto had = countryRows_.size();
        const auto row = country(*actor.country, countryName.empty() ? actor.name : countryName);
        if (created && countryRows_.size() > had) *created = true;
        return row;
    }
    std::optional<std::int64_t> countryRow;
    if (actor.country) countryRow = country(*actor.country, countryName);
    if (!sourceId_.empty()) actor.evidence.push_back({.source = sourceId_});
    const auto row = writer_->insertActor(actor);
    ++summary_.actors;
    if (created) *created = true;
    if (countryRow) {
        model::Relation r;
        r.id = "affiliation/" + actor.id;
        r.kind = model::RelationKind::AffiliatedWith;
        r.from = actor.id;
        r.to = "country/" + *actor.country;
        if (!sourceId_.empty()) r.evidence.push_back({.source = sourceId_});
        writer_->insertRelation(r, row, *countryRow);
        ++summary_.relations;
    }
    return row;
}

}  // namespace bilateral::io::detail
