// Fuzz target: name search and actor resolution, the two places user text meets a query
// language (FTS5). Any text is words to look for: it finds some actors or none, resolves or
// is NotFound/Ambiguous, and is never an FTS5 syntax error (a StorageError) or a crash.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bilateral/error.hpp"
#include "bilateral/query/queries.hpp"
#include "bilateral/sqlite/store.hpp"
#include "fuzz_check.hpp"

using namespace bilateral;

namespace {

store::Store& sampleStore() {
    static auto* s = [] {
        auto* store = new store::Store(store::Store::memory());
        const char* const names[][2] = {
            {"person/anwar", "Anwar Ibrahim"},         {"person/anwar-2", "Anwar"},
            {"person/meloni", "Giorgia Meloni"},       {"country/MYS", "Malaysia"},
            {"body/cdp", "Cassa Depositi e Prestiti"}, {"person/o", "O'Brien \"Quote\" NEAR AND"},
        };
        for (const auto& [id, name] : names) {
            model::Actor a{.id = id, .kind = model::ActorKind::Person, .name = name};
            a.aliases = {std::string("YAB Dato\u2019 Seri ") + name, "CDP"};
            store->putActor(a);
        }
        return store;
    }();
    return *s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto& store = sampleStore();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto hits = query::search(store, text, 50);
        FUZZ_CHECK(hits.size() <= 6);
    } catch (const StorageError& e) {
        std::fprintf(stderr, "search failed in SQLite: %s\n", e.what());
        FUZZ_CHECK(false);
    } catch (const InvalidArgumentError&) {
    }
    try {
        (void)query::resolveActor(store, text);
    } catch (const NotFoundError&) {
    } catch (const AmbiguousError&) {
    } catch (const InvalidArgumentError&) {
    } catch (const StorageError& e) {
        std::fprintf(stderr, "resolution failed in SQLite: %s\n", e.what());
        FUZZ_CHECK(false);
    }
    return 0;
}
