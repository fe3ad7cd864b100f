package workbook

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	xc "github.com/budgetperf/budgetperf/internal/workbook/xlsxcells"
	"github.com/xuri/excelize/v2"
)

// What one sheet may hold in memory. A sheet is read whole (every row:
// nothing beyond a limit is dropped) or refused with its size, never cut.
var (
	MaxGridCells  = 10_000_000 // cell positions up to each row's last value: ≈ 300 MB at worst
	MaxMerges     = 1_000_000  // merged ranges of one sheet
	MaxMergeIndex = 8_000_000  // column spans of the merged ranges within the data
)

// sheetTooLarge is a sheet refused for its size.
type sheetTooLarge struct{ rows, cols, cells, merges int }

func (e *sheetTooLarge) Error() string {
	return fmt.Sprintf("%d rows × %d columns, %d merged ranges", e.rows, e.cols, e.merges)
}

// SheetProblem is the problem of a sheet that could not be read.
func SheetProblem(name string, err error) domain.Problems {
	var big *sheetTooLarge
	switch {
	case errors.As(err, &big) && big.cells > 0:
		return domain.Problems{domain.NewProblem("import.sheet_too_large",
			"Sheet {{.Sheet}} is too large to import: {{.Rows}} rows × {{.Cols}} columns, more than {{.Max}} cells: delete the rows and columns it does not need (a stray value far below or to the right makes the sheet that large), or split it into several sheets, and import again.",
			"Sheet", name, "Rows", big.rows, "Cols", big.cols, "Max", MaxGridCells)}
	case errors.As(err, &big):
		return domain.Problems{domain.NewProblem("import.too_many_merges",
			"Sheet {{.Sheet}} has {{.Merges}} merged ranges, more than can be read ({{.Rows}} rows × {{.Cols}} columns): unmerge the cells of the data area (Excel: Home › Merge & Center › Unmerge Cells) and import again.",
			"Sheet", name, "Merges", big.merges, "Rows", big.rows, "Cols", big.cols)}
	}
	return domain.Problems{domain.NewProblem("import.unreadable_sheet",
		"Sheet {{.Sheet}} could not be read ({{.Reason}}): save the workbook again as .xlsx and retry.",
		"Sheet", name, "Reason", err.Error())}
}

// LoadBook reads every sheet of the .xlsx at path, each cell with its kind.
// A package the stream cannot open is read through excelize.
func LoadBook(path string) ([]*Grid, domain.Problems) {
	b, err := xc.Open(path)
	if err != nil {
		return LoadBookExcelize(path)
	}
	defer b.Close()
	var grids []*Grid
	for _, name := range b.SheetNames() {
		g, err := loadSheet(b, name)
		if err != nil {
			return nil, SheetProblem(name, err)
		}
		grids = append(grids, g)
	}
	return grids, nil
}

func loadSheet(b *xc.Book, name string) (*Grid, error) {
	rows, err := b.Rows(name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	g := &Grid{Name: name, Date1904: b.Date1904}
	if err := g.ReadRows(rows, -1); err != nil {
		return nil, err
	}
	return g, nil
}

// ReadRows appends the stream's rows until the grid has limit rows, or to
// the end of the sheet (limit < 0, or a shorter sheet), then its merges.
func (g *Grid) ReadRows(rows *xc.Rows, limit int) error {
	rows.MaxMerge = MaxMerges
	for limit < 0 || len(g.Rows) < limit {
		if !rows.Next() {
			if err := rows.Err(); err != nil {
				return err
			}
			return g.endRows(rows)
		}
		cols := rows.Columns()
		if g.Cells += len(cols); g.Cells > MaxGridCells {
			return g.tooLarge(rows)
		}
		if sp := rows.Specials(); len(sp) > 0 {
			if g.Special == nil {
				g.Special = map[int][]xc.Special{}
			}
			g.Special[len(g.Rows)] = sp
		}
		g.Rows = append(g.Rows, cols)
	}
	return nil
}

// tooLarge reads on without keeping anything, to name the sheet's size.
func (g *Grid) tooLarge(rows *xc.Rows) error {
	w := g.Width()
	for rows.Next() {
		w = max(w, len(rows.Columns()))
	}
	n := rows.Row() - 1
	g.Rows, g.Special = nil, nil
	return &sheetTooLarge{rows: n, cols: w, cells: g.Cells, merges: rows.NMerges()}
}

// endRows trims the trailing empty rows and takes the merged ranges.
func (g *Grid) endRows(rows *xc.Rows) error {
	for len(g.Rows) > 0 && len(g.Rows[len(g.Rows)-1]) == 0 {
		g.Rows = g.Rows[:len(g.Rows)-1]
	}
	if n := rows.NMerges(); n > MaxMerges {
		return &sheetTooLarge{rows: len(g.Rows), cols: g.Width(), merges: n}
	}
	for _, m := range rows.Merges() {
		g.Merges = append(g.Merges, MergeRange{m.R0, m.C0, m.R1, m.C1})
	}
	if !g.indexMerges() {
		return &sheetTooLarge{rows: len(g.Rows), cols: g.Width(), merges: len(g.Merges)}
	}
	return nil
}

// indexMerges lists, for each column of the data, the merged ranges over
// it by first row, so that finding a cell's range is a binary search: the
// cost is the ranges' widths within the data, not rows × ranges. False when
// that is beyond maxMergeIndex.
func (g *Grid) indexMerges() bool {
	g.mergeBuilt = true
	w, h := g.Width(), len(g.Rows)
	spans := 0
	for _, m := range g.Merges {
		if m.R0 < h && m.C0 < w && m.R0 <= m.R1 && m.C0 <= m.C1 && m.R0 >= 0 && m.C0 >= 0 {
			spans += min(m.C1, w-1) - m.C0 + 1
		}
	}
	if spans > MaxMergeIndex {
		return false
	}
	order := make([]int32, len(g.Merges))
	for i := range order {
		order[i] = int32(i)
	}
	sort.SliceStable(order, func(a, b int) bool { return g.Merges[order[a]].R0 < g.Merges[order[b]].R0 })
	g.mergeCols = make([][]int32, w)
	for _, i := range order {
		m := g.Merges[i]
		if m.R0 < h && m.C0 < w && m.R0 <= m.R1 && m.C0 <= m.C1 && m.R0 >= 0 && m.C0 >= 0 {
			for c := m.C0; c <= min(m.C1, w-1); c++ {
				g.mergeCols[c] = append(g.mergeCols[c], i)
			}
		}
	}
	return true
}

// Merged returns the merge range holding (r, c), if any.
func (g *Grid) Merged(r, c int) (MergeRange, bool) {
	if len(g.Merges) == 0 {
		return MergeRange{}, false
	}
	if !g.mergeBuilt && !g.indexMerges() {
		g.mergeCols = nil // grids built elsewhere (.xls) with too many: scan
	}
	if g.mergeCols == nil {
		for _, m := range g.Merges {
			if r >= m.R0 && r <= m.R1 && c >= m.C0 && c <= m.C1 {
				return m, true
			}
		}
		return MergeRange{}, false
	}
	if c < 0 || c >= len(g.mergeCols) {
		return MergeRange{}, false
	}
	list := g.mergeCols[c]
	i := sort.Search(len(list), func(i int) bool { return g.Merges[list[i]].R0 > r }) - 1
	if i >= 0 && g.Merges[list[i]].R1 >= r {
		return g.Merges[list[i]], true
	}
	return MergeRange{}, false
}

// SpecialAt is what a cell holds beyond its text, if not plain.
func SpecialAt(spec []xc.Special, c int) (xc.Special, bool) {
	for _, s := range spec {
		if s.Col == c {
			return s, true
		}
	}
	return xc.Special{}, false
}

func (g *Grid) SpecialAt(r, c int) (xc.Special, bool) {
	if g.Special == nil {
		return xc.Special{}, false
	}
	return SpecialAt(g.Special[r], c)
}

// LoadBookExcelize reads a package the stream could not open (an unusual
// layout) through excelize, still telling booleans and error values apart.
func LoadBookExcelize(path string) ([]*Grid, domain.Problems) {
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, Unreadable(path, err.Error())
	}
	defer f.Close()
	var grids []*Grid
	for _, name := range f.GetSheetList() {
		g, err := LoadGrid(f, name)
		if err != nil {
			return nil, SheetProblem(name, err)
		}
		for r, row := range g.Rows {
			for c, v := range row {
				if v != "0" && v != "1" && !strings.HasPrefix(v, "#") {
					continue
				}
				switch ty, _ := f.GetCellType(name, CellName(r, c)); ty {
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

func (g *Grid) addSpecial(r int, sp xc.Special) {
	if g.Special == nil {
		g.Special = map[int][]xc.Special{}
	}
	g.Special[r] = append(g.Special[r], sp)
}
