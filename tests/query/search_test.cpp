#include <gtest/gtest.h>

#include "bilateral/error.hpp"
#include "bilateral/query/from_storage.hpp"
#include "bilateral/query/queries.hpp"
#include "fixtures/tiny_index.hpp"

using namespace bilateral::query;
using Strings = std::vector<std::string>;

namespace {

class Search : public bilateral::fixtures::TinyStore {
protected:
    Strings ids(std::string_view text) {
        Strings out;
        for (const auto& h : search(store, text)) out.push_back(h.id);
        return out;
    }
};

}  // namespace

TEST_F(Search, IgnoresCaseAccentsAndApostropheStyle) {
    EXPECT_EQ(ids("Tajani"), Strings{"person/tajani"});
    EXPECT_EQ(ids("TAJ\u00c0NI"), Strings{"person/tajani"});
    EXPECT_EQ(ids("antonio tajani"), Strings{"person/tajani"});
    // The alias has a curly apostrophe; straight, curly and backtick forms all find it.
    for (const char* q : {"Dato' Seri Zambry", "Dato\u2019 Seri Zambry", "dato` seri zambry"}) {
        const auto hits = search(store, q);
        ASSERT_FALSE(hits.empty()) << q;
        EXPECT_EQ(hits.front().id, "person/zambry") << q;
        EXPECT_EQ(hits.front().matched, "Dato\u2019 Seri Zambry") << q;
    }
}

TEST_F(Search, MatchesTheLastWordAsAPrefix) {
    EXPECT_EQ(ids("Melo"), Strings{"person/meloni"});
    EXPECT_EQ(ids("giorgia mel"), Strings{"person/meloni"});
    EXPECT_TRUE(ids("eloni").empty());  // prefixes, not substrings
}

TEST_F(Search, FindsEveryActorSharingAWordAndPutsExactNamesFirst) {
    const auto seri = ids("dato seri");
    EXPECT_EQ(seri.size(), 2u);
    const auto hits = search(store, "Anwar Ibrahim");
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits.front().id, "person/anwar");
    EXPECT_EQ(hits.front().matched, "Anwar Ibrahim");
    EXPECT_EQ(hits.front().name, "Anwar Ibrahim");
    EXPECT_EQ(hits.front().kind, bilateral::model::ActorKind::Person);
    const auto hasan = ids("mohamad hasan");
    EXPECT_EQ(hasan, (Strings{"person/hasan-1", "person/hasan-2"}));
    const auto italy = search(store, "italy");
    ASSERT_GE(italy.size(), 2u);  // Italy, and the ambassador "of Italy to Malaysia"
    EXPECT_EQ(italy.front().id, "country/ITA");
    EXPECT_EQ(search(store, "italy", 1).size(), 1u);
}

TEST_F(Search, NeverLetsInputInjectFtsSyntax) {
    for (const char* q : {"\"",
                          "*",
                          "OR",
                          "AND",
                          "NOT",
                          "NEAR(",
                          "NEAR(a b",
                          "a OR b",
                          "\"meloni",
                          "meloni\"",
                          "meloni*",
                          "-meloni",
                          "^meloni",
                          "text:meloni",
                          "(",
                          ")",
                          "{text}: x",
                          "",
                          "   ",
                          "'",
                          "\u2019",
                          "a\"b\"c",
                          "NEAR(\"giorgia\" \"meloni\", 2)"}) {
        EXPECT_NO_THROW(search(store, q)) << q;
    }
    EXPECT_EQ(ids("meloni\""), Strings{"person/meloni"});
    EXPECT_EQ(ids("text:meloni"), Strings{});  // "text meloni": no actor has both words
    EXPECT_EQ(ids("(meloni)"), Strings{"person/meloni"});
    EXPECT_TRUE(ids("OR").empty());
}

TEST(ResolveActor, TakesAnIdAsIs) {
    auto store = bilateral::fixtures::tinyStore();
    EXPECT_EQ(resolveActor(store, "person/meloni"), "person/meloni");
    EXPECT_EQ(resolveActor(store, "country/ITA"), "country/ITA");
}

TEST(ResolveActor, MatchesAWholeNameOrAliasIgnoringCaseAccentsAndApostrophes) {
    auto store = bilateral::fixtures::tinyStore();
    EXPECT_EQ(resolveActor(store, "giorgia meloni"), "person/meloni");
    EXPECT_EQ(resolveActor(store, "Hon. Giorgia Meloni"), "person/meloni");
    EXPECT_EQ(resolveActor(store, "Antonio Tajani"), "person/tajani");
    EXPECT_EQ(resolveActor(store, "Dato' Seri Zambry"), "person/zambry");
    EXPECT_EQ(resolveActor(store, "YAB DATO\u2019 SERI ANWAR IBRAHIM"), "person/anwar");
    EXPECT_EQ(resolveActor(store, "Italian Republic"), "country/ITA");
}

TEST(ResolveActor, AnAmbiguousNameListsTheCandidates) {
    auto store = bilateral::fixtures::tinyStore();
    try {
        resolveActor(store, "mohamad hasan");
        FAIL() << "expected AmbiguousError";
    } catch (const bilateral::AmbiguousError& e) {
        EXPECT_EQ(e.candidates(), (Strings{"person/hasan-1", "person/hasan-2"}));
        EXPECT_NE(std::string(e.what()).find("person/hasan-2"), std::string::npos);
    }
}

TEST(ResolveActor, APartialOrUnknownNameIsNotFoundAndSuggestsSearch) {
    auto store = bilateral::fixtures::tinyStore();
    EXPECT_THROW(resolveActor(store, "Meloni"), bilateral::NotFoundError);
    EXPECT_THROW(resolveActor(store, "\""), bilateral::NotFoundError);
    EXPECT_THROW(resolveActor(store, ""), bilateral::NotFoundError);
    try {
        resolveActor(store, "Nobody Known");
        FAIL() << "expected NotFoundError";
    } catch (const bilateral::NotFoundError& e) {
        EXPECT_NE(std::string(e.what()).find("bilateral search"), std::string::npos);
    }
}

TEST(ResolveActor, ACountrysOwnNameWinsOverActorsCarryingItAsNameOrAlias) {
    auto store = bilateral::fixtures::tinyStore();
    // GDELT names code-merged actors after the country ("ITALY" for ITAGOV, ITAMIL).
    bilateral::model::Actor gov;
    gov.id = "gdelt/ITA/ITAGOV";
    gov.kind = bilateral::model::ActorKind::GovernmentBody;
    gov.name = "Italy";
    bilateral::model::Actor mil = gov;
    mil.id = "gdelt/ITA/ITAMIL";
    mil.name = "ITALIAN MILITARY";
    mil.aliases = {"Italy"};
    store.putActor(gov);
    store.putActor(mil);
    EXPECT_EQ(resolveActor(store, "italy"), "country/ITA");
    EXPECT_EQ(resolveActor(store, "Italian Military"), "gdelt/ITA/ITAMIL");
    // Without a country actor of that name, a name two actors share stays ambiguous.
    bilateral::model::Actor other = gov;
    other.id = "gdelt/ITA/ITACVL";
    other.name = "ITALIAN MILITARY";
    store.putActor(other);
    EXPECT_THROW(resolveActor(store, "italian military"), bilateral::AmbiguousError);
}
