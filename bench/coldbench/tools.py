"""The tools that answer the questions: one or more bilateral commands (each on its own file),
the sqlite3 shell on a bilateral file, DuckDB from node on its own file. Each gives, for a
question, the command of one fresh process and how to count the rows of its answer, or None when
it cannot answer it."""
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
DUCKDB_DIR = os.path.join(os.path.dirname(HERE), "duckdb")


class Bilateral:
    kind = "bilateral"

    def __init__(self, name, exe, db):
        self.name, self.exe, self.db = name, exe, db
        self._verbs = {}

    def has_verb(self, verb):
        """Whether this build knows the verb (its `VERB --help` succeeds)."""
        if verb not in self._verbs:
            done = subprocess.run([self.exe, verb, "--help"], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
            self._verbs[verb] = done.returncode == 0
        return self._verbs[verb]

    def command(self, question):
        args = question.bilateral
        if args is None or not self.has_verb(args[0]):
            return None
        return [self.exe, "--db", self.db] + args

    def count_command(self, question):
        cmd = self.command(question)
        if cmd is None or question.count is None:
            return None, None
        if "--json" not in cmd:
            cmd = cmd + ["--json"]
        return cmd, "json-total"


class Sqlite3:
    kind = "sqlite3"
    name = "sqlite3"

    def __init__(self, exe, db):
        self.exe, self.db = exe, db

    def command(self, question):
        if question.sqlite is None:
            return None
        sql, json = question.sqlite
        return [self.exe, "-readonly"] + (["-json"] if json else []) + [self.db, sql]

    def count_command(self, question):
        if question.sqlite is None or question.count is None:
            return None, None
        return self.command(question), "json-lines" if question.sqlite[1] else "lines"


class DuckDB:
    kind = "duckdb"
    name = "duckdb"

    def __init__(self, node, db):
        self.node, self.db = node, db
        self.script = os.path.join(DUCKDB_DIR, "query.mjs")

    def command(self, question):
        if question.duck is None:
            return None
        sql, json = question.duck
        return [self.node, self.script, self.db] + (["--json"] if json else []) + [sql]

    def count_command(self, question):
        if question.duck is None or question.count is None:
            return None, None
        return self.command(question), "json-lines" if question.duck[1] else "lines"


def ensure_duckdb(node, npm, duckdb_file, data, log):
    """The DuckDB peer ready: its npm package installed (bench/duckdb/setup.sh, `npm ci` from the
    committed lock file) and its file loaded from DATA when missing. Returns the load's output
    lines (load_s), or [] when the file was there."""
    if not os.path.isdir(os.path.join(DUCKDB_DIR, "node_modules", "@duckdb", "node-api")):
        subprocess.run([os.path.join(DUCKDB_DIR, "setup.sh")], check=True,
                       env=dict(os.environ, NPM=npm))
    if os.path.exists(duckdb_file):
        return []
    if not data:
        raise SystemExit(f"{duckdb_file} does not exist; give --data to load it")
    log(f"loading {data} into {duckdb_file} (DuckDB)")
    out = subprocess.run(["/usr/bin/time", "-f", "peer=duckdb metric=load_wall_s value=%e\n"
                          "peer=duckdb metric=load_rss_mb value=%M", node,
                          os.path.join(DUCKDB_DIR, "load.mjs"), data, duckdb_file],
                         capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines() + out.stderr.splitlines()
    return [fix_rss(line) for line in lines if line.startswith("peer=duckdb")]


def fix_rss(line):
    if "metric=load_rss_mb" in line:
        head, kb = line.rsplit("=", 1)
        return f"{head}={int(kb) / 1024.0:.1f}"
    return line
