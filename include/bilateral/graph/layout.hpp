#pragma once
// Deterministic 2-D layout of a small undirected graph, for drawing (the HTML report's network).
// Boost.Graph's Fruchterman–Reingold force-directed layout from a seeded random start, scaled
// into a box. Same input and seed, same positions, run after run.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace bilateral::graph {

struct LayoutEdge {
    std::size_t a = 0;
    std::size_t b = 0;
};

struct LayoutOptions {
    double width = 1000;  ///< the box positions are scaled into, margins included
    double height = 700;
    double margin = 40;
    std::uint32_t seed = 42;  ///< seed of the random starting positions
    int iterations = 150;     ///< cooling steps of the force-directed layout
};

struct Point {
    double x = 0;
    double y = 0;
};

/// Positions of vertices 0 .. n-1 joined by `edges` (parallel edges pull harder), inside
/// [margin, width - margin] x [margin, height - margin].
std::vector<Point> forceLayout(std::size_t n, const std::vector<LayoutEdge>& edges,
                               const LayoutOptions& options = {});

}  // namespace bilateral::graph
