// The Boost.Graph projection of a store: four scans (events, participations, actors, relations)
// inside one read transaction, so the four see the same snapshot.

#include "bilateral/graph/projection.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "bilateral/error.hpp"
#include "bilateral/store/store.hpp"

namespace bilateral::graph {
namespace {

using model::Date;
using model::DayNumber;

constexpr DayNumber kMinDay = std::numeric_limits<DayNumber>::min();
constexpr DayNumber kMaxDay = std::numeric_limits<DayNumber>::max();

std::optional<Date> readDate(const store::Statement& st, int lo, int prec) {
    if (st.isNull(lo)) return std::nullopt;
    return Date::fromStored(static_cast<DayNumber>(st.getInt64(lo)),
                            static_cast<model::Precision>(st.getInt(prec)));
}

std::string isoOf(const std::optional<Date>& d) {
    return d ? d->toString() : std::string();
}

/// Holds a read transaction for the scans when the connection is not already inside one.
class ReadSnapshot {
public:
    explicit ReadSnapshot(store::Store& store) : store_(store) {
        if (sqlite3_get_autocommit(store.connection().getHandle()) != 0) {
            store_.execute("BEGIN");
            open_ = true;
        }
    }
    ~ReadSnapshot() {
        if (!open_) return;
        try {
            store_.execute("COMMIT");
        } catch (...) {  // a read transaction has nothing to lose; never throw from here
        }
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    store::Store& store_;
    bool open_ = false;
};

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
    return k == EdgeKind::Participation ? "participation" : "relation";
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

    ReadSnapshot snapshot(store);

    // 1. Events, and which of them the filter keeps.
    std::vector<EventRow> events;
    std::unordered_map<std::int64_t, std::size_t> eventByRow;
    {
        auto st = store.prepare(
            "SELECT e.id, e.key, e.kind, e.title, e.start_lo, e.start_prec, e.end_lo, e.end_prec, "
            "e.status, e.location, e.parent_id, p.key, e.cameo, "
            "(SELECT count(*) FROM evidence v WHERE v.event_id = e.id) "
            "FROM event e LEFT JOIN event p ON p.id = e.parent_id ORDER BY e.key");
        while (st.step()) {
            EventRow r;
            r.row = st.getInt64(0);
            r.vertex.kind = VertexKind::Event;
            r.vertex.id = st.getString(1);
            r.vertex.type = st.getString(2);
            r.kind = model::parse<model::EventKind>(r.vertex.type);
            r.vertex.label = st.getString(3);
            r.start = readDate(st, 4, 5);
            r.end = readDate(st, 6, 7);
            r.vertex.start = isoOf(r.start);
            r.vertex.end = isoOf(r.end);
            r.vertex.status = st.getString(8);
            r.vertex.location = st.getOptString(9).value_or("");
            if (!st.isNull(10)) r.parentRow = st.getInt64(10);
            r.vertex.parent = st.getOptString(11).value_or("");
            r.vertex.cameo = st.getOptString(12).value_or("");
            r.vertex.evidenceCount = st.getInt64(13);
            eventByRow.emplace(r.row, events.size());
            events.push_back(std::move(r));
        }
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
        auto st = store.prepare(
            "SELECT p.id, p.event_id, p.actor_id, p.role, "
            "(SELECT count(*) FROM evidence v WHERE v.participation_id = p.id) "
            "FROM participation p ORDER BY p.id");
        while (st.step()) {
            const auto it = eventByRow.find(st.getInt64(1));
            if (it == eventByRow.end() || !eventKept[it->second]) continue;
            PartRow r{
                .row = st.getInt64(0), .actorRow = st.getInt64(2), .event = it->second, .edge = {}};
            r.edge.kind = EdgeKind::Participation;
            r.edge.type = st.getString(3);
            r.edge.evidenceCount = st.getInt64(4);
            r.edge.firstDay = events[it->second].vertex.firstDay;
            r.edge.lastDay = events[it->second].vertex.lastDay;
            actorTakesPart[r.actorRow] = true;
            parts.push_back(std::move(r));
        }
    }
    std::stable_sort(parts.begin(), parts.end(),
                     [](const PartRow& a, const PartRow& b) { return a.event < b.event; });

    // 3. Actors: vertices 0 .. actorCount-1, in id order.
    std::unordered_map<std::int64_t, VertexId> actorVertex;
    {
        auto st = store.prepare(
            "SELECT a.id, a.key, a.kind, a.name, a.country, "
            "(SELECT count(*) FROM evidence v WHERE v.actor_id = a.id) FROM actor a ORDER BY "
            "a.key");
        while (st.step()) {
            const auto row = st.getInt64(0);
            if (limited && !actorTakesPart.contains(row)) continue;
            Vertex v;
            v.kind = VertexKind::Actor;
            v.id = st.getString(1);
            v.type = st.getString(2);
            v.label = st.getString(3);
            v.country = st.getOptString(4).value_or("");
            v.evidenceCount = st.getInt64(5);
            const auto id = v.id;
            const auto vd = boost::add_vertex(std::move(v), p.graph_);
            actorVertex.emplace(row, vd);
            p.actors_.emplace(id, vd);
        }
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
        auto st = store.prepare(
            "SELECT r.key, r.kind, r.from_id, r.to_id, r.valid_from_lo, r.valid_from_prec, "
            "r.valid_to_lo, r.valid_to_prec, "
            "(SELECT count(*) FROM evidence v WHERE v.relation_id = r.id) FROM relation r ORDER BY "
            "r.key");
        while (st.step()) {
            const auto from = actorVertex.find(st.getInt64(2));
            const auto to = actorVertex.find(st.getInt64(3));
            if (from == actorVertex.end() || to == actorVertex.end()) continue;
            const model::Interval valid{readDate(st, 4, 5), readDate(st, 6, 7)};
            if (limited && !valid.mayOverlap(winFrom, winTo)) continue;
            Edge e;
            e.kind = EdgeKind::Relation;
            e.id = st.getString(0);
            e.type = st.getString(1);
            e.start = isoOf(valid.start);
            e.end = isoOf(valid.end);
            e.evidenceCount = st.getInt64(8);
            if (valid.start) e.firstDay = valid.start->earliest();
            if (valid.end) e.lastDay = valid.end->latest();
            boost::add_edge(from->second, to->second, std::move(e), p.graph_);
        }
    }
    return p;
}

}  // namespace bilateral::graph
