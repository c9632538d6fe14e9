// Hostile values end to end: a dataset whose ids, names, aliases, titles, attributes and quotes
// are quotes, semicolons, %, NUL bytes, right-to-left marks and SQL fragments is imported by
// `bilateral import`, returned byte for byte by the queries and by the JSON writers, and by the
// GraphML and GEXF writers with every character escaped (read back with an XML parser); no value
// ever changes a statement.

#include <gtest/gtest.h>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <sstream>

#include "hostile.hpp"
#include "sqlite/store.hpp"
#include "sqlite/store_impl.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace reliability;
using nlohmann::json;

namespace {

std::string actorId(const std::string& v) {
    return v;
}
std::string eventId(const std::string& v) {
    return "ev:" + v;
}

json hostileDataset() {
    json doc = {{"format", "bilateral-dataset"}, {"version", 1}};
    doc["sources"] = json::array({{{"id", "source/plain"}, {"title", "plain"}}});
    doc["actors"] = json::array(
        {{{"id", "country/ITA"}, {"kind", "country"}, {"name", "Italy"}, {"country", "ITA"}}});
    doc["events"] = json::array();
    doc["relations"] = json::array();
    int i = 0;
    for (const auto& v : hostileStrings()) {
        ++i;
        doc["sources"].push_back({{"id", "src:" + v}, {"title", v}, {"author", v}, {"url", v}});
        doc["actors"].push_back(
            {{"id", actorId(v)},
             {"kind", "person"},
             {"name", v},
             {"aliases", json::array({v + " (alias)"})},
             {"attributes", {{v, v}, {"n", i}}},
             {"evidence", json::array({{{"source", "src:" + v}, {"quote", v}, {"note", v}}})}});
        doc["events"].push_back(
            {{"id", eventId(v)},
             {"kind", "talks"},
             {"title", v},
             {"start", "2025-07-02"},
             {"location", v},
             {"attributes", {{"k", v}}},
             {"participants", json::array({{{"actor", actorId(v)}, {"role", "host"}},
                                           {{"actor", "country/ITA"}, {"role", "guest"}}})},
             {"evidence", json::array({{{"source", "src:" + v}, {"quote", v}}})}});
        doc["relations"].push_back({{"id", "rel:" + v},
                                    {"kind", "affiliated_with"},
                                    {"from", actorId(v)},
                                    {"to", "country/ITA"}});
    }
    return doc;
}

/// What an XML writer can carry of `v`: characters XML 1.0 cannot hold become U+FFFD.
std::string xmlCarried(const std::string& v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const auto c = static_cast<unsigned char>(v[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out += "\xEF\xBF\xBD";
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

/// Strings an argument vector can carry (no NUL), that CLI11 does not take for an option, and
/// that are not blank.
bool usableAsArgument(const std::string& v) {
    return v.find('\0') == std::string::npos && !v.starts_with("-") &&
           v.find_first_not_of(" \t\r\n") != std::string::npos;
}

class HostileCli : public SharedDatabaseSuite {
protected:
    static void SetUpTestSuite() {
        makeScratch("hostile-cli", "hostile.db");
        const auto file = *dir_ / "hostile.json";
        writeBytes(file, hostileDataset().dump(1));
        const auto r = cli({"import", file.string()});
        ASSERT_EQ(r.status, 0) << r.err;
    }
};

}  // namespace

TEST_F(HostileCli, ImportStoresEveryValueByteForByteAndCreatesOrDropsNothing) {
    const auto values = hostileStrings();
    auto s = bilateral::sqlite::Store::open(*db_, {.readOnly = true});
    auto c = s.counts();
    EXPECT_EQ(c.actors, static_cast<std::int64_t>(values.size()) + 1);
    EXPECT_EQ(c.events, static_cast<std::int64_t>(values.size()));
    EXPECT_EQ(c.relations, static_cast<std::int64_t>(values.size()));
    for (const auto& v : values) {
        const auto a = s.findActor(actorId(v));
        ASSERT_TRUE(a) << v;
        EXPECT_EQ(a->name, v);
        ASSERT_EQ(a->aliases.size(), 1u);
        EXPECT_EQ(a->aliases[0], v + " (alias)");
        EXPECT_EQ(std::get<std::string>(a->attributes.at(v)), v);
        EXPECT_EQ(a->evidence.at(0).quote, v);
        const auto e = s.findEvent(eventId(v));
        ASSERT_TRUE(e) << v;
        EXPECT_EQ(e->title, v);
        EXPECT_EQ(e->location, v);
        const auto src = s.findSource("src:" + v);
        ASSERT_TRUE(src);
        EXPECT_EQ(src->url, v);
    }
    // The schema is the schema of a fresh store: no value created, altered or dropped a table.
    auto schema = [](bilateral::sqlite::Store& st) {
        auto q = bilateral::sqlite::detail::prepare(
            st, "SELECT type, name, sql FROM sqlite_schema ORDER BY name");
        std::string out;
        while (q.step())
            out +=
                q.getString(0) + " " + q.getString(1) + " " + q.getOptString(2).value_or("") + "\n";
        return out;
    };
    auto f = bilateral::sqlite::Store::memory();
    EXPECT_EQ(schema(s), schema(f));
}

TEST_F(HostileCli, QueriesFindEachActorByItsExactIdAndAreNotChangedByIt) {
    for (const auto& v : hostileStrings()) {
        if (!usableAsArgument(v)) continue;
        SCOPED_TRACE(v);
        const auto met = cli({"who-met", actorId(v), "--json"});
        ASSERT_EQ(met.status, 0) << met.err;
        EXPECT_NE(met.out.find("\"country/ITA\""), std::string::npos) << met.out;
        EXPECT_TRUE(json::accept(met.out)) << met.out;
        const auto tl = cli({"timeline", actorId(v), "--json"});
        ASSERT_EQ(tl.status, 0) << tl.err;
        EXPECT_NE(tl.out.find(json(v).dump()), std::string::npos) << tl.out;
        const auto rel = cli({"relations", actorId(v), "--json"});
        EXPECT_EQ(rel.status, 0) << rel.err;
        // Search takes words, not a query language: any text is a search, never a syntax error,
        // and never finds everything.
        const auto found = cli({"search", v, "--json", "--limit", "1000"});
        EXPECT_TRUE(found.status == 0 || found.status == 3) << found.err;
        if (found.status == 0) {
            const auto hits = json::parse(found.out).at("hits");
            EXPECT_LT(hits.size(), hostileStrings().size())
                << "\"" << v << "\" matched every actor";
        }
    }
    const auto everyone = cli({"who-met", "country/ITA", "--json"});
    ASSERT_EQ(everyone.status, 0) << everyone.err;
    std::set<std::string> ids;
    const auto j = json::parse(everyone.out);
    std::function<void(const json&)> collect = [&](const json& x) {
        if (x.is_object()) {
            for (auto it = x.begin(); it != x.end(); ++it) {
                if (it.key() == "id" && it->is_string()) ids.insert(it->get<std::string>());
                collect(*it);
            }
        } else if (x.is_array()) {
            for (const auto& e : x) collect(e);
        }
    };
    collect(j);
    for (const auto& v : hostileStrings())
        EXPECT_TRUE(ids.count(actorId(v))) << "who-met lost \"" << v << "\"";
}

TEST_F(HostileCli, TheDatasetExportReturnsEveryValueByteForByte) {
    const auto r = cli({"export", "--format", "json"});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto doc = json::parse(r.out);
    std::map<std::string, json> actors, events;
    for (const auto& a : doc.at("actors")) actors[a.at("id").get<std::string>()] = a;
    for (const auto& e : doc.at("events")) events[e.at("id").get<std::string>()] = e;
    for (const auto& v : hostileStrings()) {
        ASSERT_TRUE(actors.count(actorId(v))) << v;
        const auto& a = actors[actorId(v)];
        EXPECT_EQ(a.at("name").get<std::string>(), v);
        EXPECT_EQ(a.at("aliases").at(0).get<std::string>(), v + " (alias)");
        EXPECT_EQ(a.at("attributes").at(v).get<std::string>(), v);
        ASSERT_TRUE(events.count(eventId(v))) << v;
        EXPECT_EQ(events[eventId(v)].at("title").get<std::string>(), v);
        EXPECT_EQ(events[eventId(v)].at("location").get<std::string>(), v);
    }
    // And the export imports again into an empty database, holding the same.
    const auto again = *dir_ / "again.db";
    const auto file = *dir_ / "exported.json";
    writeBytes(file, r.out);
    const auto imported = runCli({"--db", again.string(), "import", file.string()}, *dir_);
    ASSERT_EQ(imported.status, 0) << imported.err;
    const auto back = runCli({"--db", again.string(), "export", "--format", "json"}, *dir_);
    EXPECT_EQ(back.out, r.out);
}

TEST_F(HostileCli, TheCytoscapeJsonCarriesEveryValueByteForByte) {
    const auto r = cli({"export", "--format", "cytoscape"});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto doc = json::parse(r.out);
    std::set<std::string> ids, labels;
    for (const auto& n : doc.at("elements").at("nodes")) {
        const auto& d = n.at("data");
        if (d.contains("bilateral_id")) ids.insert(d.at("bilateral_id").get<std::string>());
        if (d.contains("label")) labels.insert(d.at("label").get<std::string>());
    }
    for (const auto& v : hostileStrings()) {
        EXPECT_TRUE(ids.count(actorId(v))) << v;
        EXPECT_TRUE(ids.count(eventId(v))) << v;
        EXPECT_TRUE(labels.count(v)) << v;
    }
}

namespace {

/// Every <data> value of GraphML nodes, by the attr.name of its key.
std::map<std::string, std::set<std::string>> graphmlNodeData(const std::string& text) {
    boost::property_tree::ptree tree;
    std::istringstream in(text);
    boost::property_tree::read_xml(in, tree);
    const auto& graphml = tree.get_child("graphml");
    std::map<std::string, std::string> keyName;
    for (const auto& [tag, node] : graphml) {
        if (tag == "key") {
            // "attr.name" holds a dot, property_tree's path separator: look it up with another.
            const auto& attrs = node.get_child("<xmlattr>");
            keyName[attrs.get<std::string>("id")] =
                attrs.get<std::string>(boost::property_tree::ptree::path_type("attr.name", '/'));
        }
    }
    std::map<std::string, std::set<std::string>> out;
    for (const auto& [tag, graph] : graphml) {
        if (tag != "graph") continue;
        for (const auto& [ntag, node] : graph) {
            if (ntag != "node") continue;
            for (const auto& [dtag, data] : node) {
                if (dtag != "data") continue;
                out[keyName[data.get<std::string>("<xmlattr>.key")]].insert(data.data());
            }
        }
    }
    return out;
}

}  // namespace

TEST_F(HostileCli, GraphMLEscapesEveryCharacterThatNeedsIt) {
    const auto r = cli({"export", "--format", "graphml"});
    ASSERT_EQ(r.status, 0) << r.err;
    std::map<std::string, std::set<std::string>> data;
    ASSERT_NO_THROW(data = graphmlNodeData(r.out)) << "not well-formed XML";
    for (const auto& v : hostileStrings()) {
        SCOPED_TRACE(v);
        EXPECT_TRUE(data["bilateral_id"].count(xmlCarried(actorId(v))));
        EXPECT_TRUE(data["bilateral_id"].count(xmlCarried(eventId(v))));
        EXPECT_TRUE(data["label"].count(xmlCarried(v)));
        EXPECT_TRUE(data["location"].count(xmlCarried(v)));
    }
}

TEST_F(HostileCli, GexfEscapesEveryCharacterThatNeedsIt) {
    const auto r = cli({"export", "--format", "gexf"});
    ASSERT_EQ(r.status, 0) << r.err;
    boost::property_tree::ptree tree;
    std::istringstream in(r.out);
    ASSERT_NO_THROW(boost::property_tree::read_xml(in, tree)) << "not well-formed XML";
    std::set<std::string> labels;
    for (const auto& [tag, node] : tree.get_child("gexf.graph.nodes")) {
        if (tag == "node") labels.insert(node.get<std::string>("<xmlattr>.label", ""));
    }
    for (const auto& v : hostileStrings()) {
        // XML normalises white space in attribute values unless it is written as references;
        // the writer writes it so, and a conforming parser gives it back.
        EXPECT_TRUE(labels.count(xmlCarried(v))) << v;
    }
}
