// The role rules, word by word: a visit's guest and host, who receives whom, who met, who
// invited and who accepted, who opened a roundtable, who came along.

#include <algorithm>

#include "roles_detail.hpp"

namespace bilateral::draft::detail {
namespace {

using model::EventKind;
using model::Role;
using Type = ActorRef::Type;

struct Ctx {
    Analysis& a;
    std::size_t mention;
    int event;
    const Sentence& sen;
    std::vector<ActorAt> actors;
    Range trigger;
    [[nodiscard]] const EventMention& m() const { return a.eventMentions[mention]; }
    [[nodiscard]] EventKind kind() const { return a.events[static_cast<std::size_t>(event)].kind; }
    void add(const std::vector<ActorAt>& who, Role role, double conf, const std::string& note) {
        for (const auto& x : who) addPart(a, event, x, role, trigger, conf, note);
    }
    /// Whether this event word is the nearest one before token t in the sentence.
    [[nodiscard]] bool nearestBefore(int t) const {
        if (trigger.first >= t) return false;
        for (std::size_t k = mention + 1; k < a.eventMentions.size(); ++k) {
            const auto& n = a.eventMentions[k];
            if (n.sentence != m().sentence) break;
            if (n.trigger.first < t && a.mentionEvent[k] >= 0 && a.mentionEvent[k] != event) {
                return false;
            }
        }
        return true;
    }
};

void phraseRoles(Ctx& c) {
    struct Rule {
        std::initializer_list<const char*> phrases;
        Role role;
        const char* note;
    };
    const Rule rules[] = {
        {{"accompanied by", "accompagnato da", "accompagnata da", "accompagnato dal",
          "accompagnato dall'", "accompagnata dall'", "accompagnato dalla", "accompagnata dal",
          "accompagnata dalla", "accompagnati da", "accompagnati dal"},
         Role::DelegationMember,
         "Named as accompanying"},
        {{"also attended by", "attended by", "with the participation of", "in the presence of",
          "al quale hanno partecipato", "alla quale hanno partecipato", "hanno partecipato",
          "alla presenza di", "alla presenza del", "con la partecipazione di",
          "con la partecipazione del", "joined by"},
         Role::Attendee,
         "Named as taking part"},
        {{"inaugurated by", "opened by", "inaugurata da", "inaugurato da", "aperta da", "aperto da",
          "inaugurata dal", "aperta dal", "inaugurato dal", "aperto dal"},
         Role::Opener,
         "Named as opening it"},
    };
    for (const auto& r : rules) {
        const int at = phraseEnd(c.a, c.sen.first, c.sen.last, r.phrases);
        if (at < 0 || !c.nearestBefore(at)) continue;
        c.add(listAfter(c.a, c.actors, at, c.sen.last, false), r.role, 0.8, r.note);
    }
    // "The event brought together ...": whoever the rest of the sentence names.
    const int together = phraseEnd(c.a, c.trigger.last, std::min(c.sen.last, c.trigger.last + 3),
                                   {"brought together", "gathered", "ha riunito", "hanno riunito",
                                    "ha visto la partecipazione di"});
    if (together < 0) return;
    for (const auto& x : c.actors) {
        if (x.range.first >= together && x.ref.type != Type::Country) {
            c.add({x}, Role::Attendee, 0.6, "Named among those it brought together");
        }
    }
}

/// "between X and Y", "tra X e Y" within a few words after the event word.
bool betweenRoles(Ctx& c) {
    for (int i = c.trigger.last; i < c.sen.last && i < c.trigger.last + 8; ++i) {
        if (!foldIs(c.a, i, {"between", "tra", "fra"})) continue;
        const auto list = listAfter(c.a, c.actors, i + 1, c.sen.last, true);
        if (list.size() < 2) return false;
        const Role role =
            c.kind() == EventKind::AgreementSigning ? Role::Signatory : Role::Attendee;
        c.add(list, role, 0.8, "Named as the two sides");
        return true;
    }
    return false;
}

/// "with X", "con X" right after a meeting word.
bool withRoles(Ctx& c) {
    int i = c.trigger.last;
    if (i < c.sen.last && !foldIs(c.a, i, {"with", "con"})) {
        // "held a bilateral meeting with", "hold talks with": the phrase is the word.
        return false;
    }
    const auto list = listAfter(c.a, c.actors, i + 1, c.sen.last, false);
    if (list.empty()) return false;
    c.add(list, Role::Attendee, 0.8, "Named as met");
    c.add(subjectOf(c.a, c.actors, c.sen.first, c.trigger), Role::Attendee, 0.75,
          "The sentence's subject");
    return true;
}

void visitRoles(Ctx& c) {
    // "the official visit to Italy on July 2–3 by X": "by" in the same clause, before a comma.
    int clauseEnd = std::min(c.sen.last, c.trigger.last + 12);
    for (int i = c.trigger.last; i < clauseEnd; ++i) {
        if (foldIs(c.a, i, {",", ";", "("})) clauseEnd = i;
    }
    const int by = phraseEnd(c.a, c.trigger.last, clauseEnd, {"by", "di", "del", "della", "dell'"});
    auto guest = by >= 0 ? listAfter(c.a, c.actors, by, c.sen.last, false) : std::vector<ActorAt>{};
    // "invitation to pay an official visit": the one invited is the visitor (linkInvitations).
    bool invited = false;
    for (std::size_t k = 0; k < c.mention; ++k) {
        const auto& n = c.a.eventMentions[k];
        invited = invited || (n.sentence == c.m().sentence && c.a.word(n).form == "invite");
    }
    if (guest.empty() && !invited) guest = nearestBefore(c.actors, c.trigger);
    c.add(guest, Role::Guest, 0.75, "The visitor");
    // The destination: a country or place after "to", "in", "a" (or right after "visit").
    for (int i = c.trigger.last; i < c.sen.last && i < c.trigger.last + 8; ++i) {
        const bool prep = foldIs(c.a, i, {"to", "in", "a", "nel", "nella", "alla", "verso"});
        if (!prep && i != c.trigger.last) continue;
        const int at = prep ? i + 1 : i;
        const int where = at + (foldIs(c.a, at, {"the"}) ? 1 : 0);
        for (const auto& x : c.actors) {
            if (x.ref.type == Type::Country && x.range.first == where) {
                c.add({x}, Role::Host, 0.8, "The country visited");
                return;
            }
        }
        for (const auto& p : c.a.places) {
            const auto* country = c.a.tables.country(p.country);
            if (p.range.first != where || !country) continue;
            const int index = static_cast<int>(country - c.a.tables.countries.data());
            c.add({{p.range, {Type::Country, index}}}, Role::Host, 0.7,
                  "The country of the place visited");
            return;
        }
    }
}

void inviteRoles(Ctx& c) {
    const auto& form = c.a.word(c.m()).form;
    // "at the invitation of X", "l'invito del Primo Ministro Lim", "invitation from X".
    const int of = phraseEnd(c.a, c.trigger.last, std::min(c.sen.last, c.trigger.last + 2),
                             {"of", "from", "di", "del", "della", "dell'", "dello"});
    if (of >= 0)
        c.add(listAfter(c.a, c.actors, of, c.sen.last, false), Role::Inviter, 0.8,
              "Named as inviting");
    // "the Prime Minister’s invitation": the possessor right before.
    for (const auto& x : c.actors) {
        if (x.range.last + 1 == c.trigger.first && foldIs(c.a, x.range.last, {"'s"})) {
            c.add({x}, Role::Inviter, 0.8, "Named as inviting");
        }
    }
    if (form == "invite" && c.a.eventMentions[c.mention].definite == false && of < 0) {
        // "X invited Y", "X ha invitato Y".
        const bool verb =
            !foldIs(c.a, c.trigger.first, {"invitation", "invitations", "invito", "inviti"});
        if (verb) {
            c.add(subjectOf(c.a, c.actors, c.sen.first, c.trigger), Role::Inviter, 0.8,
                  "The sentence's subject invites");
            const auto objects = objectsOf(c.a, c.actors, c.mention, c.sen.last);
            if (!objects.empty()) c.add({objects.front()}, Role::Invitee, 0.8, "Named as invited");
        }
    }
}

void chairRoles(Ctx& c) {
    for (const auto& x : c.actors) {
        if (x.ref.type != Type::Country || x.range.last > c.trigger.first ||
            c.trigger.first - x.range.last > 2) {
            continue;
        }
        const bool bloc = c.a.tables.countries[static_cast<std::size_t>(x.ref.index)].bloc;
        c.add({x}, bloc ? Role::Subject : Role::Chair, 0.8,
              bloc ? "The bloc presided" : "The country presiding");
    }
    for (const auto& cm : c.a.countries) {
        if (cm.sentence == c.m().sentence && cm.possessive &&
            c.trigger.first - cm.range.last <= 2 && cm.range.last <= c.trigger.first) {
            c.add({{cm.range, {Type::Country, cm.country}}}, Role::Chair, 0.8,
                  "The country presiding");
        }
    }
}

/// The subject chairs it: "will chair a business forum", "presiederà".
bool chairedBySubject(const Ctx& c) {
    for (int i = std::max(c.sen.first, c.trigger.first - 4); i < c.trigger.first; ++i) {
        if (foldIs(c.a, i,
                   {"chair", "chairs", "chaired", "chairing", "presiedera", "presiede",
                    "presieduto", "host", "hosts", "hosted"})) {
            return true;
        }
    }
    return false;
}

/// "was received by Meloni", "era stato ricevuto ... dalla presidente": the subject is the
/// guest and the one after "by" the host.
bool passiveReceive(Ctx& c, const std::vector<ActorAt>& subject) {
    if (!foldIs(c.a, c.trigger.first - 1,
                {"was", "were", "is", "are", "been", "being", "stato", "stata", "stati", "state",
                 "viene", "venne"})) {
        return false;
    }
    c.add(subject, Role::Guest, 0.8, "The sentence's subject is received");
    const int by = phraseEnd(c.a, c.trigger.last, std::min(c.sen.last, c.trigger.last + 8),
                             {"by", "da", "dal", "dalla", "dall'", "dai", "dagli"});
    if (by >= 0) {
        c.add(listAfter(c.a, c.actors, by, c.sen.last, false), Role::Host, 0.8,
              "Named as receiving");
    }
    return true;
}

void verbRoles(Ctx& c, const std::string& form) {
    const auto subject = subjectOf(c.a, c.actors, c.sen.first, c.trigger);
    const auto objects = objectsOf(c.a, c.actors, c.mention, c.sen.last);
    if (form == "receive" && passiveReceive(c, subject)) return;
    if (form == "receive") {
        c.add(subject, Role::Host, 0.8, "The sentence's subject receives");
        if (!objects.empty()) c.add({objects.front()}, Role::Guest, 0.8, "Named as received");
        return;
    }
    if (form == "call") {
        c.add(subject, Role::Attendee, 0.8, "The sentence's subject calls on");
        if (!objects.empty()) c.add({objects.front()}, Role::Attendee, 0.8, "Named as called on");
        return;
    }
    if (form == "accept") {
        c.add(subject, Role::Invitee, 0.8, "The sentence's subject accepts the invitation");
        return;
    }
    if (c.kind() == EventKind::Inauguration) {
        // What was inaugurated: an organisation named before ("the Embassy ... inaugurated").
        for (const auto& x : c.actors) {
            if (x.ref.type == Type::Org && x.range.last <= c.trigger.first) {
                c.add({x}, Role::Subject, 0.7, "What was inaugurated");
            }
        }
        return;
    }
    const Role role = c.kind() == EventKind::AgreementSigning ? Role::Signatory : Role::Attendee;
    c.add(subject, role, 0.75, "The sentence's subject");
    if (c.kind() == EventKind::BilateralMeeting || c.kind() == EventKind::Talks ||
        c.kind() == EventKind::PhoneCall) {
        c.add(objects, Role::Attendee, 0.75, "Named as met");
    }
}

/// A verb of taking part between the subject and the event word: "delivered a lecture",
/// "will attend a summit", "parteciperà a un forum". Without one the subject may only speak of
/// the event ("expressed satisfaction with the roundtable").
bool takesPartVerb(const Ctx& c) {
    for (int i = c.sen.first; i < c.trigger.first; ++i) {
        const auto& f = c.a.tokens[static_cast<std::size_t>(i)].fold;
        for (const char* stem :
             {"attend", "particip", "deliver", "address", "chair", "open", "spoke", "speak",
              "took part", "take part", "presied", "interv", "tenut", "apert", "host", "join"}) {
            if (f.starts_with(stem)) return true;
        }
    }
    return false;
}

/// "During a meeting, both leaders ...": the subject after the comma.
std::vector<ActorAt> subjectAfterComma(const Ctx& c) {
    for (int i = c.trigger.last; i < c.sen.last && i < c.trigger.last + 4; ++i) {
        if (foldIs(c.a, i, {","})) return listAfter(c.a, c.actors, i + 1, c.sen.last, false);
    }
    return {};
}

void nounRoles(Ctx& c) {
    auto subject = subjectOf(c.a, c.actors, c.sen.first, c.trigger);
    if (c.kind() == EventKind::Roundtable || c.kind() == EventKind::Summit ||
        c.kind() == EventKind::Statement) {
        if (!takesPartVerb(c)) return;
        c.add(subject, chairedBySubject(c) ? Role::Chair : Role::Attendee, 0.7,
              "The sentence's subject takes part");
        return;
    }
    if (c.kind() == EventKind::AgreementSigning || c.kind() == EventKind::Inauguration) return;
    if (subject.empty()) subject = subjectAfterComma(c);
    c.add(subject, Role::Attendee, 0.65, "The sentence's subject");
}

}  // namespace

void partsFromMention(Analysis& a, std::size_t mention, int event) {
    const auto& m = a.eventMentions[mention];
    Ctx c{a,
          mention,
          event,
          a.sentences[static_cast<std::size_t>(m.sentence)],
          actorsIn(a, m.sentence),
          m.trigger};
    const auto& form = a.word(m).form;
    phraseRoles(c);
    if (form == "refer") return;
    if (c.kind() == EventKind::Chairmanship) return chairRoles(c);
    if (form == "invite") return inviteRoles(c);
    if (isVisitKind(c.kind()) && m.word >= 0 && isVisitKind(a.word(m).kind)) return visitRoles(c);
    if (betweenRoles(c)) return;
    if (form == "noun" && withRoles(c)) return;
    if (form == "noun") return nounRoles(c);
    verbRoles(c, form);
}

namespace {

/// "Per parte italiana, erano presenti ...", "Also present was ...": those named were at the
/// last meeting told.
void presentAtLastMeeting(Analysis& a, std::size_t s) {
    const auto& sen = a.sentences[s];
    const int at = phraseEnd(a, sen.first, sen.last,
                             {"also present", "were present", "was present", "were also present",
                              "was also present", "erano presenti", "era presente",
                              "erano inoltre presenti", "hanno partecipato", "ha partecipato"});
    if (at < 0) return;
    int meeting = -1;
    for (std::size_t e = 0; e < a.events.size(); ++e) {
        const auto k = a.events[e].kind;
        if (a.events[e].sentence < static_cast<int>(s) &&
            (k == EventKind::BilateralMeeting || k == EventKind::Talks)) {
            meeting = static_cast<int>(e);
        }
    }
    if (meeting < 0 ||
        static_cast<int>(s) - a.events[static_cast<std::size_t>(meeting)].sentence > 5) {
        return;
    }
    for (const auto& x : actorsIn(a, static_cast<int>(s))) {
        if (x.ref.type == ActorRef::Type::Country) continue;
        addPart(a, meeting, x, Role::Attendee, {at - 2, at}, 0.7, "Named as present");
    }
}

}  // namespace

void partsFromLooseSentences(Analysis& a) {
    for (std::size_t s = 0; s < a.sentences.size(); ++s) {
        if (!Analysis::inSentence(a.eventMentions, static_cast<int>(s)).empty()) continue;
        presentAtLastMeeting(a, s);
        const auto& sen = a.sentences[s];
        const int at = phraseEnd(a, sen.first, sen.last,
                                 {"accompanied by", "accompagnato da", "accompagnata da",
                                  "accompagnato dal", "accompagnata dal", "accompagnato dalla"});
        if (at < 0) continue;
        int visit = -1;
        for (std::size_t e = 0; e < a.events.size(); ++e) {
            if (a.events[e].sentence < static_cast<int>(s) && isVisitKind(a.events[e].kind)) {
                visit = static_cast<int>(e);
            }
        }
        if (visit < 0) continue;
        const auto actors = actorsIn(a, static_cast<int>(s));
        for (const auto& x : listAfter(a, actors, at, sen.last, false)) {
            addPart(a, visit, x, Role::DelegationMember, {at - 2, at}, 0.7,
                    "Named as accompanying the visitor");
        }
    }
}

}  // namespace bilateral::draft::detail
