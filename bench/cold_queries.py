#!/usr/bin/env python3
"""Cold queries: one fresh `bilateral` process per question, as a researcher runs it, beside the
`sqlite3` shell answering the equivalent SQL on the same file.

Usage: bench/cold_queries.py --bilateral build/bilateral --db FILE.db --queries QUERIES.tsv
                             [--n 50] [--sqlite3 sqlite3] [--label 1m]

The queries file is the shared workload's (../shared/bench/make_queries.py); the first N rows
of each kind are used. Actors are given by name, as a user types them. Posts for `holders` are
the posts of the database (import data/italy-malaysia-2025.json into it for some). The OS cache
is warmed by one untimed run of each command first. For every verb and tool: p50 and p95 wall
time (ms) and the peak RSS (MB) of the process, from wait4(), over the N runs (wall time from this process, peak RSS from a second run of each command under
/usr/bin/time).

Prints one line per figure: `size=<label> verb=<verb> tool=<bilateral|sqlite3> p50_ms=.. p95_ms=..
max_rss_mb=.. failures=..`, then a markdown table.
"""
import argparse
import math
import os
import subprocess
import sys
import tempfile
import time

MEETING_KINDS = ("official_visit", "state_visit", "bilateral_meeting", "talks", "roundtable",
                 "summit", "negotiation", "phone_call")


def q(s):
    return "'" + s.replace("'", "''") + "'"


def kinds_sql():
    return "(" + ",".join(q(k) for k in MEETING_KINDS) + ")"


def sql_who_met(name):
    # The command's default rule (docs/queries.md, "Sides"): counterparts on another side than the
    # actor's, or on none (a side is the participation's stated one, else the actor's country);
    # the rows of one meeting (event.meeting_id) count once. Event files have no delegations.
    # The actor is found first, as one would write it (a join on the name lets SQLite's planner
    # start from the 20M participations once the side condition is there).
    return (
        "SELECT o.key, o.name, count(DISTINCT coalesce(e.meeting_id, e.id)), min(e.day_lo), "
        "max(e.day_lo) FROM participation p JOIN actor a ON a.id = p.actor_id "
        "JOIN event e ON e.id = p.event_id JOIN participation x ON x.event_id = p.event_id "
        "AND x.actor_id <> p.actor_id JOIN actor o ON o.id = x.actor_id "
        f"WHERE p.actor_id = (SELECT id FROM actor WHERE name = {q(name)}) "
        f"AND e.status = 'occurred' AND e.kind IN {kinds_sql()} "
        "AND (coalesce(x.side, o.country) IS NULL OR coalesce(p.side, a.country) IS NULL "
        "OR coalesce(x.side, o.country) <> coalesce(p.side, a.country)) "
        "GROUP BY o.id ORDER BY 3 DESC, 2;")


def sql_timeline(name):
    return (
        "SELECT DISTINCT e.key, e.kind, e.status, e.start_lo, e.title FROM actor a "
        "JOIN participation p ON p.actor_id = a.id JOIN event e ON e.id = p.event_id "
        f"WHERE a.name = {q(name)} ORDER BY e.day_lo, e.day_hi, e.key;")


def sql_dyad(a, b):
    x, y = sorted((a, b))
    return (
        "SELECT e.key, e.kind, e.status, e.start_lo, s.rule, e.title FROM event_scope s "
        f"JOIN event e ON e.id = s.event_id WHERE s.a = {q(x)} AND s.b = {q(y)} "
        "ORDER BY s.lo, s.hi, e.key LIMIT 100;")


def sql_path(a, b):
    # Breadth-first over the persisted adjacency, in SQL: levels up to 4 hops.
    return (
        "WITH RECURSIVE r(x, d) AS (SELECT id, 0 FROM actor "
        f"WHERE name = {q(a)} UNION SELECT l.other_id, r.d + 1 FROM r "
        "JOIN actor_link l ON l.actor_id = r.x WHERE r.d < 4) "
        f"SELECT min(d) FROM r WHERE x = (SELECT id FROM actor WHERE name = {q(b)});")


def sql_holders(post_key):
    return (
        "SELECT h.key, h.name, r.valid_from_lo, r.valid_to_lo FROM actor p "
        "JOIN relation r ON r.to_id = p.id AND r.kind = 'holds_post' JOIN actor h ON h.id = r.from_id "
        f"WHERE p.key = {q(post_key)} ORDER BY r.valid_from_lo;")


SQL_STATS = ("SELECT 'actor', kind, count(*) FROM actor GROUP BY kind; "
             "SELECT 'event', kind, count(*) FROM event GROUP BY kind; "
             "SELECT 'relation', kind, count(*) FROM relation GROUP BY kind; "
             "SELECT count(*) FROM participation; SELECT count(*) FROM evidence; "
             "SELECT count(*) FROM source;")


TIMEOUT_S = 60.0


def run(cmd):
    """Wall seconds, peak RSS (MB) and exit status of one process; a process still running
    after TIMEOUT_S is killed and counts as failed, with TIMEOUT_S as its time."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > TIMEOUT_S:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            return TIMEOUT_S, usage.ru_maxrss / 1024.0, -9
        time.sleep(0.0002)
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def peak_rss_mb(cmd):
    """Peak RSS of one run, through /usr/bin/time: a child forked from this Python process would
    count the parent's pages it held before exec."""
    with tempfile.NamedTemporaryFile("r") as f:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", f.name] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       stdin=subprocess.DEVNULL, timeout=TIMEOUT_S)
        return int(f.read().strip().splitlines()[-1]) / 1024.0


def nearest_rank(values, p):
    v = sorted(values)
    return v[max(0, math.ceil(p / 100.0 * len(v)) - 1)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--bilateral", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--queries", required=True)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--n-sqlite3", type=int, default=None,
                    help="runs of the sqlite3 shell per verb (default: --n); fewer for slow ones")
    ap.add_argument("--sqlite3", default="sqlite3")
    ap.add_argument("--label", default="")
    ap.add_argument("--verbs", default="who-met,timeline,dyad,holders,path,stats")
    a = ap.parse_args()

    rows = {}
    with open(a.queries, encoding="utf-8") as f:
        next(f)
        for line in f:
            kind, *args = line.rstrip("\n").split("\t")
            rows.setdefault(kind, []).append(args)

    b = [a.bilateral, "--db", a.db]
    s = [a.sqlite3, "-readonly", a.db]
    posts = subprocess.run(s + ["SELECT key FROM actor WHERE kind = 'post' ORDER BY key;"],
                           capture_output=True, text=True, check=True).stdout.split()
    cases = {
        "who-met": [(b + ["who-met", r[0], "--phone-calls"], s + [sql_who_met(r[0])])
                    for r in rows["whomet"][:a.n]],
        "timeline": [(b + ["timeline", r[0]], s + [sql_timeline(r[0])])
                     for r in rows["timeline"][:a.n]],
        "dyad": [(b + ["timeline", "--dyad", ":".join(country_codes(a, r[0], r[1])), "--limit",
                       "100"], s + [sql_dyad(*country_codes(a, r[0], r[1]))])
                 for r in rows["dyad"][:a.n]],
        "holders": [(b + ["holders", posts[i % len(posts)]], s + [sql_holders(posts[i % len(posts)])])
                    for i in range(a.n)] if posts else [],
        "path": [(b + ["path", r[0], r[1], "--through", "events"], s + [sql_path(r[0], r[1])])
                 for r in rows["path"][:a.n]],
        "stats": [(b + ["stats"], s + [SQL_STATS]) for _ in range(a.n)],
    }
    table = []
    for verb in a.verbs.split(","):
        runs = cases.get(verb, [])
        if not runs:
            continue
        count = {0: len(runs), 1: a.n_sqlite3 or len(runs)}
        # Warm the OS cache for every question, with both tools, before either is timed: the
        # tool timed first must not pay for reading the file from disk for the other.
        for pick in (0, 1):
            for case in runs[:count[pick]]:
                run(case[pick])
        for tool, pick in (("bilateral", 0), ("sqlite3", 1)):
            walls, rss, fails = [], [], 0
            n = count[pick]
            for case in runs[:n]:
                wall, _, status = run(case[pick])
                walls.append(wall * 1000.0)
                fails += status != 0
                if status == 0:
                    rss.append(peak_rss_mb(case[pick]))
            p50, p95 = nearest_rank(walls, 50), nearest_rank(walls, 95)
            rss = rss or [0.0]
            print(f"size={a.label} verb={verb} tool={tool} n={len(walls)} p50_ms={p50:.1f} "
                  f"p95_ms={p95:.1f} max_rss_mb={max(rss):.1f} failures={fails}", flush=True)
            table.append((verb, tool, len(walls), p50, p95, max(rss), fails))
    print()
    print(f"| verb ({a.label}) | tool | runs | p50 ms | p95 ms | peak RSS MB | failed |")
    print("|---|---|---|---|---|---|---|")
    for verb, tool, n, p50, p95, mb, fails in table:
        print(f"| {verb} | {tool} | {n} | {p50:.1f} | {p95:.1f} | {mb:.1f} | {fails} |")
    return 0


_codes = {}


def country_codes(a, x, y):
    """ISO codes of two ICEWS country names, from the project's country table."""
    if not _codes:
        table = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data",
                             "countries.tsv")
        with open(table, encoding="utf-8") as f:
            next(f)
            for line in f:
                iso3, name, icews = line.rstrip("\n").split("\t")[:3]
                _codes[name] = iso3
                for n in icews.split("|"):
                    if n:
                        _codes[n] = iso3
    return _codes.get(x, x), _codes.get(y, y)


if __name__ == "__main__":
    sys.exit(main())
