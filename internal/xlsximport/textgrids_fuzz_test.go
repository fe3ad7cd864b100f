package xlsximport

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// FuzzReadTextExports feeds CSV and HTML exports through ReadBudget and
// ReadActuals: merged ranges and ragged rows from text must never panic
// the header and amount logic, and every refusal is a problem.
func FuzzReadTextExports(f *testing.F) {
	f.Add([]byte("科室,科目编码,科目名称,预算数\n内科,30201,办公费,\"1,234.56\"\n合计,,,\"1,234.56\"\n"), false)
	f.Add([]byte("日期\t凭证号\t科室\t科目编码\t金额\n2025-01-02\t记-1\t内科\t30201\t（1,234.56）\n"), false)
	f.Add([]byte(hisExport), true)
	f.Add([]byte(`<table><tr><td rowspan=3>科室</td><td colspan=2>预算数</td></tr><tr><td>小计</td><td rowspan=9>财政拨款</td></tr><tr><td>内科</td></tr></table>`), true)
	subjects, _ := subjectsForFuzz()
	workbook.CatchPanics = false
	defer func() { workbook.CatchPanics = true }()
	dir := f.TempDir()
	n := 0
	f.Fuzz(func(t *testing.T, data []byte, html bool) {
		ext := ".csv"
		if html {
			ext, data = ".xls", append([]byte("<table>"), data...)
		}
		path := filepath.Join(dir, fmt.Sprintf("t%d%s", n, ext))
		n++
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Skip(err)
		}
		defer os.Remove(path)
		opts := Options{Subjects: subjects, CreateMissing: true}
		if _, err := ReadBudget(path, opts); err != nil && len(domain.AsProblems(err)) == 0 {
			t.Fatalf("budget error is not a problem: %v", err)
		}
		if _, err := ReadActuals(path, ActualsOptions{Year: 2025, Options: opts}); err != nil && len(domain.AsProblems(err)) == 0 {
			t.Fatalf("actuals error is not a problem: %v", err)
		}
	})
}
