"""to_networkx() and to_igraph() build the same graph as reading the command's GraphML export
with networkx.read_graphml / igraph.Graph.Read_GraphML: the same nodes, edges and attributes."""

import collections
import os

import pytest

import bilateral
from conftest import Cli

networkx = pytest.importorskip("networkx")
igraph = pytest.importorskip("igraph")

FILTERS = [
    ({}, []),
    ({"since": "2025-07", "until": "2025-07", "kinds": ["official_visit", "bilateral_meeting",
                                                       "roundtable"]},
     ["--from", "2025-07", "--to", "2025-07", "--kinds",
      "official_visit,bilateral_meeting,roundtable"]),
    ({"since": "2025-06-06"}, ["--from", "2025-06-06"]),
    ({"kinds": "talks"}, ["--kinds", "talks"]),
]


def export(db_path, workdir, name, args):
    out = os.path.join(workdir, name + ".graphml")
    Cli(db_path).run("export", "--format", "graphml", "-o", out, *args)
    return out


def edge_multiset(g, key):
    """Edges as (source key, target key, attributes) with node keys mapped by `key`."""
    return collections.Counter(
        (key(u), key(v), tuple(sorted(d.items()))) for u, v, d in g.edges(data=True))


def check_networkx(db, db_path, workdir, name, kwargs, args):
    mine = db.to_networkx(**kwargs)
    theirs = networkx.read_graphml(export(db_path, workdir, name, args), force_multigraph=True)
    assert isinstance(mine, networkx.MultiDiGraph)
    assert mine.number_of_nodes() == theirs.number_of_nodes() > 0
    assert mine.number_of_edges() == theirs.number_of_edges()
    # GraphML names nodes n0, n1, ...; ours are the data's ids, which GraphML keeps in
    # bilateral_id. Every node's attributes are the same.
    by_id = {d["bilateral_id"]: d for _, d in theirs.nodes(data=True)}
    assert {n: dict(d) for n, d in mine.nodes(data=True)} == by_id
    ids = {n: d["bilateral_id"] for n, d in theirs.nodes(data=True)}
    assert edge_multiset(mine, lambda n: n) == edge_multiset(theirs, ids.get)
    graph_attrs = {k: v for k, v in theirs.graph.items() if k not in ("node_default",
                                                                      "edge_default")}
    assert mine.graph == graph_attrs
    # With GraphML's own node ids the graphs are identical, node for node.
    same = db.to_networkx(node_ids="graphml", **kwargs)
    assert dict(same.nodes(data=True)) == dict(theirs.nodes(data=True))
    assert edge_multiset(same, lambda n: n) == edge_multiset(theirs, lambda n: n)
    return mine


def check_igraph(db, db_path, workdir, name, kwargs, args):
    mine = db.to_igraph(**kwargs)
    theirs = igraph.Graph.Read_GraphML(export(db_path, workdir, name + "-ig", args))
    assert mine.is_directed() and mine.vcount() == theirs.vcount() > 0
    assert mine.ecount() == theirs.ecount()
    assert sorted(mine.vs.attributes()) == sorted(a for a in theirs.vs.attributes() if a != "id")
    assert sorted(mine.es.attributes()) == sorted(a for a in theirs.es.attributes() if a != "id")

    # igraph's GraphML reader gives "" for an absent string and a float for a long.
    def as_read(value):
        if value is None:
            return ""
        return float(value) if isinstance(value, int) else value

    for attr in mine.vs.attributes():
        assert [as_read(x) for x in mine.vs[attr]] == theirs.vs[attr], attr
    for attr in mine.es.attributes():
        assert [as_read(x) for x in mine.es[attr]] == theirs.es[attr], attr
    assert mine.get_edgelist() == theirs.get_edgelist()
    graph_attrs = {a: mine[a] for a in mine.attributes()}
    for attr in ("description", "window_from", "window_to", "event_kinds"):
        assert as_read(graph_attrs.get(attr)) == theirs[attr]
    return mine


def check_whole_networkx(g):
    """The whole bundled graph, as NetworkX holds it: its size and Anwar Ibrahim's node."""
    assert (g.number_of_nodes(), g.number_of_edges()) == (56, 92)
    anwar = g.nodes["person/anwar-ibrahim"]
    assert anwar == {"bilateral_id": "person/anwar-ibrahim", "kind": "actor",
                     "type": "person", "label": "Anwar Ibrahim", "country": "MYS",
                     "evidence_count": anwar["evidence_count"]}
    assert g.has_edge("person/anwar-ibrahim", "event/official-visit-2025-07")


def check_whole_igraph(g):
    """The whole bundled graph, as igraph holds it: its size and Anwar Ibrahim's vertex."""
    assert (g.vcount(), g.ecount()) == (56, 92)
    v = g.vs.find(bilateral_id="person/anwar-ibrahim")
    assert (v["label"], v["country"], v["start"]) == ("Anwar Ibrahim", "MYS", None)


LIBRARIES = {"networkx": (check_networkx, check_whole_networkx),
             "igraph": (check_igraph, check_whole_igraph)}


@pytest.mark.parametrize("library", sorted(LIBRARIES))
@pytest.mark.parametrize("i", range(len(FILTERS)))
def test_graph_equals_the_graphml_export(db, bundled_db, workdir, library, i):
    check, check_whole = LIBRARIES[library]
    kwargs, args = FILTERS[i]
    g = check(db, bundled_db, workdir, "bundled-%d" % i, kwargs, args)
    if i == 0:
        check_whole(g)


def test_graphs_of_an_icews_file_equal_the_export(idb, icews_db, workdir):
    g = check_networkx(idb, icews_db, workdir, "icews", {}, [])
    assert g.number_of_nodes() == 55 + 600 and g.number_of_edges() == 1200 + 47
    event = next(d for _, d in g.nodes(data=True) if d["kind"] == "event")
    assert event["cameo"] and event["start"] and event["status"] == "occurred"
    check_igraph(idb, icews_db, workdir, "icews", {}, [])
    check_networkx(idb, icews_db, workdir, "icews-2024", {"since": "2024", "until": "2024"},
                   ["--from", "2024", "--to", "2024"])


def test_graph_filters_keep_what_they_say(db):
    g = db.to_networkx(kinds=["talks"])
    events = [d for _, d in g.nodes(data=True) if d["kind"] == "event"]
    assert [e["type"] for e in events] == ["talks"]
    assert g.graph["event_kinds"] == "talks"
    assert db.to_networkx(since="2030").number_of_nodes() == 0


def test_networkx_node_ids_argument_is_checked(db):
    with pytest.raises(bilateral.InvalidArgumentError):
        db.to_networkx(node_ids="names")


def graph_state(g):
    return (list(g.nodes(data=True)), list(g.edges(keys=True, data=True)),
            list(g.in_edges(keys=True, data=True)), dict(g.graph))


def test_networkx_graph_built_through_the_public_api_is_the_same(db, monkeypatch):
    # to_networkx fills a MultiDiGraph's own dicts when NetworkX lays them out as expected and
    # falls back on add_nodes_from / add_edges_from otherwise: both give the same graph.
    fast = db.to_networkx()
    monkeypatch.setattr(bilateral, "_networkx_internals", lambda g: False)
    slow = db.to_networkx()
    assert sorted(map(repr, graph_state(fast)[0])) == sorted(map(repr, graph_state(slow)[0]))
    for a, b in zip(graph_state(fast)[1:3], graph_state(slow)[1:3]):
        assert sorted(map(repr, a)) == sorted(map(repr, b))
    assert fast.graph == slow.graph


def test_networkx_graph_behaves_as_one_built_edge_by_edge(db):
    g = db.to_networkx()
    ref = networkx.MultiDiGraph(**g.graph)
    ref.add_nodes_from(g.nodes(data=True))
    ref.add_edges_from(g.edges(keys=True, data=True))
    assert networkx.utils.graphs_equal(g, ref)
    # (In-edges come in the order the edges were added: here export order, there succ order.)
    assert g.pred == ref.pred
    assert sorted(g.in_edges(keys=True)) == sorted(ref.in_edges(keys=True))
    # Two participations of one actor in one event are parallel edges with keys 0 and 1.
    assert g.number_of_edges("group/meeting-defence-and-foreign-ministers",
                             "event/meeting-anwar-meloni-2025-07") >= 1
    u, v = "person/anwar-ibrahim", "event/official-visit-2025-07"
    before = g.number_of_edges(u, v)
    assert g.add_edge(u, v, role="extra") == before == ref.add_edge(u, v, role="extra")
    assert g.in_degree(v) == ref.in_degree(v) and g.out_degree(u) == ref.out_degree(u)
    g.remove_node(u)
    ref.remove_node(u)
    assert networkx.utils.graphs_equal(g, ref) and g.pred == ref.pred
