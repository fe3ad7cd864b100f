package xlsximport

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/budgetperf/budgetperf/bench/mergedbook"
	"github.com/budgetperf/budgetperf/internal/workbook/xlsxcells"
)

// BenchmarkMergedCells reads a budget workbook of 200,000 lines, each with
// its subject name merged over two columns (bench/genmerged writes the same
// shape): merged cells must cost linear time (issue 15).
func BenchmarkMergedCells(b *testing.B) {
	path := os.Getenv("BUDGETPERF_BENCH_MERGED")
	if path == "" {
		path = filepath.Join(b.TempDir(), "merged.xlsx")
		if err := xlsxcells.WriteBook(path, mergedbook.Book(200000)); err != nil {
			b.Fatal(err)
		}
	}
	opts := Options{Subjects: catalogue(b), CreateMissing: true}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := ReadBudget(path, opts)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Lines) != 200000 {
			b.Fatalf("%d lines", len(res.Lines))
		}
	}
}
