// Prototype of an ICEWS import into PostgreSQL through the bulk loader (issue 19, phase 1),
// before the storage interface lets io/icews.cpp itself write there. Its own minimal reading of
// ICEWS rows, shaped like the importer's (event ids, actor ids and their country actors with an
// affiliated_with relation, CAMEO code, intensity, place country, the file as a source), but
// without the importer's checks, attributes and meeting grouping: it measures the loader.
//
//   pg_load_prototype URL FILE.tsv [--fresh] [--shards URL1,URL2,...]
//
// --fresh drops the schema `bilateral` first; --shards sets up URL as the coordinator of those
// (empty) shard databases first (shards.hpp) and loads through it.
// Prints the rows, the seconds of each phase and rows per second of the whole import.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "bilateral/import/countries.hpp"
#include "bilateral/import/events.hpp"
#include "bilateral/rules/search_text.hpp"
#include "sqlite/search.hpp"
#include "sqlite/store.hpp"
#include "sqlite/store_impl.hpp"
#include "storage/postgres/bulk.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/postgres/schema.hpp"
#include "storage/postgres/shards.hpp"

namespace pg = bilateral::storage::postgres;
namespace model = bilateral::model;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<std::string_view> split(std::string_view line) {
    std::vector<std::string_view> f;
    std::size_t start = 0;
    for (;;) {
        const auto tab = line.find('\t', start);
        f.push_back(line.substr(start, tab - start));
        if (tab == std::string_view::npos) return f;
        start = tab + 1;
    }
}

model::DayNumber dayOf(std::string_view iso) {  // YYYY-MM-DD, days since 1970-01-01
    const int y = std::stoi(std::string(iso.substr(0, 4)));
    const unsigned m = static_cast<unsigned>(std::stoi(std::string(iso.substr(5, 2))));
    const unsigned d = static_cast<unsigned>(std::stoi(std::string(iso.substr(8, 2))));
    const int yy = y - (m <= 2);
    const int era = (yy >= 0 ? yy : yy - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(yy - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}

/// CPU seconds (user + system) of a process on this machine, from /proc: the server's
/// backend when the server is local (0 when it cannot be read).
double cpuSeconds(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = stat.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream fields(stat.substr(close + 2));
    std::string skip;
    for (int i = 0; i < 11; ++i) fields >> skip;  // state .. cmajflt
    double utime = 0, stime = 0;
    fields >> utime >> stime;
    return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double seconds(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

struct Reader {
    pg::BulkLoader& loader;
    std::int64_t source;
    const bilateral::io::CountryTable& countries = bilateral::io::CountryTable::standard();
    std::map<std::string, std::int64_t> actors;

    std::int64_t actor(std::string_view name, std::string_view country) {
        auto id = bilateral::io::icewsActorId(name, country);
        if (const auto it = actors.find(id); it != actors.end()) return it->second;
        const auto code = bilateral::io::icewsCountryCode(country);
        model::Actor a{.id = id, .name = std::string(name)};
        if (!code.empty()) a.country = code;
        a.evidence.push_back({.source = "source/icews/prototype"});
        const bool isCountry = id.starts_with("country/");
        if (isCountry) a.kind = model::ActorKind::Country;
        const auto row = loader.actor(a);
        actors.emplace(id, row);
        if (!code.empty() && !isCountry) {
            const auto* known = countries.fromIso3(code);
            const auto countryRow = actor(known ? std::string_view(known->name) : country, country);
            model::Relation r{.id = "affiliation/" + id,
                              .kind = model::RelationKind::AffiliatedWith,
                              .from = id,
                              .to = "country/" + code};
            loader.relation(r, row, countryRow);
        }
        return row;
    }
};

/// Stages every row of the ICEWS file (header first, columns in the generator's order); the
/// rows read.
std::int64_t readRows(Reader& reader, std::istream& in) {
    auto& loader = reader.loader;
    std::string line;
    std::getline(in, line);
    std::int64_t rows = 0, number = 1;
    while (std::getline(in, line)) {
        ++number;
        const auto f = split(line);
        if (f.size() < 20) continue;
        const std::string id = "icews/" + std::string(f[0]) + "/" + std::string(f[1]);
        const auto src = reader.actor(f[2], f[4]);
        const auto tgt = reader.actor(f[8], f[10]);
        const auto place = reader.countries.iso3FromIcewsName(f[17]);
        pg::EventRow e{.id = id, .kind = "coded_event", .title = f[5]};
        e.startLo = e.startHi = dayOf(f[1]);
        e.cameo = f[6];
        if (!f[7].empty()) e.goldstein = std::stod(std::string(f[7]));
        e.location = f[14];
        if (place) e.placeCountry = *place;
        e.line = number;
        const auto row = loader.event(e);
        loader.participation(row, src, model::Role::Source);
        loader.participation(row, tgt, model::Role::Target);
        ++rows;
    }
    return rows;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: pg_load_prototype URL FILE.tsv [--fresh] [--shards URL,...]\n";
        return 1;
    }
    bool fresh = false;
    std::vector<std::string> shards;
    for (int i = 3; i < argc; ++i) {
        const std::string_view a = argv[i];
        fresh |= a == "--fresh";
        if (a == "--shards" && i + 1 < argc) {
            std::string list = argv[++i];
            for (std::size_t at = 0; at <= list.size();) {
                const auto comma = std::min(list.find(',', at), list.size());
                shards.push_back(list.substr(at, comma - at));
                at = comma + 1;
            }
        }
    }
    try {
        auto c = pg::Connection::open(argv[1]);
        if (fresh) c.exec("DROP SCHEMA IF EXISTS bilateral CASCADE");
        if (!shards.empty()) pg::initShards(c, shards);
        pg::ensureSchema(c);
        auto memory = bilateral::sqlite::Store::memory();
        bilateral::sqlite::SearchTokenizer tokenize(memory);
        pg::SharedRules rules{.searchText =
                                  [&](std::string_view s) {
                                      auto folded = bilateral::rules::foldForSearch(s);
                                      auto tokens = tokenize(folded);
                                      return pg::SearchText{std::move(folded), std::move(tokens)};
                                  },
                              .attributesJson =
                                  [](const model::Attributes& a) {
                                      return bilateral::sqlite::detail::attributesToJson(a);
                                  }};
        const auto t0 = Clock::now();
        pg::Transaction tx(c);
        pg::BulkLoader loader(c, rules, argv[2]);
        Reader reader{loader, loader.source({.id = "source/icews/prototype", .title = argv[2]})};
        std::ifstream in(argv[2]);
        const auto rows = readRows(reader, in);
        const auto t1 = Clock::now();
        // Each step of finish: wall seconds, and CPU seconds of the server's backend.
        const int backend = PQbackendPID(c.native());
        auto lap = Clock::now();
        auto cpu = cpuSeconds(backend);
        std::string step = "flush";
        const auto report = [&](std::string_view next) {
            const auto now = Clock::now();
            const auto cpuNow = cpuSeconds(backend);
            std::fprintf(stderr, "  %-15s %6.2f s wall %6.2f s server CPU\n", step.c_str(),
                         seconds(lap, now), cpuNow - cpu);
            step = next;
            lap = now;
            cpu = cpuNow;
        };
        const auto summary = loader.finish(report);
        report("");
        const auto t2 = Clock::now();
        tx.commit();
        const auto t3 = Clock::now();
        std::printf("server backend CPU %.2f s\n", cpuSeconds(PQbackendPID(c.native())));
        std::printf(
            "rows %lld events %lld actors %lld participations %lld\n"
            "stage %.2f s, finish %.2f s, commit %.2f s, total %.2f s, %.0f rows/s\n",
            static_cast<long long>(rows), static_cast<long long>(summary.events),
            static_cast<long long>(summary.actors), static_cast<long long>(summary.participations),
            seconds(t0, t1), seconds(t1, t2), seconds(t2, t3), seconds(t0, t3),
            static_cast<double>(rows) / seconds(t0, t3));
    } catch (const std::exception& e) {
        std::cerr << "pg_load_prototype: " << e.what() << "\n";
        return 4;
    }
}
