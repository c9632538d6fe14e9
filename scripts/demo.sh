#!/usr/bin/env bash
# The demo: load the bundled dataset into a fresh database and show what it holds.
# Usage: scripts/demo.sh path/to/bilateral path/to/demo.db
set -euo pipefail
bin=$1
db=$2
mkdir -p "$(dirname "$db")"
rm -f "$db" "$db-wal" "$db-shm"
"$bin" --db "$db" import data/italy-malaysia-2025.json
echo
"$bin" --db "$db" stats
