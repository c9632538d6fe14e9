"""The benchmark's output: one line per figure (for scripts), then markdown tables."""
import statistics

from .proc import nearest_rank


def figure_lines(label, results, order):
    for key in order:
        if key not in results:
            continue
        s, verb, tool = key
        r = results[key]
        if not r.walls:
            continue
        rows = sorted({v for v in r.rows.values() if v is not None})
        rows_text = ",".join(map(str, rows[:3])) + ("..." if len(rows) > 3 else "")
        print(f"size={label} set={s} verb={verb} tool={tool} n={len(r.walls)} "
              f"p50_ms={nearest_rank(r.walls, 50):.1f} p95_ms={nearest_rank(r.walls, 95):.1f} "
              f"cpu_p50_ms={nearest_rank(r.cpus, 50):.1f} "
              f"cpu_p95_ms={nearest_rank(r.cpus, 95):.1f} "
              f"max_rss_mb={max(r.rss or [0.0]):.1f} failures={r.failures} rows={rows_text or '-'}",
              flush=True)


def tables(label, results, order, tool_names, missing):
    for s in dict.fromkeys(k[0] for k in order):
        print()
        print(f"| {s} ({label}) | tool | runs | p50 ms | p95 ms | CPU p50 / p95 ms | peak RSS MB "
              "| failed |")
        print("|---|---|---|---|---|---|---|---|")
        for key in order:
            r = results.get(key)
            if key[0] != s or r is None or not r.walls:
                continue
            print(f"| {key[1]} | {key[2]} | {len(r.walls)} | {nearest_rank(r.walls, 50):.1f} | "
                  f"{nearest_rank(r.walls, 95):.1f} | {nearest_rank(r.cpus, 50):.1f} / "
                  f"{nearest_rank(r.cpus, 95):.1f} | {max(r.rss or [0.0]):.1f} | {r.failures} |")
        for ms, verb, tool, name in missing:
            if ms == s:
                print(f"| {verb} | {tool} | - | verb `{name}` missing | | | | |")
    bilaterals = [t for t in tool_names if t not in ("sqlite3", "duckdb")]
    if len(bilaterals) == 2:
        ratios(label, results, order, *bilaterals)


def ratios(label, results, order, base, new):
    print()
    print(f"| ({label}) set | verb | {base} p50 / p95 ms | {new} p50 / p95 ms | "
          f"{new}/{base} p50 | p95 | CPU p50 | RSS {base} / {new} MB |")
    print("|---|---|---|---|---|---|---|---|")
    for s, verb in dict.fromkeys((k[0], k[1]) for k in order):
        a, b = results.get((s, verb, base)), results.get((s, verb, new))
        if not (a and b and a.walls and b.walls):
            continue
        a50, a95 = nearest_rank(a.walls, 50), nearest_rank(a.walls, 95)
        b50, b95 = nearest_rank(b.walls, 50), nearest_rank(b.walls, 95)
        cpu = nearest_rank(b.cpus, 50) / max(nearest_rank(a.cpus, 50), 1e-9)
        print(f"| {s} | {verb} | {a50:.1f} / {a95:.1f} | {b50:.1f} / {b95:.1f} | "
              f"{b50 / a50:.2f} | {b95 / a95:.2f} | {cpu:.2f} | {max(a.rss or [0]):.1f} / "
              f"{max(b.rss or [0]):.1f} |")


def per_subject(label, results, order, tool_names, subjects, set_name="hubs"):
    """Medians per subject (the busiest actors): wall / CPU ms, tools side by side."""
    keys = [k for k in order if k[0] == set_name]
    if not keys:
        return
    tools = [t for t in tool_names if any((set_name, k[1], t) in results for k in keys)]
    print()
    print(f"| actor, events ({label}) | verb | "
          + " | ".join(f"{t} wall / CPU ms" for t in tools) + " |")
    print("|---|---|" + "---|" * len(tools))
    for subject, events in subjects:
        for verb in dict.fromkeys(k[1] for k in keys):
            cells = []
            for t in tools:
                r = results.get((set_name, verb, t))
                w = r.by_subject.get(subject) if r else None
                cells.append(f"{statistics.median(x for x, _ in w):.1f} / "
                             f"{statistics.median(c for _, c in w):.1f}" if w else "-")
            print(f"| {subject}, {events:,} | {verb} | " + " | ".join(cells) + " |")


def row_check(questions, results, tool_names):
    """Whether the tools' answers have the same number of rows, question by question. Returns
    the number of questions compared and the disagreements."""
    compared, bad = 0, []
    for i, q in enumerate(questions):
        if not q.count:
            continue
        got = {}
        for t in tool_names:
            r = results.get((q.set, q.verb, t))
            if r and r.rows.get(i) is not None:
                if t in ("sqlite3", "duckdb") or q.bilateral_rows:
                    got[t] = r.rows[i]
        if len(got) < 2:
            continue
        compared += 1
        if len(set(got.values())) > 1:
            bad.append((q, got))
    print()
    print(f"row counts: {compared - len(bad)} of {compared} questions agree across tools")
    for q, got in bad:
        print(f"  DIFFER {q.set} {q.verb} {q.subject!r}: " +
              ", ".join(f"{t} {n}" for t, n in got.items()))
    return compared, bad
