package budgeting

// The budget workbook that Export writes: finance users open it in Excel or
// WPS, and BudgetPerf imports it back unchanged.

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// Budget column headers: Chinese, as the import recognises them and as a
// Chinese finance office expects to read them. The department is written
// "[101]产科", the government finance-system convention, so its code
// travels with its name and the file imports back to the same department.
var budgetHeader = []string{"科室", "科目编码", "科目名称", "预算数（元）"}

// BudgetSheet is the name of the single sheet of a budget export.
const BudgetSheet = "预算"

// WriteBudget writes the approved budget of year as one sheet: a frozen
// header, the revenue lines (one per department and subject, the amount in
// yuan) closed by a 收入小计 row, the expenditure lines closed by a 支出小计
// row, and, after a blank row, the 收支差额 as a note. Revenue and
// expenditure are never added into one total; each 小计 sums the lines
// since the previous one, as the importer checks it, and the note carries
// no amount in the amount column, so the file imports back unchanged.
// Amounts are written as exact decimal text, never through a float, and
// the subtotals are values rather than formulas so that the file carries
// its figures even where no spreadsheet has recalculated it.
func WriteBudget(w io.Writer, year int, b domain.Breakdown, stamp string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", BudgetSheet); err != nil {
		return err
	}
	st, err := newBudgetStyles(f)
	if err != nil {
		return err
	}
	for c, h := range budgetHeader {
		cell, _ := excelize.CoordinatesToCellName(c+1, 1)
		if err := f.SetCellStr(BudgetSheet, cell, h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(BudgetSheet, "A1", "D1", st.bold); err != nil {
		return err
	}
	row := 2
	for _, side := range []struct {
		revenue bool
		label   string
	}{{true, "收入小计"}, {false, "支出小计"}} {
		var sum money.Amount
		for _, d := range b.Departments {
			for _, l := range d.Lines {
				if (l.Kind == domain.Revenue) != side.revenue {
					continue
				}
				if err := writeBudgetLine(f, row, d, l, st.amount); err != nil {
					return err
				}
				sum += l.Amount
				row++
			}
		}
		if err := writeBudgetTotal(f, row, side.label, sum.String(), st.total); err != nil {
			return err
		}
		row++
	}
	// A blank row, then the balance as words in the first column: a note
	// the importer passes over, not a line or a total.
	note := fmt.Sprintf("收支差额（收入 − 支出）：%s 元", money.FormatPlain(b.Revenue-b.Expenditure))
	if err := f.SetCellStr(BudgetSheet, fmt.Sprintf("A%d", row+1), note); err != nil {
		return err
	}
	for col, width := range map[string]float64{"A": 26, "B": 14, "C": 32, "D": 18} {
		if err := f.SetColWidth(BudgetSheet, col, col, width); err != nil {
			return err
		}
	}
	if err := f.SetPanes(BudgetSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	f.SetDocProps(&excelize.DocProperties{Title: fmt.Sprintf("%d年预算", year), Creator: "BudgetPerf"})
	if err := workbook.Stamp(f, stamp); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// budgetStyles are the cell styles of a budget export.
type budgetStyles struct{ bold, amount, total int }

func newBudgetStyles(f *excelize.File) (budgetStyles, error) {
	var st budgetStyles
	var err error
	st.bold, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return st, err
	}
	amountFmt := "#,##0.00;-#,##0.00"
	if st.amount, err = f.NewStyle(&excelize.Style{CustomNumFmt: &amountFmt}); err != nil {
		return st, err
	}
	st.total, err = f.NewStyle(&excelize.Style{CustomNumFmt: &amountFmt, Font: &excelize.Font{Bold: true}})
	return st, err
}

// writeBudgetLine writes one department's subject line at row.
func writeBudgetLine(f *excelize.File, row int, d domain.DeptBreakdown, l domain.SubjectLine, style int) error {
	for c, v := range []string{"[" + d.Code + "]" + d.Name, l.SubjectCode, l.SubjectName} {
		cell, _ := excelize.CoordinatesToCellName(c+1, row)
		if err := f.SetCellStr(BudgetSheet, cell, v); err != nil {
			return err
		}
	}
	cell := fmt.Sprintf("D%d", row)
	if err := f.SetCellDefault(BudgetSheet, cell, l.Amount.String()); err != nil {
		return err
	}
	return f.SetCellStyle(BudgetSheet, cell, cell, style)
}

// writeBudgetTotal writes a 小计 row: its label and its amount, in bold.
func writeBudgetTotal(f *excelize.File, row int, label, amount string, style int) error {
	if err := f.SetCellStr(BudgetSheet, fmt.Sprintf("A%d", row), label); err != nil {
		return err
	}
	if err := f.SetCellDefault(BudgetSheet, fmt.Sprintf("D%d", row), amount); err != nil {
		return err
	}
	return f.SetCellStyle(BudgetSheet, fmt.Sprintf("A%d", row), fmt.Sprintf("D%d", row), style)
}

// SaveBudget writes the budget workbook to path. It writes beside the
// target and renames, so an existing file is replaced only by a complete
// workbook.
func SaveBudget(path string, year int, b domain.Breakdown, stamp string) error {
	return workbook.Save(path, func(w io.Writer) error { return WriteBudget(w, year, b, stamp) })
}
