# Type stubs of the compiled extension bilateral._bilateral (python/src/*.cpp). The public API is
# the package bilateral (bilateral/__init__.py, typed inline; py.typed marks it); this module's
# answers are the tuples the package turns into records (bilateral/_records.py).

from typing import Any, Callable, Dict, List, Optional, Tuple

EVENT_KINDS: Tuple[str, ...]
MEETING_KINDS: Tuple[str, ...]
RELATION_KINDS: Tuple[str, ...]
ACTOR_KINDS: Tuple[str, ...]
ROLES: Tuple[str, ...]

class Error(Exception):
    code: str

class InvalidArgumentError(Error, ValueError): ...

class ParseError(Error, ValueError):
    file: Optional[str]
    location: Optional[str]
    reason: Optional[str]
    line: Optional[int]
    column: Optional[int]
    pointer: Optional[str]

class NotFoundError(Error, LookupError): ...

class AmbiguousError(Error, LookupError):
    candidates: List[str]

class StorageError(Error):
    sqlite_code: int
    extended_code: int
    statement: str

class SchemaVersionError(Error): ...

_ActorTuple = Tuple[str, str, str, Optional[str]]
_DateText = Optional[str]

class _Database:
    def __init__(self, path: str, readonly: bool, create: bool) -> None: ...
    @staticmethod
    def memory() -> _Database: ...
    def close(self) -> None: ...
    @property
    def closed(self) -> bool: ...
    @property
    def filename(self) -> str: ...
    @property
    def readonly(self) -> bool: ...
    def import_files(
        self, files: List[str], format: str,
        progress: Optional[Callable[[str, int, int], Any]]
    ) -> List[Tuple[str, str, int, int, int, int, int, int, int]]: ...
    def resolve(self, actor: str) -> str: ...
    def who_met(
        self, actor: str, since: _DateText, until: _DateText, kinds: List[str],
        phone_calls: bool, limit: int, any_side: bool, rows: bool
    ) -> Tuple[_ActorTuple, _DateText, _DateText, List[str], int, List[Tuple[Any, ...]]]: ...
    def timeline(
        self, actor: Optional[str], country_a: Optional[str], country_b: Optional[str],
        country: Optional[str], since: _DateText, until: _DateText, kinds: List[str], limit: int
    ) -> Tuple[Tuple[str, Any], _DateText, _DateText, List[str], int, List[Tuple[Any, ...]]]: ...
    # Each event tuple: id, kind, title, status, start, end, dated_by_parent, parent, evidence,
    # participants, cameo, place (name, country) or None, in_dyad or None, links (id, kind,
    # direction, event, title).
    def relations(
        self, actor: str, as_of: _DateText, kind: Optional[str]
    ) -> Tuple[_ActorTuple, _DateText, Optional[str], List[Tuple[Any, ...]]]: ...
    def holders(
        self, post: str, on: _DateText
    ) -> Tuple[_ActorTuple, _DateText, List[Tuple[Any, ...]]]: ...
    def search(self, text: str, limit: int) -> List[Tuple[str, str, str, Optional[str], str, float]]: ...
    def path(
        self, a: str, b: str, through: str, max_hops: int, max_visited: int
    ) -> Tuple[_ActorTuple, _ActorTuple, str, bool, Optional[int], List[_ActorTuple],
               List[Tuple[str, str, Optional[Tuple[Any, ...]], Optional[Tuple[str, str]]]],
               int]: ...
    def ego(
        self, actor: str, hops: int, through: str, limit: int
    ) -> Tuple[_ActorTuple, int, List[Tuple[str, str, str, Optional[str], int]]]: ...
    def trend(
        self, actor: Optional[str], country_a: Optional[str], country_b: Optional[str],
        country: Optional[str], directed: bool, by: str, split: str, since: _DateText,
        until: _DateText
    ) -> Tuple[Tuple[str, Any], _DateText, _DateText,
               List[Tuple[str, str, str, Optional[str], Tuple[Any, ...]]]]: ...
    # Each figures tuple: events, meetings, goldstein_events, goldstein_sum, goldstein_mean,
    # tone.
    def pairs(
        self, country: Optional[str], since: _DateText, until: _DateText, rank: str, limit: int
    ) -> Tuple[int, List[Tuple[str, str, Tuple[Any, ...], int, int, Optional[float]]]]: ...
    def disagreements(self) -> List[Tuple[str, Optional[str], str, List[Tuple[Any, ...]]]]: ...
    def stats(
        self,
    ) -> Tuple[int, int, int, int, int, int, Dict[str, int], Dict[str, int], Dict[str, int],
               int]: ...
    def graph_networkx(
        self, since: _DateText, until: _DateText, kinds: List[str], graphml_ids: bool
    ) -> Tuple[Dict[str, str], Dict[str, Dict[str, Any]],
               Dict[str, Dict[str, Dict[int, Dict[str, Any]]]],
               Dict[str, Dict[str, Dict[int, Dict[str, Any]]]]]: ...
    def graph_columns(
        self, since: _DateText, until: _DateText, kinds: List[str], missing: Any
    ) -> Tuple[Dict[str, str], int, List[Tuple[int, int]], Dict[str, List[Any]],
               Dict[str, List[Any]]]: ...
