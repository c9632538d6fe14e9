#pragma once
// Internal (not installed): how an engine turns a row of its reads into the rows and records
// it hands out (scan.hpp, records.hpp, model::), the same for every engine. The engine writes
// the SELECT, with the columns in the order each reader below names, and hands each result row
// as a `Row`: anything with
//   bool isNull(int column), std::int64_t i64(int column), double real(int column),
//   std::string_view text(int column)  (empty for NULL)
// whose text stays valid while it is read. No SQL here.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bilateral/error.hpp"
#include "bilateral/model/types.hpp"
#include "bilateral/storage/records.hpp"
#include "bilateral/storage/scan.hpp"

namespace bilateral::storage::rows {

// --- values ----------------------------------------------------------------------------------
/// A date stored as its first day (column `lo`) and precision (`lo + 1`), as stored.
template <class Row>
StoredDate storedDateAt(const Row& r, int lo) {
    StoredDate d;
    if (!r.isNull(lo)) {
        d.earliest = static_cast<model::DayNumber>(r.i64(lo));
        d.precision = static_cast<model::Precision>(r.i64(lo + 1));
    }
    return d;
}

template <class Row>
std::optional<double> realAt(const Row& r, int c) {
    return r.isNull(c) ? std::nullopt : std::optional(r.real(c));
}

/// A row handle, 0 for NULL.
template <class Row>
RowId rowAt(const Row& r, int c) {
    return r.isNull(c) ? 0 : r.i64(c);
}

/// An enum from its stored name; `fallback` for a name this build does not know.
template <class Enum>
Enum enumOr(std::string_view text, Enum fallback) {
    if (auto v = model::parse<Enum>(text)) return *v;
    return fallback;
}

/// The same, strict: an unknown name is a StorageError.
template <class Enum, class Row>
Enum enumAt(const Row& r, int c) {
    const auto text = r.text(c);
    if (auto v = model::parse<Enum>(text)) return *v;
    throw StorageError("database holds an unknown value \"" + std::string(text) + "\"");
}

template <class Row>
std::string textAt(const Row& r, int c) {
    return std::string(r.text(c));
}

template <class Row>
std::optional<std::string> optTextAt(const Row& r, int c) {
    if (r.isNull(c)) return std::nullopt;
    return std::string(r.text(c));
}

/// A date stored as its first day (column `lo`) and precision (`lo + 1`); none when NULL.
template <class Row>
std::optional<model::Date> dateAt(const Row& r, int lo) {
    return storedDateAt(r, lo).date();
}

// --- whole-table scans (scan.hpp) -----------------------------------------------------------

/// The first columns of a record with an id: its handle, id (key) and kind.
template <class Row, class Out>
void decodeHead(const Row& r, Out& x) {
    x.row = r.i64(0);
    x.id = r.text(1);
    x.kind = r.text(2);
}

/// The first columns of a record joining two others: handle, id, kind, from, to.
template <class Row, class Out>
void decodeEdge(const Row& r, Out& x) {
    decodeHead(r, x);
    x.from = r.i64(3);
    x.to = r.i64(4);
}

/// id, key, kind, name, country, evidence.
template <class Row>
void decode(const Row& r, ActorScanRow& x) {
    decodeHead(r, x);
    x.name = r.text(3);
    x.country = r.text(4);
    x.evidence = r.i64(5);
}

/// id, key, kind, title, status, location, cameo, parent's key, parent, start (lo, precision),
/// end (lo, precision), place country, latitude, longitude, gazetteer, meeting, evidence.
template <class Row>
void decode(const Row& r, EventScanRow& x) {
    decodeHead(r, x);
    x.title = r.text(3);
    x.status = r.text(4);
    x.location = r.text(5);
    x.cameo = r.text(6);
    x.parentId = r.text(7);
    x.parentRow = rowAt(r, 8);
    x.start = storedDateAt(r, 9);
    x.end = storedDateAt(r, 11);
    x.placeCountry = r.text(13);
    x.latitude = realAt(r, 14);
    x.longitude = realAt(r, 15);
    x.gazetteer = r.text(16);
    x.meetingRow = rowAt(r, 17);
    x.evidence = r.i64(18);
}

/// id, event, actor, role, side, evidence.
template <class Row>
void decode(const Row& r, ParticipationScanRow& x) {
    x.row = r.i64(0);
    x.event = r.i64(1);
    x.actor = r.i64(2);
    x.role = r.text(3);
    x.side = r.text(4);
    x.evidence = r.i64(5);
}

/// id, key, kind, from, to, valid from (lo, precision), valid to (lo, precision), valid to's
/// last day, evidence.
template <class Row>
void decode(const Row& r, RelationScanRow& x) {
    decodeEdge(r, x);
    x.validFrom = storedDateAt(r, 5);
    x.validTo = storedDateAt(r, 7);
    x.validToLatest =
        r.isNull(9) ? std::nullopt : std::optional(static_cast<model::DayNumber>(r.i64(9)));
    x.evidence = r.i64(10);
}

/// id, key, kind, from, to, evidence.
template <class Row>
void decode(const Row& r, EventLinkScanRow& x) {
    decodeEdge(r, x);
    x.evidence = r.i64(5);
}

// --- records ---------------------------------------------------------------------------------

/// From column `c`: id, key, kind, title, status, start (lo, precision), end (lo, precision),
/// parent (0: none), cameo, day_lo, day_hi, location, place country, meeting (0: own), notes.
template <class Row>
EventRecord eventRecordAt(const Row& r, int c) {
    EventRecord e;
    e.row = r.i64(c);
    e.id = textAt(r, c + 1);
    e.kind = enumOr(r.text(c + 2), model::EventKind::CodedEvent);
    e.title = textAt(r, c + 3);
    e.status = enumOr(r.text(c + 4), model::EventStatus::Occurred);
    e.start = dateAt(r, c + 5);
    e.end = dateAt(r, c + 7);
    e.parentRow = r.i64(c + 9);
    e.cameo = textAt(r, c + 10);
    if (!r.isNull(c + 11)) {
        e.dayLo = static_cast<model::DayNumber>(r.i64(c + 11));
        e.dayHi = static_cast<model::DayNumber>(r.i64(c + 12));
    }
    e.location = textAt(r, c + 13);
    e.placeCountry = textAt(r, c + 14);
    e.meetingRow = r.i64(c + 15);
    e.notes = static_cast<std::uint8_t>(r.i64(c + 16));
    return e;
}

/// From column `c`: id, key, name, kind, country ('' when none).
template <class Row>
ActorRecord actorRecordAt(const Row& r, int c) {
    ActorRecord a;
    a.row = r.i64(c);
    a.id = textAt(r, c + 1);
    a.name = textAt(r, c + 2);
    a.kind = enumOr(r.text(c + 3), model::ActorKind::Person);
    a.country = textAt(r, c + 4);
    return a;
}

/// From column `c`: key, kind, outgoing (1 or 0), other's row, other's key, other's title.
template <class Row>
EventLinkRecord linkRecordAt(const Row& r, int c) {
    EventLinkRecord x;
    x.id = textAt(r, c);
    x.kind = enumOr(r.text(c + 1), model::EventLinkKind::LeadsTo);
    x.outgoing = r.i64(c + 2) != 0;
    x.otherRow = r.i64(c + 3);
    x.otherId = textAt(r, c + 4);
    x.otherTitle = textAt(r, c + 5);
    return x;
}

/// source key, span start, span end, quote, basis, confidence, note.
template <class Row>
model::Evidence evidenceAt(const Row& r) {
    model::Evidence e;
    e.source = textAt(r, 0);
    if (!r.isNull(1)) e.span = model::Span{r.i64(1), r.i64(2)};
    e.quote = optTextAt(r, 3);
    e.basis = enumAt<model::Basis>(r, 4);
    e.confidence = realAt(r, 5);
    e.note = optTextAt(r, 6);
    return e;
}

// The readers of whole records take the columns of the engines' kActorCols, kEventCols,
// kRelationCols and kSourceCols (column 0 the row, except for sources); `attributes` turns the
// attributes column's JSON into model::Attributes.

template <class Row, class Attributes>
model::Actor actorAt(const Row& r, const Attributes& attributes) {
    model::Actor a;
    a.id = textAt(r, 1);
    a.kind = enumAt<model::ActorKind>(r, 2);
    a.name = textAt(r, 3);
    a.country = optTextAt(r, 4);
    a.attributes = attributes(r.text(5));
    return a;
}

template <class Row, class Attributes>
model::Event eventAt(const Row& r, const Attributes& attributes) {
    model::Event e;
    e.id = textAt(r, 1);
    e.kind = enumAt<model::EventKind>(r, 2);
    e.title = textAt(r, 3);
    e.start = dateAt(r, 4);
    e.end = dateAt(r, 6);
    e.status = enumAt<model::EventStatus>(r, 8);
    e.location = optTextAt(r, 9);
    e.parent = optTextAt(r, 10);
    e.cameo = optTextAt(r, 11);
    e.goldstein = realAt(r, 12);
    e.attributes = attributes(r.text(13));
    e.place.country = optTextAt(r, 14);
    e.place.latitude = realAt(r, 15);
    e.place.longitude = realAt(r, 16);
    e.place.gazetteer = optTextAt(r, 17);
    e.meeting = optTextAt(r, 18);
    return e;
}

template <class Row, class Attributes>
model::Relation relationAt(const Row& r, const Attributes& attributes) {
    model::Relation x;
    x.id = textAt(r, 1);
    x.kind = enumAt<model::RelationKind>(r, 2);
    x.from = textAt(r, 3);
    x.to = textAt(r, 4);
    x.valid.start = dateAt(r, 5);
    x.valid.end = dateAt(r, 7);
    x.attributes = attributes(r.text(9));
    return x;
}

template <class Row>
model::Source sourceAt(const Row& r) {
    model::Source s;
    s.id = textAt(r, 0);
    s.title = textAt(r, 1);
    s.kind = optTextAt(r, 2);
    s.author = optTextAt(r, 3);
    s.published = dateAt(r, 4);
    s.url = optTextAt(r, 6);
    s.file = optTextAt(r, 7);
    s.sha256 = optTextAt(r, 8);
    if (!r.isNull(9)) s.standing = enumAt<model::Standing>(r, 9);  // [claims]
    return s;
}

/// [claims] From column `c`: own, source key (NULL: none), start_lo, start_prec, end_lo,
/// end_prec, kind, status, role, valid_from_lo, valid_from_prec, valid_to_lo, valid_to_prec,
/// note; 14 columns. Its evidence is read apart.
template <class Row>
model::Claim claimAt(const Row& r, int c) {
    model::Claim x;
    x.own = r.i64(c) != 0;
    x.source = textAt(r, c + 1);
    x.start = dateAt(r, c + 2);
    x.end = dateAt(r, c + 4);
    if (!r.isNull(c + 6)) x.kind = enumAt<model::EventKind>(r, c + 6);
    if (!r.isNull(c + 7)) x.status = enumAt<model::EventStatus>(r, c + 7);
    if (!r.isNull(c + 8)) x.role = enumAt<model::Role>(r, c + 8);
    x.validFrom = dateAt(r, c + 9);
    x.validTo = dateAt(r, c + 11);
    x.note = optTextAt(r, c + 13);
    return x;
}

/// From column 1 (column 0 its row): key, kind, from's key, to's key.
template <class Row>
model::EventLink eventLinkAt(const Row& r) {
    model::EventLink l;
    l.id = textAt(r, 1);
    l.kind = enumAt<model::EventLinkKind>(r, 2);
    l.from = textAt(r, 3);
    l.to = textAt(r, 4);
    return l;
}

/// From column 1 (column 0 its row): actor's key, role, side.
template <class Row>
model::Participant participantAt(const Row& r) {
    model::Participant p;
    p.actor = textAt(r, 1);
    p.role = enumAt<model::Role>(r, 2);
    p.side = optTextAt(r, 3);
    return p;
}

}  // namespace bilateral::storage::rows
