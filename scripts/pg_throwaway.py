#!/usr/bin/env python3
"""Throwaway PostgreSQL servers for tests: initdb and pg_ctl in a temporary folder, listening on
127.0.0.1 at a free port (no Unix socket outside that folder), run as the `postgres` user when
this runs as root (PostgreSQL refuses root); stopped and removed at the end, also when the
command or test fails or is interrupted.

Two ways to use it:

  pg_throwaway.py [-n N] -- COMMAND [ARG...]
      starts N servers (default 1), runs COMMAND with BILATERAL_PG_URLS set to their URLs
      (separated by spaces), stops and removes them, and exits with COMMAND's status.

  pg_throwaway.py [-n N] --serve
      starts N servers, prints one line `url URL` per server then `ready`, and serves requests
      read from standard input, one per line, each answered on one line (`ok ...` or
      `error ...`):
        createdb I NAME   a new database NAME on server I (0-based); answers its URL
        stop I            stops server I (fast shutdown); `start I` starts it again
        kill I            stops server I at once (immediate shutdown: no clean end)
      End of input (the caller closed the pipe, exited or crashed), SIGTERM, SIGINT or SIGHUP
      stops and removes every server. The tests' C++ side (tests/support/pg_server.hpp) drives
      this mode.

`-c NAME=VALUE` (repeatable, no spaces) adds a server setting, for benchmarks
(`-c shared_buffers=1GB`).

Each URL is `postgresql://postgres@127.0.0.1:PORT/bilateral?passfile=FILE`: the superuser's
password is random, kept only in FILE (mode 0600, libpq's password-file format), never on a
command line or in a URL. Where no server binaries are found (initdb, pg_ctl: BILATERAL_PG_BINDIR,
`pg_config --bindir`, /usr/lib/postgresql/*/bin, PATH), it prints one line saying so and exits
with 77, the status ctest treats as "skipped" (SKIP_RETURN_CODE). BILATERAL_PG_BINDIR, when set,
is the only folder looked at.

The servers trade durability for speed (fsync off): they hold test data only.
"""
import argparse
import glob
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

SKIP = 77
USER = "postgres"  # the superuser role of every server


def find_bindir():
    """The folder holding initdb and pg_ctl, or None."""
    candidates = []
    if os.environ.get("BILATERAL_PG_BINDIR"):  # when set, the only place looked at
        d = os.environ["BILATERAL_PG_BINDIR"]
        return d if all(os.access(os.path.join(d, b), os.X_OK)
                        for b in ("initdb", "pg_ctl", "postgres")) else None
    try:
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True,
                             check=True)
        candidates.append(out.stdout.strip())
    except (OSError, subprocess.CalledProcessError):
        pass

    def version(path):
        try:
            return int(path.split("/")[-2])
        except ValueError:
            return 0
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(os.path.dirname(on_path))
    for d in candidates:
        if all(os.access(os.path.join(d, b), os.X_OK) for b in ("initdb", "pg_ctl", "postgres")):
            return d
    return None


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Servers:
    """N servers under one temporary folder; `close()` stops and removes them all."""

    def __init__(self, bindir, count, settings=()):
        self.bindir = bindir
        self.settings = list(settings)
        self.as_postgres = os.geteuid() == 0
        self.base = tempfile.mkdtemp(prefix="bilateral-pg-")
        self.ports = []
        self.dirs = []
        self.running = []
        # Others need to pass through the base folder (the servers run as postgres); its files
        # are the client's password file (0600) and one 0700 folder per server.
        os.chmod(self.base, 0o711)
        self.password = secrets.token_hex(16)
        self.passfile = os.path.join(self.base, "pgpass")
        fd = os.open(self.passfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(f"127.0.0.1:*:*:{USER}:{self.password}\n")
        try:
            self._init(count)
        except BaseException:
            self.close()
            raise

    def _run(self, args, **kw):
        """Runs a server binary, as postgres when root; raises with its output on failure."""
        user = {"user": USER, "group": USER, "extra_groups": []} if self.as_postgres else {}
        r = subprocess.run([os.path.join(self.bindir, args[0])] + args[1:], capture_output=True,
                           text=True, stdin=subprocess.DEVNULL, **user, **kw)
        if r.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({r.returncode}): {r.stdout}{r.stderr}".strip())
        return r

    def _owned_dir(self, path):
        os.mkdir(path, 0o700)
        if self.as_postgres:
            shutil.chown(path, USER, USER)

    def _init(self, count):
        # One initdb, copied for the others: initdb is most of a server's start-up time.
        template = os.path.join(self.base, "template")
        self._owned_dir(template)
        pwfile = os.path.join(template, "pw")
        fd = os.open(pwfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(self.password + "\n")
        if self.as_postgres:
            shutil.chown(pwfile, USER, USER)
        self._run(["initdb", "-D", os.path.join(template, "data"), "-U", USER,
                   "--auth=scram-sha-256", f"--pwfile={pwfile}", "-E", "UTF8",
                   "--locale=C.UTF-8", "--no-sync", "--no-instructions"])
        os.remove(pwfile)
        for i in range(count):
            d = os.path.join(self.base, f"s{i}")
            if i + 1 < count:
                self._copy(template, d)
            else:
                os.rename(template, d)
            self.dirs.append(d)
            self.ports.append(0)
            self.running.append(False)
            self.start(i)
            self._createdb(i, "bilateral")

    @staticmethod
    def _copy(src, dst):
        # cp -a keeps owners and modes (root may; otherwise they are the caller's anyway).
        subprocess.run(["cp", "-a", src, dst], check=True)

    def start(self, i):
        """Starts server i; on its first start picks a free port (retrying if taken)."""
        d = self.dirs[i]
        for attempt in range(5):
            port = self.ports[i] or free_port()
            opts = (f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={d} "
                    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                    "-c shared_buffers=64MB -c max_connections=60 -c max_wal_size=2GB "
                    "-c log_min_messages=warning" +
                    "".join(f" -c {s}" for s in self.settings))
            try:
                self._run(["pg_ctl", "-D", os.path.join(d, "data"), "-l",
                           os.path.join(d, "log"), "-o", opts, "-w", "-t", "60", "start"])
            except RuntimeError:
                if self.ports[i] or attempt == 4:
                    raise
                continue  # the port was taken meanwhile: another one
            self.ports[i] = port
            self.running[i] = True
            return

    def stop(self, i, mode="fast"):
        if not self.running[i]:
            return
        self.running[i] = False
        self._run(["pg_ctl", "-D", os.path.join(self.dirs[i], "data"), "-m", mode, "-w", "-t",
                   "30", "stop"])

    def _createdb(self, i, name):
        env = dict(os.environ, PGPASSFILE=self.passfile)
        r = subprocess.run([os.path.join(self.bindir, "createdb"), "-h", "127.0.0.1", "-p",
                            str(self.ports[i]), "-U", USER, name], capture_output=True,
                           text=True, env=env, stdin=subprocess.DEVNULL)
        if r.returncode != 0:
            raise RuntimeError(f"createdb {name} failed: {r.stderr.strip()}")

    def url(self, i, db="bilateral"):
        return f"postgresql://{USER}@127.0.0.1:{self.ports[i]}/{db}?passfile={self.passfile}"

    def close(self):
        for i in range(len(self.dirs)):
            try:
                self.stop(i)
            except Exception:  # a server that will not stop cleanly is stopped at once
                try:
                    self._run(["pg_ctl", "-D", os.path.join(self.dirs[i], "data"), "-m",
                               "immediate", "-w", "stop"])
                except Exception as e:
                    print(f"pg_throwaway: could not stop server {i}: {e}", file=sys.stderr)
        shutil.rmtree(self.base, ignore_errors=True)


def serve(servers):
    for i in range(len(servers.dirs)):
        print("url", servers.url(i), flush=True)
    print("ready", flush=True)
    for line in sys.stdin:
        words = line.split()
        try:
            if len(words) == 3 and words[0] == "createdb":
                i = int(words[1])
                servers._createdb(i, words[2])
                print("ok", servers.url(i, words[2]), flush=True)
            elif len(words) == 2 and words[0] in ("stop", "kill", "start"):
                i = int(words[1])
                if words[0] == "start":
                    servers.start(i)
                else:
                    servers.stop(i, "fast" if words[0] == "stop" else "immediate")
                print("ok", flush=True)
            else:
                print("error unknown request:", line.strip(), flush=True)
        except (RuntimeError, ValueError, IndexError) as e:
            print("error", str(e).replace("\n", " "), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=1, help="how many servers (default 1)")
    parser.add_argument("--serve", action="store_true", help="serve requests on stdin")
    parser.add_argument("-c", dest="settings", action="append", default=[],
                        metavar="NAME=VALUE", help="a server setting (benchmarks: "
                        "-c shared_buffers=1GB); repeatable")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not args.serve and not command:
        parser.error("give --serve or a command after --")
    bindir = find_bindir()
    if not bindir:
        print("skipped: no PostgreSQL server binaries (initdb, pg_ctl) found; on Debian: "
              "apt-get install postgresql-15, or set BILATERAL_PG_BINDIR", flush=True)
        return SKIP

    def stop_on_signal(signum, _frame):
        raise SystemExit(128 + signum)
    for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(s, stop_on_signal)
    try:
        servers = Servers(bindir, args.n, args.settings)
    except (RuntimeError, OSError, subprocess.CalledProcessError) as e:
        print(f"pg_throwaway: cannot start the servers: {e}", file=sys.stderr)
        return 1
    try:
        if args.serve:
            serve(servers)
            return 0
        env = dict(os.environ, BILATERAL_PG_URLS=" ".join(
            servers.url(i) for i in range(args.n)))
        # A signal while the command starts must still stop it: held until `child` is known
        # (the command itself starts with them unblocked).
        stops = {signal.SIGTERM, signal.SIGHUP, signal.SIGINT}
        child = None
        try:
            signal.pthread_sigmask(signal.SIG_BLOCK, stops)
            child = subprocess.Popen(
                command, env=env,
                preexec_fn=lambda: signal.pthread_sigmask(signal.SIG_UNBLOCK, stops))
            signal.pthread_sigmask(signal.SIG_UNBLOCK, stops)
            return child.wait()
        except SystemExit:
            if child is not None:
                child.terminate()
                child.wait()
            raise
    finally:
        # Signals during the clean-up would leave servers behind: ignored from here on.
        for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            signal.signal(s, signal.SIG_IGN)
        servers.close()


if __name__ == "__main__":
    sys.exit(main())
