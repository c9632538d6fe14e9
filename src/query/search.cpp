// Name and alias search on the actor_search FTS5 table, and resolution of ACTOR arguments.

#include <algorithm>
#include <map>

#include "bilateral/error.hpp"
#include "bilateral/query/queries.hpp"
#include "bilateral/rules/natural_order.hpp"
#include "bilateral/sqlite/store.hpp"
#include "search_text.hpp"

namespace bilateral::query {
namespace {

struct Row {
    std::int64_t actor;
    std::string text;  ///< as indexed (apostrophes folded)
    double bm25;       ///< lower is better (SQLite's sign)
};

std::vector<Row> matchRows(store::Store& store, const std::string& fts) {
    std::vector<Row> rows;
    for (auto& m : store::searchIndex(store, fts))
        rows.push_back(Row{m.actorRow, std::move(m.text), m.bm25});
    return rows;
}

struct ActorRow {
    std::string id;
    std::string name;
    model::ActorKind kind;
    std::vector<std::string> aliases;
};

ActorRow actorAt(store::Store& store, std::int64_t row) {
    auto r = store.actorRecordAt(row);
    return ActorRow{std::move(r.id), std::move(r.name), r.kind, store.actorAliasesAt(row)};
}

/// The name or alias that was indexed as `text`.
std::string originalOf(const ActorRow& a, std::string_view text) {
    if (store::detail::foldForSearch(a.name) == text) return a.name;
    for (const auto& alias : a.aliases) {
        if (store::detail::foldForSearch(alias) == text) return alias;
    }
    return std::string(text);
}

}  // namespace

std::vector<SearchHit> search(store::Store& store, std::string_view text, std::size_t limit) {
    const detail::SearchTokenizer tokenize(store);
    const auto tokens = tokenize(text);
    if (tokens.empty() || limit == 0) return {};
    const auto rows =
        matchRows(store, detail::ftsQuery(tokens, /*prefixLast=*/true, /*phrase=*/false));

    // Best row per actor: an exact name or alias match first, then bm25.
    struct Best {
        bool exact;
        double bm25;
        std::string text;
    };
    std::map<std::int64_t, Best> best;
    for (const auto& r : rows) {
        const bool exact = tokenize(r.text) == tokens;
        auto [it, added] = best.try_emplace(r.actor, Best{exact, r.bm25, r.text});
        if (!added &&
            (exact > it->second.exact || (exact == it->second.exact && r.bm25 < it->second.bm25))) {
            it->second = Best{exact, r.bm25, r.text};
        }
    }
    struct Ranked {
        bool exact;
        bool ownName;  ///< matched the actor's own name, not an alias
        bool country;
        SearchHit hit;
    };
    std::vector<Ranked> ranked;
    ranked.reserve(best.size());
    for (const auto& [row, b] : best) {
        auto a = actorAt(store, row);
        auto matched = originalOf(a, b.text);
        const bool own = matched == a.name;
        const bool country = a.kind == model::ActorKind::Country;
        ranked.push_back(Ranked{
            b.exact, own, country,
            SearchHit{std::move(a.id), std::move(a.name), a.kind, std::move(matched), -b.bm25}});
    }
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& x, const Ranked& y) {
        if (x.exact != y.exact) return x.exact;
        // Among exact matches: actors of that very name before those with it as an alias, and
        // a country before others (GDELT gives many actors its country's name).
        if (x.exact && x.ownName != y.ownName) return x.ownName;
        if (x.exact && x.country != y.country) return x.country;
        if (x.hit.score != y.hit.score) return x.hit.score > y.hit.score;
        if (x.hit.name != y.hit.name) return x.hit.name < y.hit.name;
        return detail::naturalLess(x.hit.id, y.hit.id);
    });
    std::vector<SearchHit> out;
    for (auto& r : ranked) {
        if (out.size() == limit) break;
        out.push_back(std::move(r.hit));
    }
    return out;
}

std::string resolveActor(store::Store& store, std::string_view idOrName) {
    if (store.actorRow(idOrName)) return std::string(idOrName);
    const std::string shown(idOrName);
    const detail::SearchTokenizer tokenize(store);
    const auto tokens = tokenize(idOrName);
    std::vector<std::string> ids;
    if (!tokens.empty()) {
        const auto rows =
            matchRows(store, detail::ftsQuery(tokens, /*prefixLast=*/false, /*phrase=*/true));
        std::vector<std::int64_t> actors;
        for (const auto& r : rows) {
            if (tokenize(r.text) == tokens) actors.push_back(r.actor);
        }
        std::sort(actors.begin(), actors.end());
        actors.erase(std::unique(actors.begin(), actors.end()), actors.end());
        // Several actors may carry a country's name (GDELT names its code-merged actors
        // "UNITED STATES"); the country actor whose own name it is wins.
        if (actors.size() > 1) {
            std::vector<std::int64_t> countries;
            for (const auto row : actors) {
                const auto a = actorAt(store, row);
                if (a.kind == model::ActorKind::Country && tokenize(a.name) == tokens) {
                    countries.push_back(row);
                }
            }
            if (countries.size() == 1) actors = countries;
        }
        for (auto row : actors) ids.push_back(store.actorRecordAt(row).id);
    }
    if (ids.size() == 1) return ids.front();
    if (ids.empty()) {
        throw NotFoundError("no actor with id or name \"" + shown + "\"; try: bilateral search \"" +
                            shown + "\"");
    }
    std::sort(ids.begin(), ids.end(), detail::naturalLess);
    throw AmbiguousError(shown, std::move(ids));
}

}  // namespace bilateral::query
