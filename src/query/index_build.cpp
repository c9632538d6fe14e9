// Index::build (buildIndex): a few whole-table scans of an engine into compact arrays
// (index_builder.hpp): actors, events in timeline order, and their records; the tables of
// participations, adjacency, countries and links are in index_build_tables.cpp.

#include <algorithm>
#include <exception>
#include <numeric>
#include <thread>

#include "bilateral/error.hpp"
#include "bilateral/query/from_storage.hpp"
#include "bilateral/rules/natural_order.hpp"
#include "bilateral/rules/timeline.hpp"
#include "index_builder.hpp"

namespace bilateral::query {
namespace build {

void Builder::actors() {
    std::vector<std::int64_t> rows;
    EnumReader<model::ActorKind> kinds;
    reader.actors([&](const storage::ActorScanRow& r) {
        rows.push_back(r.row);
        d.actors.push_back(ActorInfo{std::string(r.id), std::string(r.name), kinds(r.kind),
                                     std::string(r.country)});
    });
    // Actors in natural id order, so answers do not depend on insertion order.
    std::vector<std::uint32_t> order(d.actors.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return rules::naturalLess(d.actors[a].id, d.actors[b].id);
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

void Builder::scanEvents(storage::TableScan& reader, int lane) {
    // Row ids are usually dense: the largest one is a cheap upper bound of the count.
    raw.reserve(
        static_cast<std::size_t>(std::clamp<std::int64_t>(reader.maxEventRow(lane), 0, 1 << 26)));
    ids.reserve(raw.capacity(), 16);
    titles.reserve(raw.capacity(), 24);
    cameos.reserve(raw.capacity(), 4);
    EnumReader<model::EventKind> kinds;
    EnumReader<model::EventStatus> statuses;
    reader.events(
        [&](const storage::EventScanRow& e) {
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
            const auto days =
                rules::ownDays(storedDays(r.startLo, r.startPrec), storedDays(r.endLo, r.endPrec));
            r.lo = days.lo;
            r.hi = days.hi;
            ids.add(e.id);
            titles.add(e.title);
            cameos.add(e.cameo);
            locations.add(e.location);
            placeCountries.add(e.placeCountry);
            raw.push_back(r);
        },
        {}, lane);
}

void Builder::events() {
    const std::size_t n = raw.size();
    {
        std::vector<std::pair<std::int64_t, std::uint32_t>> map;
        map.reserve(n);
        for (std::uint32_t i = 0; i < n; ++i) map.emplace_back(raw[i].row, i);
        position.build(std::move(map));
    }
    inheritDates();
    const auto kept = orderEvents();
    placeEvents(kept);
    meetings(kept);
}

std::optional<std::uint32_t> Builder::parentOf(std::uint32_t i) const {
    if (raw[i].parentRow == 0) return std::nullopt;
    const auto p = position.find(raw[i].parentRow);
    return p == RowMap::kNone ? std::nullopt : std::optional(p);
}

void Builder::inheritDates() {
    for (std::uint32_t i = 0; i < raw.size(); ++i) {
        if (raw[i].lo != kUndated || raw[i].parentRow == 0) continue;
        if (datedFrom.empty()) datedFrom.assign(raw.size(), RowMap::kNone);
        const auto dated = rules::nearestDated(
            i, [this](std::uint32_t x) { return parentOf(x); },
            [this](std::uint32_t x) { return raw[x].lo != kUndated; });
        if (dated) datedFrom[i] = *dated;
    }
}

std::size_t Builder::orderEvents() {
    // Filter, then timeline order (rules::timelineLess) on compact keys: the days, the depth,
    // a 16-byte prefix of the id's natural order kept in the key (no pointer chasing), and
    // the id in full only when the prefixes tie.
    const std::size_t n = raw.size();
    const rules::DayWindow window(filter.from, filter.to);
    const auto kindMask = detail::kindMask(filter.kinds);
    auto depthOf = [&](std::uint32_t i) {
        int depth = 0;
        for (auto p = parentOf(i); p && depth < rules::kMaxDepth; p = parentOf(*p)) ++depth;
        return depth;
    };
    std::vector<rules::TimelineKey> order;
    order.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        const auto& src = raw[datesOf(i)];
        if (!detail::inMask(kindMask, raw[i].kind) || !window.admits(src.lo, src.hi)) continue;
        order.push_back(rules::TimelineKey::of({src.lo, src.hi}, depthOf(i), ids.at(i), i));
    }
    std::sort(order.begin(), order.end(),
              [&](const rules::TimelineKey& a, const rules::TimelineKey& b) {
                  return rules::timelineLess(a, b, [&](std::uint32_t at) { return ids.at(at); });
              });
    rankOf.assign(n, RowMap::kNone);
    for (std::uint32_t r = 0; r < order.size(); ++r) rankOf[order[r].at] = r;
    return order.size();
}

void Builder::placeEvents(std::size_t kept) {
    // Columns are written to their rank while rows are read in order: scattered stores cost
    // less than scattered loads.
    d.events.resize(kept);
    d.earliest.resize(kept);
    d.latest.resize(kept);
    d.kind.resize(kept);
    d.status.resize(kept);
    std::vector<std::pair<std::int64_t, std::uint32_t>> rowToRank;
    rowToRank.reserve(kept);
    for (std::uint32_t i = 0; i < raw.size(); ++i) {
        const auto r = rankOf[i];
        if (r == RowMap::kNone) continue;
        const auto& x = raw[i];
        const auto& dated = raw[datesOf(i)];
        auto& e = d.events[r];
        if (const auto p = parentOf(i); p && rankOf[*p] != RowMap::kNone)
            e.parent = EventIx{rankOf[*p]};
        d.earliest[r] = dated.lo;
        d.latest[r] = dated.hi;
        d.kind[r] = x.kind;
        d.status[r] = x.status;
        rowToRank.emplace_back(x.row, r);
    }
    eventRows.build(std::move(rowToRank));
}

void Builder::meetings(std::size_t kept) {
    // The rank of the group's first event; when the window or kinds left that one out, the
    // first kept member stands for the group (rows are read in row order).
    d.meeting.resize(kept);
    std::unordered_map<std::int64_t, std::uint32_t> standIn;
    for (std::uint32_t i = 0; i < raw.size(); ++i) {
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

void Builder::materialize() {
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

}  // namespace build

Index buildIndex(storage::Engine& engine, const IndexFilter& filter) {
    auto data = std::make_unique<detail::IndexData>();
    // One read transaction, so the scans see one snapshot even while an import runs. When the
    // store is a file and no transaction is open, the event table is scanned in parallel on a
    // second connection (opened without SQLite's per-call locking):
    // were a write to land between the two snapshots, participations naming events or actors
    // that one side did not see are skipped, as filtered ones are. Once events are in timeline
    // order, their records are made on one thread while the other builds the adjacency.
    const auto scan = engine.scan(/*parallel=*/true);
    auto& reader = *scan;
    build::Builder b{reader, filter, *data, {}, {}};
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
        const auto rawLinks = build::Builder::scanLinks(reader);
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
        std::vector<build::Builder::RawParticipation>().swap(parts);
        b.adjacency();
        recordsThread.join();
        if (recordsError) std::rethrow_exception(recordsError);
        b.countries();  // after materialize(): it reads the events' places
        b.links(rawLinks);
    } catch (...) {
        joinAll();
        throw;
    }
    return detail::IndexAccess::make(std::move(data));
}

}  // namespace bilateral::query
