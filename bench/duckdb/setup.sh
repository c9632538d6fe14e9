#!/usr/bin/env bash
# Installs the DuckDB peer of the benchmark (@duckdb/node-api, the version of package-lock.json)
# into bench/duckdb/node_modules with `npm ci`. Benchmark only: the product never needs it.
# Needs node and npm (Debian: nodejs, npm) and the npm registry. NPM overrides the npm command.
set -euo pipefail
cd "$(dirname "$0")"
npm=${NPM:-npm}
command -v node >/dev/null || { echo "setup.sh: node not found (Debian: apt-get install nodejs)" >&2; exit 2; }
command -v "$npm" >/dev/null || { echo "setup.sh: npm not found (Debian: apt-get install npm)" >&2; exit 2; }
"$npm" ci --no-audit --no-fund
