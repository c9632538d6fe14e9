// Text escaping of the export formats: XML 1.0 (GraphML, GEXF) and DOT; export formats by name.

#include "export/export_support.hpp"

using namespace bilateral;
using namespace bilateral::fixtures;

// --- escaping --------------------------------------------------------------------------------

TEST(XmlEscape, EscapesTheFiveSpecialsAndWhitespaceThatReadersWouldNormalise) {
    EXPECT_EQ(io::xmlEscape(R"(a&b<c>d"e'f)"), "a&amp;b&lt;c&gt;d&quot;e&apos;f");
    EXPECT_EQ(io::xmlEscape("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
    EXPECT_EQ(io::xmlEscape("a b"), "a b");
    EXPECT_EQ(io::xmlEscape(" a  b "), "&#32;a&#32;&#32;b&#32;");
    EXPECT_EQ(io::xmlEscape("\u200Fx\u202E"), "&#x200F;x&#x202E;");
    EXPECT_EQ(io::xmlEscape(""), "");
}

TEST(XmlEscape, ReplacesWhatXmlCannotCarryWithTheReplacementCharacter) {
    EXPECT_EQ(io::xmlEscape(std::string("a\0b", 3)), "a" + kFffd + "b");
    EXPECT_EQ(io::xmlEscape("\x01\x1F"), kFffd + kFffd);
    EXPECT_EQ(io::xmlEscape("\xEF\xBF\xBE"), kFffd);
    EXPECT_EQ(io::xmlEscape("\xC3"), kFffd);
    EXPECT_EQ(io::xmlEscape("caf\xC3\xA9"), "caf\xC3\xA9");
    EXPECT_EQ(io::sanitizeUtf8("ok \xE2\x82"), "ok " + kFffd + kFffd);
    EXPECT_EQ(io::sanitizeUtf8(std::string("nul\0kept", 8)), std::string("nul\0kept", 8));
}

TEST(DotEscape, EscapesQuotesAndBackslashes) {
    EXPECT_EQ(io::dotEscape(R"(say "hi" \ bye\)"), R"(say \"hi\" \\ bye\\)");
    EXPECT_EQ(io::dotEscape("a\nb\r\nc\rd"), "a\\nb\\nc\\nd");
    EXPECT_EQ(io::dotEscape(std::string("a\0b", 3)), "a" + kFffd + "b");
    EXPECT_EQ(io::dotEscape("%; DROP"), "%; DROP");
}

TEST(ExportFormat, ParsesTheNamesOfTheCommandLine) {
    for (auto name : {"graphml", "gexf", "json", "cytoscape", "dot"}) {
        EXPECT_EQ(io::toString(io::parseExportFormat(name)), name);
    }
    EXPECT_THROW(io::parseExportFormat("GraphML2"), InvalidArgumentError);
    EXPECT_EQ(io::extensionOf(io::ExportFormat::Cytoscape), ".cyjs");
}

// --- GraphML ---------------------------------------------------------------------------------
