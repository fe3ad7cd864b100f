// Package xlsximport reads budget workbooks (.xlsx) as finance offices hand
// them over — title rows, merged two-row headers, one sheet per department
// or departments across the columns, subtotal rows, numbers stored as text —
// into leaf budget lines. It is pure: no SQL and no GUI. Every problem found
// is reported, each naming its sheet and cell, and nothing is returned as
// data when there is any.
package xlsximport

import (
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/workbook"
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

// ReadBudget reads the budget workbook at path. On any problem it returns a
// domain.Problems listing every problem found, each with sheet and A1 cell.
func ReadBudget(path string, opts Options) (res Result, err error) {
	defer workbook.RecoverUnreadable(path, &err, func() { res = Result{} })
	if p := workbook.CheckLegacy(path); p != nil {
		if p.Key == "import.xls_legacy" {
			if gs, err := workbook.ReadXLS(path); err == nil {
				return readGrids(gs, opts)
			}
		}
		gs, enc, err := workbook.ReadTextGrids(path, p, opts.Encoding)
		if err != nil {
			return Result{}, err
		}
		res, err = readGrids(gs, opts)
		res.Encoding = enc
		return res, err
	}
	books, probs := workbook.LoadBook(path)
	if probs != nil {
		return Result{}, probs
	}
	return readGrids(books, opts)
}

// DepartmentTotals sums the lines by department name (code when unnamed).
func DepartmentTotals(r Result) map[string]money.Amount {
	return totalsByDept(r.Lines, func(l Line) (string, string, money.Amount) { return l.DeptName, l.DeptCode, l.Amount })
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

// readGrids does the work of ReadBudget on loaded sheets.
func readGrids(sheets []*workbook.Grid, opts Options) (Result, error) {
	var res Result
	var probs domain.Problems
	subj := newSubjectIndex(opts.Subjects)
	depts := newDeptResolver(opts)
	var raw []rawLine
	amountColFound := opts.AmountColumn == ""
	for _, g := range sheets {
		sr := parseSheet(g, opts, subj, depts)
		res.Sheets = append(res.Sheets, sr.report)
		probs = append(probs, sr.problems...)
		res.Warnings = append(res.Warnings, dropFloatNoise(sr.warnings, sr.report.Unit)...)
		raw = append(raw, sr.lines...)
		if sr.report.Used && sr.amountOverride {
			amountColFound = true
		}
	}
	used, headers := 0, 0
	for _, s := range res.Sheets {
		if s.Used {
			used++
		}
		if s.HeaderRow > 0 {
			headers++
		}
	}
	if !amountColFound && headers > 0 {
		probs = append(probs, domain.NewProblem("import.amount_column_missing",
			"No sheet has an amount column headed \"{{.Column}}\": give --amount-column the header text exactly as it appears in the workbook.",
			"Column", opts.AmountColumn))
	} else if used == 0 && len(probs) == 0 {
		probs = append(probs, domain.NewProblem("import.no_sheet",
			"No sheet of the workbook has a recognisable header row (科室/科目编码/科目名称/预算数 …) in its first 20 rows: check that this is a budget workbook and that its header row names the columns."))
	}
	// Resolve departments, then check for duplicate lines.
	lines, dprobs := depts.resolve(raw)
	probs = append(probs, dprobs...)
	seen := map[string]Line{}
	for _, l := range lines {
		k := l.DeptCode + "\x00" + l.SubjectCode
		if prev, ok := seen[k]; ok {
			probs = append(probs, domain.NewProblem("import.duplicate_line",
				"{{.Sheet}}!{{.Cell}}: department {{.Dept}} and subject {{.Subject}} already have an amount at {{.OtherSheet}}!{{.OtherCell}}: keep one line per department and subject (add them up in the workbook) and import again.",
				"Sheet", l.Sheet, "Cell", l.Cell, "Dept", l.DeptName, "Subject", l.SubjectCode, "OtherSheet", prev.Sheet, "OtherCell", prev.Cell))
			continue
		}
		seen[k] = l
	}
	if p := totalProblem(lines, func(l Line) (money.Amount, string, string) { return l.Amount, l.Sheet, l.Cell }); p != nil {
		probs = append(probs, p)
	}
	res.Lines = lines
	res.NewDepartments = depts.created
	probs = reconcileSheets(res.Sheets, sheetSums(lines, func(l Line) (string, money.Amount) { return l.Sheet, l.Amount }), probs)
	if len(probs) > 0 {
		return res, probs
	}
	return res, nil
}

// cellProblem builds a problem located at sheet!cell.
func cellProblem(key, def, sheet, cell string, kv ...any) *domain.Problem {
	kv = append([]any{"Sheet", sheet, "Cell", cell}, kv...)
	return domain.NewProblem(key, "{{.Sheet}}!{{.Cell}}: "+def, kv...)
}
