"""Every error class: what raises it and what it carries. Nothing the library throws reaches
Python as a bare RuntimeError."""

import json
import os
import sqlite3

import pytest

import bilateral
from conftest import BUNDLED, make_db


def test_the_classes_form_one_hierarchy():
    for cls, builtin in [(bilateral.InvalidArgumentError, ValueError),
                         (bilateral.ParseError, ValueError),
                         (bilateral.NotFoundError, LookupError),
                         (bilateral.AmbiguousError, LookupError),
                         (bilateral.StorageError, None),
                         (bilateral.SchemaVersionError, None)]:
        assert issubclass(cls, bilateral.Error)
        assert not issubclass(cls, RuntimeError)
        if builtin:
            assert issubclass(cls, builtin)
        assert cls.__module__ == "bilateral" and cls.__doc__
    assert issubclass(bilateral.Error, Exception)


def test_not_found(db):
    with pytest.raises(bilateral.NotFoundError) as e:
        db.who_met("Giorgia Melony")
    assert e.value.code == "not_found"
    assert str(e.value).startswith('no actor with id or name "Giorgia Melony"; closest: '
                                   'Giorgia Meloni (person/giorgia-meloni, person)')
    assert db.resolve("Meloni") == "person/giorgia-meloni"  # a surname names its person
    with pytest.raises(bilateral.NotFoundError, match="not a post; a post is wanted"):
        db.holders("Anwar Ibrahim")
    for call in (lambda: db.timeline("post/nobody"), lambda: db.relations("nobody"),
                 lambda: db.holders("post/nobody"), lambda: db.path("Anwar Ibrahim", "x"),
                 lambda: db.ego("x"), lambda: db.resolve("x"),
                 lambda: db.timeline(country="FRA"), lambda: db.timeline(dyad="FRA:ITA")):
        with pytest.raises(bilateral.NotFoundError):
            call()


def test_ambiguous_carries_the_candidates(workdir):
    dataset = {
        "format": "bilateral-dataset", "version": 1,
        "actors": [
            {"id": "person/hasan-1", "kind": "person", "name": "Mohamad Hasan"},
            {"id": "person/hasan-2", "kind": "person", "name": "Mohamad Hasan"},
        ],
    }
    path = os.path.join(workdir, "ambiguous.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(dataset, f)
    with bilateral.memory() as d:
        d.import_file(path)
        with pytest.raises(bilateral.AmbiguousError) as e:
            d.who_met("mohamad hasan")
    assert e.value.code == "ambiguous"
    assert e.value.candidates == ["person/hasan-1", "person/hasan-2"]
    assert "is ambiguous; candidates: person/hasan-1 person/hasan-2" in str(e.value)


@pytest.mark.parametrize("call, message", [
    (lambda db: db.who_met("Anwar Ibrahim", since="2025-13"),
     'since: invalid date "2025-13": month 13 does not exist (01-12)'),
    (lambda db: db.who_met("Anwar Ibrahim", until="2025-02-30"), "until: invalid date"),
    (lambda db: db.who_met("Anwar Ibrahim", kinds=["party"]), 'kinds: unknown event kind "party"'),
    (lambda db: db.timeline(country="ITA", since="July 2"), "since: invalid date"),
    (lambda db: db.relations("Anwar Ibrahim", kind="friend_of"),
     'kind: unknown relation kind "friend_of"'),
    (lambda db: db.relations("Anwar Ibrahim", as_of="2025-7-2"), "as_of: invalid date"),
    (lambda db: db.path("Anwar Ibrahim", "Giorgia Meloni", through="friends"),
     "through: expected events, relations or both"),
    (lambda db: db.ego("Anwar Ibrahim", hops=0), "hops: must be at least 1"),
    (lambda db: db.who_met("Anwar Ibrahim", limit=0), "limit: must be at least 1"),
    (lambda db: db.who_met("Anwar Ibrahim", since=""), "since: empty date"),
    (lambda db: db.to_networkx(kinds="talks,party"), "kinds: unknown event kind"),
])
def test_invalid_argument(db, call, message):
    with pytest.raises(bilateral.InvalidArgumentError, match=None) as e:
        call(db)
    assert message in str(e.value)
    assert isinstance(e.value, ValueError)


def test_invalid_import_format(workdir):
    with bilateral.memory() as d:
        with pytest.raises(bilateral.InvalidArgumentError, match="csv"):
            d.import_file(BUNDLED, format="csv")


def test_wrong_types_are_type_errors(db):
    with pytest.raises(TypeError):
        db.who_met("Anwar Ibrahim", since=2025.5)
    with pytest.raises(TypeError):
        db.who_met(42)
    with pytest.raises(TypeError):
        db.who_met("Anwar Ibrahim", kinds=[1, 2])


def test_parse_error_of_a_dataset_names_the_json_pointer(workdir):
    with open(BUNDLED, encoding="utf-8") as f:
        dataset = json.load(f)
    dataset["events"][3]["start"] = "2025-02-30"
    path = os.path.join(workdir, "bad-date.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(dataset, f, ensure_ascii=False)
    with bilateral.memory() as d:
        with pytest.raises(bilateral.ParseError) as e:
            d.import_file(path)
        assert d.stats().events == 0
    err = e.value
    assert err.code == "parse" and err.file == path
    assert err.pointer == "/events/3/start" and err.location == "/events/3/start"
    assert err.line is None and err.column is None
    assert "February 2025 has 28 days" in err.reason
    assert str(err).startswith(path + ": /events/3/start: ")


def test_parse_error_of_an_event_file_names_line_and_column(workdir, icews_file):
    with open(icews_file, encoding="utf-8") as f:
        lines = f.read().splitlines()
    fields = lines[3].split("\t")
    fields[1] = "2014-02-30"
    lines[3] = "\t".join(fields)
    path = os.path.join(workdir, "bad-line.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with bilateral.memory() as d:
        with pytest.raises(bilateral.ParseError) as e:
            d.import_file(path, format="icews")
    err = e.value
    assert err.file == path and err.line == 4 and err.pointer is None
    assert err.location.startswith("line 4, column ")
    assert isinstance(err, ValueError)


def test_parse_error_of_a_missing_file(workdir):
    missing = os.path.join(workdir, "no-such-file.json")
    with bilateral.memory() as d:
        with pytest.raises(bilateral.ParseError) as e:
            d.import_file(missing)
    assert e.value.file == missing and e.value.line is None


def test_storage_errors(workdir, icews_file):
    with pytest.raises(bilateral.StorageError) as e:
        bilateral.open(os.path.join(workdir, "missing.db"))
    assert e.value.code == "storage"
    notes = os.path.join(workdir, "notes.txt")
    with open(notes, "w") as f:
        f.write("not a database\n" * 100)
    with pytest.raises(bilateral.StorageError, match="not a bilateral database"):
        bilateral.open(notes)
    # Writing new records through a read-only database: SQLite refuses (SQLITE_READONLY).
    path = make_db(os.path.join(workdir, "readonly.db"), BUNDLED)
    with bilateral.open(path) as d:
        with pytest.raises(bilateral.StorageError, match="readonly") as e:
            d.import_file(icews_file)
        assert d.stats().events == 11
    assert e.value.sqlite_code == 8 and e.value.statement.startswith("INSERT")


def test_schema_version_error(workdir):
    path = make_db(os.path.join(workdir, "future.db"), BUNDLED)
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 999")
    con.commit()
    con.close()
    with pytest.raises(bilateral.SchemaVersionError) as e:
        bilateral.open(path)
    assert e.value.code == "schema_version" and "999" in str(e.value)
    with pytest.raises(bilateral.SchemaVersionError):
        bilateral.open(path, readonly=False)


def test_path_stopped_by_its_bounds_is_not_found(db):
    with pytest.raises(bilateral.NotFoundError, match="within the search's bounds"):
        db.path("Antonio Tajani", "Massimo Rustico", max_hops=2)
