// Who takes part in each event, and as what: the rules read the words around the event's word
// in its sentence (docs/draft.md, "Participations").

#include <algorithm>

#include "analysis.hpp"
#include "roles_detail.hpp"

namespace bilateral::draft {
namespace detail {

using model::EventKind;
using model::Role;

bool isVisitKind(EventKind k) {
    return k == EventKind::OfficialVisit || k == EventKind::StateVisit;
}

void addPart(Analysis& a, int event, const ActorAt& who, Role role, Range trigger, double conf,
             const std::string& note) {
    auto& ev = a.events[static_cast<std::size_t>(event)];
    for (auto& p : ev.parts) {
        if (p.actor == who.ref) {
            // A more telling role replaces "attendee".
            if (p.role == Role::Attendee && role != Role::Attendee) {
                p.role = role;
                p.evidence = cover(who.range, trigger);
                p.confidence = conf;
                p.note = note;
            }
            return;
        }
    }
    ev.parts.push_back({who.ref, role, cover(who.range, trigger), conf, note});
}

/// Actors listed right after token `from` ("X, Y and Z", "X e Y"), up to `end`: the first one
/// must start within two tokens (an article, a title's "the").
std::vector<ActorAt> listAfter(const Analysis& a, const std::vector<ActorAt>& actors, int from,
                               int end, bool countries) {
    std::vector<ActorAt> out;
    int at = from;
    for (const auto& x : actors) {
        if (!out.empty() && out.back().range.first == x.range.first) {
            out.push_back(x);  // the members of one group, or the posts of one plural title
            continue;
        }
        if (x.range.first < at || x.range.first >= end) continue;
        if (!countries && x.ref.type == ActorRef::Type::Country) continue;
        const int gap = x.range.first - at;
        bool joined = gap <= 2;
        if (!out.empty()) {
            joined = gap <= 4;
            for (int k = at; k < x.range.first && joined; ++k) {
                joined =
                    foldIs(a, k, {",",    "and", "e",  "&",    "the",    "il",   "la",    "l'",
                                  "i",    "gli", "le", "lo",   "his",    "her",  "their", "-",
                                  "with", "con", "as", "well", "nonche", "plus", "also",  "anche"});
            }
        }
        if (!joined) break;
        out.push_back(x);
        at = x.range.last;
    }
    return out;
}

/// The subject before `trigger`: the sentence's first person (or group) before it and those
/// listed with it.
std::vector<ActorAt> subjectOf(const Analysis& a, const std::vector<ActorAt>& actors,
                               int sentenceFirst, Range trigger) {
    for (const auto& x : actors) {
        if (x.range.first >= trigger.first) break;
        if (x.ref.type == ActorRef::Type::Country) continue;
        auto list = listAfter(a, actors, x.range.first, trigger.first, false);
        (void)sentenceFirst;
        return list;
    }
    return {};
}

/// The nearest person before the trigger (a visit's guest: "Lim Wei Ming, in visita").
std::vector<ActorAt> nearestBefore(const std::vector<ActorAt>& actors, Range trigger) {
    std::vector<ActorAt> out;
    for (const auto& x : actors) {
        if (x.range.first >= trigger.first) break;
        if (x.ref.type != ActorRef::Type::Person && x.ref.type != ActorRef::Type::Group) continue;
        if (!out.empty() && out.back().range.first == x.range.first) {
            out.push_back(x);
        } else {
            out = {x};
        }
    }
    return out;
}

/// Actors after the trigger, up to the next word that tells another event.
std::vector<ActorAt> objectsOf(const Analysis& a, const std::vector<ActorAt>& actors,
                               std::size_t mention, int sentenceLast) {
    const auto& m = a.eventMentions[mention];
    int end = sentenceLast;
    for (std::size_t k = mention + 1; k < a.eventMentions.size(); ++k) {
        const auto& n = a.eventMentions[k];
        if (n.sentence != m.sentence) break;
        if (a.word(n).form != "noun") {
            end = n.trigger.first;
            break;
        }
    }
    std::vector<ActorAt> out;
    for (const auto& x : actors) {
        if (x.range.first >= m.trigger.last && x.range.first < end &&
            x.ref.type != ActorRef::Type::Country) {
            out.push_back(x);
        }
    }
    return out;
}

/// The token after a phrase ("accompanied by", "with the participation of") in the sentence,
/// from `from`; -1 when it is not there.
int phraseEnd(const Analysis& a, int from, int last, std::initializer_list<const char*> phrases) {
    for (int i = from; i < last; ++i) {
        for (const char* p : phrases) {
            std::string_view rest(p);
            int k = i;
            bool ok = true;
            while (!rest.empty() && ok) {
                const auto sp = rest.find(' ');
                const auto word = rest.substr(0, sp);
                ok = k < last && a.tokens[static_cast<std::size_t>(k)].fold == word;
                ++k;
                rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
            }
            if (ok) return k;
        }
    }
    return -1;
}

}  // namespace detail

void assignParts(Analysis& a) {
    for (std::size_t k = 0; k < a.eventMentions.size(); ++k) {
        const int e = a.mentionEvent[k];
        if (e < 0) continue;
        detail::partsFromMention(a, k, e);
    }
    detail::partsFromLooseSentences(a);
}

}  // namespace bilateral::draft
