#!/usr/bin/env python3
"""scripts/pg_throwaway.py as a test or a person runs it: the command gets working URLs, its
exit status comes back, and the servers and their folder are gone afterwards, also when the
command fails or the script is stopped by a signal; without server binaries it says so and exits
with 77. Run by ctest (tests/postgres.cmake) with the source folder as argument."""
import os
import re
import signal
import socket
import subprocess
import sys
import time

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SCRIPT = os.path.join(ROOT, "scripts", "pg_throwaway.py")
URL = re.compile(r"postgresql://postgres@127\.0\.0\.1:(\d+)/bilateral\?passfile=(\S+)/pgpass")


def listening(port):
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def gone(urls):
    """Whether every server of these URLs stopped and its folder was removed."""
    for port, folder in urls:
        if listening(int(port)) or os.path.exists(folder):
            return False
    return True


def failures():
    problems = []
    # A failing command: its status comes back; both servers answered while it ran.
    r = subprocess.run([sys.executable, SCRIPT, "-n", "2", "--", "sh", "-c",
                        'for u in $BILATERAL_PG_URLS; do psql "$u" -Atc "SELECT 40 + 2" || '
                        'exit 9; done; echo "$BILATERAL_PG_URLS"; exit 3'],
                       capture_output=True, text=True, timeout=240)
    urls = URL.findall(r.stdout)
    if r.returncode != 3:
        problems.append(f"exit status {r.returncode}, not the command's 3: {r.stderr}")
    if r.stdout.count("42\n") != 2 or len(urls) != 2:
        problems.append(f"the command did not reach two servers: {r.stdout!r}")
    if not gone(urls):
        problems.append(f"servers or folders left after a failing command: {urls}")
    # Stopped by SIGTERM while the command runs: it still cleans up.
    p = subprocess.Popen([sys.executable, SCRIPT, "--", "sh", "-c",
                          'echo "$BILATERAL_PG_URLS"; exec sleep 300'], stdout=subprocess.PIPE,
                         text=True)
    line = p.stdout.readline()
    urls = URL.findall(line)
    p.send_signal(signal.SIGTERM)
    status = p.wait(timeout=120)
    if status == 0 or len(urls) != 1:
        problems.append(f"SIGTERM: status {status}, URLs {line!r}")
    elif not gone(urls):
        problems.append(f"servers or folders left after SIGTERM: {urls}")
    # No server binaries: one line, status 77 (ctest's "skipped").
    env = dict(os.environ, BILATERAL_PG_BINDIR="/nonexistent")
    r = subprocess.run([sys.executable, SCRIPT, "--", "true"], capture_output=True, text=True,
                       env=env, timeout=60)
    if r.returncode != 77 or not r.stdout.startswith("skipped: no PostgreSQL server binaries"):
        problems.append(f"without binaries: status {r.returncode}, said {r.stdout!r}")
    return problems


if __name__ == "__main__":
    start = time.time()
    probe = subprocess.run([sys.executable, SCRIPT, "--", "true"], capture_output=True, text=True,
                           timeout=240)
    if probe.returncode == 77:  # no server binaries here: the script's line, and skip
        print(probe.stdout.strip())
        sys.exit(0)
    found = failures()
    for p in found:
        print("FAIL:", p)
    print("ok" if not found else "failed", f"({time.time() - start:.1f} s)")
    sys.exit(1 if found else 0)
