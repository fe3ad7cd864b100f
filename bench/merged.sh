#!/usr/bin/env bash
# Merged-cell benchmark (issue 15): budget workbooks of N lines, each with its
# subject name merged over two columns (bench/genmerged; N merged ranges), read
# by `budgetperf import budget --dry-run --create-missing` (read, check every
# line, plan the new departments; nothing written). Target: 200,000 merged
# ranges in under 5 s. Prints a Markdown table of wall and CPU time and peak
# memory (GNU time).
#
#   bench/merged.sh [N ...]     BENCH_DIR=/tmp/budgetperf-bench keeps the generated files
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(50000 200000)
dir=${BENCH_DIR:-/tmp/budgetperf-bench}
mkdir -p "$dir" bin
go build -o bin/budgetperf ./app
go build -o bin/genmerged ./bench/genmerged

echo "| merged ranges | file | import budget --dry-run: wall | CPU (user + sys) | peak memory |"
echo "|---|---|---|---|---|"
for n in "${sizes[@]}"; do
	file="$dir/merged_$n.xlsx"
	[ -s "$file" ] || bin/genmerged -n "$n" -o "$file"
	size=$(du -k "$file" | cut -f1)
	rm -f "$dir/merged.db"*
	bin/budgetperf --db "$dir/merged.db" init >/dev/null
	t=$(mktemp)
	if /usr/bin/time -o "$t" -f '%e %U %S %M' bin/budgetperf --db "$dir/merged.db" import budget --year 2025 --create-missing --dry-run "$file" >/dev/null 2>"$t.err"; then
		awk -v n="$n" -v kb="$size" '{printf "| %d | %d KB | %.1f s | %.1f s | %d MB |\n", n, kb, $1, $2 + $3, $4/1024}' "$t"
	else
		echo "| $n | ${size} KB | failed: $(tail -n1 "$t.err") | | |"
	fi
	rm -f "$t" "$t.err"
done
