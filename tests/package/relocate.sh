#!/usr/bin/env bash
# The installed command reads the data tables of its own prefix, wherever that prefix was moved:
# install this build with DESTDIR into a scratch folder (outside the build and source trees),
# rename the prefix folder, edit its countries.tsv so that only that copy maps the ICEWS country
# name "Italia Moved" to ITA, and import a two-row ICEWS file with the moved command, from a
# scratch folder, with no BILATERAL_DATA_DIR. Then remove the moved tables: the command falls
# back to the copy built into it, which does not know the name.
# Usage: relocate.sh BUILD_DIR   (run by ctest: package.relocated_command_finds_its_tables)
set -euo pipefail
build=$1
scratch=$(mktemp -d "${TMPDIR:-/tmp}/bilateral-relocate.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

DESTDIR=$scratch/stage cmake --install "$build" --prefix /opt/bilateral >/dev/null
mv "$scratch/stage/opt/bilateral" "$scratch/moved-prefix"
rm -rf "$scratch/stage"
bin=$scratch/moved-prefix/bin/bilateral
tables=$scratch/moved-prefix/share/bilateral
[ -x "$bin" ] || fail "no command at $bin"
[ -f "$tables/countries.tsv" ] && [ -f "$tables/cameo/cameo-codes.tsv" ] ||
  fail "no tables in $tables"
[ -f "$tables/schema/bilateral-dataset-1.schema.json" ] || fail "no dataset schema in $tables"
[ -f "$scratch/moved-prefix/share/man/man1/bilateral.1" ] || fail "no man page installed"

# Only the moved tables know "Italia Moved" as Italy's ICEWS name.
sed -i 's/^ITA\tItaly\tItaly\t/ITA\tItaly\tItalia Moved\t/' "$tables/countries.tsv"
grep -q $'^ITA\tItaly\tItalia Moved\t' "$tables/countries.tsv" || fail "could not edit countries.tsv"

mkdir "$scratch/work"
cd "$scratch/work"
{
  printf 'Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n'
  printf '1\t2018-06-01\tItalia Moved\t\tItalia Moved\tMake a visit\t042\t1.9\tMalaysia\t\tMalaysia\t10\t1\tA wire\tKuala Lumpur\tNA\tNA\tMalaysia\t3.1478\t101.6953\n'
  printf '2\t2018-06-02\tMalaysia\t\tMalaysia\tHost a visit\t043\t2.8\tItalia Moved\t\tItalia Moved\t10\t2\tA wire\tKuala Lumpur\tNA\tNA\tMalaysia\t3.1478\t101.6953\n'
} >events.tab
run() { env -u BILATERAL_DATA_DIR -u BILATERAL_DB "$@"; }

# Through a symbolic link too, as from a bin folder on PATH: /proc/self/exe names the target.
mkdir bin
ln -s "$bin" bin/bilateral
for cmd in "$bin" "$PWD/bin/bilateral"; do
  rm -f moved.db
  run "$cmd" --db moved.db import events.tab >/dev/null
  out=$(run "$cmd" --db moved.db timeline --country ITA) ||
    fail "$cmd: the moved prefix's countries.tsv was not used: timeline --country ITA failed"
  grep -q "2018-06-01" <<<"$out" || fail "$cmd: timeline --country ITA lacks the event: $out"
done

# Without the moved tables, the embedded copy is used (not the source tree's data/): ITA unknown.
rm -rf "$tables"
run "$bin" --db embedded.db import events.tab >/dev/null
if run "$bin" --db embedded.db timeline --country ITA >/dev/null 2>&1; then
  fail "the command found tables after the moved prefix's were removed"
fi
echo "ok: the moved command read $tables"
