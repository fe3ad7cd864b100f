// Package xlsximport reads budget workbooks (.xlsx) as finance offices hand
// them over — title rows, merged two-row headers, one sheet per department
// or departments across the columns, subtotal rows, numbers stored as text —
// into leaf budget lines. It is pure: no SQL and no GUI. Every problem found
// is reported, each naming its sheet and cell, and nothing is returned as
// data when there is any.
package xlsximport

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	xc "github.com/budgetperf/budgetperf/internal/workbook/xlsxcells"
	"github.com/xuri/excelize/v2"
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

// catchPanics turns an unexpected panic (from a malformed file deep in the
// reader) into a problem; the fuzz test turns it off to find them.
var catchPanics = true

// unreadable is the problem of a file the reader cannot make sense of.
func unreadable(path, reason string) domain.Problems {
	return domain.Problems{domain.NewProblem("import.unreadable",
		"{{.File}} could not be read ({{.Reason}}): open it in Excel or WPS, save it again as .xlsx and retry.",
		"File", filepath.Base(path), "Reason", reason)}
}

// recoverUnreadable, deferred by a reader, turns a panic deep in a malformed
// file into the unreadable problem; reset clears the partial result.
func recoverUnreadable(path string, err *error, reset func()) {
	if !catchPanics {
		return
	}
	if r := recover(); r != nil {
		reset()
		*err = unreadable(path, fmt.Sprint(r))
	}
}

// ReadBudget reads the budget workbook at path. On any problem it returns a
// domain.Problems listing every problem found, each with sheet and A1 cell.
func ReadBudget(path string, opts Options) (res Result, err error) {
	defer recoverUnreadable(path, &err, func() { res = Result{} })
	if p := checkLegacy(path); p != nil {
		if p.Key == "import.xls_legacy" {
			if gs, err := readXLS(path); err == nil {
				return readGrids(gs, opts)
			}
		}
		gs, enc, err := readTextGrids(path, p, opts.Encoding)
		if err != nil {
			return Result{}, err
		}
		res, err = readGrids(gs, opts)
		res.Encoding = enc
		return res, err
	}
	books, probs := loadBook(path)
	if probs != nil {
		return Result{}, probs
	}
	return readGrids(books, opts)
}

// checkLegacy refuses files that are not zip containers: legacy .xls (and
// password-protected workbooks) are OLE2 compound files.
func checkLegacy(path string) *domain.Problem {
	fh, err := os.Open(path)
	if err != nil {
		return domain.NewProblem("import.open", "{{.File}} cannot be opened: {{.Reason}}.", "File", path, "Reason", err.Error())
	}
	defer fh.Close()
	head := make([]byte, 8)
	n, _ := io.ReadFull(fh, head)
	head = head[:n]
	if bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return domain.NewProblem("import.xls_legacy",
			"{{.File}} is a legacy Excel 97–2003 (.xls) file or a password-protected workbook, which cannot be read: open it in Excel or WPS and save it as .xlsx (Excel Workbook) without a password, or run `soffice --headless --convert-to xlsx {{.File}}`, then import the .xlsx.",
			"File", filepath.Base(path))
	}
	if !bytes.HasPrefix(head, []byte("PK")) {
		return domain.NewProblem("import.not_xlsx",
			"{{.File}} is neither an Excel workbook (.xlsx, .xls) nor a CSV, text or HTML table export: export or save the table as .xlsx and import that file.",
			"File", filepath.Base(path))
	}
	return nil
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
func readGrids(sheets []*grid, opts Options) (Result, error) {
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

// cellName is the A1 name of a 0-based row and column.
func cellName(row, col int) string {
	n, err := excelize.CoordinatesToCellName(col+1, row+1)
	if err != nil {
		return fmt.Sprintf("R%dC%d", row+1, col+1)
	}
	return n
}

// grid is a sheet read into memory.
type grid struct {
	name     string
	rows     [][]string
	merges   []mergeRange
	formula  func(row, col int) bool // whether the cell holds a formula (excelize fallback only)
	special  map[int][]xc.Special    // row → its cells that are not plain (booleans, errors, dates …)
	date1904 bool                    // the workbook counts serial dates from 1904
	cells    int                     // cell positions read, against maxGridCells

	mergeCols  [][]int32 // column → indexes of the merges over it, by first row
	mergeBuilt bool
}

type mergeRange struct{ r0, c0, r1, c1 int }

func (g *grid) cell(r, c int) string {
	if r < 0 || r >= len(g.rows) || c < 0 || c >= len(g.rows[r]) {
		return ""
	}
	return g.rows[r][c]
}

// filled is the cell's value, or the value of the merged range it lies in.
func (g *grid) filled(r, c int) string {
	if m, ok := g.merged(r, c); ok {
		return g.cell(m.r0, m.c0)
	}
	return g.cell(r, c)
}

func (g *grid) width() int {
	w := 0
	for _, r := range g.rows {
		w = max(w, len(r))
	}
	return w
}

// loadGrid reads a sheet through excelize: the fallback for packages the
// stream cannot open.
func loadGrid(f *excelize.File, name string) (*grid, error) {
	g := &grid{name: name}
	rows, err := f.Rows(name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		if g.cells += len(cols); g.cells > maxGridCells {
			return nil, &sheetTooLarge{rows: len(g.rows) + 1, cols: g.width(), cells: g.cells}
		}
		g.rows = append(g.rows, cols)
	}
	if err := rows.Error(); err != nil {
		return nil, err
	}
	// Trim trailing empty rows.
	for len(g.rows) > 0 && len(g.rows[len(g.rows)-1]) == 0 {
		g.rows = g.rows[:len(g.rows)-1]
	}
	mcs, err := f.GetMergeCells(name)
	if err == nil {
		for _, mc := range mcs {
			c0, r0, e1 := excelize.CellNameToCoordinates(mc.GetStartAxis())
			c1, r1, e2 := excelize.CellNameToCoordinates(mc.GetEndAxis())
			if e1 != nil || e2 != nil {
				continue
			}
			g.merges = append(g.merges, mergeRange{r0 - 1, c0 - 1, r1 - 1, c1 - 1})
		}
	}
	g.formula = func(r, c int) bool {
		fo, err := f.GetCellFormula(name, cellName(r, c))
		return err == nil && fo != ""
	}
	return g, nil
}

// clean trims every kind of space, full-width and non-breaking included.
func clean(s string) string {
	return strings.TrimFunc(s, isSpace)
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u3000', '\u2002', '\u2003', '\u2009', '\u200b', '\ufeff':
		return true
	}
	return false
}

// squash removes all spaces and lower-cases ASCII, for matching header words.
func squash(s string) string {
	var b strings.Builder
	for _, r := range s {
		if isSpace(r) {
			continue
		}
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		if r == '：' {
			r = ':'
		}
		b.WriteRune(r)
	}
	return b.String()
}
