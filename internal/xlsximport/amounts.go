package xlsximport

import (
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/workbook"
	xc "github.com/budgetperf/budgetperf/internal/workbook/xlsxcells"
)

// implausibleFen is the single-line amount beyond which a figure is
// probably a unit mistake: 1,000,000,000 yuan.
const implausibleFen = 100_000_000_000

// kindProblem is the problem of an amount cell that holds something other
// than a number (nil for plain and percentage cells): never read as a
// number, never passed over as blank.
func kindProblem(sheet, cell, text string, sp xc.Special, date1904 bool) *domain.Problem {
	switch sp.Kind {
	case xc.Bool:
		return cellProblem("import.bool_amount",
			"{{.Text}} is a true/false value, not an amount: enter the amount as a number.", sheet, cell, "Text", text)
	case xc.Error:
		return cellProblem("import.error_value",
			"the cell is an error value {{.Text}}: correct the formula or the cells it uses, save the workbook and import again.", sheet, cell, "Text", text)
	case xc.BadString:
		return cellProblem("import.missing_shared_string",
			"the cell refers to text that is missing from the file (shared string {{.Index}}): the file is damaged; open and save it again in Excel or WPS, check this cell and import again.",
			sheet, cell, "Index", sp.Ref)
	case xc.Date:
		d := text
		if t, ok := workbook.SerialDate(text, date1904); ok {
			d = t.Format("2006-01-02")
		}
		return cellProblem("import.date_amount",
			"the cell is a date ({{.Date}}), not an amount: enter the amount as a number, or format the cell as a number if it holds one.",
			sheet, cell, "Date", d)
	case xc.NoValue:
		return cellProblem("import.formula_no_value",
			"the formula in this cell has no saved value: open the workbook in Excel or WPS, let it recalculate, save it and import again.",
			sheet, cell)
	}
	return nil
}

// implausible is the warning for a single amount over 1,000,000,000 yuan.
func implausible(sheet, cell string, a money.Amount, text string, u money.Unit) *domain.Problem {
	if a <= implausibleFen && a >= -implausibleFen {
		return nil
	}
	return cellProblem("import.implausible_amount",
		"{{.Amount}} yuan on a single line is implausibly large (more than 1,000,000,000 yuan; the cell holds {{.Text}} in {{.Unit}}): check the figure and the unit.",
		sheet, cell, "Amount", money.FormatPlain(a), "Text", text, "Unit", u.String())
}
