// fillPageDetails: which events of a page need which look-ups, and where each row goes.

#include "bilateral/storage/page_details.hpp"

#include <algorithm>
#include <unordered_map>
#include <utility>

namespace bilateral::storage {
namespace {

/// Where each row's details go, sorted by row (a row may repeat): rows of the look-ups'
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

void readEvidence(PageReads& reads, const std::vector<RowId>& rows, Places& places) {
    reads.evidence(rows, [&](RowId event, model::Basis basis, std::optional<double> confidence) {
        places.each(event, [&](EventDetails& d) {
            ++d.evidence;
            d.support.add(basis, confidence);
        });
    });
}

/// What a participation's evidence says, by the event it is in.
struct Found {
    RowId participation;
    model::Basis basis;
    std::optional<double> confidence;
};
using FoundByEvent = std::unordered_map<RowId, std::vector<Found>>;

void readParticipants(PageReads& reads, Noted& noted, ParticipantsRead how, Places& places) {
    // The participations' evidence first: with WithEvidence, only the events that have some
    // need their participants read.
    FoundByEvent evidenceOf;
    if (!noted.participationEvidence.empty()) {
        reads.participationEvidence(
            noted.participationEvidence, [&](RowId event, RowId participation, model::Basis basis,
                                             std::optional<double> confidence) {
                evidenceOf[event].push_back({participation, basis, confidence});
            });
    }
    std::vector<RowId> which;
    if (how == ParticipantsRead::WithEvidence) {
        which.reserve(evidenceOf.size());
        for (const auto& entry : evidenceOf) which.push_back(entry.first);
    } else {
        which = std::move(noted.all);
    }
    std::unordered_map<RowId, std::size_t> byParticipation;  // its place in d.participants
    if (!which.empty()) {
        reads.participants(which,
                           [&](RowId event, RowId participation, const ParticipantRecord& p) {
                               places.each(event, [&](EventDetails& d) {
                                   byParticipation[participation] = d.participants.size();
                                   d.participants.push_back(p);
                               });
                           });
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

}  // namespace

void fillPageDetails(std::span<EventDetails> out, ParticipantsRead participants, bool links,
                     PageReads& reads) {
    if (out.empty()) return;
    Noted noted(out);
    const bool readsParticipants =
        participants == ParticipantsRead::All ||
        (participants == ParticipantsRead::WithEvidence && !noted.participationEvidence.empty());
    if (noted.evidence.empty() && !readsParticipants && (!links || noted.links.empty())) return;
    Places places(out);
    if (!noted.evidence.empty()) readEvidence(reads, noted.evidence, places);
    if (participants != ParticipantsRead::None)
        readParticipants(reads, noted, participants, places);
    if (links && !noted.links.empty()) {
        reads.links(noted.links, [&](RowId event, const EventLinkRecord& link) {
            places.each(event, [&link](EventDetails& d) { d.links.push_back(link); });
        });
    }
}

void fillPageCodes(std::span<EventDetails> out,
                   const std::function<void(const std::vector<RowId>&, const CodesOf&)>& read) {
    if (out.empty()) return;
    Places places(out);
    std::vector<RowId> rows;
    rows.reserve(out.size());
    for (const auto& d : out) rows.push_back(d.record.row);
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    read(rows, [&places](RowId event, const EventCodes& codes) {
        places.each(event, [&codes](EventDetails& d) { d.codes = codes; });
    });
}

std::vector<EventDetails> detailsOf(std::vector<EventRecord> records) {
    std::vector<EventDetails> out(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) out[i].record = std::move(records[i]);
    return out;
}

}  // namespace bilateral::storage
