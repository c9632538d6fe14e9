#!/usr/bin/python3
"""The Python module against C++ and against GraphML (docs/performance.md, "Python").

    PYTHONPATH=build/python /usr/bin/python3 bench/python_bench.py DB QUERIES \\
        [--build build] [--repeat 3] [--workdir /tmp/py-bench] [--skip-who-met] [--skip-graph]

1. who-met: the `whomet` actors of the shared query file (../shared/bench/README.md) are
   resolved to ids once (untimed; an accent-folded name two actors share is taken as the one
   spelled exactly so), then `db.who_met(id)` is timed call by call from Python and
   `Database::whoMet(id)` from C++ (build/bench/bilateral-who-met-calls), each for a warm-up round
   and `--repeat` timed rounds over the same ids. Prints p50 and mean per call and the ratios.
2. graphs: `db.to_networkx()` against `networkx.read_graphml()` of the file `bilateral export
   --format graphml` writes (the export itself is timed too, but not part of the comparison),
   and `db.to_igraph()` against `igraph.Graph.Read_GraphML()`; each once, in a fresh process so
   that one's memory does not slow the other. Checks that the graphs have the same size.

Not a test: figures depend on the machine. Nothing is written but WORKDIR/ids.txt and
WORKDIR/graph.graphml.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def resolve_ids(db, queries):
    import bilateral
    names = []
    with open(queries, encoding="utf-8") as f:
        next(f)
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "whomet":
                names.append(fields[1])
    ids = []
    for name in names:
        try:
            ids.append(db.resolve(name))
        except bilateral.AmbiguousError as e:
            exact = [c for c in e.candidates if c.endswith("/" + name)]
            if len(exact) != 1:
                raise
            ids.append(exact[0])
    return ids


def time_python(db, ids, repeat):
    times = []
    counterparts = 0
    for round_ in range(repeat + 1):
        n = 0
        for i in ids:
            s = time.perf_counter()
            met = db.who_met(i)
            e = time.perf_counter()
            n += len(met)
            if round_ > 0:
                times.append((e - s) * 1e6)
        counterparts = n
    return {"calls": len(times), "counterparts": counterparts,
            "p50_us": sorted(times)[(len(times) - 1) // 2],
            "mean_us": statistics.fmean(times), "total_s": sum(times) / 1e6}


def time_cpp(exe, db_path, ids_path, repeat):
    out = subprocess.run([exe, db_path, ids_path, "--repeat", str(repeat)], check=True,
                         capture_output=True, text=True).stdout
    figures = {}
    for line in out.splitlines():
        parts = dict(p.split("=", 1) for p in line.split())
        figures[parts["metric"]] = float(parts["value"])
    return figures


def who_met(args):
    import bilateral
    with bilateral.open(args.db) as db:
        ids = resolve_ids(db, args.queries)
        ids_path = os.path.join(args.workdir, "ids.txt")
        with open(ids_path, "w", encoding="utf-8") as f:
            f.write("\n".join(ids) + "\n")
        exe = os.path.join(args.build, "bench", "bilateral-who-met-calls")
        # Alternate C++ and Python runs so that a change in the machine's load hits both.
        runs = {"cpp": [], "python": []}
        for _ in range(args.rounds):
            runs["cpp"].append(time_cpp(exe, args.db, ids_path, args.repeat))
            runs["python"].append(time_python(db, ids, args.repeat))
    for lang in ("cpp", "python"):
        for r in runs[lang]:
            print("who_met lang=%s calls=%d counterparts=%d p50_us=%.1f mean_us=%.1f total_s=%.3f"
                  % (lang, r["calls"], r["counterparts"], r["p50_us"], r["mean_us"], r["total_s"]))
    if runs["cpp"][0]["counterparts"] != runs["python"][0]["counterparts"]:
        sys.exit("the C++ and Python answers differ in size")
    med = {lang: {k: statistics.median(r[k] for r in runs[lang]) for k in ("p50_us", "mean_us")}
           for lang in runs}
    print("who_met median of %d runs: cpp p50 %.1f us mean %.1f us; python p50 %.1f us mean "
          "%.1f us; ratio python/cpp p50 %.2f, mean %.2f"
          % (args.rounds, med["cpp"]["p50_us"], med["cpp"]["mean_us"], med["python"]["p50_us"],
             med["python"]["mean_us"], med["python"]["p50_us"] / med["cpp"]["p50_us"],
             med["python"]["mean_us"] / med["cpp"]["mean_us"]))


GRAPH_CHILD = r"""
import json, resource, sys, time
how, db_path, graphml = sys.argv[1:4]
s = time.perf_counter()
if how == "to_networkx":
    import bilateral
    with bilateral.open(db_path) as db:
        g = db.to_networkx()
    n, m = g.number_of_nodes(), g.number_of_edges()
elif how == "read_graphml":
    import networkx
    g = networkx.read_graphml(graphml)
    n, m = g.number_of_nodes(), g.number_of_edges()
elif how == "to_igraph":
    import bilateral
    with bilateral.open(db_path) as db:
        g = db.to_igraph()
    n, m = g.vcount(), g.ecount()
elif how == "Read_GraphML":
    import igraph
    g = igraph.Graph.Read_GraphML(graphml)
    n, m = g.vcount(), g.ecount()
e = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"how": how, "seconds": e - s, "nodes": n, "edges": m, "rss_mb": rss}))
"""


def graphs(args):
    graphml = os.path.join(args.workdir, "graph.graphml")
    cli = os.path.join(args.build, "bilateral")
    s = time.perf_counter()
    subprocess.run([cli, "--db", args.db, "export", "--format", "graphml", "-o", graphml],
                   check=True, capture_output=True)
    print("graph export: %.1f s, %.0f MB" % (time.perf_counter() - s,
                                              os.path.getsize(graphml) / 1e6))
    results = {}
    for how in args.graph_runs.split(","):
        out = subprocess.run([sys.executable, "-c", GRAPH_CHILD, how, args.db, graphml],
                             check=True, capture_output=True, text=True, env=os.environ).stdout
        r = json.loads(out.strip().splitlines()[-1])
        results[how] = r
        print("graph %(how)s: %(seconds).1f s, %(nodes)d nodes, %(edges)d edges, peak RSS "
              "%(rss_mb).0f MB" % r)
    for mine, theirs in (("to_networkx", "read_graphml"), ("to_igraph", "Read_GraphML")):
        if mine in results and theirs in results:
            a, b = results[mine], results[theirs]
            if (a["nodes"], a["edges"]) != (b["nodes"], b["edges"]):
                sys.exit("%s and %s built graphs of different sizes" % (mine, theirs))
            print("graph %s is %.1fx faster than %s" % (mine, b["seconds"] / a["seconds"], theirs))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db")
    ap.add_argument("queries")
    ap.add_argument("--build", default="build")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=3, help="alternating C++/Python runs")
    ap.add_argument("--workdir", default="/tmp/py-bench")
    ap.add_argument("--graph-runs", default="to_networkx,read_graphml,to_igraph,Read_GraphML")
    ap.add_argument("--skip-who-met", action="store_true")
    ap.add_argument("--skip-graph", action="store_true")
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    print("load average: %s" % " ".join(open("/proc/loadavg").read().split()[:3]))
    if not args.skip_who_met:
        who_met(args)
    if not args.skip_graph:
        graphs(args)


if __name__ == "__main__":
    main()
