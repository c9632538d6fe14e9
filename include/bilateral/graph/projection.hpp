#pragma once
// A read-only Boost.Graph projection of a database (Database::projection), for analytics
// (graph/algorithms.hpp) and export (export/writers.hpp). Vertices are actors and events; edges are
// participations (actor → event, labelled with the role), relations (from → to, labelled with the
// relation kind) and links between events (from → to, labelled with the link kind: `leads_to`,
// `answers`, `follows_up`).
//
// The projection is a snapshot: it copies what it needs out of the database with a few whole-table
// scans and never touches the database again. Paths and ego
// networks run on query::Index instead (graph/paths.hpp); see docs/graph.md.

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bilateral/model/date.hpp"
#include "bilateral/model/kinds.hpp"
#include "bilateral/query/index.hpp"

namespace bilateral::graph {

enum class VertexKind : std::uint8_t { Actor, Event };
enum class EdgeKind : std::uint8_t { Participation, Relation, EventLink };

/// `actor` / `event`, `participation` / `relation` / `event_link`.
std::string_view toString(VertexKind k) noexcept;
std::string_view toString(EdgeKind k) noexcept;

/// What a vertex carries. Strings are empty when the store holds nothing for them.
struct Vertex {
    std::string id;                       ///< the actor's or event's id in the data
    VertexKind kind = VertexKind::Actor;  ///< toString gives "actor" / "event"
    std::string type;                ///< actor kind (`person`) or event kind (`official_visit`)
    std::string label;               ///< actor name or event title
    std::string country;             ///< actors: ISO 3166-1 alpha-3 code
    std::string start;               ///< events: ISO partial date of the start, as stored
    std::string end;                 ///< events: ISO partial date of the end, as stored
    std::string status;              ///< events: occurred, planned or cancelled
    std::string location;            ///< events
    std::string parent;              ///< events: id of the parent event
    std::string cameo;               ///< events: CAMEO code
    std::int64_t evidenceCount = 0;  ///< evidence rows citing this actor or event
    /// Events: the days the event may cover (its own dates widened to days, else those of its
    /// nearest dated ancestor); nullopt when undated. Actors: nullopt.
    std::optional<model::DayNumber> firstDay, lastDay;
};

/// What an edge carries.
struct Edge {
    EdgeKind kind = EdgeKind::Participation;
    std::string id;     ///< relation or link id; empty for participations
    std::string type;   ///< role (`guest`), relation kind (`holds_post`) or link kind (`answers`)
    std::string start;  ///< relations: ISO partial date the validity starts, if any
    std::string end;    ///< relations: ISO partial date the validity ends, if any
    std::int64_t evidenceCount = 0;  ///< evidence rows citing this participation or relation
    /// Relations: first and last day of the validity (nullopt for an open end). Participations:
    /// their event's days.
    std::optional<model::DayNumber> firstDay, lastDay;
};

/// Read-only once built: vecS vertex and edge storage, in- and out-edges, bundled properties.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Vertex, Edge>;
using VertexId = boost::graph_traits<Graph>::vertex_descriptor;
using EdgeId = boost::graph_traits<Graph>::edge_descriptor;

/// A projection of a store, optionally limited by the filter of a query index (query::IndexFilter:
/// a date window and a set of event kinds), with the same meaning:
///
/// - An event is kept when its kind is among `kinds` (all kinds when empty) and it may overlap
///   the window [from, to]. Partial dates widen to the days they cover; an event with a start and
///   no end lasts its start (an end and no start, its end); an undated event takes the dates of
///   its nearest dated ancestor (a roundtable during a visit); one with no dated ancestor falls
///   outside every window, as in query::Index (a kinds-only filter keeps it).
/// - Without a filter every actor is kept. With a filter (a window or kinds), an actor is kept
///   when it takes part in a kept event: the projection is the subgraph of what happened then.
/// - A participation is kept when its event is kept (its actor then is too).
/// - A relation is kept when both its ends are kept and its validity may overlap the window.
///
/// Vertices are numbered actors first, then events, each in id order; edges participations first
/// (by event, then insertion order), then relations in id order, then links between kept events
/// in id order. The numbering is stable for a
/// given database and filter, so exports are reproducible.
class Projection {
public:
    /// The projection of `graph`, made with `filter`: actor vertices first, then events;
    /// participation edges first, then relations, then links (Database::projection makes it).
    Projection(Graph graph, query::IndexFilter filter);

    [[nodiscard]] const Graph& graph() const noexcept { return graph_; }
    [[nodiscard]] const query::IndexFilter& filter() const noexcept { return filter_; }
    /// Whether the filter limits anything (a window end or a kind).
    [[nodiscard]] bool filtered() const noexcept;

    [[nodiscard]] const Vertex& operator[](VertexId v) const { return graph_[v]; }
    [[nodiscard]] const Edge& operator[](EdgeId e) const { return graph_[e]; }

    /// Vertex of an actor or an event id (actors and events have separate id spaces).
    [[nodiscard]] std::optional<VertexId> findActor(std::string_view id) const;
    [[nodiscard]] std::optional<VertexId> findEvent(std::string_view id) const;
    /// Vertex of an actor id, else of an event id.
    [[nodiscard]] std::optional<VertexId> find(std::string_view id) const;

    [[nodiscard]] std::size_t vertexCount() const noexcept { return boost::num_vertices(graph_); }
    [[nodiscard]] std::size_t edgeCount() const noexcept { return boost::num_edges(graph_); }
    [[nodiscard]] std::size_t actorCount() const noexcept { return actorCount_; }
    [[nodiscard]] std::size_t eventCount() const noexcept { return vertexCount() - actorCount_; }
    [[nodiscard]] std::size_t participationCount() const noexcept { return participationCount_; }
    [[nodiscard]] std::size_t relationCount() const noexcept {
        return edgeCount() - participationCount_ - linkCount_;
    }
    /// Links between events (event → event edges).
    [[nodiscard]] std::size_t linkCount() const noexcept { return linkCount_; }

    /// Actor vertices are 0 .. actorCount()-1, event vertices actorCount() .. vertexCount()-1.
    [[nodiscard]] bool isActor(VertexId v) const noexcept { return v < actorCount_; }

private:
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    using IdMap = std::unordered_map<std::string, VertexId, StringHash, std::equal_to<>>;

    Graph graph_;
    query::IndexFilter filter_;
    IdMap actors_;
    IdMap events_;
    std::size_t actorCount_ = 0;
    std::size_t participationCount_ = 0;
    std::size_t linkCount_ = 0;
};

}  // namespace bilateral::graph
