package xlsximport

import (
	"os"
	"testing"
)

// BenchmarkReadStaff reads the staff list named by BUDGETPERF_BENCH_STAFF
// (make one with `go run ./bench/genstaff -n 50000 -o FILE`).
func BenchmarkReadStaff(b *testing.B) {
	path := os.Getenv("BUDGETPERF_BENCH_STAFF")
	if path == "" {
		b.Skip("set BUDGETPERF_BENCH_STAFF to a staff workbook")
	}
	for b.Loop() {
		rows, probs, err := ReadStaff(path)
		if err != nil || len(probs) > 0 || len(rows) == 0 {
			b.Fatal(err, probs)
		}
	}
}
