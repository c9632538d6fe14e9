#include <gtest/gtest.h>

#include "bilateral/error.hpp"
#include "bilateral/query/from_storage.hpp"
#include "bilateral/query/queries.hpp"
#include "fixtures/tiny_index.hpp"

#include <optional>

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

namespace {

std::string notFoundMessage(bilateral::sqlite::Store& store, std::string_view text,
                            std::optional<bilateral::model::ActorKind> kind = std::nullopt) {
    try {
        resolveActor(store, text, kind);
    } catch (const bilateral::NotFoundError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected NotFoundError for " << text;
    return {};
}

Strings candidatesOf(bilateral::sqlite::Store& store, std::string_view text) {
    try {
        resolveActor(store, text);
    } catch (const bilateral::AmbiguousError& e) {
        return e.candidates();
    }
    ADD_FAILURE() << "expected AmbiguousError for " << text;
    return {};
}

}  // namespace

TEST(ResolveActor, AUniqueSurnameOrNamePartNamesItsPerson) {
    auto store = bilateral::fixtures::tinyStore();
    EXPECT_EQ(resolveActor(store, "Meloni"), "person/meloni");
    EXPECT_EQ(resolveActor(store, "giorgia"), "person/meloni");
    EXPECT_EQ(resolveActor(store, "Anwar"), "person/anwar");
    EXPECT_EQ(resolveActor(store, "Tajani"), "person/tajani");  // written Tajàni
    EXPECT_EQ(resolveActor(store, "Abdul Kadir"), "person/zambry");
    // A part of a name, not its start or end, is no name part.
    EXPECT_THROW(resolveActor(store, "Abdul"), bilateral::NotFoundError);
    // A surname two persons share stays ambiguous.
    EXPECT_EQ(candidatesOf(store, "Hasan"), (Strings{"person/hasan-1", "person/hasan-2"}));
}

TEST(ResolveActor, APersonsNamePartWinsOverOtherActorsEndingWithIt) {
    auto store = bilateral::fixtures::tinyStore();
    bilateral::model::Actor group;
    group.id = "group/with-meloni";
    group.kind = bilateral::model::ActorKind::Group;
    group.name = "Ministers travelling with Meloni";
    store.putActor(group);
    EXPECT_EQ(resolveActor(store, "Meloni"), "person/meloni");
    EXPECT_EQ(resolveActor(store, "Ministers"), "group/with-meloni");  // no person: the one actor
}

TEST(ResolveActor, HonorificsAreDroppedOnlyFromPersonsNames) {
    auto store = bilateral::fixtures::tinyStore();
    bilateral::model::Actor company;
    company.id = "company/ge";
    company.kind = bilateral::model::ActorKind::Company;
    company.name = "General Electric";  // "General" is also a rank
    store.putActor(company);
    EXPECT_EQ(resolveActor(store, "General Electric"), "company/ge");
    EXPECT_EQ(resolveActor(store, "Electric"), "company/ge");  // a part of its name as written
    EXPECT_THROW(resolveActor(store, "Sir Electric"), bilateral::NotFoundError);
    EXPECT_THROW(resolveActor(store, "Dr General Electric"), bilateral::NotFoundError);
}

TEST(ResolveActor, HonorificsAreDroppedFromTheNameAsked) {
    auto store = bilateral::fixtures::tinyStore();
    EXPECT_EQ(resolveActor(store, "Datuk Seri Anwar Ibrahim"), "person/anwar");
    EXPECT_EQ(resolveActor(store, "Dato\u2019 Seri Anwar"), "person/anwar");
    EXPECT_EQ(resolveActor(store, "Hon. Antonio Tajani"), "person/tajani");
    EXPECT_EQ(resolveActor(store, "Tan Sri Zambry Abdul Kadir"), "person/zambry");
    EXPECT_EQ(resolveActor(store, "Zambry"), "person/zambry");  // alias "Dato’ Seri Zambry"
    EXPECT_EQ(resolveActor(store, "H.E. Meloni"), "person/meloni");
}

TEST(ResolveActor, TitlesFromCountryAdjectivesNameTheirPosts) {
    auto store = bilateral::fixtures::tinyStore();
    EXPECT_EQ(resolveActor(store, "Italian Ambassador to Malaysia"), "post/ambassador-ita-mys");
    EXPECT_EQ(resolveActor(store, "the Italian ambassador to Malaysia"), "post/ambassador-ita-mys");
    EXPECT_EQ(resolveActor(store, "Malaysian Prime Minister"), "post/pm-malaysia");
    EXPECT_EQ(resolveActor(store, "Malaysia's Prime Minister"), "post/pm-malaysia");
    EXPECT_THROW(resolveActor(store, "Thai Prime Minister"), bilateral::NotFoundError);
    // A post whose name names no country: its post_of relation says whose it is.
    bilateral::model::Actor pm;
    pm.id = "post/pm-of-the-government";
    pm.kind = bilateral::model::ActorKind::Post;
    pm.name = "Prime Minister";
    store.putActor(pm);
    bilateral::model::Relation of;
    of.id = "relation/pm-of-italy";
    of.kind = bilateral::model::RelationKind::PostOf;
    of.from = pm.id;
    of.to = "country/ITA";
    store.putRelation(of);
    EXPECT_EQ(resolveActor(store, "Italian Prime Minister"), "post/pm-of-the-government");
    EXPECT_EQ(resolveActor(store, "Prime Minister of Italy"), "post/pm-of-the-government");
    EXPECT_EQ(resolveActor(store, "Malaysian Prime Minister"), "post/pm-malaysia");
}

TEST(ResolveActor, ANameNobodyHasListsTheClosestNamesNeverAnEmptySearch) {
    auto store = bilateral::fixtures::tinyStore();
    EXPECT_THROW(resolveActor(store, "\""), bilateral::NotFoundError);
    EXPECT_THROW(resolveActor(store, ""), bilateral::NotFoundError);
    // A misspelt surname: the actors sharing its first letters.
    auto m = notFoundMessage(store, "Giorgia Melony");
    EXPECT_NE(m.find("closest: Giorgia Meloni (person/meloni, person)"), std::string::npos) << m;
    m = notFoundMessage(store, "Ambassador to Thailand");
    EXPECT_NE(m.find("post/ambassador-ita-mys"), std::string::npos) << m;
    // Nothing shares a word: said so, and no search is suggested.
    m = notFoundMessage(store, "Nobody Known");
    EXPECT_NE(m.find("no name or alias shares a word"), std::string::npos) << m;
    EXPECT_EQ(m.find("bilateral search"), std::string::npos) << m;
    EXPECT_EQ(m.find("closest"), std::string::npos) << m;
}

TEST(ResolveActor, AnActorOfAnotherKindThanWantedSaysWhichKindIsWanted) {
    auto store = bilateral::fixtures::tinyStore();
    using bilateral::model::ActorKind;
    EXPECT_EQ(resolveActor(store, "Prime Minister of Malaysia", ActorKind::Post),
              "post/pm-malaysia");
    for (const char* asked : {"Anwar Ibrahim", "person/anwar"}) {
        const auto m = notFoundMessage(store, asked, ActorKind::Post);
        EXPECT_NE(m.find("a person (person/anwar), not a post"), std::string::npos) << m;
        EXPECT_NE(m.find("the posts it holds: Prime Minister of Malaysia (post/pm-malaysia)"),
                  std::string::npos)
            << m;
    }
    EXPECT_EQ(resolveActor(store, "Malaysian Prime Minister", ActorKind::Post), "post/pm-malaysia");
    const auto m = notFoundMessage(store, "Italy", ActorKind::Post);
    EXPECT_NE(m.find("a country (country/ITA), not a post"), std::string::npos) << m;
    // A name a person and a post end with: the post, where a post is wanted.
    bilateral::model::Actor envoy;
    envoy.id = "person/envoy";
    envoy.kind = ActorKind::Person;
    envoy.name = "Special Envoy";
    store.putActor(envoy);
    bilateral::model::Actor post = envoy;
    post.id = "post/envoy";
    post.kind = ActorKind::Post;
    post.name = "Envoy";
    post.aliases = {"Italian Special Envoy"};
    store.putActor(post);
    EXPECT_EQ(resolveActor(store, "Special Envoy"), "person/envoy");
    EXPECT_EQ(resolveActor(store, "Special Envoy", ActorKind::Post), "post/envoy");
}

TEST(ResolveActor, AnAmbiguousNameListsTheCandidatesRanked) {
    auto store = bilateral::fixtures::tinyStore();
    bilateral::model::Actor group;
    group.id = "group/hasan-supporters";
    group.kind = bilateral::model::ActorKind::Group;
    group.name = "Supporters of Hasan";
    store.putActor(group);
    // Persons before the group ending with the same word; then by name and id.
    EXPECT_EQ(candidatesOf(store, "Hasan"),
              (Strings{"person/hasan-1", "person/hasan-2", "group/hasan-supporters"}));
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
