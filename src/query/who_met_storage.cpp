// Who met whom from a storage engine (from_storage.hpp): the participations alongside the
// actor's, the side rule (rules/sides.hpp) picking the counterparts, each counterpart's meetings
// in timeline order (rules/timeline.hpp), a meeting of an event file's rows counted once;
// [identity] a same_as group as one actor (rules/identity.hpp) unless asked not to merge.

#include <algorithm>
#include <unordered_map>

#include "answer_parts.hpp"
#include "bilateral/query/from_storage.hpp"
#include "bilateral/rules/natural_order.hpp"
#include "bilateral/rules/sides.hpp"

namespace bilateral::query {

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

namespace {

using storage::RowId;

/// The counterparts of one actor, gathered event by event, and the events they met in.
struct Gathered {
    struct Counterpart {
        std::vector<RowId> events;
        std::optional<std::string> side;  // the smallest side seen
    };
    std::unordered_map<RowId, Counterpart> by;
    std::vector<storage::EventDetails> events;    // records read; each event once
    std::unordered_map<RowId, std::uint32_t> at;  // event row -> index in events
};

/// [identity] The records answers treat as one actor: the asked actor's group (itself alone
/// without merging), and each counterpart's group under its canonical record.
struct Group {
    const detail::Identity& ident;
    std::vector<RowId> self;
    [[nodiscard]] bool isSelf(RowId a) const {
        return std::find(self.begin(), self.end(), a) != self.end();
    }
    [[nodiscard]] RowId keyOf(RowId a) const { return ident.canonicalOf(a); }
};

Gathered gather(storage::Engine& engine, const Group& group, const WhoMetOptions& options) {
    auto filter = detail::filterOf(options.window, countingKinds(options));
    filter.occurredOnly = true;
    Gathered g;
    // An event's participations come together: they are gathered, then the side rule picks
    // the counterparts.
    std::vector<storage::SidedParticipation> parts;
    RowId current = 0;
    bool seen = false;  // the current event was gathered with an earlier record of the group
    rules::SelfInEvent me;
    const auto sideOf = [](const storage::SidedParticipation& p) {
        return p.side.empty() ? std::nullopt : std::optional<std::string_view>(p.side);
    };
    const auto flush = [&] {
        me.clear();
        for (const auto& p : parts) {
            if (group.isSelf(p.actor)) me.add(p.role, sideOf(p));
        }
        for (const auto& p : parts) {
            if (group.isSelf(p.actor) ||
                !me.counts(p.role, sideOf(p), options.anySide, options.coParticipants))
                continue;
            auto& c = g.by[group.keyOf(p.actor)];
            if (c.events.empty() || c.events.back() != current) c.events.push_back(current);
            if (!p.side.empty() && (!c.side || p.side < *c.side)) c.side = p.side;
        }
        parts.clear();
    };
    for (const auto self : group.self) {
        engine.forEachParticipationAlongside(
            self, filter, [&](const storage::SidedParticipation& p, const storage::EventRecord& e) {
                if (e.row != current) {
                    if (current != 0 && !seen) flush();
                    parts.clear();
                    current = e.row;
                    seen = g.at.contains(e.row);
                    if (seen) return;
                    g.at.emplace(e.row, static_cast<std::uint32_t>(g.events.size()));
                    g.events.push_back(storage::EventDetails{e, 0, {}, {}, {}, {}});
                }
                if (!seen) parts.push_back(p);
            });
        if (current != 0 && !seen) flush();
        current = 0;
    }
    return g;
}

/// What an actor's part in an event rests on: all the evidence of its participations (one per
/// role) folded together; no basis when it has none.
model::Support participationSupport(const storage::EventDetails& d, const Group& group,
                                    std::optional<RowId> other) {
    model::Support s;
    for (const auto& p : d.participants) {
        const bool is = other ? group.keyOf(p.actor.row) == *other : group.isSelf(p.actor.row);
        if (is && p.support.basis) s.add(*p.support.basis, p.support.confidence);
    }
    return s;
}

MetActor metActor(ActorRef who, Gathered::Counterpart& c, const Gathered& g,
                  const std::vector<std::uint32_t>& rank, const std::vector<EventRef>& refs,
                  const std::vector<model::Support>& selfSupport, const Group& group, RowId other) {
    auto& events = c.events;
    std::sort(events.begin(), events.end(),
              [&](RowId x, RowId y) { return rank[g.at.at(x)] < rank[g.at.at(y)]; });
    MetActor m;
    m.actor = std::move(who);
    if (c.side && rules::shownSide(*c.side, m.actor.id)) m.side = c.side;
    m.rows = static_cast<std::int64_t>(events.size());
    // One meeting per group of an event file: its first event's row (docs/event-data.md).
    std::vector<RowId> meetings;
    meetings.reserve(events.size());
    for (const auto row : events) {
        const auto& e = g.events[g.at.at(row)].record;
        meetings.push_back(e.meetingRow != 0 ? e.meetingRow : e.row);
    }
    std::sort(meetings.begin(), meetings.end());
    m.meetings = std::unique(meetings.begin(), meetings.end()) - meetings.begin();
    m.events.reserve(events.size());
    for (const auto row : events) {
        const auto i = g.at.at(row);
        m.events.push_back(refs[i]);
        m.support.push_back(
            model::weaker(selfSupport[i], participationSupport(g.events[i], group, other)));
        m.overall = model::stronger(m.overall, m.support.back());
        if (const auto& start = refs[i].start) {
            if (!m.first) m.first = start;
            m.last = start;
        }
    }
    return m;
}

}  // namespace

Page<MetActor> whoMet(storage::Engine& engine, std::string_view actorId,
                      const WhoMetOptions& options, std::size_t limit) {
    const auto self = detail::requireActor(engine, actorId);
    const auto ident = options.merge ? detail::identity(engine) : detail::Identity{};
    const Group group{ident, ident.groups.members(self.row)};
    auto g = gather(engine, group, options);
    // Every event met in, read together (evidence, participants' support), ranked once in
    // timeline order; the counterparts' records in one round trip.
    engine.fillEventDetails(g.events, storage::ParticipantsRead::WithEvidence, /*links=*/false);
    std::vector<storage::EventSlot> slots;
    slots.reserve(g.events.size());
    for (const auto& d : g.events) slots.push_back(detail::slotOf(d.record));
    const auto order = detail::timelineOrder(engine, slots);
    std::vector<std::uint32_t> rank(order.size());
    for (std::uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
    std::vector<model::Support> selfSupport(g.events.size());
    for (std::size_t i = 0; i < g.events.size(); ++i)
        selfSupport[i] = participationSupport(g.events[i], group, std::nullopt);
    std::vector<std::uint32_t> all(g.events.size());
    for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    const auto refs = detail::eventRefs(engine, g.events, all, false, false);
    std::vector<RowId> others;
    others.reserve(g.by.size());
    for (const auto& entry : g.by) others.push_back(entry.first);
    auto who = detail::actorRefs(engine, others);
    for (std::size_t i = 0; i < others.size(); ++i) who[i].merged = ident.mergedInto(others[i]);

    Page<MetActor> page;
    page.total = others.size();
    std::vector<MetActor> met;
    met.reserve(others.size());
    for (std::size_t i = 0; i < others.size(); ++i) {
        met.push_back(metActor(std::move(who[i]), g.by.at(others[i]), g, rank, refs, selfSupport,
                               group, others[i]));
    }
    const bool rows = options.countRows;
    std::sort(met.begin(), met.end(), [rows](const MetActor& a, const MetActor& b) {
        const auto x = rows ? a.rows : a.meetings;
        const auto y = rows ? b.rows : b.meetings;
        if (x != y) return x > y;
        if (a.actor.name != b.actor.name) return a.actor.name < b.actor.name;
        return rules::naturalLess(a.actor.id, b.actor.id);
    });
    if (limit != 0 && met.size() > limit) met.resize(limit);
    page.items = std::move(met);
    return page;
}

}  // namespace bilateral::query
