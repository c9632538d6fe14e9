// Uses the installed library: parses a partial date, then imports the installed bundled dataset
// (argv[1], from share/bilateral) into an in-memory database through the Database facade, whose
// importers link the private dependencies (SQLite, fmt, zlib, minizip) by name, reads an actor
// back and asks who met Anwar Ibrahim. Prints "ok" when all of that works.

#include <cstdio>
#include <exception>
#include <filesystem>

#include "bilateral/bilateral.hpp"
#include "bilateral/model/date.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::puts("usage: consumer SHARE/bilateral/italy-malaysia-2025.json");
        return 1;
    }
    try {
        auto db = bilateral::Database::memory();
        db.importFiles({std::filesystem::path(argv[1])});
        const auto actor = db.actor("country/ITA");
        const auto date = bilateral::model::Date::parse("2025-07");
        if (actor.name != "Italy" || date.toString() != "2025-07") {
            std::puts("unexpected result");
            return 1;
        }
        const auto met = db.whoMet("Anwar Ibrahim");
        if (met.items.empty()) {
            std::puts("Anwar Ibrahim met nobody in the installed dataset");
            return 1;
        }
        std::printf("ok: %s, %s; Anwar Ibrahim met %zu actors\n", actor.name.c_str(),
                    date.toString().c_str(), met.items.size());
    } catch (const std::exception& e) {
        std::printf("error: %s\n", e.what());
        return 1;
    }
    return 0;
}
