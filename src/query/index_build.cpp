// Index::build: a few full-table scans of the store into compact arrays (see index_data.hpp).
// No per-row queries: rows are joined in memory through dense row-id maps, sorted once
// (timeline order), and grouped with counting sorts into CSR tables.

#include <algorithm>
#include <exception>
#include <numeric>
#include <thread>

#include "bilateral/error.hpp"
#include "bilateral/rules/natural_order.hpp"
#include "bilateral/sqlite/scans.hpp"
#include "bilateral/sqlite/store.hpp"
#include "index_build_helpers.hpp"
#include "index_data.hpp"

namespace bilateral::query {
namespace {

using namespace build;  // NOLINT(google-build-using-namespace): private helpers

// --- the scans -------------------------------------------------------------------------------

struct Builder {
    store::TableReader& reader;
    const IndexFilter& filter;
    detail::IndexData& d;
    RowMap actorRows;
    RowMap eventRows;  ///< event row → EventIx (kNone when filtered out)

    void actors() {
        std::vector<std::int64_t> rows;
        EnumReader<model::ActorKind> kinds;
        reader.actors([&](const store::ActorScanRow& r) {
            rows.push_back(r.row);
            d.actors.push_back(ActorInfo{std::string(r.id), std::string(r.name), kinds(r.kind),
                                         std::string(r.country)});
        });
        // Actors in natural id order, so answers do not depend on insertion order.
        std::vector<std::uint32_t> order(d.actors.size());
        std::iota(order.begin(), order.end(), 0u);
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return detail::naturalLess(d.actors[a].id, d.actors[b].id);
        });
        std::vector<ActorInfo> sorted;
        sorted.reserve(order.size());
        std::vector<std::pair<std::int64_t, std::uint32_t>> map;
        map.reserve(order.size());
        for (std::uint32_t ix = 0; ix < order.size(); ++ix) {
            sorted.push_back(std::move(d.actors[order[ix]]));
            map.emplace_back(rows[order[ix]], ix);
        }
        d.actors = std::move(sorted);
        actorRows.build(std::move(map));
        d.actorIds.build(d.actors.size(),
                         [&](std::uint32_t i) -> std::string_view { return d.actors[i].id; });
    }

    // What events() leaves for materialize(): the event rows in row order.
    struct RawEvent {
        std::int64_t row;
        std::int64_t parentRow;  ///< 0 when none
        DayNumber startLo, endLo;
        DayNumber lo, hi;                ///< own day range, kUndated when undated
        std::int8_t startPrec, endPrec;  ///< -1 when the date is absent
        model::EventKind kind;
        model::EventStatus status;
        std::int64_t meetingRow;  ///< 0 when a meeting of its own
    };
    std::vector<RawEvent> raw;
    Arena ids, titles, cameos, locations, placeCountries;
    std::vector<std::uint32_t> rankOf;     ///< by row position; kNone when filtered out
    std::vector<std::uint32_t> datedFrom;  ///< empty, or the row position whose dates apply
    [[nodiscard]] std::uint32_t datesOf(std::uint32_t i) const {
        return datedFrom.empty() || datedFrom[i] == RowMap::kNone ? i : datedFrom[i];
    }

    /// Scans the event table on `db` into compact columns in row order and three string arenas.
    /// Touches only those members, so it may run on another thread (and connection).
    void scanEvents(store::TableReader& reader, int lane) {
        // Row ids are usually dense: the largest one is a cheap upper bound of the count.
        raw.reserve(static_cast<std::size_t>(
            std::clamp<std::int64_t>(reader.maxEventRow(lane), 0, 1 << 26)));
        ids.reserve(raw.capacity(), 16);
        titles.reserve(raw.capacity(), 24);
        cameos.reserve(raw.capacity(), 4);
        EnumReader<model::EventKind> kinds;
        EnumReader<model::EventStatus> statuses;
        reader.events(
            [&](const store::EventScanRow& e) {
                RawEvent r{e.row,         e.parentRow,        0,           0,
                           kUndated,      kUndated,           -1,          -1,
                           kinds(e.kind), statuses(e.status), e.meetingRow};
                if (e.start.earliest) {
                    r.startLo = *e.start.earliest;
                    r.startPrec = static_cast<std::int8_t>(e.start.precision);
                }
                if (e.end.earliest) {
                    r.endLo = *e.end.earliest;
                    r.endPrec = static_cast<std::int8_t>(e.end.precision);
                }
                if (r.startPrec >= 0) {
                    r.lo = r.startLo;
                    r.hi = r.endPrec >= 0 ? latestOf(r.endLo, r.endPrec)
                                          : latestOf(r.startLo, r.startPrec);
                } else if (r.endPrec >= 0) {
                    r.lo = r.endLo;
                    r.hi = latestOf(r.endLo, r.endPrec);
                }
                r.hi = std::max(r.hi, r.lo);
                ids.add(e.id);
                titles.add(e.title);
                cameos.add(e.cameo);
                locations.add(e.location);
                placeCountries.add(e.placeCountry);
                raw.push_back(r);
            },
            {}, lane);
    }

    /// Sorts the scanned events into timeline order and fills the hot columns, parents and the
    /// row map; the EventInfo records are left to materialize().
    void events() {
        const std::size_t n = raw.size();
        RowMap position;  // event row → position in raw
        {
            std::vector<std::pair<std::int64_t, std::uint32_t>> map;
            map.reserve(n);
            for (std::uint32_t i = 0; i < n; ++i) map.emplace_back(raw[i].row, i);
            position.build(std::move(map));
        }

        // Undated sub-events take the day range of their nearest dated ancestor.
        for (std::uint32_t i = 0; i < n; ++i) {
            if (raw[i].lo != kUndated || raw[i].parentRow == 0) continue;
            if (datedFrom.empty()) datedFrom.assign(n, RowMap::kNone);
            std::uint32_t p = position.find(raw[i].parentRow);
            for (int depth = 0; p != RowMap::kNone && depth < 64; ++depth) {
                if (raw[p].lo != kUndated) {
                    datedFrom[i] = p;
                    break;
                }
                p = raw[p].parentRow == 0 ? RowMap::kNone : position.find(raw[p].parentRow);
            }
        }
        auto from = [&](std::uint32_t i) { return datesOf(i); };

        // Filter, then timeline order: (earliest, latest) as one 64-bit key, then the id in
        // natural order, compared through a 16-byte prefix of its natural sort key kept in the
        // record (no pointer chasing) and in full only when the prefixes tie.
        const detail::DayWindow window(filter.from, filter.to);
        const auto kindMask = detail::kindMask(filter.kinds);
        struct SortKey {
            std::uint64_t days;
            std::uint32_t depth;  // a sub-event after its parent on the same days
            std::uint64_t id0, id1;
            std::uint32_t pos;
        };
        auto depthOf = [&](std::uint32_t i) {
            std::uint32_t depth = 0;
            for (auto p = raw[i].parentRow == 0 ? RowMap::kNone : position.find(raw[i].parentRow);
                 p != RowMap::kNone && depth < 64;
                 p = raw[p].parentRow == 0 ? RowMap::kNone : position.find(raw[p].parentRow)) {
                ++depth;
            }
            return depth;
        };
        std::vector<SortKey> order;
        order.reserve(n);
        for (std::uint32_t i = 0; i < n; ++i) {
            const auto& src = raw[from(i)];
            if (!detail::inMask(kindMask, raw[i].kind) || !window.admits(src.lo, src.hi)) continue;
            const auto prefix = detail::naturalPrefix(ids.at(i));
            order.push_back(SortKey{
                (static_cast<std::uint64_t>(static_cast<std::uint32_t>(src.lo) ^ 0x80000000u)
                 << 32) |
                    (static_cast<std::uint32_t>(src.hi) ^ 0x80000000u),
                depthOf(i), prefix.first, prefix.second, i});
        }
        std::sort(order.begin(), order.end(), [&](const SortKey& a, const SortKey& b) {
            if (a.days != b.days) return a.days < b.days;
            if (a.depth != b.depth) return a.depth < b.depth;
            if (a.id0 != b.id0) return a.id0 < b.id0;
            if (a.id1 != b.id1) return a.id1 < b.id1;
            return detail::naturalLess(ids.at(a.pos), ids.at(b.pos));
        });

        rankOf.assign(n, RowMap::kNone);
        for (std::uint32_t r = 0; r < order.size(); ++r) rankOf[order[r].pos] = r;
        const std::size_t kept = order.size();
        std::vector<SortKey>().swap(order);
        // Columns are written to their rank while rows are read in order: scattered stores cost
        // less than scattered loads.
        d.events.resize(kept);
        d.earliest.resize(kept);
        d.latest.resize(kept);
        d.kind.resize(kept);
        d.status.resize(kept);
        std::vector<std::pair<std::int64_t, std::uint32_t>> rowToRank;
        rowToRank.reserve(kept);
        for (std::uint32_t i = 0; i < n; ++i) {
            const auto r = rankOf[i];
            if (r == RowMap::kNone) continue;
            const auto& x = raw[i];
            const auto& dated = raw[from(i)];
            auto& e = d.events[r];
            if (x.parentRow != 0) {
                const auto p = position.find(x.parentRow);
                if (p != RowMap::kNone && rankOf[p] != RowMap::kNone) e.parent = EventIx{rankOf[p]};
            }
            d.earliest[r] = dated.lo;
            d.latest[r] = dated.hi;
            d.kind[r] = x.kind;
            d.status[r] = x.status;
            rowToRank.emplace_back(x.row, r);
        }
        eventRows.build(std::move(rowToRank));

        // Meetings: the rank of the group's first event; when the window or kinds left that one
        // out, the first kept member stands for the group (rows are read in row order).
        d.meeting.resize(kept);
        std::unordered_map<std::int64_t, std::uint32_t> standIn;
        for (std::uint32_t i = 0; i < n; ++i) {
            const auto r = rankOf[i];
            if (r == RowMap::kNone) continue;
            const auto m = raw[i].meetingRow;
            if (m == 0) {
                d.meeting[r] = r;
            } else if (const auto head = eventRows.find(m); head != RowMap::kNone) {
                d.meeting[r] = head;
            } else {
                d.meeting[r] = standIn.try_emplace(m, r).first->second;
            }
        }
    }

    /// The EventInfo records (strings, dates) and the id table. Touches only d.events,
    /// d.inherited and d.eventIds, so it may run while another thread builds the adjacency.
    void materialize() {
        auto date = [](DayNumber lo, std::int8_t prec) -> std::optional<Date> {
            if (prec < 0) return std::nullopt;
            return Date::fromStored(lo, static_cast<model::Precision>(prec));
        };
        const std::size_t n = raw.size();
        std::vector<std::uint64_t> hashes(d.events.size());
        for (std::uint32_t i = 0; i < n; ++i) {
            const auto r = rankOf[i];
            if (r == RowMap::kNone) continue;
            const auto& x = raw[i];
            const auto& dated = raw[datesOf(i)];
            if (datesOf(i) != i) {
                d.inherited.emplace(EventIx{r}, InheritedDates{date(dated.startLo, dated.startPrec),
                                                               date(dated.endLo, dated.endPrec)});
            }
            auto& e = d.events[r];
            const auto id = ids.at(i);
            hashes[r] = IdTable::hash(id);
            e.id.assign(id);
            e.title.assign(titles.at(i));
            e.kind = x.kind;
            e.status = x.status;
            e.start = date(x.startLo, x.startPrec);
            e.end = date(x.endLo, x.endPrec);
            e.cameo.assign(cameos.at(i));
            e.location.assign(locations.at(i));
            e.placeCountry.assign(placeCountries.at(i));
            e.earliest = dated.lo;
            e.latest = dated.hi;
        }
        d.eventIds.buildHashed(hashes);
    }

    /// Participation rows as stored: (event row, actor row, role).
    struct RawParticipation {
        std::int64_t event;
        std::int64_t actor;
        model::Role role;
        std::uint32_t statedSide;  ///< Participation::kNoSide when the data states none
    };

    /// Side names, each once: d.sideNames and their numbers.
    std::unordered_map<std::string, std::uint32_t, TransparentHash, std::equal_to<>> sideNumbers;
    std::uint32_t sideNumber(std::string_view name) {
        if (const auto it = sideNumbers.find(name); it != sideNumbers.end()) return it->second;
        const auto n = static_cast<std::uint32_t>(d.sideNames.size());
        d.sideNames.emplace_back(name);
        sideNumbers.emplace(std::string(name), n);
        return n;
    }

    std::vector<RawParticipation> scanParticipations(store::TableReader& reader) {
        std::vector<RawParticipation> rows;
        rows.reserve(static_cast<std::size_t>(
            std::clamp<std::int64_t>(reader.maxParticipationRow(), 0, 1 << 27)));
        EnumReader<model::Role> roles;
        reader.participations([&](const store::ParticipationScanRow& p) {
            rows.push_back(
                RawParticipation{p.event, p.actor, roles(p.role),
                                 p.side.empty() ? Participation::kNoSide : sideNumber(p.side)});
        });
        return rows;
    }

    void participations(const std::vector<RawParticipation>& rows) {
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

    /// Actor → events (distinct, timeline order), then actor → co-participants: every event
    /// sends each of its distinct actors the others (a counting sort, sequential over events),
    /// then each actor's list is sorted and deduplicated.
    void adjacency() {
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

    void relations() {
        struct Raw {
            std::string id;
            ActorIx from, to;
        };
        std::vector<Raw> raw;
        const detail::DayWindow window(filter.from, filter.to);
        reader.relations([&](const store::RelationScanRow& r) {
            const auto f = actorRows.find(r.from);
            const auto t = actorRows.find(r.to);
            if (f == RowMap::kNone || t == RowMap::kNone) return;
            if (window.active) {
                const bool startsInTime =
                    !r.validFrom.earliest || *r.validFrom.earliest <= window.to;
                const bool endsInTime = !r.validToLatest || *r.validToLatest >= window.from;
                if (!startsInTime || !endsInTime) return;
            }
            raw.push_back(Raw{std::string(r.id), ActorIx{f}, ActorIx{t}});
        });
        std::sort(raw.begin(), raw.end(),
                  [](const Raw& a, const Raw& b) { return detail::naturalLess(a.id, b.id); });
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

    /// Country → events and unordered country pair → events, through participants' countries.
    void countries() {
        const std::size_t na = d.actors.size();
        const std::size_t ne = d.events.size();
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
        const auto nc = static_cast<std::uint32_t>(d.countries.size());
        std::vector<std::uint32_t> countryOfActor(na, RowMap::kNone);
        for (std::size_t a = 0; a < na; ++a) {
            if (!d.actors[a].country.empty())
                countryOfActor[a] = d.countryIndex.find(d.actors[a].country)->second;
        }

        // The distinct countries of each event; then (placeOf) its place's country when no
        // participant has it.
        Csr<std::uint32_t> ec;
        ec.offsets.assign(ne + 1, 0);
        ec.items.reserve(d.participants.items.size());
        std::vector<std::uint32_t> seen(nc, RowMap::kNone);
        std::vector<std::uint32_t> placeOf(ne, RowMap::kNone);
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
                if (seen[c] != e) placeOf[e] = c;
            }
        }

        // Country → events: events are visited in timeline order, so rows come out sorted.
        auto& ce = d.countryEvents;
        ce.offsets.assign(nc + 1, 0);
        for (auto c : ec.items) ++ce.offsets[c + 1];
        for (auto c : placeOf) {
            if (c != RowMap::kNone) ++ce.offsets[c + 1];
        }
        std::partial_sum(ce.offsets.begin(), ce.offsets.end(), ce.offsets.begin());
        ce.items.resize(ce.offsets.back());
        {
            std::vector<std::uint32_t> next(ce.offsets.begin(), ce.offsets.end() - 1);
            for (std::uint32_t e = 0; e < ne; ++e) {
                for (auto c : ec.row(e)) ce.items[next[c]++] = EventIx{e};
                if (placeOf[e] != RowMap::kNone) ce.items[next[placeOf[e]]++] = EventIx{e};
            }
        }
        // Calls f(a, b) for each pair of the event: its participants' countries, then each of
        // them with its place's country (by place).
        auto forEachPair = [&](std::uint32_t e, auto&& f) {
            const auto cs = ec.row(e);
            for (std::size_t i = 0; i < cs.size(); ++i) {
                for (std::size_t j = i + 1; j < cs.size(); ++j) f(cs[i], cs[j]);
                if (placeOf[e] != RowMap::kNone) f(cs[i], placeOf[e]);
            }
        };

        // Pair → events: count per slot, then fill.
        d.pairSlots.reset(nc);
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

    /// [places] Link rows as stored: (from event row, to event row, kind).
    struct RawLink {
        std::int64_t from, to;
        model::EventLinkKind kind;
    };
    static std::vector<RawLink> scanLinks(store::TableReader& reader) {
        std::vector<RawLink> rows;
        EnumReader<model::EventLinkKind> kinds;
        reader.eventLinks([&](const store::EventLinkScanRow& l) {
            rows.push_back(RawLink{l.from, l.to, kinds(l.kind)});
        });
        return rows;
    }

    /// [places] Event → its links (both directions), between events the index kept.
    void links(const std::vector<RawLink>& rows) {
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
};

}  // namespace

Index Index::build(store::Store& store, const IndexFilter& filter) {
    auto data = std::make_unique<Data>();
    // One read transaction, so the scans see one snapshot even while an import runs. When the
    // store is a file and no transaction is open, the event table is scanned in parallel on a
    // second connection (opened without SQLite's per-call locking):
    // were a write to land between the two snapshots, participations naming events or actors
    // that one side did not see are skipped, as filtered ones are. Once events are in timeline
    // order, their records are made on one thread while the other builds the adjacency.
    store::TableReader reader(store, /*parallel=*/true);
    Builder b{reader, filter, *data, {}, {}};
    std::exception_ptr eventsError, recordsError;
    std::thread eventsThread, recordsThread;
    if (reader.parallel()) {
        eventsThread = std::thread([&] {
            try {
                b.scanEvents(reader, 1);
            } catch (...) {
                eventsError = std::current_exception();
            }
        });
    }
    auto joinAll = [&] {
        if (eventsThread.joinable()) eventsThread.join();
        if (recordsThread.joinable()) recordsThread.join();
    };
    try {
        b.actors();
        auto parts = b.scanParticipations(reader);
        b.relations();
        const auto rawLinks = Builder::scanLinks(reader);
        if (!reader.parallel()) b.scanEvents(reader, 0);
        reader.finish();
        if (eventsThread.joinable()) eventsThread.join();
        if (eventsError) std::rethrow_exception(eventsError);
        b.events();
        recordsThread = std::thread([&] {
            try {
                b.materialize();
            } catch (...) {
                recordsError = std::current_exception();
            }
        });
        b.participations(parts);
        std::vector<Builder::RawParticipation>().swap(parts);
        b.adjacency();
        recordsThread.join();
        if (recordsError) std::rethrow_exception(recordsError);
        b.countries();  // after materialize(): it reads the events' places
        b.links(rawLinks);
    } catch (...) {
        joinAll();
        throw;
    }
    return Index(std::move(data));
}

}  // namespace bilateral::query
