// [claims] The fields whose sources disagree (docs/data-model.md, "Claims"): read from the
// records that have claims, by the rule of rules/claims.hpp.

#include "bilateral/query/from_storage.hpp"
#include "bilateral/rules/claims.hpp"

namespace bilateral::query {
namespace {

Disagreement answerOf(rules::Disagreement&& d) {
    Disagreement out{std::move(d.record), std::move(d.actor), std::move(d.field), {}};
    out.values.reserve(d.values.size());
    for (auto& v : d.values) {
        out.values.push_back({std::move(v.source), std::move(v.value), v.own, v.preferred,
                              std::move(v.evidence), std::move(v.note)});
    }
    return out;
}

template <class Record>
void addAll(std::vector<Disagreement>& out, const Record& record) {
    for (auto& d : rules::disagreements(record)) out.push_back(answerOf(std::move(d)));
}

}  // namespace

std::vector<Disagreement> disagreementsOf(storage::Engine& engine, std::string_view eventId) {
    std::vector<Disagreement> out;
    if (const auto e = engine.findEvent(eventId)) addAll(out, *e);
    return out;
}

std::vector<Disagreement> disagreements(storage::Engine& engine) {
    std::vector<Disagreement> out;
    for (const auto& id : engine.claimedEventIds()) {
        if (const auto e = engine.findEvent(id)) addAll(out, *e);
    }
    for (const auto& id : engine.claimedRelationIds()) {
        if (const auto r = engine.findRelation(id)) addAll(out, *r);
    }
    return out;
}

}  // namespace bilateral::query
