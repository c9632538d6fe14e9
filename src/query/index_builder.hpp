#pragma once
// Private to Index::build (buildIndex, index_build.cpp and index_build_tables.cpp): the builder
// that turns a few whole-table scans into the index's compact arrays (index_data.hpp). No
// per-row queries: rows are joined in memory through dense row-id maps, sorted once (timeline
// order, rules/timeline.hpp), and grouped with counting sorts into CSR tables.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bilateral/storage/scan.hpp"
#include "index_build_helpers.hpp"
#include "index_data.hpp"

namespace bilateral::query::build {

struct Builder {
    storage::TableScan& reader;
    const IndexFilter& filter;
    detail::IndexData& d;
    RowMap actorRows;
    RowMap eventRows;  ///< event row → EventIx (kNone when filtered out)

    void actors();

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
    void scanEvents(storage::TableScan& reader, int lane);

    /// Sorts the scanned events into timeline order and fills the hot columns, parents and the
    /// row map; the EventInfo records are left to materialize().
    void events();
    RowMap position;  ///< event row → position in raw
    /// The position in raw of event i's parent, if the scan has it.
    [[nodiscard]] std::optional<std::uint32_t> parentOf(std::uint32_t i) const;
    /// Undated sub-events take the days of their nearest dated ancestor (datedFrom).
    void inheritDates();
    /// The filter, then timeline order: rankOf. How many events are kept.
    std::size_t orderEvents();
    /// The hot columns and parents at each kept event's rank; the row map.
    void placeEvents(std::size_t kept);
    /// Each kept event's meeting (IndexData::meeting).
    void meetings(std::size_t kept);

    /// The EventInfo records (strings, dates) and the id table. Touches only d.events,
    /// d.inherited and d.eventIds, so it may run while another thread builds the adjacency.
    void materialize();

    /// Participation rows as stored: (event row, actor row, role).
    struct RawParticipation {
        std::int64_t event;
        std::int64_t actor;
        model::Role role;
        std::uint32_t statedSide;  ///< Participation::kNoSide when the data states none
    };

    /// Side names, each once: d.sideNames and their numbers.
    std::unordered_map<std::string, std::uint32_t, TransparentHash, std::equal_to<>> sideNumbers;
    std::uint32_t sideNumber(std::string_view name);

    std::vector<RawParticipation> scanParticipations(storage::TableScan& reader);

    void participations(const std::vector<RawParticipation>& rows);

    /// Actor → events (distinct, timeline order), then actor → co-participants: every event
    /// sends each of its distinct actors the others (a counting sort, sequential over events),
    /// then each actor's list is sorted and deduplicated.
    void adjacency();

    void relations();

    /// Country → events and unordered country pair → events, through participants' countries.
    void countries();
    /// The distinct country codes (d.countries, d.countryIndex); each actor's, by actor.
    std::vector<std::uint32_t> countryCodes();
    /// The distinct countries of each event's participants; then its place's country when no
    /// participant has it (placeOf).
    struct EventCountries {
        Csr<std::uint32_t> of;
        std::vector<std::uint32_t> placeOf;
    };
    EventCountries eventCountries(const std::vector<std::uint32_t>& countryOfActor);
    void countryEvents(const EventCountries& ec);
    void dyadEvents(const EventCountries& ec);

    /// [places] Link rows as stored: (from event row, to event row, kind).
    struct RawLink {
        std::int64_t from, to;
        model::EventLinkKind kind;
    };
    static std::vector<RawLink> scanLinks(storage::TableScan& reader);

    /// [places] Event → its links (both directions), between events the index kept.
    void links(const std::vector<RawLink>& rows);
};

}  // namespace bilateral::query::build
