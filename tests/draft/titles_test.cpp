// Titles and honorifics in both word orders and both languages: the person's name without its
// honorifics, the honorific form kept as an alias, the post and the country the title gives.

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "draft_fixture.hpp"

namespace {

using namespace bilateral::draft;
using namespace bilateral::draft::testing;

TEST(Titles, TitleBeforeNameWithHonorificsSetApart) {
    const auto doc = draftJson(
        "Defence Minister Datuk Seri Mohamed Khaled Nordin met the press in Kuala Lumpur.");
    const auto p = actorNamed(doc, "Mohamed Khaled Nordin");
    ASSERT_FALSE(p.is_null()) << doc.dump(1);
    EXPECT_EQ(p["kind"], "person");
    // Datuk Seri is a Malaysian honorific: the person is Malaysian, so is the title.
    EXPECT_EQ(p["country"], "MYS");
    EXPECT_EQ(p["aliases"][0], "Datuk Seri Mohamed Khaled Nordin");
    EXPECT_EQ(postsOf(doc, p["id"]), std::vector<std::string>{"Minister of Defence of Malaysia"});
}

/// A title and a name in one sentence: the person, its country and the post the title gives.
struct TitleCase {
    const char* name;  ///< the test's name
    const char* text;
    const char* published;  ///< "" when unknown
    std::optional<Language> language;
    const char* person;
    const char* country;
    const char* post;
};

class TitleAndName : public ::testing::TestWithParam<TitleCase> {};

TEST_P(TitleAndName, GivesThePersonItsCountryAndPost) {
    const auto& c = GetParam();
    const auto doc = draftJson(c.text, c.published, c.language);
    const auto p = actorNamed(doc, c.person);
    ASSERT_FALSE(p.is_null()) << doc.dump(1);
    EXPECT_EQ(p["country"], c.country);
    EXPECT_EQ(postsOf(doc, p["id"]), std::vector<std::string>{c.post});
}

INSTANTIATE_TEST_SUITE_P(
    Titles, TitleAndName,
    ::testing::Values(
        // An Italian text speaks from Italy: a title without a country is Italy's.
        TitleCase{"ItalianTitleThenCommaAndName",
                  "Il Ministro della Difesa, Guido Crosetto, ha incontrato ieri il suo omologo.",
                  "2025-07-03", Language::Italian, "Guido Crosetto", "ITA",
                  "Minister of Defence of Italy"},
        TitleCase{"PossessiveCountryAndEnvoyHost",
                  "Malaysia’s Ambassador to Italy Datuk Zahid Rastam was present.", "",
                  std::nullopt, "Zahid Rastam", "MYS", "Ambassador of Malaysia to Italy"},
        TitleCase{"NameBeforeTitle",
                  "Editorial by Massimo Rustico, Ambassador of Italy to Malaysia\n", "",
                  std::nullopt, "Massimo Rustico", "ITA", "Ambassador of Italy to Malaysia"}),
    [](const ::testing::TestParamInfo<TitleCase>& info) { return std::string(info.param.name); });

TEST(Titles, TwoTitlesForOnePersonInEachLanguage) {
    const auto en = draftJson(
        "Anwar met the Deputy Prime Minister and Minister of Foreign Affairs, Hon. Antonio "
        "Tajani, in Rome.");
    const auto tajani = actorNamed(en, "Antonio Tajani");
    ASSERT_FALSE(tajani.is_null()) << en.dump(1);
    EXPECT_EQ(tajani["aliases"][0], "Hon. Antonio Tajani");
    EXPECT_EQ(postsOf(en, tajani["id"]).size(), 2u);

    const auto it =
        draftJson("Il vicepremier e ministro degli Esteri Marco Galli ha ricevuto l'ambasciatore.",
                  "", Language::Italian);
    const auto galli = actorNamed(it, "Marco Galli");
    ASSERT_FALSE(galli.is_null()) << it.dump(1);
    const auto posts = postsOf(it, galli["id"]);
    EXPECT_EQ(posts, (std::vector<std::string>{"Deputy Prime Minister of Italy",
                                               "Minister of Foreign Affairs of Italy"}));
}

TEST(Titles, PortfoliosJoinedInOneTitle) {
    const auto it = draftJson(
        "Il ministro degli Investimenti, del Commercio e dell'Industria della Malesia, Tengku "
        "Datuk Seri Azlan Hashim, è arrivato a Roma.",
        "", Language::Italian);
    const auto p = actorNamed(it, "Azlan Hashim");
    ASSERT_FALSE(p.is_null()) << it.dump(1);
    EXPECT_EQ(postsOf(it, p["id"]),
              std::vector<std::string>{"Minister of Investment, Trade and Industry of Malaysia"});
    const auto en = draftJson(
        "Malaysian Investment, Trade and Industry Minister Tengku Datuk Seri Azlan Hashim spoke.");
    const auto q = actorNamed(en, "Azlan Hashim");
    ASSERT_FALSE(q.is_null()) << en.dump(1);
    EXPECT_EQ(q["aliases"][0], "Tengku Datuk Seri Azlan Hashim");
    EXPECT_EQ(postsOf(en, q["id"]), postsOf(it, p["id"]));
}

TEST(Honorifics, EachIsSetApartFromTheName) {
    struct Case {
        const char* text;
        const char* name;
        const char* alias;
    };
    const Case cases[] = {
        {"Prime Minister YAB Dato’ Seri Anwar Ibrahim arrived.", "Anwar Ibrahim",
         "YAB Dato’ Seri Anwar Ibrahim"},
        {"Minister Tengku Datuk Seri Zafrul Tengku Abdul Aziz spoke.", "Zafrul Tengku Abdul Aziz",
         "Tengku Datuk Seri Zafrul Tengku Abdul Aziz"},
        {"The Foreign Minister, Hon. Antonio Tajani, spoke.", "Antonio Tajani",
         "Hon. Antonio Tajani"},
        {"Ha parlato On. Marco Galli, vicepremier.", "Marco Galli", "On. Marco Galli"},
        {"The Ambassador, Dato' Sri Kamal Ismail, spoke.", "Kamal Ismail",
         "Dato' Sri Kamal Ismail"},
    };
    for (const auto& c : cases) {
        const auto doc = draftJson(c.text);
        const auto p = actorNamed(doc, c.name);
        ASSERT_FALSE(p.is_null()) << c.text << "\n" << doc.dump(1);
        ASSERT_TRUE(p.contains("aliases")) << c.text;
        EXPECT_EQ(p["aliases"][0], c.alias) << c.text;
    }
}

TEST(Titles, TitleAloneNamesTheOnePersonHoldingItInTheText) {
    const auto doc = draftJson(
        "Prime Minister Datuk Seri Harun Malik spoke to the press. Later the Prime Minister "
        "received a courtesy call from the Ambassador of Korea, Kim Soo-young.",
        "2025-09-12");
    const auto meetings = eventsOf(doc, "bilateral_meeting");
    ASSERT_EQ(meetings.size(), 1u) << doc.dump(1);
    EXPECT_EQ(roleOf(meetings[0], "person/harun-malik"), "host");
    EXPECT_EQ(roleOf(meetings[0], "person/kim-soo-young"), "guest");
}

TEST(Titles, AHeadingInCapitalsIsNoName) {
    const auto doc = draftJson(
        "OFFICIAL VISIT OF THE MINISTER OF FOREIGN AFFAIRS OF ITALY TO MALAYSIA\n\nThe "
        "Minister of Foreign Affairs of Italy, Hon. Paolo Bernardi, arrived.");
    for (const auto& a : doc["actors"]) {
        if (a["kind"] == "person") {
            EXPECT_EQ(a["name"], "Paolo Bernardi");
        }
    }
}

}  // namespace
