#!/usr/bin/env bash
# Bonus second-level benchmark: a generated staff list of N people (default
# 5,000) split with `budgetperf import staff` (read, check every cell, split
# each department's saved amount exactly, write in one transaction) against
# pandas reading the same list and splitting with floats (what an analyst
# would script), which neither checks cells nor sums exactly.
#
#   bench/bonus.sh [N ...]      BENCH_DIR=/tmp/budgetperf-bench keeps the files
# Needs: Go, /usr/bin/time, python3-pandas + python3-openpyxl (/usr/bin/python3).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5000 50000)
dir=${BENCH_DIR:-/tmp/budgetperf-bench}
mkdir -p "$dir" bin
go build -o bin/budgetperf ./app
go build -o bin/genstaff ./bench/genstaff

measure() {
	local t
	t=$(mktemp)
	if ! /usr/bin/time -o "$t" -f '%e %M' "$@" >/dev/null 2>"$t.err"; then
		echo "failed: $(tail -n1 "$t.err")"
		rm -f "$t" "$t.err"
		return
	fi
	awk '{printf "%.2f s | %d MB", $1, $2/1024}' "$t"
	rm -f "$t" "$t.err"
}

db="$dir/bonus.db"
rm -f "$db"*
bin/budgetperf --db "$db" demo --year 2026 >/dev/null
bin/budgetperf --db "$db" bonus save --year 2026 --pool 10000000.01 >/dev/null

echo "| people | file | import staff: time | peak memory | pandas read + float split: time | peak memory |"
echo "|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
	file="$dir/staff_$n.xlsx"
	[ -s "$file" ] || bin/genstaff -n "$n" -o "$file"
	size=$(du -k "$file" | cut -f1)
	ours=$(measure bin/budgetperf --db "$db" import staff --year 2026 "$file")
	theirs=$(measure /usr/bin/python3 -c "
import pandas as pd, sys
df = pd.read_excel(sys.argv[1])
w = df['岗位系数'] * df['出勤天数'] / df['应出勤天数']
df['金额'] = (w / w.groupby(df['科室']).transform('sum') * 100000).round(2)
" "$file")
	echo "| $n | ${size} KB | $ours | $theirs |"
done
