#pragma once
// Parts of assemble.cpp shared with assemble_events.cpp.

#include <string>
#include <vector>

#include "assemble.hpp"

namespace bilateral::draft::detail {

struct Builder {
    const Analysis& a;
    Draft& draft;
    GraphNames* names;
    std::string source;      ///< the source id evidence cites
    std::string sourceSlug;  ///< for ids of this source's events, relations and links
    ActorIds ids;
    std::vector<std::string> eventIds;  ///< per Analysis::events ("" when dropped)
};

/// For each of `entities` (people, organisations) that is mentioned: `fn(its index, it, its
/// first mention)`, the mention found in `mentions` by the entity's first mention index.
template <class Entity, class Mention, class Fn>
void forEachMentioned(const std::vector<Entity>& entities, const std::vector<Mention>& mentions,
                      Fn fn) {
    for (std::size_t i = 0; i < entities.size(); ++i) {
        const auto& entity = entities[i];
        if (entity.mentions.empty()) continue;
        fn(static_cast<int>(i), entity,
           mentions[static_cast<std::size_t>(entity.mentions.front())]);
    }
}

void addActor(Builder& b, const ActorRef& ref, model::Actor actor,
              const std::vector<std::string>& written);
/// The country or bloc `index` of the tables, as an actor; its evidence is its first mention,
/// else `fallback` (a place in it, a title of it) with `note`.
void addCountry(Builder& b, int index, Range fallback, const std::string& note);
void addOrgs(Builder& b);
void addEvents(Builder& b);
void addRelations(Builder& b);
void addLinks(Builder& b);
/// Adds a relation unless the graph has the same one (then noted in draft.relationsInGraph).
void addRelationUnlessKnown(Builder& b, model::Relation relation);
/// Events of the graph that a proposed event may repeat (draft.repeats).
void findRepeats(Builder& b);

}  // namespace bilateral::draft::detail
