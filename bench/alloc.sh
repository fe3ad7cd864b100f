#!/usr/bin/env bash
# Two-level allocation benchmark (issue 20's acceptance): 200 departments ×
# 5,000 staff, department split then staff split, every sum checked exact to
# the fen and every part non-negative inside the timed loop, target < 50 ms;
# run beside the alternative a finance office would build — the same
# formulas in float64 with ROUND(…, 2) in every cell, as a spreadsheet
# computes them — whose fen_off column says by how many fen its sums miss
# (Σ departments against the pool, Σ people against each department).
#
#   bench/alloc.sh [COUNT]      COUNT runs of each benchmark (default 5)
# Needs: Go.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
count=${1:-5}
out=$(go test ./internal/domain/payout/ -run '^$' -bench 'BenchmarkAllocateStaff(Exact|Spreadsheet)?$' -benchmem -count "$count")
echo "$out" | grep -E '^(cpu|goos|goarch):' || true
echo
echo "| benchmark | what | median time | fen off | bytes/op | allocs/op |"
echo "|---|---|---|---|---|---|"
echo "$out" | awk '
/^BenchmarkAllocateStaff/ {
	name = $1; sub(/-[0-9]+$/, "", name)
	ns = ""; off = "—"; by = ""; al = ""
	for (i = 2; i <= NF; i++) {
		if ($i == "ns/op") ns = $(i-1)
		if ($i == "fen_off") off = $(i-1)
		if ($i == "B/op") by = $(i-1)
		if ($i == "allocs/op") al = $(i-1)
	}
	n[name]++; t[name, n[name]] = ns; o[name] = off; b[name] = by; a[name] = al
}
END {
	what["BenchmarkAllocateStaffExact"] = "BudgetPerf: int64 fen, largest remainder, sums and signs checked"
	what["BenchmarkAllocateStaff"] = "BudgetPerf, issue 7 figure (25 people each, no checks)"
	what["BenchmarkAllocateStaffSpreadsheet"] = "spreadsheet-style float64 + ROUND(…,2) per cell"
	for (k in n) {
		m = n[k]
		for (i = 1; i <= m; i++) v[i] = t[k, i] + 0
		for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { x = v[i]; v[i] = v[j]; v[j] = x }
		med = v[int((m + 1) / 2)]
		printf "| %s | %s | %.2f ms | %s | %s | %s |\n", k, what[k], med / 1e6, o[k], b[k], a[k]
	}
}' | sort
