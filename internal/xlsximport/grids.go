package xlsximport

import (
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/xuri/excelize/v2"
)

// openGrids loads every sheet of the workbook at path (.xlsx, or a legacy
// .xls read by readXLS). percent tells whether a cell is formatted as a
// percentage (never for .xls); call closeBook when done with it.
func openGrids(path string) (grids []*grid, percent func(sheet string, r, c int) bool, closeBook func(), err error) {
	percent = func(string, int, int) bool { return false }
	closeBook = func() {}
	if p := checkLegacy(path); p != nil {
		gs, err := readXLS(path)
		if p.Key != "import.xls_legacy" || err != nil {
			return nil, nil, nil, domain.Problems{p}
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
