"""Fixtures of the Python module's tests: databases of the bundled dataset and of a small ICEWS
file written here, and a runner for the `bilateral` command (for the --json comparisons).

Run through ctest (`ctest -R "^python\."`), which sets PYTHONPATH to the build's python/ folder and
BILATERAL_CLI to the command; or by hand:

    PYTHONPATH=build/python BILATERAL_CLI=build/bilateral /usr/bin/python3 -m pytest python/tests
"""

import datetime
import json
import os
import random
import subprocess
import sys

import pytest

import bilateral

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get("BILATERAL_SOURCE_DIR") or os.path.dirname(os.path.dirname(HERE))
BUNDLED = os.path.join(SOURCE_DIR, "data", "italy-malaysia-2025.json")


def cli_path():
    path = os.environ.get("BILATERAL_CLI") or os.path.join(SOURCE_DIR, "build", "bilateral")
    if not os.path.exists(path):
        pytest.fail("the bilateral command is not at %s; set BILATERAL_CLI" % path)
    return path


class Cli:
    """Runs `bilateral --db DB ...`."""

    def __init__(self, db):
        self.db = db

    def run(self, *args, check=True):
        proc = subprocess.run([cli_path(), "--db", self.db] + list(args), capture_output=True)
        if check and proc.returncode != 0:
            pytest.fail("bilateral %s exited %d: %s" % (" ".join(args), proc.returncode,
                                                       proc.stderr.decode(errors="replace")))
        return proc

    def json(self, *args):
        return json.loads(self.run(*args, "--json").stdout.decode("utf-8"))


def make_db(path, *files):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    with bilateral.open(path, readonly=False) as db:
        db.import_files(list(files))
    return path


# --- a small ICEWS file, written by the tests themselves --------------------------------------

ICEWS_HEADER = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
                "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
                "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
                "Province", "Country", "Latitude", "Longitude"]

ICEWS_COUNTRIES = ["Italy", "Malaysia", "China", "United States", "Indonesia"]
ICEWS_CODES = [("040", "Consult"), ("042", "Make a visit"), ("043", "Host a visit"),
               ("036", "Express intent to meet or negotiate"), ("046", "Engage in negotiation"),
               ("051", "Praise or endorse"), ("111", "Criticize or denounce"),
               ("190", "Use conventional military force")]
# Names with accents, apostrophes and non-Latin letters, as ICEWS has them.
ICEWS_FIRST = ["Anwar", "Giorgia", "José", "Zhāng", "Ngozi", "Renée", "O'Neill", "Ali", "Dewi",
               "Μαρία"]
ICEWS_LAST = ["Ibrahim", "Rossi", "d'Ávila", "Wěi", "Okafor", "Lefèvre", "Smith", "Hassan",
              "Sari", "Παππά"]


def write_icews(path, events=600, seed=11):
    """A deterministic ICEWS file: 50 actors of 5 countries (plus a few with no country),
    events over 2024 and 2025 with meeting and other CAMEO codes."""
    rng = random.Random(seed)
    actors = []
    for i in range(50):
        name = "%s %s %d" % (ICEWS_FIRST[i % 10], ICEWS_LAST[(i * 3) % 10], i)
        country = ICEWS_COUNTRIES[i % 5] if i % 17 else ""
        sectors = "Government,Elite" if i % 3 else "Business"
        actors.append((name, sectors, country))
    actors.append(("Italy", "", "Italy"))
    actors.append(("Malaysia", "", "Malaysia"))
    lines = ["\t".join(ICEWS_HEADER)]
    for n in range(events):
        # Popular actors first (skewed), never the same actor on both sides.
        a = actors[min(int(rng.expovariate(1 / 12)), len(actors) - 1)]
        b = a
        while b is a:
            b = actors[rng.randrange(len(actors))]
        code, text = ICEWS_CODES[rng.randrange(len(ICEWS_CODES))]
        day = 1 + rng.randrange(730)
        year = 2024 if day <= 366 else 2025
        doy = day if year == 2024 else day - 366
        date = (datetime.date(year, 1, 1) + datetime.timedelta(days=doy - 1)).isoformat()
        row = [str(30000000 + n), date, a[0], a[1], a[2], text, code, "%.1f" % rng.uniform(-10, 10),
               b[0], b[1], b[2], str(40000000 + n), str(rng.randrange(1, 9)), "Test Wire", "Rome",
               "", "Lazio", "Italy", "41.9", "12.5"]
        lines.append("\t".join(row))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return path


@pytest.fixture(scope="session")
def workdir(tmp_path_factory):
    return str(tmp_path_factory.mktemp("bilateral"))


@pytest.fixture(scope="session")
def bundled_db(workdir):
    """A database file holding the bundled dataset (data/italy-malaysia-2025.json)."""
    return make_db(os.path.join(workdir, "bundled.db"), BUNDLED)


@pytest.fixture(scope="session")
def icews_file(workdir):
    return write_icews(os.path.join(workdir, "events.tsv"))


@pytest.fixture(scope="session")
def icews_db(workdir, icews_file):
    """A database file holding the small ICEWS file."""
    return make_db(os.path.join(workdir, "icews.db"), icews_file)


@pytest.fixture()
def db(bundled_db):
    with bilateral.open(bundled_db) as d:
        yield d


@pytest.fixture()
def idb(icews_db):
    with bilateral.open(icews_db) as d:
        yield d


def icews_names(path, n):
    """The names of the n actors that appear in the most rows of an ICEWS file."""
    counts = {}
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            fields = line.rstrip("\n").split("\t")
            for name in (fields[2], fields[8]):
                counts[name] = counts.get(name, 0) + 1
    return [name for name, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:n]]


sys.dont_write_bytecode = True
