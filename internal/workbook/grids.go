package workbook

import (
	xc "github.com/budgetperf/budgetperf/internal/workbook/xlsxcells"
)

// Open loads every sheet of the workbook at path (.xlsx, a legacy
// .xls read by ReadXLS, or a CSV or HTML export read by ReadTextGrids).
// percent tells whether a cell is formatted as a percentage (never for
// .xls or text); call closeBook when done with it.
func Open(path string) (grids []*Grid, percent func(sheet string, r, c int) bool, closeBook func(), err error) {
	percent = func(string, int, int) bool { return false }
	closeBook = func() {}
	if p := CheckLegacy(path); p != nil {
		gs, err := ReadXLS(path)
		if p.Key != "import.xls_legacy" || err != nil {
			if gs, _, err = ReadTextGrids(path, p, ""); err != nil {
				return nil, nil, nil, err
			}
		}
		return gs, percent, closeBook, nil
	}
	grids, probs := LoadBook(path)
	if probs != nil {
		return nil, nil, nil, probs
	}
	return grids, PercentOf(grids), closeBook, nil
}

// PercentOf tells whether a cell of the grids is a number formatted as a
// percentage, as the stream read it from the styles.
func PercentOf(grids []*Grid) func(sheet string, r, c int) bool {
	byName := map[string]*Grid{}
	for _, g := range grids {
		byName[g.Name] = g
	}
	return func(sheet string, r, c int) bool {
		g, ok := byName[sheet]
		if !ok {
			return false
		}
		sp, ok := g.SpecialAt(r, c)
		return ok && sp.Kind == xc.Percent
	}
}

// HeaderRows is how far down a sheet a header row is looked for: title,
// unit and note rows come first in the workbooks offices keep.
const HeaderRows = 20

// FindHeaderRow returns the first of the sheet's first rows that read takes
// as a header, with what read made of it; -1 when none is.
func FindHeaderRow[T any](g *Grid, read func(row []string) (T, bool)) (int, T) {
	for r := 0; r < len(g.Rows) && r < HeaderRows; r++ {
		if cols, ok := read(g.Rows[r]); ok {
			return r, cols
		}
	}
	var none T
	return -1, none
}

// FilledText is the cleaned text of a cell, a merged cell's value filling
// every cell it covers (a department merged down its rows); "" for a
// missing column (c < 0).
func (g *Grid) FilledText(r, c int) string {
	if c < 0 {
		return ""
	}
	return Clean(g.Filled(r, c))
}
