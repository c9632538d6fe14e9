#pragma once
// bilateral::Database: the one door. Open a database (a file, or a server by its URL), import
// files into it, and ask it questions; every answer is a plain value, valid after the call.
// Questions about one actor, pair, country or post are answered through the database's indexes,
// at the cost of the answer; whole-graph work (centrality, components, exports) gets the
// in-memory Index or the Boost.Graph projection, built on demand.
//
//   auto db = bilateral::Database::open("kg.db", {.readOnly = true});
//   for (const auto& m : db.whoMet("Anwar Ibrahim").items)
//       fmt::print("{} x{}\n", m.actor.name, m.meetings);

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/database_options.hpp"
#include "bilateral/export/writers.hpp"
#include "bilateral/import/dataset.hpp"
#include "bilateral/import/import.hpp"
#include "bilateral/model/date.hpp"
#include "bilateral/model/types.hpp"
#include "bilateral/query/answers.hpp"
#include "bilateral/query/index.hpp"
#include "bilateral/query/queries.hpp"
#include "bilateral/query/trend.hpp"
#include "bilateral/report/report.hpp"

namespace bilateral {
namespace storage {
class Engine;
}
namespace graph {
class Projection;
}

class Database {
public:
    /// Opens (and, unless read-only, migrates) a database; a missing one only with
    /// `options.create` (`{.create = true}`), else a StorageError "no such database file" and
    /// nothing made. `location` names it: a file path, `sqlite:PATH` or `file:PATH` (the SQLite
    /// engine); `postgresql://...` or `postgres://...` (the PostgreSQL engine, when this build has
    /// it; else a StorageError saying so). Throws StorageError (missing, not SQLite, not ours,
    /// read-only) or SchemaVersionError.
    static Database open(const std::string& location, DatabaseOptions options = {});
    /// A database in memory, for tests and scratch work.
    static Database memory();
    /// Sets up the sharded layout of the PostgreSQL engine (docs/postgresql.md, "Sharding"):
    /// the database at `coordinator` keeps actors, sources and relations, and its event tables
    /// are partitioned over the databases `shards` (every one empty of bilateral's schema; a
    /// superuser on the coordinator, for postgres_fdw). Open `coordinator` afterwards as any
    /// database. Throws InvalidArgumentError (not server URLs) or StorageError.
    static void initShards(const std::string& coordinator, const std::vector<std::string>& shards);

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    /// The location as given to open (a URL without its password).
    [[nodiscard]] const std::string& location() const noexcept;
    [[nodiscard]] bool readOnly() const noexcept;
    /// Makes the running call, and every call after it, fail with a StorageError
    /// ("interrupted"); an import in progress is rolled back. Safe from a signal handler or
    /// another thread; the database is unusable for writing afterwards.
    void interrupt() noexcept;

    /// Imports the files in one transaction (all or nothing): dataset JSON, ICEWS and GDELT event
    /// files; `-` is standard input, .gz and .zip are read directly. Throws ParseError naming the
    /// file and the line, column or JSON pointer (nothing is written), or StorageError.
    std::vector<io::ImportSummary> importFiles(const std::vector<std::filesystem::path>& files,
                                               const io::ImportOptions& options = {});

    /// An actor id, or a name as people write it naming exactly one actor: a whole name or
    /// alias (case, accents and apostrophe style aside), the same without honorifics ("Dato'
    /// Seri", "Hon."), a title made from a country's adjective or name ("Italian Ambassador to
    /// Malaysia"), or a name part ("Meloni"; a person first). docs/queries.md, "Names". Throws
    /// NotFoundError (naming the closest actors) or AmbiguousError (the candidates, ranked).
    std::string resolveActor(std::string_view idOrName);
    /// The same, of the actor of `kind` the name names; a name of an actor of another kind only
    /// throws NotFoundError saying which kind is wanted (holders takes a post).
    std::string resolveActor(std::string_view idOrName, model::ActorKind kind);
    /// [identity] With `merge` (what the other overloads do), a name or id of a record of a
    /// same_as group names the group's canonical record, and a name whose candidates are all
    /// records of one group is not ambiguous; without, each record alone (docs/data-model.md,
    /// "One actor per entity").
    std::string resolveActor(std::string_view idOrName, bool merge);
    /// The actor `idOrName` names (resolveActor), as answers show it: a same_as group's
    /// canonical record with the others in `merged`.
    query::ActorRef actorRef(std::string_view idOrName);
    /// The same; without `merge`, the record alone.
    query::ActorRef actorRef(std::string_view idOrName, bool merge);
    /// The same, whole: aliases, attributes, evidence.
    model::Actor actor(std::string_view idOrName);
    /// The source record `id` (exact id), or nothing when the database has none.
    std::optional<model::Source> source(std::string_view id);
    /// Actors whose name or alias matches, best first.
    std::vector<query::SearchHit> search(std::string_view text, std::size_t limit = 20);

    // Each ACTOR, POST or CENTER below is an id or a name (resolveActor); `limit` 0 means all.
    query::Page<query::MetActor> whoMet(std::string_view actor,
                                        const query::WhoMetOptions& options = {},
                                        std::size_t limit = 0);
    query::Page<query::EventRef> timeline(std::string_view actor,
                                          const query::TimelineOptions& options = {},
                                          std::size_t limit = 0);
    /// Throws NotFoundError when no actor or place has either country.
    query::Page<query::EventRef> dyadTimeline(std::string_view countryA, std::string_view countryB,
                                              const query::TimelineOptions& options = {},
                                              std::size_t limit = 0);
    query::Page<query::EventRef> countryTimeline(std::string_view country,
                                                 const query::TimelineOptions& options = {},
                                                 std::size_t limit = 0);
    // [trend] Event data over time (docs/queries.md, "Trends and pairs"), from figures kept at
    // import: the cost grows with the days asked for, not with the events.
    /// The events of an actor, counted by period.
    query::TrendAnswer trend(std::string_view actor, const query::TrendOptions& options = {});
    /// The events with participants of both countries (options.directed: from a source of the
    /// first to a target of the second). Throws NotFoundError when a country is unknown.
    query::TrendAnswer dyadTrend(std::string_view countryA, std::string_view countryB,
                                 const query::TrendOptions& options = {});
    /// The events with participants of the country (with all its partners).
    query::TrendAnswer countryTrend(std::string_view country,
                                    const query::TrendOptions& options = {});
    /// Pairs of countries (or one country's partners) ranked by events, meetings, share of
    /// cooperation or Goldstein mean; at most `limit` (0: all).
    query::Page<query::PairRow> pairs(const query::PairsOptions& options = {},
                                      std::size_t limit = 0);
    std::vector<query::RelationAsOf> relations(
        std::string_view actor, std::optional<model::Date> asOf = std::nullopt,
        std::optional<model::RelationKind> kind = std::nullopt);
    std::vector<query::PostHolder> holders(std::string_view post,
                                           std::optional<model::Date> on = std::nullopt);
    query::PathAnswer path(std::string_view from, std::string_view to,
                           const query::PathOptions& options = {});
    query::Page<query::EgoMember> ego(std::string_view center, int hops = 1,
                                      query::Through through = query::Through::EventsAndRelations,
                                      std::size_t limit = 0);
    /// [claims] Every fact whose sources disagree: each disagreed field of an event, a
    /// participation or a relation with each source's value and evidence, the preferred value
    /// marked (docs/data-model.md, "Claims"); events by id, then relations by id.
    std::vector<query::Disagreement> disagreements();
    /// Counts by table and kind, from the tally kept at import.
    model::Counts stats();

    // [identity] One actor per entity (docs/data-model.md): same_as relations join records of
    // one entity from different sources; answers treat a group as one actor unless asked not to.
    /// Likely pairs not joined yet (same normalised name or alias, no two different countries;
    /// two records of one event file never), likeliest first; at most `limit` (0: all). Reads
    /// every actor.
    std::vector<query::SameAsCandidate> sameAsCandidates(std::size_t limit = 0);
    /// Records that `a` and `b` (ids or names, each record alone) are one entity: a same_as
    /// relation with `how` as its evidence (a source naming who confirmed it and how). Returns
    /// its id; confirming a pair again adds the new evidence. Throws NotFoundError,
    /// InvalidArgumentError (an actor with itself).
    std::string confirmSameAs(std::string_view a, std::string_view b,
                              const query::SameAsConfirmation& how);
    /// Confirms every pair of a CSV or TSV file of `id,id[,note]` lines (a header line
    /// `a,b[,note]` and blank lines skipped), all in one transaction: a bad line (a missing id,
    /// an unknown actor) throws ParseError naming the file and the line, and nothing is written.
    /// Returns how many pairs were confirmed.
    std::size_t importSameAs(const std::filesystem::path& file, const std::string& by);
    /// Removes the same_as relation between `a` and `b` (ids); false when there is none.
    bool removeSameAs(std::string_view a, std::string_view b);

    /// The in-memory index of the whole database, for whole-graph analytics; built on first
    /// use and again after an import.
    const query::Index& index();
    /// The Boost.Graph projection of the database (or of the part the filter keeps), for
    /// centrality, components and the graph exports (graph/projection.hpp).
    graph::Projection projection(const query::IndexFilter& filter = {});
    /// Writes a projection in `format` (export/writers.hpp); the JSON format is the dataset of
    /// the projection's subgraph, read from the database.
    void writeExport(std::ostream& out, io::ExportFormat format,
                     const graph::Projection& projection, const io::ExportOptions& options = {});
    /// Everything the database holds, as a dataset document's records.
    io::Dataset dataset();
    /// Writes the HTML report of a selection (report/report.hpp). Throws NotFoundError for an
    /// unknown actor or a country no actor has.
    io::ReportSummary writeReport(std::ostream& out, const io::ReportSelection& selection,
                                  const io::ReportOptions& options);

private:
    struct Impl;
    explicit Database(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace bilateral
