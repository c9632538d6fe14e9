#pragma once
// Private to the query module: what the answers from the file share (answers.cpp, walks.cpp).

#include <cstdint>
#include <string_view>
#include <vector>

#include "bilateral/query/answers.hpp"
#include "bilateral/store/store.hpp"

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
store::EventFilter filterOf(const Window& w, std::vector<model::EventKind> kinds);
/// Timeline order: earliest day, latest day, id in natural order.
bool timelineLess(const store::EventSlot& a, const store::EventSlot& b);

}  // namespace bilateral::query::detail
