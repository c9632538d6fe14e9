"""What `help()` and type checkers see: docstrings on the module, the class and every public
method; the signatures the docs promise; type stubs for the compiled extension that declare
everything it has; py.typed beside the package."""

import ast
import inspect
import os
import pydoc

import bilateral
from bilateral import _bilateral

PUBLIC = ["import_file", "import_files", "resolve", "who_met", "timeline", "trend", "pairs",
          "relations",
          "holders", "search", "path", "ego", "stats", "disagreements", "to_networkx", "to_igraph", "close"]


def test_help_explains_every_method():
    assert "who met whom" in bilateral.__doc__.lower() or "who_met" in bilateral.__doc__
    assert bilateral.Database.__doc__ and bilateral.open.__doc__ and bilateral.memory.__doc__
    for name in PUBLIC:
        doc = getattr(bilateral.Database, name).__doc__
        assert doc and len(doc) > 40, name
    text = pydoc.render_doc(bilateral.Database.who_met, renderer=pydoc.plaintext)
    assert "occurred" in text and "since" in text and "Counterpart" in text
    for record in (bilateral.Counterpart, bilateral.Event, bilateral.Relation, bilateral.Path):
        assert record.__doc__ and "(" not in record.__doc__.split("\n")[0][:1]


def test_signatures_are_the_documented_ones():
    def params(f):
        return list(inspect.signature(f).parameters)

    D = bilateral.Database
    assert params(bilateral.open) == ["path", "readonly", "create"]
    assert inspect.signature(bilateral.open).parameters["readonly"].default is True
    assert params(D.import_file) == ["self", "path", "format", "progress"]
    assert params(D.who_met) == ["self", "actor", "since", "until", "kinds", "limit",
                                 "phone_calls", "any_side", "rows"]
    assert params(D.timeline) == ["self", "actor", "dyad", "country", "since", "until", "kinds",
                                  "limit"]
    assert params(D.trend) == ["self", "actor", "dyad", "country", "directed", "by", "split",
                               "since", "until"]
    assert params(D.pairs) == ["self", "country", "since", "until", "rank", "limit"]
    assert params(D.relations) == ["self", "actor", "as_of", "kind"]
    assert params(D.holders) == ["self", "post", "on"]
    assert params(D.search) == ["self", "text", "limit"]
    assert params(D.path)[:3] == ["self", "a", "b"]
    assert params(D.ego)[:3] == ["self", "actor", "hops"]
    assert inspect.signature(D.ego).parameters["hops"].default == 1
    for name in PUBLIC:
        sig = inspect.signature(getattr(D, name))
        assert sig.return_annotation is not inspect.Signature.empty, name


def test_stubs_declare_everything_the_extension_has():
    package = os.path.dirname(bilateral.__file__)
    assert os.path.exists(os.path.join(package, "py.typed"))
    with open(os.path.join(package, "_bilateral.pyi"), encoding="utf-8") as f:
        tree = ast.parse(f.read())
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    constants = {n.target.id for n in tree.body if isinstance(n, ast.AnnAssign)}
    exported = {n for n in dir(_bilateral) if not n.startswith("__")}
    assert exported <= set(classes) | constants, exported - set(classes) - constants
    stub_methods = {n.name for n in classes["_Database"].body if isinstance(n, ast.FunctionDef)}
    real_methods = {n for n in dir(_bilateral._Database) if not n.startswith("_")}
    assert real_methods | {"__init__"} == stub_methods


def test_every_name_in_all_exists():
    for name in bilateral.__all__:
        assert hasattr(bilateral, name), name


def test_vocabularies_come_from_the_library():
    assert len(bilateral.EVENT_KINDS) == 16 and bilateral.EVENT_KINDS[0] == "official_visit"
    assert set(bilateral.MEETING_KINDS) < set(bilateral.EVENT_KINDS)
    assert "phone_call" not in bilateral.MEETING_KINDS
    assert "holds_post" in bilateral.RELATION_KINDS and "person" in bilateral.ACTOR_KINDS
    assert "host" in bilateral.ROLES
