// 01: load a dataset into a database file and say what it holds.
//
//   example_01_load_dataset DATASET.json DATABASE.db

#include <bilateral/io/import.hpp>
#include <bilateral/store/store.hpp>

#include <exception>
#include <filesystem>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " DATASET.json DATABASE.db\n";
        return 1;
    }
    try {
        const std::filesystem::path dataset = argv[1], db = argv[2];
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(db.string() + suffix);

        auto store = bilateral::store::Store::open(db);
        // One transaction for all the files: a bad file leaves the database untouched.
        const auto summaries = bilateral::io::importFiles(store, {dataset});
        for (const auto& s : summaries) std::cout << s.file << ": " << s.rows << " records\n";

        const auto c = store.counts();
        std::cout << "loaded " << c.actors << " actors, " << c.events << " events, "
                  << c.participations << " participations, " << c.relations << " relations, "
                  << c.evidence << " pieces of evidence from " << c.sources << " sources\n";
        for (const auto& actor : store.actors()) {
            if (actor.kind == bilateral::model::ActorKind::Person) {
                std::cout << "  " << actor.name << " (" << actor.id << ")\n";
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
