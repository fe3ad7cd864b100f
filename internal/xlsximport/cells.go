package xlsximport

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	xc "github.com/budgetperf/budgetperf/internal/workbook/xlsxcells"
	"github.com/xuri/excelize/v2"
)

// What one sheet may hold in memory. A sheet is read whole (every row:
// nothing beyond a limit is dropped) or refused with its size, never cut.
var (
	maxGridCells  = 10_000_000 // cell positions up to each row's last value: ≈ 300 MB at worst
	maxMerges     = 1_000_000  // merged ranges of one sheet
	maxMergeIndex = 8_000_000  // column spans of the merged ranges within the data
)

// implausibleFen is the single-line amount beyond which a figure is
// probably a unit mistake: 1,000,000,000 yuan.
const implausibleFen = 100_000_000_000

// sheetTooLarge is a sheet refused for its size.
type sheetTooLarge struct{ rows, cols, cells, merges int }

func (e *sheetTooLarge) Error() string {
	return fmt.Sprintf("%d rows × %d columns, %d merged ranges", e.rows, e.cols, e.merges)
}

// sheetProblem is the problem of a sheet that could not be read.
func sheetProblem(name string, err error) domain.Problems {
	var big *sheetTooLarge
	switch {
	case errors.As(err, &big) && big.cells > 0:
		return domain.Problems{domain.NewProblem("import.sheet_too_large",
			"Sheet {{.Sheet}} is too large to import: {{.Rows}} rows × {{.Cols}} columns, more than {{.Max}} cells: delete the rows and columns it does not need (a stray value far below or to the right makes the sheet that large), or split it into several sheets, and import again.",
			"Sheet", name, "Rows", big.rows, "Cols", big.cols, "Max", maxGridCells)}
	case errors.As(err, &big):
		return domain.Problems{domain.NewProblem("import.too_many_merges",
			"Sheet {{.Sheet}} has {{.Merges}} merged ranges, more than can be read ({{.Rows}} rows × {{.Cols}} columns): unmerge the cells of the data area (Excel: Home › Merge & Center › Unmerge Cells) and import again.",
			"Sheet", name, "Merges", big.merges, "Rows", big.rows, "Cols", big.cols)}
	}
	return domain.Problems{domain.NewProblem("import.unreadable_sheet",
		"Sheet {{.Sheet}} could not be read ({{.Reason}}): save the workbook again as .xlsx and retry.",
		"Sheet", name, "Reason", err.Error())}
}

// loadBook reads every sheet of the .xlsx at path, each cell with its kind.
// A package the stream cannot open is read through excelize.
func loadBook(path string) ([]*grid, domain.Problems) {
	b, err := xc.Open(path)
	if err != nil {
		return loadBookExcelize(path)
	}
	defer b.Close()
	var grids []*grid
	for _, name := range b.SheetNames() {
		g, err := loadSheet(b, name)
		if err != nil {
			return nil, sheetProblem(name, err)
		}
		grids = append(grids, g)
	}
	return grids, nil
}

func loadSheet(b *xc.Book, name string) (*grid, error) {
	rows, err := b.Rows(name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	g := &grid{name: name, date1904: b.Date1904}
	if err := g.readRows(rows, -1); err != nil {
		return nil, err
	}
	return g, nil
}

// readRows appends the stream's rows until the grid has limit rows, or to
// the end of the sheet (limit < 0, or a shorter sheet), then its merges.
func (g *grid) readRows(rows *xc.Rows, limit int) error {
	rows.MaxMerge = maxMerges
	for limit < 0 || len(g.rows) < limit {
		if !rows.Next() {
			if err := rows.Err(); err != nil {
				return err
			}
			return g.endRows(rows)
		}
		cols := rows.Columns()
		if g.cells += len(cols); g.cells > maxGridCells {
			return g.tooLarge(rows)
		}
		if sp := rows.Specials(); len(sp) > 0 {
			if g.special == nil {
				g.special = map[int][]xc.Special{}
			}
			g.special[len(g.rows)] = sp
		}
		g.rows = append(g.rows, cols)
	}
	return nil
}

// tooLarge reads on without keeping anything, to name the sheet's size.
func (g *grid) tooLarge(rows *xc.Rows) error {
	w := g.width()
	for rows.Next() {
		w = max(w, len(rows.Columns()))
	}
	n := rows.Row() - 1
	g.rows, g.special = nil, nil
	return &sheetTooLarge{rows: n, cols: w, cells: g.cells, merges: rows.NMerges()}
}

// endRows trims the trailing empty rows and takes the merged ranges.
func (g *grid) endRows(rows *xc.Rows) error {
	for len(g.rows) > 0 && len(g.rows[len(g.rows)-1]) == 0 {
		g.rows = g.rows[:len(g.rows)-1]
	}
	if n := rows.NMerges(); n > maxMerges {
		return &sheetTooLarge{rows: len(g.rows), cols: g.width(), merges: n}
	}
	for _, m := range rows.Merges() {
		g.merges = append(g.merges, mergeRange{m.R0, m.C0, m.R1, m.C1})
	}
	if !g.indexMerges() {
		return &sheetTooLarge{rows: len(g.rows), cols: g.width(), merges: len(g.merges)}
	}
	return nil
}

// indexMerges lists, for each column of the data, the merged ranges over
// it by first row, so that finding a cell's range is a binary search: the
// cost is the ranges' widths within the data, not rows × ranges. False when
// that is beyond maxMergeIndex.
func (g *grid) indexMerges() bool {
	g.mergeBuilt = true
	w, h := g.width(), len(g.rows)
	spans := 0
	for _, m := range g.merges {
		if m.r0 < h && m.c0 < w && m.r0 <= m.r1 && m.c0 <= m.c1 && m.r0 >= 0 && m.c0 >= 0 {
			spans += min(m.c1, w-1) - m.c0 + 1
		}
	}
	if spans > maxMergeIndex {
		return false
	}
	order := make([]int32, len(g.merges))
	for i := range order {
		order[i] = int32(i)
	}
	sort.SliceStable(order, func(a, b int) bool { return g.merges[order[a]].r0 < g.merges[order[b]].r0 })
	g.mergeCols = make([][]int32, w)
	for _, i := range order {
		m := g.merges[i]
		if m.r0 < h && m.c0 < w && m.r0 <= m.r1 && m.c0 <= m.c1 && m.r0 >= 0 && m.c0 >= 0 {
			for c := m.c0; c <= min(m.c1, w-1); c++ {
				g.mergeCols[c] = append(g.mergeCols[c], i)
			}
		}
	}
	return true
}

// merged returns the merge range holding (r, c), if any.
func (g *grid) merged(r, c int) (mergeRange, bool) {
	if len(g.merges) == 0 {
		return mergeRange{}, false
	}
	if !g.mergeBuilt && !g.indexMerges() {
		g.mergeCols = nil // grids built elsewhere (.xls) with too many: scan
	}
	if g.mergeCols == nil {
		for _, m := range g.merges {
			if r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1 {
				return m, true
			}
		}
		return mergeRange{}, false
	}
	if c < 0 || c >= len(g.mergeCols) {
		return mergeRange{}, false
	}
	list := g.mergeCols[c]
	i := sort.Search(len(list), func(i int) bool { return g.merges[list[i]].r0 > r }) - 1
	if i >= 0 && g.merges[list[i]].r1 >= r {
		return g.merges[list[i]], true
	}
	return mergeRange{}, false
}

// specialAt is what a cell holds beyond its text, if not plain.
func specialAt(spec []xc.Special, c int) (xc.Special, bool) {
	for _, s := range spec {
		if s.Col == c {
			return s, true
		}
	}
	return xc.Special{}, false
}

func (g *grid) specialAt(r, c int) (xc.Special, bool) {
	if g.special == nil {
		return xc.Special{}, false
	}
	return specialAt(g.special[r], c)
}

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
		if t, ok := serialDate(text, date1904); ok {
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

// loadBookExcelize reads a package the stream could not open (an unusual
// layout) through excelize, still telling booleans and error values apart.
func loadBookExcelize(path string) ([]*grid, domain.Problems) {
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, unreadable(path, err.Error())
	}
	defer f.Close()
	var grids []*grid
	for _, name := range f.GetSheetList() {
		g, err := loadGrid(f, name)
		if err != nil {
			return nil, sheetProblem(name, err)
		}
		for r, row := range g.rows {
			for c, v := range row {
				if v != "0" && v != "1" && !strings.HasPrefix(v, "#") {
					continue
				}
				switch ty, _ := f.GetCellType(name, cellName(r, c)); ty {
				case excelize.CellTypeBool:
					row[c] = map[string]string{"0": "FALSE", "1": "TRUE"}[v]
					g.addSpecial(r, xc.Special{Col: c, Kind: xc.Bool})
				case excelize.CellTypeError:
					g.addSpecial(r, xc.Special{Col: c, Kind: xc.Error})
				}
			}
		}
		grids = append(grids, g)
	}
	return grids, nil
}

func (g *grid) addSpecial(r int, sp xc.Special) {
	if g.special == nil {
		g.special = map[int][]xc.Special{}
	}
	g.special[r] = append(g.special[r], sp)
}
