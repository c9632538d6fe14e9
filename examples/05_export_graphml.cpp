// 05: export the graph as GraphML for NetworkX, igraph, Gephi, yEd or Cytoscape, and rank the
// actors by betweenness centrality on the same Boost.Graph projection.
//
//   example_05_export_graphml DATASET.json OUTPUT.graphml

#include <bilateral/bilateral.hpp>

#include <exception>
#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " DATASET.json OUTPUT.graphml\n";
        return 1;
    }
    try {
        namespace graph = bilateral::graph;
        auto db = bilateral::Database::memory();
        db.importFiles({argv[1]});

        // The whole record; pass a query::IndexFilter to keep a window or some event kinds.
        const auto projection = db.projection();
        {
            std::ofstream out(argv[2], std::ios::binary);
            bilateral::io::writeGraphML(out, projection);
            if (!out) throw std::runtime_error(std::string("cannot write ") + argv[2]);
        }
        std::cout << "wrote " << projection.vertexCount() << " nodes and " << projection.edgeCount()
                  << " edges to " << argv[2] << "\n";

        std::cout << "most central: ";
        const auto ranking = graph::betweennessCentrality(projection);
        for (std::size_t i = 0; i < ranking.size() && i < 5; ++i) {
            std::cout << (i ? ", " : "") << ranking[i].actor << " " << ranking[i].value;
        }
        std::cout << "\n";
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
