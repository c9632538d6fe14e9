#!/usr/bin/env bash
# The speed of `bilateral report` (docs/report.md): one dyad report per run, a fresh process, the
# OS cache warm; wall time and peak RSS from /usr/bin/time.
#
#   bench/report_bench.sh BILATERAL DB [DYAD...]     (default dyads: FRA:DEU ITA:MYS USA:CHN)
set -euo pipefail
bin=$1 db=$2
shift 2
dyads=("$@")
[ ${#dyads[@]} -gt 0 ] || dyads=(FRA:DEU ITA:MYS USA:CHN)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for d in "${dyads[@]}"; do
  "$bin" --db "$db" report --dyad "$d" -o "$out/warm.html" >/dev/null  # warm the cache
  for run in 1 2 3; do
    /usr/bin/time -f "report dyad=$d run=$run wall_s=%e rss_kb=%M" \
      "$bin" --db "$db" report --dyad "$d" -o "$out/$run.html" 2>&1 >/dev/null | tail -n 1
  done
  echo "report dyad=$d bytes=$(stat -c %s "$out/1.html")"
done
