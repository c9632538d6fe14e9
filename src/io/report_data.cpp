// Collects a report's data through the query API (the one place the report asks it questions)
// and the store's reads for evidence and sources; reads source texts for quoted passages.

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "bilateral/error.hpp"
#include "bilateral/query/queries.hpp"
#include "bilateral/store/store.hpp"
#include "report_data.hpp"

namespace bilateral::io::report {
namespace {

/// Code points [start, end) of UTF-8 text; empty when out of range.
std::string codePoints(const std::string& text, long long start, long long end) {
    long long cp = 0;
    std::size_t from = std::string::npos, to = std::string::npos;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (cp == start) from = i;
        if (cp == end) {
            to = i;
            break;
        }
        ++cp;
    }
    if (from == std::string::npos || to == std::string::npos || to < from) return {};
    return text.substr(from, to - from);
}

struct Texts {
    std::map<std::string, std::string> text;  // source id -> text, when at hand
};

std::vector<Quote> quotes(const std::vector<model::Evidence>& ev, const Texts& t) {
    std::vector<Quote> out;
    for (const auto& e : ev) {
        Quote q;
        q.source = e.source;
        q.basis = std::string(model::toString(e.basis));
        q.note = e.note.value_or("");
        if (e.span) {
            q.start = e.span->start;
            q.end = e.span->end;
            if (auto it = t.text.find(e.source); it != t.text.end()) {
                q.text = codePoints(it->second, q.start, q.end);
                q.fromSource = !q.text.empty();
            }
        }
        if (q.text.empty() && e.quote) q.text = *e.quote;
        out.push_back(std::move(q));
    }
    return out;
}

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

Data collect(store::Store& store, const ReportSelection& sel, const ReportOptions& options) {
    Data d;
    // Whole store: parents stay known when the window leaves them out.
    const auto index = query::Index::build(store);
    query::TimelineOptions to;
    to.window = {sel.from, sel.to};
    std::vector<query::EventIx> events;
    const auto requireCountry = [&](const std::string& c) {
        const auto all = index.countries();
        if (std::find(all.begin(), all.end(), c) == all.end())
            throw NotFoundError("no actor has country \"" + c + "\"");
    };
    if (!sel.actor.empty()) {
        const auto a = index.findActor(sel.actor);
        if (!a) throw NotFoundError("no actor \"" + sel.actor + "\"");
        events = query::timeline(index, *a, to);
        d.title = index.actor(*a).name;
        d.selection = "actor " + index.actor(*a).name + " (" + sel.actor + ")";
    } else if (!sel.countryB.empty()) {
        const auto a = upper(sel.countryA), b = upper(sel.countryB);
        requireCountry(a);
        requireCountry(b);
        events = query::dyadTimeline(index, a, b, to);
        d.title = a + " \u2013 " + b;
        d.selection = "dyad " + a + ":" + b;
    } else {
        const auto a = upper(sel.countryA);
        requireCountry(a);
        events = query::countryTimeline(index, a, to);
        d.title = a;
        d.selection = "country " + a;
    }

    // Sources and their texts.
    Texts texts;
    for (auto& s : store.sources()) {
        std::string status = "no file recorded";
        if (s.file) {
            status = "text not at hand";
            if (!options.sourcesDir.empty()) {
                std::ifstream in(options.sourcesDir / *s.file, std::ios::binary);
                if (in) {
                    std::ostringstream buf;
                    buf << in.rdbuf();
                    texts.text[s.id] = buf.str();
                    status = "text at hand: " + (options.sourcesDir / *s.file).string();
                }
            }
        }
        d.sourceStatus[s.id] = status;
        d.sources.push_back(std::move(s));
    }

    std::map<query::EventIx, std::size_t> eventSlot;
    std::map<query::ActorIx, std::size_t> actorSlot;
    for (const auto e : events) eventSlot.emplace(e, eventSlot.size());
    const auto slotOf = [&](query::ActorIx a) {
        auto [it, added] = actorSlot.emplace(a, d.actors.size());
        if (added) {
            const auto& x = index.actor(a);
            d.actors.push_back({x.id, x.name, std::string(model::toString(x.kind)), x.country, 0});
        }
        return it->second;
    };
    for (const auto e : events) {
        const auto& x = index.event(e);
        const auto full = store.getEvent(x.id);
        Event ev;
        ev.id = x.id;
        ev.title = x.title;
        ev.kind = std::string(model::toString(x.kind));
        ev.status = std::string(model::toString(x.status));
        const auto start = index.startOf(e), end = index.endOf(e);
        ev.datedByParent = !x.start && !x.end && start;
        ev.dated = x.earliest != query::kUndated;
        ev.first = x.earliest;
        ev.last = x.latest;
        ev.partial = (start && start->precision() != model::Precision::Day) ||
                     (end && end->precision() != model::Precision::Day);
        ev.when =
            !start ? "undated" : start->toString() + (end ? " \u2013 " + end->toString() : "");
        if (x.parent)
            if (auto it = eventSlot.find(*x.parent); it != eventSlot.end())
                ev.parent = static_cast<int>(it->second);
        for (const auto& p : full.participants) {
            const auto a = index.findActor(p.actor);
            if (!a) continue;
            ev.participants.push_back(
                {slotOf(*a), std::string(model::toString(p.role)), quotes(p.evidence, texts)});
        }
        ev.evidence = quotes(full.evidence, texts);
        d.events.push_back(std::move(ev));
    }

    // Who met whom within the selection: each actor's counterparts (query::whoMet) at the
    // selection's events.
    query::WhoMetOptions wo;
    wo.window = {sel.from, sel.to};
    std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> pairs;
    std::vector<query::ActorIx> cast;
    for (const auto& [a, slot] : actorSlot) cast.push_back(a);
    for (const auto a : cast) {
        for (const auto& c : query::whoMet(index, a, wo)) {
            const auto other = actorSlot.find(c.actor);
            if (other == actorSlot.end()) continue;
            const auto sa = actorSlot[a], sb = other->second;
            if (sa >= sb) continue;
            std::vector<std::size_t> at;
            for (const auto e : c.events)
                if (auto it = eventSlot.find(e); it != eventSlot.end()) at.push_back(it->second);
            if (!at.empty()) pairs[{sa, sb}] = std::move(at);
        }
    }
    for (auto& [k, at] : pairs) {
        d.actors[k.first].meetings += static_cast<long long>(at.size());
        d.actors[k.second].meetings += static_cast<long long>(at.size());
        d.meetings.push_back({k.first, k.second, std::move(at)});
    }
    std::stable_sort(d.meetings.begin(), d.meetings.end(), [](const auto& x, const auto& y) {
        return x.events.size() > y.events.size();
    });
    return d;
}

}  // namespace bilateral::io::report
