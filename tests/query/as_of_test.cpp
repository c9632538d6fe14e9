#include <gtest/gtest.h>

#include "bilateral/error.hpp"
#include "bilateral/query/from_storage.hpp"
#include "bilateral/query/queries.hpp"
#include "fixtures/tiny_index.hpp"

using namespace bilateral::model;
using namespace bilateral::query;
using Strings = std::vector<std::string>;

namespace {

class AsOf : public bilateral::fixtures::TinyStore {
protected:
    /// "person:certainty" per holder of the ambassador post on `day`.
    Strings ambassadors(const char* day) {
        Strings out;
        const auto d = day ? std::optional<Date>(Date::parse(day)) : std::nullopt;
        for (const auto& h : holders(store, "post/ambassador-ita-mys", d)) {
            out.push_back(h.person.id + ":" + std::string(bilateral::model::toString(h.holds)));
        }
        return out;
    }
};

}  // namespace

TEST_F(AsOf, ADayPreciseTermHoldsCertainlyWithinIt) {
    EXPECT_EQ(ambassadors("2023-01-01"), Strings{"person/rustico:certainly"});
    // Rustico's first day; Ravaglia's term ends some time in 2021.
    EXPECT_EQ(ambassadors("2021-10-18"),
              (Strings{"person/rustico:certainly", "person/ravaglia:possibly"}));
    EXPECT_EQ(ambassadors("2025-06-08"), Strings{"person/rustico:certainly"});
    EXPECT_TRUE(ambassadors("2025-06-09").empty());
    EXPECT_TRUE(ambassadors("2025-07-02").empty());
}

TEST_F(AsOf, AYearPreciseEndHoldsPossiblyWithinThatYear) {
    EXPECT_EQ(ambassadors("2020-05-01"), Strings{"person/ravaglia:certainly"});
    EXPECT_EQ(ambassadors("2021-06-15"), Strings{"person/ravaglia:possibly"});
    // Certainly ones first.
    EXPECT_EQ(ambassadors("2021-11-01"),
              (Strings{"person/rustico:certainly", "person/ravaglia:possibly"}));
    EXPECT_EQ(ambassadors("2022-01-01"), Strings{"person/rustico:certainly"});
    // A month-precise start: possibly during September 2017, certainly after.
    EXPECT_EQ(ambassadors("2017-09-10"), Strings{"person/ravaglia:possibly"});
    EXPECT_EQ(ambassadors("2017-10-01"), Strings{"person/ravaglia:certainly"});
}

TEST_F(AsOf, WithoutADayEveryHolderIsListedByStartOfTenure) {
    EXPECT_EQ(ambassadors(nullptr),
              (Strings{"person/ravaglia:certainly", "person/rustico:certainly"}));
}

TEST_F(AsOf, APartialDateAskedIsCertainOnlyWhenEveryDayOfItIs) {
    EXPECT_EQ(ambassadors("2021"),
              (Strings{"person/ravaglia:possibly", "person/rustico:possibly"}));
    EXPECT_EQ(ambassadors("2023-03"), Strings{"person/rustico:certainly"});
    EXPECT_EQ(ambassadors("2025-06"), Strings{"person/rustico:possibly"});
}

TEST_F(AsOf, HoldersNeedsAPost) {
    EXPECT_THROW(holders(store, "person/anwar", std::nullopt), bilateral::InvalidArgumentError);
    EXPECT_THROW(holders(store, "post/nothing", std::nullopt), bilateral::NotFoundError);
}

TEST_F(AsOf, RelationsOfAnActorOnADayWithCertainty) {
    const auto r = relationsAsOf(store, "post/ambassador-ita-mys", Date::parse("2021-11-01"));
    ASSERT_EQ(r.size(), 3u);
    // Certainly first, then by kind (holds_post before post_of).
    EXPECT_EQ(r[0].relation.id, "relation/rustico-ambassador");
    EXPECT_EQ(r[0].holds, Certainty::Certainly);
    EXPECT_EQ(r[1].relation.id, "relation/ravaglia-ambassador");
    EXPECT_EQ(r[1].holds, Certainty::Possibly);
    ASSERT_TRUE(r[1].relation.valid.end);
    EXPECT_EQ(r[1].relation.valid.end->toString(), "2021");
    // An undated relation possibly holds on any day, never certainly.
    EXPECT_EQ(r[2].relation.id, "relation/ambassador-of-italy");
    EXPECT_EQ(r[2].holds, Certainty::Possibly);

    const auto posts = relationsAsOf(store, "post/ambassador-ita-mys", Date::parse("2025-07-02"),
                                     RelationKind::HoldsPost);
    EXPECT_TRUE(posts.empty());
    const auto all = relationsAsOf(store, "person/anwar", std::nullopt);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].relation.to, "post/pm-malaysia");
    EXPECT_TRUE(relationsAsOf(store, "person/anwar", Date::parse("2022-11-23")).empty());
    EXPECT_THROW(relationsAsOf(store, "person/nobody", std::nullopt), bilateral::NotFoundError);
}

TEST(CertaintyOn, CoversDaysMonthsAndYears) {
    bilateral::model::Interval v{Date::parse("2021-10-18"), Date::parse("2025")};
    using bilateral::query::certaintyOn;
    EXPECT_EQ(certaintyOn(v, Date::parse("2021-10-17")), Certainty::No);
    EXPECT_EQ(certaintyOn(v, Date::parse("2021-10")), Certainty::Possibly);
    EXPECT_EQ(certaintyOn(v, Date::parse("2022")), Certainty::Certainly);
    EXPECT_EQ(certaintyOn(v, Date::parse("2025-01-01")), Certainty::Certainly);
    EXPECT_EQ(certaintyOn(v, Date::parse("2025-01-02")), Certainty::Possibly);
    EXPECT_EQ(certaintyOn(v, Date::parse("2026")), Certainty::No);
}

// --- unknown ends and attested dates (issue 11 part 6, issue 9 part 4) ----------------------

namespace {

bilateral::model::Attestation attested(const char* from, const char* to) {
    bilateral::model::Attestation a;
    a.period = {Date::parse(from), Date::parse(to)};
    a.evidence = {{.source = "source/fixture",
                   .basis = bilateral::model::Basis::Inferred,
                   .note = "shown holding it then"}};
    return a;
}

}  // namespace

TEST_F(AsOf, ATenureWithAnUnknownStartIsNeverCertainBeforeItsEnd) {
    auto r = *store.findRelation("relation/ravaglia-ambassador");
    r.valid.start.reset();  // known only by its end, 2021
    store.putRelation(r);
    EXPECT_EQ(ambassadors("1800-01-01"), Strings{"person/ravaglia:possibly"});
    EXPECT_EQ(ambassadors("2020-05-01"), Strings{"person/ravaglia:possibly"});
    EXPECT_EQ(ambassadors("2022-01-01"), Strings{"person/rustico:certainly"});
}

TEST_F(AsOf, AnOpenEndedTenureIsPossiblyHeldAfterItsStartNeverCertainly) {
    const auto anwar = [this](const char* day) {
        return holders(store, "post/pm-malaysia", Date::parse(day));
    };
    EXPECT_TRUE(anwar("2022-11-23").empty());
    ASSERT_EQ(anwar("2023-06-01").size(), 1u);
    EXPECT_EQ(anwar("2023-06-01")[0].holds, Certainty::Possibly);
}

TEST_F(AsOf, AttestedDaysAreCertainWhateverTheTerm) {
    const auto on = [this](const char* day) {
        const auto h = holders(store, "post/pm-malaysia", Date::parse(day));
        return h.empty() ? Certainty::No : h[0].holds;
    };
    auto r = *store.findRelation("relation/anwar-pm");
    r.attested = {attested("2025-07-02", "2025-07-03")};
    store.putRelation(r);
    EXPECT_EQ(on("2025-07-01"), Certainty::Possibly);
    EXPECT_EQ(on("2025-07-02"), Certainty::Certainly);
    EXPECT_EQ(on("2025-07-03"), Certainty::Certainly);
    EXPECT_EQ(on("2025-07-04"), Certainty::Possibly);
    EXPECT_EQ(on("2022-11-23"), Certainty::No);  // still not before the start
    // A month is certain only when attestations cover every day of it.
    EXPECT_EQ(on("2025-07"), Certainty::Possibly);
    r.attested = {attested("2025-07-01", "2025-07-01"), attested("2025-07-04", "2025-07-31")};
    store.putRelation(r);  // merged with the first
    EXPECT_EQ(on("2025-07"), Certainty::Certainly);
    EXPECT_EQ(on("2025"), Certainty::Possibly);
    // relations --as-of answers the same.
    const auto rel = relationsAsOf(store, "person/anwar", Date::parse("2025-07-02"));
    ASSERT_EQ(rel.size(), 1u);
    EXPECT_EQ(rel[0].holds, Certainty::Certainly);
}

TEST(CertaintyOn, AnAttestedPeriodOfPartialDatesIsCertainOnlyOnTheDaysItSurelyCovers) {
    bilateral::model::Relation r;
    r.attested = {attested("2025-06", "2025-08")};  // surely 2025-06-30 .. 2025-08-01
    using bilateral::query::certaintyOn;
    EXPECT_EQ(certaintyOn(r, Date::parse("2025-06-29")), Certainty::Possibly);
    EXPECT_EQ(certaintyOn(r, Date::parse("2025-06-30")), Certainty::Certainly);
    EXPECT_EQ(certaintyOn(r, Date::parse("2025-07")), Certainty::Certainly);
    EXPECT_EQ(certaintyOn(r, Date::parse("2025-08-02")), Certainty::Possibly);
    r.attested = {attested("2025-07", "2025-07")};  // a month: no day is sure
    EXPECT_EQ(certaintyOn(r, Date::parse("2025-07-15")), Certainty::Possibly);
}
