#!/bin/bash
# Runs a command and samples the resident memory (VmRSS, KB) of it and its child processes
# every second: `bench/rss.sh LOG -- COMMAND...` appends "SECONDS KB" lines to LOG (the largest
# process's figure), to see when in a run the memory grows (/usr/bin/time gives the peak only).
set -u
log=$1
shift
[ "${1:-}" = "--" ] && shift
"$@" &
pid=$!
t=0
while kill -0 "$pid" 2>/dev/null; do
    r=0
    for p in $pid $(pgrep -P "$pid"); do
        v=$(awk '/VmRSS/{print $2}' "/proc/$p/status" 2>/dev/null)
        if [ -n "$v" ] && [ "$v" -gt "$r" ]; then r=$v; fi
    done
    echo "$t $r" >>"$log"
    sleep 1
    t=$((t + 1))
done
wait "$pid"
