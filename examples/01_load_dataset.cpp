// 01: load a dataset into a database file and say what it holds. Loading the same file again
// adds nothing.
//
//   example_01_load_dataset DATASET.json DATABASE.db

#include <bilateral/bilateral.hpp>

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " DATASET.json DATABASE.db\n";
        return 1;
    }
    try {
        auto db = bilateral::Database::open(argv[2], {.create = true});
        // One transaction for all the files: a bad file leaves the database untouched.
        for (const auto& s : db.importFiles({argv[1]}))
            std::cout << s.file << ": " << s.rows << " records\n";

        const auto c = db.stats();
        std::cout << "loaded " << c.actors << " actors, " << c.events << " events, "
                  << c.participations << " participations, " << c.relations << " relations, "
                  << c.evidence << " pieces of evidence from " << c.sources << " sources\n";
        for (const auto& hit : db.search("Anwar"))
            std::cout << "  " << hit.name << " (" << hit.id << ")\n";
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
