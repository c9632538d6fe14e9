// 02: who met whom. Resolve a name to an actor, build the in-memory index once, and list the
// actor's counterparts: actors sharing an occurred meeting-kind event with it.
//
//   example_02_who_met DATASET.json DATABASE.db "Anwar Ibrahim"

#include <bilateral/io/import.hpp>
#include <bilateral/query/index.hpp>
#include <bilateral/query/queries.hpp>
#include <bilateral/store/store.hpp>

#include <exception>
#include <filesystem>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: " << argv[0] << " DATASET.json DATABASE.db ACTOR\n";
        return 1;
    }
    try {
        namespace query = bilateral::query;
        const std::filesystem::path db = argv[2];
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(db.string() + suffix);
        auto store = bilateral::store::Store::open(db);
        bilateral::io::importFiles(store, {argv[1]});

        // An id, or a name or alias (case, accents and apostrophe style do not matter).
        const auto id = query::resolveActor(store, argv[3]);
        const auto index = query::Index::build(store);
        const auto actor = *index.findActor(id);

        std::cout << index.actor(actor).name << " met:\n";
        for (const auto& c : query::whoMet(index, actor)) {
            const auto& who = index.actor(c.actor);
            std::cout << "  " << who.name << " (" << who.id << "): " << c.meetings
                      << (c.meetings == 1 ? " meeting" : " meetings");
            if (c.first) std::cout << ", first " << c.first->toString();
            std::cout << "\n";
            for (const auto e : c.events) std::cout << "    " << index.event(e).title << "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
