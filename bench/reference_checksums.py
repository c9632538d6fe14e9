#!/usr/bin/env python3
"""Reference checksums of the shared workload (../shared/bench/README.md), computed the plain
way from the data file alone (Python 3, stdlib only): an independent check of what
bilateral-workload answers. Prints `metric=<name> value=<number>` lines, one per checksum.

Usage: reference_checksums.py DATA.tsv QUERIES.tsv
"""
import collections
import sys

MOD = 1_000_000_007
MEETING = {"040", "041", "042", "043", "044", "045", "046"}


def order_hash(ids):
    return sum(i * x for i, x in enumerate(ids, 1)) % MOD


def main(data, queries):
    events = []  # (date, id, source, target, code, source country, target country)
    with open(data, encoding="utf-8", newline="\n") as f:
        header = f.readline().rstrip("\n").split("\t")
        ix = {h: i for i, h in enumerate(header)}
        for line in f:
            r = line.rstrip("\n").split("\t")
            events.append((r[ix["Event Date"]], int(r[ix["Event ID"]]), r[ix["Source Name"]],
                           r[ix["Target Name"]], r[ix["CAMEO Code"]], r[ix["Source Country"]],
                           r[ix["Target Country"]]))
    events.sort(key=lambda e: (e[0], e[1]))
    by_actor = collections.defaultdict(list)
    by_dyad = collections.defaultdict(list)
    adj = collections.defaultdict(set)
    for e in events:
        by_actor[e[2]].append(e)
        by_actor[e[3]].append(e)
        by_dyad[frozenset((e[5], e[6]))].append(e)
        adj[e[2]].add(e[3])
        adj[e[3]].add(e[2])

    def met(actor, lo="", hi="9999"):
        out = set()
        for e in by_actor[actor]:
            if e[4] in MEETING and lo <= e[0] <= hi:
                out.add(e[3] if e[2] == actor else e[2])
        out.discard(actor)
        return len(out)

    def bfs(start, goal=None, depth=None):
        seen = {start: 0}
        frontier = [start]
        d = 0
        while frontier and (depth is None or d < depth):
            d += 1
            nxt = []
            for a in frontier:
                for b in adj[a]:
                    if b not in seen:
                        seen[b] = d
                        if b == goal:
                            return d, seen
                        nxt.append(b)
            frontier = nxt
        return (-1 if goal is not None else None), seen

    chk = collections.Counter()
    with open(queries, encoding="utf-8", newline="\n") as f:
        f.readline()
        for line in f:
            kind, a1, a2, a3 = (line.rstrip("\n").split("\t") + ["", "", ""])[:4]
            if kind == "whomet":
                chk["chk_whomet"] += met(a1)
            elif kind == "whomet_win":
                chk["chk_whomet_win"] += met(a1, a2, a3)
            elif kind == "timeline":
                ids = [e[1] for e in by_actor[a1]]
                chk["chk_timeline_n"] += len(ids)
                chk["chk_timeline"] = (chk["chk_timeline"] + order_hash(ids)) % MOD
            elif kind == "dyad":
                ids = [e[1] for e in by_dyad[frozenset((a1, a2))]] if a1 != a2 else []
                chk["chk_dyad_n"] += len(ids)
                chk["chk_dyad"] = (chk["chk_dyad"] + order_hash(ids)) % MOD
            elif kind == "path":
                d = 0 if a1 == a2 else bfs(a1, goal=a2)[0]
                chk["chk_path"] += d
                chk["chk_path_unreach"] += d == -1
            elif kind == "ego2":
                chk["chk_ego2"] += len(bfs(a1, depth=2)[1]) - 1
    for name in ("chk_whomet", "chk_whomet_win", "chk_timeline_n", "chk_timeline", "chk_dyad_n",
                 "chk_dyad", "chk_path", "chk_path_unreach", "chk_ego2"):
        print(f"metric={name} value={chk[name]}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
