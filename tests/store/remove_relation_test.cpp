// [identity] A relation removed (Engine::removeRelation, as `bilateral same-as --remove` does):
// its evidence goes with it and the counts kept at import are what they were before it was
// added; a relation that is not there is reported, not an error.

#include <gtest/gtest.h>

#include "bilateral/rules/identity.hpp"
#include "fixtures/tiny.hpp"
#include "sqlite/store.hpp"

namespace bilateral {
namespace {

TEST(RemoveRelation, TheCountsAreWhatTheyWereBeforeItWasAdded) {
    auto s = sqlite::Store::memory();
    fixtures::fillTiny(s);
    const auto before = s.counts();
    model::Relation r;
    r.id = rules::sameAsId("person/tajani", "person/meloni");
    r.kind = model::RelationKind::SameAs;
    r.from = "person/meloni";
    r.to = "person/tajani";
    r.evidence.push_back(model::Evidence{"source/fixture", std::nullopt, std::nullopt,
                                         model::Basis::Stated, std::nullopt, "checked"});
    s.putRelation(r);
    const auto added = s.counts();
    EXPECT_EQ(added.relations, before.relations + 1);
    EXPECT_EQ(added.evidence, before.evidence + 1);
    EXPECT_EQ(s.relationEnds(model::RelationKind::SameAs).size(), 1u);

    EXPECT_TRUE(s.removeRelation(r.id));
    EXPECT_FALSE(s.findRelation(r.id));
    EXPECT_TRUE(s.relationEnds(model::RelationKind::SameAs).empty());
    const auto after = s.counts();
    EXPECT_EQ(after.relations, before.relations);
    EXPECT_EQ(after.evidence, before.evidence);
    EXPECT_EQ(after.relationsByKind, before.relationsByKind);
    EXPECT_FALSE(s.removeRelation(r.id));
}

}  // namespace
}  // namespace bilateral
