#!/usr/bin/env python3
"""Find and check evidence spans in a source text, in Unicode code points.

Dataset evidence spans are [start, end) offsets in Unicode code points (not bytes, not UTF-16
units) into the text of a source file (see docs/dataset-format.md).  Python's str indexes code
points, so the offsets printed here are exactly the ones the dataset wants.

  span.py PHRASE...             print the span of every occurrence of each phrase in the
                                default text (the Italy–Malaysia editorial)
  span.py --text FILE PHRASE... the same in another text
  span.py --check FILE.json     print every span in a dataset next to the id of the fact it
                                supports, with the text it covers, so a human can read the
                                facts against the source; checks SHA-256, bounds and
                                evidence; exits 1 on any error

Phrase matching is exact, except that any apostrophe (' or ’) matches any apostrophe, any
dash (-, – or —) matches any dash, and any run of whitespace matches any run of whitespace, so
phrases can be typed on an ordinary keyboard.  Only the standard library is used.
"""

import argparse
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_FILE = "italy-malaysia-editorial-2025.txt"

APOSTROPHES = "'\u2019\u2018"
DASHES = "-\u2013\u2014"


def source_dirs():
    """Folders that may hold shared/sources/ files, in order of preference."""
    dirs = []
    if os.environ.get("BILATERAL_SOURCES"):
        dirs.append(os.environ["BILATERAL_SOURCES"])
    dirs.append(os.path.join(REPO, "shared", "sources"))
    dirs.append(os.path.join(os.path.dirname(REPO), "shared", "sources"))
    return dirs


def locate(name):
    if os.path.isabs(name) or os.path.exists(name):
        return name
    for d in source_dirs():
        path = os.path.join(d, name)
        if os.path.exists(path):
            return path
    sys.exit(f"span.py: cannot find source file {name!r} (looked in {', '.join(source_dirs())}; "
             f"set BILATERAL_SOURCES)")


def read_text(path):
    with open(path, "rb") as f:
        raw = f.read()
    return raw.decode("utf-8"), hashlib.sha256(raw).hexdigest()


def phrase_pattern(phrase):
    parts = []
    for ch in phrase:
        if ch in APOSTROPHES:
            parts.append("[" + re.escape(APOSTROPHES) + "]")
        elif ch in DASHES:
            parts.append("[" + re.escape(DASHES) + "]")
        elif ch.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts))


def find(text, phrase):
    """All [start, end) code-point spans where phrase occurs in text."""
    return [[m.start(), m.end()] for m in phrase_pattern(phrase).finditer(text)]


def find_one(text, phrase, occurrence=None):
    """The span of phrase; occurrence (0-based) picks one when the phrase occurs more than once."""
    spans = find(text, phrase)
    if not spans:
        raise ValueError(f"phrase not found: {phrase!r}")
    if occurrence is None:
        if len(spans) > 1:
            raise ValueError(f"phrase occurs {len(spans)} times, pick one: {phrase!r} {spans}")
        return spans[0]
    return spans[occurrence]


def show(text, span, width=0):
    s, e = span
    covered = text[s:e].replace("\n", "\u23ce")
    if not width:
        return covered
    before = text[max(0, s - width):s].replace("\n", "\u23ce")
    after = text[e:e + width].replace("\n", "\u23ce")
    return f"…{before}[{covered}]{after}…"


def cmd_find(args):
    text, _ = read_text(locate(args.text))
    status = 0
    for phrase in args.phrases:
        spans = find(text, phrase)
        if not spans:
            print(f"{phrase!r}: not found")
            status = 1
        for s, e in spans:
            print(f"[{s}, {e}]\t{show(text, [s, e], args.context)}")
    return status


def evidence_holders(doc):
    """(json pointer, fact id, evidence list) for everything that can carry evidence."""
    for i, a in enumerate(doc.get("actors", [])):
        yield f"/actors/{i}", a.get("id"), a.get("evidence")
    for i, ev in enumerate(doc.get("events", [])):
        yield f"/events/{i}", ev.get("id"), ev.get("evidence")
        for j, p in enumerate(ev.get("participants", [])):
            yield (f"/events/{i}/participants/{j}",
                   f"{ev.get('id')} <- {p.get('actor')} ({p.get('role')})", p.get("evidence"))
    for i, r in enumerate(doc.get("relations", [])):
        yield (f"/relations/{i}",
               f"{r.get('id')}: {r.get('from')} -{r.get('kind')}-> {r.get('to')}",
               r.get("evidence"))
        for j, a in enumerate(r.get("attested", [])):
            when = a.get("date") or f"{a.get('from')}..{a.get('to')}"
            yield (f"/relations/{i}/attested/{j}",
                   f"{r.get('id')} attested {when}", a.get("evidence"))


def cmd_check(args):
    with open(args.check, encoding="utf-8") as f:
        doc = json.load(f)
    errors = []
    texts = {}
    for i, src in enumerate(doc.get("sources", [])):
        if "file" not in src:
            continue
        text, digest = read_text(locate(src["file"]))
        if "sha256" in src and src["sha256"] != digest:
            errors.append(f"/sources/{i}/sha256: {src['id']}: file {src['file']} has SHA-256 "
                          f"{digest}, dataset says {src['sha256']}")
        texts[src["id"]] = text
    source_ids = {s.get("id") for s in doc.get("sources", [])}

    counts = {"spans": 0, "stated": 0, "inferred": 0, "reference": 0}
    for pointer, fact, evidence in evidence_holders(doc):
        if not evidence:
            errors.append(f"{pointer}: {fact}: no evidence")
            continue
        for k, e in enumerate(evidence):
            ptr = f"{pointer}/evidence/{k}"
            basis = e.get("basis", "stated")
            counts[basis] = counts.get(basis, 0) + 1
            src = e.get("source")
            if src not in source_ids:
                errors.append(f"{ptr}/source: unknown source {src!r}")
            if "quote" in e and not args.allow_quotes:
                errors.append(f"{ptr}/quote: quotes are not allowed in this dataset")
            if basis == "inferred" and not e.get("note"):
                errors.append(f"{ptr}: inferred evidence without a note")
            if basis == "stated" and "span" not in e and "quote" not in e:
                errors.append(f"{ptr}: stated evidence without a span")
            if "span" not in e:
                if not args.quiet:
                    print(f"{fact}\n    {basis:9} {src}  (no span)"
                          + (f"\n    note: {e['note']}" if e.get("note") else ""))
                continue
            span = e["span"]
            counts["spans"] += 1
            text = texts.get(src)
            if text is None:
                errors.append(f"{ptr}/span: source {src!r} has no file to point into")
                continue
            if (not isinstance(span, list) or len(span) != 2
                    or not all(isinstance(x, int) for x in span)
                    or not 0 <= span[0] < span[1] <= len(text)):
                errors.append(f"{ptr}/span: bad span {span!r} (text has {len(text)} code points)")
                continue
            covered = text[span[0]:span[1]]
            if covered != covered.strip():
                errors.append(f"{ptr}/span: span {span} starts or ends with whitespace")
            if not args.quiet:
                print(f"{fact}\n    {basis:9} {span}  «{show(text, span)}»"
                      + (f"\n    note: {e['note']}" if e.get("note") else ""))
    print(f"\n{counts['spans']} spans checked; evidence: {counts['stated']} stated, "
          f"{counts['inferred']} inferred, {counts['reference']} reference", file=sys.stderr)
    for err in errors:
        print(f"{args.check}:{err}", file=sys.stderr)
    return 1 if errors else 0


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog=__doc__.split("\n\n", 1)[1])
    p.add_argument("phrases", nargs="*", metavar="PHRASE")
    p.add_argument("--text", default=DEFAULT_FILE,
                   help="source text to search (a path, or a file name under shared/sources/)")
    p.add_argument("--context", type=int, default=30,
                   help="characters of context to show around each match (default 30)")
    p.add_argument("--check", metavar="FILE.json", help="check and print every span of a dataset")
    p.add_argument("--quiet", action="store_true", help="with --check: print only errors")
    p.add_argument("--allow-quotes", action="store_true",
                   help="with --check: accept evidence quotes (e.g. for event data)")
    args = p.parse_args()
    if args.check:
        return cmd_check(args)
    if not args.phrases:
        p.error("give a PHRASE or --check FILE.json")
    return cmd_find(args)


if __name__ == "__main__":
    sys.exit(main())
