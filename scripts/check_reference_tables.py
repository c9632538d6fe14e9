#!/usr/bin/env python3
"""Check the reference tables shipped in data/ (standard library only).

    python3 scripts/check_reference_tables.py [REPO_ROOT]

Checks data/cameo/cameo-codes.tsv, data/cameo/VERSION and data/countries.tsv.
Every problem is printed as "FILE:LINE: message"; the exit status is 1 when
there is any problem and 0 otherwise.
"""

import os
import re
import sys

CAMEO_HEADER = ["code", "name", "goldstein", "plover", "kind"]
COUNTRY_HEADER = ["iso3", "name", "icews_names", "cameo", "fips"]

KINDS = {
    "official_visit", "bilateral_meeting", "talks", "negotiation", "phone_call",
    "intent_to_meet", "agreement_signing", "statement", "coded_event",
}

# Values the importer relies on; a change here is almost certainly a mistake.
CAMEO_ANCHORS = {
    "036": ("4.0", "intent_to_meet"),
    "040": ("1.0", "bilateral_meeting"),
    "041": ("1.0", "phone_call"),
    "042": ("1.9", "official_visit"),
    "043": ("2.8", "official_visit"),
    "044": ("2.5", "bilateral_meeting"),
    "045": ("5.0", "talks"),
    "046": ("7.0", "negotiation"),
    "057": ("8.0", "agreement_signing"),
}

# Country names used by the benchmark generator (ICEWS spellings).
BENCHMARK_NAMES = [
    "United States", "China", "Russian Federation", "India", "United Kingdom", "Japan",
    "Germany", "France", "Iran", "Israel", "Turkey", "Pakistan", "South Korea",
    "North Korea", "Ukraine", "Syria", "Iraq", "Afghanistan", "Italy", "Brazil",
    "Australia", "Canada", "Egypt", "Saudi Arabia", "Indonesia", "Mexico", "Spain",
    "Nigeria", "South Africa", "Philippines", "Vietnam", "Thailand", "Poland",
    "Venezuela", "Colombia", "Argentina", "Kenya", "Ethiopia", "Sudan", "Lebanon",
    "Jordan", "Bangladesh", "Sri Lanka", "Malaysia", "Greece", "Serbia", "Georgia",
    "Azerbaijan", "Armenia", "Cuba", "Libya", "Somalia", "Yemen", "Qatar",
    "United Arab Emirates", "Myanmar", "Nepal", "Cote d'Ivoire", "Switzerland", "Norway",
]


class Report:
    def __init__(self):
        self.problems = []

    def add(self, path, line, message):
        self.problems.append(f"{path}:{line}: {message}")


def read_rows(path, report):
    """Yield (line_number, fields) for each line of a TSV file, header included."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        report.add(path, 0, f"cannot read file: {e}")
        return []
    if raw.startswith(b"\xef\xbb\xbf"):
        report.add(path, 1, "file starts with a UTF-8 byte order mark")
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        report.add(path, 0, f"not valid UTF-8: {e}")
        return []
    if "\r" in text:
        report.add(path, text[: text.index("\r")].count("\n") + 1, "carriage return found (use LF line ends)")
    if text and not text.endswith("\n"):
        report.add(path, text.count("\n") + 1, "last line has no newline")
    rows = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line == "":
            continue
        rows.append((number, line.split("\t")))
    return rows


def check_header(path, rows, expected, report):
    if not rows:
        report.add(path, 1, "file is empty")
        return False
    number, fields = rows[0]
    if fields != expected:
        report.add(path, number, f"header is {fields!r}, expected {expected!r}")
        return False
    return True


def body_rows(rel, rows, header, report):
    """The (line number, fields) of each row after the header that has the header's number of
    fields; the others are reported, as is any field with white space around it."""
    for number, fields in rows[1:]:
        if len(fields) != len(header):
            report.add(rel, number, f"expected {len(header)} tab-separated fields, found {len(fields)}")
            continue
        for label, value in zip(header, fields):
            if value != value.strip():
                report.add(rel, number, f"{label} has leading or trailing whitespace")
        yield number, fields


def check_cameo(root, report):
    path = os.path.join(root, "data", "cameo", "cameo-codes.tsv")
    rel = os.path.relpath(path, root)
    rows = read_rows(path, report)
    if not check_header(rel, rows, CAMEO_HEADER, report):
        return 0
    seen = {}
    records = {}
    for number, fields in body_rows(rel, rows, CAMEO_HEADER, report):
        code, name, goldstein, plover, kind = fields
        if not re.fullmatch(r"[0-9]{2,4}", code):
            report.add(rel, number, f"code {code!r} is not 2 to 4 digits")
            continue
        if len(code) == 2 and not 1 <= int(code) <= 20:
            report.add(rel, number, f"root code {code!r} is not between 01 and 20")
        if code in seen:
            report.add(rel, number, f"code {code} repeats line {seen[code]}")
            continue
        seen[code] = number
        if not name.strip():
            report.add(rel, number, f"code {code} has an empty name")
        try:
            g = float(goldstein)
        except ValueError:
            report.add(rel, number, f"code {code}: goldstein {goldstein!r} is not a number")
        else:
            if not -10.0 <= g <= 10.0:
                report.add(rel, number, f"code {code}: goldstein {g} is outside [-10, 10]")
        if not plover.strip():
            report.add(rel, number, f"code {code} has an empty plover category")
        elif not re.fullmatch(r"[A-Z]+", plover):
            report.add(rel, number, f"code {code}: plover {plover!r} is not an upper-case word")
        if kind not in KINDS:
            report.add(rel, number, f"code {code}: kind {kind!r} is not one of {sorted(KINDS)}")
        records[code] = (number, goldstein, kind)
    for code, (number, _, _) in records.items():
        if len(code) >= 3 and code[:2] not in records:
            report.add(rel, number, f"code {code} has no root code {code[:2]} in the table")
        if len(code) == 4 and code[:3] not in records:
            report.add(rel, number, f"code {code} has no parent code {code[:3]} in the table")
    for r in range(1, 21):
        if f"{r:02d}" not in records:
            report.add(rel, len(rows), f"root code {r:02d} is missing")
    for code, (goldstein, kind) in CAMEO_ANCHORS.items():
        if code not in records:
            report.add(rel, len(rows), f"code {code} is missing")
            continue
        number, g, k = records[code]
        if g != goldstein or k != kind:
            report.add(rel, number, f"code {code} should have goldstein {goldstein} and kind {kind}, has {g} and {k}")

    version = os.path.join(root, "data", "cameo", "VERSION")
    vrel = os.path.relpath(version, root)
    try:
        with open(version, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError as e:
        report.add(vrel, 0, f"cannot read file: {e}")
    else:
        if len(lines) != 2 or not all(line.strip() for line in lines):
            report.add(vrel, 1, f"expected exactly 2 non-empty lines, found {len(lines)}")
        elif not lines[0].startswith("CAMEO "):
            report.add(vrel, 1, "first line should name the CAMEO version, e.g. 'CAMEO 1.1b3'")
    return len(records)


def check_countries(root, report):
    path = os.path.join(root, "data", "countries.tsv")
    rel = os.path.relpath(path, root)
    rows = read_rows(path, report)
    if not check_header(rel, rows, COUNTRY_HEADER, report):
        return 0
    iso_seen, cameo_seen, fips_seen, name_seen = {}, {}, {}, {}
    icews_seen = {}
    count = 0
    for number, fields in body_rows(rel, rows, COUNTRY_HEADER, report):
        count += 1
        iso3, name, icews, cameo, fips = fields
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            report.add(rel, number, f"iso3 {iso3!r} is not 3 upper-case letters")
        if not re.fullmatch(r"[A-Z]{3}", cameo):
            report.add(rel, number, f"cameo {cameo!r} is not 3 upper-case letters")
        if not re.fullmatch(r"[A-Z]{2}", fips):
            report.add(rel, number, f"fips {fips!r} is not 2 upper-case letters")
        if not name.strip():
            report.add(rel, number, "name is empty")
        for value, table, label in ((iso3, iso_seen, "iso3"), (cameo, cameo_seen, "cameo"),
                                    (fips, fips_seen, "fips"), (name.lower(), name_seen, "name")):
            if value in table:
                report.add(rel, number, f"{label} {value!r} repeats line {table[value]}")
            else:
                table[value] = number
        names = icews.split("|")
        if not icews or any(not n.strip() or n != n.strip() for n in names):
            report.add(rel, number, f"icews_names {icews!r} has an empty or padded name")
        for n in names:
            key = n.strip().casefold()
            if not key:
                continue
            if key in icews_seen:
                other_line, other_iso = icews_seen[key]
                report.add(rel, number, f"icews name {n!r} already maps to {other_iso} on line {other_line}")
            else:
                icews_seen[key] = (number, iso3)
    for n in BENCHMARK_NAMES:
        if n.casefold() not in icews_seen:
            report.add(rel, len(rows), f"benchmark country name {n!r} is not among the icews_names")
    return count


def main(argv):
    root = argv[1] if len(argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    report = Report()
    codes = check_cameo(root, report)
    countries = check_countries(root, report)
    if report.problems:
        for p in report.problems:
            print(p, file=sys.stderr)
        print(f"check_reference_tables: {len(report.problems)} problem(s) found", file=sys.stderr)
        return 1
    print(f"check_reference_tables: OK ({codes} CAMEO codes, {countries} countries)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
