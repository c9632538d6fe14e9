// Collects a report's data through the answers of query/ (the one place the report asks its
// questions) and the engine's reads for evidence and sources; reads source texts for quoted
// passages. Nothing is loaded whole, so a report costs what its selection holds.

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "bilateral/error.hpp"
#include "bilateral/query/from_storage.hpp"
#include "bilateral/rules/sides.hpp"
#include "bilateral/rules/timeline.hpp"
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

/// The selection's events, answered through the answers of query/ (nothing is loaded whole),
/// with the report's title and the selection as words.
query::Page<query::EventRef> selectEvents(storage::Engine& engine, const ReportSelection& sel,
                                          Data& d) {
    query::TimelineOptions to;
    to.window = {sel.from, sel.to};
    if (!sel.actor.empty()) {
        const auto a = engine.actorRecord(sel.actor);
        if (!a) throw NotFoundError("no actor \"" + sel.actor + "\"");
        d.title = a->name;
        d.selection = "actor " + a->name + " (" + sel.actor + ")";
        return query::actorTimeline(engine, sel.actor, to);
    }
    if (!sel.countryB.empty()) {
        const auto a = upper(sel.countryA), b = upper(sel.countryB);
        d.title = a + " \u2013 " + b;
        d.selection = "dyad " + a + ":" + b;
        return query::dyadTimeline(engine, a, b, to);
    }
    const auto a = upper(sel.countryA);
    d.title = a;
    d.selection = "country " + a;
    return query::countryTimeline(engine, a, to);
}

/// The sources, and the texts of those whose file is at hand.
Texts readSources(storage::Engine& engine, const ReportOptions& options, Data& d) {
    Texts texts;
    engine.forEachSource([&](model::Source&& s) {
        std::string status = "no file recorded; quotes as the dataset gives them";
        if (s.file) {
            status = "file " + *s.file + " not read; quotes as the dataset gives them";
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
    });
    return texts;
}

/// An event of the page as the report draws it (its dates by rules::ownDays).
Event eventOf(const query::EventRef& x, const std::map<std::string, std::size_t>& eventSlot) {
    Event ev;
    ev.id = x.id;
    ev.title = x.title;
    ev.kind = std::string(model::toString(x.kind));
    ev.status = std::string(model::toString(x.status));
    ev.datedByParent = x.datedByParent;
    const auto days = rules::ownDays(x.start, x.end);
    ev.dated = days.dated();
    if (ev.dated) {
        ev.first = days.lo;
        ev.last = days.hi;
    }
    ev.partial = (x.start && x.start->precision() != model::Precision::Day) ||
                 (x.end && x.end->precision() != model::Precision::Day);
    ev.when =
        !x.start ? "undated" : x.start->toString() + (x.end ? " \u2013 " + x.end->toString() : "");
    if (!x.parent.empty())
        if (auto it = eventSlot.find(x.parent); it != eventSlot.end())
            ev.parent = static_cast<int>(it->second);
    return ev;
}

/// A participant of an event, for who met whom: its slot, role and side (rules::sideOf).
struct Present {
    std::size_t slot;
    model::Role role;
    std::optional<std::string> side;
};

/// The pairs of participants of one event who met there: who-met's rule (rules/sides.hpp).
std::set<std::pair<std::size_t, std::size_t>> metIn(const std::vector<Present>& present) {
    std::set<std::pair<std::size_t, std::size_t>> met;
    rules::SelfInEvent self;
    for (const auto& a : present) {
        self.clear();
        for (const auto& s : present) {
            if (s.slot == a.slot) self.add(s.role, s.side);
        }
        for (const auto& b : present) {
            if (b.slot > a.slot && self.counts(b.role, b.side, false)) met.emplace(a.slot, b.slot);
        }
    }
    return met;
}

}  // namespace

Data collect(storage::Engine& engine, const ReportSelection& sel, const ReportOptions& options) {
    Data d;
    const auto events = selectEvents(engine, sel, d);
    const auto texts = readSources(engine, options, d);
    std::map<std::string, std::size_t> eventSlot;
    std::map<std::string, std::size_t> actorSlot;
    for (const auto& e : events.items) eventSlot.emplace(e.id, eventSlot.size());
    const auto slotOf = [&](const query::ActorRef& x) {
        auto [it, added] = actorSlot.emplace(x.id, d.actors.size());
        if (added) {
            d.actors.push_back({x.id, x.name, std::string(model::toString(x.kind)), x.country, 0});
        }
        return it->second;
    };
    // Who met whom within the selection: two actors of an occurred event of a meeting kind, on
    // different sides (or either on none) and not of one delegation.
    std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> pairs;
    for (const auto& x : events.items) {
        const auto full = engine.findEvent(x.id);
        if (!full) continue;
        auto ev = eventOf(x, eventSlot);
        std::vector<Present> present;
        for (const auto& p : x.participants) {
            static const std::vector<model::Evidence> kNone;
            const auto* evidence = &kNone;
            std::optional<std::string_view> stated;
            for (const auto& fp : full->participants) {
                if (fp.actor == p.actor.id && fp.role == p.role) {
                    evidence = &fp.evidence;
                    if (fp.side) stated = *fp.side;
                }
            }
            const auto side = rules::sideOf(stated, p.actor.kind, p.actor.id, p.actor.country);
            const auto slot = slotOf(p.actor);
            present.push_back(
                {slot, p.role, side ? std::optional<std::string>(*side) : std::nullopt});
            ev.participants.push_back(
                {slot, std::string(model::toString(p.role)), quotes(*evidence, texts)});
        }
        ev.evidence = quotes(full->evidence, texts);
        ev.disagreements = x.disagreements;
        if (x.status == model::EventStatus::Occurred && model::isMeetingKind(x.kind)) {
            for (const auto& k : metIn(present)) pairs[k].push_back(eventSlot.at(x.id));
        }
        d.events.push_back(std::move(ev));
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
