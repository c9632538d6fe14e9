"""bilateral: a typed knowledge graph of the relations between countries, from Python.

    import bilateral
    with bilateral.open("bilateral.db") as db:          # read-only by default
        for m in db.who_met("Anwar Ibrahim", since="2025"):
            print(m.name, m.meetings, m.first)
        df = pandas.DataFrame(db.who_met("Anwar Ibrahim"))   # one row per counterpart

The module wraps the C++ library (``bilateral::Database``): queries run in C++ with the GIL
released and answer with plain records (dataclasses with ``to_dict()``) whose fields follow the
JSON of the ``bilateral`` command. Dates go in as ``datetime.date`` or ISO partial-date strings
(``"2025"``, ``"2025-07"``, ``"2025-07-02"``) and come back as ISO strings, since a partial date
has no ``datetime.date``. Errors are ``bilateral.Error`` subclasses. docs/python.md says more.
"""

from __future__ import annotations

import contextlib as _contextlib
import datetime as _datetime
import gc as _gc
import os as _os
from typing import (Any, Callable, Iterable, Iterator, List, Optional, Sequence, Tuple,
                    Union)

from . import _bilateral
from ._bilateral import (AmbiguousError, Error, InvalidArgumentError, NotFoundError, ParseError,
                         SchemaVersionError, StorageError)
from ._trend import _dyad, _TrendQueries
from ._records import (Actor, ClaimedValue, Counterpart, Disagreement, EgoMember, Event,
                       Evidence, Holder, ImportSummary,
                       Link, Participant, Path, PathEvent, PathRelation, PathStep, Place,
                       PairRow, Relation, Results, SearchHit, Stats, TrendRow)

__all__ = [
    "open", "memory", "Database",
    "Error", "InvalidArgumentError", "ParseError", "NotFoundError", "AmbiguousError",
    "StorageError", "SchemaVersionError",
    "Actor", "Counterpart", "Participant", "Place", "Link", "Event", "Evidence", "Relation",
    "ClaimedValue", "Disagreement",
    "Holder", "SearchHit", "PathEvent", "PathRelation", "PathStep", "Path", "EgoMember", "Stats",
    "ImportSummary", "TrendRow", "PairRow", "Results", "EVENT_KINDS", "MEETING_KINDS",
    "RELATION_KINDS", "ACTOR_KINDS",
    "ROLES",
]

__version__ = "0.1.0"

DateLike = Union[str, _datetime.date, None]
"""A date argument: ``datetime.date`` (or ``datetime.datetime``, whose day is taken), an ISO
partial date string (``"2025"``, ``"2025-07"``, ``"2025-07-02"``), or None for none."""
Kinds = Union[str, Iterable[str], None]
"""Event kinds: an iterable of names (``["talks", "summit"]``), a comma-separated string
(``"talks,summit"``), or None for the default."""
PathLike = Union[str, "_os.PathLike[str]"]

EVENT_KINDS: Tuple[str, ...] = _bilateral.EVENT_KINDS
"""Every event kind, as the library names them."""
MEETING_KINDS: Tuple[str, ...] = _bilateral.MEETING_KINDS
"""The kinds ``who_met`` counts by default."""
RELATION_KINDS: Tuple[str, ...] = _bilateral.RELATION_KINDS
"""Every relation kind (``relations(kind=...)``)."""
ACTOR_KINDS: Tuple[str, ...] = _bilateral.ACTOR_KINDS
"""Every actor kind."""
ROLES: Tuple[str, ...] = _bilateral.ROLES
"""Every role an actor may have in an event."""


def _date(value: DateLike, name: str) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, _datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, _datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        if not value:
            raise InvalidArgumentError("%s: empty date (use None for no date)" % name)
        return value
    raise TypeError("%s: expected a datetime.date or an ISO date string such as '2025', "
                    "'2025-07' or '2025-07-02', got %s" % (name, type(value).__name__))


def _kinds(value: Kinds, name: str) -> List[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [k.strip() for k in value.split(",") if k.strip()]
    out = []
    for k in value:
        if not isinstance(k, str):
            raise TypeError("%s: expected kind names (str), got %s" % (name, type(k).__name__))
        out.append(k)
    return out


def _limit(value: Optional[int]) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("limit: expected an int or None, got %s" % type(value).__name__)
    if value < 1:
        raise InvalidArgumentError("limit: must be at least 1 (None for all), got %d" % value)
    return value


def _text(value: Any, name: str) -> str:
    if isinstance(value, str):
        return value
    raise TypeError("%s: expected str, got %s" % (name, type(value).__name__))


def _actor(t: Tuple[Any, ...]) -> Actor:
    return Actor(*t)


def _event(t: Tuple[Any, ...]) -> Event:
    e = list(t)
    e[9] = [Participant(*p) for p in e[9]]
    e[13] = Place(*e[13]) if e[13] is not None else None
    e[15] = [Link(*x) for x in e[15]]
    e[20] = [_disagreement(d) for d in e[20]]  # after goldstein, quad_class, tone, mentions
    return Event(*e)


def _disagreement(t: Tuple[Any, ...]) -> Disagreement:
    """[claims] A disagreement from its tuple, its values and their evidence as records."""
    values = [ClaimedValue(v[0], v[1], v[2], v[3], [Evidence(*x) for x in v[4]], v[5])
              for v in t[3]]
    return Disagreement(t[0], t[1], t[2], values)


def _path_event(t: Tuple[Any, ...]) -> PathEvent:
    e = list(t)
    e[11] = Place(*e[11]) if e[11] is not None else None
    return PathEvent(*e)


class Database(_TrendQueries):
    """A bilateral database file, opened with :func:`bilateral.open` (or :func:`memory`).

    Every question takes an ACTOR (or POST) as an id (``"person/anwar-ibrahim"``) or a name or
    alias naming exactly one actor, matched without regard to case, accents or apostrophe style;
    a name nobody has raises :class:`NotFoundError`, one several actors share
    :class:`AmbiguousError` (with ``.candidates``). Answers are :class:`Results` lists of records
    (or one record), plain values that outlive the database.

    A Database is a context manager (``with bilateral.open(p) as db:``); ``close()`` may be called
    any number of times; using a closed database raises :class:`Error`. One Database may be used
    from several threads: its calls then run one at a time (the GIL is released while each runs,
    so other Python threads go on). For parallel queries give each thread its own Database.
    """

    __slots__ = ("_h", "__weakref__")

    def __init__(self, handle: "_bilateral._Database") -> None:
        self._h = handle

    # --- life cycle ---------------------------------------------------------------------------

    def close(self) -> None:
        """Closes the file. Harmless on a closed database."""
        self._h.close()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._h.closed

    @property
    def filename(self) -> str:
        """The database file, as given to :func:`open` ("" for a database in memory)."""
        return self._h.filename

    @property
    def readonly(self) -> bool:
        """True when the file was opened read-only."""
        return self._h.readonly

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        if self._h.closed:
            return "<bilateral.Database (closed)>"
        mode = "read-only" if self._h.readonly else "read-write"
        return "<bilateral.Database %r %s>" % (self._h.filename, mode)

    # --- import -------------------------------------------------------------------------------

    def import_file(self, path: PathLike, format: str = "auto",
                    progress: Optional[Callable[[str, int, int], Any]] = None) -> ImportSummary:
        """Imports one file: a dataset JSON document, an ICEWS or a GDELT event file.

        ``format`` is ``"auto"`` (detect from the contents), ``"dataset"``, ``"icews"`` or
        ``"gdelt"``. ``progress(file, bytes_done, bytes_total)``, when given, is called now and
        then while the file is read; an exception it raises (or Ctrl-C) stops the import and
        nothing is written. The database must be open for writing
        (``bilateral.open(path, readonly=False)``).

        Returns what was added and skipped. Raises :class:`ParseError` (with ``file``, ``line``,
        ``column`` or ``pointer``) when the file is malformed: nothing is written then.
        """
        return self.import_files([path], format=format, progress=progress)[0]

    def import_files(self, paths: Sequence[PathLike], format: str = "auto",
                     progress: Optional[Callable[[str, int, int], Any]] = None
                     ) -> List[ImportSummary]:
        """Imports several files in one transaction: all or nothing. See :meth:`import_file`."""
        if isinstance(paths, (str, bytes, _os.PathLike)):
            raise TypeError("import_files: expected a list of paths; use import_file for one")
        files = [_os.fsdecode(p) for p in paths]
        rows = self._h.import_files(files, _text(format, "format"), progress)
        return [ImportSummary(*r) for r in rows]

    # --- questions ----------------------------------------------------------------------------

    def resolve(self, actor: str) -> str:
        """The id of an actor given by id or by a name or alias naming exactly one actor."""
        return self._h.resolve(_text(actor, "actor"))

    def who_met(self, actor: str, since: DateLike = None, until: DateLike = None,
                kinds: Kinds = None, limit: Optional[int] = None,
                phone_calls: bool = False, any_side: bool = False,
                rows: bool = False) -> Results:
        """Who met ACTOR: the actors that took part with it in an *occurred* event of a counting
        kind that may overlap the window [``since``, ``until``].

        The counting kinds are ``kinds`` when given, else :data:`MEETING_KINDS` (plus
        ``phone_call`` with ``phone_calls=True``). Planned and cancelled events never count. A
        partial date widens to the days it covers: ``since="2025-07"`` keeps an event dated
        ``2025``.

        Counterparts are on another side than ACTOR's in the event (or on none), never of its own
        delegation; ``any_side=True`` counts every co-participant but the own delegation. The
        rows of an event file that record one meeting count once (``meetings``); ``rows=True``
        ranks by raw rows instead (docs/queries.md, "Sides"; docs/event-data.md).

        Returns a :class:`Results` list of :class:`Counterpart` (id, name, kind, country,
        meetings, first, last, events, side, rows), most meetings first, then by name and id; at most
        ``limit`` of them (``.total`` says how many there were). Its attributes ``actor``,
        ``since``, ``until`` and ``kinds`` restate the question. Same answer as
        ``bilateral who-met ACTOR --json``.
        """
        who, since_, until_, kinds_, total, found = self._h.who_met(
            _text(actor, "actor"), _date(since, "since"), _date(until, "until"),
            _kinds(kinds, "kinds"), bool(phone_calls), _limit(limit), bool(any_side), bool(rows))
        return Results([Counterpart(*r) for r in found], record=Counterpart, total=total,
                       actor=_actor(who), since=since_, until=until_, kinds=kinds_)

    def timeline(self, actor: Optional[str] = None, dyad: Union[str, Sequence[str], None] = None,
                 country: Optional[str] = None, since: DateLike = None, until: DateLike = None,
                 kinds: Kinds = None, limit: Optional[int] = None,
                 rule: str = "any") -> Results:
        """The events of an ACTOR, of a ``dyad`` of countries (``"ITA:MYS"`` or
        ``("ITA", "MYS")``: events in which both take part) or of one ``country`` (ISO3) — give
        exactly one — in timeline order: earliest day, then finer dates first, then id; undated
        events last. Planned and cancelled events are included with their ``status``.

        ``kinds`` keeps only those kinds (default all); the window keeps events that may overlap
        [``since``, ``until``]. A dyad's or a country's events are there by their participants or
        by their place; ``rule="participants"`` keeps only those their participants put there
        (``"any"``, the default, keeps both). Returns a :class:`Results` list of :class:`Event`
        (with their participants); attributes ``actor`` (an :class:`Actor`), ``dyad`` or ``country``,
        ``since``, ``until``, ``kinds``, ``total``. Same answer as ``bilateral timeline --json``.
        """
        a = b = None
        if dyad is not None:
            a, b = _dyad(dyad)
        scope, since_, until_, kinds_, total, rows = self._h.timeline(
            None if actor is None else _text(actor, "actor"), a, b,
            None if country is None else _text(country, "country"),
            _date(since, "since"), _date(until, "until"), _kinds(kinds, "kinds"), _limit(limit),
            _text(rule, "rule"))
        which, value = scope
        attributes = {"actor": None, "dyad": None, "country": None}
        attributes[which] = _actor(value) if which == "actor" else value
        return Results([_event(r) for r in rows], record=Event, total=total, since=since_,
                       until=until_, kinds=kinds_, **attributes)

    def relations(self, actor: str, as_of: DateLike = None,
                  kind: Optional[str] = None) -> Results:
        """Relations from or to ACTOR; with ``as_of``, only those that certainly or possibly hold
        on that date (a day, or a whole month or year), certain ones first. ``kind`` keeps one
        relation kind (``holds_post``, ``post_of``, ``member_of``, ``part_of``, ``partner_of``,
        ``represents``, ``chairs``, ``affiliated_with``, ``same_as``).

        Returns a :class:`Results` list of :class:`Relation` (with their evidence); attributes
        ``actor``, ``as_of``, ``kind``. Same answer as ``bilateral relations ACTOR --json``.
        """
        who, as_of_, kind_, rows = self._h.relations(
            _text(actor, "actor"), _date(as_of, "as_of"),
            None if kind is None else _text(kind, "kind"))
        out = []
        for r in rows:
            r = list(r)
            r[9] = [Evidence(*e) for e in r[9]]
            out.append(Relation(*r))
        return Results(out, record=Relation, actor=_actor(who), as_of=as_of_, kind=kind_)

    def holders(self, post: str, on: DateLike = None) -> Results:
        """The persons holding POST (an actor of kind ``post``) through ``holds_post``
        relations; with ``on``, those who certainly or possibly held it on that date, certain
        ones first, then by start of tenure.

        Returns a :class:`Results` list of :class:`Holder`; attributes ``post`` (an
        :class:`Actor`) and ``on``. POST is a post's id or name, or a title ("Italian Ambassador
        to Malaysia"); another kind of actor raises :class:`NotFoundError` saying a post is wanted.
        Same answer as ``bilateral holders POST --json``.
        """
        post_, on_, rows = self._h.holders(_text(post, "post"), _date(on, "on"))
        return Results([Holder(*r) for r in rows], record=Holder, post=_actor(post_), on=on_)

    def search(self, text: str, limit: int = 20) -> Results:
        """Actors whose name or alias contains every word of ``text`` (the last may be the start
        of a word), ignoring case, accents and apostrophe style; exact names first, then by
        relevance. No character of ``text`` is search syntax.

        Returns a :class:`Results` list of :class:`SearchHit`, at most ``limit`` (default 20);
        attribute ``query``. Same answer as ``bilateral search TEXT --json``.
        """
        text = _text(text, "text")
        rows = self._h.search(text, _limit(limit))
        return Results([SearchHit(*r) for r in rows], record=SearchHit, query=text)

    def path(self, a: str, b: str, through: str = "both", max_hops: int = 6,
             max_visited: int = 200000) -> Path:
        """A shortest chain of actors from ``a`` to ``b``. Two actors are adjacent when they took
        part in the same event (``through="events"``; planned and cancelled ones too), when a
        relation joins them (``"relations"``), or either (``"both"``). Each step names its
        evidence: the earliest event both took part in that occurred (else the earliest other
        one), or a relation.

        Returns a :class:`Path`; ``found`` is False when no path exists. Raises
        :class:`NotFoundError` when the search stopped at ``max_hops`` or ``max_visited`` before
        deciding. Same answer as ``bilateral path A B --json``.
        """
        frm, to, through_, found, hops, actors, steps, visited = self._h.path(
            _text(a, "a"), _text(b, "b"), _text(through, "through"), int(max_hops),
            int(max_visited))
        out = []
        for s in steps:
            event = _path_event(s[2]) if s[2] is not None else None
            relation = PathRelation(*s[3]) if s[3] is not None else None
            out.append(PathStep(s[0], s[1], event, relation))
        return Path(_actor(frm), _actor(to), through_, found, hops,
                    [_actor(x) for x in actors], out, visited)

    def ego(self, actor: str, hops: int = 1, through: str = "both",
            limit: Optional[int] = None) -> Results:
        """The actors within ``hops`` of ACTOR (sharing an event, joined by a relation, or
        either: ``through``), nearest first, then by id; the actor itself excluded.

        Returns a :class:`Results` list of :class:`EgoMember`; attributes ``actor``, ``hops``,
        ``through``, ``total``. Same answer as ``bilateral ego ACTOR --json``.
        """
        who, total, rows = self._h.ego(_text(actor, "actor"), int(hops),
                                       _text(through, "through"), _limit(limit))
        return Results([EgoMember(*r) for r in rows], record=EgoMember, total=total,
                       actor=_actor(who), hops=int(hops), through=through)

    def disagreements(self) -> Results:
        """[claims] Every fact whose sources disagree (``bilateral disagreements``): a
        :class:`Disagreement` per field of an event, a participation or a relation, with each
        source's value, its evidence and quotes, the preferred value marked."""
        return Results([_disagreement(d) for d in self._h.disagreements()], Disagreement)

    def stats(self) -> Stats:
        """Counts of what the database holds, by table and by kind (kept at import: nothing is
        scanned). Same answer as ``bilateral stats --json``."""
        return Stats(*self._h.stats())

    # --- graphs -------------------------------------------------------------------------------

    def to_networkx(self, since: DateLike = None, until: DateLike = None, kinds: Kinds = None,
                    node_ids: str = "bilateral") -> Any:
        """The graph as a ``networkx.MultiDiGraph``, built directly (no file in between), with
        the attributes of the GraphML export (docs/graph.md).

        Nodes are actors and events: ``bilateral_id``, ``kind`` (``actor``/``event``), ``type``,
        ``label``, ``country``, ``start``, ``end``, ``status``, ``location``, ``parent``,
        ``cameo``, ``evidence_count``; edges are participations (actor → event: ``role``) and
        relations (from → to): ``bilateral_id``, ``kind``, ``type``, ``role``, ``label``,
        ``start``, ``end``, ``evidence_count``. As in GraphML, an empty value is absent. Graph
        attributes: ``description``, ``window_from``, ``window_to``, ``event_kinds``.

        ``since``/``until``/``kinds`` keep the events that may overlap the window and have those
        kinds, the actors that took part in them and the relations that may hold then, as
        ``bilateral export --from --to --kinds`` does. Nodes are keyed by the data's ids
        (``node_ids="bilateral"``), or by GraphML's ``n0``, ``n1``, ... (``"graphml"``), which is
        needed when an actor and an event share an id. Needs networkx.
        """
        import networkx  # noqa: PLC0415 - optional dependency

        if node_ids not in ("bilateral", "graphml"):
            raise InvalidArgumentError("node_ids: expected 'bilateral' or 'graphml', got %r"
                                       % (node_ids,))
        with _no_gc():
            attributes, node, succ, pred = self._h.graph_networkx(
                _date(since, "since"), _date(until, "until"), _kinds(kinds, "kinds"),
                node_ids == "graphml")
            g = networkx.MultiDiGraph()
            g.graph.update(attributes)
            if _networkx_internals(g):
                # The C++ side built the very dicts a MultiDiGraph is made of (its node, succ and
                # pred mappings, edge keys numbered as add_edges_from numbers them): filling the
                # empty graph's own dicts with them is much faster than adding edge by edge.
                g._node.update(node)
                g._succ.update(succ)
                g._pred.update(pred)
            else:  # a NetworkX whose internals differ: the public API
                g.add_nodes_from(node.items())
                g.add_edges_from((u, v, key, d) for u, nbrs in succ.items()
                                 for v, keys in nbrs.items() for key, d in keys.items())
        return g

    def to_igraph(self, since: DateLike = None, until: DateLike = None,
                  kinds: Kinds = None) -> Any:
        """The graph as a directed ``igraph.Graph``, built directly (no file in between), with
        the vertex and edge attributes of the GraphML export (see :meth:`to_networkx`); vertices
        are numbered as GraphML's ``n0``, ``n1``, ... (actors first, then events, each by id),
        and a value the data lacks is ``None``. Same filters as :meth:`to_networkx`. Needs
        python-igraph.
        """
        import igraph  # noqa: PLC0415 - optional dependency

        with _no_gc():
            attributes, n, pairs, vertex_attrs, edge_attrs = self._h.graph_columns(
                _date(since, "since"), _date(until, "until"), _kinds(kinds, "kinds"), None)
            return igraph.Graph(n=n, edges=pairs, directed=True, graph_attrs=attributes,
                                vertex_attrs=vertex_attrs, edge_attrs=edge_attrs)


@_contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pauses the cyclic garbage collector while millions of dicts and tuples are made: none of
    them can be garbage yet, and each collection would walk them all again."""
    enabled = _gc.isenabled()
    _gc.disable()
    try:
        yield
    finally:
        if enabled:
            _gc.enable()


def _networkx_internals(g: Any) -> bool:
    """Whether g is an empty MultiDiGraph laid out as NetworkX 2.x and 3.x lay it out: plain
    dicts _node, _succ (the same object as _adj) and _pred."""
    try:
        return (type(g._node) is dict and type(g._succ) is dict and type(g._pred) is dict
                and g._succ is g._adj and not g._node and not g._succ and not g._pred)
    except AttributeError:
        return False


def open(path: PathLike, readonly: bool = True, create: bool = True) -> Database:  # noqa: A001
    """Opens a database file, or a PostgreSQL server's database by its URL
    (``postgresql://user@host:port/database``; the password from ``~/.pgpass`` or
    ``PGPASSWORD``, never shown: ``filename`` and errors give the URL without it).

    ``readonly=True`` (the default) never writes the file: it must exist and be up to date.
    With ``readonly=False`` a missing file is created (unless ``create=False``) and an older one
    migrated. Raises :class:`StorageError` (missing, not a bilateral database, unreadable) or
    :class:`SchemaVersionError` (written by a newer bilateral).
    """
    return Database(_bilateral._Database(_os.fsdecode(path), bool(readonly), bool(create)))


def memory() -> Database:
    """A new, empty database in memory, for tests and scratch work."""
    return Database(_bilateral._Database.memory())
