// Status, dates, parents and links of the events (settle.cpp runs them in order).

#include <algorithm>

#include "settle_detail.hpp"

namespace bilateral::draft::detail {
namespace {

using model::EventKind;
using model::EventStatus;
using model::Role;

/// A copy: parts are added to events while others are read.
std::optional<Part> partWith(const EventDraft& ev, Role role) {
    for (const auto& p : ev.parts) {
        if (p.role == role) return p;
    }
    return std::nullopt;
}

/// The last tense cue before the event word in its sentence: true for future, false for past,
/// nullopt for none.
std::optional<std::pair<bool, int>> cueBefore(const Analysis& a, const EventMention& m) {
    const auto& sen = a.sentences[static_cast<std::size_t>(m.sentence)];
    std::optional<std::pair<bool, int>> last;
    for (const auto& c : a.cues) {
        // A cue inside the event's words counts: "si recherà", "will meet".
        if (c.token >= sen.first && c.token < m.trigger.last)
            last = std::make_pair(c.future, c.token);
    }
    return last;
}

void statusOf(Analysis& a, EventDraft& ev) {
    if (ev.mention < 0) return;
    const auto& m = a.eventMentions[static_cast<std::size_t>(ev.mention)];
    const auto cue = cueBefore(a, m);
    if (!cue || !cue->first) return;
    const auto& form = a.word(m).form;
    // An invitation or acceptance is made when told, unless its own verb is in the future.
    const int distance = m.trigger.first - cue->second;
    if ((form == "invite" || form == "accept") && (distance > 2 || distance < 1)) return;
    ev.status = EventStatus::Planned;
    ev.statusWhy = "\"" + a.writtenUtf8({cue->second, cue->second + 1}) +
                   "\" before the event word tells it lies ahead";
}

}  // namespace

void setStatusAndDates(Analysis& a) {
    for (auto& ev : a.events) {
        statusOf(a, ev);
        if (ev.date < 0) continue;
        const auto& dm = a.dates[static_cast<std::size_t>(ev.date)];
        const auto r = resolveDate(dm, a.published, ev.status == EventStatus::Planned);
        ev.dateWhy = r.why;
        if (!r.start) {
            a.notes.push_back("\"" + a.writtenUtf8(dm.range) + "\": " + r.why);
            continue;
        }
        ev.start = r.start;
        ev.end = r.end;
        if (!ev.end && ev.days > 1 && r.start->precision() == model::Precision::Day) {
            ev.end = model::Date::fromDayNumber(r.start->earliest() + ev.days - 1);
        }
        if (a.published && ev.status == EventStatus::Occurred &&
            r.start->earliest() > a.published->latest()) {
            ev.status = EventStatus::Planned;
            ev.statusWhy = "its date lies after the publication date";
        }
    }
}

namespace {

/// A title line: the first line, not ended by a full stop.
bool inHeadline(const Analysis& a, const EventDraft& ev) {
    if (ev.sentence != 0 || a.sentences.empty()) return false;
    const int last = a.sentences.front().last - 1;
    return !foldIs(a, last, {".", "!", "?"});
}

bool sharesPart(const EventDraft& x, const EventDraft& y) {
    return std::any_of(x.parts.begin(), x.parts.end(), [&](const Part& p) {
        return std::any_of(y.parts.begin(), y.parts.end(),
                           [&](const Part& q) { return q.actor == p.actor; });
    });
}

bool sameEvent(const Analysis& a, const EventDraft& x, const EventDraft& y) {
    if (x.kind != y.kind || x.status != y.status) return false;
    if (x.start && y.start) return *x.start == *y.start && x.end == y.end;
    // A headline tells briefly what the text then tells with its date.
    return !x.start && inHeadline(a, x) && (x.parts.empty() || sharesPart(x, y));
}

/// Event `from` joins event `into`: its evidence, parts and place.
void join(Analysis& a, std::size_t into, std::size_t from) {
    auto& keep = a.events[into];
    auto& gone = a.events[from];
    gone.dropped = true;
    if (inHeadline(a, keep)) std::swap(keep.evidence, gone.evidence);  // the text's, first
    keep.more.push_back(gone.evidence);
    for (const auto& p : gone.parts) {
        const bool has = std::any_of(keep.parts.begin(), keep.parts.end(),
                                     [&](const Part& q) { return q.actor == p.actor; });
        if (!has) keep.parts.push_back(p);
    }
    if (keep.place < 0) keep.place = gone.place;
    for (auto& m : a.mentionEvent) {
        if (m == static_cast<int>(from)) m = static_cast<int>(into);
    }
}

}  // namespace

void mergeRepeated(Analysis& a) {
    for (std::size_t e = 0; e < a.events.size(); ++e) {
        if (a.events[e].dropped) continue;
        for (std::size_t f = e + 1; f < a.events.size(); ++f) {
            if (a.events[f].dropped || !sameEvent(a, a.events[e], a.events[f])) continue;
            // The dated one is kept; a headline's joins it.
            if (!a.events[e].start) {
                join(a, f, e);
                break;
            }
            join(a, e, f);
        }
    }
}

void dropUntold(Analysis& a) {
    for (auto& ev : a.events) {
        if (ev.mention < 0) continue;
        const auto& m = a.eventMentions[static_cast<std::size_t>(ev.mention)];
        if (m.definite && ev.date < 0 && ev.place < 0 && ev.parts.empty()) ev.dropped = true;
    }
}

namespace {

bool within(const EventDraft& inner, const EventDraft& outer) {
    if (!inner.start) return true;
    if (!outer.start) return false;
    const auto& outerEnd = outer.end ? *outer.end : *outer.start;
    const auto& innerEnd = inner.end ? *inner.end : *inner.start;
    return inner.start->earliest() >= outer.start->earliest() &&
           innerEnd.latest() <= outerEnd.latest();
}

bool takesParent(EventKind k) {
    return k == EventKind::BilateralMeeting || k == EventKind::Talks ||
           k == EventKind::Roundtable || k == EventKind::Statement ||
           k == EventKind::AgreementSigning || k == EventKind::IntentToMeet;
}

}  // namespace

void setParents(Analysis& a) {
    for (std::size_t e = 0; e < a.events.size(); ++e) {
        auto& ev = a.events[e];
        if (ev.dropped || !takesParent(ev.kind)) continue;
        int best = -1, latestBefore = -1;
        for (std::size_t v = 0; v < a.events.size(); ++v) {
            const auto& visit = a.events[v];
            if (v == e || visit.dropped || !isVisit(visit.kind) || visit.status != ev.status) {
                continue;
            }
            if (ev.start && visit.start) {
                if (within(ev, visit) && best < 0) best = static_cast<int>(v);
            } else if (!ev.start && visit.sentence <= ev.sentence) {
                latestBefore = static_cast<int>(v);
            }
        }
        if (best < 0) best = latestBefore;
        // An acceptance is given at the meeting just told.
        if (ev.kind == EventKind::IntentToMeet) {
            for (int m = static_cast<int>(e) - 1; m >= 0; --m) {
                const auto& meeting = a.events[static_cast<std::size_t>(m)];
                if (!meeting.dropped && meeting.kind == EventKind::BilateralMeeting &&
                    ev.sentence - meeting.sentence <= 2 && meeting.status == ev.status) {
                    best = m;
                    break;
                }
            }
        }
        ev.parent = best;
    }
}

namespace {

void copyPart(Analysis& a, int to, const Part& from, Role role, const std::string& note) {
    auto& ev = a.events[static_cast<std::size_t>(to)];
    for (const auto& p : ev.parts) {
        if (p.actor == from.actor) return;
    }
    ev.parts.push_back({from.actor, role, from.evidence, std::min(0.7, from.confidence), note});
}

}  // namespace

void linkInvitations(Analysis& a) {
    for (std::size_t i = 0; i < a.events.size(); ++i) {
        if (a.events[i].dropped || a.events[i].kind != EventKind::Invitation) continue;
        const int s = a.events[i].sentence;
        for (const auto& [k, e] : triggersIn(a, s)) {
            auto& other = a.events[static_cast<std::size_t>(e)];
            if (e == static_cast<int>(i) || other.dropped) continue;
            const Range r =
                cover(a.events[i].evidence, a.eventMentions[static_cast<std::size_t>(k)].trigger);
            const bool linked = std::any_of(a.links.begin(), a.links.end(), [&](const auto& l) {
                return (l.from == static_cast<int>(i) && l.to == e) ||
                       (l.from == e && l.to == static_cast<int>(i));
            });
            if (linked) continue;
            if (isVisit(other.kind)) {
                a.links.push_back({model::EventLinkKind::LeadsTo, static_cast<int>(i), e, r});
                // "invitation to visit", "invito ... a recarsi": the visit asked for lies ahead.
                const auto& inv = a.eventMentions[static_cast<std::size_t>(a.events[i].mention)];
                const auto& asked = a.eventMentions[static_cast<std::size_t>(k)];
                const bool after = asked.trigger.first > inv.trigger.first;
                const bool past =
                    other.start && a.published && other.start->latest() < a.published->earliest();
                if (after && !past && other.status == EventStatus::Occurred) {
                    other.status = EventStatus::Planned;
                    other.statusWhy = "it is the visit an invitation asks for";
                }
                const auto guest = partWith(other, Role::Guest);
                const auto invitee = partWith(a.events[i], Role::Invitee);
                if (guest && !invitee)
                    copyPart(a, static_cast<int>(i), *guest, Role::Invitee,
                             "The visitor is the one invited");
                if (invitee && !guest)
                    copyPart(a, e, *invitee, Role::Guest, "The one invited is to visit");
            } else if (other.kind == EventKind::IntentToMeet) {
                a.links.push_back({model::EventLinkKind::Answers, e, static_cast<int>(i), r});
                const auto acceptor = partWith(other, Role::Invitee);
                const auto inviter = partWith(a.events[i], Role::Inviter);
                if (acceptor)
                    copyPart(a, static_cast<int>(i), *acceptor, Role::Invitee,
                             "The one who accepts was invited");
                if (inviter)
                    copyPart(a, e, *inviter, Role::Inviter, "The invitation accepted is theirs");
            }
        }
    }
    // A visit someone was invited to, told with the invitation, gets the invitee as guest (the
    // acceptance came after the visit's parts were read).
    for (const auto& l : a.links) {
        if (l.kind != model::EventLinkKind::LeadsTo) continue;
        const auto invitee = partWith(a.events[static_cast<std::size_t>(l.from)], Role::Invitee);
        if (invitee && !partWith(a.events[static_cast<std::size_t>(l.to)], Role::Guest)) {
            copyPart(a, l.to, *invitee, Role::Guest, "The one invited is to visit");
        }
    }
}

}  // namespace bilateral::draft::detail
