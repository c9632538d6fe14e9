#!/usr/bin/env bash
# The demo: load the bundled dataset into a fresh database, show what it holds, who met Anwar
# Ibrahim, the Italy–Malaysia timeline, and write the graph as GraphML for NetworkX, igraph,
# Gephi, yEd or Cytoscape (docs/graph.md says how to open it).
# Usage: scripts/demo.sh path/to/bilateral path/to/demo.db
set -euo pipefail
bin=$1
db=$2
dir=$(dirname "$db")
graphml=$dir/italy-malaysia.graphml
mkdir -p "$dir"
rm -f "$db" "$db-wal" "$db-shm"

section() { printf '\n== %s\n' "$1"; }

"$bin" --db "$db" import data/italy-malaysia-2025.json
section "What the database holds"
"$bin" --db "$db" stats
section "Who met Anwar Ibrahim"
"$bin" --db "$db" who-met "Anwar Ibrahim"
section "Italy–Malaysia timeline"
"$bin" --db "$db" timeline --dyad ITA:MYS
section "Graph export"
"$bin" --db "$db" export --format graphml -o "$graphml"
echo "The GraphML file is $graphml: open it in Gephi, yEd, Cytoscape, NetworkX or igraph"
echo "(docs/graph.md says how, step by step)."

section "HTML report"
report=$dir/report-ita-mys.html
png=$dir/report-ita-mys.png
sources=()
[ -d ../shared/sources ] && sources=(--sources ../shared/sources)
"$bin" --db "$db" report --dyad ITA:MYS "${sources[@]}" -o "$report"
if command -v chromium >/dev/null 2>&1; then
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$png" \
    --window-size=1280,2000 "file://$(realpath "$report")" >/dev/null 2>&1 || true
fi
echo "The report is $report (open it in any browser, offline)"
[ -f "$png" ] && echo "Its rendering is $png"
exit 0
