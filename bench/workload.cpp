// bilateral-workload DATA.tsv QUERIES.tsv [--db FILE]
//
// The shared benchmark workload (../shared/bench/README.md) run through bilateral's public API:
//  1. imports DATA.tsv with the library's ICEWS import (io::importFiles) into a fresh SQLite file
//     and commits it (load_s, schema and indexes included);
//  2. builds the query index (query::Index::build, project_s);
//  3. runs every query of QUERIES.tsv once through the public query functions, timing each call
//     with the steady clock, and prints nearest-rank p50 and p95 per kind in microseconds;
//  4. prints peak RSS and the checksums.
// Query arguments (actor and country names) are resolved to index handles before the timed
// region, through the importer's public id scheme (io::icewsActorId, io::icewsCountryCode).
// Output: one line per figure, `peer=bilateral size=<rows> metric=<name> value=<number>`.

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "bilateral/database.hpp"
#include "bilateral/error.hpp"
#include "bilateral/graph/paths.hpp"
#include "bilateral/import/events.hpp"
#include "bilateral/import/import.hpp"
#include "bilateral/model/date.hpp"
#include "bilateral/query/index.hpp"
#include "bilateral/query/queries.hpp"

namespace fs = std::filesystem;
using namespace bilateral;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::int64_t kMod = 1'000'000'007;

double seconds(Clock::duration d) {
    return std::chrono::duration<double>(d).count();
}
double micros(Clock::duration d) {
    return std::chrono::duration<double, std::micro>(d).count();
}

std::vector<std::string> splitTabs(const std::string& line) {
    std::vector<std::string> out;
    std::size_t from = 0;
    for (;;) {
        const auto tab = line.find('\t', from);
        out.push_back(line.substr(from, tab == std::string::npos ? std::string::npos : tab - from));
        if (tab == std::string::npos) return out;
        from = tab + 1;
    }
}

/// Name → ICEWS country of every actor named in the data file (each name always comes with the
/// same country), so that names resolve to the importer's actor ids.
std::unordered_map<std::string, std::string> actorCountries(const fs::path& data) {
    std::ifstream in(data, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + data.string());
    std::string line;
    std::getline(in, line);
    const auto header = splitTabs(line);
    const auto col = [&](const char* name) {
        const auto it = std::find(header.begin(), header.end(), name);
        if (it == header.end()) throw std::runtime_error(data.string() + ": no column " + name);
        return static_cast<std::size_t>(it - header.begin());
    };
    const auto sn = col("Source Name"), sc = col("Source Country"), tn = col("Target Name"),
               tc = col("Target Country");
    std::unordered_map<std::string, std::string> out;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto f = splitTabs(line);
        if (f.size() != header.size()) continue;  // the import has already refused such files
        out.try_emplace(f[sn], f[sc]);
        out.try_emplace(f[tn], f[tc]);
    }
    return out;
}

/// Nearest rank: the smallest value with at least p% of the values at or below it.
double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
    rank = std::clamp<std::size_t>(rank, 1, v.size());
    return v[rank - 1];
}

std::int64_t eventNumber(const query::Index& index, query::EventIx e) {
    const auto id = io::sourceEventId(index.event(e).id);
    std::int64_t n = 0;
    for (const char c : id) n = n * 10 + (c - '0');
    return n;
}

/// sum over i = 1.. of i * id_i, mod 1e9+7.
std::int64_t orderHash(const query::Index& index, const std::vector<query::EventIx>& events) {
    std::int64_t h = 0;
    std::int64_t i = 0;
    for (const auto e : events) {
        ++i;
        h = (h + (i % kMod) * (eventNumber(index, e) % kMod)) % kMod;
    }
    return h;
}

struct Query {
    std::string kind;
    query::ActorIx a{}, b{};
    std::string countryA, countryB;
    query::Window window;
};

struct Printer {
    std::int64_t rows;
    void operator()(const std::string& metric, double value, int decimals) const {
        std::printf("peer=bilateral size=%" PRId64 " metric=%s value=%.*f\n", rows, metric.c_str(),
                    decimals, value);
    }
    void operator()(const std::string& metric, std::int64_t value) const {
        std::printf("peer=bilateral size=%" PRId64 " metric=%s value=%" PRId64 "\n", rows,
                    metric.c_str(), value);
    }
};

int usage() {
    std::fprintf(stderr, "usage: bilateral-workload DATA.tsv QUERIES.tsv [--db FILE]\n");
    return 1;
}

void removeDb(const fs::path& db) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(db.string() + suffix, ec);
}

/// The queries of the workload's query file, their names resolved in `index` (untimed).
std::vector<Query> readQueries(const fs::path& queries, const fs::path& data,
                               const query::Index& index) {
    const auto countries = actorCountries(data);
    const auto actorIx = [&](const std::string& name) {
        const auto c = countries.find(name);
        if (c == countries.end()) throw std::runtime_error("query names unknown actor " + name);
        const auto ix = index.findActor(io::icewsActorId(name, c->second));
        if (!ix) throw std::runtime_error("actor not in the index: " + name);
        return *ix;
    };
    std::vector<Query> qs;
    std::ifstream in(queries, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + queries.string());
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto f = splitTabs(line);
        if (f.size() < 2) throw std::runtime_error("bad query line: " + line);
        Query q;
        q.kind = f[0];
        const auto arg = [&](std::size_t i) { return i < f.size() ? f[i] : std::string(); };
        if (q.kind == "whomet" || q.kind == "timeline" || q.kind == "ego2") {
            q.a = actorIx(arg(1));
        } else if (q.kind == "whomet_win") {
            q.a = actorIx(arg(1));
            q.window.from = model::Date::parse(arg(2));
            q.window.to = model::Date::parse(arg(3));
        } else if (q.kind == "dyad") {
            q.countryA = io::icewsCountryCode(arg(1));
            q.countryB = io::icewsCountryCode(arg(2));
        } else if (q.kind == "path") {
            q.a = actorIx(arg(1));
            q.b = actorIx(arg(2));
        } else {
            throw std::runtime_error("unknown query kind " + q.kind);
        }
        qs.push_back(std::move(q));
    }
    return qs;
}

/// Runs `f`, adds the microseconds it took to `times`, and returns what it returned.
template <class F>
auto timed(std::vector<double>& times, F f) {
    const auto s = Clock::now();
    auto r = f();
    const auto e = Clock::now();
    times.push_back(micros(e - s));
    return r;
}

/// What the queries answered, summed: equal figures mean equal answers (bench/README.md).
struct Checksums {
    std::int64_t whomet = 0, whometWin = 0, timelineN = 0, timeline = 0, dyadN = 0, dyad = 0,
                 path = 0, unreachable = 0, ego2 = 0;

    void print(const Printer& out) const {
        out("chk_whomet", whomet);
        out("chk_whomet_win", whometWin);
        out("chk_timeline_n", timelineN);
        out("chk_timeline", timeline);
        out("chk_dyad_n", dyadN);
        out("chk_dyad", dyad);
        out("chk_path", path);
        out("chk_path_unreach", unreachable);
        out("chk_ego2", ego2);
    }
};

/// Runs each query, timed; prints each kind's 50th and 95th percentiles, returns the checksums.
Checksums runQueries(const query::Index& index, const std::vector<Query>& qs,
                     const Printer& print) {
    const std::vector<std::string> kinds{"whomet", "whomet_win", "timeline",
                                         "dyad",   "path",       "ego2"};
    std::unordered_map<std::string, std::vector<double>> times;
    Checksums chk;
    for (const auto& q : qs) {
        auto& t = times[q.kind];
        if (q.kind == "whomet" || q.kind == "whomet_win") {
            query::WhoMetOptions o;
            o.includePhoneCalls = true;
            // The workload's whomet counts every co-participant (bench/README): any side.
            o.anySide = true;
            o.window = q.window;
            const auto r = timed(t, [&] { return query::whoMet(index, q.a, o); });
            (q.kind == "whomet" ? chk.whomet : chk.whometWin) +=
                static_cast<std::int64_t>(r.size());
        } else if (q.kind == "timeline") {
            const auto r = timed(t, [&] { return query::timeline(index, q.a); });
            chk.timelineN += static_cast<std::int64_t>(r.size());
            chk.timeline = (chk.timeline + orderHash(index, r)) % kMod;
        } else if (q.kind == "dyad") {
            const auto r =
                timed(t, [&] { return query::dyadTimeline(index, q.countryA, q.countryB); });
            chk.dyadN += static_cast<std::int64_t>(r.size());
            chk.dyad = (chk.dyad + orderHash(index, r)) % kMod;
        } else if (q.kind == "path") {
            const int d =
                timed(t, [&] { return graph::distance(index, q.a, q.b, graph::Through::Events); });
            if (d < 0) ++chk.unreachable;
            chk.path += d;
        } else {  // ego2
            const auto r =
                timed(t, [&] { return graph::egoNetwork(index, q.a, 2, graph::Through::Events); });
            chk.ego2 += static_cast<std::int64_t>(r.size());
        }
    }
    for (const auto& k : kinds) {
        print(k + "_p50_us", percentile(times[k], 50), 2);
        print(k + "_p95_us", percentile(times[k], 95), 2);
    }
    return chk;
}

int run(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    fs::path db;
    bool tempDb = true;
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--db" && i + 1 < args.size()) {
            db = args[++i];
            tempDb = false;
        } else if (args[i] == "-h" || args[i] == "--help") {
            return usage();
        } else {
            positional.push_back(args[i]);
        }
    }
    if (positional.size() != 2) return usage();
    const fs::path data = positional[0], queries = positional[1];
    if (tempDb) {
        db = fs::temp_directory_path() /
             ("bilateral-workload-" + std::to_string(::getpid()) + ".db");
    }
    removeDb(db);  // a fresh file
    // A temporary database goes away however the run ends.
    struct TempCleanup {
        const fs::path& db;
        bool active;
        ~TempCleanup() {
            if (active) removeDb(db);
        }
    } cleanup{db, tempDb};

    // 1. load
    const auto t0 = Clock::now();
    std::int64_t rows = 0;
    auto store = Database::open(db.string(), {.create = true});
    {
        io::ImportOptions options;
        options.format = io::Format::Icews;
        const auto summaries = store.importFiles({data}, options);
        rows = summaries.at(0).rows;
    }
    const auto t1 = Clock::now();
    const Printer print{rows};
    print("load_s", seconds(t1 - t0), 3);
    std::fflush(stdout);

    // 2. project
    const auto t2 = Clock::now();
    const auto& index = store.index();
    const auto t3 = Clock::now();
    print("project_s", seconds(t3 - t2), 3);
    std::fflush(stdout);

    // 3. resolve the queries' names (untimed), then run each query timed.
    const auto checksums = runQueries(index, readQueries(queries, data, index), print);

    // 4. memory and checksums
    rusage ru{};
    ::getrusage(RUSAGE_SELF, &ru);
    print("rss_mb", static_cast<double>(ru.ru_maxrss) / 1024.0, 1);  // ru_maxrss is in KiB
    checksums.print(print);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {  // bilateral::Error is one too
        std::fprintf(stderr, "bilateral-workload: %s\n", e.what());
        return 2;
    }
}
