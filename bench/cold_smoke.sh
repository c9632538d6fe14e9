#!/usr/bin/env bash
# ctest bench.cold_smoke: bench/compare (two builds: here the same command on two copies of one
# file) and bench/cold_queries.py on a 1,000-row file from the shared generator, every set
# (uniform, hubs, trend), the sqlite3 shell beside. Checks that each verb of each set is
# measured for every tool that answers it and that the tools' answers have the same number of
# rows (--check-rows). No timing assertions; DuckDB is not run (it needs npm).
#
# usage: cold_smoke.sh BILATERAL SHARED_BENCH_DIR WORK_DIR [PYTHON3]
# Exits 77 (skipped) when the shared benchmark folder, Python 3 or the sqlite3 shell is missing.
set -euo pipefail
bilateral=$1 shared=$2 work=$3 python=${4:-python3}
here=$(cd "$(dirname "$0")" && pwd)

if [[ ! -f $shared/gen_icews.py || ! -f $shared/make_queries.py ]]; then
  echo "skipped: no shared benchmark folder at $shared"; exit 77
fi
for tool in "$python" sqlite3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "skipped: no $tool"; exit 77; }
done

rm -rf "$work" && mkdir -p "$work"
data=$work/icews-1k.tsv queries=$work/queries-1k.tsv
"$python" "$shared/gen_icews.py" --events 1000 --actors 632 --seed 42 --out "$data"
"$python" "$shared/make_queries.py" --data "$data" --n 1000 --seed 7 --out "$queries"
"$bilateral" --db "$work/a.db" import -q "$data" "$here/../data/italy-malaysia-2025.json"
cp "$work/a.db" "$work/b.db"

out=$("$python" "$here/compare" --base "$bilateral" "$work/a.db" --new "$bilateral" "$work/b.db" \
        --queries "$queries" --data "$data" --n 3 --hubs 2 --hub-runs 1 --n-trend 2 \
        --label 1k --check-rows)
echo "$out"
fail=0
expect() {
  grep -Eq "$1" <<<"$out" || { echo "FAIL: no line matching: $1"; fail=1; }
}
for tool in base new sqlite3; do
  for verb in who-met timeline dyad holders path stats; do
    expect "^size=1k set=uniform verb=$verb tool=$tool n=3 p50_ms=[0-9.]+ .* failures=0 "
  done
  for verb in who-met who-met/limit20 timeline timeline/json timeline/limit20; do
    expect "^size=1k set=hubs verb=$verb tool=$tool n=2 p50_ms=[0-9.]+ .* failures=0 "
  done
done
for verb in trend/dyad trend/country pairs pairs/country; do
  expect "^size=1k set=trend verb=$verb tool=sqlite3 n=2 .* failures=0 "
  # Until the verbs exist, each build is reported as missing them; afterwards, measured.
  for tool in base new; do
    expect "^size=1k set=trend verb=$verb tool=$tool (n=2 .* failures=0 |missing=)"
  done
done
expect "^\| uniform \| who-met \| [0-9.]+ / [0-9.]+ \| [0-9.]+ / [0-9.]+ \| [0-9.]+ \|"
# Row counts compared: uniform who-met, timeline, dyad (3 each); hubs 5 verbs x 2 actors.
expect "^row counts: 9 of 9 questions agree across tools$"
expect "^row counts: 10 of 10 questions agree across tools$"
exit $fail
