// Relations and post holders as of a date, from a storage engine (from_storage.hpp).

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "bilateral/error.hpp"
#include "bilateral/query/from_storage.hpp"
#include "bilateral/query/queries.hpp"
#include "bilateral/rules/natural_order.hpp"

namespace bilateral::query {

model::Certainty certaintyOn(const model::Interval& valid, const model::Date& date) noexcept {
    const auto lo = date.earliest();
    const auto hi = date.latest();
    if (lo == hi) return valid.covers(lo);
    // A month or a year: certainly when it holds certainly on every day of it (the interval is
    // convex, so on both ends), possibly when it may hold on some day of it.
    if (valid.covers(lo) == model::Certainty::Certainly &&
        valid.covers(hi) == model::Certainty::Certainly) {
        return model::Certainty::Certainly;
    }
    return valid.mayOverlap(lo, hi) ? model::Certainty::Possibly : model::Certainty::No;
}

model::Certainty certaintyOn(const model::Relation& relation, const model::Date& date) {
    const auto byValidity = certaintyOn(relation.valid, date);
    if (byValidity != model::Certainty::Possibly || relation.attested.empty()) return byValidity;
    // The days certain by the validity or by an attestation, as ranges; the date is certain when
    // they cover every one of its days.
    std::vector<std::pair<model::DayNumber, model::DayNumber>> certain;
    const auto add = [&certain](const model::Interval& i) {
        if (i.start && i.end && i.start->latest() <= i.end->earliest())
            certain.emplace_back(i.start->latest(), i.end->earliest());
    };
    add(relation.valid);
    for (const auto& a : relation.attested) add(a.period);
    std::sort(certain.begin(), certain.end());
    auto next = date.earliest();  // the first day not yet shown certain
    for (const auto& range : certain) {
        if (range.first > next) break;
        if (range.second >= next) next = range.second + 1;
        if (next > date.latest()) return model::Certainty::Certainly;
    }
    return model::Certainty::Possibly;
}

namespace {

std::int64_t actorRowOrThrow(storage::Engine& engine, std::string_view id) {
    if (auto row = engine.actorRow(id)) return *row;
    throw NotFoundError("no actor with id \"" + std::string(id) + "\"");
}

model::Actor actorOrThrow(storage::Engine& engine, std::string_view id) {
    if (auto a = engine.findActor(id)) return std::move(*a);
    throw NotFoundError("no actor with id \"" + std::string(id) + "\"");
}

/// The relations of `keys` (as the engine gave them) that hold on `day` (all when no day).
template <class F>
void eachHolding(storage::Engine& engine, const std::vector<std::string>& keys,
                 const std::optional<model::Date>& day, F&& fn) {
    for (const auto& key : keys) {
        auto r = engine.findRelation(key);
        if (!r) continue;
        const auto holds = day ? certaintyOn(*r, *day) : model::Certainty::Certainly;
        if (holds != model::Certainty::No) fn(std::move(*r), holds);
    }
}

std::optional<model::DayNumber> firstDay(const std::optional<model::Date>& day) {
    return day ? std::optional(day->earliest()) : std::nullopt;
}
std::optional<model::DayNumber> lastDay(const std::optional<model::Date>& day) {
    return day ? std::optional(day->latest()) : std::nullopt;
}

model::DayNumber startDay(const model::Relation& r) {
    return r.valid.start ? r.valid.start->earliest() : std::numeric_limits<model::DayNumber>::min();
}

}  // namespace

std::vector<RelationAsOf> relationsAsOf(storage::Engine& engine, std::string_view actorId,
                                        std::optional<model::Date> day,
                                        std::optional<model::RelationKind> kind) {
    const auto row = actorRowOrThrow(engine, actorId);
    std::vector<RelationAsOf> out;
    eachHolding(engine, engine.relationIdsTouching(row, kind, firstDay(day), lastDay(day)), day,
                [&](model::Relation&& r, model::Certainty holds) {
                    out.push_back(RelationAsOf{std::move(r), holds, {}, {}});
                });
    // The ends' names, in one round trip.
    std::vector<storage::RowId> ends;
    for (const auto& x : out) {
        for (const auto* id : {&x.relation.from, &x.relation.to}) {
            if (const auto r = engine.actorRow(*id)) ends.push_back(*r);
        }
    }
    std::sort(ends.begin(), ends.end());
    ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
    std::unordered_map<std::string, std::string> names;
    for (auto& a : engine.actorRecords(ends)) names.emplace(std::move(a.id), std::move(a.name));
    const auto nameOf = [&names](const std::string& id) {
        const auto it = names.find(id);
        return it == names.end() ? id : it->second;
    };
    for (auto& x : out) {
        x.fromName = nameOf(x.relation.from);
        x.toName = nameOf(x.relation.to);
    }
    std::sort(out.begin(), out.end(), [](const RelationAsOf& a, const RelationAsOf& b) {
        if (a.holds != b.holds) return a.holds > b.holds;
        if (a.relation.kind != b.relation.kind) return a.relation.kind < b.relation.kind;
        return rules::naturalLess(a.relation.id, b.relation.id);
    });
    return out;
}

std::vector<PostHolder> holders(storage::Engine& engine, std::string_view postId,
                                std::optional<model::Date> day) {
    const auto row = actorRowOrThrow(engine, postId);
    const auto post = actorOrThrow(engine, postId);
    if (post.kind != model::ActorKind::Post) {
        throw InvalidArgumentError("\"" + post.id + "\" is a " +
                                   std::string(model::toString(post.kind)) + ", not a post");
    }
    std::vector<PostHolder> out;
    eachHolding(engine, engine.tenureIdsOf(row, firstDay(day), lastDay(day)), day,
                [&](model::Relation&& r, model::Certainty holds) {
                    auto person = actorOrThrow(engine, r.from);
                    out.push_back(PostHolder{std::move(person), std::move(r), holds});
                });
    std::sort(out.begin(), out.end(), [](const PostHolder& a, const PostHolder& b) {
        if (a.holds != b.holds) return a.holds > b.holds;
        if (startDay(a.tenure) != startDay(b.tenure))
            return startDay(a.tenure) < startDay(b.tenure);
        if (a.person.id != b.person.id) return rules::naturalLess(a.person.id, b.person.id);
        return rules::naturalLess(a.tenure.id, b.tenure.id);
    });
    return out;
}

}  // namespace bilateral::query
