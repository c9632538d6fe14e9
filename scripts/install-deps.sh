#!/usr/bin/env bash
# Installs the Debian packages bilateral needs to build, test and run its demo; quiet when all
# are present. Uses sudo when not root. Usage: scripts/install-deps.sh [--fuzz]
# Skipped with BILATERAL_SKIP_DEPS=1 (the dependencies are there already, or installed another
# way), and on a system without dpkg (not Debian or Ubuntu): README lists what to install.
set -euo pipefail

if [ "${BILATERAL_SKIP_DEPS:-0}" != "0" ]; then
  exit 0
fi
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "bilateral: no dpkg here, so no packages are checked or installed; install the" \
       "dependencies README lists, or set BILATERAL_SKIP_DEPS=1 to silence this line" >&2
  exit 0
fi

packages=(
  g++ cmake make pkg-config clang-format
  libboost-graph-dev nlohmann-json3-dev libfmt-dev libsqlite3-dev libsqlitecpp-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev sqlite3 zlib1g-dev libminizip-dev
  python3-networkx python3-igraph zip unzip libxml2-utils chromium graphviz groff-base
  python3-dev pybind11-dev python3-pybind11 python3-pytest python3-pandas python3-matplotlib
  libpq-dev postgresql-15 libicu-dev
)
if [ "${1:-}" = "--fuzz" ]; then
  # clang++ with libFuzzer (libclang_rt.fuzzer*.a lives in libclang-rt-14-dev, pulled in by
  # libclang-rt-dev) and llvm-symbolizer for readable sanitizer reports.
  packages+=(clang libclang-rt-dev llvm)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "bilateral: installing missing packages: ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "bilateral: not root and no sudo; install these Debian packages, then run make again:" >&2
    echo "  apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
# postgresql-15 brings the server binaries (initdb, pg_ctl, postgres; postgres_fdw, unaccent and
# pg_trgm included) that the tests run as throwaway servers of their own. On a first install,
# Debian would also create a cluster "main" and start it as a service on port 5432; bilateral
# asks for no such service, so for the length of this install a drop-in of postgresql-common
# (read by pg_createcluster) says not to create it. An existing setup is left as it is, and
# `pg_createcluster 15 main --start` makes the cluster later (docs/postgresql.md).
nocluster=""
if [[ " ${missing[*]} " == *" postgresql-15 "* ]] && [ ! -e /etc/postgresql/15/main ]; then
  nocluster=/etc/postgresql-common/createcluster.d/00-bilateral-install.conf
  "${sudo[@]}" mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" | "${sudo[@]}" tee "$nocluster" >/dev/null
fi
status=0
if ! "${sudo[@]}" apt-get update -qq >/dev/null || \
   ! "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  status=1
fi
[ -z "$nocluster" ] || "${sudo[@]}" rm -f "$nocluster"
if [ $status -ne 0 ]; then
  echo "bilateral: could not install: ${missing[*]}" >&2
  echo "  install them by hand (apt-get install ${missing[*]}) and run make again" >&2
  exit 1
fi
