// Index::build (buildIndex), continued: participations with their sides, each actor's events
// and co-participants, relations, countries and pairs of countries, links between events.

#include <algorithm>
#include <numeric>

#include "index_builder.hpp"

namespace bilateral::query::build {

std::uint32_t Builder::sideNumber(std::string_view name) {
    if (const auto it = sideNumbers.find(name); it != sideNumbers.end()) return it->second;
    const auto n = static_cast<std::uint32_t>(d.sideNames.size());
    d.sideNames.emplace_back(name);
    sideNumbers.emplace(std::string(name), n);
    return n;
}

std::vector<Builder::RawParticipation> Builder::scanParticipations(storage::TableScan& reader) {
    std::vector<RawParticipation> rows;
    rows.reserve(static_cast<std::size_t>(
        std::clamp<std::int64_t>(reader.maxParticipationRow(), 0, 1 << 27)));
    EnumReader<model::Role> roles;
    reader.participations([&](const storage::ParticipationScanRow& p) {
        rows.push_back(
            RawParticipation{p.event, p.actor, roles(p.role),
                             p.side.empty() ? Participation::kNoSide : sideNumber(p.side)});
    });
    return rows;
}

void Builder::participations(const std::vector<RawParticipation>& rows) {
    // Each actor's own side (model::ownSide), for participations that state none.
    std::vector<std::uint32_t> ownSide(d.actors.size(), Participation::kNoSide);
    for (std::size_t a = 0; a < d.actors.size(); ++a) {
        const auto& x = d.actors[a];
        if (const auto s = model::ownSide(x.kind, x.id, x.country)) ownSide[a] = sideNumber(*s);
    }
    std::vector<std::uint32_t> eventOf;
    std::vector<Participation> items;
    eventOf.reserve(rows.size());
    items.reserve(rows.size());
    for (const auto& r : rows) {
        const auto e = eventRows.find(r.event);
        if (e == RowMap::kNone) continue;
        const auto a = actorRows.find(r.actor);
        if (a == RowMap::kNone) continue;
        eventOf.push_back(e);
        items.push_back(
            Participation{ActorIx{a}, r.role,
                          r.statedSide != Participation::kNoSide ? r.statedSide : ownSide[a]});
    }
    fillCsr(d.participants, d.events.size(), eventOf, items);
}

void Builder::adjacency() {
    const std::size_t na = d.actors.size();
    const std::size_t ne = d.events.size();
    std::vector<std::uint32_t> last(na, RowMap::kNone);
    std::vector<ActorIx> distinct;
    // Calls f(e, distinct actors of e) for every event.
    auto forEachEvent = [&](auto&& f) {
        std::fill(last.begin(), last.end(), RowMap::kNone);
        for (std::uint32_t e = 0; e < ne; ++e) {
            distinct.clear();
            for (const auto& p : d.participants.row(e)) {
                if (last[p.actor.value] == e) continue;
                last[p.actor.value] = e;
                distinct.push_back(p.actor);
            }
            f(e, distinct);
        }
    };
    auto& ae = d.actorEvents;
    auto& nb = d.neighbours;
    ae.offsets.assign(na + 1, 0);
    std::vector<std::uint64_t> pairs(na + 1, 0);  // bucket sizes before dedup
    forEachEvent([&](std::uint32_t, const std::vector<ActorIx>& as) {
        for (const auto a : as) {
            ++ae.offsets[a.value + 1];
            pairs[a.value + 1] += as.size() - 1;
        }
    });
    std::partial_sum(ae.offsets.begin(), ae.offsets.end(), ae.offsets.begin());
    std::partial_sum(pairs.begin(), pairs.end(), pairs.begin());
    ae.items.resize(ae.offsets.back());
    std::vector<ActorIx> buckets(pairs.back());
    std::vector<std::uint32_t> nextEvent(ae.offsets.begin(), ae.offsets.end() - 1);
    std::vector<std::uint64_t> nextPair(pairs.begin(), pairs.end() - 1);
    forEachEvent([&](std::uint32_t e, const std::vector<ActorIx>& as) {
        for (const auto a : as) {
            ae.items[nextEvent[a.value]++] = EventIx{e};
            for (const auto b : as) {
                if (b != a) buckets[nextPair[a.value]++] = b;
            }
        }
    });
    nb.offsets.assign(na + 1, 0);
    std::size_t out = 0;
    for (std::size_t a = 0; a < na; ++a) {
        auto* b = buckets.data() + pairs[a];
        auto* e = buckets.data() + pairs[a + 1];
        std::sort(b, e);
        e = std::unique(b, e);
        for (auto* x = b; x != e; ++x) buckets[out++] = *x;  // compacts in place (out <= b)
        nb.offsets[a + 1] = static_cast<std::uint32_t>(out);
    }
    buckets.resize(out);
    buckets.shrink_to_fit();
    nb.items = std::move(buckets);
}

void Builder::relations() {
    struct Raw {
        std::string id;
        ActorIx from, to;
    };
    std::vector<Raw> raw;
    const rules::DayWindow window(filter.from, filter.to);
    reader.relations([&](const storage::RelationScanRow& r) {
        const auto f = actorRows.find(r.from);
        const auto t = actorRows.find(r.to);
        if (f == RowMap::kNone || t == RowMap::kNone) return;
        if (window.active) {
            const bool startsInTime = !r.validFrom.earliest || *r.validFrom.earliest <= window.to;
            const bool endsInTime = !r.validToLatest || *r.validToLatest >= window.from;
            if (!startsInTime || !endsInTime) return;
        }
        raw.push_back(Raw{std::string(r.id), ActorIx{f}, ActorIx{t}});
    });
    std::sort(raw.begin(), raw.end(),
              [](const Raw& a, const Raw& b) { return rules::naturalLess(a.id, b.id); });
    std::vector<std::uint32_t> rowOf;
    std::vector<RelationEdge> edges;
    for (std::uint32_t r = 0; r < raw.size(); ++r) {
        d.relationIds.push_back(std::move(raw[r].id));
        if (raw[r].from == raw[r].to) continue;
        rowOf.push_back(raw[r].from.value);
        edges.push_back(RelationEdge{raw[r].to, r});
        rowOf.push_back(raw[r].to.value);
        edges.push_back(RelationEdge{raw[r].from, r});
    }
    const std::size_t na = d.actors.size();
    fillCsr(d.relationEdges, na, rowOf, edges);
    auto& re = d.relationEdges;
    auto& rel = d.related;
    rel.offsets.assign(na + 1, 0);
    for (std::size_t a = 0; a < na; ++a) {
        auto* b = re.items.data() + re.offsets[a];
        auto* e = re.items.data() + re.offsets[a + 1];
        std::sort(b, e, [](const RelationEdge& x, const RelationEdge& y) {
            return x.other != y.other ? x.other < y.other : x.relation < y.relation;
        });
        for (auto* p = b; p != e; ++p) {
            if (p == b || p->other != (p - 1)->other) rel.items.push_back(p->other);
        }
        rel.offsets[a + 1] = static_cast<std::uint32_t>(rel.items.size());
    }
}

void Builder::countries() {
    const auto ec = eventCountries(countryCodes());
    countryEvents(ec);
    dyadEvents(ec);
}

std::vector<std::uint32_t> Builder::countryCodes() {
    std::vector<std::string_view> codes;
    for (const auto& a : d.actors) {
        if (!a.country.empty()) codes.push_back(a.country);
    }
    // [places] and the countries of the events' places (materialize() has run)
    for (const auto& e : d.events) {
        if (!e.placeCountry.empty()) codes.push_back(e.placeCountry);
    }
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    for (std::uint32_t c = 0; c < codes.size(); ++c) {
        d.countries.emplace_back(codes[c]);
        d.countryIndex.emplace(codes[c], c);
    }
    std::vector<std::uint32_t> countryOfActor(d.actors.size(), RowMap::kNone);
    for (std::size_t a = 0; a < d.actors.size(); ++a) {
        if (!d.actors[a].country.empty())
            countryOfActor[a] = d.countryIndex.find(d.actors[a].country)->second;
    }
    return countryOfActor;
}

Builder::EventCountries Builder::eventCountries(const std::vector<std::uint32_t>& countryOfActor) {
    const std::size_t ne = d.events.size();
    EventCountries out;
    auto& ec = out.of;
    ec.offsets.assign(ne + 1, 0);
    ec.items.reserve(d.participants.items.size());
    std::vector<std::uint32_t> seen(d.countries.size(), RowMap::kNone);
    out.placeOf.assign(ne, RowMap::kNone);
    for (std::uint32_t e = 0; e < ne; ++e) {
        for (const auto& p : d.participants.row(e)) {
            const auto c = countryOfActor[p.actor.value];
            if (c == RowMap::kNone || seen[c] == e) continue;
            seen[c] = e;
            ec.items.push_back(c);
        }
        ec.offsets[e + 1] = static_cast<std::uint32_t>(ec.items.size());
        if (const auto& pc = d.events[e].placeCountry; !pc.empty()) {
            const auto c = d.countryIndex.find(pc)->second;
            if (seen[c] != e) out.placeOf[e] = c;
        }
    }
    return out;
}

void Builder::countryEvents(const EventCountries& ec) {
    // Events are visited in timeline order, so rows come out sorted.
    auto& ce = d.countryEvents;
    ce.offsets.assign(d.countries.size() + 1, 0);
    for (auto c : ec.of.items) ++ce.offsets[c + 1];
    for (auto c : ec.placeOf) {
        if (c != RowMap::kNone) ++ce.offsets[c + 1];
    }
    std::partial_sum(ce.offsets.begin(), ce.offsets.end(), ce.offsets.begin());
    ce.items.resize(ce.offsets.back());
    std::vector<std::uint32_t> next(ce.offsets.begin(), ce.offsets.end() - 1);
    for (std::uint32_t e = 0; e < d.events.size(); ++e) {
        for (auto c : ec.of.row(e)) ce.items[next[c]++] = EventIx{e};
        if (ec.placeOf[e] != RowMap::kNone) ce.items[next[ec.placeOf[e]]++] = EventIx{e};
    }
}

void Builder::dyadEvents(const EventCountries& ec) {
    // Calls f(a, b) for each pair of the event: its participants' countries, then each of
    // them with its place's country (by place).
    auto forEachPair = [&](std::uint32_t e, auto&& f) {
        const auto cs = ec.of.row(e);
        for (std::size_t i = 0; i < cs.size(); ++i) {
            for (std::size_t j = i + 1; j < cs.size(); ++j) f(cs[i], cs[j]);
            if (ec.placeOf[e] != RowMap::kNone) f(cs[i], ec.placeOf[e]);
        }
    };
    // Pair → events: count per slot, then fill.
    const auto ne = static_cast<std::uint32_t>(d.events.size());
    d.pairSlots.reset(static_cast<std::uint32_t>(d.countries.size()));
    std::vector<std::uint32_t> perSlot;
    for (std::uint32_t e = 0; e < ne; ++e) {
        forEachPair(e, [&](std::uint32_t a, std::uint32_t b) {
            const auto next = static_cast<std::uint32_t>(perSlot.size());
            const auto slot = d.pairSlots.slotOrAdd(a, b, next);
            if (slot == next) perSlot.push_back(0);
            ++perSlot[slot];
        });
    }
    auto& de = d.dyadEvents;
    de.offsets.assign(perSlot.size() + 1, 0);
    std::partial_sum(perSlot.begin(), perSlot.end(), de.offsets.begin() + 1);
    de.items.resize(de.offsets.back());
    std::vector<std::uint32_t> next(de.offsets.begin(), de.offsets.end() - 1);
    for (std::uint32_t e = 0; e < ne; ++e) {
        forEachPair(e, [&](std::uint32_t a, std::uint32_t b) {
            de.items[next[d.pairSlots.find(a, b)]++] = EventIx{e};
        });
    }
}

std::vector<Builder::RawLink> Builder::scanLinks(storage::TableScan& reader) {
    std::vector<RawLink> rows;
    EnumReader<model::EventLinkKind> kinds;
    reader.eventLinks([&](const storage::EventLinkScanRow& l) {
        rows.push_back(RawLink{l.from, l.to, kinds(l.kind)});
    });
    return rows;
}

void Builder::links(const std::vector<RawLink>& rows) {
    std::vector<std::uint32_t> rowOf;
    std::vector<EventLinkInfo> items;
    for (const auto& l : rows) {
        const auto f = eventRows.find(l.from);
        const auto t = eventRows.find(l.to);
        if (f == RowMap::kNone || t == RowMap::kNone) continue;
        rowOf.push_back(f);
        items.push_back(EventLinkInfo{EventIx{t}, l.kind, true});
        rowOf.push_back(t);
        items.push_back(EventLinkInfo{EventIx{f}, l.kind, false});
    }
    fillCsr(d.links, d.events.size(), rowOf, items);
    for (std::size_t e = 0; e < d.events.size(); ++e) {
        auto* b = d.links.items.data() + d.links.offsets[e];
        auto* x = d.links.items.data() + d.links.offsets[e + 1];
        std::sort(b, x, [&](const EventLinkInfo& p, const EventLinkInfo& q) {
            if (p.outgoing != q.outgoing) return p.outgoing;
            // by the kind's name, as the file's answers order them
            if (p.kind != q.kind) return model::toString(p.kind) < model::toString(q.kind);
            return d.events[p.other.value].id < d.events[q.other.value].id;
        });
    }
}

}  // namespace bilateral::query::build
