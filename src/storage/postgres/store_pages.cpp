// Pages of events: the records of a page and what a listing shows of each (evidence and
// support, participants, links), in a handful of statements whatever the page's length (as the
// SQLite engine's store_pages.cpp).

#include <algorithm>
#include <unordered_map>

#include "bilateral/rules/timeline.hpp"
#include "storage/postgres/store_impl.hpp"

namespace bilateral::storage::postgres {
namespace {

using detail::bigintArray;
using detail::enumOr;

/// Where each row's details go, sorted by row (a row may repeat).
class Places {
public:
    explicit Places(std::span<EventDetails> out) : out_(out), at_(out.size()) {
        for (std::size_t i = 0; i < out.size(); ++i) at_[i] = {out[i].record.row, i};
        std::sort(at_.begin(), at_.end());
    }
    template <class F>
    void each(RowId row, F&& fn) {
        auto it = std::lower_bound(at_.begin(), at_.end(), std::pair<RowId, std::size_t>{row, 0});
        for (; it != at_.end() && it->first == row; ++it) fn(out_[it->second]);
    }

private:
    std::span<EventDetails> out_;
    std::vector<std::pair<RowId, std::size_t>> at_;
};

/// [notes] The events of a page that have their own evidence, evidence of their
/// participations, links: only those are looked up.
struct Noted {
    std::vector<RowId> all, evidence, participationEvidence, links;
    explicit Noted(std::span<const EventDetails> details) {
        for (const auto& d : details) {
            const auto& e = d.record;
            all.push_back(e.row);
            if (e.notes & 1) evidence.push_back(e.row);
            if (e.notes & 2) participationEvidence.push_back(e.row);
            if (e.notes & 4) links.push_back(e.row);
        }
    }
};

void readEvidence(Store& store, const std::vector<RowId>& rows, Places& places) {
    const auto r = store.q(
        "SELECT event_id, basis, confidence FROM event_evidence WHERE participation_id IS NULL "
        "AND event_id = ANY($1::bigint[])",
        Params().text(bigintArray(rows)));
    for (int i = 0; i < r.rows(); ++i) {
        const auto basis = enumOr(r.text(i, 1), model::Basis::Stated);
        const auto confidence = detail::optReal(r, i, 2);
        places.each(r.int64(i, 0), [&](EventDetails& d) {
            ++d.evidence;
            d.support.add(basis, confidence);
        });
    }
}

struct Found {
    RowId participation;
    model::Basis basis;
    std::optional<double> confidence;
};
using FoundByEvent = std::unordered_map<RowId, std::vector<Found>>;

FoundByEvent participationEvidence(Store& store, const std::vector<RowId>& rows) {
    FoundByEvent out;
    if (rows.empty()) return out;
    const auto r = store.q(
        "SELECT event_id, participation_id, basis, confidence FROM event_evidence WHERE "
        "participation_id IS NOT NULL AND event_id = ANY($1::bigint[])",
        Params().text(bigintArray(rows)));
    for (int i = 0; i < r.rows(); ++i) {
        out[r.int64(i, 0)].push_back(
            {r.int64(i, 1), enumOr(r.text(i, 2), model::Basis::Stated), detail::optReal(r, i, 3)});
    }
    return out;
}

void readParticipants(Store& store, Noted& noted, ParticipantsRead how, Places& places) {
    const auto evidenceOf = participationEvidence(store, noted.participationEvidence);
    std::vector<RowId> which;
    if (how == ParticipantsRead::WithEvidence) {
        for (const auto& entry : evidenceOf) which.push_back(entry.first);
    } else {
        which = std::move(noted.all);
    }
    std::unordered_map<RowId, std::size_t> byParticipation;  // its place in d.participants
    if (!which.empty()) {
        const auto r = store.q("SELECT p.event_id, " + detail::kActorColumns +
                                   ", p.role, p.id FROM participation p JOIN actor a ON a.id = "
                                   "p.actor_id WHERE p.event_id = ANY($1::bigint[]) ORDER BY "
                                   "p.event_id, p.id",
                               Params().text(bigintArray(which)));
        for (int i = 0; i < r.rows(); ++i) {
            ParticipantRecord p;
            p.actor = detail::actorAt(r, i, 1);
            p.role = enumOr(r.text(i, 6), model::Role::Attendee);
            const auto participation = r.int64(i, 7);
            places.each(r.int64(i, 0), [&](EventDetails& d) {
                byParticipation[participation] = d.participants.size();
                d.participants.push_back(p);
            });
        }
    }
    for (const auto& [event, found] : evidenceOf) {
        for (const auto& f : found) {
            const auto it = byParticipation.find(f.participation);
            if (it == byParticipation.end()) continue;
            places.each(event, [&](EventDetails& d) {
                d.participants[it->second].support.add(f.basis, f.confidence);
            });
        }
    }
}

void readLinks(Store& store, const std::vector<RowId>& rows, Places& places) {
    const auto r = store.q(
        "SELECT l.from_id, l.key, l.kind, 1, t.id, t.key, t.title FROM event_link l JOIN event t "
        "ON t.id = l.to_id WHERE l.from_id = ANY($1::bigint[]) UNION ALL SELECT l.to_id, l.key, "
        "l.kind, 0, f.id, f.key, f.title FROM event_link l JOIN event f ON f.id = l.from_id "
        "WHERE l.to_id = ANY($1::bigint[]) ORDER BY 1, 4 DESC, 3, 6",
        Params().text(bigintArray(rows)));
    for (int i = 0; i < r.rows(); ++i) {
        EventLinkRecord x;
        x.id = detail::textAt(r, i, 1);
        x.kind = enumOr(r.text(i, 2), model::EventLinkKind::LeadsTo);
        x.outgoing = r.int64(i, 3) != 0;
        x.otherRow = r.int64(i, 4);
        x.otherId = detail::textAt(r, i, 5);
        x.otherTitle = detail::textAt(r, i, 6);
        places.each(r.int64(i, 0), [&x](EventDetails& d) { d.links.push_back(x); });
    }
}

}  // namespace

std::vector<EventDetails> Store::eventDetails(std::span<const RowId> rows,
                                              ParticipantsRead participants, bool links) {
    auto records = eventRecords(rows);
    std::vector<EventDetails> out(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) out[i].record = std::move(records[i]);
    fillEventDetails(out, participants, links);
    return out;
}

void Store::fillEventDetails(std::span<EventDetails> out, ParticipantsRead participants,
                             bool links) {
    if (out.empty()) return;
    Noted noted(out);
    const bool readsParticipants =
        participants == ParticipantsRead::All ||
        (participants == ParticipantsRead::WithEvidence && !noted.participationEvidence.empty());
    if (noted.evidence.empty() && !readsParticipants && (!links || noted.links.empty())) return;
    Places places(out);
    if (!noted.evidence.empty()) readEvidence(*this, noted.evidence, places);
    if (participants != ParticipantsRead::None)
        readParticipants(*this, noted, participants, places);
    if (links && !noted.links.empty()) readLinks(*this, noted.links, places);
}

std::vector<int> Store::eventDepths(std::span<const RowId> rows) {
    std::vector<int> out(rows.size(), 0);
    if (rows.empty()) return out;
    // Only events with a parent start a walk up; at most rules::kMaxDepth parents are followed.
    const auto r =
        q("WITH RECURSIVE up(start, id, d) AS (SELECT e.id, e.parent_id, 1 FROM event e WHERE e.id "
          "= ANY($1::bigint[]) AND e.parent_id IS NOT NULL UNION ALL SELECT up.start, e.parent_id, "
          "up.d + 1 FROM event e JOIN up ON e.id = up.id WHERE e.parent_id IS NOT NULL AND up.d < "
          "$2::integer) SELECT start, max(d) FROM up GROUP BY start",
          Params().text(bigintArray(rows)).int64(rules::kMaxDepth));
    std::unordered_map<RowId, int> depth;
    for (int i = 0; i < r.rows(); ++i)
        depth.emplace(r.int64(i, 0), static_cast<int>(r.int64(i, 1)));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (const auto it = depth.find(rows[i]); it != depth.end()) out[i] = it->second;
    }
    return out;
}

}  // namespace bilateral::storage::postgres
