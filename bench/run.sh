#!/usr/bin/env bash
# Reproduces the figures of docs/performance.md.
#
#   bench/run.sh [BUILD_DIR]          (default BUILD_DIR: build; configure with Release)
#
# 1. The reference check: the 100k file (N 100000, M 6325, seed 42) and its queries (seed 7),
#    their SHA-256 against ../shared/bench/README.md, then bilateral-workload once; its nine
#    checksums must equal the README's reference values (exit 1 otherwise).
# 2. The measurement: the 1M file (N 1000000, M 20000) run RUNS times through bilateral-workload
#    and sqlite-minimal, alternately; prints every run and the medians, and load_s relative to
#    the minimal loader.
#
# Environment: SHARED (the shared bench folder, default <repo>/../shared/bench), WORK (where
# data and databases go, default /tmp/bilateral-bench; never commit the data), RUNS (default 3),
# SIZES (default "100k 1m"; add 10m for the 10M-row run), PYTHON (default python3).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build}
shared=${SHARED:-$repo/../shared/bench}
work=${WORK:-/tmp/bilateral-bench}
runs=${RUNS:-3}
sizes=${SIZES:-100k 1m}
python=${PYTHON:-python3}
workload=$build/bench/bilateral-workload
minimal=$build/bench/sqlite-minimal

for exe in "$workload" "$minimal"; do
  if [[ ! -x $exe ]]; then
    echo "missing $exe; build first:" >&2
    echo "  cmake -S $repo -B $build -DCMAKE_BUILD_TYPE=Release" >&2
    echo "  cmake --build $build -j2 --target bilateral-workload sqlite-minimal" >&2
    exit 2
  fi
done
[[ -f $shared/gen_icews.py ]] || { echo "no shared bench folder at $shared" >&2; exit 2; }
mkdir -p "$work"

echo "== machine"
echo "nproc: $(nproc)"
grep -m1 'model name' /proc/cpuinfo | sed 's/^model name\s*: /cpu: /'
awk '/MemTotal/ {printf "memory: %.1f GiB\n", $2 / 1048576}' /proc/meminfo
echo "kernel: $(uname -r)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "sqlite: $(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo '?')"

# gen NAME EVENTS ACTORS: data and query files, generated once.
gen() {
  local name=$1 events=$2 actors=$3
  if [[ ! -s $work/icews-$name.tsv ]]; then
    echo "generating $work/icews-$name.tsv"
    "$python" "$shared/gen_icews.py" --events "$events" --actors "$actors" --seed 42 \
      --out "$work/icews-$name.tsv"
  fi
  if [[ ! -s $work/queries-$name.tsv ]]; then
    "$python" "$shared/make_queries.py" --data "$work/icews-$name.tsv" --n 1000 --seed 7 \
      --out "$work/queries-$name.tsv"
  fi
}

status=0
if [[ " $sizes " == *" 100k "* ]]; then
  echo "== reference check: 100k"
  gen 100k 100000 6325
  check_sha() {
    local file=$1 want=$2 got
    got=$(sha256sum "$file" | cut -d' ' -f1)
    if [[ $got == "$want" ]]; then echo "sha256 ok: $file"; else
      echo "sha256 MISMATCH: $file is $got, README says $want"; status=1; fi
  }
  check_sha "$work/icews-100k.tsv" e1f9906ceb1fba3f57e6e5a64950e43e37372ceda35a1f326863e9315e02a005
  check_sha "$work/queries-100k.tsv" aeebda4f388b033e33730cb658ec337512afe903c7621c309fe9f4ecc9b1e201
  out=$("$workload" "$work/icews-100k.tsv" "$work/queries-100k.tsv" --db "$work/bilateral-100k.db")
  echo "$out"
  declare -A want=([chk_whomet]=10188 [chk_whomet_win]=682 [chk_timeline_n]=37608
    [chk_timeline]=153938361 [chk_dyad_n]=61317 [chk_dyad]=925995856 [chk_path]=2750
    [chk_path_unreach]=0 [chk_ego2]=1773015)
  for m in chk_whomet chk_whomet_win chk_timeline_n chk_timeline chk_dyad_n chk_dyad chk_path \
           chk_path_unreach chk_ego2; do
    got=$(sed -n "s/^peer=bilateral size=100000 metric=$m value=//p" <<<"$out")
    if [[ $got == "${want[$m]}" ]]; then echo "checksum ok: $m = $got"; else
      echo "checksum MISMATCH: $m = ${got:-(none)}, reference ${want[$m]}"; status=1; fi
  done
fi

# timed COMMAND...: runs it; on a shared machine the process's CPU time (user + sys, from
# /usr/bin/time, on stderr) says more than wall time.
timed() {
  sync  # start with no dirty pages of the previous run still being written back
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f "   (cpu: user %U s, sys %S s; wall %e s; max rss %M KiB)" "$@"
  else
    "$@"
  fi
}

# measure NAME: RUNS alternating runs of the workload and the minimal loader, then medians.
measure() {
  local name=$1 log=$work/runs-$1.txt
  : >"$log"
  for ((i = 1; i <= runs; i++)); do
    echo "-- run $i/$runs (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    timed "$workload" "$work/icews-$name.tsv" "$work/queries-$name.tsv" \
      --db "$work/bilateral-$name.db" | tee -a "$log"
    timed "$minimal" "$work/icews-$name.tsv" --db "$work/minimal-$name.db" | tee -a "$log"
  done
  echo "== medians of $runs runs: $name"
  "$python" - "$log" <<'EOF'
import statistics, sys
vals = {}
for line in open(sys.argv[1]):
    f = dict(kv.split("=", 1) for kv in line.split())
    vals.setdefault((f["peer"], f["size"], f["metric"]), []).append(float(f["value"]))
for (peer, size, metric), v in vals.items():
    m = statistics.median(v)
    text = str(int(m)) if metric.startswith("chk_") else f"{m:g}"
    print(f"peer={peer} size={size} metric={metric} value={text}")
loads = {p: statistics.median(v) for (p, s, m), v in vals.items() if m == "load_s"}
if "bilateral" in loads and "sqlite-minimal" in loads:
    print(f"load_s ratio bilateral / sqlite-minimal: {loads['bilateral'] / loads['sqlite-minimal']:.2f}")
EOF
}

if [[ " $sizes " == *" 1m "* ]]; then
  echo "== measurement: 1M"
  gen 1m 1000000 20000
  measure 1m
fi
if [[ " $sizes " == *" 10m "* ]]; then
  echo "== 10M rows"
  gen 10m 10000000 63246
  runs=1 measure 10m
fi
exit $status
