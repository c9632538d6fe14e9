// The dataset of a projection's subgraph: a document that imports on its own.

#include <algorithm>
#include <set>
#include <string>

#include "bilateral/export/from_storage.hpp"
#include "bilateral/export/writers.hpp"
#include "bilateral/graph/projection.hpp"
#include "bilateral/rules/claims.hpp"

namespace bilateral::io {
namespace {

void cite(std::set<std::string, std::less<>>& sources,
          const std::vector<model::Evidence>& evidence) {
    for (const auto& e : evidence) sources.insert(e.source);
}

/// [claims] The sources of a record's claims and of their evidence.
void cite(std::set<std::string, std::less<>>& sources, const std::vector<model::Claim>& claims) {
    for (const auto& c : claims) {
        if (!c.source.empty()) sources.insert(c.source);
        cite(sources, c.evidence);
    }
}

}  // namespace

Dataset subgraphDataset(storage::Engine& store, const graph::Projection& projection) {
    const auto& g = projection.graph();
    Dataset d;
    std::set<std::string, std::less<>> cited;
    for (const auto v : boost::make_iterator_range(boost::vertices(g))) {
        const auto& x = g[v];
        if (x.kind == graph::VertexKind::Actor) {
            auto a = store.findActor(x.id);
            if (!a) continue;  // removed since the projection was built
            cite(cited, a->evidence);
            d.actors.push_back(std::move(*a));
            continue;
        }
        auto found = store.findEvent(x.id);
        if (!found) continue;
        auto& e = *found;
        // Only the participations the projection kept (all of them: a kept event keeps its
        // participants), and no parent the subgraph leaves out.
        std::erase_if(e.participants, [&](const model::Participant& p) {
            const auto a = projection.findActor(p.actor);
            if (!a) return true;
            for (const auto edge : boost::make_iterator_range(boost::in_edges(v, g))) {
                if (boost::source(edge, g) == *a && g[edge].type == model::toString(p.role))
                    return false;
            }
            return true;
        });
        if (e.parent && !projection.findEvent(*e.parent)) e.parent.reset();
        cite(cited, e.evidence);
        cite(cited, e.claims);
        for (const auto& p : e.participants) {
            cite(cited, p.evidence);
            cite(cited, p.claims);
        }
        // [claims] As a document gives it: top-level fields its own account.
        d.events.push_back(rules::unsettle(std::move(e)));
    }
    for (const auto edge : boost::make_iterator_range(boost::edges(g))) {
        const auto& x = g[edge];
        if (x.kind == graph::EdgeKind::EventLink) {  // [places] links between kept events
            auto l = store.findEventLink(x.id);
            if (!l) continue;
            cite(cited, l->evidence);
            d.links.push_back(std::move(*l));
            continue;
        }
        if (x.kind != graph::EdgeKind::Relation) continue;
        auto r = store.findRelation(x.id);
        if (!r) continue;  // removed since the projection was built
        cite(cited, r->evidence);
        cite(cited, r->claims);
        d.relations.push_back(rules::unsettle(std::move(*r)));
    }
    std::sort(d.relations.begin(), d.relations.end(),
              [](const model::Relation& a, const model::Relation& b) { return a.id < b.id; });
    std::sort(d.links.begin(), d.links.end(),
              [](const model::EventLink& a, const model::EventLink& b) { return a.id < b.id; });
    for (const auto& id : cited) {
        if (auto s = store.findSource(id)) d.sources.push_back(std::move(*s));
    }
    return d;
}

}  // namespace bilateral::io
