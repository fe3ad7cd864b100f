// Package xlsxexport writes workbooks that finance users open in Excel or
// WPS and that BudgetPerf imports back unchanged.
package xlsxexport

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/money"
)

// Budget column headers: Chinese, as the import recognises them and as a
// Chinese finance office expects to read them. The department is written
// "[101]产科", the government finance-system convention, so its code
// travels with its name and the file imports back to the same department.
var budgetHeader = []string{"科室", "科目编码", "科目名称", "预算数（元）"}

// BudgetSheet is the name of the single sheet of a budget export.
const BudgetSheet = "预算"

// WriteBudget writes the approved budget of year as one sheet: a frozen
// header, one row per department and subject with the amount in yuan, and a
// totals row. Amounts are written as exact decimal text, never through a
// float, and the total is a value rather than a formula so that the file
// carries its figure even where no spreadsheet has recalculated it.
func WriteBudget(w io.Writer, year int, b domain.Breakdown) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", BudgetSheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return err
	}
	amountFmt := "#,##0.00;-#,##0.00"
	amount, err := f.NewStyle(&excelize.Style{CustomNumFmt: &amountFmt})
	if err != nil {
		return err
	}
	totalAmount, err := f.NewStyle(&excelize.Style{CustomNumFmt: &amountFmt, Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	for c, h := range budgetHeader {
		cell, _ := excelize.CoordinatesToCellName(c+1, 1)
		if err := f.SetCellStr(BudgetSheet, cell, h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(BudgetSheet, "A1", "D1", bold); err != nil {
		return err
	}
	row := 2
	var total money.Amount
	for _, d := range b.Departments {
		for _, l := range d.Lines {
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
			total += l.Amount
			row++
		}
	}
	if row > 2 {
		if err := f.SetCellStyle(BudgetSheet, "D2", fmt.Sprintf("D%d", row-1), amount); err != nil {
			return err
		}
	}
	if err := f.SetCellStr(BudgetSheet, fmt.Sprintf("A%d", row), "合计"); err != nil {
		return err
	}
	if err := f.SetCellDefault(BudgetSheet, fmt.Sprintf("D%d", row), total.String()); err != nil {
		return err
	}
	if err := f.SetCellStyle(BudgetSheet, fmt.Sprintf("A%d", row), fmt.Sprintf("D%d", row), totalAmount); err != nil {
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
	_, err = f.WriteTo(w)
	return err
}
