#!/usr/bin/env bash
# Runs each libFuzzer target for a while, on its seed corpus (fuzz/corpus/<target>, never
# written) plus a working corpus kept in the build folder between runs.
#   fuzz/run.sh BUILD_DIR SECONDS [TARGET...]     (make fuzz, FUZZ_SECONDS=60 by default)
# A crash, a sanitizer report, a leak or a timeout fails the run; the input is saved as
# BUILD_DIR/fuzz-artifacts/<target>-crash-... and the log's tail is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
seconds=${2:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for bin in "$build"/fuzz/fuzz_*; do
    [ -x "$bin" ] && targets+=("$(basename "$bin")")
  done
fi
[ ${#targets[@]} -gt 0 ] || { echo "fuzz: no targets built in $build/fuzz" >&2; exit 1; }

mkdir -p "$build/fuzz-artifacts" "$build/fuzz-logs"
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for t in "${targets[@]}"; do
  bin="$build/fuzz/$t"
  work="$build/fuzz-corpus/$t"
  log="$build/fuzz-logs/$t.log"
  mkdir -p "$work"
  seeds=()
  [ -d "fuzz/corpus/$t" ] && seeds+=("fuzz/corpus/$t")
  options=()
  [ -f "fuzz/$t.dict" ] && options+=("-dict=fuzz/$t.dict")
  if "$bin" "${options[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 \
       -artifact_prefix="$build/fuzz-artifacts/$t-" -print_final_stats=1 \
       "$work" "${seeds[@]}" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    echo "fuzz: $t: ok, ${runs:-?} inputs in ${seconds}s"
  else
    echo "fuzz: $t: FAILED (log: $log); last lines:" >&2
    tail -n 40 "$log" >&2
    status=1
  fi
done
exit $status
