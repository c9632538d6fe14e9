"""Every method of bilateral.Database on the bundled dataset and on a small ICEWS file: what the
answers hold, the records' Python idioms (repr, to_dict, pandas), dates and kinds as arguments,
the life cycle (context manager, close, closed) and imports with a progress callback."""

import dataclasses
import datetime
import os

import pytest

import bilateral
from conftest import BUNDLED, icews_names, make_db, write_icews

ANWAR = "person/anwar-ibrahim"


# --- who_met ----------------------------------------------------------------------------------

def test_who_met_lists_counterparts_most_meetings_first(db):
    met = db.who_met("Anwar Ibrahim")
    assert isinstance(met, bilateral.Results) and isinstance(met, list)
    # Counterparts on another side: his accompanying ministers are not (docs/queries.md).
    assert met.total == len(met) == 11
    assert "group/malaysian-ministers-accompanying" not in {m.id for m in met}
    assert "group/malaysian-ministers-accompanying" not in {
        m.id for m in db.who_met("Anwar Ibrahim", any_side=True)}
    assert met.actor == bilateral.Actor(ANWAR, "Anwar Ibrahim", "person", "MYS")
    assert met.kinds == list(bilateral.MEETING_KINDS)
    first = met[0]
    assert isinstance(first, bilateral.Counterpart)
    assert (first.id, first.meetings, first.first, first.last) == (
        "person/antonio-tajani", 2, "2025-07-02", "2025-07-03")
    assert first.events == ["event/economic-roundtable-2025-07",
                            "event/meeting-anwar-meloni-2025-07"]
    assert [m.meetings for m in met] == sorted((m.meetings for m in met), reverse=True)


def test_who_met_takes_dates_as_strings_or_datetime_dates(db):
    by_text = db.who_met(ANWAR, since="2025-07-02", until="2025-07")
    by_date = db.who_met(ANWAR, since=datetime.date(2025, 7, 2), until="2025-07")
    assert by_text == by_date and len(by_text) == 11
    assert by_date.since == "2025-07-02" and by_date.until == "2025-07"
    assert db.who_met(ANWAR, since=datetime.datetime(2025, 7, 2, 23, 59)).since == "2025-07-02"
    assert len(db.who_met(ANWAR, until="2025-06")) == 0
    assert len(db.who_met(ANWAR, since=datetime.date(2025, 7, 4))) == 0


def test_who_met_kinds_replace_the_meeting_kinds(db):
    only = db.who_met("Giorgia Meloni", kinds=["bilateral_meeting"])
    assert only.kinds == ["bilateral_meeting"]
    # Anwar, and the Malaysian ministers and ambassador The Sun names at the meeting.
    assert {m.id for m in only} == {"person/anwar-ibrahim",
                                    "group/meeting-defence-and-foreign-ministers",
                                    "person/mohamad-hasan", "person/anthony-loke",
                                    "person/mohamed-khaled-nordin", "person/tengku-zafrul-aziz",
                                    "person/zahid-rastam"}
    # Tajani is on her side: he counts only on any side.
    assert "person/antonio-tajani" in {
        m.id for m in db.who_met("Giorgia Meloni", kinds=["bilateral_meeting"], any_side=True)}
    assert db.who_met("Giorgia Meloni", kinds="invitation,official_visit").kinds == [
        "invitation", "official_visit"]
    assert db.who_met("Giorgia Meloni", kinds=["talks"]) == []


def test_who_met_limit_cuts_and_keeps_the_total(db):
    met = db.who_met(ANWAR, limit=3)
    assert len(met) == 3 and met.total == 11 and met.cut
    assert met == db.who_met(ANWAR)[:3]


def test_who_met_phone_calls_add_the_phone_call_kind(db):
    assert "phone_call" not in bilateral.MEETING_KINDS
    assert db.who_met(ANWAR, phone_calls=True).kinds == list(bilateral.MEETING_KINDS) + [
        "phone_call"]


# --- timeline ---------------------------------------------------------------------------------

def test_timeline_of_a_dyad_in_timeline_order(db):
    events = db.timeline(dyad="ITA:MYS")
    assert [e.id for e in events] == [
        # the roundtable on 2 July, the meeting on 3 July (the other accounts' dates)
        "event/embassy-inauguration-2025-06-06", "event/economic-roundtable-2025-07",
        "event/official-visit-2025-07",
        "event/side-meetings-investment-2025-07", "event/talks-ministers-2025-07",
        "event/meeting-anwar-meloni-2025-07",
        # told within the meeting, dated by it
        "event/acceptance-meloni-invitation-kuala-lumpur",
        "event/invitation-meloni-to-kuala-lumpur",
        "event/planned-official-visit-meloni-kuala-lumpur"]
    assert events.dyad == ("ITA", "MYS") and events.actor is None
    # [places] the embassy's inauguration is in Kuala Lumpur: its only participant is the
    # Italian embassy, so it is in the dyad by its place; every other event by participants
    assert events[0].place == bilateral.Place("Kuala Lumpur", "MYS")
    assert events[0].in_dyad == "place"
    assert {e.in_dyad for e in events[1:]} == {"participants"}
    assert events[6].links == [bilateral.Link(
        "link/acceptance-answers-invitation-kuala-lumpur", "answers", "to",
        "event/invitation-meloni-to-kuala-lumpur",
        "Anwar Ibrahim invites Giorgia Meloni to pay an official visit to Kuala Lumpur")]
    roundtable = events[1]  # dated 2 July by the Palazzo Chigi note
    assert not roundtable.dated_by_parent and roundtable.parent == "event/official-visit-2025-07"
    assert (roundtable.start, roundtable.end) == ("2025-07-02", None)
    assert bilateral.Participant("person/anwar-ibrahim", "Anwar Ibrahim", "attendee", "stated",
                                 None) in roundtable.participants
    # The embassy is in the dyad through its place, which the text states (issue 21's audit
    # removed the Malaysian host the text does not name).
    assert (events[0].basis, events[0].confidence) == ("stated", None)
    assert events[-1].status == "planned" and events[-1].start is None
    assert db.timeline(dyad=("mys", "ita")) == events


def test_timeline_of_an_actor_and_of_a_country(db):
    mine = db.timeline("Anwar Ibrahim")
    assert mine.actor.id == ANWAR and len(mine) > 0
    assert all(any(p.id == ANWAR for p in e.participants) for e in mine)
    italy = db.timeline(country="ita", since="2025-06", until="2025-06")
    assert italy.country == "ITA"
    assert [e.id for e in italy] == ["event/embassy-inauguration-2025-06-06"]
    assert [e.kind for e in db.timeline(country="MYS", kinds=["talks"])] == ["talks"]
    assert len(db.timeline(dyad="ITA:MYS", limit=2)) == 2


def test_timeline_needs_exactly_one_scope(db):
    with pytest.raises(bilateral.InvalidArgumentError):
        db.timeline()
    with pytest.raises(bilateral.InvalidArgumentError):
        db.timeline("Anwar Ibrahim", country="ITA")
    with pytest.raises(bilateral.InvalidArgumentError):
        db.timeline(dyad="ITA")
    with pytest.raises(bilateral.InvalidArgumentError):
        db.timeline(dyad="ITA:ita")


# --- relations, holders -----------------------------------------------------------------------

def test_relations_as_of_a_date(db):
    rels = db.relations("ASEAN", as_of="2025-03-01")
    assert rels.actor.id == "bloc/asean" and rels.as_of == "2025-03-01"
    assert [(r.kind, r.from_name, r.to_name, r.certainty) for r in rels] == [
        ("member_of", "Malaysia", "ASEAN", "possibly"),
        ("partner_of", "Italy", "ASEAN", "possibly"),
        ("chairs", "Malaysia", "ASEAN", "possibly")]
    chairs = rels[2]
    assert (chairs.valid_from, chairs.valid_to) == ("2025", "2025")
    assert all(isinstance(e, bilateral.Evidence) for r in rels for e in r.evidence)
    assert any(e.span is not None for r in rels for e in r.evidence)
    undated = db.relations("ASEAN")
    assert {r.certainty for r in undated} == {None}
    assert {r.kind for r in db.relations("ASEAN", kind="chairs")} == {"chairs"}


def test_holders_of_a_post_on_a_date(db):
    on = db.holders("Ambassador of Italy to Malaysia", on="2023-01-01")
    assert on.post.id == "post/ambassador-italy-malaysia" and on.on == "2023-01-01"
    assert [(h.id, h.valid_from, h.valid_to, h.certainty) for h in on] == [
        ("person/massimo-rustico", "2021-10-18", "2025-06-08", "certainly")]
    assert [h.certainty for h in db.holders("post/ambassador-italy-malaysia", on="2025-06")] == [
        "possibly"]
    assert db.holders("post/ambassador-italy-malaysia", on=datetime.date(2025, 7, 2)) == []


# --- search, path, ego, stats, resolve --------------------------------------------------------

def test_search_ignores_accents_and_apostrophes(db):
    hits = db.search("societa italiana")
    assert [(h.id, h.matched) for h in hits] == [
        ("institution/simest", "Società italiana per le imprese all’estero")]
    assert db.search("dato' seri")[0].id == ANWAR
    assert db.search("giorgia mel")[0].id == "person/giorgia-meloni"
    assert db.search('"NEAR( OR *') == []
    assert len(db.search("a", limit=2)) <= 2


def test_path_names_each_step_and_its_evidence(db):
    p = db.path("Antonio Tajani", "Massimo Rustico")
    assert p.found and p.hops == 4 == len(p.steps) == len(p)
    assert [a.id for a in p.actors] == ["person/antonio-tajani", ANWAR, "country/ITA",
                                        "post/ambassador-italy-malaysia", "person/massimo-rustico"]
    assert p.steps[0].event.id == "event/economic-roundtable-2025-07"
    assert p.steps[0].relation is None
    assert p.steps[3].relation == bilateral.PathRelation(
        "relation/massimo-rustico-holds-ambassador-italy-malaysia", "holds_post")
    assert db.path(ANWAR, "Anwar Ibrahim").hops == 0
    through_events = db.path("Antonio Tajani", "Massimo Rustico", through="events")
    assert not through_events.found and through_events.hops is None
    assert through_events.steps == [] and through_events.actors == []


def test_ego_lists_actors_nearest_first(db):
    ego = db.ego("Anwar Ibrahim", hops=2)
    assert ego.actor.id == ANWAR and ego.hops == 2
    assert [m.hops for m in ego] == sorted(m.hops for m in ego)
    assert ANWAR not in {m.id for m in ego}
    assert {m.id for m in db.ego(ANWAR)} == {m.id for m in ego if m.hops == 1}
    assert len(db.ego(ANWAR, hops=2, limit=5)) == 5 and db.ego(ANWAR, limit=5).total == 18


def test_stats_counts_by_table_and_kind(db):
    s = db.stats()
    assert (s.sources, s.actors, s.events, s.participations, s.relations, s.evidence) == (
        6, 45, 11, 39, 51, 283)
    assert s.actors_by_kind["person"] == 10 and s.relations_by_kind["post_of"] == 13


def test_resolve_turns_names_into_ids(db):
    assert db.resolve("yab dato' seri anwar ibrahim") == ANWAR
    assert db.resolve(ANWAR) == ANWAR


# --- the same methods on an ICEWS event file --------------------------------------------------

def test_every_method_answers_on_an_icews_file(idb, icews_file):
    s = idb.stats()
    assert s.events == 600 and s.participations == 1200
    busiest, second = icews_names(icews_file, 2)
    met = idb.who_met(busiest, kinds=None)
    assert met.total > 0 and met.actor.name == busiest
    assert all(m.first is None or m.first.startswith(("2024", "2025")) for m in met)
    window = idb.who_met(busiest, since="2025-01", until="2025-03")
    assert window.total <= met.total
    events = idb.timeline(busiest)
    assert len(events) > 0 and all(e.cameo for e in events)
    days = [e.start for e in events]
    assert days == sorted(days)
    assert len(idb.timeline(dyad="ITA:MYS")) > 0
    assert len(idb.timeline(country="CHN", since="2024-06", until="2024-06")) > 0
    rels = idb.relations(busiest)
    assert [r.kind for r in rels] in ([], ["affiliated_with"])
    assert idb.search(busiest)[0].name == busiest
    p = idb.path(busiest, second)
    assert p.found and p.actors[0].name == busiest and p.actors[-1].name == second
    assert idb.ego(busiest, hops=2).total >= idb.ego(busiest).total > 0
    # ICEWS has no posts: holders of an ICEWS actor is refused as not a post.
    with pytest.raises(bilateral.NotFoundError, match="not a post"):
        idb.holders(busiest)
    assert idb.resolve(busiest) == met.actor.id


# --- records ----------------------------------------------------------------------------------

def test_records_are_dataclasses_with_repr_and_to_dict(db):
    m = db.who_met(ANWAR)[0]
    assert dataclasses.is_dataclass(m)
    assert repr(m).startswith("Counterpart(id='person/antonio-tajani', name='Antonio Tajani'")
    assert m.to_dict() == {
        "id": "person/antonio-tajani", "name": "Antonio Tajani", "kind": "person",
        "country": "ITA", "meetings": 2, "first": "2025-07-02", "last": "2025-07-03",
        "basis": "stated", "confidence": None,
        "events": ["event/economic-roundtable-2025-07", "event/meeting-anwar-meloni-2025-07"],
        "event_basis": ["stated", "stated"], "event_confidence": [None, None],
        "side": "ITA", "rows": 2}
    e = db.timeline(dyad="ITA:MYS")[1].to_dict()  # the roundtable
    assert e["participants"][0] == {"id": "person/antonio-tajani", "name": "Antonio Tajani",
                                    "role": "opener", "basis": "stated", "confidence": None}
    assert db.stats().to_dict()["actors"] == 45
    assert db.path(ANWAR, "Giorgia Meloni").to_dict()["steps"][0]["event"]["kind"] == \
        "bilateral_meeting"


def test_results_go_straight_into_a_pandas_dataframe(db):
    pandas = pytest.importorskip("pandas")
    df = pandas.DataFrame(db.who_met(ANWAR))
    assert list(df.columns) == ["id", "name", "kind", "country", "meetings", "first", "last",
                                "basis", "confidence", "events", "event_basis",
                                "event_confidence", "side", "rows"]
    assert len(df) == 11 and df["meetings"].sum() == 12
    assert df.loc[0, "name"] == "Antonio Tajani"
    t = db.timeline(dyad="ITA:MYS").to_dataframe()
    assert list(t["id"])[:3] == ["event/embassy-inauguration-2025-06-06",
                                 "event/economic-roundtable-2025-07",
                                 "event/official-visit-2025-07"]
    empty = db.who_met(ANWAR, until="2020").to_dataframe()
    assert len(empty) == 0 and "meetings" in empty.columns
    assert len(pandas.DataFrame(db.search("ministry"))) > 0


# --- life cycle -------------------------------------------------------------------------------

def test_database_is_a_context_manager_and_closing_twice_is_harmless(bundled_db):
    with bilateral.open(bundled_db) as d:
        assert not d.closed and d.readonly and d.filename == bundled_db
        assert "read-only" in repr(d)
    assert d.closed and "closed" in repr(d)
    d.close()
    d.close()
    uses = [d.stats, lambda: d.who_met(ANWAR), lambda: d.timeline(ANWAR),
            lambda: d.relations(ANWAR), lambda: d.holders("post/ambassador-italy-malaysia"),
            lambda: d.search("x"), lambda: d.path(ANWAR, ANWAR), lambda: d.ego(ANWAR),
            lambda: d.resolve(ANWAR), d.to_networkx, d.to_igraph,
            lambda: d.import_file(BUNDLED), lambda: d.readonly, lambda: d.filename]
    for use in uses:
        with pytest.raises(bilateral.Error, match="closed") as e:
            use()
        assert type(e.value) is bilateral.Error and e.value.code == "closed"


def test_memory_database_imports_and_answers():
    with bilateral.memory() as d:
        assert d.stats().actors == 0
        s = d.import_file(BUNDLED)
        assert (s.format, s.actors, s.events, s.relations) == ("dataset", 45, 11, 51)
        assert d.who_met(ANWAR).total == 11


# --- imports ----------------------------------------------------------------------------------

def test_import_reports_progress_and_summaries(workdir):
    path = write_icews(os.path.join(workdir, "progress.tsv"), events=3000, seed=3)
    calls = []
    with bilateral.open(os.path.join(workdir, "progress.db"), readonly=False) as d:
        summary = d.import_file(path, format="icews",
                                progress=lambda f, done, total: calls.append((f, done, total)))
        assert (summary.format, summary.rows, summary.events, summary.skipped) == (
            "icews", 3000, 3000, 0)
        again = d.import_file(path)
        assert again.skipped == 3000 and again.events == 0
    size = os.path.getsize(path)
    assert calls and all(f == path and total == size for f, _, total in calls)
    assert calls[-1][1] == size
    assert [done for _, done, _ in calls] == sorted(done for _, done, _ in calls)


def test_an_exception_in_the_progress_callback_stops_the_import(workdir):
    path = write_icews(os.path.join(workdir, "abort.tsv"), events=3000, seed=4)

    class Stop(Exception):
        pass

    def progress(f, done, total):
        if done > 0:
            raise Stop("enough")

    db_path = os.path.join(workdir, "abort.db")
    with bilateral.open(db_path, readonly=False) as d:
        with pytest.raises(Stop, match="enough"):
            d.import_file(path, progress=progress)
        assert d.stats().events == 0
        d.import_file(BUNDLED)  # the database is still usable
        assert d.stats().events == 11


def test_import_files_is_all_or_nothing(workdir, icews_file):
    bad = os.path.join(workdir, "bad.tsv")
    with open(icews_file, encoding="utf-8") as f:
        lines = f.read().splitlines()
    lines[5] = lines[5].replace("\t2024-", "\t2024-13-", 1) if "\t2024-" in lines[5] else \
        lines[5].replace("\t2025-", "\t2025-13-", 1)
    with open(bad, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with bilateral.open(os.path.join(workdir, "allornothing.db"), readonly=False) as d:
        with pytest.raises(bilateral.ParseError):
            d.import_files([BUNDLED, bad])
        assert d.stats().actors == 0


def test_import_accepts_path_objects(workdir):
    import pathlib
    path = make_db(os.path.join(workdir, "pathlib.db"), BUNDLED)
    with bilateral.open(pathlib.Path(path)) as d:
        assert d.stats().events == 11
    with bilateral.memory() as d:
        assert d.import_file(pathlib.Path(BUNDLED)).events == 11


def test_a_progress_callback_cannot_use_the_database_it_imports_into(workdir):
    # It would wait for its own import; it gets an Error instead, which stops the import.
    with bilateral.open(os.path.join(workdir, "reentrant.db"), readonly=False) as d:
        with pytest.raises(bilateral.Error, match="busy") as e:
            d.import_file(BUNDLED, progress=lambda f, done, total: d.stats())
        assert e.value.code == "busy"
        assert d.stats().events == 0 and not d.closed
        seen = []
        d.import_file(BUNDLED, progress=lambda f, done, total: seen.append(d.closed))
        assert seen and not any(seen) and d.stats().events == 11
