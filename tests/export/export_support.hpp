#pragma once
// What the export writer tests share: hostile values (quotes, markup, SQL, format strings, bidi
// marks, controls, invalid UTF-8) in a store of their own, the tiny store, the readers that
// check the outputs (Boost's read_graphml; expat through /usr/bin/python3), and a folder of the
// process's own.

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
#include "bilateral/export/from_storage.hpp"
#include "bilateral/export/writers.hpp"
#include "bilateral/graph/from_storage.hpp"
#include "bilateral/graph/projection.hpp"
#include "bilateral/import/dataset.hpp"
#include "bilateral/import/from_storage.hpp"
#include "fixtures/temp_files.hpp"
#include "graph/graph_fixture.hpp"
#include "sqlite/store.hpp"

namespace bilateral::fixtures {

using graph::buildProjection;
using nlohmann::json;

inline const std::string kFffd = "\xEF\xBF\xBD";

/// A value as the data holds it, and as an XML reader must give it back.
struct Hostile {
    std::string raw;
    std::string xml;
    bool boostSafe = true;  ///< Boost's reader drops one trailing space (a Boost quirk)
};

inline std::vector<Hostile> hostileValues() {
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
inline sqlite::Store hostileStore(const std::vector<Hostile>& values) {
    auto s = sqlite::Store::memory();
    sqlite::Transaction tx(s);
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
inline const std::filesystem::path& tempDir() {
    static const struct Dir {
        std::filesystem::path path = bilateral::fixtures::tempFolder("writers-test");
        Dir() { std::filesystem::create_directories(path); }
        ~Dir() {
            std::error_code ec;
            std::filesystem::remove_all(path, ec);
        }
    } dir;
    return dir.path;
}

inline std::filesystem::path tempFile(const std::string& name) {
    return tempDir() / name;
}

inline std::string write(const std::string& name, const std::string& text) {
    const auto p = tempFile(name);
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
}

/// Runs /usr/bin/python3 on a script with one file argument; returns its stdout.
inline std::string python(const std::string& script, const std::string& file,
                          int* status = nullptr) {
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
inline constexpr const char* kGraphmlToJson = R"py(
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

inline constexpr const char* kGexfToJson = R"py(
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

inline json pythonJson(const char* script, const std::string& file) {
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

inline BoostGraph readWithBoost(const std::string& text) {
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

inline sqlite::Store tinyStore() {
    auto s = sqlite::Store::memory();
    fixture::seedTinyStore(s);
    return s;
}

/// Bytes as hex, for readable failures.
inline std::string hex(const std::string& s) {
    std::string out;
    char b[4];
    for (unsigned char c : s) {
        std::snprintf(b, sizeof b, "%02x ", c);
        out += b;
    }
    return out;
}

}  // namespace bilateral::fixtures
