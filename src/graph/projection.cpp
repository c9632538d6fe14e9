// The Boost.Graph projection of a store: four scans (events, participations, actors, relations)
// inside one read transaction, so the four see the same snapshot.

#include "bilateral/graph/projection.hpp"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "bilateral/error.hpp"
#include "bilateral/sqlite/scans.hpp"
#include "bilateral/sqlite/store.hpp"

namespace bilateral::graph {
namespace {

using model::Date;
using model::DayNumber;

constexpr DayNumber kMinDay = std::numeric_limits<DayNumber>::min();
constexpr DayNumber kMaxDay = std::numeric_limits<DayNumber>::max();

std::string isoOf(const std::optional<Date>& d) {
    return d ? d->toString() : std::string();
}

struct EventRow {
    std::int64_t row = 0;
    Vertex vertex;
    std::optional<model::EventKind> kind;
    std::optional<Date> start, end;
    std::optional<std::int64_t> parentRow;
};

/// The days an event may cover; `dated` is false when neither it nor an ancestor has a date.
struct DayRange {
    DayNumber from = kMinDay;
    DayNumber to = kMaxDay;
    bool dated = false;
};

/// The days of an event as query::Index counts them: its own dates (a start without an end lasts
/// the start; an end without a start lasts the end), else those of its nearest dated ancestor.
class EventDays {
public:
    EventDays(const std::vector<EventRow>& events,
              const std::unordered_map<std::int64_t, std::size_t>& byRow)
        : events_(events), byRow_(byRow), memo_(events.size()), state_(events.size(), 0) {}

    DayRange of(std::size_t i) {
        if (state_[i] == 2) return memo_[i];
        const auto& e = events_[i];
        DayRange r;
        if (e.start || e.end) {
            r.dated = true;
            r.from = e.start ? e.start->earliest() : e.end->earliest();
            r.to = std::max(r.from, e.end ? e.end->latest() : e.start->latest());
        } else if (e.parentRow && state_[i] == 0) {
            state_[i] = 1;  // on the stack: a cycle of parents leaves the event undated
            if (auto it = byRow_.find(*e.parentRow); it != byRow_.end()) r = of(it->second);
        }
        memo_[i] = r;
        state_[i] = 2;
        return r;
    }

private:
    const std::vector<EventRow>& events_;
    const std::unordered_map<std::int64_t, std::size_t>& byRow_;
    std::vector<DayRange> memo_;
    std::vector<std::uint8_t> state_;  // 0 not seen, 1 in progress, 2 done
};

}  // namespace

std::string_view toString(VertexKind k) noexcept {
    return k == VertexKind::Actor ? "actor" : "event";
}

std::string_view toString(EdgeKind k) noexcept {
    switch (k) {
        case EdgeKind::Participation:
            return "participation";
        case EdgeKind::EventLink:
            return "event_link";
        case EdgeKind::Relation:
            break;
    }
    return "relation";
}

bool Projection::filtered() const noexcept {
    return filter_.from.has_value() || filter_.to.has_value() || !filter_.kinds.empty();
}

std::optional<VertexId> Projection::findActor(std::string_view id) const {
    if (auto it = actors_.find(id); it != actors_.end()) return it->second;
    return std::nullopt;
}

std::optional<VertexId> Projection::findEvent(std::string_view id) const {
    if (auto it = events_.find(id); it != events_.end()) return it->second;
    return std::nullopt;
}

std::optional<VertexId> Projection::find(std::string_view id) const {
    if (auto v = findActor(id)) return v;
    return findEvent(id);
}

Projection Projection::build(store::Store& store, const query::IndexFilter& filter) {
    Projection p;
    p.filter_ = filter;
    const bool limited = p.filtered();
    const bool windowed = filter.from.has_value() || filter.to.has_value();
    const DayNumber winFrom = filter.from ? filter.from->earliest() : kMinDay;
    const DayNumber winTo = filter.to ? filter.to->latest() : kMaxDay;

    store::TableReader reader(store);
    const store::ScanOptions inIdOrder{.byId = true, .evidenceCounts = true};

    // 1. Events, and which of them the filter keeps.
    std::vector<EventRow> events;
    std::unordered_map<std::int64_t, std::size_t> eventByRow;
    {
        reader.events(
            [&](const store::EventScanRow& e) {
                EventRow r;
                r.row = e.row;
                r.vertex.kind = VertexKind::Event;
                r.vertex.id = std::string(e.id);
                r.vertex.type = std::string(e.kind);
                r.kind = model::parse<model::EventKind>(r.vertex.type);
                r.vertex.label = std::string(e.title);
                r.start = e.start.date();
                r.end = e.end.date();
                r.vertex.start = isoOf(r.start);
                r.vertex.end = isoOf(r.end);
                r.vertex.status = std::string(e.status);
                r.vertex.location = std::string(e.location);
                if (e.parentRow != 0) r.parentRow = e.parentRow;
                r.vertex.parent = std::string(e.parentId);
                r.vertex.cameo = std::string(e.cameo);
                r.vertex.evidenceCount = e.evidence;
                eventByRow.emplace(r.row, events.size());
                events.push_back(std::move(r));
            },
            inIdOrder);
    }
    std::vector<bool> eventKept(events.size(), true);
    {
        EventDays days(events, eventByRow);
        for (std::size_t i = 0; i < events.size(); ++i) {
            auto& e = events[i];
            const auto r = days.of(i);
            if (r.dated) {
                e.vertex.firstDay = r.from;
                e.vertex.lastDay = r.to;
            }
            if (!limited) continue;
            const bool kindOk = filter.kinds.empty() ||
                                (e.kind && std::find(filter.kinds.begin(), filter.kinds.end(),
                                                     *e.kind) != filter.kinds.end());
            const bool timeOk = !windowed || (r.dated && r.from <= winTo && winFrom <= r.to);
            eventKept[i] = kindOk && timeOk;
        }
    }

    // 2. Participations of kept events; they decide which actors a filtered projection keeps.
    struct PartRow {
        std::int64_t row, actorRow;
        std::size_t event;
        Edge edge;
    };
    std::vector<PartRow> parts;
    std::unordered_map<std::int64_t, bool> actorTakesPart;
    {
        reader.participations(
            [&](const store::ParticipationScanRow& row) {
                const auto it = eventByRow.find(row.event);
                if (it == eventByRow.end() || !eventKept[it->second]) return;
                PartRow r{.row = row.row, .actorRow = row.actor, .event = it->second, .edge = {}};
                r.edge.kind = EdgeKind::Participation;
                r.edge.type = std::string(row.role);
                r.edge.evidenceCount = row.evidence;
                r.edge.firstDay = events[it->second].vertex.firstDay;
                r.edge.lastDay = events[it->second].vertex.lastDay;
                actorTakesPart[r.actorRow] = true;
                parts.push_back(std::move(r));
            },
            inIdOrder);
    }
    std::stable_sort(parts.begin(), parts.end(),
                     [](const PartRow& a, const PartRow& b) { return a.event < b.event; });

    // 3. Actors: vertices 0 .. actorCount-1, in id order.
    std::unordered_map<std::int64_t, VertexId> actorVertex;
    {
        reader.actors(
            [&](const store::ActorScanRow& a) {
                if (limited && !actorTakesPart.contains(a.row)) return;
                Vertex v;
                v.kind = VertexKind::Actor;
                v.id = std::string(a.id);
                v.type = std::string(a.kind);
                v.label = std::string(a.name);
                v.country = std::string(a.country);
                v.evidenceCount = a.evidence;
                const auto id = v.id;
                const auto vd = boost::add_vertex(std::move(v), p.graph_);
                actorVertex.emplace(a.row, vd);
                p.actors_.emplace(id, vd);
            },
            inIdOrder);
    }
    p.actorCount_ = boost::num_vertices(p.graph_);

    // 4. Event vertices after the actors, in id order.
    std::vector<std::optional<VertexId>> eventVertex(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (!eventKept[i]) continue;
        const auto id = events[i].vertex.id;
        const auto vd = boost::add_vertex(std::move(events[i].vertex), p.graph_);
        eventVertex[i] = vd;
        p.events_.emplace(id, vd);
    }

    // 5. Participation edges, actor → event.
    for (auto& r : parts) {
        const auto a = actorVertex.find(r.actorRow);
        if (a == actorVertex.end() || !eventVertex[r.event]) continue;
        boost::add_edge(a->second, *eventVertex[r.event], std::move(r.edge), p.graph_);
        ++p.participationCount_;
    }

    // 6. Relations between kept actors whose validity may overlap the window.
    {
        reader.relations(
            [&](const store::RelationScanRow& r) {
                const auto from = actorVertex.find(r.from);
                const auto to = actorVertex.find(r.to);
                if (from == actorVertex.end() || to == actorVertex.end()) return;
                const model::Interval valid{r.validFrom.date(), r.validTo.date()};
                if (limited && !valid.mayOverlap(winFrom, winTo)) return;
                Edge e;
                e.kind = EdgeKind::Relation;
                e.id = std::string(r.id);
                e.type = std::string(r.kind);
                e.start = isoOf(valid.start);
                e.end = isoOf(valid.end);
                e.evidenceCount = r.evidence;
                if (valid.start) e.firstDay = valid.start->earliest();
                if (valid.end) e.lastDay = valid.end->latest();
                boost::add_edge(from->second, to->second, std::move(e), p.graph_);
            },
            inIdOrder);
    }

    // 7. Links between kept events, from → to.
    reader.eventLinks(
        [&](const store::EventLinkScanRow& l) {
            const auto from = eventByRow.find(l.from);
            const auto to = eventByRow.find(l.to);
            if (from == eventByRow.end() || to == eventByRow.end()) return;
            if (!eventVertex[from->second] || !eventVertex[to->second]) return;
            Edge e;
            e.kind = EdgeKind::EventLink;
            e.id = std::string(l.id);
            e.type = std::string(l.kind);
            e.evidenceCount = l.evidence;
            boost::add_edge(*eventVertex[from->second], *eventVertex[to->second], std::move(e),
                            p.graph_);
            ++p.linkCount_;
        },
        inIdOrder);
    return p;
}

}  // namespace bilateral::graph
