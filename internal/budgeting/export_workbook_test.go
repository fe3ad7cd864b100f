package budgeting

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// Revenue and expenditure each close with their own 小计 and are never
// added into one total; the balance follows as a note after a blank row.
// (The round trip through the importer is tested in internal/budgeting.)
func TestWriteBudgetExactAmountsAndSubtotals(t *testing.T) {
	b := domain.NewBreakdown([]domain.SubjectAmount{
		{DeptCode: "000", SubjectCode: "30206", Amount: 123456789012},
		{DeptCode: "000", SubjectCode: "4609", Amount: 700000},
		{DeptCode: "101", SubjectCode: "30201", Amount: 1},
		{DeptCode: "101", SubjectCode: "30211", Amount: -5050},
		{DeptCode: "101", SubjectCode: "4604", Amount: 250},
	}, []domain.Department{{Code: "000", Name: "全院"}, {Code: "101", Name: "产科"}},
		[]domain.Subject{{Code: "30206", Name: "电费", Kind: domain.Expenditure}, {Code: "30201", Name: "办公费", Kind: domain.Expenditure},
			{Code: "30211", Name: "差旅费", Kind: domain.Expenditure}, {Code: "4609", Name: "其他收入", Kind: domain.Revenue},
			{Code: "4604", Name: "利息收入", Kind: domain.Revenue}})
	var buf bytes.Buffer
	if err := WriteBudget(&buf, 2026, b, "审计链 #7 0123456789abcdef"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if hf, err := f.GetHeaderFooter(BudgetSheet); err != nil || hf == nil || !strings.Contains(hf.OddFooter, "审计链 #7 0123456789abcdef") {
		t.Errorf("printed footer %+v %v", hf, err)
	}
	rows, err := f.GetRows(BudgetSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	// header, 2 revenue lines, 收入小计, 3 expenditure lines, 支出小计, blank, note
	if len(rows) != 10 {
		t.Fatalf("%d rows, want 10: %v", len(rows), rows)
	}
	if rows[1][0] != "[000]全院" || rows[1][1] != "4609" || rows[4][1] != "30206" {
		t.Errorf("first lines %v %v; want the department as [code]name, revenue first", rows[1], rows[4])
	}
	sum := func(rs [][]string) money.Amount {
		var s money.Amount
		for _, r := range rs {
			p, err := money.Parse(r[3], money.Yuan)
			if err != nil || p.Rounded {
				t.Fatalf("amount %q: %v", r[3], err)
			}
			s += p.Amount
		}
		return s
	}
	if got := sum(rows[1:3]); got != b.Revenue {
		t.Errorf("revenue lines sum to %d fen, want %d", got, b.Revenue)
	}
	if got := sum(rows[4:7]); got != b.Expenditure {
		t.Errorf("expenditure lines sum to %d fen, want %d", got, b.Expenditure)
	}
	if rows[3][0] != "收入小计" || rows[3][3] != b.Revenue.String() {
		t.Errorf("revenue subtotal %v, want 收入小计 %s", rows[3], b.Revenue)
	}
	if rows[7][0] != "支出小计" || rows[7][3] != b.Expenditure.String() {
		t.Errorf("expenditure subtotal %v, want 支出小计 %s", rows[7], b.Expenditure)
	}
	if len(rows[8]) != 0 {
		t.Errorf("row 9 %v, want a blank row before the note", rows[8])
	}
	if note := rows[9]; len(note) != 1 || !strings.HasPrefix(note[0], "收支差额") || !strings.Contains(note[0], money.FormatPlain(b.Revenue-b.Expenditure)) {
		t.Errorf("note %v, want 收支差额 %s in the first column alone", note, money.FormatPlain(b.Revenue-b.Expenditure))
	}
	both := (b.Revenue + b.Expenditure).String()
	for _, r := range rows {
		for _, c := range r {
			if c == both || strings.Contains(c, "合计") {
				t.Errorf("row %v adds revenue and expenditure together", r)
			}
		}
	}
	for _, cell := range []string{"D4", "D8"} {
		if formula, _ := f.GetCellFormula(BudgetSheet, cell); formula != "" {
			t.Errorf("subtotal %s is a formula %q; it must carry its value", cell, formula)
		}
	}
}
