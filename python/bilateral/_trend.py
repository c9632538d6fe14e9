"""[trend] The trend and pairs questions of :class:`bilateral.Database` (docs/python.md), kept
in a module of their own; the Database class inherits them."""

from __future__ import annotations

import datetime
from typing import Any, Optional, Sequence, Tuple, Union

from ._bilateral import InvalidArgumentError
from ._records import Actor, PairRow, Results, TrendRow

DateLike = Union[str, datetime.date, None]


def _dyad(dyad: Union[str, Sequence[str]]) -> Tuple[str, str]:
    if isinstance(dyad, str):
        parts = dyad.split(":")
        if len(parts) != 2 or not parts[0] or not parts[1]:
            raise InvalidArgumentError(
                'dyad: expected two country codes as "ISO3:ISO3", got %r' % dyad)
        return parts[0], parts[1]
    pair = list(dyad)
    if len(pair) != 2:
        raise InvalidArgumentError("dyad: expected two country codes, got %r" % (dyad,))
    a, b = (_h_text(x, "dyad") for x in pair)
    return a, b


class _TrendQueries:
    __slots__ = ()
    _h: Any

    def trend(self, actor: Optional[str] = None, dyad: Union[str, Sequence[str], None] = None,
              country: Optional[str] = None, directed: bool = False, by: str = "month",
              split: Optional[str] = None, since: DateLike = None,
              until: DateLike = None) -> Results:
        """The events of an ACTOR, of a ``dyad`` of countries (``"USA:CHN"``: events with
        participants of both; ``directed=True``: from a source of the first to a target of the
        second) or of a ``country`` with all its partners, counted by period — give exactly one.

        ``by`` is ``day``, ``week`` (from Monday), ``month``, ``quarter`` or ``year``; ``split``
        divides each period by ``quad_class``, ``cameo_root`` or ``kind``. An event counts in the
        period of its earliest day; undated events are not counted. Without ``since``/``until``
        the periods run from the first dated event to the last. Every period between is there,
        with zeros when it had no events (and, split by QuadClass, all four classes).

        Returns a :class:`Results` list of :class:`TrendRow`, with attributes ``actor``,
        ``dyad`` or ``country``, ``directed``, ``by``, ``split``, ``since`` and ``until`` (the
        first and last days counted). Same answer as ``bilateral trend --json``;
        ``.to_dataframe()`` makes a DataFrame to pivot or plot. Answered from figures the
        database keeps by day: the cost grows with the days asked for, not with the events.
        """
        a = b = None
        if dyad is not None:
            a, b = _dyad(dyad)
        scope, since_, until_, rows = self._h.trend(
            None if actor is None else _h_text(actor, "actor"), a, b,
            None if country is None else _h_text(country, "country"), bool(directed),
            _h_text(by, "by"), "none" if split is None else _h_text(split, "split"),
            _h_date(since, "since"), _h_date(until, "until"))
        which, value = scope
        attributes = {"actor": None, "dyad": None, "country": None}
        attributes[which] = _h_actor(value) if which == "actor" else value
        return Results([TrendRow(p, s, e, g, *f) for p, s, e, g, f in rows], record=TrendRow,
                       directed=bool(directed), by=by, split=split, since=since_, until=until_,
                       **attributes)

    def pairs(self, country: Optional[str] = None, since: DateLike = None,
              until: DateLike = None, rank: str = "events",
              limit: Optional[int] = None) -> Results:
        """Pairs of countries, or one ``country``'s partners, ranked by ``rank``: ``events``
        (the default), ``meetings``, ``cooperation`` (share of events of a cooperation
        QuadClass) or ``goldstein`` (Goldstein mean), highest first, ties by events then codes;
        counting the events whose earliest day lies in [``since``, ``until``].

        Returns a :class:`Results` list of :class:`PairRow` (the country asked about is ``a``);
        at most ``limit`` of them (``.total`` says how many there were). Same answer as
        ``bilateral pairs --json``.
        """
        since_, until_ = _h_date(since, "since"), _h_date(until, "until")
        total, rows = self._h.pairs(None if country is None else _h_text(country, "country"),
                                    since_, until_, _h_text(rank, "rank"), _h_limit(limit))
        return Results([PairRow(a, b, *f, c, k, s) for a, b, f, c, k, s in rows],
                       record=PairRow, total=total, country=country, since=since_,
                       until=until_, rank=rank)



def _h_text(value: Any, name: str) -> str:
    from . import _text  # noqa: PLC0415 - the package's own argument checks
    return _text(value, name)


def _h_date(value: Any, name: str) -> Optional[str]:
    from . import _date  # noqa: PLC0415
    return _date(value, name)


def _h_limit(value: Optional[int]) -> int:
    from . import _limit  # noqa: PLC0415
    return _limit(value)


def _h_actor(t: Tuple[Any, ...]) -> Actor:
    return Actor(*t)
