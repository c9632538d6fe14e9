"""Event data shows who (issue 18, item 4), on the real ICEWS and GDELT samples of
tests/data/real: the timeline's ACTORS column (source → target), the codes of each event in
`timeline --json` and in Python (cameo, goldstein, quad_class, tone, mentions) against the raw
rows of the files, and `--rule participants` against a recomputation from the participants.
The expected values are read off the files here, with csv and zipfile, not off the importer."""

import csv
import json
import os
import zipfile

import pytest

import bilateral
from conftest import SOURCE_DIR, Cli, make_db

REAL = os.path.join(SOURCE_DIR, "tests", "data", "real")
ICEWS = os.path.join(REAL, "icews-events.2018.sample.tab")
GDELT2 = os.path.join(REAL, "20250807220000.export.CSV.zip")
GDELT1 = os.path.join(REAL, "gdelt1-daily-20160728.sample.CSV")

# GDELT columns (Event Codebook V2.0), 0-based; GDELT 1.0's daily files have the same up to
# AvgTone.
G_ID, G_A1NAME, G_A1COUNTRY, G_A2NAME, G_A2COUNTRY = 0, 6, 7, 16, 17
G_CODE, G_QUAD, G_GOLDSTEIN, G_MENTIONS, G_TONE = 26, 29, 30, 31, 34


def quad_of_root(code):
    """QuadClass of a CAMEO code's root, as the CAMEO codebook groups them."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def icews_rows():
    with open(ICEWS, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def gdelt_rows():
    with zipfile.ZipFile(GDELT2) as z:
        text = z.read(z.namelist()[0]).decode("utf-8")
    with open(GDELT1, encoding="utf-8") as f:
        text += "\n" + f.read()
    return [line.split("\t") for line in text.splitlines() if line]


@pytest.fixture(scope="module")
def real_db(tmp_path_factory):
    return make_db(str(tmp_path_factory.mktemp("real") / "real.db"), ICEWS, GDELT2, GDELT1)


def all_events(cli):
    """Every event with a participant of the countries the samples have most, through their
    country timelines."""
    seen = {}
    for code in ("USA", "CHN", "RUS", "IND", "TUR", "SSD", "GBR", "FRA", "DEU", "JPN", "ISR"):
        proc = cli.run("timeline", "--country", code, "--json", check=False)
        if proc.returncode != 0:  # no actor or place of that country
            continue
        for e in json.loads(proc.stdout)["events"]:
            seen[e["id"]] = e
    return seen


def test_json_codes_equal_the_raw_rows(real_db):
    cli = Cli(real_db)
    events = all_events(cli)
    icews = {"icews/%s/%s" % (r["Event ID"], r["Event Date"]): r for r in icews_rows()}
    gdelt = {"gdelt/" + r[G_ID]: r for r in gdelt_rows()}
    checked_icews = checked_gdelt = 0
    for eid, e in events.items():
        if eid in icews:
            r = icews[eid]
            assert e["cameo"] == r["CAMEO Code"], eid
            assert e["goldstein"] == pytest.approx(float(r["Intensity"])), eid
            assert e["quad_class"] == quad_of_root(r["CAMEO Code"]), eid
            assert e["tone"] is None and e["mentions"] is None, eid  # ICEWS has neither
            checked_icews += 1
        elif eid in gdelt:
            r = gdelt[eid]
            assert e["cameo"] == r[G_CODE], eid
            assert e["goldstein"] == pytest.approx(float(r[G_GOLDSTEIN])), eid
            assert e["quad_class"] == int(r[G_QUAD]), eid
            assert e["tone"] == pytest.approx(float(r[G_TONE])), eid
            assert e["mentions"] == int(r[G_MENTIONS]), eid
            checked_gdelt += 1
    assert checked_icews >= 20 and checked_gdelt >= 10, (checked_icews, checked_gdelt)


def test_python_records_carry_the_same_codes(real_db):
    cli = Cli(real_db)
    with bilateral.open(real_db) as db:
        for code in ("USA", "CHN"):
            mine = db.timeline(country=code)
            theirs = cli.json("timeline", "--country", code)["events"]
            assert [e.id for e in mine] == [e["id"] for e in theirs]
            for m, t in zip(mine, theirs):
                for key in ("cameo", "goldstein", "quad_class", "tone", "mentions"):
                    assert getattr(m, key) == t[key], (m.id, key)
            rows = mine.to_dicts()
            assert {"goldstein", "quad_class", "tone", "mentions"} <= set(rows[0])


def test_actors_column_is_source_to_target(real_db):
    cli = Cli(real_db)
    lines = cli.run("timeline", "--country", "USA").stdout.decode("utf-8").splitlines()
    head = lines[1]
    assert "ACTORS" in head.split()
    at, end = head.index("ACTORS"), head.index("ID")
    cells = {}
    for line in lines[2:]:
        if not line[:4].isdigit():
            break
        rest = line[end:].split()
        cells[rest[0]] = line[at:end].strip()
    gdelt = {"gdelt/" + r[G_ID]: r for r in gdelt_rows()}
    icews = {"icews/%s/%s" % (r["Event ID"], r["Event Date"]): r for r in icews_rows()}
    names = {}  # actor names as the database has them (GDELT actors are named by their first row)
    for e in cli.json("timeline", "--country", "USA")["events"]:
        names[e["id"]] = [p for p in e["participants"]]
    checked = 0
    for eid, cell in cells.items():
        ps = names[eid]
        src = [p["name"] for p in ps if p["role"] == "source"]
        tgt = [p["name"] for p in ps if p["role"] == "target"]
        if eid in icews and len(src) == 1 and len(tgt) == 1:
            r = icews[eid]
            # The raw row's names, where the actor is not a country named after itself.
            if r["Source Name"] != r["Source Country"]:
                assert src == [r["Source Name"]], eid
            if r["Target Name"] != r["Target Country"]:
                assert tgt == [r["Target Name"]], eid
        if eid in gdelt and len(src) == 1 and len(tgt) == 1:
            assert gdelt[eid][G_A1NAME] and gdelt[eid][G_A2NAME], eid
        if len(src) == 1 and len(tgt) == 1 and len(src[0]) + len(tgt[0]) <= 38:
            assert cell == "%s → %s" % (src[0], tgt[0]), (eid, cell)
            checked += 1
        elif len(src) == 1 and not tgt and len(src[0]) <= 38:
            assert cell == src[0] + " →", (eid, cell)
    assert checked >= 5, checked


_COUNTRIES = {}


def country_of(cli, actor):
    if actor not in _COUNTRIES:
        _COUNTRIES[actor] = cli.json("timeline", actor, "--limit", "1")["actor"]["country"]
    return _COUNTRIES[actor]


def test_rule_participants_keeps_the_events_both_took_part_in(real_db):
    cli = Cli(real_db)
    dropped = 0  # events in a dyad by their place alone: the rule must have left some out
    for a, b in (("USA", "CHN"), ("USA", "RUS"), ("USA", "SSD"), ("USA", "IND")):
        every = cli.json("timeline", "--dyad", "%s:%s" % (a, b))
        kept = cli.json("timeline", "--dyad", "%s:%s" % (a, b), "--rule", "participants")
        # Recomputed: the events with a participant of each country (their actors' countries).
        expected = []
        for e in every["events"]:
            cs = {country_of(cli, p["id"]) for p in e["participants"]}
            if a in cs and b in cs:
                expected.append(e["id"])
        dropped += len(every["events"]) - len(expected)
        assert [e["id"] for e in kept["events"]] == expected, (a, b)
        assert kept["total"] == len(expected)
        assert kept["rule"] == "participants" and every["rule"] == "any"
        assert all(e["in_dyad"] == "participants" for e in kept["events"])
        cut = cli.json("timeline", "--dyad", "%s:%s" % (a, b), "--rule", "participants",
                       "--limit", "1")
        assert cut["total"] == len(expected)
    assert dropped > 0
    with bilateral.open(real_db) as db:
        mine = db.timeline(dyad="USA:CHN", rule="participants")
        theirs = cli.json("timeline", "--dyad", "USA:CHN", "--rule", "participants")
        assert [e.id for e in mine] == [e["id"] for e in theirs["events"]]
        with pytest.raises(bilateral.Error):
            db.timeline(dyad="USA:CHN", rule="somewhere")
    bad = cli.run("timeline", "country/USA", "--rule", "participants", check=False)
    assert bad.returncode == 1 and b"--rule" in bad.stderr


def test_trend_pairs_and_timeline_records_go_to_a_dataframe(real_db):
    pandas = pytest.importorskip("pandas")
    with bilateral.open(real_db) as db:
        trend = db.trend(dyad="USA:CHN", by="month", split="quad_class")
        df = trend.to_dataframe()
        assert len(df) == len(trend) and df["events"].sum() == sum(r.events for r in trend)
        wide = df.pivot(index="period", columns="group", values="events")
        assert {"verbal_cooperation", "material_conflict"} <= set(wide.columns)
        pairs = db.pairs(limit=5)
        pf = pairs.to_dataframe()
        assert list(pf["events"]) == [p.events for p in pairs] and len(pf) == 5
        tl = db.timeline(dyad="USA:CHN").to_dataframe()
        assert tl["quad_class"].notna().all()
        assert isinstance(tl, pandas.DataFrame)
