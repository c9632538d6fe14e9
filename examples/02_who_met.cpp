// 02: who met whom, straight from the database file.
//
//   example_02_who_met DATASET.json DATABASE.db "Anwar Ibrahim"

#include <bilateral/bilateral.hpp>

#include <iostream>

int main(int argc, char** argv) try {
    if (argc != 4) throw std::invalid_argument("usage: example_02_who_met DATASET.json DB ACTOR");
    auto db = bilateral::Database::open(argv[2], {.create = true});  // a new file if missing
    db.importFiles({argv[1]});  // a second import of the same file adds nothing

    // ACTOR is an id, or a name or alias (case, accents and apostrophe style do not matter).
    std::cout << argv[3] << " met:\n";
    for (const auto& m : db.whoMet(argv[3]).items) {
        std::cout << "  " << m.actor.name << " (" << m.actor.id << "): " << m.meetings
                  << (m.meetings == 1 ? " meeting" : " meetings") << ", first "
                  << (m.first ? m.first->toString() : "undated") << "\n";
        for (const auto& e : m.events) std::cout << "    " << e.title << "\n";
    }
} catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
}
