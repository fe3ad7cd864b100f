// Package xlsximport holds the format readers: each turns the workbooks
// finance offices hand over (.xlsx, legacy .xls, CSV and HTML exports, all
// opened through internal/workbook) into the lines one service imports.
// Files are prefixed by the kind they read and the service that owns it:
//
//   - budget*.go: budget workbooks — title rows, merged two-row headers, one
//     sheet per department or departments across the columns, subtotal rows
//     (budgeting's import);
//   - actuals*.go: ledgers and monthly or yearly summaries (execution's
//     actuals import);
//   - targets.go: project target values by month (execution);
//   - values.go and assessment_*.go: indicator values and the multi-year
//     assessment sheets (evaluation);
//   - staff.go: staff lists for the performance-pay split (bonus).
//
// Unprefixed files are what the formats share: Options, Result and the
// sheet reports (xlsximport.go), header words and roles (header.go),
// subject and department matching (resolve.go), amount checks (amounts.go).
// It is pure: no SQL and no GUI. Every problem found is reported, each
// naming its sheet and cell, and nothing is returned as data when there is
// any.
package xlsximport

import (
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// Options say how to match a workbook against the master data.
type Options struct {
	Subjects      []domain.Subject    // the catalogue, for matching by code then by exact trimmed name
	Departments   []domain.Department // existing departments, matched by code or name
	CreateMissing bool                // unknown departments become NewDepartments instead of errors
	Department    string              // code or name for sheets that carry no department (else "000")
	AmountColumn  string              // header text that overrides the amount-column preference
	Encoding      string              // CSV and HTML exports: utf-8, gb18030 (gbk), utf-16le/be; "" detects it

	actuals bool // set by ReadActuals: actual amounts, subtotal mismatches are warnings
}

// Line is one leaf budget line read from the workbook.
type Line struct {
	DeptCode, DeptName, SubjectCode string
	Amount                          money.Amount
	Sheet, Cell                     string // where the amount was read, A1 form
}

// Layout names how a sheet is arranged.
const (
	LayoutLong            = "long"
	LayoutPerDepartment   = "per-department"
	LayoutWideDepartments = "wide-departments"
	LayoutWideSubjects    = "wide-subjects"
)

// SheetReport says how one sheet was read, or why it was skipped.
type SheetReport struct {
	Name         string
	Used         bool
	Skipped      string // why the sheet was not read (notes, instructions)
	HeaderRow    int    // 1-based row of the (first) header row
	Unit         money.Unit
	Layout       string // long | per-department | wide-departments | wide-subjects
	AmountColumn string // header text of the amount column used
	// CellTotal is the sum of every amount cell of the sheet's leaf lines
	// as read; Imported the sum of the lines taken from the sheet. They
	// differ only when the importer lost something, and then the import is
	// refused.
	CellTotal, Imported money.Amount
	// LeftOut sums the numbers of the columns that are not imported
	// (each named in a warning): prior-year figures, unknown headers.
	LeftOut money.Amount
}

// Result is what a workbook holds.
type Result struct {
	Lines          []Line
	NewDepartments []domain.Department
	Sheets         []SheetReport
	Warnings       domain.Problems
	Encoding       string // the text encoding a CSV or HTML export was read in; "" for workbooks
}

// totalsByDept sums lines of any kind by department name (code when unnamed).
func totalsByDept[L any](lines []L, of func(L) (name, code string, a money.Amount)) map[string]money.Amount {
	out := map[string]money.Amount{}
	for _, l := range lines {
		k, code, a := of(l)
		if k == "" {
			k = code
		}
		if v, ok := addOK(out[k], a); ok {
			out[k] = v
		}
	}
	return out
}

// cellProblem builds a problem located at sheet!cell.
func cellProblem(key, def, sheet, cell string, kv ...any) *domain.Problem {
	kv = append([]any{"Sheet", sheet, "Cell", cell}, kv...)
	return domain.NewProblem(key, "{{.Sheet}}!{{.Cell}}: "+def, kv...)
}

// addOK adds without wrapping (money.AddTo); ok is false on overflow and
// the sum is then a.
func addOK(a, b money.Amount) (money.Amount, bool) {
	ok := money.AddTo(&a, b)
	return a, ok
}
