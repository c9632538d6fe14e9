"""The questions of the cold benchmark, each with what every tool runs for it:
- uniform: the shared workload's sampled questions (../shared/bench/make_queries.py), the first N
  of each kind: who-met, timeline, dyad (first 100), holders, path, stats;
- hubs: the busiest actors of the data file (by events, either side), each asked who-met,
  who-met --limit 20, timeline, timeline --json and timeline --limit 20;
- trend: event counts and Goldstein sum and mean by month and QuadClass for a dyad (undirected)
  and for a country with all partners; the top 20 country pairs, and one country's top 20
  partners, by events within a window (issue 18's `trend` and `pairs` verbs).
"""
import collections
import dataclasses
import datetime
import os

from . import duck_sql, sqlite_sql

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@dataclasses.dataclass
class Question:
    set: str
    verb: str
    subject: str
    bilateral: list = None      # the verb and its arguments, after `bilateral --db FILE`
    sqlite: tuple = None        # (SQL, json output?) for the sqlite3 shell
    duck: tuple = None          # (SQL, json output?) for DuckDB
    count: bool = True          # compare the answers' row counts
    limit: int = None
    bilateral_rows: bool = True  # bilateral's rows comparable with the peers' (not: zero-filled)


def read_queries(path):
    rows = collections.OrderedDict()
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            kind, *args = line.rstrip("\n").split("\t")
            rows.setdefault(kind, []).append(args)
    return rows


_codes = {}


def country_code(name):
    """The ISO code of an ICEWS country name, from the project's country table."""
    if not _codes:
        with open(os.path.join(REPO, "data", "countries.tsv"), encoding="utf-8") as f:
            next(f)
            for line in f:
                iso3, cname, icews = line.rstrip("\n").split("\t")[:3]
                _codes[cname] = iso3
                for n in icews.split("|"):
                    if n:
                        _codes[n] = iso3
    return _codes.get(name, name)


def uniform(rows, n, posts):
    s = sqlite_sql
    out = []
    for r in rows.get("whomet", [])[:n]:
        out.append(Question("uniform", "who-met", r[0], ["who-met", r[0], "--phone-calls"],
                            (s.who_met(r[0]), False)))
    for r in rows.get("timeline", [])[:n]:
        out.append(Question("uniform", "timeline", r[0], ["timeline", r[0]],
                            (s.timeline(r[0]), False)))
    for r in rows.get("dyad", [])[:n]:
        a, b = country_code(r[0]), country_code(r[1])
        out.append(Question("uniform", "dyad", f"{a}:{b}",
                            ["timeline", "--dyad", f"{a}:{b}", "--limit", "100"],
                            (s.dyad(a, b), False), limit=100))
    for i in range(n if posts else 0):
        p = posts[i % len(posts)]
        out.append(Question("uniform", "holders", p, ["holders", p], (s.holders(p), False),
                            count=False))
    for r in rows.get("path", [])[:n]:
        out.append(Question("uniform", "path", f"{r[0]} - {r[1]}",
                            ["path", r[0], r[1], "--through", "events"],
                            (s.path(r[0], r[1]), False), count=False))
    for _ in range(n):
        out.append(Question("uniform", "stats", "", ["stats"], (s.STATS, False), count=False))
    return out


def busiest_actors(data, k):
    """The k actors with most events in the data file (as source or target; ties by name), and
    their event counts. Counted once and kept beside the file (DATA.busiest.tsv) when writable."""
    cache = data + ".busiest.tsv"
    if os.path.exists(cache) and os.path.getmtime(cache) >= os.path.getmtime(data):
        with open(cache, encoding="utf-8") as f:
            top = [(n, int(c)) for n, c in (line.rstrip("\n").split("\t") for line in f)]
        if len(top) >= k:
            return top[:k]
    counts = collections.Counter()
    with open(data, encoding="utf-8") as f:
        header = next(f).rstrip("\n").split("\t")
        si, ti = header.index("Source Name"), header.index("Target Name")
        for line in f:
            fields = line.split("\t", ti + 1)
            counts[fields[si]] += 1
            counts[fields[ti]] += 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:max(k, 20)]
    try:
        with open(cache + ".part", "w", encoding="utf-8") as f:
            f.writelines(f"{n}\t{c}\n" for n, c in top)
        os.replace(cache + ".part", cache)
    except OSError:
        pass
    return top[:k]


def hubs(actors):
    s, d = sqlite_sql, duck_sql
    out = []
    for name, _ in actors:
        out += [
            Question("hubs", "who-met", name, ["who-met", name, "--phone-calls"],
                     (s.who_met(name), False), (d.who_met(name), False)),
            Question("hubs", "who-met/limit20", name,
                     ["who-met", name, "--phone-calls", "--limit", "20"],
                     (s.who_met(name, 20), False), (d.who_met(name, 20), False), limit=20),
            Question("hubs", "timeline", name, ["timeline", name], (s.timeline(name), False),
                     (d.timeline(name), False)),
            Question("hubs", "timeline/json", name, ["timeline", name, "--json"],
                     (s.timeline(name), True), (d.timeline(name), True)),
            Question("hubs", "timeline/limit20", name, ["timeline", name, "--limit", "20"],
                     (s.timeline(name, 20), False), (d.timeline(name, 20), False), limit=20),
        ]
    return out


def day_number(iso):
    return (datetime.date.fromisoformat(iso) - datetime.date(1970, 1, 1)).days


def trend(rows, n, json=False):
    """Dyads and countries from the workload's dyad questions (the first country of each),
    windows from its windowed who-met questions."""
    s, d = sqlite_sql, duck_sql
    extra = ["--json"] if json else []
    out = []
    dyads = [(r[0], r[1]) for r in rows.get("dyad", [])[:n]]
    for x, y in dyads:
        a, b = country_code(x), country_code(y)
        out.append(Question("trend", "trend/dyad", f"{a}:{b}",
                            ["trend", "--dyad", f"{a}:{b}", "--by", "month", "--split",
                             "quad_class"] + extra, (s.trend_dyad(a, b), False), (d.trend_dyad(x, y), False),
                            bilateral_rows=False))
    for x, _ in dyads:
        c = country_code(x)
        out.append(Question("trend", "trend/country", c,
                            ["trend", "--country", c, "--by", "month", "--split", "quad_class"]
                            + extra, (s.trend_country(c), False), (d.trend_country(x), False),
                            bilateral_rows=False))
    windows = [(r[1], r[2]) for r in rows.get("whomet_win", [])[:n]]
    for lo, hi in windows:
        out.append(Question("trend", "pairs", f"{lo}..{hi}",
                            ["pairs", "--from", lo, "--to", hi, "--limit", "20"] + extra,
                            (s.pairs(day_number(lo), day_number(hi)), False),
                            (d.pairs(lo, hi), False), limit=20))
    for (x, _), (lo, hi) in zip(dyads, windows):
        c = country_code(x)
        out.append(Question("trend", "pairs/country", f"{c} {lo}..{hi}",
                            ["pairs", "--country", c, "--from", lo, "--to", hi, "--limit", "20"]
                            + extra, (s.pairs(day_number(lo), day_number(hi), c), False),
                            (d.pairs(lo, hi, x), False), limit=20))
    return out
