#!/usr/bin/env bash
# Month-end monitor benchmark (issue 5): a hospital of 100 departments and 70
# subjects with an approved budget and 1,000,000 ledger lines of one year
# (bench/genmonitor). Times, on the same database file:
#   - the month-end computation in Go: monitor.Service.Execution, and the two
#     store reads it makes (BenchmarkMonitorMonthEnd);
#   - the store's read of actuals per department × subject × month in Go, from
#     the actual_months summary and with a GROUP BY over the ledger lines
#     (BenchmarkMonthlyActuals);
#   - the same aggregation in the sqlite3 command-line shell: the GROUP BY over
#     the ledger lines a user would write, and reads of actual_months.
# Prints a Markdown table of medians in milliseconds (warm: the file is in the
# OS cache, as it is for a database in daily use).
#
#   bench/monitor.sh                        RUNS=5 repetitions, LINES=1000000
#   BUDGETPERF_BENCH_MONITOR_DB=FILE bench/monitor.sh    time FILE instead
# The database is written once (about 15 s) under the temp directory and reused,
# by this script and by `go test -bench MonitorMonthEnd` alike.
# Needs Go and the sqlite3 shell (Debian package sqlite3; installed if missing).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${RUNS:-5}
lines=${LINES:-1000000}

if ! command -v sqlite3 >/dev/null; then
	echo "installing the sqlite3 shell (Debian package sqlite3)" >&2
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	$sudo apt-get install -y sqlite3 >&2 || { echo "cannot install sqlite3: install it and run again" >&2; exit 1; }
fi

db=${BUDGETPERF_BENCH_MONITOR_DB:-}
if [ -z "$db" ]; then
	t0=$(date +%s)
	db=$(go run ./bench/genmonitor -cached -n "$lines")
	echo "database: $db (ready in $(($(date +%s) - t0)) s)" >&2
fi
export BUDGETPERF_BENCH_MONITOR_DB=$db

# median: the middle of the numbers on stdin.
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# gobench PKG REGEXP NAME: median ms/op of benchmark NAME over $runs runs.
declare -A gores
gobench() {
	local out
	out=$(go test "$1" -run '^$' -bench "$2" -count "$runs")
	grep '^Benchmark' <<<"$out" >&2 # the raw figures, for the record
	while read -r name; do
		gores[$name]=$(awk -v n="$name" '$1 ~ "^"n"(-[0-9]+)?$" { print $3 / 1e6 }' <<<"$out" | median)
	done < <(awk '/^Benchmark/ { sub(/-[0-9]+$/, "", $1); print $1 }' <<<"$out" | sort -u)
}

# shell SQL: median real ms of $runs runs in one sqlite3 session, after one
# run that is not counted. Rows go to /dev/null, the timings to stdout.
shell() {
	{
		echo ".timer on"
		echo ".output /dev/null"
		for _ in $(seq 0 "$runs"); do echo "$1"; done
	} | sqlite3 -readonly "$db" | awk '/^Run Time/ { print $4 * 1000 }' | tail -n +2 | median
}

year=$(sqlite3 -readonly "$db" 'SELECT max(year) FROM actuals')
count=$(sqlite3 -readonly "$db" "SELECT count(*) FROM actuals WHERE year = $year")
keys=$(sqlite3 -readonly "$db" "SELECT count(*) FROM actual_months WHERE year = $year")

gobench ./internal/execution MonitorMonthEnd
gobench ./internal/store MonthlyActuals

raw="SELECT department_id, subject_code, month, sum(amount_fen) FROM actuals WHERE year = $year GROUP BY 1, 2, 3;"
summary="SELECT department_id, subject_code, month, amount_fen FROM actual_months WHERE year = $year;"
cols=""
for m in $(seq 1 12); do cols="$cols${cols:+, }coalesce(sum(amount_fen) FILTER (WHERE month = $m), 0)"; done
pivot="SELECT department_id, subject_code, $cols FROM actual_months WHERE year = $year GROUP BY department_id, subject_code;"
sh_raw=$(shell "$raw")
sh_summary=$(shell "$summary")
sh_pivot=$(shell "$pivot")

ms() { awk -v v="$1" 'BEGIN { if (v == "" || v == "n/a") print "n/a"; else printf "%.0f ms", v }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0 || a == "n/a" || b == "n/a") print "n/a"; else printf "%.2f", a / b }'; }
exec_ms=${gores[BenchmarkMonitorMonthEnd/Execution]:-}
reads_ms=${gores[BenchmarkMonitorMonthEnd/StoreReads]:-}
go_summary=${gores[BenchmarkMonthlyActuals/summary]:-}
go_raw=${gores[BenchmarkMonthlyActuals/raw]:-}

echo "$(go version | cut -d' ' -f3), sqlite3 shell $(sqlite3 --version | cut -d' ' -f1); $count ledger lines of $year, $keys rows in actual_months; $(du -m "$db" | cut -f1) MB; median of $runs runs"
echo
echo "| what | Go (modernc.org/sqlite, in process) | sqlite3 shell (C) | Go ÷ shell |"
echo "|---|---|---|---|"
echo "| month-end computation: \`monitor.Service.Execution\` (plan, monthly actuals, figures, alerts) | $(ms "$exec_ms") | | |"
echo "| its two store reads: \`PlanLines\` + \`MonthlyActuals\` | $(ms "$reads_ms") | | |"
echo "| actuals per department × subject × month, GROUP BY over the ledger lines | $(ms "$go_raw") | $(ms "$sh_raw") | $(ratio "$go_raw" "$sh_raw") |"
echo "| the same from actual_months, one row per key | | $(ms "$sh_summary") | |"
echo "| the same from actual_months, the months as columns (\`MonthlyActuals\`) | $(ms "$go_summary") | $(ms "$sh_pivot") | $(ratio "$go_summary" "$sh_pivot") |"
echo
echo "Month-end computation ÷ the shell's GROUP BY over the lines: $(ratio "$exec_ms" "$sh_raw"); ÷ the shell's read of actual_months: $(ratio "$exec_ms" "$sh_summary")."
