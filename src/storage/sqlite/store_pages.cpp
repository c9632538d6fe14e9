// Pages of events: the records of a page and what a listing shows of each (evidence and
// support, participants, links), read in a handful of statements whatever the page's length,
// each over the rows of the page bound as one JSON array (rows.hpp).

#include <algorithm>
#include <unordered_map>

#include "bilateral/rules/timeline.hpp"
#include "rows.hpp"

namespace bilateral::sqlite {
namespace {

using detail::enumOr;
using detail::kInList;

/// Where each row's details go, sorted by row (a row may repeat): rows of the statements'
/// results are found by binary search.
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
/// participations, links: only those are looked up (event files' events have none of the three).
struct Noted {
    std::vector<RowId> all, evidence, participationEvidence, links;
    explicit Noted(std::span<const EventDetails> details) {
        all.reserve(details.size());
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
    auto st = detail::Access::prepare(
        store,
        "SELECT event_id, basis, confidence FROM evidence WHERE event_id" + std::string(kInList));
    st.bind(1, detail::jsonArrayOf(rows));
    while (st.step()) {
        const auto basis = enumOr(st.getText(1), model::Basis::Stated);
        const auto confidence = detail::readConfidence(st, 2);
        places.each(st.getInt64(0), [&](EventDetails& d) {
            ++d.evidence;
            d.support.add(basis, confidence);
        });
    }
}

/// What a participation's evidence says, by the event it is in.
struct Found {
    RowId participation;
    model::Basis basis;
    std::optional<double> confidence;
};
using FoundByEvent = std::unordered_map<RowId, std::vector<Found>>;

FoundByEvent participationEvidence(Store& store, const std::vector<RowId>& rows) {
    FoundByEvent out;
    if (rows.empty()) return out;
    auto st = detail::Access::prepare(
        store,
        "SELECT p.event_id, v.participation_id, v.basis, v.confidence FROM participation p JOIN "
        "evidence v ON v.participation_id = p.id WHERE p.event_id" +
            std::string(kInList));
    st.bind(1, detail::jsonArrayOf(rows));
    while (st.step()) {
        out[st.getInt64(0)].push_back({st.getInt64(1), enumOr(st.getText(2), model::Basis::Stated),
                                       detail::readConfidence(st, 3)});
    }
    return out;
}

void readParticipants(Store& store, Noted& noted, ParticipantsRead how, Places& places) {
    // The participations' evidence first: with WithEvidence, only the events that have some
    // need their participants read.
    const auto evidenceOf = participationEvidence(store, noted.participationEvidence);
    std::vector<RowId> which;
    if (how == ParticipantsRead::WithEvidence) {
        which.reserve(evidenceOf.size());
        for (const auto& entry : evidenceOf) which.push_back(entry.first);
    } else {
        which = std::move(noted.all);
    }
    std::unordered_map<RowId, std::size_t> byParticipation;  // its place in d.participants
    if (!which.empty()) {
        auto st = detail::Access::prepare(
            store, "SELECT p.event_id, " + detail::kActorColumns +
                       ", p.role, p.id FROM participation p JOIN actor a ON a.id = p.actor_id "
                       "WHERE p.event_id" +
                       std::string(kInList) + " ORDER BY p.event_id, p.id");
        st.bind(1, detail::jsonArrayOf(which));
        while (st.step()) {
            ParticipantRecord p;
            p.actor = detail::actorAt(st, 1);
            p.role = enumOr(st.getText(6), model::Role::Attendee);
            const auto participation = st.getInt64(7);
            places.each(st.getInt64(0), [&](EventDetails& d) {
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
    auto st = detail::Access::prepare(
        store,
        "SELECT l.from_id, l.key, l.kind, 1, t.id, t.key, t.title FROM event_link l JOIN event t "
        "ON t.id = l.to_id WHERE l.from_id" +
            std::string(kInList) +
            " UNION ALL SELECT l.to_id, l.key, l.kind, 0, f.id, f.key, f.title FROM event_link l "
            "JOIN event f ON f.id = l.from_id WHERE l.to_id" +
            std::string(kInList) + " ORDER BY 1, 4 DESC, 3, 6");
    st.bind(1, detail::jsonArrayOf(rows));
    while (st.step()) {
        EventLinkRecord r;
        r.id = st.getString(1);
        r.kind = enumOr(st.getText(2), model::EventLinkKind::LeadsTo);
        r.outgoing = st.getInt(3) != 0;
        r.otherRow = st.getInt64(4);
        r.otherId = st.getString(5);
        r.otherTitle = st.getString(6);
        places.each(st.getInt64(0), [&r](EventDetails& d) { d.links.push_back(r); });
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
    // Only events with a parent start a walk up; the others stay at 0. At most rules::kMaxDepth
    // parents are followed (a cycle of parents stops there).
    auto st = prepare(
        "WITH RECURSIVE up(start, id, d) AS (SELECT e.id, e.parent_id, 1 FROM event e WHERE e.id "
        "IN (SELECT value FROM json_each(?1)) AND e.parent_id IS NOT NULL UNION ALL SELECT "
        "up.start, e.parent_id, up.d + 1 FROM event e JOIN up ON e.id = up.id WHERE e.parent_id "
        "IS NOT NULL AND up.d < ?2) SELECT start, max(d) FROM up GROUP BY start");
    st.bind(1, detail::jsonArrayOf(rows)).bind(2, rules::kMaxDepth);
    std::unordered_map<RowId, int> depth;
    while (st.step()) depth.emplace(st.getInt64(0), st.getInt(1));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (const auto it = depth.find(rows[i]); it != depth.end()) out[i] = it->second;
    }
    return out;
}

}  // namespace bilateral::sqlite
