"""Threads. Both ways are supported (docs/python.md): each thread its own Database (queries run
in parallel), or one Database shared by several threads (its calls run one at a time: one
SQLite connection is never used by two threads at once). Either way every answer is right. And
the GIL is released while the library works, so other Python threads go on."""

import os
import sqlite3
import threading
import time

import bilateral
from conftest import BUNDLED, icews_names, make_db, write_icews


def questions(names):
    """Keys (method, args, kwargs as sorted pairs) of a mix of questions about the actors."""
    out = []
    for n in names:
        out += [("who_met", (n,), ()), ("who_met", (n,), (("since", "2024-06"), ("until", "2025"))),
                ("timeline", (n,), ()), ("ego", (n,), (("hops", 2),)), ("search", (n,), ()),
                ("relations", (n,), ())]
    for a, b in zip(names, reversed(names)):
        out.append(("path", (a, b), ()))
    out += [("timeline", (), (("dyad", "ITA:MYS"),)), ("stats", (), ())]
    return out


def answer(db, key):
    method, args, kwargs = key
    result = getattr(db, method)(*args, **dict(kwargs))
    return result.to_dicts() if isinstance(result, list) else result.to_dict()


def run_threads(target, n):
    errors = []

    def guarded(i):
        try:
            target(i)
        except BaseException as e:  # reported by the main thread
            errors.append(e)

    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
        assert not t.is_alive(), "a thread did not finish"
    if errors:
        raise errors[0]


def expected_answers(path, icews_file):
    """The questions about ten actors of the event file, and their answers from one thread."""
    qs = questions(icews_names(icews_file, 10))
    with bilateral.open(path) as db:
        return qs, {q: answer(db, q) for q in qs}


def test_each_thread_with_its_own_database(icews_db, icews_file):
    qs, want = expected_answers(icews_db, icews_file)
    runs = {}

    def work(i):
        with bilateral.open(icews_db) as db:
            for _ in range(5):
                order = qs if i % 2 == 0 else list(reversed(qs))
                runs.setdefault(i, []).append({q: answer(db, q) for q in order})

    run_threads(work, 2)
    assert sorted(runs) == [0, 1]
    for i in (0, 1):
        assert len(runs[i]) == 5 and all(run == want for run in runs[i])


def test_one_database_shared_by_threads(icews_db, icews_file):
    qs, want = expected_answers(icews_db, icews_file)
    with bilateral.open(icews_db) as db:
        results = {}

        def work(i):
            for _ in range(5):
                for q in (qs if i % 2 else reversed(qs)):
                    assert answer(db, q) == want[q], q
            results[i] = True

        run_threads(work, 4)
        assert results == {0: True, 1: True, 2: True, 3: True}


def test_graphs_and_queries_at_once(bundled_db):
    with bilateral.open(bundled_db) as shared:
        want_met = shared.who_met("Anwar Ibrahim").to_dicts()
        counts = []

        def work(i):
            for _ in range(20):
                if i == 0:
                    g = shared.to_networkx()
                    counts.append((g.number_of_nodes(), g.number_of_edges()))
                else:
                    assert shared.who_met("Anwar Ibrahim").to_dicts() == want_met

        run_threads(work, 2)
        assert set(counts) == {(56, 92)}


def test_closing_while_another_thread_queries(bundled_db):
    db = bilateral.open(bundled_db)
    outcomes = []

    def work(i):
        if i == 0:
            for _ in range(200):
                try:
                    outcomes.append(len(db.who_met("Anwar Ibrahim")))
                except bilateral.Error as e:
                    outcomes.append(str(e))
        else:
            db.close()

    run_threads(work, 2)
    # Each call either answered in full or found the database closed; none crashed.
    assert set(outcomes) <= {11, "the database is closed"}
    assert db.closed


def test_the_gil_is_released_while_an_import_waits(workdir):
    """An import waiting for SQLite's write lock (held by Python's sqlite3 in this thread)
    succeeds only if this thread can run meanwhile to release the lock: were the GIL held
    during the import, this thread could not run until the import gave up (after the busy
    timeout of 5 s) and the import would fail with StorageError ("database is locked")."""
    path = make_db(os.path.join(workdir, "gil.db"), BUNDLED)
    other = os.path.join(workdir, "gil-events.tsv")
    write_icews(other, events=50, seed=9)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")  # the write lock
    result = {}

    def importer(_):
        with bilateral.open(path, readonly=False) as db:
            result["summary"] = db.import_file(other)

    t = threading.Thread(target=lambda: _catch(importer, result))
    t.start()
    time.sleep(0.5)  # the importer reaches the lock and waits on it
    con.execute("ROLLBACK")
    con.close()
    t.join(60)
    assert not t.is_alive()
    assert "error" not in result, result.get("error")
    assert result["summary"].events == 50


def _catch(fn, result):
    try:
        fn(None)
    except BaseException as e:
        result["error"] = e
