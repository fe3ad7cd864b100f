package xlsximport

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// The family of the real county-hospital revenue workbook: the variants in
// testdata/revenue_family (made by make_variants.py from the real file)
// must import to the sum of their item cells to the fen, with one warning
// per stated total that disagrees, and never lose a column in silence.
func TestRevenueWorkbookFamily(t *testing.T) {
	const real = 44225237727 // the file's own 合计 row, in fen
	cases := []struct {
		file     string
		total    int64
		sameDept bool     // per-department totals as the real file's
		warnings []string // located warnings, "key@cell" (column warnings: "key@column")
		refused  string   // problem key when the import is refused
	}{
		{file: "resaved_libreoffice.xlsx", total: real, sameDept: true},
		{file: "nogroup_inpatient.xlsx", total: real, sameDept: true},
		{file: "nogroup_both.xlsx", total: real, sameDept: true},
		{file: "nogroup_nosubtotals.xlsx", total: real, sameDept: true},
		{file: "swapped.xlsx", total: real, sameDept: true},
		{file: "swapped_nogroup.xlsx", total: real, sameDept: true},
		{file: "bad_subtotals.xlsx", total: real, sameDept: true,
			warnings: []string{"import.actuals_subtotal_mismatch@C7", "import.actuals_subtotal_mismatch@N8"}},
		{file: "inserted_unknown.xlsx", total: real, sameDept: true, warnings: []string{"import.column_not_imported@I"}},
		{file: "inserted_known.xlsx", total: real + 53*2025},
		{file: "undecidable.xlsx", refused: "import.ambiguous_columns"},
		// Saved as CSV (GBK) by LibreOffice: the two-row header has no
		// merged cells, the group text stands over the first column only.
		{file: "saved_as_csv_gbk.csv", total: real, sameDept: true},
		// Only G60 of the 合计 row is wrong: one warning, at G60.
		{file: "total_row_bad.xlsx", total: real, sameDept: true, warnings: []string{"import.actuals_total_mismatch@G60"}},
		// 实际占用床日数 inside the inpatient block: named, not imported.
		{file: "counts_in_block.xlsx", total: real, sameDept: true, warnings: []string{"import.column_left_out_across@T"}},
		// The group header 门诊收入 slid one column left, over 医疗收入合计
		// (its label lost): that column heads the others, so it is read as
		// a total and checked, never imported as revenue too.
		{file: "group_shifted_left.xlsx", total: real, sameDept: true, warnings: columnC()},
	}
	want := realDepartments(t)
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			res, err := ReadActuals(filepath.Join("testdata", "revenue_family", c.file), ActualsOptions{
				Options: Options{Subjects: catalogue(t), CreateMissing: true}, Year: 2020})
			if c.refused != "" {
				if keys := problemKeys(err); len(keys[c.refused]) == 0 {
					t.Fatalf("want refusal %s, got %v", c.refused, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ReadActuals: %v", err)
			}
			var total money.Amount
			for _, l := range res.Lines {
				total += l.Amount
			}
			if int64(total) != c.total {
				t.Errorf("imported %d fen, want %d", total, c.total)
			}
			if s := res.Sheets[0]; s.CellTotal != total || s.Imported != total {
				t.Errorf("sheet report cells %d, imported %d; want both %d", s.CellTotal, s.Imported, total)
			}
			if c.sameDept {
				for d, w := range want {
					if got := ActualTotals(res)[d]; int64(got) != w {
						t.Errorf("%s: %d fen, want %d", d, got, w)
					}
				}
			}
			if got := locatedWarnings(res.Warnings); strings.Join(got, " ") != strings.Join(c.warnings, " ") {
				t.Errorf("warnings %v, want %v", got, c.warnings)
			}
		})
	}
}

// columnC lists the warnings of group_shifted_left.xlsx: its column C,
// now headed 门诊收入, states 医疗收入合计 on every department's row.
func columnC() []string {
	var out []string
	for _, r := range []int{7, 8, 10, 12, 14, 16, 17, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42, 45, 47, 53, 54, 59} {
		out = append(out, fmt.Sprintf("import.actuals_subtotal_mismatch@C%d", r))
	}
	out = append(out, "import.actuals_total_mismatch@C60")
	sort.Strings(out)
	return out
}

func realDepartments(t *testing.T) map[string]int64 {
	b, err := os.ReadFile("testdata/real_expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var exp map[string]struct {
		Departments map[string]int64 `json:"departments"`
	}
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatal(err)
	}
	return exp["county_hospital_department_revenue_2020.xlsx"].Departments
}

// locatedWarnings lists the warnings other than skipped sheets, sorted.
func locatedWarnings(ws domain.Problems) []string {
	var out []string
	for _, w := range ws {
		if w.Key == "import.sheet_skipped" {
			continue
		}
		at, _ := w.Args["Cell"].(string)
		if at == "" {
			at, _ = w.Args["Column"].(string)
		}
		out = append(out, w.Key+"@"+at)
	}
	sort.Strings(out)
	return out
}

// The same sheet read as a budget: a stated total that disagrees is a
// warning naming the cell, and the items are imported.
func TestRevenueFamilyAsBudgetWarnsOfDisagreeingTotals(t *testing.T) {
	res, err := ReadBudget(filepath.Join("testdata", "revenue_family", "bad_subtotals.xlsx"), Options{Subjects: catalogue(t), CreateMissing: true})
	if err != nil {
		t.Fatal(err)
	}
	keys := problemKeys(res.Warnings)
	if got := strings.Join(keys["import.subtotal_mismatch"], " "); got != "C7 N8" {
		t.Fatalf("subtotal warnings at %q, want C7 N8 (all: %v)", got, res.Warnings)
	}
	if s := res.Sheets[0]; s.Imported != 44225237727 || s.CellTotal != s.Imported {
		t.Errorf("sheet %+v", s)
	}
}

// Columns placed without group headers, on small sheets: the block's total
// before or after it, the labels only one group has, and the undecidable.
func TestWideColumnPlacement(t *testing.T) {
	head := func(labels ...any) []any { return append([]any{"科室"}, labels...) }
	cases := []struct {
		name    string
		header  []any
		row     []any
		want    map[string]int64 // subject code → fen
		refused string
		warn    []string
	}{
		{name: "totals after their blocks",
			header: head("诊察收入", "检查收入", "门诊收入合计", "诊察收入", "检查收入", "住院收入合计", "合计"),
			row:    []any{"内科", 1, 2, 3, 10, 20, 30, 33},
			want:   map[string]int64{"4101010102": 100, "4101010103": 200, "4101010202": 1000, "4101010203": 2000}},
		{name: "totals before their blocks",
			header: head("合计", "住院收入合计", "诊察收入", "检查收入", "门诊收入合计", "诊察收入", "检查收入"),
			row:    []any{"内科", 33, 30, 10, 20, 3, 1, 2},
			want:   map[string]int64{"4101010102": 100, "4101010103": 200, "4101010202": 1000, "4101010203": 2000}},
		{name: "labels only one group has",
			header: head("挂号收入", "诊察收入", "床位收入", "诊察收入"),
			row:    []any{"内科", 1, 2, 3, 4},
			want:   map[string]int64{"4101010101": 100, "4101010102": 200, "4101010201": 300, "4101010202": 400}},
		{name: "nothing tells the groups apart",
			header:  head("诊察收入", "检查收入", "诊察收入", "检查收入"),
			row:     []any{"内科", 1, 2, 3, 4},
			refused: "import.ambiguous_columns"},
		{name: "an unknown column is reported with its total",
			header: head("挂号收入", "远程会诊收入", "门诊收入合计"),
			row:    []any{"内科", 1, 2, 3},
			want:   map[string]int64{"4101010101": 100},
			warn:   []string{"import.column_not_imported@C"}},
		{name: "a block total that disagrees",
			header: head("挂号收入", "诊察收入", "门诊收入合计"),
			row:    []any{"内科", 1, 2, 4},
			want:   map[string]int64{"4101010101": 100, "4101010102": 200},
			warn:   []string{"import.actuals_subtotal_mismatch@D2"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeBook(t, sheetSpec{name: "收入", rows: [][]any{c.header, c.row}})
			res, err := ReadActuals(path, ActualsOptions{Options: Options{Subjects: catalogue(t), CreateMissing: true}, Year: 2025})
			if c.refused != "" {
				if len(problemKeys(err)[c.refused]) == 0 {
					t.Fatalf("want %s, got %v", c.refused, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int64{}
			for _, l := range res.Lines {
				got[l.SubjectCode] += int64(l.Amount)
			}
			for s, w := range c.want {
				if got[s] != w {
					t.Errorf("subject %s: %d fen, want %d (all %v)", s, got[s], w, got)
				}
			}
			if len(got) != len(c.want) {
				t.Errorf("subjects %v, want %v", got, c.want)
			}
			if g := locatedWarnings(res.Warnings); strings.Join(g, " ") != strings.Join(c.warn, " ") {
				t.Errorf("warnings %v, want %v", g, c.warn)
			}
		})
	}
}

// Every sample opened and saved again in LibreOffice (testdata/resaved):
// new bytes, the same figures, the same problems at the same cells.
func TestResavedCopiesReadTheSame(t *testing.T) {
	files, _ := filepath.Glob("testdata/resaved/*.xlsx")
	if len(files) < 8 {
		t.Fatalf("only %d re-saved samples", len(files))
	}
	subjects := catalogue(t)
	for _, copyPath := range files {
		name := filepath.Base(copyPath)
		t.Run(name, func(t *testing.T) {
			orig := filepath.Join("testdata", name)
			if strings.HasPrefix(name, "actuals_") {
				opts := ActualsOptions{Options: Options{Subjects: subjects, CreateMissing: true}, Year: 2025}
				a, errA := ReadActuals(orig, opts)
				b, errB := ReadActuals(copyPath, opts)
				sameTotals(t, ActualTotals(a), ActualTotals(b), errA, errB)
				return
			}
			opts := Options{Subjects: subjects, CreateMissing: true}
			a, errA := ReadBudget(orig, opts)
			b, errB := ReadBudget(copyPath, opts)
			sameTotals(t, DepartmentTotals(a), DepartmentTotals(b), errA, errB)
		})
	}
}

func sameTotals(t *testing.T, a, b map[string]money.Amount, errA, errB error) {
	t.Helper()
	ka, kb := problemKeys(errA), problemKeys(errB)
	if len(ka) != len(kb) {
		t.Fatalf("problems differ:\n%v\n%v", errA, errB)
	}
	for k, cells := range ka {
		if strings.Join(cells, " ") != strings.Join(kb[k], " ") {
			t.Errorf("%s at %v, re-saved at %v", k, cells, kb[k])
		}
	}
	if len(a) != len(b) {
		t.Errorf("%d departments, re-saved %d", len(a), len(b))
	}
	for d, v := range a {
		if b[d] != v {
			t.Errorf("%s: %d, re-saved %d", d, v, b[d])
		}
	}
}

// A ledger's own total rows are checked against the postings above them:
// a 本月合计 that disagrees is named with both amounts; balances and page
// carries are not totals of postings and are left alone.
func TestLedgerTotalRowsReconciled(t *testing.T) {
	rows := [][]any{
		{"日期", "凭证号", "科室", "科目编码", "摘要", "借方", "贷方"},
		{"", "", "", "", "期初余额", 5000, ""},
		{"2025-01-05", "记-1", "内科", "30201", "办公用品", 100, ""},
		{"2025-01-09", "记-2", "内科", "30201", "退款", "", 20},
		{"", "", "", "", "本月合计", 100, 20},
		{"2025-02-03", "记-3", "内科", "30201", "办公用品", 50, ""},
		{"", "", "", "", "本月合计", 60, ""},
		{"", "", "", "", "本年累计", 150, 20},
		{"", "", "", "", "过次页", 999, ""},
	}
	path := writeBook(t, sheetSpec{name: "明细账", rows: rows})
	res, err := ReadActuals(path, ActualsOptions{Options: Options{Subjects: catalogue(t), CreateMissing: true}, Year: 2025})
	if err != nil {
		t.Fatal(err)
	}
	var total money.Amount
	for _, l := range res.Lines {
		total += l.Amount
	}
	if total != 13000 || res.Sheets[0].CellTotal != 13000 || res.Sheets[0].Imported != 13000 {
		t.Errorf("imported %d, sheet %+v", total, res.Sheets[0])
	}
	if got := locatedWarnings(res.Warnings); strings.Join(got, " ") != "import.actuals_total_mismatch@F7" {
		t.Errorf("warnings %v, want the February 本月合计 at F7 only", got)
	}
}
