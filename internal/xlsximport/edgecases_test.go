package xlsximport

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// Generated edge cases a finance office's files contain.
func TestBudgetEdgeCases(t *testing.T) {
	subjects := catalogue(t)
	header := []any{"科室", "科目编码", "科目名称", "预算数"}
	cases := []struct {
		name    string
		rows    [][]any
		totals  map[string]money.Amount // by department name; nil when an error is wanted
		problem string                  // a problem key expected instead
	}{
		{name: "empty sheet", rows: nil, problem: "import.no_sheet"},
		{name: "header only", rows: [][]any{header}, totals: map[string]money.Amount{}},
		{name: "10 decimal places", rows: [][]any{header, {"产科", "30201", "办公费", "1234.5678912345"}},
			totals: map[string]money.Amount{"产科": 123457}},
		{name: "codes and names with trailing spaces", rows: [][]any{header, {"产科 ", "30201  ", "  办公费", "100"}},
			totals: map[string]money.Amount{"产科": 10000}},
		{name: "English and Chinese headers mixed", rows: [][]any{{"Department", "科目编码", "Subject", "Budget"}, {"产科", "30201", "办公费", "1,000.50"}},
			totals: map[string]money.Amount{"产科": 100050}},
		{name: "huge number near the int64 limit", rows: [][]any{header, {"产科", "30201", "办公费", "92233720368547758.08"}},
			problem: "import.not_amount"},
		{name: "duplicate lines", rows: [][]any{header, {"产科", "30201", "办公费", "1"}, {"产科", "30201", "办公费", "2"}},
			problem: "import.duplicate_line"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeBook(t, sheetSpec{name: "预算", rows: c.rows})
			res, err := ReadBudget(path, Options{Subjects: subjects, CreateMissing: true})
			if c.problem != "" {
				keys := problemKeys(err)
				found := false
				for k := range keys {
					found = found || k == c.problem || (c.problem == "import.not_amount" && k == "import.too_large_line")
				}
				if !found {
					t.Fatalf("want %s, got %v", c.problem, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := DepartmentTotals(res)
			if len(got) != len(c.totals) {
				t.Fatalf("totals %v, want %v", got, c.totals)
			}
			for k, v := range c.totals {
				if got[k] != v {
					t.Errorf("%s: %d, want %d", k, got[k], v)
				}
			}
		})
	}
}

// Hidden rows are still rows of the budget: hiding is a display choice.
func TestHiddenRowsAreRead(t *testing.T) {
	path := writeBook(t, sheetSpec{name: "预算", rows: [][]any{{"科室", "科目编码", "科目名称", "预算数"},
		{"产科", "30201", "办公费", "100"}, {"产科", "30211", "差旅费", "50"}}})
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetRowVisible("预算", 3, false); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	res, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := DepartmentTotals(res)["产科"]; got != 15000 {
		t.Errorf("产科 %d, want 15000 (the hidden row counts)", got)
	}
}
