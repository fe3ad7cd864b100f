package xlsximport

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/workbook"
	"github.com/xuri/excelize/v2"
)

// sheetSpec is a sheet to write: rows of values (string or number; a string
// starting with "=" is a formula without a cached value) and merges.
type sheetSpec struct {
	name   string
	rows   [][]any
	merges [][2]string
}

func writeBook(t testing.TB, sheets ...sheetSpec) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if str, ok := v.(string); ok && strings.HasPrefix(str, "=") {
					if err := f.SetCellFormula(s.name, cell, str[1:]); err != nil {
						t.Fatal(err)
					}
					continue
				}
				if v == nil {
					continue
				}
				if err := f.SetCellValue(s.name, cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, m := range s.merges {
			if err := f.MergeCell(s.name, m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func problemKeys(err error) map[string][]string {
	out := map[string][]string{}
	for _, p := range domain.AsProblems(err) {
		c, _ := p.Args["Cell"].(string)
		out[p.Key] = append(out[p.Key], c)
	}
	return out
}

func TestSubtotalRowMismatchIsAWarning(t *testing.T) {
	path := writeBook(t, sheetSpec{name: "预算", rows: [][]any{
		{"科室", "科目编码", "科目名称", "预算数"},
		{"内科", "30101", "基本工资", 100.5},
		{"内科", "30102", "津贴补贴", "1,000.00"},
		{"合计", "", "", 1100.4},
	}})
	res, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
	if err != nil || DepartmentTotals(res)["内科"] != 110050 {
		t.Fatalf("the lines must be imported: %v %v", err, DepartmentTotals(res))
	}
	if got := problemKeys(res.Warnings); len(got) != 1 || len(got["import.subtotal_mismatch"]) != 1 || got["import.subtotal_mismatch"][0] != "D4" {
		t.Fatalf("want one subtotal warning at D4, got %v", res.Warnings)
	}
}

func TestParentCodeRowsAreSubtotals(t *testing.T) {
	rows := [][]any{
		{"科目编码", "科目名称", "上年执行数", "本年预算数"},
		{"301", "工资福利支出", 1, 30},
		{"　30101", "　　基本工资", 1, 10},
		{"  30102", "    津贴补贴", 1, 20},
	}
	res, err := ReadBudget(writeBook(t, sheetSpec{name: "2025", rows: rows}), Options{Subjects: catalogue(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Lines) != 2 || res.Lines[0].DeptCode != domain.HospitalWideCode || DepartmentTotals(res)["全院"] != money.FromYuan(30) {
		t.Fatalf("lines %+v", res.Lines)
	}
	rows[1][3] = 31
	res, err = ReadBudget(writeBook(t, sheetSpec{name: "2025", rows: rows}), Options{Subjects: catalogue(t)})
	if got := problemKeys(res.Warnings); err != nil || len(got["import.subtotal_mismatch"]) != 1 || got["import.subtotal_mismatch"][0] != "D2" {
		t.Fatalf("want a mismatch warning at D2, got %v %v", err, res.Warnings)
	}
}

func TestFormulaWithoutCachedValueIsReported(t *testing.T) {
	path := writeBook(t, sheetSpec{name: "预算", rows: [][]any{
		{"科室", "科目编码", "预算数", "x"},
		{"内科", "30101", "=D2*2", 5},
	}})
	_, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
	if got := problemKeys(err); len(got["import.formula_no_value"]) != 1 || got["import.formula_no_value"][0] != "C2" {
		t.Fatalf("want formula_no_value at C2, got %v", err)
	}
}

func TestDuplicateLineNamesBothCells(t *testing.T) {
	path := writeBook(t, sheetSpec{name: "预算", rows: [][]any{
		{"科室", "科目编码", "预算数"},
		{"内科", "30101", 1},
		{"内科", "30101", 2},
	}})
	_, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
	ps := domain.AsProblems(err)
	if len(ps) != 1 || ps[0].Key != "import.duplicate_line" || !strings.Contains(ps[0].Error(), "预算!C3") || !strings.Contains(ps[0].Error(), "预算!C2") {
		t.Fatalf("got %v", err)
	}
}

func TestDepartmentsMatchedOrCreated(t *testing.T) {
	rows := [][]any{
		{"科室", "科目编码", "预算数"},
		{"内科", "30101", 1},
		{"101", "30102", 2},
		{"眼科", "30101", 3},
		{"[007]口腔科", "30101", 4},
	}
	known := []domain.Department{{Code: "101", Name: "内科", Type: domain.Clinical, CoefficientMilli: 1000}}
	path := writeBook(t, sheetSpec{name: "预算", rows: rows})
	_, err := ReadBudget(path, Options{Subjects: catalogue(t), Departments: known})
	if got := problemKeys(err); len(got) != 1 || strings.Join(sorted(got["import.unknown_department"]), ",") != "A4,A5" {
		t.Fatalf("want unknown departments at A4, A5, got %v", err)
	}
	res, err := ReadBudget(path, Options{Subjects: catalogue(t), Departments: known, CreateMissing: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.NewDepartments) != 2 {
		t.Fatalf("new departments %+v", res.NewDepartments)
	}
	codes := map[string]string{}
	for _, d := range res.NewDepartments {
		codes[d.Name] = d.Code
		if ps := d.Validate(); len(ps) != 0 {
			t.Errorf("created department invalid: %v", ps)
		}
	}
	if codes["口腔科"] != "007" || codes["眼科"] != "102" {
		t.Errorf("codes %v", codes)
	}
	tot := DepartmentTotals(res)
	if tot["内科"] != money.FromYuan(3) || tot["眼科"] != money.FromYuan(3) || tot["口腔科"] != money.FromYuan(4) {
		t.Errorf("totals %v", tot)
	}
}

func TestAmountColumnPreferenceAndOverride(t *testing.T) {
	path := writeBook(t, sheetSpec{name: "预算", rows: [][]any{
		{"科室", "科目编码", "上年执行数", "年初预算", "调整数", "调整后预算", "全年预算"},
		{"内科", "30101", 1, 2, 3, 4, 5},
	}})
	cases := map[string]money.Amount{"": 400, "年初预算": 200, "全年预算": 500, "上年执行数": 100}
	for col, want := range cases {
		res, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true, AmountColumn: col})
		if err != nil {
			t.Fatalf("%q: %v", col, err)
		}
		if len(res.Lines) != 1 || res.Lines[0].Amount != want {
			t.Errorf("%q: lines %+v, want %d", col, res.Lines, want)
		}
	}
	_, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true, AmountColumn: "没有这列"})
	if got := problemKeys(err); len(got["import.amount_column_missing"]) != 1 {
		t.Errorf("want amount_column_missing, got %v", err)
	}
}

func TestPriorYearOnlyIsNotABudget(t *testing.T) {
	path := writeBook(t, sheetSpec{name: "预算", rows: [][]any{
		{"科室", "科目编码", "上年执行数"},
		{"内科", "30101", 1},
	}})
	res, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
	if err == nil || len(res.Lines) != 0 {
		t.Fatalf("a prior-year column was read as the budget: %+v", res)
	}
}

func TestDepartmentFromTitleRowAndOption(t *testing.T) {
	rows := [][]any{
		{"科室：眼科", nil, "单位：千元"},
		{"科目编码", "科目名称", "预算数"},
		{"30101", "基本工资", 1.5},
		{"", "办公费", "2"},
	}
	res, err := ReadBudget(writeBook(t, sheetSpec{name: "Sheet1", rows: rows}), Options{Subjects: catalogue(t), CreateMissing: true})
	if err != nil {
		t.Fatal(err)
	}
	if tot := DepartmentTotals(res); len(tot) != 1 || tot["眼科"] != money.FromYuan(3500) {
		t.Fatalf("totals %v", tot)
	}
	if res.Sheets[0].Layout != LayoutPerDepartment || res.Sheets[0].Unit != money.Thousand {
		t.Errorf("report %+v", res.Sheets[0])
	}
	rows[0][0] = "2025年预算"
	known := []domain.Department{{Code: "205", Name: "口腔科", Type: domain.Clinical, CoefficientMilli: 1000}}
	res, err = ReadBudget(writeBook(t, sheetSpec{name: "Sheet1", rows: rows}), Options{Subjects: catalogue(t), Departments: known, Department: "205"})
	if err != nil {
		t.Fatal(err)
	}
	if tot := DepartmentTotals(res); len(tot) != 1 || tot["口腔科"] != money.FromYuan(3500) {
		t.Fatalf("totals %v", tot)
	}
}

func TestWideSubjectsAcross(t *testing.T) {
	path := writeBook(t, sheetSpec{name: "汇总", rows: [][]any{
		{"科室", "30101", "[30102]津贴补贴", "办公费", "合计"},
		{"内科", 1, 2, nil, 3},
		{"外科", 4, "", 6, 10},
	}})
	res, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
	if err != nil {
		t.Fatal(err)
	}
	tot := DepartmentTotals(res)
	if res.Sheets[0].Layout != LayoutWideSubjects || tot["内科"] != 300 || tot["外科"] != 1000 || len(res.Lines) != 4 {
		t.Fatalf("report %+v totals %v lines %+v", res.Sheets[0], tot, res.Lines)
	}
}

func TestWideDepartmentsRowTotalChecked(t *testing.T) {
	path := writeBook(t, sheetSpec{name: "汇总", rows: [][]any{
		{"编码", "名称", "内科", "外科", "合计"},
		{"30101", "基本工资", 1, 2, 4},
	}})
	res, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
	if got := problemKeys(res.Warnings); err != nil || len(got["import.subtotal_mismatch"]) != 1 || got["import.subtotal_mismatch"][0] != "E2" {
		t.Fatalf("want a mismatch warning at E2, got %v %v", err, res.Warnings)
	}
}

func TestFundingSourcesMismatch(t *testing.T) {
	path := writeBook(t, sheetSpec{name: "基本支出", rows: [][]any{
		{"预算单位", "支出经济分类", "年初预算", nil, nil},
		{nil, nil, "小计", "财政拨款", "其他资金"},
		{"[001]外科", "[30102]津贴补贴", 3, 1, 1},
	}, merges: [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "E1"}}})
	_, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
	if got := problemKeys(err); len(got["import.funding_mismatch"]) != 1 || got["import.funding_mismatch"][0] != "C3" {
		t.Fatalf("want funding mismatch at C3, got %v", err)
	}
}

func TestLegacyAndGarbageFilesAreRefused(t *testing.T) {
	dir := t.TempDir()
	ole := filepath.Join(dir, "x.xls")
	writeFile(t, ole, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...))
	_, err := ReadBudget(ole, Options{})
	if got := problemKeys(err); len(got["import.xls_legacy"]) != 1 {
		t.Errorf("got %v", err)
	}
	// Text is read as CSV whatever its name (here one without a header row);
	// content that is neither a workbook nor text is refused.
	txt := filepath.Join(dir, "x.xlsx")
	writeFile(t, txt, []byte("科室,科目编码\n"))
	_, err = ReadBudget(txt, Options{})
	if got := problemKeys(err); len(got["import.no_sheet"]) != 1 {
		t.Errorf("got %v", err)
	}
	bin := filepath.Join(dir, "z.xlsx")
	writeFile(t, bin, []byte("GIF89a\x00\x01"))
	_, err = ReadBudget(bin, Options{})
	if got := problemKeys(err); len(got["import.not_xlsx"]) != 1 {
		t.Errorf("got %v", err)
	}
	zip := filepath.Join(dir, "y.xlsx")
	writeFile(t, zip, []byte("PK\x03\x04garbage"))
	if _, err = ReadBudget(zip, Options{}); len(domain.AsProblems(err)) == 0 {
		t.Errorf("got %v", err)
	}
}

func sorted(xs []string) []string {
	ys := append([]string(nil), xs...)
	sort.Strings(ys)
	return ys
}

func TestHugeAmountsAreProblemsNotPanics(t *testing.T) {
	workbook.CatchPanics = false
	defer func() { workbook.CatchPanics = true }()
	path := writeBook(t, sheetSpec{name: "预算", rows: [][]any{
		{"科室", "科目编码", "预算数", "", ""},
		{"", "", "小计", "财政拨款", "其他资金"},
		{"内科", "30101", "", "90000000000000000", "90000000000000000"},
		{"内科", "30102", "90000000000000000", "", ""},
		{"外科", "30102", "90000000000000000", "", ""},
		{"合计", "", "90000000000000000", "90000000000000000", "90000000000000000"},
	}, merges: [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "E1"}}})
	_, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
	if got := problemKeys(err); len(got["import.too_large_line"])+len(got["import.too_large_total"]) == 0 {
		t.Fatalf("want too_large, got %v", err)
	}
}

func TestRepeatedItemNamesTakeTheirGroupRow(t *testing.T) {
	path := writeBook(t, sheetSpec{name: "收入预算", rows: [][]any{
		{"项目", "预算数"},
		{"门诊收入", 300},
		{"  挂号收入", 100},
		{"  诊察收入", 200},
		{"住院收入", 50},
		{"  诊察收入", 50},
		{"合计", 350},
	}})
	res, err := ReadBudget(path, Options{Subjects: catalogue(t), Department: "000"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]money.Amount{}
	for _, l := range res.Lines {
		got[l.SubjectCode] = l.Amount
	}
	want := map[string]money.Amount{"4101010101": 10000, "4101010102": 20000, "4101010202": 5000}
	if len(got) != len(want) {
		t.Fatalf("lines %+v", res.Lines)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %d want %d", k, got[k], v)
		}
	}
	// Without a group row the name is ambiguous.
	path = writeBook(t, sheetSpec{name: "收入预算", rows: [][]any{{"项目", "预算数"}, {"诊察收入", 1}}})
	_, err = ReadBudget(path, Options{Subjects: catalogue(t)})
	if got := problemKeys(err); len(got["import.ambiguous_subject"]) != 1 || got["import.ambiguous_subject"][0] != "A2" {
		t.Fatalf("want ambiguous at A2, got %v", err)
	}
}

func TestWideSubjectsUnderGroupHeadings(t *testing.T) {
	path := writeBook(t, sheetSpec{name: "收入", rows: [][]any{
		{"科室", "门诊收入", nil, "住院收入"},
		{nil, "诊察收入", "检查收入", "诊察收入"},
		{"内科", 1, 2, 3},
	}, merges: [][2]string{{"A1", "A2"}, {"B1", "C1"}}})
	res, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]money.Amount{}
	for _, l := range res.Lines {
		got[l.SubjectCode] = l.Amount
	}
	if got["4101010102"] != 100 || got["4101010103"] != 200 || got["4101010202"] != 300 || len(got) != 3 {
		t.Fatalf("lines %+v (sheet %+v)", res.Lines, res.Sheets[0])
	}
}

func TestNumberingRowsAndColumnsAreNotData(t *testing.T) {
	path := writeBook(t, sheetSpec{name: "预算", rows: [][]any{
		{"序号", "科目编码", "科目名称", "预算数"},
		{"栏次", "甲", "乙", 1},
		{nil, nil, 1, 2},
		{1, "30101", "基本工资", 10},
		{2, "30102", "津贴补贴", 20},
	}})
	res, err := ReadBudget(path, Options{Subjects: catalogue(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Lines) != 2 || DepartmentTotals(res)["全院"] != 3000 {
		t.Fatalf("lines %+v", res.Lines)
	}
}

func TestMergedDepartmentCellsAndPerDepartmentSubtotals(t *testing.T) {
	rows := [][]any{
		{"Department", "Code", "Subject", "Budget (thousand yuan)"},
		{"内科", "30101", "基本工资", 1},
		{nil, "30102", "津贴补贴", 2},
		{"内科", "小计", nil, 3},
		{"外科", "30101", "基本工资", "4.0005"},
		{"外科", "小计", nil, 4.0005},
		{"Total", nil, nil, 7.0005},
	}
	path := writeBook(t, sheetSpec{name: "Budget", rows: rows, merges: [][2]string{{"A2", "A3"}}})
	res, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
	if err != nil {
		t.Fatal(err)
	}
	tot := DepartmentTotals(res)
	if tot["内科"] != 300000 || tot["外科"] != 400050 || len(res.Lines) != 3 || res.Sheets[0].Unit != money.Thousand {
		t.Fatalf("totals %v lines %+v sheet %+v", tot, res.Lines, res.Sheets[0])
	}
	rows[3][3] = 3.01
	res, err = ReadBudget(writeBook(t, sheetSpec{name: "Budget", rows: rows, merges: [][2]string{{"A2", "A3"}}}),
		Options{Subjects: catalogue(t), CreateMissing: true})
	if got := problemKeys(res.Warnings); err != nil || len(got) != 1 || len(got["import.subtotal_mismatch"]) != 1 || got["import.subtotal_mismatch"][0] != "D4" {
		t.Fatalf("want one mismatch warning at D4, got %v %v", err, res.Warnings)
	}
}
