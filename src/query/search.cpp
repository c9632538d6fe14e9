// Name and alias search from a storage engine (from_storage.hpp): the engine matches tokens;
// the ranking is here. Resolution of ACTOR arguments: resolve.cpp.

#include <algorithm>
#include <map>

#include "bilateral/error.hpp"
#include "bilateral/query/from_storage.hpp"
#include "bilateral/rules/natural_order.hpp"
#include "bilateral/rules/search_text.hpp"

namespace bilateral::query {
namespace {

using storage::RowId;

/// The name or alias of `a` that was indexed as `text`.
std::string originalOf(const storage::ActorRecord& a, const std::vector<std::string>& aliases,
                       std::string_view text) {
    if (rules::foldForSearch(a.name) == text) return a.name;
    for (const auto& alias : aliases) {
        if (rules::foldForSearch(alias) == text) return alias;
    }
    return std::string(text);
}

/// The best match of each actor: an exact name or alias match first, then the engine's rank.
struct Best {
    bool exact;
    double rank;
    std::string text;
};

std::map<RowId, Best> bestPerActor(storage::Engine& engine, const std::vector<std::string>& tokens,
                                   std::vector<storage::NameMatch> rows) {
    std::map<RowId, Best> best;
    for (auto& r : rows) {
        const bool exact = engine.searchTokens(r.text) == tokens;
        auto [it, added] = best.try_emplace(r.actor, Best{exact, r.rank, r.text});
        if (!added &&
            (exact > it->second.exact || (exact == it->second.exact && r.rank < it->second.rank))) {
            it->second = Best{exact, r.rank, std::move(r.text)};
        }
    }
    return best;
}

}  // namespace

std::vector<SearchHit> search(storage::Engine& engine, std::string_view text, std::size_t limit) {
    const auto tokens = engine.searchTokens(text);
    if (tokens.empty() || limit == 0) return {};
    const auto best =
        bestPerActor(engine, tokens, engine.searchNames(tokens, storage::NameSearch::Prefix));
    struct Ranked {
        bool exact;
        bool ownName;  ///< matched the actor's own name, not an alias
        bool country;
        SearchHit hit;
    };
    std::vector<RowId> rows;
    for (const auto& entry : best) rows.push_back(entry.first);
    auto records = engine.actorRecords(rows);
    std::vector<Ranked> ranked;
    ranked.reserve(best.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto& a = records[i];
        const auto& b = best.at(rows[i]);
        auto matched = originalOf(a, engine.actorAliases(rows[i]), b.text);
        const bool own = matched == a.name;
        const bool country = a.kind == model::ActorKind::Country;
        ranked.push_back(Ranked{b.exact, own, country,
                                SearchHit{std::move(a.id), std::move(a.name), a.kind,
                                          std::move(a.country), std::move(matched), -b.rank}});
    }
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& x, const Ranked& y) {
        if (x.exact != y.exact) return x.exact;
        // Among exact matches: actors of that very name before those with it as an alias, and
        // a country before others (GDELT gives many actors its country's name).
        if (x.exact && x.ownName != y.ownName) return x.ownName;
        if (x.exact && x.country != y.country) return x.country;
        if (x.hit.score != y.hit.score) return x.hit.score > y.hit.score;
        if (x.hit.name != y.hit.name) return x.hit.name < y.hit.name;
        return rules::naturalLess(x.hit.id, y.hit.id);
    });
    std::vector<SearchHit> out;
    for (auto& r : ranked) {
        if (out.size() == limit) break;
        out.push_back(std::move(r.hit));
    }
    return out;
}

}  // namespace bilateral::query
