// Hostile values: quotes, semicolons, %, NUL bytes, right-to-left marks and SQL fragments are
// stored and returned byte for byte and never change a statement.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bilateral/error.hpp"
#include "bilateral/sqlite/store.hpp"
#include "hostile.hpp"
#include "store_impl.hpp"
#include "support.hpp"

using namespace bilateral;
using reliability::hostileStrings;

namespace {

std::int64_t tableCount(store::Store& s) {
    auto st = store::detail::prepare(s, "SELECT count(*) FROM sqlite_schema");
    st.step();
    const auto n = st.getInt64(0);
    st.reset();
    return n;
}

}  // namespace

TEST(HostileValues, AreStoredAndReadBackByteForByteThroughTheStore) {
    auto s = store::Store::memory();
    const auto schemaObjects = tableCount(s);
    const auto values = hostileStrings();
    s.putSource({.id = "source/plain", .title = "plain"});
    for (std::size_t i = 0; i < values.size(); ++i) {
        const std::string& v = values[i];
        SCOPED_TRACE("value #" + std::to_string(i));
        s.putSource({.id = v, .title = v, .kind = v, .author = v, .url = v, .file = v});
        model::Actor a{.id = v, .kind = model::ActorKind::Person, .name = v};
        a.aliases = {v, v + "'"};
        a.country = v;
        a.attributes = {{v, v}, {"k", v}};
        a.evidence = {{.source = v, .quote = v, .note = v}};
        s.putActor(a);
        model::Event e{.id = v, .kind = model::EventKind::Talks, .title = v};
        e.location = v;
        e.cameo = v;
        e.attributes = {{v, std::int64_t{1}}};
        e.participants = {
            {.actor = v, .role = model::Role::Host, .evidence = {{.source = v, .quote = v}}}};
        e.evidence = {{.source = "source/plain", .quote = v}};
        s.putEvent(e);
        model::Relation r{.id = v, .kind = model::RelationKind::AffiliatedWith, .from = v, .to = v};
        r.attributes = {{"x", v}};
        r.evidence = {{.source = v, .note = v}};
        s.putRelation(r);

        const auto src = s.findSource(v);
        ASSERT_TRUE(src);
        EXPECT_EQ(src->id, v);
        EXPECT_EQ(src->title, v);
        EXPECT_EQ(src->author, v);
        EXPECT_EQ(src->url, v);
        const auto back = s.getActor(v);
        EXPECT_EQ(back.id, v);
        EXPECT_EQ(back.name, v);
        EXPECT_EQ(back.country, v);
        EXPECT_EQ(back.aliases.size(), 2u);
        EXPECT_EQ(back.attributes, a.attributes);
        ASSERT_EQ(back.evidence.size(), 1u);
        EXPECT_EQ(back.evidence[0].source, v);
        EXPECT_EQ(back.evidence[0].quote, v);
        EXPECT_EQ(back.evidence[0].note, v);
        const auto ev = s.getEvent(v);
        EXPECT_EQ(ev.title, v);
        EXPECT_EQ(ev.location, v);
        EXPECT_EQ(ev.cameo, v);
        EXPECT_EQ(ev.attributes, e.attributes);
        ASSERT_EQ(ev.participants.size(), 1u);
        EXPECT_EQ(ev.participants[0].actor, v);
        EXPECT_EQ(ev.participants[0].evidence[0].quote, v);
        const auto rel = s.findRelation(v);
        ASSERT_TRUE(rel);
        EXPECT_EQ(rel->from, v);
        EXPECT_EQ(rel->attributes, r.attributes);
    }
    // Nothing was created or dropped by any value, and every record is there exactly once.
    EXPECT_EQ(tableCount(s), schemaObjects);
    const auto c = s.counts();
    EXPECT_EQ(c.actors, static_cast<std::int64_t>(values.size()));
    EXPECT_EQ(c.events, static_cast<std::int64_t>(values.size()));
    EXPECT_EQ(c.relations, static_cast<std::int64_t>(values.size()));
    EXPECT_EQ(c.sources, static_cast<std::int64_t>(values.size()) + 1);
}

TEST(HostileValues, NeverMatchAnotherRecordsId) {
    auto s = store::Store::memory();
    s.putActor({.id = "person/a", .kind = model::ActorKind::Person, .name = "A"});
    for (const auto& v : hostileStrings()) {
        EXPECT_FALSE(s.findActor(v)) << v;
        EXPECT_THROW((void)s.getActor(v), NotFoundError);
    }
    EXPECT_FALSE(s.findActor("person/a' OR '1'='1"));
    EXPECT_FALSE(s.findActor("person/%"));
    EXPECT_FALSE(s.findActor("person/_"));
    EXPECT_FALSE(s.findActor(std::string("person/a\0", 9)));
    EXPECT_TRUE(s.findActor("person/a"));
}
