#!/usr/bin/env bash
# Import benchmark: a generated general ledger of N lines (default 100,000 and
# 1,000,000) imported with `budgetperf import actuals` (read, validate, write
# to SQLite in one transaction), against a bare excelize streaming read of
# the same file and against pandas.read_excel, which only reads it.
# Prints a Markdown table of wall time and peak memory (GNU time).
#
#   bench/run.sh [N ...]        BENCH_DIR=/tmp/budgetperf-bench keeps the generated files
# Needs: Go, /usr/bin/time (package time), python3-pandas + python3-openpyxl for the
# pandas column (Debian's modules load under /usr/bin/python3).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
dir=${BENCH_DIR:-/tmp/budgetperf-bench}
mkdir -p "$dir" bin
go build -o bin/budgetperf ./app
go build -o bin/bareread ./bench/bareread
go build -o bin/genledger ./bench/genledger

# measure CMD... → prints "seconds s | peak MB" (or "failed")
measure() {
	local t
	t=$(mktemp)
	if ! /usr/bin/time -o "$t" -f '%e %M' "$@" >/dev/null 2>"$t.err"; then
		echo "failed: $(tail -n1 "$t.err")"
		rm -f "$t" "$t.err"
		return
	fi
	awk '{printf "%.1f s | %d MB", $1, $2/1024}' "$t"
	rm -f "$t" "$t.err"
}

echo "| lines | file | import actuals: time | peak memory | bare excelize read: time | peak memory | pandas.read_excel: time | peak memory | import ÷ bare | pandas ÷ import |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
	file="$dir/ledger_$n.xlsx"
	[ -s "$file" ] || bin/genledger -n "$n" -o "$file"
	size=$(du -m "$file" | cut -f1)
	rm -f "$dir/bench.db"*
	bin/budgetperf --db "$dir/bench.db" init >/dev/null
	imp=$(measure bin/budgetperf --db "$dir/bench.db" import actuals --year 2025 --create-missing "$file")
	bare=$(measure bin/bareread "$file")
	if /usr/bin/python3 -c 'import pandas, openpyxl' 2>/dev/null; then
		pd=$(measure /usr/bin/python3 -c "import pandas as pd, sys; pd.read_excel(sys.argv[1])" "$file")
	else
		pd="n/a (install python3-pandas python3-openpyxl)"
	fi
	ratio() { awk -v a="${1%% s*}" -v b="${2%% s*}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
	echo "| $n | ${size} MB | $imp | $bare | $pd | $(ratio "$imp" "$bare") | $(ratio "$pd" "$imp") |"
done
