package i18n

import "github.com/budgetperf/budgetperf/internal/domain/money"

// SheetReconciled is the line that sets a sheet's amount cells against
// what is imported from it (and the columns left out, when there are any),
// worded the same in the window and at the command line; format writes
// the amounts as the caller shows money.
func SheetReconciled(sheet string, cells, imported, leftOut money.Amount, format func(money.Amount) string) string {
	line := T("import.sheet_reconciled", "Sheet", sheet, "Cells", format(cells), "Imported", format(imported))
	if leftOut != 0 {
		line += T("import.sheet_left_out", "LeftOut", format(leftOut))
	}
	return line
}
