#include "actor_maker.hpp"

#include "event_sink.hpp"

namespace bilateral::io::detail {

void ActorMaker::putFileSource(const model::Source& source) {
    sink_.putSource(source);
    sourceId_ = source.id;
    ++summary_.sources;
}

std::int64_t ActorMaker::country(std::string_view code, std::string_view displayName) {
    if (const auto it = countryRows_.find(code); it != countryRows_.end()) return it->second;
    std::string id = "country/";
    id += code;
    auto row = sink_.actorRow(id);
    if (!row) {
        model::Actor c;
        c.id = id;
        c.kind = model::ActorKind::Country;
        const auto* known = countries_.fromIso3(code);
        c.name = known ? known->name : std::string(displayName);
        c.country = std::string(code);
        if (!sourceId_.empty()) c.evidence.push_back({.source = sourceId_});
        row = sink_.insertActor(c);
        ++summary_.actors;
    }
    countryRows_.emplace(std::string(code), *row);
    return *row;
}

std::int64_t ActorMaker::ensure(model::Actor actor, std::string_view countryName, bool* created) {
    if (created) *created = false;
    if (const auto row = sink_.actorRow(actor.id)) return *row;
    if (actor.kind == model::ActorKind::Country && actor.country) {
        const auto had = countryRows_.size();
        const auto row = country(*actor.country, countryName.empty() ? actor.name : countryName);
        if (created && countryRows_.size() > had) *created = true;
        return row;
    }
    std::optional<std::int64_t> countryRow;
    if (actor.country) countryRow = country(*actor.country, countryName);
    if (!sourceId_.empty()) actor.evidence.push_back({.source = sourceId_});
    const auto row = sink_.insertActor(actor);
    ++summary_.actors;
    if (created) *created = true;
    if (countryRow) {
        model::Relation r;
        r.id = "affiliation/" + actor.id;
        r.kind = model::RelationKind::AffiliatedWith;
        r.from = actor.id;
        r.to = "country/" + *actor.country;
        if (!sourceId_.empty()) r.evidence.push_back({.source = sourceId_});
        sink_.insertRelation(r, row, *countryRow);
        ++summary_.relations;
    }
    return row;
}

std::optional<std::string> ActorMaker::storedName(std::string_view id) {
    return sink_.actorName(id);
}

void ActorMaker::addAlias(std::int64_t row, std::string_view alias) {
    sink_.insertAlias(row, alias);
}

}  // namespace bilateral::io::detail
