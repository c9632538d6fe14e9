// The analysis as a dataset's events (with their parts), relations and links.

#include <algorithm>
#include <array>
#include <set>

#include "assemble_detail.hpp"
#include "text.hpp"

namespace bilateral::draft::detail {
namespace {

using model::EventKind;

std::string kindLabel(EventKind k, const EventDraft& ev) {
    for (const auto& [name, value] : ev.attributes) {
        if (name == "visit_type" && value == "working") return "Working visit";
        if (name == "form" && value == "lecture") return "Lecture";
    }
    // One label per EventKind, in the order of its values.
    constexpr std::array<std::string_view, 16> kLabels{
        "Visit",      "State visit", "Working visit", "Meeting",      "Talks",
        "Roundtable", "Summit",      "Inauguration",  "Invitation",   "Negotiations",
        "Signing",    "Phone call",  "Statement",     "Chairmanship", "Acceptance of an invitation",
        "Event"};
    static_assert(static_cast<std::size_t>(EventKind::CodedEvent) + 1 == kLabels.size());
    const auto i = static_cast<std::size_t>(k);
    return std::string(i < kLabels.size() ? kLabels[i] : kLabels.back());
}

std::string actorName(const Builder& b, const ActorRef& r) {
    const Analysis& a = b.a;
    switch (r.type) {
        case ActorRef::Type::Person:
            return a.people[static_cast<std::size_t>(r.index)].name;
        case ActorRef::Type::Country:
            return a.tables.countries[static_cast<std::size_t>(r.index)].name;
        case ActorRef::Type::Post:
            return a.posts[static_cast<std::size_t>(r.index)].name(a.tables);
        case ActorRef::Type::Org:
            return a.orgs[static_cast<std::size_t>(r.index)].name;
        case ActorRef::Type::Group:
            return a.groups[static_cast<std::size_t>(r.index)].name;
    }
    return {};
}

std::string titleOf(const Builder& b, const EventDraft& ev) {
    std::string title = kindLabel(ev.kind, ev);
    if (ev.status == model::EventStatus::Planned) {
        title = "Planned " + std::string(1, static_cast<char>(title[0] + 32)) + title.substr(1);
    }
    // The visitor, the inviter, the host before those who attended.
    auto rank = [](model::Role r) {
        using model::Role;
        const Role order[] = {Role::Guest,  Role::Inviter, Role::Host,      Role::Chair,
                              Role::Opener, Role::Invitee, Role::Signatory, Role::Attendee};
        const auto it = std::find(std::begin(order), std::end(order), r);
        return static_cast<int>(it - std::begin(order));
    };
    std::vector<const Part*> parts;
    for (const auto& p : ev.parts) {
        if (p.actor.type == ActorRef::Type::Country && p.role == model::Role::Host) continue;
        parts.push_back(&p);
    }
    std::stable_sort(parts.begin(), parts.end(),
                     [&](const Part* x, const Part* y) { return rank(x->role) < rank(y->role); });
    std::vector<std::string> who;
    for (const auto* p : parts) {
        if (who.size() < 3) who.push_back(actorName(b, p->actor));
    }
    for (std::size_t k = 0; k < who.size(); ++k) title += (k ? ", " : ": ") + who[k];
    if (ev.place >= 0) title += " (" + b.a.places[static_cast<std::size_t>(ev.place)].name + ")";
    return title;
}

std::string eventNote(const Builder& b, const EventDraft& ev) {
    const Analysis& a = b.a;
    std::string note = "Told by \"";
    if (ev.mention >= 0)
        note += a.writtenUtf8(a.eventMentions[static_cast<std::size_t>(ev.mention)].trigger);
    note += "\" (" + std::string(model::toString(ev.kind)) + ")";
    if (ev.start) {
        note += "; dated by \"" + a.writtenUtf8(ev.dateRange) + "\"";
        if (!ev.dateWhy.empty()) note += ", " + ev.dateWhy;
        if (ev.days > 1 && ev.end) note += ", " + std::to_string(ev.days) + " days long";
    }
    if (ev.status == model::EventStatus::Planned) note += "; planned: " + ev.statusWhy;
    return note;
}

model::Participant participantOf(Builder& b, const Part& p) {
    if (p.actor.type == ActorRef::Type::Country) {
        addCountry(b, p.actor.index, p.evidence, "The country of a place named");
    }
    model::Participant out;
    out.actor = b.ids.of(p.actor);
    out.role = p.role;
    out.evidence.push_back(evidenceFor(b.a, b.source, p.evidence, p.confidence,
                                       p.note + " (" + std::string(model::toString(p.role)) + ")"));
    return out;
}

std::string eventId(Builder& b, const EventDraft& ev) {
    std::string base = "event/" + b.sourceSlug + "-" + slug(model::toString(ev.kind));
    if (ev.start) {  // two appends: gcc 12's -O3 sees a false overlap (-Wrestrict) in "-" + s
        base += '-';
        base += ev.start->toString();
    }
    std::string id = base;
    for (int n = 2; std::find(b.eventIds.begin(), b.eventIds.end(), id) != b.eventIds.end(); ++n) {
        id = base + "-" + std::to_string(n);
    }
    return id;
}

/// The most precise term the text gives in brackets after the person's titles of this post.
void termOf(const Builder& b, int person, int post, model::Relation& r) {
    const Analysis& a = b.a;
    const OfficeMention* best = nullptr;
    std::optional<ResolvedDate> bestDate;
    for (const auto& om : a.offices) {
        if (om.person != person || om.post != post || om.term < 0) continue;
        const auto d = resolveDate(a.dates[static_cast<std::size_t>(om.term)], a.published, false);
        if (!d.start) continue;
        if (!bestDate || d.start->precision() < bestDate->start->precision()) {
            best = &om;
            bestDate = d;
        }
    }
    if (!best) return;
    r.valid.start = bestDate->start;
    r.valid.end = bestDate->end ? bestDate->end : bestDate->start;
    const Range term = a.dates[static_cast<std::size_t>(best->term)].range;
    r.evidence.push_back(evidenceFor(a, b.source, {best->range.first, term.last + 1}, 0.85,
                                     "The term given in brackets after the title"));
}

}  // namespace

void addEvents(Builder& b) {
    const Analysis& a = b.a;
    b.eventIds.assign(a.events.size(), {});
    for (std::size_t e = 0; e < a.events.size(); ++e) {
        if (!a.events[e].dropped) b.eventIds[e] = eventId(b, a.events[e]);
    }
    for (std::size_t e = 0; e < a.events.size(); ++e) {
        const auto& ev = a.events[e];
        if (ev.dropped) continue;
        model::Event out;
        out.id = b.eventIds[e];
        out.kind = ev.kind;
        out.title = titleOf(b, ev);
        out.start = ev.start;
        out.end = ev.end;
        out.status = ev.status;
        for (const auto& [name, value] : ev.attributes) out.attributes[name] = value;
        if (ev.place >= 0) {
            const auto& place = a.places[static_cast<std::size_t>(ev.place)];
            out.location = place.name;
            if (!place.country.empty()) out.place.country = place.country;
        }
        if (ev.parent >= 0) out.parent = b.eventIds[static_cast<std::size_t>(ev.parent)];
        for (const auto& p : ev.parts) out.participants.push_back(participantOf(b, p));
        const double conf = ev.start ? 0.8 : 0.7;
        out.evidence.push_back(evidenceFor(a, b.source, ev.evidence, conf, eventNote(b, ev)));
        for (const auto& r : ev.more) {
            out.evidence.push_back(evidenceFor(a, b.source, r, 0.6, "The same event told again"));
        }
        b.draft.events.push_back(std::move(out));
    }
}

void addRelations(Builder& b) {
    const Analysis& a = b.a;
    std::set<std::string> done;
    for (const auto& pm : a.persons) {
        for (const int o : pm.offices) {
            const auto& om = a.offices[static_cast<std::size_t>(o)];
            if (om.post < 0 || pm.person < 0) continue;
            const std::string from = b.ids.of({ActorRef::Type::Person, pm.person});
            const std::string to = b.ids.of({ActorRef::Type::Post, om.post});
            if (from.empty() || to.empty() || !done.insert(from + " " + to).second) continue;
            model::Relation r;
            r.kind = model::RelationKind::HoldsPost;
            r.from = from;
            r.to = to;
            r.id = "relation/" + b.sourceSlug + "-" + slug(from.substr(from.find('/') + 1)) +
                   "-holds-" + slug(to.substr(to.find('/') + 1));
            r.evidence.push_back(
                evidenceFor(a, b.source, pm.range, pm.confidence,
                            "Named with the title \"" + a.writtenUtf8(om.range) +
                                "\": holds the post when the article was written"));
            termOf(b, pm.person, om.post, r);
            addRelationUnlessKnown(b, std::move(r));
        }
    }
    for (const auto& om : a.offices) {
        if (om.post < 0 || om.country.empty()) continue;
        const std::string post = b.ids.of({ActorRef::Type::Post, om.post});
        const auto* country = a.tables.country(om.country);
        if (post.empty() || !country || !done.insert(post).second) continue;
        // A post the graph has already belongs to what the graph says.
        if (b.ids.reused.count(post) && b.ids.reused.at(post)) continue;
        const int index = static_cast<int>(country - a.tables.countries.data());
        addCountry(b, index, om.range, "The country a title implies");
        model::Relation r;
        r.kind = model::RelationKind::PostOf;
        r.from = post;
        r.to = b.ids.of({ActorRef::Type::Country, index});
        r.id = "relation/" + b.sourceSlug + "-" + slug(post.substr(post.find('/') + 1)) +
               "-post-of-" + slug(country->code);
        r.evidence.push_back(
            evidenceFor(a, b.source, om.range, om.countryStated ? 0.85 : 0.6,
                        om.countryStated ? "The title names the country" : "The holder's country"));
        addRelationUnlessKnown(b, std::move(r));
    }
}

void addLinks(Builder& b) {
    int n = 0;
    for (const auto& l : b.a.links) {
        const auto& from = b.eventIds[static_cast<std::size_t>(l.from)];
        const auto& to = b.eventIds[static_cast<std::size_t>(l.to)];
        if (from.empty() || to.empty()) continue;
        model::EventLink link;
        link.id = "link/" + b.sourceSlug + "-" + std::to_string(++n);
        link.kind = l.kind;
        link.from = from;
        link.to = to;
        link.evidence.push_back(evidenceFor(b.a, b.source, l.evidence, 0.75,
                                            l.kind == model::EventLinkKind::LeadsTo
                                                ? "The invitation is to this visit"
                                                : "The acceptance answers this invitation"));
        b.draft.links.push_back(std::move(link));
    }
}

}  // namespace bilateral::draft::detail
