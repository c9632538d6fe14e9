// bilateral-who-met-calls: times bilateral::Database::whoMet for a list of actor ids, the C++
// side of bench/python_bench.py (which times the same calls from Python).
//
//   bilateral-who-met-calls DB IDS [--repeat N]
//
// IDS holds one actor id per line. Each round calls whoMet once per id, in order; the first
// round warms the caches and is not counted. Prints one line per figure:
//   lang=cpp metric=<name> value=<number>
// with metrics calls, counterparts (a checksum: the sum of answer sizes of one round), p50_us,
// mean_us and total_s (all timed rounds).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <string>
#include <vector>

#include "bilateral/database.hpp"
#include "bilateral/error.hpp"

int main(int argc, char** argv) {
    if (argc != 3 && !(argc == 5 && std::string(argv[3]) == "--repeat")) {
        std::fprintf(stderr, "usage: bilateral-who-met-calls DB IDS [--repeat N]\n");
        return 2;
    }
    const int repeat = argc == 5 ? std::max(1, std::atoi(argv[4])) : 3;
    try {
        std::vector<std::string> ids;
        std::ifstream in(argv[2]);
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) ids.push_back(line);
        auto db = bilateral::Database::open(argv[1], {.readOnly = true});

        using Clock = std::chrono::steady_clock;
        std::vector<double> us;
        std::size_t counterparts = 0;
        for (int round = 0; round <= repeat; ++round) {
            std::size_t n = 0;
            for (const auto& id : ids) {
                const auto s = Clock::now();
                const auto met = db.whoMet(id);
                const auto e = Clock::now();
                n += met.items.size();
                if (round > 0)
                    us.push_back(std::chrono::duration<double, std::micro>(e - s).count());
            }
            counterparts = n;
        }
        const double total = std::accumulate(us.begin(), us.end(), 0.0);
        std::vector<double> sorted = us;
        std::sort(sorted.begin(), sorted.end());
        const double p50 = sorted.empty() ? 0 : sorted[(sorted.size() - 1) / 2];
        std::printf("lang=cpp metric=calls value=%zu\n", us.size());
        std::printf("lang=cpp metric=counterparts value=%zu\n", counterparts);
        std::printf("lang=cpp metric=p50_us value=%.2f\n", p50);
        std::printf("lang=cpp metric=mean_us value=%.2f\n", us.empty() ? 0 : total / us.size());
        std::printf("lang=cpp metric=total_s value=%.4f\n", total / 1e6);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bilateral-who-met-calls: %s\n", e.what());
        return 1;
    }
    return 0;
}
