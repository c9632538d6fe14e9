// Relations and post holders as of a date, straight from the store.

#include <algorithm>
#include <limits>

#include "bilateral/error.hpp"
#include "bilateral/query/queries.hpp"
#include "bilateral/rules/natural_order.hpp"
#include "bilateral/sqlite/store.hpp"

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

std::int64_t actorRowOrThrow(store::Store& store, std::string_view id) {
    if (auto row = store.actorRow(id)) return *row;
    throw NotFoundError("no actor with id \"" + std::string(id) + "\"");
}

model::DayNumber startDay(const model::Relation& r) {
    return r.valid.start ? r.valid.start->earliest() : std::numeric_limits<model::DayNumber>::min();
}

}  // namespace

std::vector<RelationAsOf> relationsAsOf(store::Store& store, std::string_view actorId,
                                        std::optional<model::Date> day,
                                        std::optional<model::RelationKind> kind) {
    const auto row = actorRowOrThrow(store, actorId);
    std::vector<RelationAsOf> out;
    std::optional<model::DayNumber> from, to;
    if (day) {
        from = day->earliest();
        to = day->latest();
    }
    for (const auto& key : store.relationIdsTouching(row, kind, from, to)) {
        auto r = store.findRelation(key);
        if (!r) continue;
        const auto holds = day ? certaintyOn(*r, *day) : model::Certainty::Certainly;
        if (holds == model::Certainty::No) continue;
        out.push_back(RelationAsOf{std::move(*r), holds});
    }
    std::sort(out.begin(), out.end(), [](const RelationAsOf& a, const RelationAsOf& b) {
        if (a.holds != b.holds) return a.holds > b.holds;
        if (a.relation.kind != b.relation.kind) return a.relation.kind < b.relation.kind;
        return detail::naturalLess(a.relation.id, b.relation.id);
    });
    return out;
}

std::vector<PostHolder> holders(store::Store& store, std::string_view postId,
                                std::optional<model::Date> day) {
    const auto row = actorRowOrThrow(store, postId);
    const auto post = store.getActor(postId);
    if (post.kind != model::ActorKind::Post) {
        throw InvalidArgumentError("\"" + post.id + "\" is a " +
                                   std::string(model::toString(post.kind)) + ", not a post");
    }
    std::vector<PostHolder> out;
    std::optional<model::DayNumber> from, to;
    if (day) {
        from = day->earliest();
        to = day->latest();
    }
    for (const auto& key : store.tenureIdsOf(row, from, to)) {
        auto r = store.findRelation(key);
        if (!r) continue;
        const auto holds = day ? certaintyOn(*r, *day) : model::Certainty::Certainly;
        if (holds == model::Certainty::No) continue;
        auto person = store.getActor(r->from);
        out.push_back(PostHolder{std::move(person), std::move(*r), holds});
    }
    std::sort(out.begin(), out.end(), [](const PostHolder& a, const PostHolder& b) {
        if (a.holds != b.holds) return a.holds > b.holds;
        if (startDay(a.tenure) != startDay(b.tenure))
            return startDay(a.tenure) < startDay(b.tenure);
        if (a.person.id != b.person.id) return detail::naturalLess(a.person.id, b.person.id);
        return detail::naturalLess(a.tenure.id, b.tenure.id);
    });
    return out;
}

}  // namespace bilateral::query
