// Index accessors. The build is in index_build.cpp; the arrays in index_data.hpp.

#include <algorithm>

#include "bilateral/error.hpp"
#include "index_data.hpp"

namespace bilateral::query {

Index::Index(std::unique_ptr<Data> data) : d_(std::move(data)) {}
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;
Index::~Index() = default;

std::size_t Index::actorCount() const noexcept {
    return d_->actors.size();
}
std::size_t Index::eventCount() const noexcept {
    return d_->events.size();
}
std::size_t Index::relationCount() const noexcept {
    return d_->relationIds.size();
}
std::span<const EventLinkInfo> Index::linksOf(EventIx e) const {
    return d_->links.row(e);
}

std::span<const std::string> Index::countries() const noexcept {
    return d_->countries;
}

std::optional<ActorIx> Index::findActor(std::string_view id) const {
    const auto i = d_->actorIds.find(
        id, [&](std::uint32_t i) -> std::string_view { return d_->actors[i].id; });
    return i ? std::optional(ActorIx{*i}) : std::nullopt;
}

std::optional<EventIx> Index::findEvent(std::string_view id) const {
    const auto i = d_->eventIds.find(
        id, [&](std::uint32_t i) -> std::string_view { return d_->events[i].id; });
    return i ? std::optional(EventIx{*i}) : std::nullopt;
}

const ActorInfo& Index::actor(ActorIx a) const {
    if (a.value >= d_->actors.size()) throw InvalidArgumentError("actor index out of range");
    return d_->actors[a.value];
}

const EventInfo& Index::event(EventIx e) const {
    if (e.value >= d_->events.size()) throw InvalidArgumentError("event index out of range");
    return d_->events[e.value];
}

std::span<const EventIx> Index::eventsOf(ActorIx a) const {
    return d_->actorEvents.row(a);
}
std::span<const Participation> Index::participantsOf(EventIx e) const {
    return d_->participants.row(e);
}
std::span<const ActorIx> Index::neighboursOf(ActorIx a) const {
    return d_->neighbours.row(a);
}
std::span<const ActorIx> Index::relatedTo(ActorIx a) const {
    return d_->related.row(a);
}

std::vector<std::string> Index::relationsBetween(ActorIx a, ActorIx b) const {
    const auto edges = d_->relationEdges.row(a);
    auto it =
        std::lower_bound(edges.begin(), edges.end(), b,
                         [](const RelationEdge& x, ActorIx other) { return x.other < other; });
    std::vector<std::string> out;
    for (; it != edges.end() && it->other == b; ++it) out.push_back(d_->relationIds[it->relation]);
    return out;
}

std::span<const EventIx> Index::dyadEvents(std::string_view countryA,
                                           std::string_view countryB) const {
    const auto a = d_->countryOf(countryA);
    const auto b = d_->countryOf(countryB);
    if (!a || !b || *a == *b) return {};
    const auto slot = d_->pairSlots.find(*a, *b);
    if (slot == PairTable::kNone) return {};
    return d_->dyadEvents.row(slot);
}

std::span<const EventIx> Index::countryEvents(std::string_view country) const {
    const auto c = d_->countryOf(country);
    if (!c) return {};
    return d_->countryEvents.row(*c);
}

std::optional<model::Date> Index::startOf(EventIx e) const {
    const auto& ev = event(e);
    if (ev.start || ev.end) return ev.start;
    const auto it = d_->inherited.find(e);
    return it == d_->inherited.end() ? std::nullopt : it->second.start;
}

std::string_view Index::sideName(std::uint32_t side) const {
    if (side >= d_->sideNames.size()) throw InvalidArgumentError("side out of range");
    return d_->sideNames[side];
}

std::optional<model::Date> Index::endOf(EventIx e) const {
    const auto& ev = event(e);
    if (ev.start || ev.end) return ev.end;
    const auto it = d_->inherited.find(e);
    return it == d_->inherited.end() ? std::nullopt : it->second.end;
}

namespace detail {

Scratch& scratch(int which) {
    thread_local Scratch buffers[3];
    return buffers[which];
}

}  // namespace detail
}  // namespace bilateral::query
