// Matching against the names already in a graph: actors found by name, alias or honorific-free
// name, and posts by name, keep their ids and are not repeated; new ones get ids the graph does
// not use; relations and sources the graph has are not repeated; events it may hold are said.

#include <gtest/gtest.h>

#include <map>

#include "draft_fixture.hpp"
#include "text.hpp"

namespace {

using namespace bilateral::draft;
using namespace bilateral::draft::testing;
using bilateral::model::ActorKind;

/// A graph of a few actors, answering as the command's adapter over Database does: lookup
/// returns every actor having a name or alias with all the words (like the search), `matched`
/// the name or alias.
class FakeGraph : public GraphNames {
public:
    struct Entry {
        KnownActor actor;
        std::vector<std::string> names;
    };
    std::vector<Entry> entries;
    std::vector<std::tuple<std::string, bilateral::model::RelationKind, std::string, std::string>>
        rels;
    std::map<std::string, std::vector<KnownEvent>> eventsByActor;
    std::string source;

    std::vector<KnownActor> lookup(std::string_view name) override {
        std::vector<KnownActor> out;
        const std::string wanted = fold(fromUtf8(name));
        for (const auto& e : entries) {
            for (const auto& n : e.names) {
                if (fold(fromUtf8(n)).find(wanted) == std::string::npos) continue;
                auto k = e.actor;
                k.matched = n;
                out.push_back(k);
                break;
            }
        }
        return out;
    }
    std::optional<KnownActor> actor(std::string_view id) override {
        for (const auto& e : entries) {
            if (e.actor.id == id) return e.actor;
        }
        return std::nullopt;
    }
    bool hasSource(std::string_view id) override { return id == source; }
    std::vector<std::string> relations(std::string_view from, bilateral::model::RelationKind kind,
                                       std::string_view to) override {
        std::vector<std::string> out;
        for (const auto& [f, k, t, id] : rels) {
            if (f == from && k == kind && t == to) out.push_back(id);
        }
        return out;
    }
    std::vector<KnownEvent> events(std::string_view actorId, std::optional<bilateral::model::Date>,
                                   std::optional<bilateral::model::Date>) override {
        const auto it = eventsByActor.find(std::string(actorId));
        return it == eventsByActor.end() ? std::vector<KnownEvent>{} : it->second;
    }
    void add(const std::string& id, ActorKind kind, const std::string& name,
             const std::string& country, std::vector<std::string> aliases = {}) {
        Entry e{{id, kind, name, country.empty() ? std::nullopt : std::optional(country), {}},
                aliases};
        e.names.insert(e.names.begin(), name);
        entries.push_back(e);
    }
};

FakeGraph graph() {
    FakeGraph g;
    g.add("person/anwar-ibrahim", ActorKind::Person, "Anwar Ibrahim", "MYS",
          {"YAB Dato’ Seri Anwar Ibrahim"});
    g.add("person/giorgia-meloni", ActorKind::Person, "Giorgia Meloni", "ITA",
          {"Hon. Giorgia Meloni"});
    g.add("post/prime-minister-malaysia", ActorKind::Post, "Prime Minister of Malaysia", "MYS");
    // A person of another country with the same name: never matched to an Italian.
    g.add("person/marco-galli-mys", ActorKind::Person, "Marco Galli", "MYS");
    // An id the draft would pick for a new person: taken by an organisation.
    g.add("person/guido-crosetto", ActorKind::Institution, "Crosetto Foundation", "ITA");
    g.add("country/ITA", ActorKind::Country, "Italy", "ITA");
    g.rels.emplace_back("person/anwar-ibrahim", bilateral::model::RelationKind::HoldsPost,
                        "post/prime-minister-malaysia", "relation/anwar-pm");
    g.eventsByActor["person/anwar-ibrahim"] = {
        {"event/official-visit-2025-07", bilateral::model::EventKind::OfficialVisit,
         bilateral::model::Date::parse("2025-07-02"), bilateral::model::Date::parse("2025-07-03"),
         "Official visit"}};
    g.source = "source/article";
    return g;
}

const char* kText =
    "Malaysian Prime Minister YAB Dato’ Seri Anwar Ibrahim paid an official visit to Italy on "
    "July 2–3. He met the President of the Council, Giorgia Meloni, the Vice President of the "
    "Council Marco Galli and the Minister of Defence, Guido Crosetto.";

TEST(Matching, ActorsOfTheGraphKeepTheirIdsAndAreNotRepeated) {
    auto g = graph();
    const auto doc = draftJson(kText, "2025-07-10", Language::English, &g);
    // Reused: referenced, not in the draft's actors.
    EXPECT_TRUE(byId(doc["actors"], "person/anwar-ibrahim").is_null());
    EXPECT_TRUE(byId(doc["actors"], "person/giorgia-meloni").is_null());
    EXPECT_TRUE(byId(doc["actors"], "post/prime-minister-malaysia").is_null());
    EXPECT_TRUE(byId(doc["actors"], "country/ITA").is_null());
    const auto visit = eventsOf(doc, "official_visit");
    ASSERT_EQ(visit.size(), 1u) << doc.dump(1);
    EXPECT_EQ(roleOf(visit[0], "person/anwar-ibrahim"), "guest");
    EXPECT_EQ(roleOf(visit[0], "country/ITA"), "host");
    // The relation the graph has is not proposed again.
    for (const auto& r : doc["relations"]) EXPECT_NE(r["from"], "person/anwar-ibrahim") << r.dump();
    // Nor the source.
    EXPECT_TRUE(doc["sources"].empty());
}

TEST(Matching, TheHonorificFreeNameMatchesAndCountriesMustAgree) {
    auto g = graph();
    DraftOptions o;
    o.published = bilateral::model::Date::parse("2025-07-10");
    o.fileName = "article.txt";
    const auto d = draftArticle(kText, o, &g);
    std::map<std::string, std::string> written;
    for (const auto& r : d.reused) written[r.id] = r.matched;
    EXPECT_EQ(written["person/anwar-ibrahim"], "Anwar Ibrahim");
    // Marco Galli of the text is Italian (an Italian title); the graph's is Malaysian.
    EXPECT_EQ(written.count("person/marco-galli-mys"), 0u);
    const auto doc = Json::parse(toDatasetJson(d));
    const auto galli = actorNamed(doc, "Marco Galli");
    ASSERT_FALSE(galli.is_null()) << doc.dump(1);
    EXPECT_EQ(galli["id"], "person/marco-galli");
    // A new actor's id is one the graph does not use.
    const auto crosetto = actorNamed(doc, "Guido Crosetto");
    ASSERT_FALSE(crosetto.is_null());
    EXPECT_EQ(crosetto["id"], "person/guido-crosetto-2");
}

TEST(Matching, AnEventTheGraphMayHoldIsSaid) {
    auto g = graph();
    DraftOptions o;
    o.published = bilateral::model::Date::parse("2025-07-10");
    const auto d = draftArticle(kText, o, &g);
    ASSERT_EQ(d.repeats.size(), 1u);
    EXPECT_EQ(d.repeats[0].known.id, "event/official-visit-2025-07");
    const auto review = reviewText(d);
    EXPECT_NE(review.find("? may repeat event/official-visit-2025-07"), std::string::npos)
        << review;
    EXPECT_NE(review.find("= person/anwar-ibrahim"), std::string::npos) << review;
    EXPECT_NE(review.find("+ person/guido-crosetto-2"), std::string::npos) << review;
}

TEST(Matching, WithoutAGraphEveryActorIsNew) {
    const auto doc = draftJson(kText, "2025-07-10");
    EXPECT_FALSE(byId(doc["actors"], "person/anwar-ibrahim").is_null());
    EXPECT_FALSE(byId(doc["actors"], "country/ITA").is_null());
    EXPECT_EQ(doc["sources"].size(), 1u);
}

}  // namespace
