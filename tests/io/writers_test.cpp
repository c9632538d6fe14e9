// The graph writers: GraphML read back by Boost's reader and by expat (Python's xml.etree),
// GEXF parsed by expat, Cytoscape JSON by nlohmann, DOT by Graphviz when installed; hostile
// values (quotes, markup, SQL, NUL, bidi marks, invalid UTF-8) survive byte for byte or are
// replaced exactly as docs/graph.md says.

#include <gtest/gtest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "bilateral/error.hpp"
#include "bilateral/export/writers.hpp"
#include "bilateral/graph/projection.hpp"
#include "bilateral/import/dataset.hpp"
#include "bilateral/sqlite/store.hpp"
#include "graph/graph_fixture.hpp"

namespace fs = std::filesystem;
using namespace bilateral;
using graph::Projection;
using nlohmann::json;

namespace {

const std::string kFffd = "\xEF\xBF\xBD";

/// A value as the data holds it, and as an XML reader must give it back.
struct Hostile {
    std::string raw;
    std::string xml;
    bool boostSafe = true;  ///< Boost's reader drops one trailing space (a Boost quirk)
};

std::vector<Hostile> hostileValues() {
    std::vector<Hostile> v;
    auto same = [&](std::string s) { v.push_back({s, s}); };
    same(R"(person/"quoted" <b>bold</b> & 'single')");
    same("x'); DROP TABLE actor; --");
    same("1 OR 1=1; SELECT * FROM relation WHERE key LIKE '%';");
    same("100% ; %s %n %d %%");
    same("\u200F\u05DE\u05DC\u05D6\u05D9\u05D4\u200F and \u202Eevil\u202C \u2066iso\u2069");
    same("line1\nline2\r\nline3\tend\rcr");
    same("]]> <!-- comment --> <![CDATA[x]]> &amp; &#0; &lt;");
    same("C:\\path\\\"quoted\\\" \\");
    same("&#32;  two  spaces   three");
    same("\U0001D518\U0001D52B\U0001D526 \U0001F1EE\U0001F1F9 caf\u00E9 na\u00EFve");
    same("\x7F del and \xC2\x85 nel");
    v.push_back({std::string("nul\0byte", 8), "nul" + kFffd + "byte"});
    v.push_back(
        {"\x01\x02\x1F bell\a esc\x1B", kFffd + kFffd + kFffd + " bell" + kFffd + " esc" + kFffd});
    v.push_back({"bad \xC3\x28 utf8 \xED\xA0\x80 surrogate \xF0\x82\x82\xAC overlong \xFF",
                 "bad " + kFffd + "( utf8 " + kFffd + kFffd + kFffd + " surrogate " + kFffd +
                     kFffd + kFffd + kFffd + " overlong " + kFffd});
    v.push_back({"\xEF\xBF\xBE nonchar \xEF\xBF\xBF", kFffd + " nonchar " + kFffd});
    v.push_back({"  leading and trailing  ", "  leading and trailing  ", false});
    return v;
}

/// A store whose ids, names, titles and countries are all hostile: actor i takes part in
/// event i, and relation i joins actor i to actor i+1.
store::Store hostileStore(const std::vector<Hostile>& values) {
    auto s = store::Store::memory();
    store::Transaction tx(s);
    s.putSource({.id = "source/s", .title = "S"});
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto& h = values[i].raw;
        model::Actor a{.id = h, .kind = model::ActorKind::Person, .name = h};
        a.country = h;
        s.putActor(a);
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto& h = values[i].raw;
        model::Event e{.id = "event/" + h, .kind = model::EventKind::Talks, .title = h};
        e.location = h;
        e.participants = {{.actor = h, .role = model::Role::Attendee}};
        s.putEvent(e);
        if (i + 1 < values.size()) {
            s.putRelation({.id = "rel/" + h,
                           .kind = model::RelationKind::PartnerOf,
                           .from = h,
                           .to = values[i + 1].raw});
        }
    }
    tx.commit();
    return s;
}

/// A folder of this process's own (ctest runs the tests of this file in parallel processes),
/// removed when the process ends.
const fs::path& tempDir() {
    static const struct Dir {
        fs::path path =
            fs::temp_directory_path() / ("bilateral-writers-test-" + std::to_string(::getpid()));
        Dir() { fs::create_directories(path); }
        ~Dir() {
            std::error_code ec;
            fs::remove_all(path, ec);
        }
    } dir;
    return dir.path;
}

fs::path tempFile(const std::string& name) {
    return tempDir() / name;
}

std::string write(const std::string& name, const std::string& text) {
    const auto p = tempFile(name);
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
}

/// Runs /usr/bin/python3 on a script with one file argument; returns its stdout.
std::string python(const std::string& script, const std::string& file, int* status = nullptr) {
    const auto py = write("reader.py", script);
    const std::string cmd = "/usr/bin/python3 '" + py + "' '" + file + "' 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
    std::string out;
    char buf[4096];
    while (pipe && !std::feof(pipe.get())) {
        const auto n = std::fread(buf, 1, sizeof buf, pipe.get());
        out.append(buf, n);
    }
    const int rc = pclose(pipe.release());
    if (status) *status = rc;
    return out;
}

// expat (the parser behind xml.etree) is strict: any malformed output fails here.
constexpr const char* kGraphmlToJson = R"py(
import json, sys, xml.etree.ElementTree as ET
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(sys.argv[1]).getroot()
keys = {k.get("id"): {"for": k.get("for"), "name": k.get("attr.name"), "type": k.get("attr.type")}
        for k in root.findall("g:key", ns)}
def data(el):
    return {keys[d.get("key")]["name"] if d.get("key") in keys else "UNDECLARED:" + d.get("key"): d.text or ""
            for d in el.findall("g:data", ns)}
graph = root.find("g:graph", ns)
print(json.dumps({
    "keys": keys,
    "edgedefault": graph.get("edgedefault"),
    "graph": data(graph),
    "nodes": [dict(data(n), _id=n.get("id")) for n in graph.findall("g:node", ns)],
    "edges": [dict(data(e), _id=e.get("id"), _source=e.get("source"), _target=e.get("target"))
              for e in graph.findall("g:edge", ns)],
}))
)py";

constexpr const char* kGexfToJson = R"py(
import json, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = {"x": root.tag[1:root.tag.index("}")]}  # 1.2draft or 1.3
graph = root.find("x:graph", ns)
def attrs(el):
    d = {a.get("for"): a.get("value") for a in el.findall("x:attvalues/x:attvalue", ns)}
    for k in ("id", "label", "start", "end", "source", "target", "kind"):
        if el.get(k) is not None: d["_" + k] = el.get(k)
    return d
print(json.dumps({
    "version": root.get("version"),
    "mode": graph.get("mode"), "timeformat": graph.get("timeformat"),
    "description": root.find("x:meta/x:description", ns).text,
    "attributes": [[c.get("class"), a.get("id"), a.get("title"), a.get("type")]
                   for c in graph.findall("x:attributes", ns) for a in c.findall("x:attribute", ns)],
    "nodes": [attrs(n) for n in graph.findall("x:nodes/x:node", ns)],
    "edges": [attrs(e) for e in graph.findall("x:edges/x:edge", ns)],
}))
)py";

json pythonJson(const char* script, const std::string& file) {
    int status = 0;
    const auto out = python(script, file, &status);
    EXPECT_EQ(status, 0) << out;
    try {
        return json::parse(out);
    } catch (const std::exception& e) {
        ADD_FAILURE() << "python reader: " << out;
        return json::object();
    }
}

// What Boost's reader gives back, every attribute a string but the typed counts.
struct ReadVertex {
    std::string bilateralId, kind, type, label, country, start, end, status, location, parent,
        cameo;
    long evidenceCount = -1;
};
struct ReadEdge {
    std::string bilateralId, kind, type, role, label, start, end;
    long evidenceCount = -1;
};
struct ReadGraph {
    std::string description;
};
using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         ReadVertex, ReadEdge, ReadGraph>;

BoostGraph readWithBoost(const std::string& text) {
    BoostGraph g;
    boost::dynamic_properties dp(boost::ignore_other_properties);
    dp.property("bilateral_id", boost::get(&ReadVertex::bilateralId, g));
    dp.property("kind", boost::get(&ReadVertex::kind, g));
    dp.property("type", boost::get(&ReadVertex::type, g));
    dp.property("label", boost::get(&ReadVertex::label, g));
    dp.property("country", boost::get(&ReadVertex::country, g));
    dp.property("start", boost::get(&ReadVertex::start, g));
    dp.property("end", boost::get(&ReadVertex::end, g));
    dp.property("status", boost::get(&ReadVertex::status, g));
    dp.property("location", boost::get(&ReadVertex::location, g));
    dp.property("parent", boost::get(&ReadVertex::parent, g));
    dp.property("cameo", boost::get(&ReadVertex::cameo, g));
    dp.property("evidence_count", boost::get(&ReadVertex::evidenceCount, g));
    dp.property("bilateral_id", boost::get(&ReadEdge::bilateralId, g));
    dp.property("kind", boost::get(&ReadEdge::kind, g));
    dp.property("type", boost::get(&ReadEdge::type, g));
    dp.property("role", boost::get(&ReadEdge::role, g));
    dp.property("label", boost::get(&ReadEdge::label, g));
    dp.property("start", boost::get(&ReadEdge::start, g));
    dp.property("end", boost::get(&ReadEdge::end, g));
    dp.property("evidence_count", boost::get(&ReadEdge::evidenceCount, g));
    std::istringstream in(text);
    boost::read_graphml(in, g, dp);
    return g;
}

template <class F>
std::string render(F&& writer) {
    std::ostringstream out;
    writer(out);
    return out.str();
}

store::Store tinyStore() {
    auto s = store::Store::memory();
    fixture::seedTinyStore(s);
    return s;
}

/// Bytes as hex, for readable failures.
std::string hex(const std::string& s) {
    std::string out;
    char b[4];
    for (unsigned char c : s) {
        std::snprintf(b, sizeof b, "%02x ", c);
        out += b;
    }
    return out;
}

}  // namespace

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

TEST(GraphML, ReadsBackWithBoostWithTheSameNodesEdgesAndValues) {
    auto s = tinyStore();
    const auto p = Projection::build(s);
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
    const auto p = Projection::build(
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
    const auto p = Projection::build(s);
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
    const auto a = render([&](std::ostream& o) { io::writeGraphML(o, Projection::build(s)); });
    const auto b = render([&](std::ostream& o) { io::writeGraphML(o, Projection::build(s)); });
    EXPECT_EQ(a, b);
    EXPECT_NE(a.find("<node id=\"n0\">"), std::string::npos);
    EXPECT_NE(a.find("<edge id=\"e0\" source=\"n"), std::string::npos);
}

// --- GEXF ------------------------------------------------------------------------------------

TEST(Gexf, IsWellFormedDynamicAndCarriesSpellsForEvents) {
    auto s = tinyStore();
    const auto p = Projection::build(s);
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
    const auto p = Projection::build(s);
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
    const auto p = Projection::build(s);
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
    const auto p = Projection::build(s);
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
    const auto p = Projection::build(s);
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

TEST(SubgraphDataset, HoldsTheProjectionsRecordsAndTheSourcesTheyCite) {
    auto s = tinyStore();
    const auto p = Projection::build(s, {.kinds = {model::EventKind::BilateralMeeting}});
    const auto d = io::subgraphDataset(s, p);
    ASSERT_EQ(d.events.size(), 1u);
    EXPECT_EQ(d.events[0].id, "event/meeting");
    EXPECT_FALSE(d.events[0].parent) << "the visit is not in the subgraph";
    EXPECT_EQ(d.events[0].participants.size(), 3u);
    EXPECT_EQ(d.actors.size(), p.actorCount());
    EXPECT_EQ(d.relations.size(), p.relationCount());
    ASSERT_EQ(d.sources.size(), 1u);
    EXPECT_EQ(d.sources[0].id, "source/s");

    // The document stands on its own: it parses with no store to resolve ids against.
    const auto text = io::writeDataset(d);
    const auto back = io::parseDataset(text, "subgraph.json");
    EXPECT_EQ(back.actors.size(), d.actors.size());
    EXPECT_EQ(back.events, d.events);
    EXPECT_EQ(back.relations.size(), d.relations.size());
}

TEST(SubgraphDataset, OfAnUnfilteredProjectionIsTheWholeStoreButUncitedSources) {
    auto s = tinyStore();
    const auto p = Projection::build(s);
    const auto d = io::subgraphDataset(s, p);
    auto whole = io::datasetFromStore(s);
    EXPECT_EQ(d.actors, whole.actors);
    EXPECT_EQ(d.events, whole.events);
    EXPECT_EQ(d.relations, whole.relations);
    EXPECT_EQ(whole.sources.size(), 2u);
    EXPECT_EQ(d.sources.size(), 1u);
}

TEST(WriteExport, WritesEachFormat) {
    auto s = tinyStore();
    const auto p = Projection::build(s);
    for (const auto f : {io::ExportFormat::GraphML, io::ExportFormat::Gexf, io::ExportFormat::Json,
                         io::ExportFormat::Cytoscape, io::ExportFormat::Dot}) {
        const auto text = render([&](std::ostream& o) { io::writeExport(o, f, s, p); });
        EXPECT_FALSE(text.empty()) << io::toString(f);
        EXPECT_EQ(text.back(), '\n') << io::toString(f);
    }
}
