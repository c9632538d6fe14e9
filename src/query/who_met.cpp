// Who met whom: counterparts sharing an occurred event of a counting kind, on another side
// (docs/queries.md, "Sides"), meetings counted once.

#include <algorithm>

#include "bilateral/error.hpp"
#include "bilateral/rules/sides.hpp"
#include "index_data.hpp"

namespace bilateral::query {

namespace {

/// A counterpart's side, rows, meetings (an event file's rows of one meeting once) and the
/// starts of its earliest and latest dated meetings.
void finish(const Index& index, Counterpart& c, std::uint32_t side,
            std::vector<std::uint32_t>& meetings) {
    const auto& d = detail::data(index);
    if (side != Participation::kNoSide &&
        rules::shownSide(d.sideNames[side], index.actor(c.actor).id))
        c.side = d.sideNames[side];
    c.rows = static_cast<std::int64_t>(c.events.size());
    meetings.clear();
    for (const auto e : c.events) meetings.push_back(d.meeting[e.value]);
    std::sort(meetings.begin(), meetings.end());
    c.meetings = std::unique(meetings.begin(), meetings.end()) - meetings.begin();
    // Events are in timeline order: the first dated one starts earliest, the last dated one
    // starts latest (undated events sort last).
    for (const auto e : c.events) {
        if (d.earliest[e.value] == kUndated) break;
        if (auto start = index.startOf(e)) {
            c.first = start;
            break;
        }
    }
    for (auto it = c.events.rbegin(); it != c.events.rend(); ++it) {
        if (d.earliest[it->value] == kUndated) continue;
        if (auto start = index.startOf(*it)) {
            c.last = start;
            break;
        }
    }
}

}  // namespace

std::vector<Counterpart> whoMet(const Index& index, ActorIx actor, const WhoMetOptions& options) {
    const auto& d = detail::data(index);
    if (actor.value >= d.actors.size()) throw InvalidArgumentError("actor index out of range");

    const auto mask = detail::kindMask(countingKinds(options));
    const rules::DayWindow window(options.window.from, options.window.to);

    // slot[b] = position of b's Counterpart in `out` while stamp[b] is this call's stamp.
    auto& s = detail::scratch(0);
    const auto stamp = s.begin(d.actors.size());
    std::vector<Counterpart> out;
    std::vector<std::uint32_t> sideOf;  // by position in `out`: smallest side seen, or none
    rules::SelfInEvent self;
    auto sideView = [&](std::uint32_t side) -> std::optional<std::string_view> {
        if (side == Participation::kNoSide) return std::nullopt;
        return std::string_view(d.sideNames[side]);
    };
    for (const auto e : d.actorEvents.row(actor)) {
        const auto i = e.value;
        if (d.status[i] != model::EventStatus::Occurred || !detail::inMask(mask, d.kind[i]) ||
            !window.admits(d.earliest[i], d.latest[i])) {
            continue;
        }
        const auto parts = d.participants.row(e);
        self.clear();
        for (const auto& p : parts) {
            if (p.actor == actor) self.add(p.role, sideView(p.side));
        }
        for (const auto& p : parts) {
            const auto b = p.actor.value;
            if (p.actor == actor ||
                !self.counts(p.role, sideView(p.side), options.anySide, options.coParticipants))
                continue;
            if (s.stamp[b] != stamp) {
                s.stamp[b] = stamp;
                s.slot[b] = static_cast<std::uint32_t>(out.size());
                out.push_back(Counterpart{p.actor, 0, std::nullopt, std::nullopt, {}, 0, {}});
                sideOf.push_back(Participation::kNoSide);
            }
            auto& side = sideOf[s.slot[b]];
            if (p.side != Participation::kNoSide &&
                (side == Participation::kNoSide || d.sideNames[p.side] < d.sideNames[side])) {
                side = p.side;
            }
            auto& c = out[s.slot[b]];
            if (!c.events.empty() && c.events.back() == e) continue;  // b in two roles
            c.events.push_back(e);
        }
    }
    std::vector<std::uint32_t> meetings;
    for (std::size_t k = 0; k < out.size(); ++k) finish(index, out[k], sideOf[k], meetings);
    std::sort(out.begin(), out.end(), [&](const Counterpart& a, const Counterpart& b) {
        const auto x = options.countRows ? a.rows : a.meetings;
        const auto y = options.countRows ? b.rows : b.meetings;
        if (x != y) return x > y;
        const auto& an = d.actors[a.actor.value];
        const auto& bn = d.actors[b.actor.value];
        if (an.name != bn.name) return an.name < bn.name;
        return a.actor < b.actor;  // actors are in natural id order
    });
    return out;
}

}  // namespace bilateral::query
