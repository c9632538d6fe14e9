#pragma once
// bilateral::Database: one object for a consumer. Open a file (read-only or read-write), import
// files into it, and ask it questions. Questions about one actor, pair, country or post are
// answered from the file through its indexes; whole-graph work (centrality, components,
// exports) gets the in-memory Index, built on first use. Every answer is a plain value, valid
// after the call.
//
//   auto db = bilateral::Database::open("kg.db", {.readOnly = true});
//   for (const auto& m : db.whoMet("Anwar Ibrahim").items)
//       fmt::print("{} x{}\n", m.actor.name, m.meetings);

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bilateral/import/import.hpp"
#include "bilateral/model/date.hpp"
#include "bilateral/model/types.hpp"
#include "bilateral/query/answers.hpp"
#include "bilateral/query/index.hpp"
#include "bilateral/query/queries.hpp"

namespace bilateral {
namespace store {
class Store;
}
namespace graph {
class Projection;
}

struct DatabaseOptions {
    bool readOnly = false;     ///< never write the file (it must exist and be up to date)
    bool create = true;        ///< create a missing file (ignored when readOnly)
    int busyTimeoutMs = 5000;  ///< how long a writer waits for another
    bool snapshot = false;     ///< read-only: one read transaction until closed (OpenOptions)
    bool oneThread = false;    ///< used from one thread at a time (OpenOptions)
};

class Database {
public:
    /// Opens (and, unless read-only, creates or migrates) a database file. Throws StorageError
    /// (missing, not SQLite, not ours, read-only) or SchemaVersionError.
    static Database open(const std::filesystem::path& file, DatabaseOptions options = {});
    /// A database in memory, for tests and scratch work.
    static Database memory();

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    [[nodiscard]] const std::filesystem::path& path() const noexcept;
    [[nodiscard]] bool readOnly() const noexcept;

    /// Imports the files in one transaction (all or nothing); see io::importFiles.
    std::vector<io::ImportSummary> importFiles(const std::vector<std::filesystem::path>& files,
                                               const io::ImportOptions& options = {});

    /// An actor id, or a name or alias naming exactly one actor. Throws NotFoundError or
    /// AmbiguousError (with the candidates).
    std::string resolveActor(std::string_view idOrName);
    /// The actor `idOrName` names (resolveActor), whole: aliases, attributes, evidence.
    model::Actor actor(std::string_view idOrName);
    /// Actors whose name or alias matches, best first.
    std::vector<query::SearchHit> search(std::string_view text, std::size_t limit = 20);

    // Each ACTOR, POST or CENTER below is an id or a name (resolveActor); `limit` 0 means all.
    query::Page<query::MetActor> whoMet(std::string_view actor,
                                        const query::WhoMetOptions& options = {},
                                        std::size_t limit = 0);
    query::Page<query::EventRef> timeline(std::string_view actor,
                                          const query::TimelineOptions& options = {},
                                          std::size_t limit = 0);
    query::Page<query::EventRef> dyadTimeline(std::string_view countryA, std::string_view countryB,
                                              const query::TimelineOptions& options = {},
                                              std::size_t limit = 0);
    query::Page<query::EventRef> countryTimeline(std::string_view country,
                                                 const query::TimelineOptions& options = {},
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
    /// Counts by table and kind, from the tally kept at import.
    model::Counts stats();

    /// The in-memory index of the whole database, for whole-graph analytics; built on first
    /// use and again after an import.
    const query::Index& index();
    /// The Boost.Graph projection of the database (or of the part the filter keeps), for
    /// centrality, components and the graph exports (graph/projection.hpp).
    graph::Projection projection(const query::IndexFilter& filter = {});
    /// The store underneath, for the library's writers and exports.
    store::Store& store() noexcept;

private:
    struct Impl;
    explicit Database(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace bilateral
