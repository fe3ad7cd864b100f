package xlsximport

import (
	xc "github.com/budgetperf/budgetperf/internal/workbook/xlsxcells"
)

// openGrids loads every sheet of the workbook at path (.xlsx, a legacy
// .xls read by readXLS, or a CSV or HTML export read by readTextGrids).
// percent tells whether a cell is formatted as a percentage (never for
// .xls or text); call closeBook when done with it.
func openGrids(path string) (grids []*grid, percent func(sheet string, r, c int) bool, closeBook func(), err error) {
	percent = func(string, int, int) bool { return false }
	closeBook = func() {}
	if p := checkLegacy(path); p != nil {
		gs, err := readXLS(path)
		if p.Key != "import.xls_legacy" || err != nil {
			if gs, _, err = readTextGrids(path, p, ""); err != nil {
				return nil, nil, nil, err
			}
		}
		return gs, percent, closeBook, nil
	}
	grids, probs := loadBook(path)
	if probs != nil {
		return nil, nil, nil, probs
	}
	return grids, percentOf(grids), closeBook, nil
}

// percentOf tells whether a cell of the grids is a number formatted as a
// percentage, as the stream read it from the styles.
func percentOf(grids []*grid) func(sheet string, r, c int) bool {
	byName := map[string]*grid{}
	for _, g := range grids {
		byName[g.name] = g
	}
	return func(sheet string, r, c int) bool {
		g, ok := byName[sheet]
		if !ok {
			return false
		}
		sp, ok := g.specialAt(r, c)
		return ok && sp.Kind == xc.Percent
	}
}

// headerRows is how far down a sheet a header row is looked for: title,
// unit and note rows come first in the workbooks offices keep.
const headerRows = 20

// findHeaderRow returns the first of the sheet's first rows that read takes
// as a header, with what read made of it; -1 when none is.
func findHeaderRow[T any](g *grid, read func(row []string) (T, bool)) (int, T) {
	for r := 0; r < len(g.rows) && r < headerRows; r++ {
		if cols, ok := read(g.rows[r]); ok {
			return r, cols
		}
	}
	var none T
	return -1, none
}

// filledText is the cleaned text of a cell, a merged cell's value filling
// every cell it covers (a department merged down its rows); "" for a
// missing column (c < 0).
func (g *grid) filledText(r, c int) string {
	if c < 0 {
		return ""
	}
	return clean(g.filled(r, c))
}
