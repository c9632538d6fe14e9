// [identity] One actor per entity (docs/data-model.md, "One actor per entity"): the same_as
// groups as answers use them (answer_parts.hpp, detail::Identity), names resolved to a group,
// and the likely pairs a user may confirm. The group rule itself is rules/identity.hpp.

#include <algorithm>
#include <map>
#include <set>

#include "answer_parts.hpp"
#include "bilateral/error.hpp"
#include "bilateral/query/from_storage.hpp"

namespace bilateral::query {
namespace detail {

std::vector<std::string> Identity::mergedInto(RowId row) const {
    if (!groups.grouped(row)) return {};
    const auto self = canonicalOf(row);
    std::vector<std::string> out;
    for (const auto m : groups.members(row)) {
        if (m != self) out.push_back(ids.at(m));
    }
    std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
        return rules::canonicalBefore(a, b);
    });
    return out;
}

ActorRef Identity::refOf(storage::Engine& engine, RowId row) const {
    const RowId self = canonicalOf(row);
    auto ref = actorRefs(engine, std::span<const RowId>(&self, 1)).front();
    ref.merged = mergedInto(row);
    return ref;
}

Identity identity(storage::Engine& engine) {
    Identity out;
    const auto counts = engine.counts();
    const auto kind = model::toString(model::RelationKind::SameAs);
    const bool some = std::any_of(counts.relationsByKind.begin(), counts.relationsByKind.end(),
                                  [&](const auto& k) { return k.first == kind && k.second > 0; });
    if (!some) return out;
    std::set<RowId> grouped;
    for (const auto& [a, b] : engine.relationEnds(model::RelationKind::SameAs)) {
        out.groups.join(a, b);
        grouped.insert(a);
        grouped.insert(b);
    }
    const std::vector<RowId> rows(grouped.begin(), grouped.end());
    auto records = engine.actorRecords(rows);
    for (std::size_t i = 0; i < rows.size(); ++i) out.ids.emplace(rows[i], records[i].id);
    for (const auto row : rows) {
        const auto members = out.groups.members(row);
        std::vector<std::string> ids;
        for (const auto m : members) ids.push_back(out.ids.at(m));
        out.canonical.emplace(row, members[rules::canonicalOf(ids)]);
    }
    return out;
}

}  // namespace detail

std::string resolveGroup(storage::Engine& engine, std::string_view idOrName,
                         std::optional<model::ActorKind> kind) {
    const auto ident = detail::identity(engine);
    const auto canonicalId = [&](const std::string& id) {
        const auto row = engine.actorRow(id);
        return row ? ident.refOf(engine, *row).id : id;
    };
    try {
        const auto id = resolveActor(engine, idOrName, kind);
        return ident.groups.empty() ? id : canonicalId(id);
    } catch (const AmbiguousError& e) {
        // Candidates that are all records of one group name that group.
        if (ident.groups.empty()) throw;
        std::set<std::string> groups;
        for (const auto& id : e.candidates()) groups.insert(canonicalId(id));
        if (groups.size() == 1) return *groups.begin();
        throw;
    }
}

ActorRef groupRef(storage::Engine& engine, std::string_view actorId) {
    const auto self = detail::requireActor(engine, actorId);
    const auto ident = detail::identity(engine);
    if (!ident.groups.grouped(self.row)) return detail::actorRef(self);
    return ident.refOf(engine, self.row);
}

namespace {

/// Which source a record comes from: an event file's (`icews`, `gdelt`), else a curated
/// dataset's (which dataset is not kept: two curated records may pair).
std::string_view sourceOf(std::string_view id) {
    if (rules::fromEventFile(id)) return id.substr(0, id.find('/'));
    return "dataset";
}

/// One name or alias of an actor, normalised as the engine indexes it.
struct NameOf {
    std::size_t actor;
    bool alias;
};

struct Pair {
    int score = 0;
    std::string reason;
};

/// How likely two records with one normalised name are one entity, and why; 0 when their
/// countries differ.
Pair judge(const model::Actor& x, bool xAlias, const model::Actor& y, bool yAlias,
           const std::string& name) {
    const auto cx = x.country.value_or(""), cy = y.country.value_or("");
    if (!cx.empty() && !cy.empty() && cx != cy) return {};
    Pair p;
    p.score = xAlias && yAlias ? 1 : (xAlias || yAlias ? 2 : 3);
    p.reason = xAlias && yAlias   ? "alias \"" + name + "\" of both"
               : xAlias || yAlias ? "the name of one is an alias of the other (\"" + name + "\")"
                                  : "same name \"" + name + "\"";
    if (!cx.empty() && cx == cy) {
        p.score += 2;
        p.reason += ", same country " + cx;
    } else {
        p.reason += cx.empty() && cy.empty() ? ", no country" : ", one has no country";
    }
    if (x.kind == y.kind) {
        p.score += 1;
        p.reason += ", both " + std::string(model::toString(x.kind));
    }
    return p;
}

}  // namespace

std::vector<SameAsCandidate> sameAsCandidates(storage::Engine& engine, std::size_t limit) {
    const auto ident = detail::identity(engine);
    std::vector<model::Actor> actors;
    std::map<std::string, std::vector<NameOf>> byName;
    engine.forEachActor([&](model::Actor&& a) {
        const auto at = actors.size();
        const auto add = [&](const std::string& text, bool alias) {
            std::string key;
            for (const auto& t : engine.searchTokens(text)) key += (key.empty() ? "" : " ") + t;
            if (!key.empty()) byName[key].push_back({at, alias});
        };
        add(a.name, false);
        for (const auto& alias : a.aliases) add(alias, true);
        actors.push_back(std::move(a));
    });
    // A name shared by very many records (a generic "POLICE") says little: left out.
    constexpr std::size_t kMostRecordsPerName = 50;
    std::map<std::pair<std::size_t, std::size_t>, Pair> best;
    for (const auto& [name, list] : byName) {
        if (list.size() < 2 || list.size() > kMostRecordsPerName) continue;
        for (std::size_t i = 0; i < list.size(); ++i) {
            for (std::size_t j = i + 1; j < list.size(); ++j) {
                auto x = list[i], y = list[j];
                const auto &ax = actors[x.actor], &ay = actors[y.actor];
                // One event file's records of one name are different entities (ICEWS: of other
                // countries; GDELT: other codes); curated records may come from two datasets.
                const auto source = sourceOf(ax.id);
                if (x.actor == y.actor || (source != "dataset" && source == sourceOf(ay.id)))
                    continue;
                const auto rx = engine.actorRow(ax.id), ry = engine.actorRow(ay.id);
                if (rx && ry && ident.canonicalOf(*rx) == ident.canonicalOf(*ry)) continue;
                if (rules::canonicalBefore(ay.id, ax.id)) std::swap(x, y);
                auto p = judge(actors[x.actor], x.alias, actors[y.actor], y.alias, name);
                if (p.score == 0) continue;
                auto& kept = best[{x.actor, y.actor}];
                if (p.score > kept.score) kept = std::move(p);
            }
        }
    }
    std::vector<SameAsCandidate> out;
    const auto ref = [](const model::Actor& a) {
        return ActorRef{a.id, a.name, a.kind, a.country.value_or(""), {}};
    };
    for (auto& [pair, p] : best)
        out.push_back({ref(actors[pair.first]), ref(actors[pair.second]), p.score, p.reason});
    std::sort(out.begin(), out.end(), [](const SameAsCandidate& x, const SameAsCandidate& y) {
        if (x.score != y.score) return x.score > y.score;
        if (x.a.id != y.a.id) return rules::canonicalBefore(x.a.id, y.a.id);
        return rules::canonicalBefore(x.b.id, y.b.id);
    });
    if (limit != 0 && out.size() > limit) out.resize(limit);
    return out;
}

}  // namespace bilateral::query
