// The event a path step names between two actors (Store::sharedEvent): the earliest occurred
// event both took part in. Two hubs' event lists are merged, a short list probes the other
// actor's participations; both ways give what one ordered SQL join over the file gives.

#include <gtest/gtest.h>

#include <string>

#include "bilateral/sqlite/bulk_writer.hpp"
#include "bilateral/sqlite/store.hpp"
#include "store_impl.hpp"

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

/// The same question as one join, written here apart from the store's own statements.
std::optional<std::int64_t> joined(store::Store& s, std::int64_t a, std::int64_t b) {
    auto st = store::detail::prepare(
        s,
        "SELECT e.id FROM event e WHERE EXISTS (SELECT 1 FROM participation WHERE event_id = e.id "
        "AND actor_id = ?1) AND EXISTS (SELECT 1 FROM participation WHERE event_id = e.id AND "
        "actor_id = ?2) ORDER BY e.status <> 'occurred', coalesce(e.day_lo, 2147483647), "
        "coalesce(e.day_hi, 2147483647), length(e.key), e.key LIMIT 1");
    st.bind(1, a).bind(2, b);
    std::optional<std::int64_t> out;
    if (st.step()) out = st.getInt64(0);
    st.reset();
    return out;
}

TEST(SharedEvent, HubsAndSmallActorsGiveWhatOneJoinGives) {
    auto s = store::Store::memory();
    std::int64_t hub1 = 0, hub2 = 0, hub3 = 0, small = 0, alone = 0;
    {
        store::Transaction tx(s);
        store::BulkWriter w(s);
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
            store::BulkWriter::EventRow row{.id = id, .kind = "talks", .title = "t"};
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
        EXPECT_EQ(s.sharedEvent(a, b), joined(s, a, b)) << a << " and " << b;
    }
    EXPECT_TRUE(s.sharedEvent(hub1, hub2).has_value());
    EXPECT_FALSE(s.sharedEvent(hub1, alone).has_value());
}

}  // namespace
}  // namespace bilateral
