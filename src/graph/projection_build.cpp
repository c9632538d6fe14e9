// The Boost.Graph projection read from a storage engine: events, participations, actors,
// relations and links, each a whole-table scan in id order, inside one read snapshot.

#include <algorithm>
#include <unordered_map>

#include "bilateral/graph/from_storage.hpp"
#include "bilateral/rules/timeline.hpp"

namespace bilateral::graph {
namespace {

using storage::RowId;

std::string isoOf(const std::optional<model::Date>& d) {
    return d ? d->toString() : std::string();
}

struct EventRow {
    RowId row = 0;
    Vertex vertex;
    std::optional<model::EventKind> kind;
    rules::Days own;  ///< its own days
    RowId parentRow = 0;
};

struct PartRow {
    RowId actorRow;
    std::size_t event;
    Edge edge;
};

class Builder {
public:
    Builder(storage::TableScan& scan, const query::IndexFilter& filter)
        : scan_(scan), filter_(filter), window_(filter.from, filter.to) {}

    Projection build() {
        events();
        keepEvents();
        participations();
        actors();
        eventVertices();
        participationEdges();
        relations();
        links();
        return Projection(std::move(graph_), filter_);
    }

private:
    static constexpr storage::ScanOptions kInIdOrder{.byId = true, .evidenceCounts = true};

    [[nodiscard]] bool limited() const {
        return filter_.from || filter_.to || !filter_.kinds.empty();
    }

    /// 1. Events, with their own days.
    void events() {
        scan_.events(
            [&](const storage::EventScanRow& e) {
                EventRow r;
                r.row = e.row;
                r.vertex.kind = VertexKind::Event;
                r.vertex.id = std::string(e.id);
                r.vertex.type = std::string(e.kind);
                r.kind = model::parse<model::EventKind>(r.vertex.type);
                r.vertex.label = std::string(e.title);
                const auto start = e.start.date(), end = e.end.date();
                r.own = rules::ownDays(start, end);
                r.vertex.start = isoOf(start);
                r.vertex.end = isoOf(end);
                r.vertex.status = std::string(e.status);
                r.vertex.location = std::string(e.location);
                r.parentRow = e.parentRow;
                r.vertex.parent = std::string(e.parentId);
                r.vertex.cameo = std::string(e.cameo);
                r.vertex.evidenceCount = e.evidence;
                eventByRow_.emplace(r.row, events_.size());
                events_.push_back(std::move(r));
            },
            kInIdOrder);
    }

    /// Each event's days (its own, else its nearest dated ancestor's: rules::nearestDated), and
    /// whether the filter keeps it.
    void keepEvents() {
        const auto parentOf = [&](std::size_t i) -> std::optional<std::size_t> {
            const auto it = eventByRow_.find(events_[i].parentRow);
            if (events_[i].parentRow == 0 || it == eventByRow_.end()) return std::nullopt;
            return it->second;
        };
        kept_.assign(events_.size(), true);
        for (std::size_t i = 0; i < events_.size(); ++i) {
            auto& e = events_[i];
            const auto dated = rules::nearestDated(
                i, parentOf, [&](std::size_t x) { return events_[x].own.dated(); });
            const auto days = dated ? events_[*dated].own : rules::Days{};
            if (days.dated()) {
                e.vertex.firstDay = days.lo;
                e.vertex.lastDay = days.hi;
            }
            if (!limited()) continue;
            const bool kindOk = filter_.kinds.empty() ||
                                (e.kind && std::find(filter_.kinds.begin(), filter_.kinds.end(),
                                                     *e.kind) != filter_.kinds.end());
            kept_[i] = kindOk && window_.admits(days.lo, days.hi);
        }
    }

    /// 2. Participations of kept events; they decide which actors a filtered projection keeps.
    void participations() {
        scan_.participations(
            [&](const storage::ParticipationScanRow& row) {
                const auto it = eventByRow_.find(row.event);
                if (it == eventByRow_.end() || !kept_[it->second]) return;
                PartRow r{.actorRow = row.actor, .event = it->second, .edge = {}};
                r.edge.kind = EdgeKind::Participation;
                r.edge.type = std::string(row.role);
                r.edge.evidenceCount = row.evidence;
                r.edge.firstDay = events_[it->second].vertex.firstDay;
                r.edge.lastDay = events_[it->second].vertex.lastDay;
                takesPart_[r.actorRow] = true;
                parts_.push_back(std::move(r));
            },
            kInIdOrder);
        std::stable_sort(parts_.begin(), parts_.end(),
                         [](const PartRow& a, const PartRow& b) { return a.event < b.event; });
    }

    /// 3. Actors: vertices 0 .. actorCount-1, in id order.
    void actors() {
        scan_.actors(
            [&](const storage::ActorScanRow& a) {
                if (limited() && !takesPart_.contains(a.row)) return;
                Vertex v;
                v.kind = VertexKind::Actor;
                v.id = std::string(a.id);
                v.type = std::string(a.kind);
                v.label = std::string(a.name);
                v.country = std::string(a.country);
                v.evidenceCount = a.evidence;
                actorVertex_.emplace(a.row, boost::add_vertex(std::move(v), graph_));
            },
            kInIdOrder);
    }

    /// 4. Event vertices after the actors, in id order.
    void eventVertices() {
        eventVertex_.resize(events_.size());
        for (std::size_t i = 0; i < events_.size(); ++i) {
            if (kept_[i]) eventVertex_[i] = boost::add_vertex(std::move(events_[i].vertex), graph_);
        }
    }

    /// 5. Participation edges, actor → event.
    void participationEdges() {
        for (auto& r : parts_) {
            const auto a = actorVertex_.find(r.actorRow);
            if (a == actorVertex_.end() || !eventVertex_[r.event]) continue;
            boost::add_edge(a->second, *eventVertex_[r.event], std::move(r.edge), graph_);
        }
    }

    /// 6. Relations between kept actors whose validity may overlap the window.
    void relations() {
        const auto from = filter_.from ? filter_.from->earliest() : window_.from;
        const auto to =
            filter_.to ? filter_.to->latest() : std::numeric_limits<model::DayNumber>::max();
        scan_.relations(
            [&](const storage::RelationScanRow& r) {
                const auto a = actorVertex_.find(r.from);
                const auto b = actorVertex_.find(r.to);
                if (a == actorVertex_.end() || b == actorVertex_.end()) return;
                const model::Interval valid{r.validFrom.date(), r.validTo.date()};
                if (limited() && !valid.mayOverlap(from, to)) return;
                Edge e;
                e.kind = EdgeKind::Relation;
                e.id = std::string(r.id);
                e.type = std::string(r.kind);
                e.start = isoOf(valid.start);
                e.end = isoOf(valid.end);
                e.evidenceCount = r.evidence;
                if (valid.start) e.firstDay = valid.start->earliest();
                if (valid.end) e.lastDay = valid.end->latest();
                boost::add_edge(a->second, b->second, std::move(e), graph_);
            },
            kInIdOrder);
    }

    /// 7. Links between kept events, from → to.
    void links() {
        scan_.eventLinks(
            [&](const storage::EventLinkScanRow& l) {
                const auto a = eventByRow_.find(l.from);
                const auto b = eventByRow_.find(l.to);
                if (a == eventByRow_.end() || b == eventByRow_.end()) return;
                if (!eventVertex_[a->second] || !eventVertex_[b->second]) return;
                Edge e;
                e.kind = EdgeKind::EventLink;
                e.id = std::string(l.id);
                e.type = std::string(l.kind);
                e.evidenceCount = l.evidence;
                boost::add_edge(*eventVertex_[a->second], *eventVertex_[b->second], std::move(e),
                                graph_);
            },
            kInIdOrder);
    }

    storage::TableScan& scan_;
    const query::IndexFilter& filter_;
    rules::DayWindow window_;
    Graph graph_;
    std::vector<EventRow> events_;
    std::unordered_map<RowId, std::size_t> eventByRow_;
    std::vector<bool> kept_;
    std::vector<PartRow> parts_;
    std::unordered_map<RowId, bool> takesPart_;
    std::unordered_map<RowId, VertexId> actorVertex_;
    std::vector<std::optional<VertexId>> eventVertex_;
};

}  // namespace

Projection buildProjection(storage::Engine& engine, const query::IndexFilter& filter) {
    const auto scan = engine.scan();
    return Builder(*scan, filter).build();
}

}  // namespace bilateral::graph
