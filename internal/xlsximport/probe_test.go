package xlsximport

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/budgetperf/budgetperf/internal/money"
)

func TestProbeVariants(t *testing.T) {
	dir := os.Getenv("PROBE_DIR")
	if dir == "" {
		t.Skip()
	}
	fs, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	for _, f := range fs {
		res, err := ReadActuals(f, ActualsOptions{Year: 2020, Options: Options{Subjects: catalogue(t), CreateMissing: true}})
		var tot money.Amount
		for _, l := range res.Lines {
			tot += l.Amount
		}
		t.Logf("%s: lines %d total %d err %v", filepath.Base(f), len(res.Lines), tot, err)
		for _, s := range res.Sheets {
			t.Logf("  sheet %+v", s)
		}
		for _, w := range res.Warnings {
			t.Logf("  warn %v", w)
		}
	}
}
