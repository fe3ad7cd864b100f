#!/usr/bin/env bash
# Open benchmark (issue 17): the cost of opening the database must not grow
# with the data. On a hospital of 100 departments and 70 subjects with five
# years of 1,000,000 ledger lines each (bench/genmonitor -years 5), times:
#   - `budgetperf version` and `budgetperf departments list` (the open check
#     reads the SQLite header, application_id and schema version only);
#   - the first `departments list` of a day, which does not wait for the
#     day's check (the CLI leaves it to the GUI and `budgetperf backup`);
#   - the first GUI-style open of a day (bench/dailyopen): store.Open
#     returning, after which the window shows, a query and a write while the
#     day's full integrity_check and automatic backup run in the background,
#     and that background work itself (once a day);
#   - beside them, the unchanged full `PRAGMA integrity_check` and the
#     `PRAGMA quick_check` every open used to run, in the sqlite3 shell.
# Prints a Markdown table of medians (warm: the file is in the OS cache).
#
#   bench/open.sh                         RUNS=5, YEARS=5, LINES=1000000 a year
#   BUDGETPERF_BENCH_OPEN_DB=FILE bench/open.sh    time a copy of FILE instead
# The database is written once (about 2 minutes for five years) under the
# temp directory and reused; the runs work on a copy in BENCH_DIR, so the
# automatic backups land there. Needs Go and the sqlite3 shell.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${RUNS:-5}
years=${YEARS:-5}
lines=${LINES:-1000000}
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"

command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell (Debian package sqlite3)" >&2; exit 1; }

src=${BUDGETPERF_BENCH_OPEN_DB:-}
if [ -z "$src" ]; then
	t0=$(date +%s)
	src=$(go run ./bench/genmonitor -cached -years "$years" -year 2026 -n "$lines")
	echo "database: $src (ready in $(($(date +%s) - t0)) s)" >&2
fi
bin=$work/budgetperf
go build -o "$bin" ./app
go build -o "$work/dailyopen" ./bench/dailyopen
db=$work/budgetperf.db
rm -rf "$db" "$db-wal" "$db-shm" "$work/backups"
cp "$src" "$db"
cat "$db" >/dev/null # into the OS cache

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# secs CMD...: wall seconds of one run of CMD, its output discarded.
secs() {
	local t0 t1
	t0=$(date +%s.%N)
	"$@" >/dev/null 2>&1
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
}
# timed CMD...: median wall seconds of $runs runs.
timed() { for _ in $(seq "$runs"); do secs "$@"; done | median; }

first=$(secs "$bin" --db "$db" departments list)
backups=$( (ls "$work/backups" 2>/dev/null || true) | wc -l)
# open, query and write during the check, the check and backup, backups
read -r gopen gquery gwrite gbg gbackups < <("$work/dailyopen" "$db")
version=$(timed "$bin" --db "$db" version)
depts=$(timed "$bin" --db "$db" departments list)
integrity=$(timed sqlite3 -readonly "$db" 'PRAGMA integrity_check;')
quick=$(timed sqlite3 -readonly "$db" 'PRAGMA quick_check;')
ok=$(sqlite3 -readonly "$db" 'PRAGMA integrity_check;')

n=$(sqlite3 -readonly "$db" 'SELECT count(*) FROM actuals')
ys=$(sqlite3 -readonly "$db" 'SELECT count(DISTINCT year) FROM actuals')
s() { awk -v v="$1" 'BEGIN { printf "%.2f s", v }'; }
echo "$(go version | cut -d' ' -f3), sqlite3 shell $(sqlite3 --version | cut -d' ' -f1); $n ledger lines over $ys years; $(du -m "$db" | cut -f1) MB; median of $runs runs; integrity_check says: $ok"
echo
echo "| what | wall time |"
echo "|---|---|"
echo "| \`budgetperf version\` | $(s "$version") |"
echo "| \`budgetperf departments list\` (opens the database: header check, migrations check, sign-in, query) | $(s "$depts") |"
echo "| first \`departments list\` of the day (does not wait for the day's check; $backups backups written) | $(s "$first") |"
echo "| first GUI-style open of the day: \`store.Open\` returns (the window shows) | $(s "$gopen") |"
echo "| … a departments query while the day's check runs in the background | $(s "$gquery") |"
echo "| … a settings write (one transaction) while it runs | $(s "$gwrite") |"
echo "| … the background work: full integrity_check + daily automatic backup ($gbackups written) | $(s "$gbg") |"
echo "| sqlite3 shell: \`PRAGMA integrity_check\` (unchanged full check) | $(s "$integrity") |"
echo "| sqlite3 shell: \`PRAGMA quick_check\` (what every open ran before) | $(s "$quick") |"
