// Uses the installed library: opens an in-memory store, writes and reads back an actor, and
// parses a partial date. Exits 0 and prints "ok" when all of that works.

#include <cstdio>

#include "bilateral/model/date.hpp"
#include "bilateral/store/store.hpp"

int main() {
    auto store = bilateral::store::Store::memory();
    store.putActor(
        {.id = "country/ITA", .kind = bilateral::model::ActorKind::Country, .name = "Italy"});
    const auto actor = store.getActor("country/ITA");
    const auto date = bilateral::model::Date::parse("2025-07");
    if (actor.name != "Italy" || date.toString() != "2025-07" ||
        store.schemaVersion() != bilateral::store::kSchemaVersion) {
        std::puts("unexpected result");
        return 1;
    }
    std::printf("ok: %s, %s\n", actor.name.c_str(), date.toString().c_str());
    return 0;
}
