// bilateral::Database: the store, the answers from the file, and the index built on first use.

#include "bilateral/database.hpp"

#include "bilateral/graph/projection.hpp"
#include "bilateral/sqlite/store.hpp"

namespace bilateral {

struct Database::Impl {
    explicit Impl(store::Store s) : store(std::move(s)) {}
    store::Store store;
    std::optional<query::Index> index;
};

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Database Database::open(const std::filesystem::path& file, DatabaseOptions options) {
    store::OpenOptions o;
    o.readOnly = options.readOnly;
    o.create = options.create;
    o.busyTimeoutMs = options.busyTimeoutMs;
    o.snapshot = options.snapshot;
    o.oneThread = options.oneThread;
    return Database(std::make_unique<Impl>(store::Store::open(file, o)));
}

Database Database::memory() {
    return Database(std::make_unique<Impl>(store::Store::memory()));
}

const std::filesystem::path& Database::path() const noexcept {
    return impl_->store.path();
}
bool Database::readOnly() const noexcept {
    return impl_->store.readOnly();
}
store::Store& Database::store() noexcept {
    return impl_->store;
}

std::vector<io::ImportSummary> Database::importFiles(
    const std::vector<std::filesystem::path>& files, const io::ImportOptions& options) {
    impl_->index.reset();
    return io::importFiles(impl_->store, files, options);
}

std::string Database::resolveActor(std::string_view idOrName) {
    return query::resolveActor(impl_->store, idOrName);
}

model::Actor Database::actor(std::string_view idOrName) {
    return impl_->store.getActor(resolveActor(idOrName));
}

graph::Projection Database::projection(const query::IndexFilter& filter) {
    return graph::Projection::build(impl_->store, filter);
}

std::vector<query::SearchHit> Database::search(std::string_view text, std::size_t limit) {
    return query::search(impl_->store, text, limit);
}

query::Page<query::MetActor> Database::whoMet(std::string_view actor,
                                              const query::WhoMetOptions& options,
                                              std::size_t limit) {
    return query::whoMet(impl_->store, resolveActor(actor), options, limit);
}

query::Page<query::EventRef> Database::timeline(std::string_view actor,
                                                const query::TimelineOptions& options,
                                                std::size_t limit) {
    return query::actorTimeline(impl_->store, resolveActor(actor), options, limit);
}

query::Page<query::EventRef> Database::dyadTimeline(std::string_view countryA,
                                                    std::string_view countryB,
                                                    const query::TimelineOptions& options,
                                                    std::size_t limit) {
    return query::dyadTimeline(impl_->store, countryA, countryB, options, limit);
}

query::Page<query::EventRef> Database::countryTimeline(std::string_view country,
                                                       const query::TimelineOptions& options,
                                                       std::size_t limit) {
    return query::countryTimeline(impl_->store, country, options, limit);
}

std::vector<query::RelationAsOf> Database::relations(std::string_view actor,
                                                     std::optional<model::Date> asOf,
                                                     std::optional<model::RelationKind> kind) {
    return query::relationsAsOf(impl_->store, resolveActor(actor), asOf, kind);
}

std::vector<query::PostHolder> Database::holders(std::string_view post,
                                                 std::optional<model::Date> on) {
    return query::holders(impl_->store, resolveActor(post), on);
}

query::PathAnswer Database::path(std::string_view from, std::string_view to,
                                 const query::PathOptions& options) {
    const auto a = resolveActor(from);
    const auto b = resolveActor(to);
    return query::path(impl_->store, a, b, options);
}

query::Page<query::EgoMember> Database::ego(std::string_view center, int hops,
                                            query::Through through, std::size_t limit) {
    return query::egoNetwork(impl_->store, resolveActor(center), hops, through, limit);
}

model::Counts Database::stats() {
    return impl_->store.counts();
}

const query::Index& Database::index() {
    if (!impl_->index) impl_->index.emplace(query::Index::build(impl_->store));
    return *impl_->index;
}

}  // namespace bilateral
