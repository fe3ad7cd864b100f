package xlsximport

import (
	"os"
	"path/filepath"
	"testing"
)

func TestProbeBudgets(t *testing.T) {
	dir := os.Getenv("PROBE_BUDGETS")
	if dir == "" {
		t.Skip()
	}
	fs, _ := filepath.Glob(filepath.Join(dir, "budget*.xlsx"))
	for _, f := range fs {
		res, err := ReadBudget(f, Options{Subjects: catalogue(t), CreateMissing: true})
		t.Logf("%s: lines %d err %v", filepath.Base(f), len(res.Lines), err)
		for _, s := range res.Sheets {
			t.Logf("  sheet %+v", s)
		}
		for _, w := range res.Warnings {
			t.Logf("  warn %v", w)
		}
	}
}
