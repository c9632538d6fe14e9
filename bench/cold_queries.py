#!/usr/bin/env python3
"""Cold queries: one fresh process per question, as a researcher runs it, OS cache warm, beside
the `sqlite3` shell answering the equivalent SQL on the same file and, where it answers the same
question, DuckDB (npm @duckdb/node-api, from node) on its own file made from the same TSV.

  bench/cold_queries.py --bilateral build/bilateral --db FILE.db --queries QUERIES.tsv
                        [--data DATA.tsv] [--duckdb FILE.duckdb] [--sets uniform,hubs,trend]
                        [--n 50] [--label 1m] [--verbs who-met,dyad,...]

Several bilateral builds in one run (bench/compare does this for two): repeat --bilateral and
--db (each build on its own file, since schemas may differ) and name them with --name; the
shell then runs on --peer-db (default: the first --db) and every question is asked of every
tool in turn, so that all figures come from the same minutes of the same machine.

Sets (docs/performance.md, "Cold queries"):
  uniform  the shared workload's sampled questions (../shared/bench/make_queries.py), the first N
           of each kind: who-met, timeline, dyad (first 100), holders, path, stats; one run each.
           Posts for holders are the database's (import data/italy-malaysia-2025.json for some).
  hubs     the --hubs busiest actors of --data (by events, found from the file), each asked
           who-met, who-met --limit 20, timeline, timeline --json and timeline --limit 20,
           --hub-runs times; also by DuckDB.
  trend    trend (events, Goldstein sum and mean by month and QuadClass) of the first --n-trend
           dyads of the workload and of their first countries, and the top 20 country pairs
           (and one country's top 20 partners) within the windows of its windowed who-met
           questions; also by DuckDB. A build without the `trend` or `pairs` verb is reported
           as missing it and the peers are still timed.

The row-count run of each question (untimed) warms the OS cache for every tool before any is
timed and checks that the tools' answers have the same number of rows. p50 and p95 are
nearest-rank over all timed runs of a verb; peak RSS is the largest over its questions, from one
more run of each under /usr/bin/time (a child forked from Python would count the parent's pages).

Prints one line per figure: `size=<label> set=<set> verb=<verb> tool=<tool> n=.. p50_ms=..
p95_ms=.. max_rss_mb=.. failures=.. rows=..`, then markdown tables (with two builds, the ratio
of the second to the first), the busiest actors one by one, and the row-count check.
"""
import argparse
import shutil
import sys
import time

from coldbench import measure, proc, questions, report, sqlite_sql, tools

SETS = ("uniform", "hubs", "trend")


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter,
                                 allow_abbrev=False)
    ap.add_argument("--bilateral", action="append", required=True, help="a bilateral command")
    ap.add_argument("--db", action="append", required=True, help="its database file")
    ap.add_argument("--name", action="append", help="its name in the tables (default: "
                    "bilateral; with two builds: base, new)")
    ap.add_argument("--queries", required=True, help="the workload's query file")
    ap.add_argument("--data", help="the data file (for the busiest actors and DuckDB's load)")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--verbs", help="only these verbs (comma-separated, as in the output)")
    ap.add_argument("--n", type=int, default=50, help="questions of each uniform kind")
    ap.add_argument("--runs", type=int, default=1, help="timed rounds of uniform and trend")
    ap.add_argument("--hubs", type=int, default=5, help="how many busiest actors")
    ap.add_argument("--hub-runs", type=int, default=5, help="timed rounds of the busiest")
    ap.add_argument("--n-trend", type=int, default=10, help="questions of each trend kind")
    ap.add_argument("--trend-json", action="store_true", help="bilateral trend/pairs --json")
    ap.add_argument("--n-sqlite3", type=int, help="questions of each --slow-verbs verb the shell "
                    "is asked (default: all)")
    ap.add_argument("--n-duckdb", type=int, help="the same for DuckDB")
    ap.add_argument("--slow-verbs", default="path,stats",
                    help="the verbs --n-sqlite3 and --n-duckdb apply to (default: path,stats)")
    ap.add_argument("--check-rows", action="store_true",
                    help="exit 1 when the tools' answers differ in row count")
    ap.add_argument("--sqlite3", default="sqlite3")
    ap.add_argument("--peer-db", help="the file the shell runs on (default: the first --db)")
    ap.add_argument("--duckdb", help="DuckDB's file (loaded from --data when missing; "
                    "without it DuckDB is not run)")
    ap.add_argument("--node", default="node")
    ap.add_argument("--npm", default="npm")
    ap.add_argument("--label", default="")
    ap.add_argument("--timeout", type=float, default=proc.TIMEOUT_S,
                    help="seconds before a process is killed and counted failed")
    a = ap.parse_args()
    if len(a.db) != len(a.bilateral):
        ap.error("give one --db per --bilateral")
    default = ["bilateral"] if len(a.bilateral) == 1 else ["base", "new"] + [
        f"build{i}" for i in range(3, len(a.bilateral) + 1)]
    a.name = a.name or default[:len(a.bilateral)]
    if len(a.name) != len(a.bilateral) or len(set(a.name)) != len(a.name):
        ap.error("give one distinct --name per --bilateral")
    a.sets = [s for s in a.sets.split(",") if s]
    if set(a.sets) - set(SETS):
        ap.error(f"sets are {', '.join(SETS)}")
    return a


def log(text):
    print(f"# {time.strftime('%H:%M:%S')} {text} (load average "
          f"{' '.join(open('/proc/loadavg').read().split()[:3])})", file=sys.stderr, flush=True)


def main():
    a = parse_args()
    peer_db = a.peer_db or a.db[0]
    rows = questions.read_queries(a.queries)
    tool_list = [tools.Bilateral(n, b, d) for n, b, d in zip(a.name, a.bilateral, a.db)]
    tool_list.append(tools.Sqlite3(a.sqlite3, peer_db))
    if a.duckdb:
        if not shutil.which(a.node):
            sys.exit(f"cold_queries.py: {a.node} not found; DuckDB runs from node")
        for line in tools.ensure_duckdb(a.node, a.npm, a.duckdb, a.data, log):
            print(f"size={a.label} {line}", flush=True)
        tool_list.append(tools.DuckDB(a.node, a.duckdb))
    names = [t.name for t in tool_list]
    cap = {"sqlite3": a.n_sqlite3, "duckdb": a.n_duckdb}
    cap = {t: n for t, n in cap.items() if n}
    slow = set(a.slow_verbs.split(","))

    busiest = []
    by_set = {}
    if "uniform" in a.sets:
        posts = proc_posts(a.sqlite3, peer_db)
        by_set["uniform"] = (questions.uniform(rows, a.n, posts), a.runs)
    if "hubs" in a.sets:
        if not a.data:
            log("hubs: skipped (they are found from --data)")
        else:
            busiest = questions.busiest_actors(a.data, a.hubs)
            log("busiest actors: " + ", ".join(f"{n} ({c})" for n, c in busiest))
            by_set["hubs"] = (questions.hubs(busiest), a.hub_runs)
    if "trend" in a.sets:
        by_set["trend"] = (questions.trend(rows, a.n_trend, a.trend_json), a.runs)

    every, results, missing = [], {}, []
    for s, (qs, runs) in by_set.items():
        if a.verbs:
            qs = [q for q in qs if q.verb in a.verbs.split(",")]
        log(f"set {s}: {len(qs)} questions, {runs} timed round(s)")
        res, miss = measure.measure(qs, tool_list, runs, cap, slow, a.timeout, log)
        every.append((qs, res))
        results.update(res)
        missing += miss
    order = [(q.set, q.verb, t) for qs, _ in every for q in qs for t in names]
    order = list(dict.fromkeys(order))
    print()
    report.figure_lines(a.label, results, order)
    report.tables(a.label, results, order, names, missing)
    report.per_subject(a.label, results, order, names, busiest)
    differ = 0
    for qs, res in every:  # row counts are kept by question index within each set
        differ += len(report.row_check(qs, res, names)[1])
    for s, verb, tool, name in missing:
        print(f"size={a.label} set={s} verb={verb} tool={tool} missing={name}")
    return 1 if a.check_rows and differ else 0


def proc_posts(sqlite3, db):
    import subprocess
    out = subprocess.run([sqlite3, "-readonly", db, sqlite_sql.POSTS], capture_output=True,
                         text=True, check=True)
    return out.stdout.split()


if __name__ == "__main__":
    sys.exit(main())
