// bilateral::Database: an engine chosen by the location (engines.cpp), the answers of query/,
// and the index built on first use.

#include "bilateral/database.hpp"

#include "bilateral/error.hpp"

#include "bilateral/export/from_storage.hpp"
#include "bilateral/graph/from_storage.hpp"
#include "bilateral/import/from_storage.hpp"
#include "bilateral/query/from_storage.hpp"
#include "bilateral/report/from_storage.hpp"
#include "database_impl.hpp"
#include "engines.hpp"

namespace bilateral {

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Database Database::open(const std::string& location, DatabaseOptions options) {
    return Database(std::make_unique<Impl>(api::openEngine(location, options)));
}

Database Database::memory() {
    return Database(std::make_unique<Impl>(api::memoryEngine()));
}

void Database::initShards(const std::string& coordinator, const std::vector<std::string>& shards) {
    api::initShards(coordinator, shards);
}

const std::string& Database::location() const noexcept {
    return impl_->engine->location();
}
bool Database::readOnly() const noexcept {
    return impl_->engine->readOnly();
}
void Database::interrupt() noexcept {
    impl_->engine->interrupt();
}

std::vector<io::ImportSummary> Database::importFiles(
    const std::vector<std::filesystem::path>& files, const io::ImportOptions& options) {
    impl_->index.reset();
    return io::importFiles(*impl_->engine, files, options);
}

std::string Database::resolveActor(std::string_view idOrName) {
    return query::resolveGroup(*impl_->engine, idOrName);
}

std::string Database::resolveActor(std::string_view idOrName, model::ActorKind kind) {
    return query::resolveGroup(*impl_->engine, idOrName, kind);
}

std::string Database::resolveActor(std::string_view idOrName, bool merge) {
    return merge ? query::resolveGroup(*impl_->engine, idOrName)
                 : query::resolveActor(*impl_->engine, idOrName);
}

query::ActorRef Database::actorRef(std::string_view idOrName) {
    return query::groupRef(*impl_->engine, resolveActor(idOrName));
}

query::ActorRef Database::actorRef(std::string_view idOrName, bool merge) {
    return merge ? actorRef(idOrName)
                 : query::actorRef(*impl_->engine, resolveActor(idOrName, false));
}

std::optional<model::Source> Database::source(std::string_view id) {
    return impl_->engine->findSource(id);
}

model::Actor Database::actor(std::string_view idOrName) {
    const auto id = resolveActor(idOrName);
    if (auto a = impl_->engine->findActor(id)) return std::move(*a);
    throw NotFoundError("no actor with id \"" + id + "\"");
}

std::vector<query::SearchHit> Database::search(std::string_view text, std::size_t limit) {
    return query::search(*impl_->engine, text, limit);
}

query::Page<query::MetActor> Database::whoMet(std::string_view actor,
                                              const query::WhoMetOptions& options,
                                              std::size_t limit) {
    return query::whoMet(*impl_->engine, resolveActor(actor, options.merge), options, limit);
}

query::Page<query::EventRef> Database::timeline(std::string_view actor,
                                                const query::TimelineOptions& options,
                                                std::size_t limit) {
    return query::actorTimeline(*impl_->engine, resolveActor(actor, options.merge), options, limit);
}

query::Page<query::EventRef> Database::dyadTimeline(std::string_view countryA,
                                                    std::string_view countryB,
                                                    const query::TimelineOptions& options,
                                                    std::size_t limit) {
    return query::dyadTimeline(*impl_->engine, countryA, countryB, options, limit);
}

query::Page<query::EventRef> Database::countryTimeline(std::string_view country,
                                                       const query::TimelineOptions& options,
                                                       std::size_t limit) {
    return query::countryTimeline(*impl_->engine, country, options, limit);
}

namespace {
void requireCountry(storage::Engine& engine, std::string_view code) {
    if (!engine.hasCountry(code)) {
        throw NotFoundError("no actor or place has country \"" + std::string(code) + "\"");
    }
}
}  // namespace

query::TrendAnswer Database::trend(std::string_view actor, const query::TrendOptions& options) {
    const auto id = resolveActor(actor, options.merge);
    const auto row = impl_->engine->actorRow(id);
    if (!row) throw NotFoundError("no actor with id \"" + id + "\"");
    storage::TrendSubject subject;
    subject.actor = *row;
    return query::trend(*impl_->engine, subject, options);
}

query::TrendAnswer Database::dyadTrend(std::string_view countryA, std::string_view countryB,
                                       const query::TrendOptions& options) {
    if (countryA == countryB) throw InvalidArgumentError("a dyad needs two different countries");
    requireCountry(*impl_->engine, countryA);
    requireCountry(*impl_->engine, countryB);
    storage::TrendSubject subject{std::string(countryA), std::string(countryB), options.directed,
                                  std::nullopt};
    return query::trend(*impl_->engine, subject, options);
}

query::TrendAnswer Database::countryTrend(std::string_view country,
                                          const query::TrendOptions& options) {
    requireCountry(*impl_->engine, country);
    storage::TrendSubject subject{std::string(country), {}, false, std::nullopt};
    return query::trend(*impl_->engine, subject, options);
}

query::Page<query::PairRow> Database::pairs(const query::PairsOptions& options, std::size_t limit) {
    if (!options.country.empty()) requireCountry(*impl_->engine, options.country);
    return query::pairs(*impl_->engine, options, limit);
}

std::vector<query::RelationAsOf> Database::relations(std::string_view actor,
                                                     std::optional<model::Date> asOf,
                                                     std::optional<model::RelationKind> kind) {
    return query::relationsAsOf(*impl_->engine, resolveActor(actor), asOf, kind);
}

std::vector<query::PostHolder> Database::holders(std::string_view post,
                                                 std::optional<model::Date> on) {
    return query::holders(*impl_->engine, resolveActor(post, model::ActorKind::Post), on);
}

query::PathAnswer Database::path(std::string_view from, std::string_view to,
                                 const query::PathOptions& options) {
    const auto a = resolveActor(from);
    const auto b = resolveActor(to);
    return query::path(*impl_->engine, a, b, options);
}

query::Page<query::EgoMember> Database::ego(std::string_view center, int hops,
                                            query::Through through, std::size_t limit) {
    return query::egoNetwork(*impl_->engine, resolveActor(center), hops, through, limit);
}

model::Counts Database::stats() {
    return impl_->engine->counts();
}

const query::Index& Database::index() {
    if (!impl_->index) impl_->index.emplace(query::buildIndex(*impl_->engine));
    return *impl_->index;
}

graph::Projection Database::projection(const query::IndexFilter& filter) {
    return graph::buildProjection(*impl_->engine, filter);
}

void Database::writeExport(std::ostream& out, io::ExportFormat format,
                           const graph::Projection& projection, const io::ExportOptions& options) {
    io::writeExport(out, format, *impl_->engine, projection, options);
}

std::vector<query::Disagreement> Database::disagreements() {
    const auto snapshot = impl_->engine->snapshot();
    return query::disagreements(*impl_->engine);
}

io::Dataset Database::dataset() {
    const auto snapshot = impl_->engine->snapshot();
    return io::datasetFromStore(*impl_->engine);
}

io::ReportSummary Database::writeReport(std::ostream& out, const io::ReportSelection& selection,
                                        const io::ReportOptions& options) {
    const auto snapshot = impl_->engine->snapshot();
    return io::writeHtmlReport(out, *impl_->engine, selection, options);
}

}  // namespace bilateral
