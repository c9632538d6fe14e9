// Timelines of an actor, a country or a pair of countries from a storage engine
// (from_storage.hpp): the events the engine lists, in timeline order (rules/timeline.hpp), a
// page of them read in a few round trips.

#include <algorithm>
#include <unordered_set>

#include "answer_parts.hpp"
#include "bilateral/error.hpp"
#include "bilateral/query/from_storage.hpp"

namespace bilateral::query {
namespace {

/// The first `limit` slots (all when 0) in timeline order, as events with participants (and
/// codes) as `o` asks. With
/// `scoped`, each says the rule that put it in the country's or pair's scope. `known`: the
/// slots' events when their records were read already, known[i] that of slots[i] (whose id may
/// have been moved out of it into the slot), else empty.
Page<EventRef> pageOf(storage::Engine& engine, std::vector<storage::EventSlot> slots,
                      std::size_t limit, const TimelineOptions& o, const detail::Listing& why,
                      bool scoped = false, std::vector<storage::EventDetails> known = {}) {
    const bool participants = o.participants, codes = o.codes;
    Page<EventRef> page;
    page.total = slots.size();
    auto order = detail::timelineOrder(engine, slots, limit);
    const auto keep = order.size();
    const auto read = detail::participantsRead(participants, &why);
    if (known.empty()) {
        std::vector<storage::RowId> rows(keep);
        for (std::size_t i = 0; i < keep; ++i) rows[i] = slots[order[i]].row;
        auto details = engine.eventDetails(rows, read, /*links=*/true);
        if (codes) engine.fillEventCodes(details);
        page.items =
            detail::eventRefs(engine, std::move(details), participants, /*links=*/true, &why);
        for (std::size_t i = 0; scoped && i < keep; ++i) {
            page.items[i].inScope =
                slots[order[i]].byPlace ? ScopeRule::Place : ScopeRule::Participants;
        }
        return page;
    }
    // Read already: the kept ones are filled where they are (all of them, or the few a limit
    // keeps gathered first), then taken in timeline order.
    for (std::size_t i = 0; i < keep; ++i) {
        auto& r = known[order[i]].record;
        if (r.id.empty()) r.id = std::move(slots[order[i]].id);
    }
    if (keep < known.size()) {
        std::vector<storage::EventDetails> kept(keep);
        for (std::size_t i = 0; i < keep; ++i) {
            kept[i] = std::move(known[order[i]]);
            order[i] = static_cast<std::uint32_t>(i);
        }
        known = std::move(kept);
    }
    engine.fillEventDetails(known, read, /*links=*/true);
    if (codes) engine.fillEventCodes(known);
    page.items = detail::eventRefs(engine, known, order, participants, /*links=*/true, &why);
    return page;
}

/// A country's or a pair's events: read in day order, keeping the first `limit` and those tied
/// with the last kept (ids and depths break ties), counting the rest.
Page<EventRef> scopedPage(storage::Engine& engine, std::string_view a, std::string_view b,
                          const TimelineOptions& o, std::size_t limit) {
    std::vector<storage::EventSlot> kept;
    bool cut = false;
    auto filter = detail::filterOf(o.window, o.kinds);
    filter.participantsOnly = o.participantsOnly;
    engine.forEachScopedEvent(a, b, filter, [&](const storage::EventSlot& s) {
        const bool tied = !kept.empty() && kept.back().lo == s.lo && kept.back().hi == s.hi;
        if (limit != 0 && kept.size() >= limit && !tied) {
            cut = true;  // the rest are only counted
            return false;
        }
        kept.push_back(s);
        return true;
    });
    const auto total =
        cut ? static_cast<std::size_t>(engine.countScopedEvents(a, b, filter)) : kept.size();
    detail::Listing why;
    why.a = a;
    why.b = b;
    auto page = pageOf(engine, std::move(kept), limit, o, why, true);
    page.total = total;
    return page;
}

void requireCountry(storage::Engine& engine, std::string_view code) {
    if (!engine.hasCountry(code)) {
        throw NotFoundError("no actor or place has country \"" + std::string(code) + "\"");
    }
}

}  // namespace

ActorRef actorRef(storage::Engine& engine, std::string_view actorId) {
    return detail::actorRef(detail::requireActor(engine, actorId));
}

Page<EventRef> actorTimeline(storage::Engine& engine, std::string_view actorId,
                             const TimelineOptions& options, std::size_t limit) {
    const auto self = detail::requireActor(engine, actorId);
    detail::Listing why;
    why.actorRow = self.row;
    // The records are read once, with the slots: a page of all of them reads no row again.
    const auto filter = detail::filterOf(options.window, options.kinds);
    auto records = engine.eventsOfActor(self.row, filter);
    // [identity] The events of the other records of its same_as group, each event once.
    if (options.merge) {
        const auto ident = detail::identity(engine);
        for (const auto other : ident.groups.members(self.row)) {
            if (other == self.row) continue;
            why.group.push_back(other);
            std::unordered_set<storage::RowId> have;
            for (const auto& d : records) have.insert(d.record.row);
            for (auto& d : engine.eventsOfActor(other, filter)) {
                if (!have.contains(d.record.row)) records.push_back(std::move(d));
            }
        }
    }
    std::vector<storage::EventSlot> slots;
    slots.reserve(records.size());
    for (auto& d : records) {  // each id moves to its slot, and back once the page is chosen
        auto& e = d.record;
        const auto days = detail::daysOf(e);
        slots.push_back({e.row, days.lo, days.hi, std::move(e.id), e.parentRow});
    }
    return pageOf(engine, std::move(slots), limit, options, why, false, std::move(records));
}

Page<EventRef> dyadTimeline(storage::Engine& engine, std::string_view countryA,
                            std::string_view countryB, const TimelineOptions& options,
                            std::size_t limit) {
    requireCountry(engine, countryA);
    requireCountry(engine, countryB);
    return scopedPage(engine, countryA, countryB, options, limit);
}

Page<EventRef> countryTimeline(storage::Engine& engine, std::string_view country,
                               const TimelineOptions& options, std::size_t limit) {
    requireCountry(engine, country);
    return scopedPage(engine, country, "", options, limit);
}

}  // namespace bilateral::query
