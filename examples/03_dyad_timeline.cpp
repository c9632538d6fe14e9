// 03: the timeline of a dyad of countries: events with participants of both, in timeline order.
//
//   example_03_dyad_timeline DATASET.json DATABASE.db ITA MYS

#include <bilateral/bilateral.hpp>

#include <exception>
#include <iomanip>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: " << argv[0] << " DATASET.json DATABASE.db ISO3 ISO3\n";
        return 1;
    }
    try {
        namespace model = bilateral::model;
        auto db = bilateral::Database::open(argv[2], {.create = true});
        db.importFiles({argv[1]});

        const auto events = db.dyadTimeline(argv[3], argv[4]);
        std::cout << argv[3] << "–" << argv[4] << ": " << events.total << " events\n";
        for (const auto& e : events.items) {
            // Undated events inside a dated one (a roundtable during a visit) take its dates.
            std::cout << "  " << std::left << std::setw(12)
                      << (e.start ? e.start->toString() : "undated") << std::setw(18)
                      << model::toString(e.kind) << e.title;
            if (e.status != model::EventStatus::Occurred)
                std::cout << "  [" << model::toString(e.status) << "]";
            std::cout << "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
