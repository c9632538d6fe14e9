// [identity] The group rule of same_as relations (rules/identity.hpp): groups joined directly or
// through other records, their canonical record, the relation's id.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bilateral/rules/identity.hpp"

namespace {

using bilateral::rules::SameAsGroups;

TEST(SameAsRules, RecordsJoinedThroughOthersAreOneGroup) {
    SameAsGroups g;
    EXPECT_TRUE(g.empty());
    g.join(7, 3);
    g.join(9, 12);
    EXPECT_EQ(g.members(3), (std::vector<SameAsGroups::Handle>{3, 7}));
    EXPECT_EQ(g.members(12), (std::vector<SameAsGroups::Handle>{9, 12}));
    EXPECT_NE(g.key(3), g.key(9));
    g.join(12, 7);  // joins the two groups
    EXPECT_EQ(g.members(9), (std::vector<SameAsGroups::Handle>{3, 7, 9, 12}));
    EXPECT_EQ(g.key(12), g.key(3));
    EXPECT_EQ(g.key(12), 3);
    // A record with no relation is a group of its own.
    EXPECT_FALSE(g.grouped(5));
    EXPECT_EQ(g.members(5), (std::vector<SameAsGroups::Handle>{5}));
    EXPECT_EQ(g.key(5), 5);
}

TEST(SameAsRules, TheCanonicalRecordIsACuratedOneThenTheFirstInNaturalOrder) {
    using bilateral::rules::canonicalOf;
    const std::vector<std::string> ids{"icews/person/Antonio Tajani", "person/tajani",
                                       "gdelt/ITA/ITAGOV"};
    EXPECT_EQ(canonicalOf(ids), 1u);
    const std::vector<std::string> events{"icews/a10", "gdelt/x", "icews/a9"};
    EXPECT_EQ(canonicalOf(events), 1u);  // "gdelt/..." before "icews/..."
    const std::vector<std::string> numbered{"icews/a10", "icews/a9"};
    EXPECT_EQ(canonicalOf(numbered), 1u);  // natural order: a9 before a10
    EXPECT_TRUE(bilateral::rules::fromEventFile("gdelt/BRA/BRAGOV"));
    EXPECT_FALSE(bilateral::rules::fromEventFile("country/BRA"));
}

TEST(SameAsRules, TheRelationIdIsTheSameWhicheverComesFirst) {
    using bilateral::rules::sameAsId;
    EXPECT_EQ(sameAsId("person/b", "person/a"), sameAsId("person/a", "person/b"));
    EXPECT_EQ(sameAsId("person/a", "person/b"), "same_as/person/a = person/b");
    EXPECT_NE(sameAsId("person/a", "person/b"), sameAsId("person/a", "person/c"));
}

}  // namespace
