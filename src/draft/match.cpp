// Matching against a graph's names (GraphNames): actors reused by name, alias or
// honorific-free name and post; ids that the graph does not use; relations it has; events it
// may already hold.

#include <algorithm>

#include "assemble_detail.hpp"
#include "text.hpp"

namespace bilateral::draft {

std::optional<KnownActor> matchActor(GraphNames* graph, model::ActorKind kind,
                                     const std::vector<std::string>& written,
                                     const std::string& country) {
    if (!graph) return std::nullopt;
    std::vector<KnownActor> found;
    for (const auto& name : written) {
        if (name.empty()) continue;
        const std::string wanted = fold(fromUtf8(name));
        for (auto& k : graph->lookup(name)) {
            // The graph's search also finds names that only contain the words: the name or
            // alias must be the same, apart from case, accents and apostrophes.
            if (k.kind != kind || fold(fromUtf8(k.matched)) != wanted) continue;
            if (!country.empty() && k.country && !k.country->empty() && *k.country != country) {
                continue;
            }
            const bool seen = std::any_of(found.begin(), found.end(),
                                          [&](const KnownActor& f) { return f.id == k.id; });
            if (!seen) found.push_back(std::move(k));
        }
        if (!found.empty()) break;  // the fullest name that matches decides
    }
    if (found.size() != 1) return std::nullopt;
    return found.front();
}

std::string freshId(const std::string& base, std::map<std::string, bool>& used, GraphNames* names) {
    std::string id = base;
    for (int n = 2; used.count(id) || (names && names->actor(id)); ++n) {
        id = base + "-" + std::to_string(n);
    }
    used[id] = false;
    return id;
}

namespace detail {

void addRelationUnlessKnown(Builder& b, model::Relation relation) {
    const bool endsKnown = b.ids.reused.count(relation.from) && b.ids.reused.at(relation.from) &&
                           b.ids.reused.count(relation.to) && b.ids.reused.at(relation.to);
    if (b.names && endsKnown) {
        const auto known = b.names->relations(relation.from, relation.kind, relation.to);
        if (!known.empty()) {
            b.draft.relationsInGraph.push_back(known.front());
            return;
        }
    }
    b.draft.relations.push_back(std::move(relation));
}

void findRepeats(Builder& b) {
    if (!b.names) return;
    for (const auto& ev : b.draft.events) {
        bool found = false;
        for (const auto& p : ev.participants) {
            if (found || !b.ids.reused.count(p.actor) || !b.ids.reused.at(p.actor)) continue;
            if (p.actor.starts_with("country/") || p.actor.starts_with("bloc/")) continue;
            for (const auto& k : b.names->events(p.actor, ev.start, ev.end ? ev.end : ev.start)) {
                if (k.kind != ev.kind) continue;
                if (!ev.start && k.start) continue;  // an undated proposal: undated ones only
                b.draft.repeats.push_back({ev.id, k, p.actor});
                found = true;
                break;
            }
        }
    }
}

void addOrgs(Builder& b) {
    const Analysis& a = b.a;
    forEachMentioned(a.orgs, a.orgMentions, [&](int o, const Org& org, const OrgMention& first) {
        model::Actor actor;
        actor.kind = org.kind;
        actor.name = org.name;
        actor.id = std::string(model::toString(org.kind)) + "/" + slug(org.name);
        if (!org.acronym.empty()) actor.aliases.push_back(org.acronym);
        if (!org.country.empty()) actor.country = org.country;
        actor.evidence.push_back(
            evidenceFor(a, b.source, first.range, 0.7,
                        "An organisation named \"" + a.writtenUtf8(first.range) + "\""));
        std::vector<std::string> written{org.name};
        if (!org.acronym.empty()) written.push_back(org.acronym);
        addActor(b, {ActorRef::Type::Org, o}, std::move(actor), written);
    });
}

}  // namespace detail
}  // namespace bilateral::draft
