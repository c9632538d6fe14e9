// Who met whom and timelines straight from the database file (answers.hpp).

#include "bilateral/query/answers.hpp"

#include <algorithm>
#include <unordered_map>

#include "answer_parts.hpp"
#include "bilateral/error.hpp"
#include "bilateral/rules/natural_order.hpp"
#include "bilateral/rules/sides.hpp"
#include "bilateral/sqlite/store.hpp"

namespace bilateral::query {
namespace detail {

store::ActorRecord requireActor(store::Store& store, std::string_view id) {
    if (auto a = store.actorRecord(id)) return *a;
    throw NotFoundError("no actor with id \"" + std::string(id) + "\"");
}

ActorRef actorRef(const store::ActorRecord& a) {
    return ActorRef{a.id, a.name, a.kind, a.country};
}

namespace {

/// An event as answers show it, from its details (whose record text it takes); parents are looked
/// up (and remembered).
EventRef refOf(store::Store& store, store::EventDetails& d, bool participants, bool links,
               std::unordered_map<std::int64_t, store::EventRecord>& parents) {
    auto& e = d.record;  // its text is moved into the answer
    const auto parentAt = [&](std::int64_t row) -> const store::EventRecord& {
        auto it = parents.find(row);
        if (it == parents.end()) it = parents.emplace(row, store.eventRecordAt(row)).first;
        return it->second;
    };
    EventRef r;
    r.id = std::move(e.id);
    r.title = std::move(e.title);
    r.kind = e.kind;
    r.status = e.status;
    r.start = e.start;
    r.end = e.end;
    r.cameo = std::move(e.cameo);
    if (e.parentRow != 0) {
        const auto* up = &parentAt(e.parentRow);
        r.parent = up->id;
        // Undated: the dates of the nearest dated ancestor (bounded, in case of a cycle).
        for (int depth = 0; !e.start && !e.end && depth < 64; ++depth) {
            if (up->start || up->end) {
                r.start = up->start;
                r.end = up->end;
                r.datedByParent = true;
                break;
            }
            if (up->parentRow == 0) break;
            up = &parentAt(up->parentRow);
        }
    }
    r.evidence = d.evidence;
    r.support = d.support;
    r.location = std::move(e.location);
    r.placeCountry = std::move(e.placeCountry);
    if (participants) {
        for (auto& p : d.participants) {
            ParticipantRef ref;
            ref.actor = actorRef(p.actor);
            ref.role = p.role;
            ref.support = p.support;
            r.participants.push_back(std::move(ref));
        }
    }
    if (links) {
        for (auto& l : d.links) {
            r.links.push_back({l.id, l.kind, l.outgoing, l.otherId, l.otherTitle});
        }
    }
    return r;
}

}  // namespace

EventRef eventRef(store::Store& store, const store::EventRecord& e, bool participants, bool links) {
    const std::int64_t row = e.row;
    auto details = store.eventDetails(
        std::span(&row, 1),
        participants ? store::ParticipantsRead::All : store::ParticipantsRead::None, links);
    std::unordered_map<std::int64_t, store::EventRecord> parents;
    return refOf(store, details.front(), participants, links, parents);
}

store::ParticipantsRead participantsRead(bool participants, const Listing* why) {
    // Participants are read when the listing's support needs them, even if not shown.
    return participants     ? store::ParticipantsRead::All
           : why != nullptr ? store::ParticipantsRead::WithEvidence
                            : store::ParticipantsRead::None;
}

std::vector<EventRef> eventRefs(store::Store& store, std::vector<store::EventDetails> details,
                                bool participants, bool links, const Listing* why) {
    std::vector<std::uint32_t> order(details.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
    return eventRefs(store, details, order, participants, links, why);
}

std::vector<EventRef> eventRefs(store::Store& store, std::span<store::EventDetails> details,
                                std::span<const std::uint32_t> order, bool participants, bool links,
                                const Listing* why) {
    std::unordered_map<std::int64_t, store::EventRecord> parents;
    std::vector<EventRef> out;
    out.reserve(order.size());
    for (const auto i : order) {
        auto& d = details[i];
        out.push_back(refOf(store, d, participants, links, parents));
        if (why) out.back().support = listedSupport(d, *why);
    }
    return out;
}

model::Support listedSupport(const store::EventDetails& d, const Listing& why) {
    model::Support mine, sideA, sideB;
    for (const auto& p : d.participants) {
        if (why.actorRow != 0 && p.actor.row == why.actorRow)
            mine = model::stronger(mine, p.support);
        if (!why.a.empty() && p.actor.country == why.a) sideA = model::stronger(sideA, p.support);
        if (!why.b.empty() && p.actor.country == why.b) sideB = model::stronger(sideB, p.support);
    }
    return model::weaker(d.support, model::weaker(mine, model::weaker(sideA, sideB)));
}

store::EventFilter filterOf(const Window& w, std::vector<model::EventKind> kinds) {
    store::EventFilter f;
    if (w.from) f.from = w.from->earliest();
    if (w.to) f.to = w.to->latest();
    f.kinds = std::move(kinds);
    return f;
}

bool timelineLess(const store::EventSlot& a, const store::EventSlot& b) {
    if (a.lo != b.lo) return a.lo < b.lo;
    if (a.hi != b.hi) return a.hi < b.hi;
    if (a.depth != b.depth) return a.depth < b.depth;  // a sub-event after its parent
    return naturalLess(a.id, b.id);
}

void fillDepths(store::Store& store, std::vector<store::EventSlot>& slots) {
    // An event without a parent has depth 0: most listings (event files) have no sub-events.
    if (std::none_of(slots.begin(), slots.end(), [](const auto& x) { return x.parentRow != 0; }))
        return;
    // Only events that share their day range with another can need it: look those up.
    std::vector<std::size_t> byDays(slots.size());
    for (std::size_t i = 0; i < slots.size(); ++i) byDays[i] = i;
    std::sort(byDays.begin(), byDays.end(), [&slots](std::size_t x, std::size_t y) {
        if (slots[x].lo != slots[y].lo) return slots[x].lo < slots[y].lo;
        return slots[x].hi < slots[y].hi;
    });
    std::vector<std::size_t> tied;
    for (std::size_t k = 0; k < byDays.size();) {
        std::size_t end = k + 1;
        while (end < byDays.size() && slots[byDays[end]].lo == slots[byDays[k]].lo &&
               slots[byDays[end]].hi == slots[byDays[k]].hi) {
            ++end;
        }
        if (end - k > 1) tied.insert(tied.end(), byDays.begin() + k, byDays.begin() + end);
        k = end;
    }
    if (tied.empty()) return;
    // An event without a parent has depth 0.
    std::erase_if(tied, [&slots](std::size_t i) { return slots[i].parentRow == 0; });
    if (tied.empty()) return;
    std::vector<std::int64_t> rows(tied.size());
    for (std::size_t i = 0; i < tied.size(); ++i) rows[i] = slots[tied[i]].row;
    const auto depths = store.eventDepths(rows);  // one statement for all of them
    for (std::size_t i = 0; i < tied.size(); ++i) slots[tied[i]].depth = depths[i];
}

}  // namespace detail

namespace {

using detail::eventRef;

std::vector<model::EventKind> countingKinds(const WhoMetOptions& o) {
    if (!o.kinds.empty()) return o.kinds;
    std::vector<model::EventKind> kinds;
    for (std::size_t k = 0; k < model::names<model::EventKind>().size(); ++k) {
        const auto kind = static_cast<model::EventKind>(k);
        if (model::isMeetingKind(kind) ||
            (o.includePhoneCalls && kind == model::EventKind::PhoneCall)) {
            kinds.push_back(kind);
        }
    }
    return kinds;
}

/// The first `limit` slots (all when 0) in timeline order, as events with participants.
/// With `scoped`, each says the rule that put it in the country's or pair's scope. `known`:
/// the slots' events when their records were read already, known[i] that of slots[i] (whose
/// id may have been moved out of it into the slot), else empty.
Page<EventRef> pageOf(store::Store& store, std::vector<store::EventSlot> slots, std::size_t limit,
                      bool participants, const detail::Listing& why, bool scoped = false,
                      std::vector<store::EventDetails> known = {}) {
    Page<EventRef> page;
    page.total = slots.size();
    detail::fillDepths(store, slots);
    const auto keep = limit == 0 ? slots.size() : std::min(limit, slots.size());
    // Sorted: compact keys, each with the first 16 bytes of its id's natural order
    // (naturalPrefix) and its position, the index of its slot and of its record in `known`.
    // The ids themselves are compared only when those bytes tie.
    struct Key {
        std::int64_t lo, hi;
        std::uint64_t id1, id2;
        std::int32_t depth;
        std::uint32_t at;
    };
    std::vector<Key> keys(slots.size());
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const auto& x = slots[i];
        const auto [id1, id2] = detail::naturalPrefix(x.id);
        keys[i] = {x.lo, x.hi, id1, id2, x.depth, static_cast<std::uint32_t>(i)};
    }
    const auto less = [&slots](const Key& x, const Key& y) {
        if (x.lo != y.lo) return x.lo < y.lo;
        if (x.hi != y.hi) return x.hi < y.hi;
        if (x.depth != y.depth) return x.depth < y.depth;  // a sub-event after its parent
        if (x.id1 != y.id1) return x.id1 < y.id1;
        if (x.id2 != y.id2) return x.id2 < y.id2;
        return detail::naturalLess(slots[x.at].id, slots[y.at].id);
    };
    if (keep == keys.size())
        std::sort(keys.begin(), keys.end(), less);
    else
        std::partial_sort(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(keep),
                          keys.end(), less);
    std::vector<std::uint32_t> order(keep);
    for (std::size_t i = 0; i < keep; ++i) order[i] = keys[i].at;
    keys = {};
    const auto read = detail::participantsRead(participants, &why);
    if (known.empty()) {
        std::vector<std::int64_t> rows(keep);
        for (std::size_t i = 0; i < keep; ++i) rows[i] = slots[order[i]].row;
        page.items = detail::eventRefs(store, store.eventDetails(rows, read, /*links=*/true),
                                       participants, /*links=*/true, &why);
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
        std::vector<store::EventDetails> kept(keep);
        for (std::size_t i = 0; i < keep; ++i) {
            kept[i] = std::move(known[order[i]]);
            order[i] = static_cast<std::uint32_t>(i);
        }
        known = std::move(kept);
    }
    store.fillEventDetails(known, read, /*links=*/true);
    page.items = detail::eventRefs(store, known, order, participants, /*links=*/true, &why);
    return page;
}

/// A country's or a pair's events: read in day order from event_scope, keeping the first
/// `limit` and those tied with the last kept (ids break ties), counting the rest.
Page<EventRef> scopedPage(store::Store& store, std::string_view a, std::string_view b,
                          const TimelineOptions& o, std::size_t limit) {
    std::vector<store::EventSlot> kept;
    bool cut = false;
    const auto filter = detail::filterOf(o.window, o.kinds);
    store.forEachScopedEvent(a, b, filter, [&](const store::EventSlot& s) {
        const bool tied = !kept.empty() && kept.back().lo == s.lo && kept.back().hi == s.hi;
        if (limit != 0 && kept.size() >= limit && !tied) {
            cut = true;  // the rest are only counted, through the index
            return false;
        }
        kept.push_back(s);
        return true;
    });
    const auto total =
        cut ? static_cast<std::size_t>(store.countScopedEvents(a, b, filter)) : kept.size();
    for (auto& s : kept) {
        if (s.id.empty()) s.id = store.eventRecordAt(s.row).id;
    }
    detail::Listing why;
    why.a = a;
    why.b = b;
    auto page = pageOf(store, std::move(kept), limit, o.participants, why, true);
    page.total = total;
    return page;
}

void requireCountry(store::Store& store, std::string_view code) {
    if (!store.hasCountry(code)) {
        throw NotFoundError("no actor or place has country \"" + std::string(code) + "\"");
    }
}

}  // namespace

Page<MetActor> whoMet(store::Store& store, std::string_view actorId, const WhoMetOptions& options,
                      std::size_t limit) {
    const auto self = detail::requireActor(store, actorId);
    auto filter = detail::filterOf(options.window, countingKinds(options));
    filter.occurredOnly = true;

    struct Acc {
        std::vector<store::EventSlot> slots;
        std::optional<std::string> side;  // the smallest side seen
    };
    std::unordered_map<std::int64_t, Acc> by;
    std::unordered_map<std::int64_t, store::EventRecord> events;
    // An event's participations come together: they are gathered, then the side rule
    // (detail::SelfInEvent, as the Index applies it) picks the counterparts.
    std::vector<store::SidedParticipation> parts;
    std::int64_t current = 0;
    detail::SelfInEvent me;
    auto sideOf = [](const store::SidedParticipation& p) -> std::optional<std::string_view> {
        if (p.side.empty()) return std::nullopt;
        return std::string_view(p.side);
    };
    auto flush = [&] {
        if (current == 0) return;
        const auto& e = events.at(current);
        me.clear();
        for (const auto& p : parts) {
            if (p.actor == self.row) me.add(p.role, sideOf(p));
        }
        for (const auto& p : parts) {
            if (p.actor == self.row || !me.counts(p.role, sideOf(p), options.anySide)) continue;
            auto& acc = by[p.actor];
            acc.slots.push_back({e.row, e.dayLo.value_or(detail::kNoDay),
                                 e.dayHi.value_or(detail::kNoDay), e.id, e.parentRow});
            if (!p.side.empty() && (!acc.side || p.side < *acc.side)) acc.side = p.side;
        }
        parts.clear();
    };
    store.forEachParticipationAlongside(
        self.row, filter, [&](const store::SidedParticipation& p, const store::EventRecord& e) {
            if (e.row != current) {
                flush();
                current = e.row;
                events.try_emplace(e.row, e);
            }
            parts.push_back(p);
        });
    flush();

    // Every event met in, read together: records, evidence and participants' support
    // (Store::eventDetails), rather than a few statements per event.
    std::vector<std::int64_t> eventRows;
    std::vector<store::EventDetails> details;  // records read already: not read again
    eventRows.reserve(events.size());
    details.resize(events.size());
    for (const auto& entry : events) {
        details[eventRows.size()].record = entry.second;
        eventRows.push_back(entry.first);
    }
    store.fillEventDetails(details, store::ParticipantsRead::WithEvidence, /*links=*/false);
    std::unordered_map<std::int64_t, std::size_t> detailOf;  // event row -> index in details
    std::unordered_map<std::int64_t, EventRef> refs;
    {
        std::unordered_map<std::int64_t, store::EventRecord> parents;
        for (std::size_t i = 0; i < details.size(); ++i) {
            detailOf.emplace(eventRows[i], i);
            refs.emplace(eventRows[i], detail::refOf(store, details[i], false, false, parents));
        }
    }
    // What an actor's part in an event rests on: all the evidence of its participations (one
    // per role) folded together; no basis when it has none.
    auto participationSupport = [&](std::int64_t eventRow, std::int64_t actorRow) {
        model::Support s;
        for (const auto& p : details[detailOf.at(eventRow)].participants) {
            if (p.actor.row == actorRow && p.support.basis)
                s.add(*p.support.basis, p.support.confidence);
        }
        return s;
    };

    std::unordered_map<std::int64_t, model::Support> selfSupport;  // by event row
    Page<MetActor> page;
    page.total = by.size();
    std::vector<MetActor> all;
    all.reserve(by.size());
    std::vector<std::int64_t> meetings;
    for (auto& [other, acc] : by) {
        auto& s = acc.slots;
        detail::fillDepths(store, s);
        std::sort(s.begin(), s.end(), detail::timelineLess);
        s.erase(std::unique(s.begin(), s.end(),
                            [](const auto& x, const auto& y) { return x.row == y.row; }),
                s.end());
        MetActor m;
        m.actor = detail::actorRef(store.actorRecordAt(other));
        m.side = acc.side;
        m.rows = static_cast<std::int64_t>(s.size());
        // One meeting per group of an event file: its first event's row (docs/event-data.md).
        meetings.clear();
        for (const auto& slot : s) {
            const auto& e = events.at(slot.row);
            meetings.push_back(e.meetingRow != 0 ? e.meetingRow : e.row);
        }
        std::sort(meetings.begin(), meetings.end());
        m.meetings = std::unique(meetings.begin(), meetings.end()) - meetings.begin();
        m.events.reserve(s.size());
        for (const auto& slot : s) {
            m.events.push_back(refs.at(slot.row));
            auto [it, fresh] = selfSupport.try_emplace(slot.row);
            if (fresh) it->second = participationSupport(slot.row, self.row);
            m.support.push_back(model::weaker(it->second, participationSupport(slot.row, other)));
            m.overall = model::stronger(m.overall, m.support.back());
        }
        for (const auto& ev : m.events) {
            if (ev.start) {
                if (!m.first) m.first = ev.start;
                m.last = ev.start;
            }
        }
        all.push_back(std::move(m));
    }
    const bool rows = options.countRows;
    std::sort(all.begin(), all.end(), [rows](const MetActor& a, const MetActor& b) {
        const auto x = rows ? a.rows : a.meetings;
        const auto y = rows ? b.rows : b.meetings;
        if (x != y) return x > y;
        if (a.actor.name != b.actor.name) return a.actor.name < b.actor.name;
        return detail::naturalLess(a.actor.id, b.actor.id);
    });
    if (limit != 0 && all.size() > limit) all.resize(limit);
    page.items = std::move(all);
    return page;
}

Page<EventRef> actorTimeline(store::Store& store, std::string_view actorId,
                             const TimelineOptions& options, std::size_t limit) {
    const auto self = detail::requireActor(store, actorId);
    detail::Listing why;
    why.actorRow = self.row;
    // The records are read once, with the slots: a page of all of them reads no row again.
    auto records = store.eventsOfActor(self.row, detail::filterOf(options.window, options.kinds));
    std::vector<store::EventSlot> slots;
    slots.reserve(records.size());
    for (auto& d : records) {  // each id moves to its slot, and back once the page is chosen
        auto& e = d.record;
        slots.push_back({e.row, e.dayLo.value_or(detail::kNoDay), e.dayHi.value_or(detail::kNoDay),
                         std::move(e.id), e.parentRow});
    }
    return pageOf(store, std::move(slots), limit, options.participants, why, false,
                  std::move(records));
}

Page<EventRef> dyadTimeline(store::Store& store, std::string_view countryA,
                            std::string_view countryB, const TimelineOptions& options,
                            std::size_t limit) {
    requireCountry(store, countryA);
    requireCountry(store, countryB);
    return scopedPage(store, countryA, countryB, options, limit);
}

Page<EventRef> countryTimeline(store::Store& store, std::string_view country,
                               const TimelineOptions& options, std::size_t limit) {
    requireCountry(store, country);
    return scopedPage(store, country, "", options, limit);
}

}  // namespace bilateral::query
