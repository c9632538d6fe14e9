// 04: as-of questions. Who held a post on given days: certainly (the whole day lies within a
// tenure whose ends are known, or a source attests it) or possibly (a partial or unknown end
// leaves it uncertain).
//
//   example_04_as_of DATASET.json DATABASE.db post/ambassador-italy-malaysia 2025-01-15 2025-07-01

#include <bilateral/bilateral.hpp>

#include <exception>
#include <filesystem>
#include <iostream>

int main(int argc, char** argv) {
    if (argc < 5) {
        std::cerr << "usage: " << argv[0] << " DATASET.json DATABASE.db POST DATE...\n";
        return 1;
    }
    try {
        namespace model = bilateral::model;
        auto db = bilateral::Database::open(argv[2], {.create = true});
        db.importFiles({argv[1]});

        const auto post = db.actor(argv[3]);
        std::cout << post.name << "\n";
        for (int i = 4; i < argc; ++i) {
            const auto day = model::Date::parse(argv[i]);
            const auto holders = db.holders(post.id, day);
            std::cout << "  on " << day.toString() << ": ";
            if (holders.empty()) std::cout << "nobody";
            for (std::size_t h = 0; h < holders.size(); ++h) {
                std::cout << (h ? ", " : "") << holders[h].person.name << " ("
                          << model::toString(holders[h].holds) << ")";
            }
            std::cout << "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
