// Events from the words that name or tell them: one event per word, except a word that tells
// an event told before ("the visit", "l'incontro" after it), an arrival that starts a visit the
// sentence names, and a participle that describes the event before it ("the Roundtable,
// inaugurated by ...").

#include <algorithm>

#include "analysis.hpp"

namespace bilateral::draft {
namespace {

using model::EventKind;

bool sameGroup(EventKind a, EventKind b) {
    if (b == EventKind::CodedEvent) return true;  // "the event": whichever came just before
    auto visit = [](EventKind k) {
        return k == EventKind::OfficialVisit || k == EventKind::StateVisit;
    };
    return a == b || (visit(a) && visit(b));
}

bool isVisit(EventKind k) {
    return k == EventKind::OfficialVisit || k == EventKind::StateVisit;
}

/// An event told before that a definite mention may name again: the latest of the same kind
/// in this or the two sentences before.
int antecedent(const Analysis& a, EventKind kind, int sentence) {
    for (int e = static_cast<int>(a.events.size()) - 1; e >= 0; --e) {
        const auto& ev = a.events[static_cast<std::size_t>(e)];
        if (ev.dropped || !sameGroup(ev.kind, kind)) continue;
        const int last = ev.more.empty() ? ev.sentence : a.sentenceIndex(ev.more.back().first);
        if (sentence - last <= 2) return e;
        return -1;
    }
    return -1;
}

/// "the Roundtable, inaugurated by": a participle right after another event word.
bool describesEventBefore(const Analysis& a, std::size_t k) {
    const auto& m = a.eventMentions[k];
    const auto& sen = a.sentences[static_cast<std::size_t>(m.sentence)];
    if (k == 0 || a.word(m).form != "verb") return false;
    const auto& prev = a.eventMentions[k - 1];
    if (prev.sentence != m.sentence || m.trigger.first - prev.trigger.last > 2) return false;
    return m.trigger.last < sen.last && foldIs(a, m.trigger.last, {"by", "da", "dal", "dalla"});
}

/// "Malaysia’s ASEAN presidency": a presidency needs a country and a bloc right before it.
bool chairmanshipHolds(const Analysis& a, const EventMention& m) {
    bool bloc = false, holder = false;
    for (const auto& c : a.countries) {
        if (c.sentence != m.sentence || c.range.last > m.trigger.first) continue;
        if (m.trigger.first - c.range.last > 2) continue;
        const auto& info = a.tables.countries[static_cast<std::size_t>(c.country)];
        if (info.bloc && c.range.last == m.trigger.first) bloc = true;
        if (!info.bloc && (c.possessive || c.adjective)) holder = true;
    }
    return bloc && holder;
}

bool sentenceHasVisit(const Analysis& a, int sentence, std::size_t except) {
    for (std::size_t k = 0; k < a.eventMentions.size(); ++k) {
        const auto& m = a.eventMentions[k];
        if (k != except && m.sentence == sentence && isVisit(a.word(m).kind) &&
            a.word(m).form != "arrive") {
            return true;
        }
    }
    return false;
}

bool sentenceHasInvitation(const Analysis& a, int sentence) {
    return std::any_of(a.eventMentions.begin(), a.eventMentions.end(), [&](const auto& m) {
        return m.sentence == sentence && a.word(m).form == "invite";
    });
}

/// Two words of one event side by side ("received a courtesy call"): the second joins the first.
int sameEventBeside(const Analysis& a, std::size_t k) {
    if (k == 0) return -1;
    const auto& m = a.eventMentions[k];
    const auto& prev = a.eventMentions[k - 1];
    if (prev.sentence != m.sentence || m.trigger.first - prev.trigger.last > 3) return -1;
    if (a.word(prev).kind != a.word(m).kind) return -1;
    return a.mentionEvent[k - 1];
}

}  // namespace

void buildEvents(Analysis& a) {
    a.mentionEvent.assign(a.eventMentions.size(), -1);
    for (std::size_t k = 0; k < a.eventMentions.size(); ++k) {
        const auto& m = a.eventMentions[k];
        const auto& w = a.word(m);
        if (w.form == "arrive" && sentenceHasVisit(a, m.sentence, k)) continue;
        if (w.form == "accept" && !sentenceHasInvitation(a, m.sentence)) continue;
        if (w.kind == EventKind::Chairmanship && !chairmanshipHolds(a, m)) continue;
        if (describesEventBefore(a, k)) {
            a.mentionEvent[k] = a.mentionEvent[k - 1];
            continue;
        }
        if (const int same = sameEventBeside(a, k); same >= 0) {
            a.mentionEvent[k] = same;
            continue;
        }
        if (w.form == "refer" && !m.definite) continue;
        if (m.definite) {
            const int e = antecedent(a, w.kind, m.sentence);
            if (e >= 0) {
                a.mentionEvent[k] = e;
                auto& ev = a.events[static_cast<std::size_t>(e)];
                if (ev.sentence != m.sentence) ev.more.push_back(m.trigger);
                continue;
            }
        }
        if (w.form == "refer") continue;
        EventDraft ev;
        ev.kind = w.kind;
        ev.attributes = w.attributes;
        ev.sentence = m.sentence;
        ev.mention = static_cast<int>(k);
        ev.evidence = m.trigger;
        a.mentionEvent[k] = static_cast<int>(a.events.size());
        a.events.push_back(std::move(ev));
    }
}

}  // namespace bilateral::draft
