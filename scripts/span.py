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
                                facts against the source; checks SHA-256, bounds, evidence
                                and that each span's quote is the words at the span; exits 1
                                on any error
  span.py --quote FILE.json     write into the dataset, next to every span, its `quote`: the
                                words at the span, cut from the source's text by the same
                                code-point offsets (so the quote cannot drift from the span);
                                refuses when a text is missing or its SHA-256 differs

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
import tempfile

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


def between(record):
    """A relation or an event link as `id: from -kind-> to`."""
    return f"{record.get('id')}: {record.get('from')} -{record.get('kind')}-> {record.get('to')}"


def claims_of(pointer, fact, record):
    """(json pointer, fact, evidence list) for each claim a record carries (format 1.2)."""
    for k, c in enumerate(record.get("claims", [])):
        fields = ", ".join(f"{key} {value}" for key, value in c.items()
                           if key not in ("source", "evidence", "note"))
        yield (f"{pointer}/claims/{k}", f"{fact} [{fields}] claimed by {c.get('source')}",
               c.get("evidence"))


def evidence_holders(doc):
    """(json pointer, fact id, evidence list) for everything that can carry evidence."""
    for i, a in enumerate(doc.get("actors", [])):
        yield f"/actors/{i}", a.get("id"), a.get("evidence")
    for i, ev in enumerate(doc.get("events", [])):
        yield f"/events/{i}", ev.get("id"), ev.get("evidence")
        yield from claims_of(f"/events/{i}", ev.get("id"), ev)
        for j, p in enumerate(ev.get("participants", [])):
            fact = f"{ev.get('id')} <- {p.get('actor')} ({p.get('role')})"
            yield f"/events/{i}/participants/{j}", fact, p.get("evidence")
            yield from claims_of(f"/events/{i}/participants/{j}", fact, p)
    for i, r in enumerate(doc.get("relations", [])):
        yield f"/relations/{i}", between(r), r.get("evidence")
        yield from claims_of(f"/relations/{i}", between(r), r)
        for j, a in enumerate(r.get("attested", [])):
            when = a.get("date") or f"{a.get('from')}..{a.get('to')}"
            yield (f"/relations/{i}/attested/{j}",
                   f"{r.get('id')} attested {when}", a.get("evidence"))
    for i, link in enumerate(doc.get("links", [])):
        yield f"/links/{i}", between(link), link.get("evidence")


def cmd_check(args):
    with open(args.check, encoding="utf-8") as f:
        doc = json.load(f)
    errors = []
    texts = source_texts(doc, errors)
    source_ids = {s.get("id") for s in doc.get("sources", [])}
    # A source without a file has no text at hand: its evidence quotes the words, with no span.
    with_file = {s.get("id") for s in doc.get("sources", []) if "file" in s}

    counts = {"spans": 0, "stated": 0, "inferred": 0, "reference": 0}
    for pointer, fact, evidence in evidence_holders(doc):
        claim_source = None
        if "/claims/" in pointer:  # a claim's evidence is all from the claim's source
            claim_source = fact.rsplit(" claimed by ", 1)[1]
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
            if ("quote" in e and "span" not in e and src in with_file
                    and not args.allow_quotes):
                errors.append(f"{ptr}/quote: a quote without a span into {src}'s text "
                              "(allowed with --allow-quotes)")
            if "span" in e and "quote" not in e and args.require_quotes:
                errors.append(f"{ptr}/quote: span {e['span']} without its quote "
                              f"(span.py --quote {args.check} writes them)")
            if (args.require_quotes and src not in with_file and basis != "reference"
                    and "quote" not in e):
                errors.append(f"{ptr}: evidence from {src}, whose text is not at hand, "
                              "without its quote")
            if claim_source and src != claim_source:
                errors.append(f"{ptr}/source: {src} in a claim of {claim_source}")
            if basis == "inferred" and not e.get("note"):
                errors.append(f"{ptr}: inferred evidence without a note")
            if basis == "stated" and "span" not in e and "quote" not in e:
                errors.append(f"{ptr}: stated evidence without a span")
            if "span" not in e:
                if not args.quiet:
                    print(f"{fact}\n    {basis:9} {src}  (no span)"
                          + (f"  «{e['quote']}»" if e.get("quote") else "")
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
            if "quote" in e and e["quote"] != covered:
                errors.append(f"{ptr}/quote: {e['quote']!r} is not the text at span {span}, "
                              f"{covered!r}")
            if not args.quiet:
                print(f"{fact}\n    {basis:9} {span}  «{show(text, span)}»"
                      + (f"\n    note: {e['note']}" if e.get("note") else ""))
    print(f"\n{counts['spans']} spans checked; evidence: {counts['stated']} stated, "
          f"{counts['inferred']} inferred, {counts['reference']} reference", file=sys.stderr)
    for err in errors:
        print(f"{args.check}:{err}", file=sys.stderr)
    return 1 if errors else 0


def source_texts(doc, errors):
    """{source id: text} for the sources with a file, checking each file's SHA-256."""
    texts = {}
    for i, src in enumerate(doc.get("sources", [])):
        if "file" not in src:
            continue
        text, digest = read_text(locate(src["file"]))
        if "sha256" in src and src["sha256"] != digest:
            errors.append(f"/sources/{i}/sha256: {src['id']}: file {src['file']} has SHA-256 "
                          f"{digest}, dataset says {src['sha256']}")
        texts[src["id"]] = text
    return texts


def dataset_json(doc):
    """The dataset as the bundled file lays it out: two-space indents, non-ASCII kept, each
    span on one line as [start, end] and each place on one line."""
    out = json.dumps(doc, indent=2, ensure_ascii=False)
    out = re.sub(r"\[\n\s+(\d+),\n\s+(\d+)\n\s+\]", r"[\1, \2]", out)

    def one_line(m):
        return '"place": ' + json.dumps(json.loads(m.group(1)), ensure_ascii=False)
    out = re.sub(r'"place": (\{[^{}]*\})', one_line, out)
    return out + "\n"


def cmd_quote(args):
    path = args.quote
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    errors = []
    texts = source_texts(doc, errors)
    written = 0
    for pointer, fact, evidence in evidence_holders(doc):
        for k, e in enumerate(evidence or []):
            if "span" not in e:
                continue
            text = texts.get(e.get("source"))
            s, t = e["span"]
            if text is None or not 0 <= s < t <= len(text):
                errors.append(f"{pointer}/evidence/{k}/span: {e['span']} has no text to quote "
                              f"from source {e.get('source')!r}")
                continue
            quoted = {}
            for key, value in e.items():  # the quote goes right after the span
                quoted[key] = value
                if key == "span":
                    quoted["quote"] = text[s:t]
            if quoted != e:
                e.clear()
                e.update(quoted)
                written += 1
    if errors:
        for err in errors:
            print(f"{path}:{err}", file=sys.stderr)
        return 1
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(path)), suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(dataset_json(doc))
    os.replace(tmp, path)
    print(f"{path}: {written} quote(s) written or corrected", file=sys.stderr)
    return 0


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
                   help="with --check: accept quotes without a span (e.g. for event data)")
    p.add_argument("--require-quotes", action="store_true",
                   help="with --check: every span must carry its quote")
    p.add_argument("--quote", metavar="FILE.json",
                   help="write each span's quote into the dataset (rewrites FILE.json)")
    args = p.parse_args()
    if args.check:
        return cmd_check(args)
    if args.quote:
        return cmd_quote(args)
    if not args.phrases:
        p.error("give a PHRASE, --check FILE.json or --quote FILE.json")
    return cmd_find(args)


if __name__ == "__main__":
    sys.exit(main())
