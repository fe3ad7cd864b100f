package xlsxexport

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/money"
)

func TestWriteBudgetExactAmountsAndTotal(t *testing.T) {
	b := domain.NewBreakdown([]domain.SubjectAmount{
		{DeptCode: "000", SubjectCode: "30206", Amount: 123456789012},
		{DeptCode: "101", SubjectCode: "30201", Amount: 1},
		{DeptCode: "101", SubjectCode: "30211", Amount: -5050},
	}, []domain.Department{{Code: "000", Name: "全院"}, {Code: "101", Name: "产科"}},
		[]domain.Subject{{Code: "30206", Name: "电费", Kind: domain.Expenditure}, {Code: "30201", Name: "办公费", Kind: domain.Expenditure}, {Code: "30211", Name: "差旅费", Kind: domain.Expenditure}})
	var buf bytes.Buffer
	if err := WriteBudget(&buf, 2026, b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(BudgetSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 {
		t.Fatalf("%d rows, want header + 3 lines + total: %v", len(rows), rows)
	}
	if rows[1][0] != "[000]全院" || rows[2][1] != "30201" {
		t.Errorf("first lines %v %v; want the department as [code]name and the subject code as text", rows[1], rows[2])
	}
	var sum money.Amount
	for _, r := range rows[1:4] {
		p, err := money.Parse(r[3], money.Yuan)
		if err != nil || p.Rounded {
			t.Fatalf("amount %q: %v", r[3], err)
		}
		sum += p.Amount
	}
	all := b.Revenue + b.Expenditure // the workbook's 合计 row adds its amount column
	if sum != all {
		t.Errorf("lines sum to %d fen, want %d", sum, all)
	}
	if rows[4][0] != "合计" || rows[4][3] != all.String() {
		t.Errorf("totals row %v, want 合计 %s", rows[4], all)
	}
	if formula, _ := f.GetCellFormula(BudgetSheet, "D5"); formula != "" {
		t.Errorf("total is a formula %q; it must carry its value", formula)
	}
}
