package xlsximport

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/xuri/excelize/v2"
)

func TestActualsCountyRevenue(t *testing.T) {
	b, err := os.ReadFile("testdata/real_expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var exp map[string]struct {
		Year        int              `json:"year"`
		TotalFen    int64            `json:"total_fen"`
		Departments map[string]int64 `json:"departments"`
	}
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatal(err)
	}
	const file = "county_hospital_department_revenue_2020.xlsx"
	want := exp[file]
	res, err := ReadActuals(filepath.Join("testdata", file), ActualsOptions{
		Options: Options{Subjects: catalogue(t), CreateMissing: true}, Year: want.Year})
	if err != nil {
		t.Fatalf("ReadActuals: %v", err)
	}
	if res.Ledger {
		t.Error("read as a ledger; it is a summary")
	}
	got := ActualTotals(res)
	var total money.Amount
	for _, l := range res.Lines {
		total += l.Amount
		if l.Month != 12 || !l.Date.IsZero() {
			t.Fatalf("summary line %+v: want month 12 and no date", l)
		}
		if l.Amount == 0 {
			t.Errorf("zero line %+v", l)
		}
		if !strings.HasPrefix(l.SubjectCode, "4101") {
			t.Errorf("line %+v: not a medical revenue subject", l)
		}
	}
	if int64(total) != want.TotalFen {
		t.Errorf("total %d fen, want %d", total, want.TotalFen)
	}
	for k, w := range want.Departments {
		if int64(got[k]) != w {
			t.Errorf("%s: got %d fen, want %d", k, got[k], w)
		}
	}
	for k := range got {
		if _, ok := want.Departments[k]; !ok {
			t.Errorf("unexpected department %s", k)
		}
	}
	if len(res.NewDepartments) == 0 {
		t.Error("no departments created")
	}
	// 诊察收入 under 门诊收入 (column F) and under 住院收入 (column P).
	byCell := map[string]ActualLine{}
	for _, l := range res.Lines {
		byCell[l.Cell] = l
	}
	for cell, code := range map[string]string{"F7": "4101010102", "P8": "4101010202", "E7": "4101010101", "X59": "4101010299", "M7": "4101010199"} {
		l, ok := byCell[cell]
		if !ok {
			t.Errorf("no line at %s", cell)
			continue
		}
		if l.SubjectCode != code {
			t.Errorf("%s: subject %s, want %s", cell, l.SubjectCode, code)
		}
	}
	for _, w := range res.Warnings {
		t.Logf("warning: %v", w)
	}
	for _, s := range res.Sheets {
		t.Logf("sheet %+v", s)
	}
}

func TestActualsLedger(t *testing.T) {
	exp := loadExpected(t)["actuals_ledger_2025_jan_sep.xlsx"]
	res, err := ReadActuals("testdata/actuals_ledger_2025_jan_sep.xlsx", ActualsOptions{
		Options: Options{Subjects: catalogue(t), CreateMissing: true}, Year: 2025})
	if err != nil {
		t.Fatalf("ReadActuals: %v", err)
	}
	if !res.Ledger {
		t.Fatal("not read as a ledger")
	}
	if len(res.Lines) != 343 {
		t.Errorf("%d lines, want 343 (one per ledger row)", len(res.Lines))
	}
	got := ActualTotals(res)
	for k, raw := range exp {
		var w int64
		if err := json.Unmarshal(raw, &w); err != nil {
			t.Fatal(err)
		}
		if int64(got[k]) != w {
			t.Errorf("%s: got %d fen, want %d", k, got[k], w)
		}
	}
	if len(got) != len(exp) {
		t.Errorf("departments %v, want %d", keys(got), len(exp))
	}
	months := map[int]bool{}
	byCell := map[string]ActualLine{}
	for _, l := range res.Lines {
		months[l.Month] = true
		if l.Month < 1 || l.Month > 9 || l.Date.Year() != 2025 || int(l.Date.Month()) != l.Month {
			t.Errorf("line %+v: month outside January–September", l)
		}
		if l.Voucher == "" || l.Summary == "" || l.SubjectCode == "" {
			t.Errorf("line %+v: voucher, summary or subject missing", l)
		}
		byCell[l.Cell] = l
	}
	if len(months) != 9 {
		t.Errorf("months %v, want 1..9", months)
	}
	// H3: a credit of 174,787.09 (a refund) on 2025/01/25 (text).
	if l := byCell["H3"]; l.Amount != -17478709 || l.Voucher != "记-00001" || l.Summary != "退款冲回" ||
		l.Date.Format("2006-01-02") != "2025-01-25" || l.DeptName != "内科" || l.SubjectCode != "31007" {
		t.Errorf("H3: %+v", l)
	}
	// G13: 2025年1月18日; H14: 2025-01-11 (credit); G4: a date cell (serial 45662).
	for cell, date := range map[string]string{"G13": "2025-01-18", "H14": "2025-01-11", "G4": "2025-01-05"} {
		if l, ok := byCell[cell]; !ok || l.Date.Format("2006-01-02") != date {
			t.Errorf("%s: %+v, want date %s", cell, l, date)
		}
	}
	if byCell["H14"].Amount >= 0 || byCell["G4"].Amount <= 0 {
		t.Errorf("credits must reduce spending: H14 %d, G4 %d", byCell["H14"].Amount, byCell["G4"].Amount)
	}
	if s := res.Sheets[0]; s.Layout != LayoutLedger || s.HeaderRow != 2 {
		t.Errorf("sheet report %+v", s)
	}
}

func TestActualsLedgerWrongYear(t *testing.T) {
	_, err := ReadActuals("testdata/actuals_ledger_2025_jan_sep.xlsx", ActualsOptions{
		Options: Options{Subjects: catalogue(t), CreateMissing: true}, Year: 2024})
	ps := domain.AsProblems(err)
	if len(ps) != 343 {
		t.Fatalf("want a problem per line (343), got %d: %v", len(ps), err)
	}
	for _, p := range ps {
		if p.Key != "import.date_outside_year" || !strings.HasPrefix(p.Error(), "明细账!A") || !strings.Contains(p.Error(), "2024") {
			t.Fatalf("problem %s: %v", p.Key, p)
		}
	}
	t.Logf("first: %v", ps[0])
}

func TestActualsOptionsChecked(t *testing.T) {
	for _, o := range []ActualsOptions{{Year: 0}, {Year: 2025, Month: 13}} {
		if _, err := ReadActuals("testdata/actuals_ledger_2025_jan_sep.xlsx", o); err == nil {
			t.Errorf("%+v: want an error", o)
		}
	}
}

// A summary whose 合计 column disagrees with its items: for actuals a
// warning naming the department and the cell; the items are imported.
func TestActualsSubtotalMismatchIsWarning(t *testing.T) {
	path := filepath.Join(t.TempDir(), "summary.xlsx")
	f := excelize.NewFile()
	rows := [][]any{
		{"科室", "科目编码", "科目名称", "实际数"},
		{"内科", "30201", "办公费", 100.5},
		{"内科", "30205", "水费", 50},
		{"外科", "30201", "办公费", 0},
		{"合计", "", "", 999},
	}
	for i, r := range rows {
		c, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", c, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	res, err := ReadActuals(path, ActualsOptions{Options: Options{Subjects: catalogue(t), CreateMissing: true}, Year: 2025, Month: 3})
	if err != nil {
		t.Fatalf("ReadActuals: %v", err)
	}
	if len(res.Lines) != 2 || res.Lines[0].Amount != 10050 || res.Lines[0].Month != 3 || res.Lines[1].Amount != 5000 {
		t.Errorf("lines %+v", res.Lines)
	}
	found := false
	for _, w := range res.Warnings {
		if w.Key == "import.actuals_total_mismatch" && w.Args["Cell"] == "D5" {
			found = true
		}
		t.Logf("warning: %v", w)
	}
	if !found {
		t.Errorf("no total-mismatch warning at D5: %v", res.Warnings)
	}
}

// A wide summary whose row 合计 column disagrees: the warning names the department.
func TestActualsRowSubtotalNamesDepartment(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wide.xlsx")
	f := excelize.NewFile()
	rows := [][]any{
		{"科室", "合计", "办公费", "水费"},
		{"内科", 200, 100, 50},
	}
	for i, r := range rows {
		c, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", c, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	res, err := ReadActuals(path, ActualsOptions{Options: Options{Subjects: catalogue(t), CreateMissing: true}, Year: 2025})
	if err != nil {
		t.Fatalf("ReadActuals: %v", err)
	}
	if got := ActualTotals(res)["内科"]; got != 15000 {
		t.Errorf("内科 %d fen, want 15000 (the items)", got)
	}
	found := false
	for _, w := range res.Warnings {
		if w.Key == "import.actuals_subtotal_mismatch" && w.Args["Dept"] == "内科" && w.Args["Cell"] == "B2" {
			found = true
		}
		t.Logf("warning: %v", w)
	}
	if !found {
		t.Errorf("no subtotal warning naming 内科 at B2")
	}
}
