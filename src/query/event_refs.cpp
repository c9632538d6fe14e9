// What the answers from a storage engine share: actors and events as answers show them, the
// dates an undated event takes from the events it took place within, timeline order, and the
// event two actors share.

#include <algorithm>
#include <numeric>

#include "answer_parts.hpp"
#include "bilateral/error.hpp"
#include "bilateral/query/from_storage.hpp"
#include "bilateral/rules/trend.hpp"

namespace bilateral::query::detail {

storage::ActorRecord requireActor(storage::Engine& engine, std::string_view id) {
    if (auto a = engine.actorRecord(id)) return *a;
    throw NotFoundError("no actor with id \"" + std::string(id) + "\"");
}

ActorRef actorRef(const storage::ActorRecord& a) {
    return ActorRef{a.id, a.name, a.kind, a.country, {}};
}

std::vector<ActorRef> actorRefs(storage::Engine& engine, std::span<const RowId> rows) {
    std::vector<ActorRef> out;
    out.reserve(rows.size());
    for (auto& a : engine.actorRecords(rows)) {
        out.push_back(
            ActorRef{std::move(a.id), std::move(a.name), a.kind, std::move(a.country), {}});
    }
    return out;
}

storage::EventSlot slotOf(const storage::EventRecord& e) {
    const auto days = daysOf(e);
    storage::EventSlot s;
    s.row = e.row;
    s.lo = days.lo;
    s.hi = days.hi;
    s.id = e.id;
    s.parentRow = e.parentRow;
    s.occurred = e.status == model::EventStatus::Occurred;
    return s;
}

namespace {

/// The events above the events of a page (their parents, and for an undated event the events
/// up to the nearest dated one), read a generation at a time for the whole page.
class Ancestors {
public:
    Ancestors(storage::Engine& engine, std::span<const storage::EventDetails> page) {
        std::vector<RowId> want, climbing;  // climbing: read for an undated descendant's dates
        for (const auto& d : page) {
            const auto& e = d.record;
            if (e.parentRow == 0) continue;
            want.push_back(e.parentRow);
            if (!e.start && !e.end) climbing.push_back(e.parentRow);
        }
        for (int depth = 0; !want.empty() && depth <= rules::kMaxDepth; ++depth) {
            std::sort(want.begin(), want.end());
            want.erase(std::unique(want.begin(), want.end()), want.end());
            std::sort(climbing.begin(), climbing.end());
            std::vector<RowId> next, nextClimbing;
            for (auto& r : engine.eventRecords(want)) {
                const bool climb = std::binary_search(climbing.begin(), climbing.end(), r.row);
                if (climb && !r.start && !r.end && r.parentRow != 0 && !known_.count(r.parentRow)) {
                    next.push_back(r.parentRow);
                    nextClimbing.push_back(r.parentRow);
                }
                known_.emplace(r.row, std::move(r));
            }
            want = std::move(next);
            climbing = std::move(nextClimbing);
        }
    }
    [[nodiscard]] const storage::EventRecord* at(RowId row) const {
        const auto it = known_.find(row);
        return it == known_.end() ? nullptr : &it->second;
    }

private:
    std::unordered_map<RowId, storage::EventRecord> known_;
};

/// An event as answers show it, from its details (whose record text it takes).
EventRef refOf(storage::EventDetails& d, const Ancestors& above, bool participants, bool links) {
    auto& e = d.record;
    EventRef r;
    r.id = std::move(e.id);
    r.title = std::move(e.title);
    r.kind = e.kind;
    r.status = e.status;
    r.start = e.start;
    r.end = e.end;
    r.cameo = std::move(e.cameo);
    if (const auto* up = above.at(e.parentRow)) r.parent = up->id;
    if (!e.start && !e.end && e.parentRow != 0) {
        // Undated: the dates of the nearest dated event it took place within.
        const auto recordAt = [&](RowId row) { return row == e.row ? &e : above.at(row); };
        const auto dated = rules::nearestDated(
            e.row,
            [&](RowId row) -> std::optional<RowId> {
                const auto* x = recordAt(row);
                if (x == nullptr || x->parentRow == 0) return std::nullopt;
                return x->parentRow;
            },
            [&](RowId row) {
                const auto* x = recordAt(row);
                return x != nullptr && (x->start || x->end);
            });
        if (dated) {
            r.start = recordAt(*dated)->start;
            r.end = recordAt(*dated)->end;
            r.datedByParent = true;
        }
    }
    r.evidence = d.evidence;
    r.support = d.support;
    r.goldstein = d.codes.goldstein;
    r.quadClass = rules::quadClassOf(r.cameo, d.codes.quadClass);
    r.tone = d.codes.tone;
    r.mentions = d.codes.mentions;
    r.location = std::move(e.location);
    r.placeCountry = std::move(e.placeCountry);
    if (participants) {
        r.participants.reserve(d.participants.size());
        for (auto& p : d.participants)
            r.participants.push_back({actorRef(p.actor), p.role, p.support});
    }
    if (links) {
        for (auto& l : d.links)
            r.links.push_back({l.id, l.kind, l.outgoing, l.otherId, l.otherTitle});
    }
    return r;
}

}  // namespace

storage::ParticipantsRead participantsRead(bool participants, const Listing* why) {
    // Participants are read when the listing's support needs them, even if not shown.
    return participants     ? storage::ParticipantsRead::All
           : why != nullptr ? storage::ParticipantsRead::WithEvidence
                            : storage::ParticipantsRead::None;
}

std::vector<EventRef> eventRefs(storage::Engine& engine, std::span<storage::EventDetails> details,
                                std::span<const std::uint32_t> order, bool participants, bool links,
                                const Listing* why) {
    const Ancestors above(engine, details);
    std::vector<EventRef> out;
    out.reserve(order.size());
    for (const auto i : order) {
        auto& d = details[i];
        const bool claimed = (d.record.notes & 8) != 0;  // [claims] it has claims
        out.push_back(refOf(d, above, participants, links));
        if (why) out.back().support = listedSupport(d, *why);
        if (claimed) out.back().disagreements = query::disagreementsOf(engine, out.back().id);
    }
    return out;
}

std::vector<EventRef> eventRefs(storage::Engine& engine, std::vector<storage::EventDetails> details,
                                bool participants, bool links, const Listing* why) {
    std::vector<std::uint32_t> order(details.size());
    std::iota(order.begin(), order.end(), 0u);
    return eventRefs(engine, details, order, participants, links, why);
}

model::Support listedSupport(const storage::EventDetails& d, const Listing& why) {
    model::Support mine, sideA, sideB;
    for (const auto& p : d.participants) {
        if (why.actorRow != 0 &&
            (p.actor.row == why.actorRow ||
             std::find(why.group.begin(), why.group.end(), p.actor.row) != why.group.end()))
            mine = model::stronger(mine, p.support);
        if (!why.a.empty() && p.actor.country == why.a) sideA = model::stronger(sideA, p.support);
        if (!why.b.empty() && p.actor.country == why.b) sideB = model::stronger(sideB, p.support);
    }
    return model::weaker(d.support, model::weaker(mine, model::weaker(sideA, sideB)));
}

storage::EventFilter filterOf(const Window& w, std::vector<model::EventKind> kinds) {
    storage::EventFilter f;
    if (w.from) f.from = w.from->earliest();
    if (w.to) f.to = w.to->latest();
    f.kinds = std::move(kinds);
    return f;
}

namespace {

/// Sets the depth of the slots that share their day range with another and have a parent (the
/// only ones whose order it can change), in one round trip.
void fillDepths(storage::Engine& engine, std::vector<storage::EventSlot>& slots) {
    // An event without a parent has depth 0: most listings (event files) have no sub-events.
    if (std::none_of(slots.begin(), slots.end(), [](const auto& x) { return x.parentRow != 0; }))
        return;
    std::vector<std::size_t> byDays(slots.size());
    std::iota(byDays.begin(), byDays.end(), std::size_t{0});
    std::sort(byDays.begin(), byDays.end(), [&slots](std::size_t x, std::size_t y) {
        return std::pair(slots[x].lo, slots[x].hi) < std::pair(slots[y].lo, slots[y].hi);
    });
    std::vector<std::size_t> tied;
    for (std::size_t k = 0; k < byDays.size();) {
        std::size_t end = k + 1;
        while (end < byDays.size() && slots[byDays[end]].lo == slots[byDays[k]].lo &&
               slots[byDays[end]].hi == slots[byDays[k]].hi) {
            ++end;
        }
        for (auto i = k; end - k > 1 && i < end; ++i) {
            if (slots[byDays[i]].parentRow != 0) tied.push_back(byDays[i]);
        }
        k = end;
    }
    if (tied.empty()) return;
    std::vector<RowId> rows(tied.size());
    for (std::size_t i = 0; i < tied.size(); ++i) rows[i] = slots[tied[i]].row;
    const auto depths = engine.eventDepths(rows);
    for (std::size_t i = 0; i < tied.size(); ++i) slots[tied[i]].depth = depths[i];
}

std::vector<rules::TimelineKey> keysOf(const std::vector<storage::EventSlot>& slots) {
    std::vector<rules::TimelineKey> keys(slots.size());
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const auto& x = slots[i];
        keys[i] = rules::TimelineKey::of(
            {static_cast<rules::DayNumber>(x.lo), static_cast<rules::DayNumber>(x.hi)}, x.depth,
            x.id, static_cast<std::uint32_t>(i));
    }
    return keys;
}

}  // namespace

std::vector<std::uint32_t> timelineOrder(storage::Engine& engine,
                                         std::vector<storage::EventSlot>& slots, std::size_t keep) {
    fillDepths(engine, slots);
    if (keep == 0 || keep > slots.size()) keep = slots.size();
    auto keys = keysOf(slots);
    const auto less = [&slots](const rules::TimelineKey& x, const rules::TimelineKey& y) {
        return rules::timelineLess(
            x, y, [&slots](std::uint32_t at) -> std::string_view { return slots[at].id; });
    };
    const auto middle = keys.begin() + static_cast<std::ptrdiff_t>(keep);
    if (middle == keys.end())
        std::sort(keys.begin(), keys.end(), less);
    else
        std::partial_sort(keys.begin(), middle, keys.end(), less);
    std::vector<std::uint32_t> order(keep);
    for (std::size_t i = 0; i < keep; ++i) order[i] = keys[i].at;
    return order;
}

std::optional<RowId> sharedEvent(storage::Engine& engine, RowId a, RowId b) {
    auto slots = engine.sharedEvents(a, b);
    if (slots.empty()) return std::nullopt;
    fillDepths(engine, slots);
    const auto keys = keysOf(slots);
    const auto idOf = [&slots](std::uint32_t at) -> std::string_view { return slots[at].id; };
    const auto best = rules::sharedEventFirst(
        keys.begin(), keys.end(),
        [&slots](const rules::TimelineKey& k) { return slots[k.at].occurred; },
        [&idOf](const rules::TimelineKey& x, const rules::TimelineKey& y) {
            return rules::timelineLess(x, y, idOf);
        });
    return slots[best->at].row;
}

}  // namespace bilateral::query::detail
