// The analysis as a dataset's actors: persons, posts, groups, organisations and the countries
// the facts name, each with the span of its first mention; an actor the graph has is reused.

#include "assemble.hpp"

#include <algorithm>
#include <set>

#include "assemble_detail.hpp"
#include "text.hpp"

namespace bilateral::draft {

model::Evidence evidenceFor(const Analysis& a, const std::string& source, Range r,
                            double confidence, const std::string& note) {
    model::Evidence e;
    e.source = source;
    const auto& first = a.tokens[static_cast<std::size_t>(r.first)];
    const auto& last = a.tokens[static_cast<std::size_t>(r.last - 1)];
    e.span = model::Span{first.start, last.end};
    e.quote = a.writtenUtf8(r);
    e.basis = model::Basis::Inferred;
    e.confidence = confidence;
    e.note = note;
    return e;
}

namespace detail {

/// Registers an actor: reused when the graph has it, else added to the draft with a fresh id.
void addActor(Builder& b, const ActorRef& ref, model::Actor actor,
              const std::vector<std::string>& written) {
    if (const auto known =
            matchActor(b.names, actor.kind, written, actor.country.value_or(std::string()))) {
        b.ids.ids[{static_cast<int>(ref.type), ref.index}] = known->id;
        if (!b.ids.reused.count(known->id)) {
            // As the article writes it: an honorific form or a title, when there is one.
            const std::string& shown = written.size() > 1 ? written[1] : actor.name;
            b.draft.reused.push_back({known->id, known->name, shown, known->matched});
        }
        b.ids.reused[known->id] = true;
        return;
    }
    actor.id = freshId(actor.id, b.ids.reused, b.names);
    b.ids.ids[{static_cast<int>(ref.type), ref.index}] = actor.id;
    b.draft.actors.push_back(std::move(actor));
}

void addPersons(Builder& b) {
    const Analysis& a = b.a;
    forEachMentioned(
        a.people, a.persons, [&](int p, const Person& person, const PersonMention& first) {
            model::Actor actor;
            actor.id = "person/" + slug(person.name);
            actor.kind = model::ActorKind::Person;
            actor.name = person.name;
            actor.aliases = person.aliases;
            if (!person.country.empty()) actor.country = person.country;
            std::string note = "A person " + first.how + " \"" + a.writtenUtf8(first.range) + "\"";
            if (!first.honorific.empty()) {
                note += "; the honorific \"" + a.writtenUtf8(first.honorific) + "\" set apart";
            }
            if (!person.country.empty())
                note += "; country " + person.country + " from " + person.countryWhy;
            actor.evidence.push_back(evidenceFor(a, b.source, first.range, first.confidence, note));
            std::vector<std::string> written{person.name};
            written.insert(written.end(), person.aliases.begin(), person.aliases.end());
            addActor(b, {ActorRef::Type::Person, p}, std::move(actor), written);
        });
}

/// Posts that a person holds or that take part in an event.
std::set<int> postsInUse(const Analysis& a) {
    std::set<int> used;
    for (const auto& p : a.people) used.insert(p.posts.begin(), p.posts.end());
    for (const auto& ev : a.events) {
        if (ev.dropped) continue;
        for (const auto& part : ev.parts) {
            if (part.actor.type == ActorRef::Type::Post) used.insert(part.actor.index);
        }
    }
    return used;
}

void addPosts(Builder& b) {
    const Analysis& a = b.a;
    for (const int p : postsInUse(a)) {
        const auto& post = a.posts[static_cast<std::size_t>(p)];
        const OfficeMention* first = nullptr;
        std::vector<std::string> titles;
        for (const auto& om : a.offices) {
            if (om.post != p) continue;
            if (!first) first = &om;
            const std::string t = a.writtenUtf8(om.range);
            if (std::find(titles.begin(), titles.end(), t) == titles.end()) titles.push_back(t);
        }
        if (!first) continue;
        model::Actor actor;
        actor.kind = model::ActorKind::Post;
        actor.name = post.name(a.tables);
        actor.id = "post/" + slug(actor.name);
        for (const auto& t : titles) {
            if (t != actor.name && !t.empty()) actor.aliases.push_back(t);
        }
        if (!post.country.empty()) actor.country = post.country;
        actor.evidence.push_back(
            evidenceFor(a, b.source, first->range, 0.85,
                        "An office named by the title \"" + a.writtenUtf8(first->range) + "\""));
        std::vector<std::string> written{actor.name};
        written.insert(written.end(), titles.begin(), titles.end());
        addActor(b, {ActorRef::Type::Post, p}, std::move(actor), written);
    }
}

void addGroups(Builder& b) {
    const Analysis& a = b.a;
    for (std::size_t g = 0; g < a.groups.size(); ++g) {
        const auto& group = a.groups[g];
        model::Actor actor;
        actor.kind = model::ActorKind::Group;
        actor.name = group.name;
        actor.id = "group/" + b.sourceSlug + "-" + slug(group.name);
        if (!group.country.empty()) actor.country = group.country;
        actor.evidence.push_back(evidenceFor(a, b.source, group.range, 0.7,
                                             "Persons the text names together, not one by one"));
        addActor(b, {ActorRef::Type::Group, static_cast<int>(g)}, std::move(actor), {group.name});
    }
}

void addCountry(Builder& b, int index, Range fallback, const std::string& note) {
    const Analysis& a = b.a;
    const ActorRef ref{ActorRef::Type::Country, index};
    if (!b.ids.of(ref).empty()) return;
    const auto& info = a.tables.countries[static_cast<std::size_t>(index)];
    model::Actor actor;
    actor.kind = info.bloc ? model::ActorKind::Bloc : model::ActorKind::Country;
    actor.name = info.name;
    actor.id = info.bloc ? "bloc/" + slug(info.code) : "country/" + info.code;
    if (!info.bloc) actor.country = info.code;
    // Evidence: its first mention by name, else by adjective.
    const CountryMention* first = nullptr;
    for (const auto& cm : a.countries) {
        if (cm.country == index && (!first || (first->adjective && !cm.adjective))) first = &cm;
        if (first && !first->adjective) break;
    }
    if (first) {
        actor.evidence.push_back(
            evidenceFor(a, b.source, first->range, first->adjective ? 0.8 : 0.95,
                        std::string(first->adjective ? "Named by its adjective" : "Named") + " \"" +
                            a.writtenUtf8(first->range) + "\""));
    } else if (!fallback.empty()) {
        actor.evidence.push_back(evidenceFor(a, b.source, fallback, 0.7, note));
    }
    if (b.names) {
        if (const auto known = b.names->actor(actor.id)) {
            b.ids.ids[{static_cast<int>(ref.type), ref.index}] = known->id;
            if (!b.ids.reused.count(known->id)) {
                b.draft.reused.push_back({known->id, known->name, actor.name, known->id});
            }
            b.ids.reused[known->id] = true;
            return;
        }
    }
    addActor(b, ref, std::move(actor), {info.name});
}

}  // namespace detail

void assemble(const Analysis& a, Draft& draft, GraphNames* names) {
    detail::Builder b{a,
                      draft,
                      names,
                      draft.source.id,
                      slug(draft.source.id.substr(draft.source.id.find('/') + 1)),
                      {}};
    // Actors first: the events, relations and links refer to their ids.
    for (auto* step :
         {detail::addPersons, detail::addPosts, detail::addGroups, detail::addOrgs,
          detail::addEvents, detail::addRelations, detail::addLinks, detail::findRepeats}) {
        step(b);
    }
}

}  // namespace bilateral::draft
