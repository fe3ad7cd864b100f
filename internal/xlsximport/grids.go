package xlsximport

import (
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/xuri/excelize/v2"
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
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, nil, nil, unreadable(path, err.Error())
	}
	for _, name := range f.GetSheetList() {
		g, err := loadGrid(f, name)
		if err != nil {
			f.Close()
			return nil, nil, nil, domain.Problems{domain.NewProblem("import.unreadable_sheet",
				"Sheet {{.Sheet}} could not be read ({{.Reason}}): save the workbook again as .xlsx and retry.",
				"Sheet", name, "Reason", err.Error())}
		}
		grids = append(grids, g)
	}
	percent = func(sheet string, r, c int) bool { return percentCell(f, sheet, cellName(r, c)) }
	return grids, percent, func() { f.Close() }, nil
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
