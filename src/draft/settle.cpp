// Settling the events: which date and place each word's sentence gives it, whether it lies
// ahead, which visit it took place within, the links from invitations to visits and from
// acceptances to invitations, and the countries of persons the text leaves without one.

#include <algorithm>

#include "analysis.hpp"
#include "settle_detail.hpp"

namespace bilateral::draft {
namespace detail {

using model::EventKind;
using model::EventStatus;

bool isVisit(EventKind k) {
    return k == EventKind::OfficialVisit || k == EventKind::StateVisit;
}

/// Mentions of sentence s that made or joined an event: (mention, event).
std::vector<std::pair<int, int>> triggersIn(const Analysis& a, int s) {
    std::vector<std::pair<int, int>> out;
    for (const int k : Analysis::inSentence(a.eventMentions, s)) {
        const int e = a.mentionEvent[static_cast<std::size_t>(k)];
        if (e >= 0) out.emplace_back(k, e);
    }
    return out;
}

/// The event word a date or place at `r` belongs to: the nearest, one before it preferred.
int nearestEvent(const Analysis& a, const std::vector<std::pair<int, int>>& triggers, Range r) {
    int best = -1, bestCost = 1 << 30;
    for (const auto& [k, e] : triggers) {
        const Range t = a.eventMentions[static_cast<std::size_t>(k)].trigger;
        const int cost = t.last <= r.first ? r.first - t.last : t.first - r.last + 3;
        if (cost >= 0 && cost < bestCost) {
            bestCost = cost;
            best = e;
        }
    }
    return best;
}

/// "began on Monday", "arrived on Wednesday", "è arrivato ieri": the date starts a visit.
bool startsVisit(const Analysis& a, Range date) {
    for (int k = std::max(0, date.first - 3); k < date.first; ++k) {
        if (foldIs(a, k,
                   {"began", "begins", "started", "starts", "arrived", "arrives", "arriving",
                    "landed", "iniziata", "iniziato", "arrivato", "arrivata", "giunto", "giunta",
                    "cominciata"})) {
            return true;
        }
    }
    return false;
}

int visitIn(const Analysis& a, const std::vector<std::pair<int, int>>& triggers) {
    for (const auto& [k, e] : triggers) {
        if (isVisit(a.events[static_cast<std::size_t>(e)].kind)) return e;
    }
    return -1;
}

/// "three-day visit", "four-day", "visita di tre giorni": the length in days, 0 when none.
int daysAround(const Analysis& a, Range trigger) {
    static const std::pair<const char*, int> kNumbers[] = {
        {"one", 1},   {"two", 2}, {"three", 3}, {"four", 4},    {"five", 5},   {"six", 6},
        {"seven", 7}, {"due", 2}, {"tre", 3},   {"quattro", 4}, {"cinque", 5}, {"sei", 6}};
    for (int k = std::max(0, trigger.first - 3); k < trigger.last + 3; ++k) {
        if (k >= static_cast<int>(a.tokens.size())) break;
        const auto& f = a.tokens[static_cast<std::size_t>(k)].fold;
        for (const auto& [word, n] : kNumbers) {
            const std::string w(word);
            if (f == w + "-day" || (f == w && foldIs(a, k + 1, {"giorni"}))) return n;
        }
        if (f.ends_with("-day") && !f.empty() && f[0] >= '1' && f[0] <= '9') return f[0] - '0';
    }
    return 0;
}

void attachDates(Analysis& a) {
    for (std::size_t d = 0; d < a.dates.size(); ++d) {
        const auto& dm = a.dates[d];
        if (dm.dateline || dm.since || dm.standalone || dm.term) continue;
        const auto triggers = triggersIn(a, dm.sentence);
        int e = -1;
        if (startsVisit(a, dm.range)) e = visitIn(a, triggers);
        if (e < 0) e = nearestEvent(a, triggers, dm.range);
        if (e < 0) continue;
        auto& ev = a.events[static_cast<std::size_t>(e)];
        if (ev.date >= 0) continue;
        ev.date = static_cast<int>(d);
        ev.dateRange = dm.range;
        if (dm.sentence == ev.sentence) ev.evidence = cover(ev.evidence, dm.range);
    }
    for (auto& ev : a.events) {
        if (isVisit(ev.kind) && ev.mention >= 0) {
            ev.days = daysAround(a, a.eventMentions[static_cast<std::size_t>(ev.mention)].trigger);
        }
    }
}

/// A place is where an event is when a locative word comes before it.
bool locative(const Analysis& a, int t) {
    return foldIs(a, t - 1,
                  {"in", "at", "a", "alla", "al", "all'", "presso", "nel", "nella", "to", "nello",
                   "ad"}) ||
           (foldIs(a, t - 1, {"the"}) && foldIs(a, t - 2, {"at", "in", "to"}));
}

bool insideTitleOrName(const Analysis& a, Range r) {
    for (const auto& o : a.offices) {
        if (o.range.contains(r.first)) return true;
    }
    for (const auto& p : a.persons) {
        if (p.range.contains(r.first)) return true;
    }
    return false;  // a place in an organisation's name counts ("the Embassy in Kuala Lumpur")
}

void attachPlaces(Analysis& a) {
    // Countries named after a locative word are places too ("in Italia", "visit to Malaysia").
    for (const auto& cm : a.countries) {
        if (cm.adjective || !locative(a, cm.range.first)) continue;
        const auto& info = a.tables.countries[static_cast<std::size_t>(cm.country)];
        if (info.bloc) continue;
        a.places.push_back({cm.range, a.writtenUtf8(cm.range), info.code, cm.sentence});
    }
    std::stable_sort(a.places.begin(), a.places.end(),
                     [](const auto& x, const auto& y) { return x.range.first < y.range.first; });
    for (std::size_t p = 0; p < a.places.size(); ++p) {
        const auto& pm = a.places[p];
        if (!locative(a, pm.range.first) || insideTitleOrName(a, pm.range)) continue;
        const int e = nearestEvent(a, triggersIn(a, pm.sentence), pm.range);
        if (e < 0) continue;
        auto& ev = a.events[static_cast<std::size_t>(e)];
        if (ev.place >= 0) continue;
        ev.place = static_cast<int>(p);
        if (pm.sentence == ev.sentence && pm.range.first - ev.evidence.last < 12 &&
            ev.evidence.first - pm.range.last < 12) {
            ev.evidence = cover(ev.evidence, pm.range);
        }
    }
}

}  // namespace detail

void settleEvents(Analysis& a) {
    // In this order: each step reads what the ones before it settled.
    for (auto* step :
         {detail::attachDates, detail::attachPlaces, detail::setStatusAndDates,
          detail::mergeRepeated, detail::dropUntold, detail::setParents, detail::linkInvitations}) {
        step(a);
    }
}

}  // namespace bilateral::draft
