#pragma once
// Private to the query module: what the answers from the file share (answers.cpp, walks.cpp).

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/query/answers.hpp"
#include "bilateral/sqlite/store.hpp"

namespace bilateral::query::detail {

/// Day standing for "undated" in timeline order: after every date.
inline constexpr std::int64_t kNoDay = 2147483647;

/// The actor with this id; throws NotFoundError.
store::ActorRecord requireActor(store::Store& store, std::string_view id);
ActorRef actorRef(const store::ActorRecord& a);
/// An event as answers show it: inherited dates filled in, parent id, evidence count, and with
/// `participants` its participants, with `links` its links to and from other events.
EventRef eventRef(store::Store& store, const store::EventRecord& e, bool participants,
                  bool links = false);
/// Why an event is in a timeline ([attested]): it has actor `actorRow` as a participant, or
/// participants of country `a` (and of `b`, for a dyad).
struct Listing {
    std::int64_t actorRow = 0;
    std::string a, b;
};
/// What an event's place in a timeline rests on: the weaker of its own evidence and of the
/// participations that put it there (for a dyad, the weaker of the two sides, each side by its
/// best-supported participant).
model::Support listedSupport(const store::EventDetails& d, const Listing& why);
/// What Store::eventDetails must read of the participants: all when they are shown, those with
/// evidence when a listing's support (`why`) needs them, else none.
store::ParticipantsRead participantsRead(bool participants, const Listing* why);
/// The events of `details` (read together, Store::eventDetails) as eventRef gives them; with
/// `why`, each one's support is the listing's (listedSupport).
std::vector<EventRef> eventRefs(store::Store& store, std::vector<store::EventDetails> details,
                                bool participants, bool links, const Listing* why = nullptr);
/// The same for details[order[0]], details[order[1]], ... (their record text is taken).
std::vector<EventRef> eventRefs(store::Store& store, std::span<store::EventDetails> details,
                                std::span<const std::uint32_t> order, bool participants, bool links,
                                const Listing* why = nullptr);
store::EventFilter filterOf(const Window& w, std::vector<model::EventKind> kinds);
/// Timeline order: earliest day, latest day, a sub-event after its parent (depth), id.
bool timelineLess(const store::EventSlot& a, const store::EventSlot& b);
/// Sets the depth of the slots that share their day range with another (the only ones whose
/// order it can change), before sorting with timelineLess.
void fillDepths(store::Store& store, std::vector<store::EventSlot>& slots);

}  // namespace bilateral::query::detail
