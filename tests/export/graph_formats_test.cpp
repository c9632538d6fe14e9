// GEXF, Cytoscape.js JSON and DOT: well-formed, carrying the attribute table's values, hostile
// values intact (byte for byte where the format can carry them).

#include "export/export_support.hpp"

namespace fs = std::filesystem;
using namespace bilateral;
using namespace bilateral::fixtures;
using graph::Projection;
using nlohmann::json;

TEST(Gexf, IsWellFormedDynamicAndCarriesSpellsForEvents) {
    auto s = tinyStore();
    const auto p = buildProjection(s);
    const auto text = render(
        [&](std::ostream& o) { io::writeGexf(o, p, {.gexfVersion = io::GexfVersion::V1_3}); });
    const auto parsed = pythonJson(kGexfToJson, write("tiny.gexf", text));
    EXPECT_EQ(parsed.at("version"), "1.3");
    EXPECT_EQ(parsed.at("mode"), "dynamic");
    EXPECT_EQ(parsed.at("timeformat"), "date");
    ASSERT_EQ(parsed.at("nodes").size(), p.vertexCount());
    ASSERT_EQ(parsed.at("edges").size(), p.edgeCount());
    std::map<std::string, json> byId;
    for (const auto& n : parsed.at("nodes")) byId[n.at("bl_bilateral_id").get<std::string>()] = n;
    EXPECT_EQ(byId.at("event/visit").at("_start"), "2025-07-02");
    EXPECT_EQ(byId.at("event/visit").at("_end"), "2025-07-03");
    // An undated event inside the visit is placed by it on the timeline.
    EXPECT_EQ(byId.at("event/meeting").at("_start"), "2025-07-02");
    EXPECT_EQ(byId.at("event/call").at("_start"), "2024-03-01");
    EXPECT_EQ(byId.at("event/call").at("_end"), "2024-03-31");
    EXPECT_FALSE(byId.at("event/negotiation").contains("_start"));
    EXPECT_FALSE(byId.at("person/anwar").contains("_start"));
    EXPECT_EQ(byId.at("person/anwar").at("_label"), "Anwar Ibrahim");
    EXPECT_EQ(byId.at("event/call").at("bl_start"), "2024-03");
    // Every attvalue refers to a declared attribute.
    std::set<std::string> declared;
    for (const auto& a : parsed.at("attributes"))
        declared.insert(a[0].get<std::string>() + ":" + a[1].get<std::string>());
    for (const auto* part : {"nodes", "edges"}) {
        const std::string cls = std::string(part) == "nodes" ? "node" : "edge";
        for (const auto& el : parsed.at(part)) {
            for (const auto& [k, v] : el.items()) {
                if (k[0] != '_') {
                    EXPECT_TRUE(declared.contains(cls + ":" + k)) << k;
                }
            }
        }
    }
    bool tenure = false;
    for (const auto& e : parsed.at("edges")) {
        if (e.value("bl_bilateral_id", "") != "rel/rustico-ambassador") continue;
        EXPECT_EQ(e.at("_start"), "2021-10-18");
        EXPECT_EQ(e.at("_end"), "2025-06-08");
        EXPECT_EQ(e.at("_kind"), "holds_post");
        tenure = true;
    }
    EXPECT_TRUE(tenure);
}

TEST(Gexf, HostileValuesRoundTripThroughExpat) {
    const auto values = hostileValues();
    auto s = hostileStore(values);
    const auto p = buildProjection(s);
    const auto text =
        render([&](std::ostream& o) { io::writeGexf(o, p, {.description = values[0].raw}); });
    const auto parsed = pythonJson(kGexfToJson, write("hostile.gexf", text));
    ASSERT_EQ(parsed.at("nodes").size(), p.vertexCount());
    ASSERT_EQ(parsed.at("edges").size(), p.edgeCount());
    EXPECT_EQ(parsed.at("description"), values[0].xml);
    std::map<std::string, std::string> expected;
    for (const auto& h : values) expected[h.raw] = h.xml;
    for (std::size_t v = 0; v < p.actorCount(); ++v) {
        const auto& node = parsed.at("nodes")[v];
        EXPECT_EQ(node.at("bl_bilateral_id").get<std::string>(), expected.at(p[v].id))
            << hex(p[v].id);
        EXPECT_EQ(node.at("_label").get<std::string>(), expected.at(p[v].id)) << hex(p[v].id);
    }
}

// --- Cytoscape -------------------------------------------------------------------------------

TEST(Cytoscape, HasElementsWithDataAndEndsThatExist) {
    auto s = tinyStore();
    const auto p = buildProjection(s);
    const auto doc = json::parse(render([&](std::ostream& o) { io::writeCytoscape(o, p); }));
    const auto& nodes = doc.at("elements").at("nodes");
    const auto& edges = doc.at("elements").at("edges");
    ASSERT_EQ(nodes.size(), p.vertexCount());
    ASSERT_EQ(edges.size(), p.edgeCount());
    std::set<std::string> ids;
    for (const auto& n : nodes) ids.insert(n.at("data").at("id").get<std::string>());
    for (const auto& e : edges) {
        EXPECT_TRUE(ids.contains(e.at("data").at("source").get<std::string>()));
        EXPECT_TRUE(ids.contains(e.at("data").at("target").get<std::string>()));
        EXPECT_TRUE(ids.insert(e.at("data").at("id").get<std::string>()).second);
    }
    EXPECT_EQ(nodes[0].at("data").at("bilateral_id"), "country/ITA");
    // `parent` would make Cytoscape nest the meeting inside the visit's node; it is parent_event.
    for (const auto& n : nodes) {
        EXPECT_FALSE(n.at("data").contains("parent"));
        if (n.at("data").at("bilateral_id") == "event/meeting") {
            EXPECT_EQ(n.at("data").at("parent_event"), "event/visit");
        }
    }
}

TEST(Cytoscape, HostileValuesRoundTripByteForByteNulIncluded) {
    const auto values = hostileValues();
    auto s = hostileStore(values);
    const auto p = buildProjection(s);
    const auto doc = json::parse(render([&](std::ostream& o) { io::writeCytoscape(o, p); }));
    const auto& nodes = doc.at("elements").at("nodes");
    ASSERT_EQ(nodes.size(), p.vertexCount());
    for (std::size_t v = 0; v < p.actorCount(); ++v) {
        // JSON carries NUL and controls; only invalid UTF-8 is replaced.
        const auto want = io::sanitizeUtf8(p[v].id);
        EXPECT_EQ(nodes[v].at("data").at("bilateral_id").get<std::string>(), want) << hex(p[v].id);
        EXPECT_EQ(nodes[v].at("data").at("label").get<std::string>(), want) << hex(p[v].id);
    }
    const auto nul = std::string("nul\0byte", 8);
    bool found = false;
    for (const auto& n : nodes) found = found || n.at("data").at("bilateral_id") == nul;
    EXPECT_TRUE(found);
}

// --- DOT -------------------------------------------------------------------------------------

namespace {

/// The quoted values of a DOT text, unescaped as dotEscape escaped them.
std::vector<std::string> dotStrings(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '/' && i + 1 < text.size() && text[i + 1] == '/') {  // comment
            i = text.find('\n', i);
            if (i == std::string::npos) break;
            continue;
        }
        if (text[i] != '"') continue;
        std::string s;
        for (++i; i < text.size() && text[i] != '"'; ++i) {
            if (text[i] == '\\' && i + 1 < text.size()) {
                const char c = text[++i];
                s += c == 'n' ? '\n' : c;
            } else {
                EXPECT_NE(text[i], '\n') << "raw line break inside a DOT string";
                s += text[i];
            }
        }
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace

TEST(Dot, HostileValuesStayInsideTheirQuotes) {
    const auto values = hostileValues();
    auto s = hostileStore(values);
    const auto p = buildProjection(s);
    const auto text = render([&](std::ostream& o) { io::writeDot(o, p); });
    const auto strings = dotStrings(text);
    std::multiset<std::string> seen(strings.begin(), strings.end());
    for (const auto& h : values) {
        // DOT keeps valid UTF-8 but control characters other than tab and line breaks; line
        // breaks (LF, CR LF, CR) are written \n.
        const auto valid = io::sanitizeUtf8(h.raw);
        std::string want;
        for (std::size_t i = 0; i < valid.size(); ++i) {
            const auto c = static_cast<unsigned char>(valid[i]);
            if (c == '\r') {
                if (i + 1 < valid.size() && valid[i + 1] == '\n') ++i;
                want += '\n';
            } else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
                want += kFffd;
            } else {
                want += valid[i];
            }
        }
        EXPECT_GE(seen.count(want), 3u) << hex(h.raw);  // label, bilateral_id, country
    }
    if (!fs::exists("/usr/bin/dot")) GTEST_SKIP() << "Graphviz not installed; syntax not checked";
    const auto file = write("hostile.dot", text);
    const std::string cmd = "/usr/bin/dot -Tcanon '" + file + "' > /dev/null 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << text;
}

// --- the dataset of a subgraph -------------------------------------------------------------
