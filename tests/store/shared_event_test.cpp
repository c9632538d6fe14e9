// The events two actors share, as the SQLite engine gives them (Store::sharedEvents) for the rule
// that picks the one a path step names (rules::sharedEventFirst; tests/query/answers_test.cpp
// checks the pick against the Index). Two hubs' event lists are merged, a short list probes the
// other actor's participations; both ways give what one SQL join over the file gives.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "sqlite/bulk_writer.hpp"
#include "sqlite/store.hpp"
#include "sqlite/store_impl.hpp"

namespace bilateral {
namespace {

model::Actor person(const std::string& id) {
    model::Actor a;
    a.id = id;
    a.kind = model::ActorKind::Person;
    a.name = id;
    a.country = "FRA";
    return a;
}

/// The same question as one join, written here apart from the store's own statements: each
/// shared event's row, whether it occurred, and its days (the undated day when it has none).
using Shared = std::tuple<std::int64_t, bool, std::int64_t, std::int64_t>;
std::vector<Shared> joined(sqlite::Store& s, std::int64_t a, std::int64_t b) {
    auto st = sqlite::detail::prepare(
        s,
        "SELECT e.id, e.status = 'occurred', coalesce(e.day_lo, ?3), coalesce(e.day_hi, ?3) FROM "
        "event e WHERE EXISTS (SELECT 1 FROM participation WHERE event_id = e.id AND actor_id = "
        "?1) AND EXISTS (SELECT 1 FROM participation WHERE event_id = e.id AND actor_id = ?2) "
        "ORDER BY e.id");
    st.bind(1, a).bind(2, b).bind(3, static_cast<std::int64_t>(model::kUndatedDay));
    std::vector<Shared> out;
    while (st.step())
        out.emplace_back(st.getInt64(0), st.getInt(1) != 0, st.getInt64(2), st.getInt64(3));
    return out;
}

std::vector<Shared> sharedOf(sqlite::Store& s, std::int64_t a, std::int64_t b) {
    std::vector<Shared> out;
    for (const auto& x : s.sharedEvents(a, b)) out.emplace_back(x.row, x.occurred, x.lo, x.hi);
    std::sort(out.begin(), out.end());
    return out;
}

TEST(SharedEvents, HubsAndSmallActorsGiveWhatOneJoinGives) {
    auto s = sqlite::Store::memory();
    std::int64_t hub1 = 0, hub2 = 0, hub3 = 0, small = 0, alone = 0;
    {
        sqlite::Transaction tx(s);
        sqlite::BulkWriter w(s);
        hub1 = w.insertActor(person("person/hub-1"));
        hub2 = w.insertActor(person("person/hub-2"));
        hub3 = w.insertActor(person("person/hub-3"));
        small = w.insertActor(person("person/small"));
        alone = w.insertActor(person("person/alone"));
        std::uint32_t x = 12345u;
        auto next = [&x] {
            x = x * 1103515245u + 12345u;
            return (x >> 8) & 0xFFFFu;
        };
        // Thousands of events each for the hubs, most of them with one other hub, days out of
        // row order (and some undated), so that the earliest is not the first row.
        for (int i = 0; i < 3000; ++i) {
            const auto id = "event/e" + std::to_string(i);
            sqlite::BulkWriter::EventRow row{.id = id, .kind = "talks", .title = "t"};
            if (i % 97 != 0) {
                const auto day = 15000 + static_cast<std::int64_t>(next() % 4000);
                row.startLo = day;
                row.startHi = day;
            }
            const auto e = w.insertEvent(row);
            ASSERT_TRUE(e.has_value());
            const auto pick = next() % 3;
            w.insertParticipation(*e, pick == 2 ? hub2 : hub1, model::Role::Source);
            w.insertParticipation(*e, pick == 0 ? hub2 : hub3, model::Role::Target);
            if (i % 500 == 7) w.insertParticipation(*e, small, model::Role::Attendee);
        }
        w.finish();
        tx.commit();
    }
    for (const auto& [a, b] : std::vector<std::pair<std::int64_t, std::int64_t>>{{hub1, hub2},
                                                                                 {hub2, hub3},
                                                                                 {hub3, hub1},
                                                                                 {hub1, small},
                                                                                 {small, hub3},
                                                                                 {hub2, hub1},
                                                                                 {hub1, alone}}) {
        EXPECT_EQ(sharedOf(s, a, b), joined(s, a, b)) << a << " and " << b;
    }
    EXPECT_GT(sharedOf(s, hub1, hub2).size(), 500u);  // two hubs: merged lists
    EXPECT_FALSE(sharedOf(s, hub1, small).empty());   // a short list probing a hub's
    EXPECT_TRUE(sharedOf(s, hub1, alone).empty());
}

}  // namespace
}  // namespace bilateral
