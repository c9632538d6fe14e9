#!/usr/bin/env python3
"""The size limits of hand-written code (docs/architecture.md, "Habits"): no file over 500
lines, no function over 80.

    scripts/check_sizes.py [--files N] [--function N] [PATH ...]

Reads the C++ and Python files git tracks (or the PATHs given), skipping generated and vendored
ones. A C++ function is found as clang-format lays it out (the tree is formatted: `make
format-check`): a line ending in `{` whose text before it closes a parameter list, not a
control statement, and the `}` at the same indentation that ends it. A Python function is a
`def` and the lines indented below it. Prints each file or function over its limit and exits 1
when there is one, 0 otherwise.
"""

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CPP = {".cpp", ".hpp", ".h", ".cc"}
SKIP = ("tests/data/", "bench/duckdb/node_modules/")
CONTROL = re.compile(r"^\s*(\}\s*)?(if|else|for|while|switch|do|try|catch|namespace|extern)\b")
OPENS = re.compile(r"\)\s*(const)?\s*(noexcept)?\s*(override|final)?\s*(->\s*[^{]+)?\s*\{$")
TYPE = re.compile(r"^\s*(class|struct|union|enum)\b")


def tracked(paths):
    if paths:
        return [Path(p) for p in paths]
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [ROOT / line for line in out.stdout.splitlines()]


def cpp_functions(lines):
    """(first line, length) of each function body of a formatted C++ file."""
    found = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.rstrip()
        if stripped.endswith("{") and not CONTROL.match(line) and not TYPE.match(line):
            # The header may span lines: join back to the line that starts the declaration.
            head = stripped
            j = i
            while j > 0 and head.count("(") < head.count(")"):
                j -= 1
                head = lines[j].rstrip() + " " + head
            if OPENS.search(head) and "=" not in head.split("(")[0] and "[" not in head.split("(")[0]:
                indent = len(line) - len(line.lstrip())
                end = i + 1
                while end < len(lines):
                    text = lines[end]
                    if text.strip() and len(text) - len(text.lstrip()) <= indent:
                        if text.lstrip().startswith("}"):
                            break
                    end += 1
                found.append((j + 1, end - j + 1))
                i = end + 1
                continue
        i += 1
    return found


def python_functions(lines):
    found = []
    for i, line in enumerate(lines):
        m = re.match(r"^(\s*)(async\s+)?def\s", line)
        if not m:
            continue
        indent = len(m.group(1))
        end = i + 1
        last = i
        while end < len(lines):
            text = lines[end]
            if text.strip():
                if len(text) - len(text.lstrip()) <= indent:
                    break
                last = end
            end += 1
        found.append((i + 1, last - i + 1))
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=500, help="most lines a file may have")
    ap.add_argument("--function", type=int, default=80, help="most lines a function may have")
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    problems = []
    for path in tracked(args.paths):
        rel = path.relative_to(ROOT).as_posix() if path.is_absolute() else path.as_posix()
        if any(rel.startswith(s) for s in SKIP) or not path.is_file():
            continue
        if path.suffix not in CPP and path.suffix != ".py":
            continue
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        if len(lines) > args.files:
            problems.append(f"{rel}: {len(lines)} lines (most {args.files})")
        finder = python_functions if path.suffix == ".py" else cpp_functions
        for first, length in finder(lines):
            if length > args.function:
                problems.append(f"{rel}:{first}: a function of {length} lines (most {args.function})")
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} over the limits", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
