// GraphML: read back by Boost's read_graphml and by expat with the same nodes, edges and values,
// every key declared and typed, hostile values intact, the same bytes every time.

#include "export/export_support.hpp"

using namespace bilateral;
using namespace bilateral::fixtures;
using graph::Projection;

TEST(GraphML, ReadsBackWithBoostWithTheSameNodesEdgesAndValues) {
    auto s = tinyStore();
    const auto p = buildProjection(s);
    const auto text = render([&](std::ostream& o) { io::writeGraphML(o, p); });
    const auto g = readWithBoost(text);
    ASSERT_EQ(boost::num_vertices(g), p.vertexCount());
    ASSERT_EQ(boost::num_edges(g), p.edgeCount());
    for (std::size_t v = 0; v < p.vertexCount(); ++v) {
        EXPECT_EQ(g[v].bilateralId, p[v].id);
        EXPECT_EQ(g[v].kind, graph::toString(p[v].kind));
        EXPECT_EQ(g[v].type, p[v].type);
        EXPECT_EQ(g[v].label, p[v].label);
        EXPECT_EQ(g[v].country, p[v].country);
        EXPECT_EQ(g[v].start, p[v].start);
        EXPECT_EQ(g[v].end, p[v].end);
        EXPECT_EQ(g[v].status, p[v].status);
        EXPECT_EQ(g[v].parent, p[v].parent);
        EXPECT_EQ(g[v].evidenceCount, p[v].evidenceCount);
    }
    // Edges in the same order, between the same vertices.
    auto read = boost::edges(g).first;
    for (const auto e : boost::make_iterator_range(boost::edges(p.graph()))) {
        EXPECT_EQ(boost::source(*read, g), boost::source(e, p.graph()));
        EXPECT_EQ(boost::target(*read, g), boost::target(e, p.graph()));
        EXPECT_EQ(g[*read].kind, graph::toString(p[e].kind));
        EXPECT_EQ(g[*read].type, p[e].type);
        EXPECT_EQ(g[*read].bilateralId, p[e].id);
        EXPECT_EQ(g[*read].role, p[e].kind == graph::EdgeKind::Participation ? p[e].type : "");
        EXPECT_EQ(g[*read].start, p[e].start);
        EXPECT_EQ(g[*read].evidenceCount, p[e].evidenceCount);
        ++read;
    }
}

TEST(GraphML, DeclaresEveryKeyWithATypeAndUsesNoOther) {
    auto s = tinyStore();
    const auto p = buildProjection(
        s, {.from = model::Date::parse("2025-07"),
            .to = std::nullopt,
            .kinds = {model::EventKind::OfficialVisit, model::EventKind::Roundtable}});
    const auto text = render([&](std::ostream& o) { io::writeGraphML(o, p); });

    namespace pt = boost::property_tree;
    pt::ptree tree;
    std::istringstream in(text);
    pt::read_xml(in, tree);
    std::set<std::string> declared;
    std::set<std::string> names;
    const std::set<std::string> types{"boolean", "int", "long", "float", "double", "string"};
    for (const auto& [tag, key] : tree.get_child("graphml")) {
        if (tag != "key") continue;
        // Paths with '/' as separator: the attribute names contain dots.
        auto attr = [&key](const char* name) {
            return key.get<std::string>(pt::ptree::path_type(std::string("<xmlattr>/") + name, '/'),
                                        "");
        };
        const auto id = attr("id");
        EXPECT_TRUE(declared.insert(id).second) << "key declared twice: " << id;
        EXPECT_TRUE(types.contains(attr("attr.type"))) << id;
        EXPECT_FALSE(attr("for").empty()) << id;
        EXPECT_FALSE(attr("attr.name").empty()) << id;
        EXPECT_NE(attr("attr.name"), "id") << "igraph reserves `id`";
        names.insert(attr("for") + ":" + attr("attr.name"));
    }
    for (const auto* n :
         {"node:bilateral_id", "node:kind", "node:type", "node:label", "node:country", "node:start",
          "node:end", "node:status", "node:evidence_count", "edge:role", "edge:bilateral_id",
          "edge:kind", "edge:type", "edge:start", "edge:end", "edge:evidence_count",
          "graph:description"}) {
        EXPECT_TRUE(names.contains(n)) << n;
    }
    const auto parsed = pythonJson(kGraphmlToJson, write("typed.graphml", text));
    EXPECT_EQ(parsed.at("edgedefault"), "directed");
    std::size_t dataSeen = 0;
    for (const auto* part : {"nodes", "edges"}) {
        for (const auto& el : parsed.at(part)) {
            for (const auto& [k, v] : el.items()) {
                EXPECT_TRUE(k.rfind("UNDECLARED:", 0) != 0) << k;
                ++dataSeen;
            }
        }
    }
    EXPECT_GT(dataSeen, 0u);
    for (const auto& [k, v] : parsed.at("graph").items())
        EXPECT_TRUE(k.rfind("UNDECLARED:", 0) != 0) << k;
    EXPECT_EQ(parsed.at("graph").at("window_from"), "2025-07");
    EXPECT_EQ(parsed.at("graph").at("event_kinds"), "official_visit,roundtable");
    EXPECT_NE(parsed.at("graph").at("description").get<std::string>().find("2 events"),
              std::string::npos);
}

TEST(GraphML, HostileValuesRoundTripThroughBoostsReaderAndExpat) {
    const auto values = hostileValues();
    auto s = hostileStore(values);
    const auto p = buildProjection(s);
    ASSERT_EQ(p.actorCount(), values.size());
    ASSERT_EQ(p.eventCount(), values.size());
    ASSERT_EQ(p.relationCount(), values.size() - 1);
    const auto text = render([&](std::ostream& o) { io::writeGraphML(o, p); });

    std::map<std::string, std::string> expected;  // raw → as an XML reader gives it back
    for (const auto& h : values) expected[h.raw] = h.xml;

    const auto g = readWithBoost(text);
    ASSERT_EQ(boost::num_vertices(g), p.vertexCount());
    ASSERT_EQ(boost::num_edges(g), p.edgeCount());
    const auto parsed = pythonJson(kGraphmlToJson, write("hostile.graphml", text));
    ASSERT_EQ(parsed.at("nodes").size(), p.vertexCount());
    ASSERT_EQ(parsed.at("edges").size(), p.edgeCount());

    std::set<std::string> boostSafe;
    for (const auto& h : values) {
        if (h.boostSafe) boostSafe.insert(h.raw);
    }
    for (std::size_t v = 0; v < p.actorCount(); ++v) {
        const auto& raw = p[v].id;
        const auto& want = expected.at(raw);
        const auto& node = parsed.at("nodes")[v];
        EXPECT_EQ(node.at("bilateral_id").get<std::string>(), want) << hex(raw);
        EXPECT_EQ(node.at("label").get<std::string>(), want) << hex(raw);
        EXPECT_EQ(node.at("country").get<std::string>(), want) << hex(raw);
        if (boostSafe.contains(raw)) {
            EXPECT_EQ(g[v].bilateralId, want) << hex(raw) << "\n" << hex(g[v].bilateralId);
            EXPECT_EQ(g[v].label, want) << hex(raw);
            EXPECT_EQ(g[v].country, want) << hex(raw);
        }
    }
    for (auto v = p.actorCount(); v < p.vertexCount(); ++v) {
        const auto raw = p[v].label;
        const auto& want = expected.at(raw);
        EXPECT_EQ(parsed.at("nodes")[v].at("bilateral_id").get<std::string>(), "event/" + want);
        EXPECT_EQ(parsed.at("nodes")[v].at("location").get<std::string>(), want);
        if (boostSafe.contains(raw)) {
            EXPECT_EQ(g[v].bilateralId, "event/" + want) << hex(raw);
            EXPECT_EQ(g[v].location, want) << hex(raw);
        }
    }
    std::size_t relations = 0;
    for (const auto& e : parsed.at("edges")) {
        if (e.at("kind") != "relation") continue;
        const auto id = e.at("bilateral_id").get<std::string>();
        EXPECT_EQ(id.rfind("rel/", 0), 0u);
        ++relations;
    }
    EXPECT_EQ(relations, values.size() - 1);
    // The SQL in the data did nothing to the store.
    EXPECT_EQ(s.counts().actors, static_cast<std::int64_t>(values.size()));
}

TEST(GraphML, IsTheSameEveryTime) {
    auto s = tinyStore();
    const auto a = render([&](std::ostream& o) { io::writeGraphML(o, buildProjection(s)); });
    const auto b = render([&](std::ostream& o) { io::writeGraphML(o, buildProjection(s)); });
    EXPECT_EQ(a, b);
    EXPECT_NE(a.find("<node id=\"n0\">"), std::string::npos);
    EXPECT_NE(a.find("<edge id=\"e0\" source=\"n"), std::string::npos);
}

// --- GEXF ------------------------------------------------------------------------------------
