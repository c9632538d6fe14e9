"""The records bilateral's answers are made of: plain dataclasses of str, int, float, bool, None
and lists, so that a list of them goes straight into ``pandas.DataFrame(...)``.

Field names follow the JSON of the ``bilateral`` command (docs/cli.md); where the command nests
``{"from": ..., "to": ...}`` objects, a record has flat ``from_id``/``valid_from``-style fields
(``from`` is a Python keyword). Dates are ISO strings (``"2025"``, ``"2025-07"``,
``"2025-07-02"``) or None: a partial date has no ``datetime.date``.
"""

from __future__ import annotations

import dataclasses
import sys
from typing import Any, Dict, List, Optional, Tuple

__all__ = [
    "Actor", "Counterpart", "Participant", "Place", "Link", "Event", "Evidence", "Relation",
    "ClaimedValue", "Disagreement",
    "Holder", "SearchHit", "PathEvent", "PathRelation", "PathStep", "Path", "EgoMember", "Stats",
    "ImportSummary", "TrendRow", "PairRow", "Results",
]

if sys.version_info >= (3, 10):
    _record = dataclasses.dataclass(slots=True)
else:  # pragma: no cover - Debian's python3 is 3.11
    _record = dataclasses.dataclass


class _Record:
    __slots__ = ()

    def to_dict(self) -> Dict[str, Any]:
        """The record as a dict (nested records become dicts too)."""
        return dataclasses.asdict(self)  # type: ignore[call-overload]


@_record
class Actor(_Record):
    """An actor: ``id`` (``person/anwar-ibrahim``), ``name``, ``kind`` (``person``, ``country``,
    ...) and ``country`` (an ISO3 code, or None)."""
    id: str
    name: str
    kind: str
    country: Optional[str]


@_record
class Counterpart(_Record):
    """One counterpart of ``who_met``: the actor, how many distinct meetings it shared with the
    one asked about (``meetings``), the starts of the earliest and latest dated ones (``first``,
    ``last``; None when none is dated), what "they met" rests on at best (``basis``:
    ``stated``, ``inferred`` or ``reference``, and its ``confidence``, None when not assessed),
    the event ids in timeline order (``events``) and, for each, what "they met there" rests on
    (``event_basis``, ``event_confidence``: the weaker of the two participations),
    the side it acted for (``side``: a country code or a bloc's id; None when it had none) and
    the event rows recording those meetings (``rows``: an event file's rows of one meeting count
    once in ``meetings``)."""
    id: str
    name: str
    kind: str
    country: Optional[str]
    meetings: int
    first: Optional[str]
    last: Optional[str]
    basis: Optional[str]
    confidence: Optional[float]
    events: List[str]
    event_basis: List[Optional[str]]
    event_confidence: List[Optional[float]]
    side: Optional[str]
    rows: int


@_record
class Participant(_Record):
    """An actor's part in an event: ``id``, ``name`` and ``role`` (``host``, ``guest``, ...),
    and what it rests on: ``basis`` (``stated``, ``inferred``, ``reference``; None without
    evidence) and ``confidence`` (None when not assessed)."""
    id: str
    name: str
    role: str
    basis: Optional[str]
    confidence: Optional[float]


@_record
class Place(_Record):
    """Where an event took place: its ``name`` and ``country`` (an ISO3 code); each None when
    the data does not say."""
    name: Optional[str]
    country: Optional[str]


@_record
class Link(_Record):
    """A link of an event to or from another: the link's ``id``, its ``kind`` (``leads_to``,
    ``answers``, ``follows_up``), ``direction`` (``to``: this event links to the other;
    ``from``: the other links to this one) and the other ``event``'s id and ``title``."""
    id: str
    kind: str
    direction: str
    event: str
    title: str


@_record
class Event(_Record):
    """An event of a timeline. ``start`` and ``end`` are its own dates or, when it has none,
    those of the event it took place within (then ``dated_by_parent`` is True); ``parent`` is
    that event's id; ``status`` is ``occurred``, ``planned`` or ``cancelled``; ``evidence`` counts
    the evidence records of the event itself; ``cameo`` is the CAMEO code of a coded event;
    ``basis`` and ``confidence`` say what its place in the timeline rests on: its own evidence,
    weakened by the participations that put it there (inferred ones make it inferred);
    ``place`` is where it took place (None when unknown); ``in_dyad`` says, in a dyad's or a
    country's timeline, which rule put it there (``participants`` or ``place``; else None);
    ``links`` are its links to and from other events; ``disagreements`` the fields its sources
    disagree about (empty when they agree), each source's value with its evidence."""
    id: str
    kind: str
    title: str
    status: str
    start: Optional[str]
    end: Optional[str]
    dated_by_parent: bool
    parent: Optional[str]
    evidence: int
    participants: List[Participant]
    cameo: Optional[str]
    basis: Optional[str]
    confidence: Optional[float]
    place: Optional[Place]
    in_dyad: Optional[str]
    links: List[Link]
    disagreements: List["Disagreement"]


@_record
class Evidence(_Record):
    """What a fact rests on: the ``source`` id, the ``span`` of its text (start, end) in code
    points, the ``quote``, the ``basis`` (``stated``, ``inferred``, ``reference``), a
    ``confidence`` and a ``note``; each None when the data does not say."""
    source: str
    span: Optional[Tuple[int, int]]
    quote: Optional[str]
    basis: str
    confidence: Optional[float]
    note: Optional[str]


@_record
class ClaimedValue(_Record):
    """One source's value of a field its sources disagree about: the ``source`` id (None for a
    record's own account without a source), the ``value`` as a dataset gives it
    (``"2025-07-03"``, ``"working_visit"``), whether it is the ``preferred`` value answers use,
    whether it is the record's ``own`` account, the ``evidence`` (with its quotes) and the
    claim's ``note``."""
    source: Optional[str]
    value: str
    preferred: bool
    own: bool
    evidence: List[Evidence]
    note: Optional[str]


@_record
class Disagreement(_Record):
    """A field whose sources give different values: the ``record`` (event or relation id), the
    ``actor`` of a participation (None for the record itself), the ``field`` (``start``,
    ``end``, ``kind``, ``status``, ``role``, ``valid.from``, ``valid.to``) and each source's
    value (``values``, the own account first)."""
    record: str
    actor: Optional[str]
    field: str
    values: List[ClaimedValue]


@_record
class Relation(_Record):
    """A relation from or to the actor asked about. ``valid_from``/``valid_to`` bound its
    validity (None: open or unknown); ``certainty`` is ``certainly`` or ``possibly`` when a date
    was asked about, else None."""
    id: str
    kind: str
    from_id: str
    from_name: str
    to_id: str
    to_name: str
    valid_from: Optional[str]
    valid_to: Optional[str]
    certainty: Optional[str]
    evidence: List[Evidence]


@_record
class Holder(_Record):
    """A person holding a post: the person, the ``holds_post`` ``relation`` id, its validity and,
    when a date was asked about, the ``certainty`` that it held then."""
    id: str
    name: str
    kind: str
    country: Optional[str]
    relation: str
    valid_from: Optional[str]
    valid_to: Optional[str]
    certainty: Optional[str]


@_record
class SearchHit(_Record):
    """An actor found by ``search``: ``matched`` is the name or alias that matched; ``score`` is
    higher for better matches (comparable within one answer only)."""
    id: str
    name: str
    kind: str
    country: Optional[str]
    matched: str
    score: float


@_record
class PathEvent(_Record):
    """The event joining two consecutive actors of a path: the fields of :class:`Event`
    without participants, the rule of a timeline and links."""
    id: str
    kind: str
    title: str
    status: str
    start: Optional[str]
    end: Optional[str]
    dated_by_parent: bool
    parent: Optional[str]
    evidence: int
    basis: Optional[str]
    confidence: Optional[float]
    place: Optional[Place]


@_record
class PathRelation(_Record):
    """The relation joining two consecutive actors of a path."""
    id: str
    kind: str


@_record
class PathStep(_Record):
    """One step of a path, from actor ``from_id`` to ``to_id``: either an ``event`` or a
    ``relation`` (the other is None)."""
    from_id: str
    to_id: str
    event: Optional[PathEvent]
    relation: Optional[PathRelation]


@_record
class Path(_Record):
    """A shortest path between two actors. ``found`` says whether there is one; ``hops`` is its
    length (None when not found, 0 from an actor to itself); ``actors`` lists both ends and
    everything between; ``steps[i]`` joins ``actors[i]`` and ``actors[i + 1]``."""
    from_actor: Actor
    to_actor: Actor
    through: str
    found: bool
    hops: Optional[int]
    actors: List[Actor]
    steps: List[PathStep]
    visited: int

    def __len__(self) -> int:
        return len(self.steps)


@_record
class EgoMember(_Record):
    """An actor of an ego network, ``hops`` away from the centre."""
    id: str
    name: str
    kind: str
    country: Optional[str]
    hops: int


@_record
class Stats(_Record):
    """What a database holds: counts by table, and by kind (kinds with no record are absent);
    ``event_links`` counts the links between events."""
    sources: int
    actors: int
    events: int
    participations: int
    relations: int
    evidence: int
    actors_by_kind: Dict[str, int]
    events_by_kind: Dict[str, int]
    relations_by_kind: Dict[str, int]
    event_links: int


@_record
class ImportSummary(_Record):
    """What importing one file added (``sources`` ... ``relations``: added or updated) and
    skipped (rows already present); ``rows`` is how many records the file held."""
    file: str
    format: str
    rows: int
    sources: int
    actors: int
    events: int
    participations: int
    relations: int
    skipped: int


@_record
class TrendRow(_Record):
    """One period of ``trend`` (one group of it, when split): the ``period`` (``2018-01-05``,
    ``2018-W01``, ``2018-01``, ``2018-Q1``, ``2018``), its first and last days (``start``,
    ``end``), the ``group`` of the split (a QuadClass, CAMEO root or event kind; None when not
    split), and its figures: ``events`` (rows), ``meetings`` (the rows of one meeting once),
    ``goldstein_events`` (events with a score), ``goldstein_sum``, ``goldstein_mean`` and
    ``tone`` (the mean of GDELT's AvgTone weighted by mentions); the means are None when no
    event has the measure. Periods without events have zeros."""
    period: str
    start: str
    end: str
    group: Optional[str]
    events: int
    meetings: int
    goldstein_events: int
    goldstein_sum: float
    goldstein_mean: Optional[float]
    tone: Optional[float]


@_record
class PairRow(_Record):
    """One pair of countries of ``pairs`` (``a`` is the country asked about, when one was): its
    figures as in :class:`TrendRow`, the events of a cooperation QuadClass
    (``cooperation_events``), the events with a QuadClass (``classified_events``) and their
    ratio (``cooperation_share``, None when no event has a QuadClass)."""
    a: str
    b: str
    events: int
    meetings: int
    goldstein_events: int
    goldstein_sum: float
    goldstein_mean: Optional[float]
    tone: Optional[float]
    cooperation_events: int
    classified_events: int
    cooperation_share: Optional[float]


class Results(list):  # type: ignore[type-arg]
    """A list of records with what the answer says about itself as attributes: ``total`` (how
    many there were before ``limit`` cut the list) and the question's own terms (``actor``,
    ``since``, ``until``, ``kinds``, ...). It is a plain ``list`` otherwise:
    ``pandas.DataFrame(results)`` makes one row per record."""

    def __init__(self, items: Any = (), record: Optional[type] = None, **attributes: Any) -> None:
        super().__init__(items)
        self._record = record
        self.total: int = attributes.pop("total", len(self))
        self.__dict__.update(attributes)

    @property
    def cut(self) -> bool:
        """True when ``limit`` left records out (``len(self) < total``)."""
        return len(self) < self.total

    def to_dicts(self) -> List[Dict[str, Any]]:
        """The records as dicts."""
        return [r.to_dict() for r in self]

    def to_dataframe(self) -> Any:
        """A ``pandas.DataFrame`` with one row per record (needs pandas)."""
        import pandas  # noqa: PLC0415 - optional dependency

        if self:
            return pandas.DataFrame(self)
        columns = [f.name for f in dataclasses.fields(self._record)] if self._record else []
        return pandas.DataFrame(columns=columns)

    def __repr__(self) -> str:
        extra = "".join(", %s=%r" % (k, v) for k, v in self.__dict__.items()
                        if k != "total" and not k.startswith("_"))
        return "Results(%s, total=%d%s)" % (list.__repr__(self), self.total, extra)
