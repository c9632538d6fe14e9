#pragma once
// Private to the query module: what the answers from a storage engine share (answers.cpp,
// who_met_storage.cpp, walks.cpp, event_refs.cpp).

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bilateral/query/answers.hpp"
#include "bilateral/query/queries.hpp"
#include "bilateral/rules/identity.hpp"
#include "bilateral/rules/timeline.hpp"
#include "bilateral/storage/engine.hpp"

namespace bilateral::query::detail {

using storage::RowId;

/// The actor with this id; throws NotFoundError.
storage::ActorRecord requireActor(storage::Engine& engine, std::string_view id);
ActorRef actorRef(const storage::ActorRecord& a);
/// The actors at `rows`, in that order, as answers show them (one round trip).
std::vector<ActorRef> actorRefs(storage::Engine& engine, std::span<const RowId> rows);

/// The days an event record occupies (its own or inherited, as the engine keeps them).
[[nodiscard]] inline rules::Days daysOf(const storage::EventRecord& e) noexcept {
    if (!e.dayLo || !e.dayHi) return {};
    return {*e.dayLo, *e.dayHi};
}
/// An event's place in timeline order, its depth not yet known.
storage::EventSlot slotOf(const storage::EventRecord& e);

/// Why an event is in a timeline ([attested]): it has actor `actorRow` as a participant, or
/// participants of country `a` (and of `b`, for a dyad).
struct Listing {
    RowId actorRow = 0;
    std::vector<RowId> group;  ///< [identity] the other records of actorRow's same_as group
    std::string a, b;
};
/// What an event's place in a timeline rests on: the weaker of its own evidence and of the
/// participations that put it there (for a dyad, the weaker of the two sides, each side by its
/// best-supported participant).
model::Support listedSupport(const storage::EventDetails& d, const Listing& why);
/// What Engine::eventDetails must read of the participants: all when they are shown, those with
/// evidence when a listing's support (`why`) needs them, else none.
storage::ParticipantsRead participantsRead(bool participants, const Listing* why);

/// The events of `details` (records read, the rest filled as asked) as answers show them,
/// details[order[0]], details[order[1]], ...: dates of an undated event taken from the nearest
/// dated event it took place within (rules::nearestDated), whose records are read a generation
/// at a time for the whole page. With `why`, each one's support is the listing's. Their record
/// text is moved out.
std::vector<EventRef> eventRefs(storage::Engine& engine, std::span<storage::EventDetails> details,
                                std::span<const std::uint32_t> order, bool participants, bool links,
                                const Listing* why = nullptr);
/// The same for all of `details`, in their order.
std::vector<EventRef> eventRefs(storage::Engine& engine, std::vector<storage::EventDetails> details,
                                bool participants, bool links, const Listing* why = nullptr);

storage::EventFilter filterOf(const Window& w, std::vector<model::EventKind> kinds);

/// The first `keep` of `slots` in timeline order (all when `keep` is 0 or beyond their number),
/// as positions in `slots`: rules::timelineLess on compact keys, after the depths of the events
/// that share their days with another and have a parent are read (the only ones whose order
/// the depth can change; one round trip).
std::vector<std::uint32_t> timelineOrder(storage::Engine& engine,
                                         std::vector<storage::EventSlot>& slots,
                                         std::size_t keep = 0);

/// Of the events two actors share, the one that shows them together (rules::sharedEventFirst);
/// none when they share none.
std::optional<RowId> sharedEvent(storage::Engine& engine, RowId a, RowId b);

/// [identity] The same_as groups of a database (rules::SameAsGroups over the engine's same_as
/// relations), each with its canonical member (rules::canonicalOf). Nothing is read when the
/// counts kept at import have no same_as relation.
struct Identity {
    rules::SameAsGroups groups;
    std::unordered_map<RowId, RowId> canonical;  ///< a grouped actor -> its canonical member
    std::unordered_map<RowId, std::string> ids;  ///< a grouped actor -> its id
    /// The canonical member of `row`'s group (`row` itself when it has no group).
    [[nodiscard]] RowId canonicalOf(RowId row) const {
        const auto it = canonical.find(row);
        return it == canonical.end() ? row : it->second;
    }
    /// The ids of the group's other members, in canonical order (empty when none).
    [[nodiscard]] std::vector<std::string> mergedInto(RowId row) const;
    /// The reference of `row` as a merged answer shows it: its canonical member's, `merged`
    /// filled.
    [[nodiscard]] ActorRef refOf(storage::Engine& engine, RowId row) const;
};
Identity identity(storage::Engine& engine);

}  // namespace bilateral::query::detail
