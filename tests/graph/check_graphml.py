#!/usr/bin/python3
"""Export a dataset's graph as GraphML with the `bilateral` command and read it with NetworkX or
igraph; the node and edge counts must equal what `bilateral stats --json` reports (actors +
events nodes, participations + relations + event links edges), or, for a filtered export, what the Cytoscape
export of the same filter holds.

With --check-values the ids, names and titles read back must equal the dataset's, byte for byte,
except characters XML 1.0 cannot carry, which the writer replaces with U+FFFD (docs/graph.md).

Run with Debian's /usr/bin/python3 (python3-networkx, python3-igraph). Standard library otherwise.

    check_graphml.py --reader networkx|igraph --bilateral BIN --dataset FILE --workdir DIR
                     [--export-args "--from 2025-07 --kinds talks"] [--check-values]
"""

import argparse
import collections
import json
import os
import re
import shlex
import subprocess
import sys
import warnings


def run(cmd):
    proc = subprocess.run(cmd, capture_output=True)
    if proc.returncode != 0:
        sys.exit("FAIL: %s exited %d\n%s%s" % (" ".join(map(shlex.quote, cmd)), proc.returncode,
                                                proc.stdout.decode(errors="replace"),
                                                proc.stderr.decode(errors="replace")))
    return proc.stdout


# Characters XML 1.0 cannot carry at all; the writers put U+FFFD in their place.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def as_xml_gives_back(text):
    return NOT_XML.sub("\ufffd", text)


def read_networkx(path):
    import networkx
    g = networkx.read_graphml(path)
    if not g.is_directed():
        sys.exit("FAIL: networkx read an undirected graph")
    nodes = [dict(data) for _, data in g.nodes(data=True)]
    edges = [dict(data) for _, _, data in g.edges(data=True)]
    return g.number_of_nodes(), g.number_of_edges(), nodes, edges


def read_igraph(path):
    import igraph
    with warnings.catch_warnings():
        # igraph reports problems (a reserved `id` key, an undeclared key) as warnings.
        warnings.simplefilter("error")
        g = igraph.Graph.Read_GraphML(path)
    if not g.is_directed():
        sys.exit("FAIL: igraph read an undirected graph")
    nodes = [v.attributes() for v in g.vs]
    edges = [e.attributes() for e in g.es]
    return g.vcount(), g.ecount(), nodes, edges


def check_values(dataset_path, nodes, edges):
    with open(dataset_path, encoding="utf-8") as f:
        dataset = json.load(f)
    want_nodes = collections.Counter()
    for a in dataset.get("actors", []):
        want_nodes[("actor", as_xml_gives_back(a["id"]), as_xml_gives_back(a["name"]), a["kind"])] += 1
    for e in dataset.get("events", []):
        want_nodes[("event", as_xml_gives_back(e["id"]), as_xml_gives_back(e["title"]), e["kind"])] += 1
    got_nodes = collections.Counter(
        (n.get("kind"), n.get("bilateral_id"), n.get("label"), n.get("type")) for n in nodes)
    if got_nodes != want_nodes:
        sys.exit("FAIL: node values differ\n  missing: %r\n  unexpected: %r"
                 % (list((want_nodes - got_nodes).elements()), list((got_nodes - want_nodes).elements())))
    want_rel = collections.Counter((as_xml_gives_back(r["id"]), r["kind"]) for r in dataset.get("relations", []))
    got_rel = collections.Counter((e.get("bilateral_id"), e.get("type")) for e in edges if e.get("kind") == "relation")
    if got_rel != want_rel:
        sys.exit("FAIL: relation values differ\n  want %r\n  got %r" % (want_rel, got_rel))
    want_links = collections.Counter((as_xml_gives_back(l["id"]), l["kind"]) for l in dataset.get("links", []))
    got_links = collections.Counter((e.get("bilateral_id"), e.get("type")) for e in edges if e.get("kind") == "event_link")
    if got_links != want_links:
        sys.exit("FAIL: event link values differ\n  want %r\n  got %r" % (want_links, got_links))
    want_roles = collections.Counter(p["role"] for e in dataset.get("events", []) for p in e.get("participants", []))
    got_roles = collections.Counter(e.get("role") for e in edges if e.get("kind") == "participation")
    if got_roles != want_roles:
        sys.exit("FAIL: participation roles differ: want %r, got %r" % (want_roles, got_roles))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reader", choices=["networkx", "igraph"], required=True)
    ap.add_argument("--bilateral", required=True)
    ap.add_argument("--dataset", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--export-args", default="")
    ap.add_argument("--check-values", action="store_true")
    args = ap.parse_args()

    os.makedirs(args.workdir, exist_ok=True)
    db = os.path.join(args.workdir, "graph.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    out = os.path.join(args.workdir, "graph.graphml")
    bl = [args.bilateral, "--db", db]
    run(bl + ["import", args.dataset])
    stats = json.loads(run(bl + ["stats", "--json"]))
    extra = shlex.split(args.export_args)
    run(bl + ["export", "--format", "graphml", "-o", out] + extra)

    if extra:
        cy = json.loads(run(bl + ["export", "--format", "cytoscape"] + extra))
        want_nodes = len(cy["elements"]["nodes"])
        want_edges = len(cy["elements"]["edges"])
        if want_nodes >= stats["actors"] + stats["events"]:
            sys.exit("FAIL: the filter %r kept every node (%d)" % (args.export_args, want_nodes))
        if want_nodes == 0:
            sys.exit("FAIL: the filter %r kept nothing" % args.export_args)
    else:
        want_nodes = stats["actors"] + stats["events"]
        want_edges = stats["participations"] + stats["relations"] + stats["event_links"]

    reader = read_networkx if args.reader == "networkx" else read_igraph
    n_nodes, n_edges, nodes, edges = reader(out)
    if (n_nodes, n_edges) != (want_nodes, want_edges):
        sys.exit("FAIL: %s read %d nodes and %d edges, expected %d and %d"
                 % (args.reader, n_nodes, n_edges, want_nodes, want_edges))
    if any("bilateral_id" not in n or not n["bilateral_id"] for n in nodes):
        sys.exit("FAIL: a node without bilateral_id")
    if args.check_values:
        check_values(args.dataset, nodes, edges)
    print("OK: %s read %d nodes and %d edges from %s" % (args.reader, n_nodes, n_edges, out))


if __name__ == "__main__":
    main()
