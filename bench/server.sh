#!/usr/bin/env bash
# Server benchmark (issue 22), on a throw-away PostgreSQL server started
# here (scripts/with-test-server.sh) beside the embedded SQLite:
#   - the month-end monitor (BenchmarkMonitorMonthEnd: 100 departments,
#     70 subjects, LINES ledger lines) on SQLite and on PostgreSQL;
#   - the import of a LEDGER-line general ledger (BenchmarkImportActualsLedger)
#     into a new database of each engine;
#   - SECONDS of an office on one server (bench/concurrent): 16 department
#     heads saving proposals (two PCs on each of 8 proposals) and 4 budget
#     office PCs reading the consolidation; latencies, saves refused for an
#     old version, lost updates (none) and the audit chain (one).
#
#   bench/server.sh                 LINES=1000000 LEDGER=100000 SECONDS=60
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
lines=${LINES:-1000000}
ledger_lines=${LEDGER:-100000}
seconds=${SECONDS_LOAD:-60}
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"

go build -o "$work/budgetperf" ./app
db=$(go run ./bench/genmonitor -cached -n "$lines")
ledger="$work/ledger-$ledger_lines.xlsx"
[ -f "$ledger" ] || go run ./bench/genledger -n "$ledger_lines" -o "$ledger"

scripts/with-test-server.sh bash -c '
set -euo pipefail
BUDGETPERF_BENCH_MONITOR_DB='"$db"' go test -run "^$" -bench "MonitorMonthEnd" -benchtime 20x ./internal/execution
BUDGETPERF_BENCH_LEDGER='"$ledger"' go test -run "^$" -bench "ImportActualsLedger" -benchtime 3x -timeout 30m ./internal/execution
load="${BUDGETPERF_TEST_PG%/postgres*}/bp_load?sslmode=disable"
psql "$BUDGETPERF_TEST_PG" -qc "CREATE DATABASE bp_load TEMPLATE template0 ENCODING '\''UTF8'\'' LC_COLLATE '\''C'\'' LC_CTYPE '\''C'\''"
'"$work"'/budgetperf --db "$load" demo >/dev/null
go run ./bench/concurrent -db "$load" -for '"$seconds"'s
'
