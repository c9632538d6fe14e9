"""Hostile strings — NUL, control characters, emoji beyond the BMP, ZWJ sequences, right-to-left
marks and overrides, combining accents, quotes and SQL — go in through a dataset file and come
back through every answer exactly as written (and as the command's --json gives them)."""

import json
import os

import pytest

import bilateral
from conftest import Cli, make_db

NUL_NAME = "Nul\x00Byte\ttab\nnew line\r\ncrlf  two  spaces "
EMOJI_NAME = "Ministra 👩🏽\u200d💼 🇮🇹🇲🇾 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"
RTL_NAME = "\u200fמלזיה\u200f \u202eevil\u202c \u2067عربي\u2069 100% ; %s %n"
COMBINING_NAME = "Zoe\u0308 Ta\u0300jani \\backslash\\ \"quoted\" 'x'); DROP TABLE actor;--"
ACTORS = {
    "person/nul\x00id": NUL_NAME,
    "person/emoji-👩🏽\u200d💼": EMOJI_NAME,
    "person/rtl-\u200f": RTL_NAME,
    "person/combining": COMBINING_NAME,
}
EVENT_ID = "event/visit \x00 👩🏽\u200d💼 \u202e"
EVENT_TITLE = "Visit <of> \x01\x1f \u200f\"the\" & 'co' 🇲🇾"


@pytest.fixture(scope="module")
def hostile_db(workdir):
    dataset = {
        "format": "bilateral-dataset", "version": 1,
        "sources": [{"id": "source/s", "title": "t"}],
        "actors": [{"id": i, "kind": "person", "name": n, "country": "MYS"}
                   for i, n in ACTORS.items()],
        "events": [{
            "id": EVENT_ID, "kind": "bilateral_meeting", "title": EVENT_TITLE,
            "start": "2025-07-02",
            "participants": [{"actor": i, "role": "attendee"} for i in ACTORS],
        }],
        "relations": [{"id": "rel/\x00\u202e👩🏽\u200d💼", "kind": "partner_of",
                       "from": "person/nul\x00id", "to": "person/rtl-\u200f",
                       "evidence": [{"source": "source/s", "quote": "q\x00\u200fuote 🇮🇹"}]}],
    }
    path = os.path.join(workdir, "hostile.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(dataset, f, ensure_ascii=False)
    return make_db(os.path.join(workdir, "hostile.db"), path)


@pytest.fixture()
def hdb(hostile_db):
    with bilateral.open(hostile_db) as d:
        yield d


@pytest.mark.parametrize("actor_id", list(ACTORS))
def test_names_and_ids_come_back_exactly(hdb, actor_id):
    name = ACTORS[actor_id]
    met = hdb.who_met(actor_id, any_side=True)  # names are the point here, not sides
    assert met.actor.id == actor_id and met.actor.name == name
    assert {(m.id, m.name) for m in met} == {(i, n) for i, n in ACTORS.items() if i != actor_id}
    assert all(m.events == [EVENT_ID] for m in met)
    [event] = hdb.timeline(actor_id)
    assert (event.id, event.title) == (EVENT_ID, EVENT_TITLE)
    assert {(p.id, p.name) for p in event.participants} == set(ACTORS.items())
    assert hdb.resolve(actor_id) == actor_id
    assert hdb.ego(actor_id).total == len(ACTORS) - 1


def test_the_utf8_bytes_are_identical(hdb):
    met = hdb.who_met("person/combining", any_side=True)
    got = {m.id.encode("utf-8"): m.name.encode("utf-8") for m in met}
    want = {i.encode("utf-8"): n.encode("utf-8") for i, n in ACTORS.items()
            if i != "person/combining"}
    assert got == want


@pytest.mark.parametrize("query, actor_id", [
    ("Ministra", "person/emoji-👩🏽\u200d💼"),
    ("Byte", "person/nul\x00id"),
    ("evil", "person/rtl-\u200f"),
    ("zoe tajani", "person/combining"),
])
def test_search_finds_hostile_names_and_returns_them_exactly(hdb, query, actor_id):
    hits = hdb.search(query)
    assert [h.id for h in hits] == [actor_id]
    assert hits[0].name == ACTORS[actor_id] == hits[0].matched


def test_hostile_queries_are_plain_text(hdb):
    for text in ["\x00", "👩🏽\u200d💼", "\u202e", "\"*", "' OR 1=1 --", "NEAR(a b)", " "]:
        assert isinstance(hdb.search(text), list)
    with pytest.raises(bilateral.NotFoundError):
        hdb.who_met("person/nul")  # the id holds a NUL after "nul": no prefix match
    with pytest.raises(bilateral.NotFoundError) as e:
        hdb.who_met("nobody 👩🏽\u200d💼 \u202e")
    assert 'no actor with id or name "nobody 👩🏽\u200d💼 \u202e"' in str(e.value)
    # A C++ exception's message is a C string: it cannot hold the NUL (docs/python.md), but
    # the error is the right one and says what it is about.
    with pytest.raises(bilateral.NotFoundError) as e:
        hdb.who_met("no\x00body")
    assert str(e.value).startswith('no actor with id or name "no')


def test_relations_and_evidence_keep_hostile_text(hdb):
    [rel] = hdb.relations("person/nul\x00id")
    assert rel.id == "rel/\x00\u202e👩🏽\u200d💼"
    assert (rel.from_name, rel.to_name) == (NUL_NAME, RTL_NAME)
    assert rel.evidence[0].quote == "q\x00\u200fuote 🇮🇹"


def test_graphs_keep_hostile_text_exactly(hdb):
    # Unlike GraphML, which cannot carry NUL or other control characters (docs/graph.md), the
    # graphs built in memory hold every string as the data has it.
    g = hdb.to_networkx()
    for actor_id, name in ACTORS.items():
        assert g.nodes[actor_id]["label"] == name
    assert g.nodes[EVENT_ID]["label"] == EVENT_TITLE
    ig = hdb.to_igraph()
    assert set(ig.vs["label"]) == set(ACTORS.values()) | {EVENT_TITLE}


def test_answers_equal_the_commands_json(hdb, hostile_db):
    # A command-line argument cannot hold a NUL: the NUL actor is compared as a counterpart.
    cli = Cli(hostile_db)
    for actor_id in [a for a in ACTORS if "\x00" not in a]:
        theirs = cli.json("who-met", actor_id, "--any-side")
        assert hdb.who_met(actor_id, any_side=True).to_dicts() == theirs["counterparts"]
        theirs = cli.json("timeline", actor_id)
        mine = hdb.timeline(actor_id).to_dicts()
        assert [{k: e[k] for k in t} for e, t in zip(mine, theirs["events"])] == theirs["events"]
