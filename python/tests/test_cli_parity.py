"""The Python answers equal the command's `--json` answers, field by field, on the bundled
dataset and on a small ICEWS file. Where the command nests {"from", "to"} objects the records
are flat (from_id, valid_from, ...): `flat_*` below maps one shape to the other."""

import pytest

from conftest import Cli, icews_names


def flat_relation(r):
    return {"id": r["id"], "kind": r["kind"], "from_id": r["from"]["id"],
            "from_name": r["from"]["name"], "to_id": r["to"]["id"], "to_name": r["to"]["name"],
            "valid_from": r["valid"]["from"], "valid_to": r["valid"]["to"],
            "certainty": r["certainty"],
            "evidence": [dict(e, span=None if e["span"] is None else tuple(e["span"]))
                         for e in r["evidence"]]}


def flat_holder(h):
    out = {k: h[k] for k in ("id", "name", "kind", "country", "relation", "certainty")}
    out["valid_from"], out["valid_to"] = h["valid"]["from"], h["valid"]["to"]
    return out


def flat_path(p):
    steps = [{"from_id": s["from"], "to_id": s["to"], "event": s["event"],
              "relation": s["relation"]} for s in p["steps"]]
    return {"from_actor": p["from"], "to_actor": p["to"], "through": p["through"],
            "found": p["found"], "hops": p["hops"], "actors": p["actors"], "steps": steps}


def same_keys(mine, theirs):
    """`mine` restricted to the command's keys (the records may carry more, e.g. cameo)."""
    return {k: mine[k] for k in theirs}


def as_json(x):
    """A record's dict as JSON has it: Python's (start, end) span tuples become lists."""
    if isinstance(x, dict):
        return {k: as_json(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [as_json(v) for v in x]
    return x


def check_who_met(db, cli, actor, *args, **kwargs):
    mine = db.who_met(actor, **kwargs)
    theirs = cli.json("who-met", actor, *args)
    assert mine.actor.to_dict() == theirs["actor"]
    assert (mine.since, mine.until, mine.kinds, mine.total) == (
        theirs["from"], theirs["to"], theirs["kinds"], theirs["total"])
    assert mine.to_dicts() == theirs["counterparts"]
    return mine


def check_timeline(db, cli, args, **kwargs):
    mine = db.timeline(**kwargs)
    theirs = cli.json("timeline", *args)
    assert (mine.since, mine.until, mine.kinds, mine.total) == (
        theirs["from"], theirs["to"], theirs["kinds"], theirs["total"])
    if "actor" in theirs:
        assert mine.actor.to_dict() == theirs["actor"]
    if "dyad" in theirs:
        assert list(mine.dyad) == theirs["dyad"]
    if "country" in theirs:
        assert mine.country == theirs["country"]
    assert len(mine) == len(theirs["events"])
    for e, t in zip(mine, theirs["events"]):
        assert as_json(same_keys(e.to_dict(), t)) == t
    return mine


def check_relations(db, cli, actor, *args, **kwargs):
    mine = db.relations(actor, **kwargs)
    theirs = cli.json("relations", actor, *args)
    assert mine.actor.to_dict() == theirs["actor"]
    assert (mine.as_of, mine.kind) == (theirs["as_of"], theirs["kind"])
    assert mine.to_dicts() == [flat_relation(r) for r in theirs["relations"]]
    return mine


def check_holders(db, cli, post, *args, **kwargs):
    mine = db.holders(post, **kwargs)
    theirs = cli.json("holders", post, *args)
    assert mine.post.to_dict() == theirs["post"] and mine.on == theirs["on"]
    assert mine.to_dicts() == [flat_holder(h) for h in theirs["holders"]]
    return mine


def check_search(db, cli, text, *args, **kwargs):
    mine = db.search(text, **kwargs)
    theirs = cli.json("search", text, *args)
    assert mine.query == theirs["query"]
    assert mine.to_dicts() == theirs["hits"]
    return mine


def check_path(db, cli, a, b, *args, **kwargs):
    mine = db.path(a, b, **kwargs)
    theirs = cli.json("path", a, b, *args)
    d = mine.to_dict()
    del d["visited"]
    assert d == flat_path(theirs)
    return mine


def check_ego(db, cli, actor, *args, **kwargs):
    mine = db.ego(actor, **kwargs)
    theirs = cli.json("ego", actor, *args)
    assert mine.actor.to_dict() == theirs["actor"]
    assert (mine.hops, mine.through, mine.total) == (
        theirs["hops"], theirs["through"], theirs["total"])
    assert mine.to_dicts() == theirs["actors"]
    return mine


def check_stats(db, cli):
    mine = db.stats().to_dict()
    theirs = cli.json("stats")
    for k in ("actors_by_kind", "events_by_kind", "relations_by_kind"):
        theirs.setdefault(k, {})  # the command leaves out an empty one
    assert mine == theirs


# --- the bundled dataset ----------------------------------------------------------------------

@pytest.fixture()
def cli(bundled_db):
    return Cli(bundled_db)


ACTORS = ["Anwar Ibrahim", "Giorgia Meloni", "Antonio Tajani", "country/ITA", "bloc/asean",
          "post/ambassador-italy-malaysia", "group/roundtable-ministers"]


@pytest.mark.parametrize("actor", ACTORS)
def test_who_met_equals_the_commands(db, cli, actor):
    check_who_met(db, cli, actor)
    check_who_met(db, cli, actor, "--phone-calls", phone_calls=True)
    check_who_met(db, cli, actor, "--from", "2025-07", "--to", "2025-07-02",
                  since="2025-07", until="2025-07-02")
    check_who_met(db, cli, actor, "--kinds", "official_visit,invitation",
                  kinds=["official_visit", "invitation"])
    check_who_met(db, cli, actor, "--limit", "2", limit=2)


def test_who_met_equals_the_commands_with_counterparts(db, cli):
    assert len(check_who_met(db, cli, "Anwar Ibrahim")) == 11
    assert len(check_who_met(db, cli, "Giorgia Meloni", "--any-side", any_side=True)) == 9
    assert len(check_who_met(db, cli, "Giorgia Meloni", "--rows", rows=True)) == 7


@pytest.mark.parametrize("actor", ACTORS)
def test_actor_timelines_equal_the_commands(db, cli, actor):
    check_timeline(db, cli, [actor], actor=actor)
    check_timeline(db, cli, [actor, "--kinds", "talks,roundtable", "--from", "2025"],
                   actor=actor, kinds="talks,roundtable", since="2025")


def test_dyad_and_country_timelines_equal_the_commands(db, cli):
    dyad = check_timeline(db, cli, ["--dyad", "ITA:MYS"], dyad="ITA:MYS")
    assert len(dyad) == 9
    # [places] the embassy's inauguration in Kuala Lumpur is in the dyad by its place
    by_id = {e.id: e for e in dyad}
    embassy = by_id["event/embassy-inauguration-2025-06-06"]
    assert (embassy.in_dyad, embassy.place.country) == ("place", "MYS")
    invitation = by_id["event/invitation-meloni-to-kuala-lumpur"]
    assert [(x.kind, x.direction, x.event) for x in invitation.links] == [
        ("leads_to", "to", "event/planned-official-visit-meloni-kuala-lumpur"),
        ("answers", "from", "event/acceptance-meloni-invitation-kuala-lumpur")]
    check_timeline(db, cli, ["--dyad", "mys:ita", "--limit", "3"], dyad=("mys", "ita"), limit=3)
    check_timeline(db, cli, ["--country", "ITA"], country="ITA")
    check_timeline(db, cli, ["--country", "MYS", "--from", "2025-06", "--to", "2025-07-02"],
                   country="MYS", since="2025-06", until="2025-07-02")


@pytest.mark.parametrize("actor", ACTORS + ["person/massimo-rustico"])
def test_relations_equal_the_commands(db, cli, actor):
    check_relations(db, cli, actor)
    check_relations(db, cli, actor, "--as-of", "2025-03-01", as_of="2025-03-01")
    check_relations(db, cli, actor, "--as-of", "2025", "--kind", "member_of", as_of="2025",
                    kind="member_of")


@pytest.mark.parametrize("on", [None, "2023-01-01", "2025-06", "2021", "2025-07-02"])
def test_holders_equal_the_commands(db, cli, on):
    args = ["--on", on] if on else []
    for post in ("Ambassador of Italy to Malaysia", "post/ambassador-italy-malaysia"):
        check_holders(db, cli, post, *args, on=on)


@pytest.mark.parametrize("text", ["anwar", "tajàni", "societa italiana", "dato' seri",
                                  "ministry", "m", "nobody at all", '"quoted" OR *'])
def test_search_equals_the_commands(db, cli, text):
    check_search(db, cli, text)
    check_search(db, cli, text, "--limit", "2", limit=2)


@pytest.mark.parametrize("through", ["both", "events", "relations"])
def test_paths_equal_the_commands(db, cli, through):
    pairs = [("Antonio Tajani", "Massimo Rustico"), ("Giorgia Meloni", "Anwar Ibrahim"),
             ("bloc/asean", "person/antonio-tajani"), ("Anwar Ibrahim", "Anwar Ibrahim")]
    for a, b in pairs:
        check_path(db, cli, a, b, "--through", through, through=through)


@pytest.mark.parametrize("hops", [1, 2, 3])
def test_ego_networks_equal_the_commands(db, cli, hops):
    for actor in ("Anwar Ibrahim", "bloc/asean"):
        check_ego(db, cli, actor, "--hops", str(hops), hops=hops)
        check_ego(db, cli, actor, "--hops", str(hops), "--through", "relations", "--limit", "3",
                  hops=hops, through="relations", limit=3)


def test_stats_equal_the_commands(db, cli):
    check_stats(db, cli)


# --- a small ICEWS file -----------------------------------------------------------------------

@pytest.fixture()
def icli(icews_db):
    return Cli(icews_db)


def test_icews_answers_equal_the_commands(idb, icli, icews_file):
    names = icews_names(icews_file, 8)
    for name in names:
        met = check_who_met(idb, icli, name)
        check_who_met(idb, icli, name, "--from", "2024-03", "--to", "2024-09",
                      since="2024-03", until="2024-09")
        check_who_met(idb, icli, name, "--kinds", "coded_event,talks",
                      kinds=["coded_event", "talks"])
        check_timeline(idb, icli, [name], actor=name)
        check_relations(idb, icli, name)
        check_search(idb, icli, name)
        check_ego(idb, icli, name, "--hops", "2", hops=2)
        assert met.actor.name == name
    for a, b in zip(names, reversed(names)):
        check_path(idb, icli, a, b)
    check_timeline(idb, icli, ["--dyad", "ITA:CHN"], dyad="ITA:CHN")
    check_timeline(idb, icli, ["--country", "USA", "--from", "2025"], country="USA", since="2025")
    check_stats(idb, icli)


def test_the_icews_comparison_compares_something(idb, icews_file):
    # Guard against a vacuous comparison: the busiest ICEWS actors did meet people.
    names = icews_names(icews_file, 8)
    assert sum(idb.who_met(n, kinds=["coded_event", "talks"]).total for n in names) > 0
    assert sum(len(idb.timeline(n)) for n in names) > 50
