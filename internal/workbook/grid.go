package workbook

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	xc "github.com/budgetperf/budgetperf/internal/workbook/xlsxcells"
	"github.com/xuri/excelize/v2"
)

// CatchPanics turns an unexpected panic (from a malformed file deep in the
// reader) into a problem; the fuzz test turns it off to find them.
var CatchPanics = true

// Unreadable is the problem of a file the reader cannot make sense of.
func Unreadable(path, reason string) domain.Problems {
	return domain.Problems{domain.NewProblem("import.unreadable",
		"{{.File}} could not be read ({{.Reason}}): open it in Excel or WPS, save it again as .xlsx and retry.",
		"File", filepath.Base(path), "Reason", reason)}
}

// recoverUnreadable, deferred by a reader, turns a panic deep in a malformed
// file into the unreadable problem; reset clears the partial result.
func RecoverUnreadable(path string, err *error, reset func()) {
	if !CatchPanics {
		return
	}
	if r := recover(); r != nil {
		reset()
		*err = Unreadable(path, fmt.Sprint(r))
	}
}

// CheckLegacy refuses files that are not zip containers: legacy .xls (and
// password-protected workbooks) are OLE2 compound files.
func CheckLegacy(path string) *domain.Problem {
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

// CellName is the A1 name of a 0-based row and column.
func CellName(row, col int) string {
	n, err := excelize.CoordinatesToCellName(col+1, row+1)
	if err != nil {
		return fmt.Sprintf("R%dC%d", row+1, col+1)
	}
	return n
}

// Grid is a sheet read into memory.
type Grid struct {
	Name     string
	Rows     [][]string
	Merges   []MergeRange
	Formula  func(row, col int) bool // whether the cell holds a formula (excelize fallback only)
	Special  map[int][]xc.Special    // row → its cells that are not plain (booleans, errors, dates …)
	Date1904 bool                    // the workbook counts serial dates from 1904
	Cells    int                     // cell positions read, against maxGridCells

	mergeCols  [][]int32 // column → indexes of the merges over it, by first row
	mergeBuilt bool
}

type MergeRange struct{ R0, C0, R1, C1 int }

func (g *Grid) Cell(r, c int) string {
	if r < 0 || r >= len(g.Rows) || c < 0 || c >= len(g.Rows[r]) {
		return ""
	}
	return g.Rows[r][c]
}

// Filled is the cell's value, or the value of the merged range it lies in.
func (g *Grid) Filled(r, c int) string {
	if m, ok := g.Merged(r, c); ok {
		return g.Cell(m.R0, m.C0)
	}
	return g.Cell(r, c)
}

func (g *Grid) Width() int {
	w := 0
	for _, r := range g.Rows {
		w = max(w, len(r))
	}
	return w
}

// LoadGrid reads a sheet through excelize: the fallback for packages the
// stream cannot open.
func LoadGrid(f *excelize.File, name string) (*Grid, error) {
	g := &Grid{Name: name}
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
		if g.Cells += len(cols); g.Cells > MaxGridCells {
			return nil, &sheetTooLarge{rows: len(g.Rows) + 1, cols: g.Width(), cells: g.Cells}
		}
		g.Rows = append(g.Rows, cols)
	}
	if err := rows.Error(); err != nil {
		return nil, err
	}
	// Trim trailing empty rows.
	for len(g.Rows) > 0 && len(g.Rows[len(g.Rows)-1]) == 0 {
		g.Rows = g.Rows[:len(g.Rows)-1]
	}
	mcs, err := f.GetMergeCells(name)
	if err == nil {
		for _, mc := range mcs {
			c0, r0, e1 := excelize.CellNameToCoordinates(mc.GetStartAxis())
			c1, r1, e2 := excelize.CellNameToCoordinates(mc.GetEndAxis())
			if e1 != nil || e2 != nil {
				continue
			}
			g.Merges = append(g.Merges, MergeRange{r0 - 1, c0 - 1, r1 - 1, c1 - 1})
		}
	}
	g.Formula = func(r, c int) bool {
		fo, err := f.GetCellFormula(name, CellName(r, c))
		return err == nil && fo != ""
	}
	return g, nil
}

// Clean trims every kind of space, full-width and non-breaking included.
func Clean(s string) string {
	return strings.TrimFunc(s, IsSpace)
}

func IsSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u3000', '\u2002', '\u2003', '\u2009', '\u200b', '\ufeff':
		return true
	}
	return false
}

// Squash removes all spaces and lower-cases ASCII, for matching header words.
func Squash(s string) string {
	var b strings.Builder
	for _, r := range s {
		if IsSpace(r) {
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

// Upper is the upper text of column c in a two-row header at row r: the
// cell, the merged range it lies in, or — in a file without merged cells,
// as CSV and many exports are — the group text to its left that heads a
// block (a text with labels below it), carried over the blank cells after
// it until a text that stands alone (医疗收入合计 over two rows) or a
// Merged range.
func (g *Grid) Upper(r, c int) string {
	if t := Clean(g.Filled(r, c)); t != "" {
		return t
	}
	if _, ok := g.Merged(r, c); ok {
		return ""
	}
	for k := c - 1; k >= 0; k-- {
		if _, ok := g.Merged(r, k); ok {
			return ""
		}
		if t := Clean(g.Cell(r, k)); t != "" {
			if Clean(g.Cell(r+1, k)) == "" {
				return ""
			}
			return t
		}
	}
	return ""
}

// Empty reports a sheet without a single filled cell.
func (g *Grid) Empty() bool {
	for _, row := range g.Rows {
		for _, c := range row {
			if Clean(c) != "" {
				return false
			}
		}
	}
	return true
}
