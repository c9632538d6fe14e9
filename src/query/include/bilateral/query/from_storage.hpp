#pragma once
// Internal (not installed): the answers of query/ asked of a storage engine — what
// bilateral::Database calls. Each takes actor ids (resolveActor turns names into ids) and
// returns the public answer values (bilateral/query/answers.hpp, queries.hpp). The rules they
// apply live in src/rules/; the engine is asked typed questions (bilateral/storage/engine.hpp).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/query/answers.hpp"
#include "bilateral/query/index.hpp"
#include "bilateral/query/queries.hpp"
#include "bilateral/query/trend.hpp"
#include "bilateral/storage/engine.hpp"

namespace bilateral::query {

/// The actor with this id, as answers show it. Throws NotFoundError.
ActorRef actorRef(storage::Engine& engine, std::string_view actorId);

/// Counterparts of actor `actorId`, as query::whoMet on an Index; at most `limit` (0: all).
/// Throws NotFoundError.
Page<MetActor> whoMet(storage::Engine& engine, std::string_view actorId,
                      const WhoMetOptions& options = {}, std::size_t limit = 0);

/// Events in timeline order (rules/timeline.hpp), each with its participants; at most `limit`
/// (0: all).
Page<EventRef> actorTimeline(storage::Engine& engine, std::string_view actorId,
                             const TimelineOptions& options = {}, std::size_t limit = 0);
/// Events with participants of both countries, or with participants of one in a place of the
/// other (EventRef::inScope). Throws NotFoundError when no actor or place has either country.
Page<EventRef> dyadTimeline(storage::Engine& engine, std::string_view countryA,
                            std::string_view countryB, const TimelineOptions& options = {},
                            std::size_t limit = 0);
/// Events with participants of the country, or located in it.
Page<EventRef> countryTimeline(storage::Engine& engine, std::string_view country,
                               const TimelineOptions& options = {}, std::size_t limit = 0);

/// [trend] The subject's dated events counted by period (trend.hpp). A subject with no
/// figures gives an answer without rows unless the window has both ends.
TrendAnswer trend(storage::Engine& engine, const storage::TrendSubject& subject,
                  const TrendOptions& options = {});
/// [trend] Pairs of countries (of `options.country`'s pairs) ranked by `options.order`; at most
/// `limit` (0: all).
Page<PairRow> pairs(storage::Engine& engine, const PairsOptions& options = {},
                    std::size_t limit = 0);

/// A shortest path (fewest hops), by a breadth-first search from both ends over the adjacency
/// kept in the database (bfs.hpp). Says when a bound stopped it.
PathAnswer path(storage::Engine& engine, std::string_view fromId, std::string_view toId,
                const PathOptions& options = {});
/// Actors within `hops` of the centre (itself excluded), nearest first, then by id; at most
/// `limit` (0: all).
Page<EgoMember> egoNetwork(storage::Engine& engine, std::string_view centerId, int hops,
                           Through through = Through::EventsAndRelations, std::size_t limit = 0);

/// Relations from or to `actorId` that certainly or possibly hold on `day` (all when no day,
/// each then marked Certainly), certainly ones first, then by kind and id. Throws NotFoundError
/// for an unknown id.
std::vector<RelationAsOf> relationsAsOf(storage::Engine& engine, std::string_view actorId,
                                        std::optional<model::Date> day,
                                        std::optional<model::RelationKind> kind = std::nullopt);
/// Who held post `postId` on `day` (every holder when no day), certainly ones first, then by
/// start of tenure. Throws NotFoundError for an unknown id, InvalidArgumentError when the actor
/// is not a post.
std::vector<PostHolder> holders(storage::Engine& engine, std::string_view postId,
                                std::optional<model::Date> day);

/// [claims] Every field whose sources disagree: the events' (each event's own fields, then its
/// participations'), by event id, then the relations', by relation id (docs/data-model.md,
/// "Claims").
std::vector<Disagreement> disagreements(storage::Engine& engine);
/// The disagreements about one event and its participations.
std::vector<Disagreement> disagreementsOf(storage::Engine& engine, std::string_view eventId);

/// Actors whose name or alias matches `text`, ignoring case, accents and apostrophe style,
/// best first.
std::vector<SearchHit> search(storage::Engine& engine, std::string_view text,
                              std::size_t limit = 20);
/// An actor id, or a name as people write it naming exactly one actor (docs/queries.md,
/// "Names"): a whole name or alias; the same without honorifics; a title made from a country's
/// adjective, demonym or name; a name part (a person first). With `kind`, only an actor of that
/// kind. Throws NotFoundError (the closest names ranked; or, for an actor of another kind, what
/// kind is wanted), or AmbiguousError listing the candidates ranked.
std::string resolveActor(storage::Engine& engine, std::string_view idOrName,
                         std::optional<model::ActorKind> kind = std::nullopt);

/// [identity] resolveActor, then the canonical id of the actor's same_as group; a name whose
/// candidates are all records of one group names that group (rules/identity.hpp).
std::string resolveGroup(storage::Engine& engine, std::string_view idOrName,
                         std::optional<model::ActorKind> kind = std::nullopt);
/// [identity] The actor's group as merged answers show it: its canonical record, the others in
/// ActorRef::merged. Throws NotFoundError.
ActorRef groupRef(storage::Engine& engine, std::string_view actorId);
/// [identity] Likely pairs of records of one entity, not joined yet (never two of one event
/// format):
/// the same normalised name or alias and no two different countries; likeliest first; at most
/// `limit` (0: all). Reads every actor.
std::vector<SameAsCandidate> sameAsCandidates(storage::Engine& engine, std::size_t limit = 0);

/// The in-memory index of the whole database (or of what the filter keeps): a few whole-table
/// scans in one read snapshot. Throws StorageError.
Index buildIndex(storage::Engine& engine, const IndexFilter& filter = {});

}  // namespace bilateral::query
