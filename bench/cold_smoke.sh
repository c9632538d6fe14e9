#!/usr/bin/env bash
# ctest bench.cold_smoke: bench/compare (two builds: here the same command and runner on two
# copies of one file) on a 1,000-row file from the shared generator: the imports, the warm
# workload and bench/cold_queries.py with every set (uniform, hubs, trend), the sqlite3 shell
# beside. Checks that each verb of each set is measured for every tool that answers it, that the
# tools' answers have the same number of rows (--check-rows) and that the warm runs' checksums
# are equal. No timing assertions; DuckDB is not run (it needs npm).
#
# usage: cold_smoke.sh BILATERAL WORKLOAD SHARED_BENCH_DIR WORK_DIR [PYTHON3]
# Exits 77 (skipped) when the shared benchmark folder, Python 3 or the sqlite3 shell is missing.
set -euo pipefail
bilateral=$1 workload=$2 shared=$3 work=$4 python=${5:-python3}
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
        --label 1k --check-rows --imports 1 --base-workload "$workload" \
        --new-workload "$workload" --warm-runs 1 --warm-dir "$work")
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
for build in base new; do
  expect "^import=$build run=1 wall_s=[0-9.]+ cpu_s=[0-9.]+ max_rss_mb=[0-9]+ load_s=[0-9.]+$"
  expect "^build=$build run=1 peer=bilateral size=1000 metric=chk_ego2 value=[0-9]+$"
done
for m in chk_whomet chk_timeline chk_dyad chk_path chk_ego2; do
  expect "^\| $m \| [0-9]+ \| [0-9]+ \| equal \|$"
done
exit $fail
