// The graph of a database for NetworkX and igraph, straight from graph::Projection (no file in
// between), with the node and edge attributes of the GraphML export
// (src/export/graphml_writer.cpp): nodes bilateral_id, kind, type, label, country, start, end,
// status, location, parent, cameo, evidence_count; edges bilateral_id, kind, type, role, label,
// start, end, evidence_count. As in GraphML, an empty value is absent (NetworkX) or the caller's
// `missing` value (igraph).

#include <pybind11/stl.h>

#include <string_view>
#include <unordered_map>

#include "bilateral/error.hpp"
#include "bilateral/export/writers.hpp"
#include "bilateral/graph/projection.hpp"
#include "binding.hpp"

namespace bilateral::python {
namespace {

/// Python strings for values that repeat (kinds, types, roles, countries, statuses): one object
/// each, so a million events do not make a million copies of "occurred".
class Interner {
public:
    py::handle operator()(std::string_view s) {
        auto it = cache_.find(s);
        if (it == cache_.end()) {
            py::object o = text(s);
            it = cache_.emplace(std::string(s), std::move(o)).first;
        }
        return it->second;
    }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::unordered_map<std::string, py::object, Hash, std::equal_to<>> cache_;
};

/// Sets d[key] = value unless the value is empty (GraphML omits empty values).
void put(py::dict& d, const py::str& key, std::string_view value) {
    if (value.empty()) return;
    d[key] = text(value);
}
void put(py::dict& d, const py::str& key, std::string_view value, Interner& intern) {
    if (value.empty()) return;
    d[key] = intern(value);
}

struct Keys {
    py::str bilateralId{"bilateral_id"}, kind{"kind"}, type{"type"}, label{"label"},
        country{"country"}, start{"start"}, end{"end"}, status{"status"}, location{"location"},
        parent{"parent"}, cameo{"cameo"}, evidenceCount{"evidence_count"}, role{"role"};
};

query::IndexFilter filterOf(const std::optional<std::string>& since,
                            const std::optional<std::string>& until,
                            const std::vector<std::string>& kinds) {
    query::IndexFilter f;
    f.from = parseDate(since, "since");
    f.to = parseDate(until, "until");
    f.kinds = parseKinds(kinds, "kinds");
    return f;
}

/// Graph-level attributes, as GraphML's graph keys.
py::dict graphAttributes(const graph::Projection& p) {
    py::dict g;
    const auto& f = p.filter();
    g["description"] = text(io::describeProjection(p));
    if (f.from) g["window_from"] = f.from->toString();
    if (f.to) g["window_to"] = f.to->toString();
    std::string kinds;
    for (const auto k : f.kinds) {
        if (!kinds.empty()) kinds += ',';
        kinds += model::toString(k);
    }
    if (!kinds.empty()) g["event_kinds"] = kinds;
    return g;
}

graph::Projection project(PyDatabase& self, const query::IndexFilter& filter) {
    return self.run([&](Database& db) { return db.projection(filter); });
}

/// A new reference, or throw the Python error that made it null.
py::object checked(PyObject* o) {
    if (!o) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(o);
}

/// For NetworkX, the dicts a MultiDiGraph is made of: (graph attributes, node, succ, pred) with
/// node = {key: attributes}, succ = {u: {v: {edge key: attributes}}} and pred = {v: {u: the same
/// {edge key: attributes}}}, edge keys 0, 1, ... per pair of nodes in edge order, as
/// MultiDiGraph.add_edges_from would number them. Node keys are the data's ids, or GraphML's
/// n0, n1, ... with `graphmlIds`. Throws InvalidArgumentError when two nodes share a key.
py::tuple graphNetworkx(PyDatabase& self, const std::optional<std::string>& since,
                        const std::optional<std::string>& until,
                        const std::vector<std::string>& kinds, bool graphmlIds) {
    const auto projection = project(self, filterOf(since, until, kinds));
    const auto& g = projection.graph();
    const Keys k;
    Interner intern;
    const auto n = projection.vertexCount();
    std::vector<py::object> keys(n);
    std::vector<py::object> succOf(n), predOf(n);
    py::dict node, succ, pred;
    for (std::size_t v = 0; v < n; ++v) {
        const auto& x = g[v];
        py::dict d;
        put(d, k.bilateralId, x.id);
        d[k.kind] = intern(graph::toString(x.kind));
        put(d, k.type, x.type, intern);
        put(d, k.label, x.label);
        put(d, k.country, x.country, intern);
        put(d, k.start, x.start, intern);
        put(d, k.end, x.end, intern);
        put(d, k.status, x.status, intern);
        put(d, k.location, x.location, intern);
        put(d, k.parent, x.parent);
        put(d, k.cameo, x.cameo, intern);
        d[k.evidenceCount] = py::int_(x.evidenceCount);
        keys[v] = graphmlIds ? py::object(py::str("n" + std::to_string(v))) : text(x.id);
        if (PyDict_SetItem(node.ptr(), keys[v].ptr(), d.ptr()) != 0) throw py::error_already_set();
        succOf[v] = checked(PyDict_New());
        predOf[v] = checked(PyDict_New());
        if (PyDict_SetItem(succ.ptr(), keys[v].ptr(), succOf[v].ptr()) != 0 ||
            PyDict_SetItem(pred.ptr(), keys[v].ptr(), predOf[v].ptr()) != 0)
            throw py::error_already_set();
    }
    if (static_cast<std::size_t>(PyDict_Size(node.ptr())) != n) {
        throw InvalidArgumentError(
            "to_networkx: an actor and an event share an id; use node_ids='graphml'");
    }
    for (const auto e : boost::make_iterator_range(boost::edges(g))) {
        const auto& x = g[e];
        py::dict d;
        put(d, k.bilateralId, x.id);
        d[k.kind] = intern(graph::toString(x.kind));
        put(d, k.type, x.type, intern);
        if (x.kind == graph::EdgeKind::Participation) put(d, k.role, x.type, intern);
        put(d, k.label, x.type, intern);
        put(d, k.start, x.start, intern);
        put(d, k.end, x.end, intern);
        d[k.evidenceCount] = py::int_(x.evidenceCount);
        const auto u = boost::source(e, g), v = boost::target(e, g);
        PyObject* keydict = PyDict_GetItemWithError(succOf[u].ptr(), keys[v].ptr());  // borrowed
        if (!keydict) {
            if (PyErr_Occurred()) throw py::error_already_set();
            auto fresh = checked(PyDict_New());
            if (PyDict_SetItem(succOf[u].ptr(), keys[v].ptr(), fresh.ptr()) != 0 ||
                PyDict_SetItem(predOf[v].ptr(), keys[u].ptr(), fresh.ptr()) != 0)
                throw py::error_already_set();
            keydict = fresh.ptr();  // kept alive by succOf[u]
        }
        auto key = checked(PyLong_FromSsize_t(PyDict_Size(keydict)));
        if (PyDict_SetItem(keydict, key.ptr(), d.ptr()) != 0) throw py::error_already_set();
    }
    return py::make_tuple(graphAttributes(projection), node, succ, pred);
}

/// For igraph: (graph attributes, vertex count, [(source, target)] as vertex numbers, vertex
/// attribute columns, edge attribute columns); an empty value is `missing`.
py::tuple graphColumns(PyDatabase& self, const std::optional<std::string>& since,
                       const std::optional<std::string>& until,
                       const std::vector<std::string>& kinds, const py::object& missing) {
    const auto projection = project(self, filterOf(since, until, kinds));
    const auto& g = projection.graph();
    Interner intern;
    const auto n = projection.vertexCount();
    const auto m = projection.edgeCount();
    auto value = [&](std::string_view s, bool repeats) -> py::object {
        if (s.empty()) return missing;
        return repeats ? py::reinterpret_borrow<py::object>(intern(s)) : text(s);
    };
    py::list id(n), kind(n), type(n), label(n), country(n), start(n), end(n), status(n),
        location(n), parent(n), cameo(n), evidence(n);
    for (std::size_t v = 0; v < n; ++v) {
        const auto& x = g[v];
        id[v] = value(x.id, false);
        kind[v] = value(graph::toString(x.kind), true);
        type[v] = value(x.type, true);
        label[v] = value(x.label, false);
        country[v] = value(x.country, true);
        start[v] = value(x.start, true);
        end[v] = value(x.end, true);
        status[v] = value(x.status, true);
        location[v] = value(x.location, true);
        parent[v] = value(x.parent, false);
        cameo[v] = value(x.cameo, true);
        evidence[v] = py::int_(x.evidenceCount);
    }
    py::dict vattrs;
    vattrs["bilateral_id"] = id;
    vattrs["kind"] = kind;
    vattrs["type"] = type;
    vattrs["label"] = label;
    vattrs["country"] = country;
    vattrs["start"] = start;
    vattrs["end"] = end;
    vattrs["status"] = status;
    vattrs["location"] = location;
    vattrs["parent"] = parent;
    vattrs["cameo"] = cameo;
    vattrs["evidence_count"] = evidence;

    py::list pairs(m), eid(m), ekind(m), etype(m), role(m), elabel(m), estart(m), eend(m),
        eevidence(m);
    std::size_t i = 0;
    for (const auto e : boost::make_iterator_range(boost::edges(g))) {
        const auto& x = g[e];
        pairs[i] = py::make_tuple(boost::source(e, g), boost::target(e, g));
        eid[i] = value(x.id, false);
        ekind[i] = value(graph::toString(x.kind), true);
        etype[i] = value(x.type, true);
        role[i] = x.kind == graph::EdgeKind::Participation ? value(x.type, true) : missing;
        elabel[i] = value(x.type, true);
        estart[i] = value(x.start, true);
        eend[i] = value(x.end, true);
        eevidence[i] = py::int_(x.evidenceCount);
        ++i;
    }
    py::dict eattrs;
    eattrs["bilateral_id"] = eid;
    eattrs["kind"] = ekind;
    eattrs["type"] = etype;
    eattrs["role"] = role;
    eattrs["label"] = elabel;
    eattrs["start"] = estart;
    eattrs["end"] = eend;
    eattrs["evidence_count"] = eevidence;
    return py::make_tuple(graphAttributes(projection), n, pairs, vattrs, eattrs);
}

}  // namespace

void bindGraph(py::class_<PyDatabase>& cls) {
    cls.def("graph_networkx", &graphNetworkx, py::arg("since"), py::arg("until"), py::arg("kinds"),
            py::arg("graphml_ids"))
        .def("graph_columns", &graphColumns, py::arg("since"), py::arg("until"), py::arg("kinds"),
             py::arg("missing"));
}

}  // namespace bilateral::python
