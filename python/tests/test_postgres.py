"""bilateral.open() takes a postgresql:// URL where a file goes: the same door as the command
(Database::open), on a throwaway server (scripts/pg_throwaway.py). Skipped, with the script's
line, where no PostgreSQL server binaries are found."""

import os
import subprocess
import sys

import pytest

import bilateral
from conftest import BUNDLED, SOURCE_DIR

SCRIPT = os.path.join(SOURCE_DIR, "scripts", "pg_throwaway.py")


@pytest.fixture(scope="module")
def server_url():
    """A throwaway server's database URL, for the module's tests; stopped at the end."""
    proc = subprocess.Popen([sys.executable, SCRIPT, "--serve"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    url = None
    for line in proc.stdout:
        if line.startswith("url "):
            url = line.split(" ", 1)[1].strip()
        if line.startswith("ready") or line.startswith("skipped"):
            if line.startswith("skipped"):
                proc.wait(timeout=60)
                pytest.skip(line.strip())
            break
    if url is None:
        proc.kill()
        pytest.fail("the throwaway server did not start")
    try:
        yield url
    finally:
        proc.stdin.close()  # the script stops and removes the server
        proc.wait(timeout=120)


@pytest.fixture(scope="module")
def pg(server_url):
    with bilateral.open(server_url, readonly=False) as d:
        d.import_file(BUNDLED)
    with bilateral.open(server_url) as d:
        yield d


def test_the_answers_are_the_files(pg, db):
    assert pg.stats() == db.stats()
    assert list(pg.who_met("Anwar Ibrahim")) == list(db.who_met("Anwar Ibrahim"))
    assert list(pg.timeline(dyad="ITA:MYS")) == list(db.timeline(dyad="ITA:MYS"))
    assert list(pg.search("dato seri")) == list(db.search("dato seri"))
    assert list(pg.holders("post/prime-minister-malaysia")) == \
        list(db.holders("post/prime-minister-malaysia"))


def test_the_url_is_shown_without_its_password(server_url):
    with bilateral.open(server_url) as d:
        assert d.filename.startswith("postgresql://postgres@127.0.0.1:")
        assert "passfile" not in d.filename
    wrong = server_url.replace("postgres@", "postgres:n0t-th3-password@", 1)
    with pytest.raises(bilateral.StorageError) as e:
        bilateral.open(wrong)
    assert "n0t-th3-password" not in str(e.value)
