// 03: the timeline of two countries: events in which both take part through their actors, in
// order (earliest day, then precision, then id); undated events last, planned ones flagged.
//
//   example_03_dyad_timeline DATASET.json DATABASE.db ITA MYS

#include <bilateral/io/import.hpp>
#include <bilateral/query/index.hpp>
#include <bilateral/query/queries.hpp>
#include <bilateral/store/store.hpp>

#include <exception>
#include <filesystem>
#include <iomanip>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: " << argv[0] << " DATASET.json DATABASE.db ISO3 ISO3\n";
        return 1;
    }
    try {
        namespace query = bilateral::query;
        namespace model = bilateral::model;
        const std::filesystem::path db = argv[2];
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(db.string() + suffix);
        auto store = bilateral::store::Store::open(db);
        bilateral::io::importFiles(store, {argv[1]});

        const auto index = query::Index::build(store);
        const auto events = query::dyadTimeline(index, argv[3], argv[4]);
        std::cout << argv[3] << "–" << argv[4] << ": " << events.size() << " events\n";
        for (const auto e : events) {
            const auto& info = index.event(e);
            // Undated events inside a dated one (a roundtable during a visit) take its dates.
            const auto start = index.startOf(e);
            std::cout << "  " << std::left << std::setw(12)
                      << (start ? start->toString() : "undated") << std::setw(18)
                      << model::toString(info.kind) << info.title;
            if (info.status != model::EventStatus::Occurred)
                std::cout << "  [" << model::toString(info.status) << "]";
            std::cout << "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
