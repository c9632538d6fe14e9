// Force-directed layout for drawing: boost::fruchterman_reingold_force_directed_layout from
// boost::random_graph_layout with a seeded generator, then scaled into the caller's box.

#include "bilateral/graph/layout.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace bilateral::graph {
namespace {

using Topology = boost::square_topology<boost::minstd_rand>;
using Position = Topology::point_type;
/// Edge weight: how hard the spring pulls (1 for the caller's edges, more for the springs that
/// join separate components).
using LayoutGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                          boost::property<boost::edge_weight_t, double>>;

/// Fruchterman–Reingold's attraction d²/k, times the edge's weight.
struct WeightedAttraction {
    template <class Edge, class Graph>
    double operator()(Edge e, double k, double d, const Graph& g) const {
        return boost::get(boost::edge_weight, g, e) * d * d / k;
    }
};

/// Geometric cooling over a fixed number of steps (Boost's linear_cooling is fixed at 100 steps
/// from a temperature of the box's tenth; this one lets the caller choose the steps).
struct Cooling {
    int steps;
    double temperature;
    double operator()() {
        if (steps-- <= 0) return 0;
        const double t = temperature;
        temperature *= 0.97;
        return t;
    }
};

}  // namespace

std::vector<Point> forceLayout(std::size_t n, const std::vector<LayoutEdge>& edges,
                               const LayoutOptions& options) {
    std::vector<Point> out(n);
    if (n == 0) return out;
    const double innerW = std::max(1.0, options.width - 2 * options.margin);
    const double innerH = std::max(1.0, options.height - 2 * options.margin);
    if (n == 1) {
        out[0] = {options.margin + innerW / 2, options.margin + innerH / 2};
        return out;
    }
    LayoutGraph g(n);
    for (const auto& e : edges) {
        if (e.a != e.b && e.a < n && e.b < n) boost::add_edge(e.a, e.b, 1.0, g);
    }
    // Separate components would drift to the corners of the box: join each component's first
    // vertex to the first vertex of component 0 by a stronger spring so they settle nearby.
    std::vector<int> component(n);
    const int components = boost::connected_components(g, component.data());
    std::vector<std::size_t> firstOf(static_cast<std::size_t>(components), n);
    for (std::size_t v = 0; v < n; ++v) {
        auto& f = firstOf[static_cast<std::size_t>(component[v])];
        if (f == n) f = v;
    }
    for (std::size_t c = 1; c < firstOf.size(); ++c)
        boost::add_edge(firstOf[0], firstOf[c], 6.0, g);
    // Side of the square scales with sqrt(n) so the ideal edge length stays about constant.
    const double side = 60.0 * std::sqrt(static_cast<double>(n));
    boost::minstd_rand gen(options.seed);
    Topology topology(gen, side);
    std::vector<Position> pos(n);
    auto pmap = boost::make_iterator_property_map(pos.begin(), boost::get(boost::vertex_index, g));
    boost::random_graph_layout(g, pmap, topology);
    boost::fruchterman_reingold_force_directed_layout(
        g, pmap, topology,
        boost::attractive_force(WeightedAttraction{})
            .cooling(Cooling{options.iterations, side / 8}));

    double minX = std::numeric_limits<double>::max(), minY = minX;
    double maxX = std::numeric_limits<double>::lowest(), maxY = maxX;
    for (const auto& p : pos) {
        minX = std::min(minX, p[0]);
        maxX = std::max(maxX, p[0]);
        minY = std::min(minY, p[1]);
        maxY = std::max(maxY, p[1]);
    }
    const double spanX = std::max(maxX - minX, 1e-9), spanY = std::max(maxY - minY, 1e-9);
    for (std::size_t i = 0; i < n; ++i) {
        out[i].x = options.margin + (pos[i][0] - minX) / spanX * innerW;
        out[i].y = options.margin + (pos[i][1] - minY) / spanY * innerH;
    }
    return out;
}

}  // namespace bilateral::graph
