// Name search on PostgreSQL gives what the SQLite engine's FTS5 table gives: the same rows in
// the same order, with bm25 equal to the last bit, for word and phrase queries.

#include <gtest/gtest.h>

#include <bit>
#include <map>
#include <set>

#include "bilateral/rules/search_text.hpp"
#include "sqlite/search.hpp"
#include "sqlite/store.hpp"
#include "sqlite/store_impl.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/postgres/schema.hpp"
#include "storage/postgres/search.hpp"
#include "support/pg_server.hpp"

namespace pg = bilateral::storage::postgres;
namespace model = bilateral::model;
namespace sqlite = bilateral::sqlite;
namespace rules = bilateral::rules;
namespace storage = bilateral::storage;
using bilateral::testing::PgTest;

namespace {

const std::vector<model::Actor> kActors = {
    {.id = "person/antonio-tajani", .name = "Antonio Tajani", .aliases = {"Tajani"}},
    {.id = "person/anwar", .name = "Anwar Ibrahim", .aliases = {"YAB Dato’ Seri Anwar Ibrahim"}},
    {.id = "person/dato-seri",
     .name = "Dato' Seri Utama Mohamad Hasan",
     .aliases = {"Tok Mat", "Mohamad bin Haji Hasan"}},
    {.id = "country/ITA",
     .kind = model::ActorKind::Country,
     .name = "Italy",
     .aliases = {"Italia", "Repubblica Italiana"}},
    {.id = "country/MYS", .kind = model::ActorKind::Country, .name = "Malaysia"},
    {.id = "company/cdp",
     .kind = model::ActorKind::Company,
     .name = "Cassa Depositi e Prestiti",
     .aliases = {"CDP"}},
    {.id = "person/tajani-2", .name = "Tàjani Antònio Junior", .aliases = {"A. Tajani Jr."}},
    {.id = "person/malay", .name = "Malaysian Malaysian Envoy"},
    {.id = "person/straße", .name = "Straßenbahn Ørsted Æsir"},
};

const std::vector<std::string> kQueries = {
    "tajani",     "TAJÀNI",     "antonio tajani", "taj",      "anwar",
    "dato' seri", "dato’ seri", "malaysia",       "malay",    "cdp",
    "italia r",   "mohamad",    "straßenbahn",    "ørsted",   "nobody",
    "a",          "seri anwar", "hasan",          "junior a", "e",
};

class PgSearch : public PgTest {
protected:
    void SetUp() override {
        PgTest::SetUp();
        if (url.empty()) return;
        auto c = pg::Connection::open(url);
        pg::ensureSchema(c);
        std::int64_t row = 0;
        for (const auto& a : kActors) {
            sqlite.putActor(a);
            ++row;
            c.query("INSERT INTO actor(id, key, kind, name) VALUES ($1, $2, 'person', $3)",
                    pg::Params().int64(row).text(a.id).text(a.name));
            keyOfPg[row] = a.id;
            std::vector<std::string> texts{a.name};
            texts.insert(texts.end(), a.aliases.begin(), a.aliases.end());
            for (const auto& t : texts) {
                const auto folded = rules::foldForSearch(t);
                pg::addSearchText(c, row, folded, tokenize(folded));
            }
        }
        for (const auto& a : kActors) keyOfSqlite[*sqlite.actorRow(a.id)] = a.id;
    }

    /// Rows of the SQLite engine's actor_search matching an FTS5 query, best first.
    std::vector<pg::SearchMatch> fts5Matches(const std::string& fts) {
        auto st =
            sqlite::detail::prepare(sqlite,
                                    "SELECT actor_id, text, bm25(actor_search) FROM actor_search "
                                    "WHERE actor_search MATCH ?1 ORDER BY bm25(actor_search)");
        st.bind(1, fts);
        std::vector<pg::SearchMatch> rows;
        while (st.step()) rows.push_back({st.getInt64(0), st.getString(1), st.getDouble(2)});
        return rows;
    }

    sqlite::Store sqlite = sqlite::Store::memory();
    sqlite::SearchTokenizer tokenize{sqlite};
    std::map<std::int64_t, std::string> keyOfPg, keyOfSqlite;
};

}  // namespace

TEST_F(PgSearch, MatchesAndRanksAsFts5) {
    auto c = pg::Connection::open(url, {.readOnly = true});
    int compared = 0;
    for (const auto& q : kQueries) {
        const auto tokens = tokenize(q);
        ASSERT_FALSE(tokens.empty()) << q;
        for (const bool phrase : {false, true}) {
            for (const bool prefix : {false, true}) {
                const auto fts = sqlite::ftsQuery(tokens, prefix, phrase);
                const auto want = fts5Matches(fts);
                const auto got = pg::searchTokens(c, tokens, prefix, phrase);
                ASSERT_EQ(got.size(), want.size()) << fts;
                // Rows of equal bm25 may come in either order: compare as sorted lists.
                std::multimap<std::uint64_t, std::string> a, b;
                for (const auto& m : want)
                    a.emplace(std::bit_cast<std::uint64_t>(m.bm25),
                              keyOfSqlite[m.actorRow] + "|" + m.text);
                for (const auto& m : got)
                    b.emplace(std::bit_cast<std::uint64_t>(m.bm25),
                              keyOfPg[m.actorRow] + "|" + m.text);
                EXPECT_EQ(a, b) << fts;
                for (std::size_t i = 0; i < got.size(); ++i)
                    EXPECT_EQ(got[i].bm25, want[i].bm25) << fts << " rank " << i;
                compared += static_cast<int>(got.size());
            }
        }
    }
    EXPECT_GT(compared, 60);  // the queries match something
}

TEST_F(PgSearch, RemovedTextsNoLongerMatchAndLeaveTheCountsRight) {
    auto c = pg::Connection::open(url);
    const auto tajani = tokenize("tajani");
    ASSERT_EQ(pg::searchTokens(c, tajani, false, false).size(), 4u);
    pg::removeSearchTexts(c, 1);  // Antonio Tajani and his alias
    std::set<std::string> left;
    for (const auto& m : pg::searchTokens(c, tajani, false, false)) left.insert(m.text);
    EXPECT_EQ(left, (std::set<std::string>{"Tàjani Antònio Junior", "A. Tajani Jr."}));
    const auto stats = c.exec(
        "SELECT nrows = (SELECT count(*) FROM actor_search), ntokens = (SELECT count(*) FROM "
        "actor_search_token) FROM search_stats");
    EXPECT_EQ(stats.text(0, 0), "t");
    EXPECT_EQ(stats.text(0, 1), "t");
}

TEST(PgSearchOffline, TokenRangesHoldExactlyTheirTokens) {
    const auto [lo, hi] = pg::tokenRange("taj", false);
    EXPECT_TRUE(lo <= "taj" && std::string("taj") < hi);
    EXPECT_FALSE(std::string("taja") < hi);
    const auto [plo, phi] = pg::tokenRange("taj", true);
    for (const std::string t : {"taj", "tajani", "taj\xC3\xA0", "taj\xF4\x8F\xBF\xBE"})
        EXPECT_TRUE(plo <= t && t < phi) << t;
    EXPECT_FALSE(std::string("tak") < phi);
    EXPECT_EQ(pg::textArray({"a\"b", "c\\d", ""}), R"({"a\"b","c\\d",""})");
}
