#pragma once
// A tiny store for the graph and writer tests, built with Store::put*.
//
//   actors (9): country/ITA, country/MYS, person/anwar (MYS), person/meloni (ITA),
//               person/tajani (ITA), person/rustico (ITA), post/pm-mys, post/ambassador,
//               group/isolated (no events, no relations)
//   events (7): event/visit          official_visit    2025-07-02..03   anwar guest, ITA host
//               event/meeting        bilateral_meeting undated, in visit anwar, meloni, tajani
//               event/roundtable     roundtable        undated, in visit tajani opener, anwar
//               event/planned        official_visit    undated, planned meloni guest, MYS host
//               event/inauguration   inauguration      2025-06-06       rustico
//               event/call           phone_call        2024-03          anwar, meloni
//               event/negotiation    negotiation       undated          MYS
//   participations: 13
//   relations (6): rel/anwar-pm (holds_post), rel/pm-of-mys (post_of),
//               rel/rustico-ambassador (holds_post 2021-10-18..2025-06-08),
//               rel/mys-partner-ita (partner_of), rel/meloni-ita (affiliated_with from 2022-10),
//               rel/tajani-ita-old (affiliated_with 2000..2001)

#include <string>
#include <vector>

#include "bilateral/model/types.hpp"
#include "bilateral/sqlite/store.hpp"

namespace bilateral::fixture {

inline model::Actor actor(std::string id, model::ActorKind kind, std::string name,
                          std::optional<std::string> country = std::nullopt) {
    model::Actor a{.id = std::move(id), .kind = kind, .name = std::move(name)};
    a.country = std::move(country);
    a.evidence = {{.source = "source/s"}};
    return a;
}

inline model::Event event(std::string id, model::EventKind kind, std::string title,
                          std::vector<model::Participant> participants,
                          std::optional<std::string> start = std::nullopt,
                          std::optional<std::string> end = std::nullopt) {
    model::Event e{.id = std::move(id), .kind = kind, .title = std::move(title)};
    if (start) e.start = model::Date::parse(*start);
    if (end) e.end = model::Date::parse(*end);
    e.participants = std::move(participants);
    return e;
}

inline model::Relation relation(std::string id, model::RelationKind kind, std::string from,
                                std::string to, std::optional<std::string> validFrom = std::nullopt,
                                std::optional<std::string> validTo = std::nullopt) {
    model::Relation r{
        .id = std::move(id), .kind = kind, .from = std::move(from), .to = std::move(to)};
    if (validFrom) r.valid.start = model::Date::parse(*validFrom);
    if (validTo) r.valid.end = model::Date::parse(*validTo);
    return r;
}

inline void seedTinyStore(store::Store& s) {
    using model::ActorKind;
    using model::EventKind;
    using model::RelationKind;
    using model::Role;
    store::Transaction tx(s);
    s.putSource({.id = "source/s", .title = "Fixture"});
    s.putSource({.id = "source/unused", .title = "Cited by nothing"});
    s.putActor(actor("country/ITA", ActorKind::Country, "Italy", "ITA"));
    s.putActor(actor("country/MYS", ActorKind::Country, "Malaysia", "MYS"));
    s.putActor(actor("person/anwar", ActorKind::Person, "Anwar Ibrahim", "MYS"));
    s.putActor(actor("person/meloni", ActorKind::Person, "Giorgia Meloni", "ITA"));
    s.putActor(actor("person/tajani", ActorKind::Person, "Antonio Tajani", "ITA"));
    s.putActor(actor("person/rustico", ActorKind::Person, "Massimo Rustico", "ITA"));
    s.putActor(actor("post/pm-mys", ActorKind::Post, "Prime Minister of Malaysia", "MYS"));
    s.putActor(actor("post/ambassador", ActorKind::Post, "Ambassador of Italy to Malaysia", "ITA"));
    s.putActor(actor("group/isolated", ActorKind::Group, "Nobody in particular"));

    auto visit = event("event/visit", EventKind::OfficialVisit, "Official visit",
                       {{.actor = "person/anwar", .role = Role::Guest},
                        {.actor = "country/ITA", .role = Role::Host}},
                       "2025-07-02", "2025-07-03");
    visit.evidence = {{.source = "source/s"}, {.source = "source/s", .span = model::Span{1, 5}}};
    s.putEvent(visit);
    auto meeting = event(
        "event/meeting", EventKind::BilateralMeeting, "Leaders' meeting",
        {{.actor = "person/anwar", .role = Role::Attendee, .evidence = {{.source = "source/s"}}},
         {.actor = "person/meloni", .role = Role::Attendee},
         {.actor = "person/tajani", .role = Role::Attendee}});
    meeting.parent = "event/visit";
    s.putEvent(meeting);
    auto roundtable = event("event/roundtable", EventKind::Roundtable, "Economic roundtable",
                            {{.actor = "person/tajani", .role = Role::Opener},
                             {.actor = "person/anwar", .role = Role::Attendee}});
    roundtable.parent = "event/visit";
    s.putEvent(roundtable);
    auto planned = event("event/planned", EventKind::OfficialVisit, "Visit to Kuala Lumpur",
                         {{.actor = "person/meloni", .role = Role::Guest},
                          {.actor = "country/MYS", .role = Role::Host}});
    planned.status = model::EventStatus::Planned;
    s.putEvent(planned);
    s.putEvent(event("event/inauguration", EventKind::Inauguration, "Embassy inauguration",
                     {{.actor = "person/rustico", .role = Role::Attendee}}, "2025-06-06"));
    s.putEvent(event("event/call", EventKind::PhoneCall, "Phone call",
                     {{.actor = "person/anwar", .role = Role::Attendee},
                      {.actor = "person/meloni", .role = Role::Attendee}},
                     "2024-03"));
    s.putEvent(event("event/negotiation", EventKind::Negotiation, "FTA negotiations",
                     {{.actor = "country/MYS", .role = Role::Attendee}}));

    auto pm = relation("rel/anwar-pm", RelationKind::HoldsPost, "person/anwar", "post/pm-mys");
    pm.evidence = {{.source = "source/s"}};
    s.putRelation(pm);
    s.putRelation(relation("rel/pm-of-mys", RelationKind::PostOf, "post/pm-mys", "country/MYS"));
    s.putRelation(relation("rel/rustico-ambassador", RelationKind::HoldsPost, "person/rustico",
                           "post/ambassador", "2021-10-18", "2025-06-08"));
    s.putRelation(
        relation("rel/mys-partner-ita", RelationKind::PartnerOf, "country/MYS", "country/ITA"));
    s.putRelation(relation("rel/meloni-ita", RelationKind::AffiliatedWith, "person/meloni",
                           "country/ITA", "2022-10"));
    s.putRelation(relation("rel/tajani-ita-old", RelationKind::AffiliatedWith, "person/tajani",
                           "country/ITA", "2000", "2001"));
    tx.commit();
}

}  // namespace bilateral::fixture
