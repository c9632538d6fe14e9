// Every proposed fact rests on a span whose quote is the text's, in code points: on the
// editorial, on every test article, on HTML read as text and on text with characters outside
// the Basic Multilingual Plane before the facts.

#include <gtest/gtest.h>

#include <filesystem>

#include "bilateral/error.hpp"

#include "draft_fixture.hpp"
#include "text.hpp"

namespace {

namespace fs = std::filesystem;
using namespace bilateral::draft;
using namespace bilateral::draft::testing;

/// Every evidence of every fact: inferred, with a confidence, a note, a span inside the text
/// and the span's words as quote. Returns how many were checked.
int checkEvidence(const Json& doc, const std::u32string& text, const std::string& what) {
    int checked = 0;
    auto check = [&](const Json& holder, const std::string& where) {
        ASSERT_TRUE(holder.contains("evidence")) << what << ": " << where << " has no evidence";
        ASSERT_FALSE(holder["evidence"].empty()) << what << ": " << where;
        for (const auto& e : holder["evidence"]) {
            ASSERT_TRUE(e.contains("span")) << what << ": " << where;
            const auto s = e["span"][0].get<std::size_t>(), t = e["span"][1].get<std::size_t>();
            ASSERT_LT(s, t) << what << ": " << where;
            ASSERT_LE(t, text.size()) << what << ": " << where;
            EXPECT_EQ(e["quote"].get<std::string>(), toUtf8(text.substr(s, t - s)))
                << what << ": " << where;
            EXPECT_EQ(e["basis"], "inferred") << what << ": " << where;
            EXPECT_TRUE(e.contains("confidence") && e["confidence"] > 0 && e["confidence"] <= 1)
                << what << ": " << where;
            EXPECT_FALSE(e.value("note", "").empty()) << what << ": " << where;
            ++checked;
        }
    };
    for (const auto& a : doc["actors"]) check(a, a["id"]);
    for (const auto& e : doc["events"]) {
        check(e, e["id"]);
        for (const auto& p : e["participants"])
            check(p, e["id"].get<std::string>() + " <- " + p["actor"].get<std::string>());
    }
    for (const auto& r : doc["relations"]) check(r, r["id"]);
    for (const auto& l : doc["links"]) check(l, l["id"]);
    return checked;
}

int checkFile(const fs::path& path, const std::string& published) {
    const std::string bytes = slurp(path);
    const auto doc = draftJson(bytes, published);
    return checkEvidence(doc, articleText(bytes, false), path.filename().string());
}

TEST(Spans, EveryFactOfTheTestArticlesQuotesItsSpan) {
    const fs::path dir = fs::path(BILATERAL_SOURCE_DIR) / "tests/draft/texts";
    int files = 0, checked = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".txt") continue;
        checked += checkFile(entry.path(), "2025-07-03");
        ++files;
    }
    EXPECT_EQ(files, 8);
    EXPECT_GT(checked, 100);
}

TEST(Spans, EveryFactOfTheEditorialQuotesItsSpan) {
    const fs::path editorial =
        fs::path(BILATERAL_SHARED_DIR) / "sources/italy-malaysia-editorial-2025.txt";
    if (!fs::exists(editorial)) GTEST_SKIP() << editorial << " is not beside the repository";
    EXPECT_GT(checkFile(editorial, "2025"), 50);
}

TEST(Spans, SpansCountCodePointsNotBytes) {
    // Two emoji (4 bytes, 1 code point each) and accents before the facts.
    const std::string text =
        "\U0001F1EE\U0001F1F9 Città: il Ministro della Difesa, Guido "
        "Crosetto, ha incontrato ieri a Roma il collega malese.";
    const auto doc = draftJson(text, "2025-07-03", Language::Italian);
    const auto p = actorNamed(doc, "Guido Crosetto");
    ASSERT_FALSE(p.is_null()) << doc.dump(1);
    const auto span = p["evidence"][0]["span"];
    // The title starts after "🇮🇹 Città: il ": 13 code points (the flag is two), 20 bytes.
    EXPECT_EQ(span[0], 13);
    EXPECT_GT(checkEvidence(doc, fromUtf8(text), "emoji"), 3);
}

TEST(Spans, HtmlIsReadAsTextAndSpansPointIntoThatText) {
    const std::string html =
        "<html><head><title>Anwar in Rome</title><style>p{}</style></head><body>"
        "<p>Prime Minister Datuk Seri Anwar Ibrahim met the President of the Council, "
        "Hon.&nbsp;Giorgia Meloni, in Rome on Thursday.</p>"
        "<p>Meloni&rsquo;s government hosted a <b>business forum</b>.</p></body></html>";
    DraftOptions o;
    o.html = true;
    o.published = bilateral::model::Date::parse("2025-07-03");
    const auto d = draftArticle(html, o);
    EXPECT_EQ(d.source.title, "Anwar in Rome");
    EXPECT_FALSE(d.source.file.has_value());  // the spans are not offsets into the HTML file
    const auto doc = Json::parse(toDatasetJson(d));
    const auto text = articleText(html, true);
    EXPECT_EQ(toUtf8(text).find('<'), std::string::npos);
    EXPECT_GT(checkEvidence(doc, text, "html"), 3);
    EXPECT_FALSE(actorNamed(doc, "Giorgia Meloni").is_null()) << doc.dump(1);
}

TEST(Spans, InvalidUtf8IsRefusedNamingTheLine) {
    DraftOptions o;
    try {
        (void)draftArticle("A first line.\nA second \xff line.", o);
        FAIL() << "no error";
    } catch (const bilateral::ParseError& e) {
        EXPECT_EQ(e.location(), "line 2, byte 10");
    }
}

}  // namespace
