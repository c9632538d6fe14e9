#pragma once
// Internal (not installed): what every engine does to fill in a page's details
// (Engine::fillEventDetails): which of the page's events need their evidence, participants and
// links read (EventRecord::notes), and where each row an engine reads goes. The engine runs
// the statements (PageReads); no SQL here.

#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "bilateral/storage/records.hpp"

namespace bilateral::storage {

/// The look-ups an engine runs for a page, each over a set of events (in one round trip).
class PageReads {
public:
    using Evidence = std::function<void(RowId event, model::Basis, std::optional<double>)>;
    using ParticipationEvidence =
        std::function<void(RowId event, RowId participation, model::Basis, std::optional<double>)>;
    using Participant =
        std::function<void(RowId event, RowId participation, const ParticipantRecord&)>;
    using Link = std::function<void(RowId event, const EventLinkRecord&)>;

    /// The events' own evidence, a call per record.
    virtual void evidence(const std::vector<RowId>& events, const Evidence& fn) = 0;
    /// The evidence of the participations in the events.
    virtual void participationEvidence(const std::vector<RowId>& events,
                                       const ParticipationEvidence& fn) = 0;
    /// The participants of the events, by event, in participation order.
    virtual void participants(const std::vector<RowId>& events, const Participant& fn) = 0;
    /// The links from and to the events: outgoing first, then by kind, then other id.
    virtual void links(const std::vector<RowId>& events, const Link& fn) = 0;

protected:
    ~PageReads() = default;
};

/// Engine::fillEventDetails over an engine's look-ups.
void fillPageDetails(std::span<EventDetails> out, ParticipantsRead participants, bool links,
                     PageReads& reads);

/// Engine::fillEventCodes over an engine's look-up: `read(rows, fn)` calls `fn` with the codes
/// of each of the events at `rows` (each once, in any order).
using CodesOf = std::function<void(RowId event, const EventCodes&)>;
void fillPageCodes(std::span<EventDetails> out,
                   const std::function<void(const std::vector<RowId>&, const CodesOf&)>& read);

/// Details holding `records` (the rest left to fillPageDetails).
std::vector<EventDetails> detailsOf(std::vector<EventRecord> records);

}  // namespace bilateral::storage
