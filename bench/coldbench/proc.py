"""One process per question: wall time, peak RSS, exit status, and the size of its answer."""
import math
import os
import re
import subprocess
import tempfile
import time

TIMEOUT_S = 60.0


def run(cmd, timeout=None):
    """Wall seconds, CPU seconds (user + system, all its threads, from wait4) and exit status of
    one process, its output discarded. On a shared machine the CPU time says more than the wall
    time. A process still running after the timeout is killed and counts as failed, with the
    timeout as its time."""
    timeout = timeout or TIMEOUT_S
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > timeout:
            proc.kill()
            _, _, usage = os.wait4(proc.pid, 0)
            return timeout, usage.ru_utime + usage.ru_stime, -9
        time.sleep(0.0002)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


def peak_rss_mb(cmd, timeout=None):
    """Peak RSS of one run, through /usr/bin/time: a child forked from this Python process would
    count the parent's pages it held before exec. None when the command failed or there is no
    /usr/bin/time (Debian: time)."""
    if not os.path.exists("/usr/bin/time"):
        return None
    with tempfile.NamedTemporaryFile("r") as f:
        try:
            done = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", f.name] + cmd,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  stdin=subprocess.DEVNULL, timeout=timeout or TIMEOUT_S)
        except subprocess.TimeoutExpired:
            return None
        if done.returncode != 0:
            return None
        return int(f.read().strip().splitlines()[-1]) / 1024.0


_TOTAL = re.compile(rb'^  "total": (\d+)', re.M)


def answer_rows(cmd, how, limit=None, timeout=None):
    """Runs `cmd` once, reading its output as it comes, and returns the number of rows of the
    answer (None when the command failed or the shape is unknown). `how`:
    - "lines": one row per output line (the shells' list mode, DuckDB's tab-separated rows);
    - "json-lines": one JSON object per line inside an array (sqlite3 -json, DuckDB --json);
    - "json-total": bilateral --json: the top-level "total", cut to `limit`; when there is none
      (a verb whose shape this script does not know), the length of the longest top-level list.
    Only the head of a bilateral answer is kept in memory when it has a total."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    head, rows, total, prev, first = b"", 0, None, b"\n", True
    deadline = time.perf_counter() + (timeout or TIMEOUT_S)
    for chunk in iter(lambda: proc.stdout.read(1 << 16), b""):
        if time.perf_counter() > deadline:
            proc.kill()
            break
        if how == "lines":
            rows += chunk.count(b"\n")
        elif how == "json-lines":
            if first and chunk.startswith(b"["):
                chunk = chunk[1:]  # the array's bracket: its first object starts a line
            first = False
            rows += (prev + chunk).count(b'\n{"')
            prev = (prev + chunk)[-2:]
        elif total is None and len(head) < (64 << 20):
            head += chunk
            m = _TOTAL.search(head[:1 << 16])
            if m:
                total = int(m.group(1))
    proc.stdout.close()
    if proc.wait() != 0:
        return None
    if how != "json-total":
        return rows
    if total is not None:
        return min(total, limit) if limit else total
    return _longest_list(head)


def _longest_list(text):
    import json
    try:
        doc = json.loads(text)
    except ValueError:
        return None
    if isinstance(doc, list):
        return len(doc)
    lists = [len(v) for v in doc.values() if isinstance(v, list)] if isinstance(doc, dict) else []
    return max(lists) if lists else None


def nearest_rank(values, p):
    v = sorted(values)
    return v[max(0, math.ceil(p / 100.0 * len(v)) - 1)]
