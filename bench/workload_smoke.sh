#!/usr/bin/env bash
# ctest bench.workload_smoke: a 1,000-row file from the shared generator through
# bilateral-workload and sqlite-minimal. Checks that every metric line is printed and that the
# checksums equal bench/reference_checksums.py's. No timing assertions.
#
# usage: workload_smoke.sh WORKLOAD MINIMAL SHARED_BENCH_DIR WORK_DIR [PYTHON3]
# Exits 77 (skipped) when the shared benchmark folder or Python 3 is missing.
set -euo pipefail
workload=$1 minimal=$2 shared=$3 work=$4 python=${5:-python3}
here=$(cd "$(dirname "$0")" && pwd)

if [[ ! -f $shared/gen_icews.py || ! -f $shared/make_queries.py ]]; then
  echo "skipped: no shared benchmark folder at $shared"
  exit 77
fi
if ! command -v "$python" >/dev/null 2>&1; then
  echo "skipped: no python3"
  exit 77
fi

mkdir -p "$work"
data=$work/icews-1k.tsv queries=$work/queries-1k.tsv
"$python" "$shared/gen_icews.py" --events 1000 --actors 632 --seed 42 --out "$data"
"$python" "$shared/make_queries.py" --data "$data" --n 1000 --seed 7 --out "$queries"

out=$("$workload" "$data" "$queries" --db "$work/smoke.db")
echo "$out"
fail=0
for m in load_s project_s rss_mb \
         whomet_p50_us whomet_p95_us whomet_win_p50_us whomet_win_p95_us timeline_p50_us \
         timeline_p95_us dyad_p50_us dyad_p95_us path_p50_us path_p95_us ego2_p50_us ego2_p95_us \
         chk_whomet chk_whomet_win chk_timeline_n chk_timeline chk_dyad_n chk_dyad chk_path \
         chk_path_unreach chk_ego2; do
  if ! grep -Eq "^peer=bilateral size=1000 metric=$m value=-?[0-9]+(\.[0-9]+)?$" <<<"$out"; then
    echo "FAIL: no line for metric $m"
    fail=1
  fi
done
lines=$(grep -c . <<<"$out")
if [[ $lines -ne 24 ]]; then
  echo "FAIL: expected 24 lines, got $lines"
  fail=1
fi

# The checksums against the reference implementation.
while read -r line; do
  m=${line#metric=}; m=${m%% *}
  if ! grep -q "metric=$m value=${line##*value=}\$" <<<"$out"; then
    echo "FAIL: $m differs from the reference ($line)"
    fail=1
  fi
done < <("$python" "$here/reference_checksums.py" "$data" "$queries")

min=$("$minimal" "$data")
echo "$min"
if ! grep -Eq '^peer=sqlite-minimal size=1000 metric=load_s value=[0-9]+\.[0-9]+$' <<<"$min"; then
  echo "FAIL: sqlite-minimal printed no load_s line"
  fail=1
fi
exit $fail
