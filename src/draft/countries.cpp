// Countries of persons the titles and honorifics left without one: from the visit they took
// part in (a host's counterpart), from the invitation they made to their country, else from
// where the article speaks (its dateline, its language). Then the titles of those persons get
// the country too.

#include <algorithm>

#include "persons_detail.hpp"
#include "settle_detail.hpp"

namespace bilateral::draft {
namespace {

using model::Role;

std::string hostOf(const Analysis& a, const EventDraft& visit) {
    for (const auto& p : visit.parts) {
        if (p.role == Role::Host && p.actor.type == ActorRef::Type::Country) {
            return a.tables.countries[static_cast<std::size_t>(p.actor.index)].code;
        }
    }
    return {};
}

void setIfNone(Analysis& a, int person, const std::string& country, const std::string& why) {
    auto& p = a.people[static_cast<std::size_t>(person)];
    if (!p.country.empty() || country.empty()) return;
    p.country = country;
    p.countryWhy = why;
}

/// Persons met within a visit, not the visitor's party: of the host country.
void counterparts(Analysis& a) {
    for (const auto& ev : a.events) {
        if (ev.dropped) continue;
        const EventDraft* visit = detail::isVisit(ev.kind) ? &ev
                                  : ev.parent >= 0 ? &a.events[static_cast<std::size_t>(ev.parent)]
                                                   : nullptr;
        if (!visit || !detail::isVisit(visit->kind)) continue;
        const std::string host = hostOf(a, *visit);
        if (host.empty()) continue;
        std::vector<ActorRef> party;
        for (const auto& p : visit->parts) {
            if (p.role == Role::Guest || p.role == Role::DelegationMember) party.push_back(p.actor);
        }
        for (const auto& p : ev.parts) {
            if (p.actor.type != ActorRef::Type::Person || p.role == Role::Guest ||
                p.role == Role::DelegationMember ||
                std::find(party.begin(), party.end(), p.actor) != party.end()) {
                continue;
            }
            setIfNone(a, p.actor.index, host, "took part in an event of the visit to " + host);
        }
    }
}

/// Who invites someone to visit their country is of it.
void inviters(Analysis& a) {
    for (const auto& l : a.links) {
        if (l.kind != model::EventLinkKind::LeadsTo) continue;
        const std::string host = hostOf(a, a.events[static_cast<std::size_t>(l.to)]);
        for (const auto& p : a.events[static_cast<std::size_t>(l.from)].parts) {
            if (p.role == Role::Inviter && p.actor.type == ActorRef::Type::Person) {
                setIfNone(a, p.actor.index, host, "invited the visit to " + host);
            }
        }
    }
}

/// "accompanied by five Ministers": a visitor's party is of the visitor's country.
void parties(Analysis& a) {
    for (const auto& ev : a.events) {
        if (ev.dropped || !detail::isVisit(ev.kind)) continue;
        std::string country;
        for (const auto& p : ev.parts) {
            if (p.role == Role::Guest && p.actor.type == ActorRef::Type::Person &&
                country.empty()) {
                country = a.people[static_cast<std::size_t>(p.actor.index)].country;
            }
        }
        for (const auto& p : ev.parts) {
            if (p.role != Role::DelegationMember || country.empty()) continue;
            if (p.actor.type == ActorRef::Type::Group) {
                auto& g = a.groups[static_cast<std::size_t>(p.actor.index)];
                if (g.country.empty()) g.country = country;
            } else if (p.actor.type == ActorRef::Type::Person) {
                setIfNone(a, p.actor.index, country, "accompanied a visitor of " + country);
            }
        }
    }
}

}  // namespace

void finishCountries(Analysis& a) {
    counterparts(a);
    parties(a);
    inviters(a);
    for (std::size_t p = 0; p < a.people.size(); ++p) {
        setIfNone(a, static_cast<int>(p), a.home, a.homeWhy);
    }
    for (auto& p : a.people) p.posts.clear();
    for (auto& om : a.offices) {
        if (om.person < 0) continue;
        auto& person = a.people[static_cast<std::size_t>(om.person)];
        if (om.country.empty()) om.country = person.country;
        om.post = detail::postFor(a, om);
        if (std::find(person.posts.begin(), person.posts.end(), om.post) == person.posts.end()) {
            person.posts.push_back(om.post);
        }
    }
}

}  // namespace bilateral::draft
