#!/usr/bin/env python3
"""Score drafts of `bilateral draft` against curated datasets: precision and recall.

  draft_score.py DRAFT.json GOLD.json [--texts DIR ...]
        one draft against the curated facts of the same article
  draft_score.py --manifest tests/draft/texts/MANIFEST.tsv --bilateral build/bilateral
                 [--set seen|unseen] [--texts DIR ...]
        drafts every article the manifest lists (file, lang, published, set, gold) and scores
        each, then the totals of each set
  draft_score.py --article TEXT --gold GOLD.json --bilateral build/bilateral
                 [--lang it] [--published 2025-07-03] [--texts DIR ...] [--base BASE.json]
        drafts one article and scores it; --base: GOLD.json is a fragment that adds to
        BASE.json (records by id, each source's claims of kind and dates)

What is counted (docs/draft.md, "Measured"):
  persons         a draft person is right when it is a curated person (by name or alias, or
                  by the span it rests on) with the same country and the same posts (each post
                  by a name or alias in common: every post the draft gives is one the person
                  holds in the curated data, every post the curated data cites the article for
                  is in the draft); precision over the draft's persons, recall over the curated
                  ones. "names" counts the persons alone.
  events          a draft event is found when it rests on a span that overlaps the curated
                  event's (or, without spans, shares its kind, a participant and the date) and
                  has its kind; "dates right" is the share of the events found whose start and
                  end equal the curated ones (both undated counts as right).
  participations  (event, actor, role) triples, the actors matched as above (persons, posts,
                  groups, organisations by name or span; countries by id).
  links           (kind, from, to) through the matched events.
Only the curated facts that cite the article (a source whose `file` is the article's) count:
a dataset of several sources is scored article by article. With --base (the gold file is a
fragment over a base dataset, adding only what is new), a person of the curated data also
counts when the article names them (their name or an alias occurs in its text), and so do
their participations in the events the article tells. Quotes without spans are found in
the article's text (first occurrence). Only the standard library is used.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def source_dirs(extra):
    dirs = list(extra)
    if os.environ.get("BILATERAL_SOURCES"):
        dirs.append(os.environ["BILATERAL_SOURCES"])
    dirs += [os.path.join(REPO, "tests", "draft", "texts"),
             os.path.join(os.path.dirname(REPO), "shared", "sources")]
    return dirs


def norm(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub("[\u2019\u2018`\u02bc]", "'", text)
    text = re.sub("[\u2010-\u2015]", "-", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^(the|il|la|lo|l') ", "", text)


def find_quote(text, quote):
    pattern = re.escape(norm(quote)).replace("\\ ", r"\s+")
    m = re.search(pattern, norm_keep_length(text))
    return [m.start(), m.end()] if m else None


def norm_keep_length(text):
    """norm() character by character, so offsets stay those of the text."""
    out = []
    for c in text:
        d = unicodedata.normalize("NFKD", c)
        d = "".join(x for x in d if not unicodedata.combining(x)).casefold()[:1] or c
        d = "'" if d in "\u2019\u2018`\u02bc" else d
        d = "-" if "\u2010" <= d <= "\u2015" else d
        out.append(d)
    return "".join(out)


def load(path, base=None):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if base:
        with open(base, encoding="utf-8") as f:
            doc = overlay(json.load(f), doc)
    return doc


def overlay(base, fragment):
    """A curated fragment over a base dataset (issue 21's drafts of several accounts): records
    with a base record's id add their aliases, participants and evidence to it, and their
    `claims` (each source's kind and dates) are kept for Doc.events()."""
    out = dict(base)
    for key in ("sources", "actors", "events", "relations", "links"):
        merged = {r["id"]: dict(r) for r in base.get(key, [])}
        for r in fragment.get(key, []):
            if r["id"] not in merged:
                merged[r["id"]] = dict(r)
                continue
            m = merged[r["id"]]
            for field, value in r.items():
                if isinstance(value, list) and isinstance(m.get(field), list):
                    m[field] = m[field] + value
                elif field != "id":
                    m[field] = value
        out[key] = list(merged.values())
    return out


class Doc:
    """A dataset document, seen from one article: its facts and the spans they rest on."""

    def __init__(self, path, article_file, dirs, base=None):
        self.doc = load(path, base)
        self.path = path
        self.fragment = base is not None
        base = os.path.basename(article_file) if article_file else None
        sources = self.doc.get("sources", [])
        if base is None and len(sources) == 1:
            base = sources[0].get("file")
        self.sources = {s["id"] for s in sources if s.get("file") == base}
        self.text = read_text(base, dirs) if base else None
        self.actors = {a["id"]: a for a in self.doc.get("actors", [])}

    def spans(self, evidence):
        out = []
        for e in evidence or []:
            if e.get("source") not in self.sources:
                continue
            if "span" in e:
                out.append(e["span"])
            elif "quote" in e and self.text is not None:
                span = find_quote(self.text, e["quote"])
                if span is None:
                    sys.exit(f"{self.path}: quote not in the article: {e['quote']!r}")
                out.append(span)
        return out

    def names(self, actor_id):
        """With a base dataset (a fragment adds only what is new): whether the article's text
        names the actor, by its name or an alias, so that the base's facts about it count."""
        actor = self.actors.get(actor_id)
        if not self.fragment or not actor or self.text is None:
            return False
        text = norm(self.text)
        return any(n and n in text for n in names_of(actor))

    def cites(self, evidence):
        return any(e.get("source") in self.sources for e in evidence or [])

    def persons(self):
        """Persons the article names: their own evidence cites it, or they take part in an event
        it tells (events()), or a post of theirs cites it (a fragment adds only those to the
        persons of its base)."""
        named = {i for i, a in self.actors.items()
                 if self.cites(a.get("evidence")) or (a["kind"] == "person" and self.names(i))}
        for e in self.events().values():
            named |= {p["actor"] for p in e["participants"]}
        named |= {r["from"] for r in self.doc.get("relations", []) if self.cites(r.get("evidence"))}
        return {i: a for i, a in self.actors.items() if a["kind"] == "person" and i in named}

    def posts_of(self, person_id, cited=True):
        """The names of the person's posts: those this article's evidence gives (cited), or all
        the dataset holds."""
        out = []
        for r in self.doc.get("relations", []):
            if r["kind"] != "holds_post" or r["from"] != person_id:
                continue
            if cited and not self.cites(r.get("evidence")):
                continue
            post = self.actors.get(r["to"])
            if post:
                out.append(names_of(post))
        return out

    def events(self):
        out = {}
        for e in self.doc.get("events", []):
            # A participation counts when its evidence cites the article, or when it has none
            # and the event's does (a dataset of several accounts cites each on its own).
            parts = [p for p in e.get("participants", [])
                     if self.cites(p.get("evidence")) or
                     (not p.get("evidence") and self.cites(e.get("evidence"))) or
                     (self.cites(e.get("evidence")) and self.names(p["actor"]))]
            if self.cites(e.get("evidence")) or parts:
                out[e["id"]] = self.as_told(dict(e, participants=parts))
        return out

    def as_told(self, e):
        """The event with this article's claims of kind and dates, where it makes some. A
        working visit counts as the draft writes it: official_visit (visit_type working)."""
        for c in e.get("claims", []):  # dataset format 1.2: each a source's values
            if not self.cites(c.get("evidence")):
                continue
            if "kind" in c:
                e["kind"] = c["kind"]
            if "start" in c or "end" in c:
                e["start"], e["end"] = c.get("start"), c.get("end")
        if e.get("kind") == "working_visit":
            e["kind"] = "official_visit"
        return e


def read_text(name, dirs):
    for d in dirs:
        path = os.path.join(d, name)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                return f.read()
    return None


def names_of(actor):
    return {norm(actor["name"])} | {norm(a) for a in actor.get("aliases", [])}


def overlap(a, b):
    return any(x[0] < y[1] and y[0] < x[1] for x in a for y in b)


def match_actors(draft, gold):
    """Draft actor id -> gold actor id: same kind, a name or alias in common, else a span in
    common; countries and blocs by id."""
    pairs = []
    for did, d in draft.actors.items():
        for gid, g in gold.actors.items():
            if d["kind"] != g["kind"]:
                continue
            if d["kind"] in ("country", "bloc"):
                score = 3 if did == gid or names_of(d) & names_of(g) else 0
            elif names_of(d) & names_of(g):
                score = 2
            else:
                score = 1 if overlap(draft.spans(d.get("evidence")), gold.spans(g.get("evidence"))) else 0
            if score:
                pairs.append((score, did, gid))
    return greedy(pairs)


def greedy(pairs):
    out, used = {}, set()
    for _, d, g in sorted(pairs, key=lambda p: -p[0]):
        if d not in out and g not in used:
            out[d] = g
            used.add(g)
    return out


def ratio(n, d):
    return n / d if d else None


def score_persons(draft, gold, amap):
    dp, gp = draft.persons(), gold.persons()
    names = right = 0
    wrong = []
    for did in dp:
        gid = amap.get(did)
        if gid not in gp:
            wrong.append(f"{did}: not a curated person")
            continue
        names += 1
        d, g = dp[did], gp[gid]
        # Every post the draft gives is one the person holds in the curated data, and every
        # post the curated data cites this article for is in the draft.
        dposts, gposts = draft.posts_of(did), gold.posts_of(gid)
        held = gold.posts_of(gid, cited=False)
        posts_ok = (all(any(x & y for x in dposts) for y in gposts) and
                    all(any(x & y for y in held) for x in dposts))
        if d.get("country") == g.get("country") and posts_ok:
            right += 1
        else:
            wrong.append(f"{did}: country {d.get('country')} (curated {g.get('country')}), "
                         f"posts {sorted(min(p) for p in dposts)} (curated "
                         f"{sorted(min(p) for p in gposts)})")
    return {"draft": len(dp), "gold": len(gp), "names": names, "right": right, "wrong": wrong}


def event_date(e):
    return (e.get("start"), e.get("end") or e.get("start"))


def match_events(draft, gold, amap):
    de, ge = draft.events(), gold.events()
    pairs = []
    for did, d in de.items():
        dspans = draft.spans(d.get("evidence"))
        dactors = {amap.get(p["actor"]) for p in d["participants"]}
        for gid, g in ge.items():
            gspans = gold.spans(g.get("evidence"))
            same_kind = d["kind"] == g["kind"]
            if dspans and gspans:
                if not overlap(dspans, gspans):
                    continue
                score = 2 + same_kind
            else:
                shared = dactors & {p["actor"] for p in g["participants"]}
                if not (same_kind and shared and event_date(d) == event_date(g)):
                    continue
                score = 1
            pairs.append((score + 0.5 * (event_date(d) == event_date(g)), did, gid))
    return de, ge, greedy(pairs)


def score_events(draft, gold, amap):
    de, ge, emap = match_events(draft, gold, amap)
    found = [d for d, g in emap.items() if de[d]["kind"] == ge[g]["kind"]]
    dated = [d for d in found if event_date(de[d]) == event_date(ge[emap[d]])]
    misses = [f"{g}: {ge[g]['kind']} {ge[g].get('start')}" for g in ge
              if g not in {emap[d] for d in found}]
    wrong_dates = [f"{d}: {event_date(de[d])} (curated {event_date(ge[emap[d]])})"
                   for d in found if d not in dated]
    return {"draft": len(de), "gold": len(ge), "found": len(found), "dated": len(dated),
            "missed": misses, "wrong_dates": wrong_dates}, de, ge, emap


def score_parts(de, ge, emap, amap):
    gold_triples = {(g, p["actor"], p["role"]) for g, e in ge.items() for p in e["participants"]}
    draft_triples = {(emap.get(d), amap.get(p["actor"], p["actor"]), p["role"])
                     for d, e in de.items() for p in e["participants"]}
    right = draft_triples & gold_triples
    return {"draft": len(draft_triples), "gold": len(gold_triples), "right": len(right)}


def score_links(draft, gold, emap):
    g = {(l["kind"], l["from"], l["to"]) for l in gold.doc.get("links", []) if gold.cites(l.get("evidence"))}
    d = {(l["kind"], emap.get(l["from"]), emap.get(l["to"])) for l in draft.doc.get("links", [])}
    return {"draft": len(d), "gold": len(g), "right": len(d & g)}


def score(draft_path, gold_path, dirs, base=None):
    draft = Doc(draft_path, None, dirs)
    article = next(iter(s.get("file") for s in draft.doc.get("sources", []) if s.get("file")), None)
    if article is None:
        sys.exit(f"{draft_path}: the draft's source names no file")
    draft = Doc(draft_path, article, dirs)
    gold = Doc(gold_path, article, dirs, base)
    if not gold.sources:
        sys.exit(f"{gold_path}: no source with file {article}")
    amap = match_actors(draft, gold)
    ev, de, ge, emap = score_events(draft, gold, amap)
    return {"article": article, "persons": score_persons(draft, gold, amap), "events": ev,
            "participations": score_parts(de, ge, emap, amap), "links": score_links(draft, gold, emap)}


def figures(r):
    p, e, q, l = r["persons"], r["events"], r["participations"], r["links"]
    return {
        "persons P": ratio(p["right"], p["draft"]), "persons R": ratio(p["right"], p["gold"]),
        "names P": ratio(p["names"], p["draft"]), "names R": ratio(p["names"], p["gold"]),
        "events P": ratio(e["found"], e["draft"]), "events R": ratio(e["found"], e["gold"]),
        "dates right": ratio(e["dated"], e["found"]),
        "participations P": ratio(q["right"], q["draft"]), "participations R": ratio(q["right"], q["gold"]),
        "links P": ratio(l["right"], l["draft"]), "links R": ratio(l["right"], l["gold"]),
    }


def total(results):
    keys = {"persons": ["draft", "gold", "names", "right"], "events": ["draft", "gold", "found", "dated"],
            "participations": ["draft", "gold", "right"], "links": ["draft", "gold", "right"]}
    out = {k: {f: sum(r[k][f] for r in results) for f in fs} for k, fs in keys.items()}
    out["article"] = f"all {len(results)}"
    return out


def show(r, verbose):
    f = figures(r)
    p, e, q, l = r["persons"], r["events"], r["participations"], r["links"]
    fmt = lambda x: "  -  " if x is None else f"{x:.2f}"
    print(f"{r['article']}")
    print(f"  persons         P {fmt(f['persons P'])} R {fmt(f['persons R'])}   ({p['right']} right of "
          f"{p['draft']} proposed, {p['gold']} curated; names alone P {fmt(f['names P'])} R {fmt(f['names R'])})")
    print(f"  events          P {fmt(f['events P'])} R {fmt(f['events R'])}   ({e['found']} found of "
          f"{e['draft']} proposed, {e['gold']} curated); dates right {fmt(f['dates right'])} "
          f"({e['dated']} of {e['found']})")
    print(f"  participations  P {fmt(f['participations P'])} R {fmt(f['participations R'])}   "
          f"({q['right']} right of {q['draft']} proposed, {q['gold']} curated)")
    print(f"  links           P {fmt(f['links P'])} R {fmt(f['links R'])}   ({l['right']} right of "
          f"{l['draft']} proposed, {l['gold']} curated)")
    if verbose:
        for w in p.get("wrong", []):
            print(f"    person: {w}")
        for m in e.get("missed", []):
            print(f"    missed event: {m}")
        for w in e.get("wrong_dates", []):
            print(f"    wrong date: {w}")


def run_draft(bilateral, article, lang, published, out):
    cmd = [bilateral, "draft", article, "-o", out]
    if lang:
        cmd += ["--lang", lang]
    if published:
        cmd += ["--published", published]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def manifest_rows(path, dirs):
    base = os.path.dirname(os.path.abspath(path))
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    header = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t")))
        name = row["file"]
        if name.startswith("sources:"):
            found = [os.path.join(d, name[8:]) for d in dirs if os.path.exists(os.path.join(d, name[8:]))]
            if not found:
                print(f"skipped {name}: not found in {', '.join(dirs)}", file=sys.stderr)
                continue
            row["path"] = found[0]
        else:
            row["path"] = os.path.join(base, name)
        row["gold_path"] = os.path.join(base, "..", "gold", row["gold"]) if "/" not in row["gold"] \
            else os.path.normpath(os.path.join(base, row["gold"]))
        yield row


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog=__doc__.split("\n\n", 1)[1])
    p.add_argument("files", nargs="*", metavar="DRAFT.json GOLD.json")
    p.add_argument("--manifest")
    p.add_argument("--article")
    p.add_argument("--gold")
    p.add_argument("--base", help="a dataset the gold file adds to (its records by id)")
    p.add_argument("--lang")
    p.add_argument("--published")
    p.add_argument("--set", choices=["seen", "unseen"])
    p.add_argument("--bilateral", default=os.path.join(REPO, "build", "bilateral"))
    p.add_argument("--texts", action="append", default=[], help="a folder of article texts")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--verbose", "-v", action="store_true", help="list what was missed or wrong")
    p.add_argument("--check-goals", action="store_true",
                   help="exit 1 unless every set's totals meet the goals of issue 22 (persons "
                        "precision and recall >= 0.8, dates right for >= 0.7 of the events found)")
    args = p.parse_args()
    dirs = source_dirs(args.texts)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        if args.manifest:
            for row in manifest_rows(args.manifest, dirs):
                if args.set and row["set"] != args.set:
                    continue
                out = os.path.join(tmp, os.path.basename(row["path"]) + ".json")
                run_draft(args.bilateral, row["path"], row["lang"], row["published"], out)
                results.setdefault(row["set"], []).append(score(out, row["gold_path"],
                                                                [os.path.dirname(row["path"])] + dirs))
        elif args.article:
            out = os.path.join(tmp, "draft.json")
            run_draft(args.bilateral, args.article, args.lang, args.published, out)
            results["article"] = [score(out, args.gold, [os.path.dirname(args.article)] + dirs,
                                        args.base)]
        elif len(args.files) == 2:
            results["article"] = [score(args.files[0], args.files[1], dirs, args.base)]
        else:
            p.error("give DRAFT.json GOLD.json, --manifest or --article")
    if args.json:
        print(json.dumps({k: {"articles": [dict(r, figures=figures(r)) for r in v],
                              "total": figures(total(v))} for k, v in results.items()}, indent=1))
        return 0
    failed = []
    for name, rows in results.items():
        print(f"== {name} ==")
        for r in rows:
            show(r, args.verbose)
        if len(rows) > 1:
            show(total(rows), False)
        f = figures(total(rows))
        for key, goal in (("persons P", 0.8), ("persons R", 0.8), ("dates right", 0.7)):
            if f[key] is None or f[key] < goal:
                failed.append(f"{name}: {key} {f[key]} below the goal {goal}")
    if args.check_goals:
        for line in failed:
            print(line, file=sys.stderr)
        print("goals met" if not failed else "goals not met")
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
