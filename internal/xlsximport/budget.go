package xlsximport

import (
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

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
