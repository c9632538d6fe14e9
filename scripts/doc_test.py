#!/usr/bin/env python3
"""Runs the runnable command blocks of README.md and docs/*.md and compares their output.

A runnable block is a fenced block whose info string is `console`:

    ```console
    $ bilateral --db kg.db import data/italy-malaysia-2025.json
    data/italy-malaysia-2025.json: dataset, 74 records; ...
    $ bilateral --db kg.db who-met Nobody
    bilateral: no actor with id or name "Nobody", and no name or alias shares a word with it
    [exit 3]
    ```

Each line starting with `$ ` is a command (a line ending in `\\` continues on the next); the
lines after it, up to the next command, are its expected output: standard output and standard
error as they interleave, then `[exit N]` when the status is not 0. Plain ``` blocks (usage
lines, shapes, examples on made-up data) are not run.

A `pycon` block is a Python session, run with this build's module (`build/python` on
PYTHONPATH, /usr/bin/python3 when there, else this Python), one fresh interpreter per block:

    ```pycon
    >>> import bilateral
    >>> bilateral.open("build/demo/bilateral.db").stats().actors
    35
    ```

Each `>>> ` line is a statement (`... ` lines continue it); the lines after it are what the
interpreter prints: the value of an expression, what it prints, or the last line of an
exception's traceback after `Traceback (most recent call last):`. When the build has no Python
module, the pycon blocks are skipped, and the summary says so.

Masks for what changes from run to run (timings, paths, sizes):
  - a line that is exactly `...` matches any number of lines, none included;
  - `[...]` inside a line matches any text within that line.

Every file runs in its own scratch folder, its blocks in order (so a block may use the database
an earlier block of the same file made). The folder looks like a clone after `make demo`'s
build: `data/` is a copy of the source tree's, `scripts/`, `examples/` and `Makefile` links,
`build/` is a link to the build folder (so `make demo` and `build/bilateral` work as printed;
make runs with BILATERAL_SKIP_DEPS=1), and the command is on PATH as `bilateral`. BILATERAL_DB
and BILATERAL_DATA_DIR are unset, LC_ALL is C.UTF-8, TZ is UTC.

Usage: scripts/doc_test.py --bilateral build/bilateral [--build build] [--update] [FILE.md ...]
  --update  rewrites the expected output of every block that differs (a masked block that
            still matches is kept; one that does not is rewritten without its masks, said on
            stderr). Exits 1 when any block differs (without --update), 0 otherwise.
"""

import argparse
import difflib
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*(\S*)")
COMMAND_TIMEOUT = 600


class Block:
    def __init__(self, path, start, end, indent, steps, python=False):
        self.path = path        # the Markdown file
        self.start = start      # index of the line after the opening fence
        self.end = end          # index of the closing fence
        self.indent = indent    # the fence's indentation, kept on rewrite
        self.steps = steps      # [(line, command lines, expected output lines)]
        self.python = python    # a pycon block: each command is one Python statement


def block_steps(path, first, body, kind):
    """The steps of a `console` block (`$ ` command lines, continued by a trailing backslash) or
    a `pycon` block (`>>> ` statements, continued by `... ` lines), with the output expected of
    each: [(line, command lines, expected lines)]."""
    prompt = "$ " if kind == "console" else ">>> "
    steps = []
    k = 0
    while k < len(body):
        if not body[k].startswith(prompt):
            raise SystemExit(f"{path}:{first + k}: a {kind} block must start with a "
                             f"'{prompt}' {'command line' if kind == 'console' else 'statement'}"
                             f", not {body[k]!r}")
        lineno = first + k  # 1-based line of the command
        command = [body[k][len(prompt):]]
        k += 1
        if kind == "console":
            while command[-1].endswith("\\") and k < len(body):
                command.append(body[k])
                k += 1
        else:
            while k < len(body) and body[k].startswith("... "):
                command.append(body[k][4:])
                k += 1
            command = ["\n".join(command)]
        expected = []
        while k < len(body) and not body[k].startswith(prompt):
            expected.append(body[k])
            k += 1
        steps.append((lineno, command, expected))
    return steps


def parse(path):
    """The `console` and `pycon` blocks of a Markdown file."""
    lines = open(path, encoding="utf-8").read().split("\n")
    blocks = []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, info = m.groups()
        j = i + 1
        while j < len(lines) and not (lines[j].strip().startswith(fence) and
                                      lines[j].strip().strip(fence[0]) == ""):
            j += 1
        if info in ("pycon", "console"):
            body = [l[len(indent):] if l.startswith(indent) else l.lstrip() for l in lines[i + 1:j]]
            blocks.append(Block(path, i + 1, j, indent, block_steps(path, i + 2, body, info),
                                python=info == "pycon"))
        i = j + 1
    return blocks


def line_matches(pattern, line):
    if "[...]" not in pattern:
        return pattern == line
    parts = [re.escape(p) for p in pattern.split("[...]")]
    return re.fullmatch(".*".join(parts), line, re.DOTALL) is not None


def matches(expected, actual):
    """Whether actual lines match the expected lines with their masks."""
    memo = {}

    def go(i, j):
        key = (i, j)
        if key in memo:
            return memo[key]
        if i == len(expected):
            r = j == len(actual)
        elif expected[i] == "...":
            r = any(go(i + 1, k) for k in range(j, len(actual) + 1))
        else:
            r = j < len(actual) and line_matches(expected[i], actual[j]) and go(i + 1, j + 1)
        memo[key] = r
        return r

    return go(0, 0)


def scratch_for(build, bilateral):
    scratch = tempfile.mkdtemp(prefix="bilateral-doctest.")
    # data/ is a copy, so that a documented command never writes into the source tree.
    shutil.copytree(os.path.join(ROOT, "data"), os.path.join(scratch, "data"))
    for name in ("scripts", "examples", "Makefile"):
        os.symlink(os.path.join(ROOT, name), os.path.join(scratch, name))
    os.symlink(os.path.abspath(build), os.path.join(scratch, "build"))
    os.mkdir(os.path.join(scratch, ".bin"))
    os.symlink(os.path.abspath(bilateral), os.path.join(scratch, ".bin", "bilateral"))
    return scratch


def run(command, cwd):
    env = {k: v for k, v in os.environ.items()
           if k not in ("BILATERAL_DB", "BILATERAL_DATA_DIR", "COLUMNS", "MAKEFLAGS", "MFLAGS",
                        "MAKELEVEL")}
    env.update(PATH=os.path.join(cwd, ".bin") + os.pathsep + env.get("PATH", "/usr/bin:/bin"),
               LC_ALL="C.UTF-8", TZ="UTC", BILATERAL_SKIP_DEPS="1")
    p = subprocess.run(["bash", "-c", "\n".join(command)], cwd=cwd, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=COMMAND_TIMEOUT)
    out = p.stdout.decode("utf-8", "replace").split("\n")
    if out and out[-1] == "":
        out.pop()
    out = [l.rstrip() for l in out]
    if p.returncode != 0:
        out.append(f"[exit {p.returncode}]")
    return out


# Runs the statements it reads as JSON on standard input, each in "single" mode (an
# expression's value is printed, as at the prompt), and writes what each printed as JSON.
PYCON_RUNNER = r"""
import contextlib, io, json, sys, traceback
outs, scope = [], {"__name__": "__main__"}
for source in json.load(sys.stdin):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
        try:
            exec(compile(source + "\n", "<doc>", "single"), scope)
        except Exception as e:
            print("Traceback (most recent call last):")
            print(traceback.format_exception_only(type(e), e)[-1], end="")
    outs.append(buf.getvalue())
json.dump(outs, sys.__stdout__)
"""


def run_pycon(steps, cwd, build):
    env = {k: v for k, v in os.environ.items() if k not in ("BILATERAL_DB", "COLUMNS", "LINES")}
    env.update(PYTHONPATH=os.path.join(os.path.abspath(build), "python"), LC_ALL="C.UTF-8",
               TZ="UTC")
    python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
    p = subprocess.run([python, "-c", PYCON_RUNNER], cwd=cwd, env=env,
                       input=json.dumps([c[0] for _, c, _ in steps]).encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=COMMAND_TIMEOUT)
    if p.returncode != 0:
        return [["[the Python session failed: " + p.stderr.decode("utf-8", "replace").strip()
                 + "]"]] * len(steps)
    outs = []
    for o in json.loads(p.stdout):
        lines = [l.rstrip() for l in o.split("\n")]
        if lines and lines[-1] == "":
            lines.pop()
        outs.append(lines)
    return outs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bilateral", required=True, help="the built command")
    ap.add_argument("--build", help="the build folder (default: the command's folder)")
    ap.add_argument("--update", action="store_true", help="rewrite expected outputs")
    ap.add_argument("--keep", action="store_true", help="keep the scratch folders")
    ap.add_argument("files", nargs="*", help="Markdown files (default: README.md, docs/*.md)")
    a = ap.parse_args()
    build = a.build or os.path.dirname(os.path.abspath(a.bilateral))
    files = a.files or [os.path.join(ROOT, "README.md")] + sorted(
        glob.glob(os.path.join(ROOT, "docs", "*.md")))

    failures = 0
    ran = 0
    skipped = 0
    has_python = os.path.isdir(os.path.join(build, "python", "bilateral"))
    for path in files:
        blocks = parse(path)
        if not blocks:
            continue
        rel = os.path.relpath(path, ROOT)
        scratch = scratch_for(build, a.bilateral)
        rewrites = []
        try:
            for b in blocks:
                new_body = []
                changed = False
                if b.python and not has_python:
                    skipped += 1
                    continue
                actuals = run_pycon(b.steps, scratch, build) if b.python else None
                for n, (line, command, expected) in enumerate(b.steps):
                    actual = actuals[n] if b.python else run(command, scratch)
                    ran += 1
                    if b.python:
                        statement = command[0].split("\n")
                        new_body += [">>> " + statement[0]] + ["... " + l for l in statement[1:]]
                    else:
                        new_body += ["$ " + command[0]] + command[1:]
                    if matches(expected, actual):
                        new_body += expected
                        continue
                    changed = True
                    failures += 1
                    print(f"{rel}:{line}: $ {' '.join(command)}", file=sys.stderr)
                    for d in difflib.unified_diff(expected, actual, "expected", "actual",
                                                  lineterm="", n=2):
                        print("    " + d, file=sys.stderr)
                    if any(l == "..." or "[...]" in l for l in expected):
                        print(f"{rel}:{line}: the masks of this block are lost by --update; "
                              "add them again", file=sys.stderr)
                    new_body += actual
                if changed:
                    rewrites.append((b, new_body))
        finally:
            if a.keep:
                print(f"{rel}: scratch folder {scratch}", file=sys.stderr)
            else:
                shutil.rmtree(scratch, ignore_errors=True)
        if a.update and rewrites:
            lines = open(path, encoding="utf-8").read().split("\n")
            for b, body in sorted(rewrites, key=lambda r: -r[0].start):
                lines[b.start:b.end] = [(b.indent + l) if l else l for l in body]
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
            print(f"{rel}: rewrote {len(rewrites)} block(s)", file=sys.stderr)

    if a.update:
        print(f"ok: {ran} commands run, {failures} outputs rewritten")
        return 0
    if failures:
        print(f"{failures} of {ran} documented commands printed something else "
              "(scripts/doc_test.py --update rewrites them)", file=sys.stderr)
        return 1
    note = (f" ({skipped} Python block(s) skipped: this build has no Python module)"
            if skipped else "")
    print(f"ok: {ran} documented commands print what the docs say{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
