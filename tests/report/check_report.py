#!/usr/bin/env python3
"""Checks `bilateral report` on the bundled dataset as a reader would.

  check_report.py --bilateral BIN --dataset JSON --workdir DIR --check NAME [--sources DIR]

NAME: wellformed | matches-queries | quotes | screenshot | dom | claims.  Exit 77 = skipped.
`claims` is run on tests/data/claims/claims-dataset.json, without its texts: every piece of
evidence shows its quote, and the section of disagreements lists each source's value.
"""
import argparse, json, os, shutil, struct, subprocess, sys, zlib
import xml.etree.ElementTree as ET

H = "{http://www.w3.org/1999/xhtml}"
S = "{http://www.w3.org/2000/svg}"

ap = argparse.ArgumentParser()
ap.add_argument("--bilateral", required=True)
ap.add_argument("--dataset", required=True)
ap.add_argument("--workdir", required=True)
ap.add_argument("--check", required=True)
ap.add_argument("--sources", default="")
a = ap.parse_args()
os.makedirs(a.workdir, exist_ok=True)
db = os.path.join(a.workdir, "r.db")
page = os.path.join(a.workdir, "ita-mys.html")
for f in (db, db + "-wal", db + "-shm"):
    if os.path.exists(f):
        os.remove(f)


def run(*args):
    return subprocess.run([a.bilateral, "--db", db, *args], check=True, capture_output=True,
                          text=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1764374400")).stdout


run("import", a.dataset)
extra = ["--sources", a.sources] if a.sources and os.path.isdir(a.sources) else []
run("report", "--dyad", "ITA:MYS", *extra, "-o", page)
root = ET.parse(page).getroot()  # raises on malformed XML


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


if a.check == "wellformed":
    assert root.tag == H + "html", root.tag
    assert root.find(f".//{S}svg[@class='timeline']") is not None, "no timeline SVG"
    assert root.find(f".//{S}svg[@class='network']") is not None, "no network SVG"
    # Deterministic: a second run gives the same bytes.
    again = os.path.join(a.workdir, "again.html")
    run("report", "--dyad", "ITA:MYS", *extra, "-o", again)
    if open(page, "rb").read() != open(again, "rb").read():
        fail("two runs on the same database differ")
    # Refuses to write over the database.
    r = subprocess.run([a.bilateral, "--db", db, "report", "--dyad", "ITA:MYS", "-o", db],
                       capture_output=True)
    if r.returncode == 0:
        fail("report -o DATABASE succeeded")
    print("ok: well formed, deterministic, database protected")

elif a.check == "matches-queries":
    tl = json.loads(run("timeline", "--dyad", "ITA:MYS", "--json"))
    events = [e["id"] for e in tl["events"]]
    actors = {p["id"] for e in tl["events"] for p in e["participants"]}
    svg_events = [g.get("data-id") for g in root.iter(S + "g") if "event" in g.get("class", "").split()
                  and "node" not in g.get("class", "").split()]
    # Rows are in tree order (sub-events under their parent): the same events, each once.
    if sorted(svg_events) != sorted(events):
        fail(f"timeline rows {svg_events} != timeline --json {events}")
    net = root.find(f".//{S}svg[@class='network']")
    nodes = {g.get("data-id") for g in net.iter(S + "g") if "actor" in g.get("class", "").split()}
    if nodes != actors:
        fail(f"network actors {sorted(nodes)} != participants {sorted(actors)}")
    enodes = {g.get("data-id") for g in net.iter(S + "g") if "event" in g.get("class", "").split()}
    if enodes != set(events):
        fail("network events differ from the timeline")
    expected = {}
    for actor in actors:
        wm = json.loads(run("who-met", actor, "--json"))
        for c in wm["counterparts"]:
            at = [e for e in c["events"] if e in events]
            if c["id"] in actors and at:
                expected[frozenset((actor, c["id"]))] = len(at)
    got = {frozenset((l.get("data-a"), l.get("data-b"))): int(l.get("data-count"))
           for l in net.iter(S + "line") if "meeting" in l.get("class", "").split()}
    if got != expected:
        fail(f"meeting edges differ: {len(got)} drawn, {len(expected)} from who-met")
    print(f"ok: {len(events)} events, {len(nodes)} actors, {len(got)} meeting edges as queried")

elif a.check == "quotes":
    if not extra:
        print(f"skipped: no source texts at {a.sources}")
        sys.exit(77)
    data = json.load(open(a.dataset))
    texts = {s["id"]: open(os.path.join(a.sources, s["file"]), encoding="utf-8").read()
             for s in data["sources"] if s.get("file")}
    n = 0
    for q in root.iter(H + "q"):
        if q.get("data-span") is None:
            continue
        start, end = map(int, q.get("data-span").split())
        if (q.text or "") != texts[q.get("data-source")][start:end]:
            fail(f"quote {q.text!r} != span {start}-{end}")
        n += 1
    if n == 0:
        fail("no quotes with spans in the page")
    print(f"ok: {n} quotes equal their spans")

elif a.check in ("screenshot", "dom"):
    chromium = shutil.which("chromium")
    if not chromium:
        print("skipped: chromium not installed (scripts/install-deps.sh installs it)")
        sys.exit(77)
    base = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
    if a.check == "dom":
        dom = subprocess.run(base + ["--dump-dom", "file://" + os.path.abspath(page)],
                             capture_output=True, text=True, timeout=120).stdout
        want = f'data-event-count="{len(json.loads(run("timeline", "--dyad", "ITA:MYS", "--json"))["events"])}"'
        if want not in dom:
            fail(f"{want} not in the rendered DOM")
        print("ok: rendered DOM shows", want)
        sys.exit(0)
    png = os.path.join(a.workdir, "ita-mys.png")
    subprocess.run(base + [f"--screenshot={png}", "--window-size=1280,2000",
                           "file://" + os.path.abspath(page)], capture_output=True, timeout=120)
    raw = open(png, "rb").read()
    if raw[:8] != b"\x89PNG\r\n\x1a\n":
        fail("not a PNG")
    w, h, depth, ctype = struct.unpack(">IIBB", raw[16:26])
    if (w, h) != (1280, 2000):
        fail(f"PNG is {w}x{h}, expected 1280x2000")
    pos, idat = 8, b""
    while pos < len(raw):
        length, kind = struct.unpack(">I4s", raw[pos:pos + 8])
        if kind == b"IDAT":
            idat += raw[pos + 8:pos + 8 + length]
        pos += 12 + length
    pixels = zlib.decompress(idat)
    stride = len(pixels) // h
    rows = {pixels[r * stride + 1:(r + 1) * stride] for r in range(0, h, 10)}
    distinct = set()
    for row in list(rows)[:50]:
        distinct.update(row[i:i + 3] for i in range(0, len(row), 3 * 7))
    if len(rows) < 20 or len(distinct) < 8:
        fail("the screenshot is blank or nearly so")
    print(f"ok: {w}x{h} PNG, {len(rows)} distinct sampled rows")
elif a.check == "claims":
    text = "".join(root.itertext())
    if "text not at hand" in text or "no quote recorded" in text:
        fail("an evidence line shows no words")
    evs = [d for d in root.iter(H + "div") if "ev" in d.get("class", "").split()]
    unquoted = [ET.tostring(d, encoding="unicode") for d in evs if d.find(H + "q") is None]
    if not evs or unquoted:
        fail(f"evidence without its quote: {unquoted[:2]}")
    rows = [r for r in root.iter(H + "tr") if r.get("class") == "disagreement"]
    got = {(r.get("data-record"), r.get("data-field")) for r in rows}
    want = json.loads(run("disagreements", "--json"))["disagreements"]
    expected = {(d["record"], d["field"]) for d in want}
    if got != expected or not expected:
        fail(f"disagreement rows {sorted(got)} != disagreements --json {sorted(expected)}")
    preferred = {(r.get("data-record"), r.get("data-field")) for r in rows
                 if r.get("data-preferred") == "true"}
    if preferred != expected:
        fail("not every disagreement marks its preferred value")
    print(f"ok: {len(evs)} evidence lines quoted, {len(expected)} disagreements shown")
else:
    fail("unknown check " + a.check)
