#pragma once
// Test helpers of the PostgreSQL bulk loader: the shared rules wired to the SQLite engine's
// (tokenizer, attribute JSON), and deterministic event-file rows to load.

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "bilateral/rules/search_text.hpp"
#include "sqlite/search.hpp"
#include "sqlite/store.hpp"
#include "sqlite/store_impl.hpp"
#include "storage/postgres/bulk.hpp"

namespace bilateral::testing {

/// The rules of the SQLite engine, as the layer above both engines will give them.
inline storage::postgres::SharedRules sqliteRules() {
    struct Tokenizer {
        sqlite::Store memory = sqlite::Store::memory();
        sqlite::SearchTokenizer tokenize{memory};
    };
    auto t = std::make_shared<Tokenizer>();
    return {.searchText =
                [t](std::string_view s) {
                    auto folded = rules::foldForSearch(s);
                    auto tokens = t->tokenize(folded);
                    return storage::postgres::SearchText{std::move(folded), std::move(tokens)};
                },
            .attributesJson =
                [](const model::Attributes& a) { return sqlite::detail::attributesToJson(a); }};
}

/// Event-file rows: source and target actors drawn from a pool (each with a country, some
/// from the same country, some without one), a place in a third country on some rows.
struct GeneratedRow {
    std::string id, title, placeCountry;
    model::DayNumber day = 0;
    int source = 0, target = 0;  ///< indexes into actors
};

struct GeneratedFile {
    std::vector<model::Actor> actors;
    std::vector<GeneratedRow> rows;
};

inline GeneratedFile generateRows(int events, int actors, unsigned seed,
                                  const std::string& prefix = "ev/") {
    static const char* kCountries[] = {"ITA", "MYS", "FRA", "USA", "CHN", "IDN", ""};
    std::mt19937 rng(seed);
    GeneratedFile f;
    for (int i = 0; i < actors; ++i) {
        model::Actor a;
        a.id = "actor/" + std::to_string(i);
        a.name = "Actor Nàme " + std::to_string(i);
        if (i % 3 == 0) a.aliases = {"Alias’ " + std::to_string(i), "Alias' " + std::to_string(i)};
        const std::string country = kCountries[static_cast<std::size_t>(i) % 7];
        if (!country.empty()) a.country = country;
        if (i % 4 == 0) a.attributes.emplace("sectors", std::string("Government"));
        f.actors.push_back(std::move(a));
    }
    std::uniform_int_distribution<int> pick(0, actors - 1), day(18000, 19000), place(0, 9);
    for (int i = 0; i < events; ++i) {
        GeneratedRow r;
        r.id = prefix + std::to_string(i);
        r.title = "Event\t" + std::to_string(i);
        r.day = day(rng);
        r.source = pick(rng);
        do r.target = pick(rng);
        while (r.target == r.source);
        if (const int p = place(rng); p < 4) r.placeCountry = kCountries[p + 2];
        f.rows.push_back(std::move(r));
    }
    return f;
}

/// Loads the rows through `loader` (actor rows as the importers make them: one call each).
inline void stageRows(storage::postgres::BulkLoader& loader, const GeneratedFile& f,
                      std::size_t from = 0, std::size_t to = static_cast<std::size_t>(-1)) {
    std::vector<std::int64_t> actorRows;
    for (const auto& a : f.actors) actorRows.push_back(loader.actor(a));
    const auto source = loader.source({.id = "source/test", .title = "test rows"});
    for (std::size_t i = from; i < f.rows.size() && i < to; ++i) {
        const auto& r = f.rows[i];
        storage::postgres::EventRow e;
        e.id = r.id;
        e.kind = "coded_event";
        e.title = r.title;
        e.startLo = e.startHi = r.day;
        e.cameo = "042";
        e.goldstein = 1.9;
        e.placeCountry = r.placeCountry;
        e.evidenced = i % 5 == 0;
        e.line = static_cast<std::int64_t>(i) + 2;
        const auto row = loader.event(e);
        loader.participation(row, actorRows[static_cast<std::size_t>(r.source)],
                             model::Role::Source);
        loader.participation(row, actorRows[static_cast<std::size_t>(r.target)],
                             model::Role::Target);
        if (e.evidenced) loader.eventEvidence(row, source, "quoted", {});
    }
}

}  // namespace bilateral::testing
