"""Runs every question with every tool, interleaved: the row-count run (which also warms the OS
cache for every tool before any is timed), then R timed rounds in which each question is asked
of each tool in turn, then one run per question and tool under /usr/bin/time for peak RSS."""
import collections
import dataclasses

from . import proc


@dataclasses.dataclass
class Result:
    walls: list = dataclasses.field(default_factory=list)   # ms, one per timed run
    cpus: list = dataclasses.field(default_factory=list)    # CPU ms (user + sys), the same runs
    failures: int = 0
    rss: list = dataclasses.field(default_factory=list)     # MB, one per question
    rows: dict = dataclasses.field(default_factory=dict)    # question index -> rows
    by_subject: dict = dataclasses.field(  # subject -> its timed runs (wall ms, CPU ms)
        default_factory=lambda: collections.defaultdict(list))


def plan(questions, tools, peer_cap, slow):
    """(question index, question, tool, command) for every pair that runs: a tool that cannot
    answer a question (no such verb, no equivalent SQL) is left out; peer_cap[tool name] caps the
    questions of each slow verb a tool is asked (the shells' slow verbs)."""
    seen = collections.Counter()
    out, missing = [], set()
    for i, q in enumerate(questions):
        for t in tools:
            cap = peer_cap.get(t.name) if q.verb in slow else None
            if cap is not None and seen[(q.set, q.verb, t.name)] >= cap:
                continue
            cmd = t.command(q)
            if cmd is None:
                if t.kind == "bilateral" and q.bilateral:
                    missing.add((q.set, q.verb, t.name, q.bilateral[0]))
                continue
            seen[(q.set, q.verb, t.name)] += 1
            out.append((i, q, t, cmd))
    return out, sorted(missing)


def measure(questions, tools, runs, peer_cap, slow, timeout, log):
    steps, missing = plan(questions, tools, peer_cap, slow)
    results = collections.defaultdict(Result)
    log(f"{len(steps)} question-tool pairs; counting rows (and warming the cache)")
    for i, q, t, _ in steps:
        cmd, how = t.count_command(q)
        if cmd is not None:
            results[(q.set, q.verb, t.name)].rows[i] = proc.answer_rows(cmd, how, q.limit,
                                                                        timeout)
    for r in range(runs):
        log(f"timed round {r + 1}/{runs}")
        for i, q, t, cmd in steps:
            wall, cpu, status = proc.run(cmd, timeout)
            res = results[(q.set, q.verb, t.name)]
            res.walls.append(wall * 1000.0)
            res.cpus.append(cpu * 1000.0)
            res.failures += status != 0
            res.by_subject[q.subject].append((wall * 1000.0, cpu * 1000.0))
    log("peak RSS")
    for i, q, t, cmd in steps:
        mb = proc.peak_rss_mb(cmd, timeout)
        if mb is not None:
            results[(q.set, q.verb, t.name)].rss.append(mb)
    return results, missing
