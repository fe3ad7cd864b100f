package workbook

import (
	"errors"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/workbook/textsheet"
	"github.com/budgetperf/budgetperf/internal/workbook/xlsbiff"
)

// Grids of the files that are not .xlsx: text exports and legacy .xls.

// ReadTextGrids reads a file that CheckLegacy found not to be a workbook
// (problem p) as a CSV or HTML-table export, the "Excel export" of many
// finance and HIS systems, into grids; encoding overrides detection. Any
// other content is refused with p.
func ReadTextGrids(path string, p *domain.Problem, encoding string) ([]*Grid, string, error) {
	if p.Key != "import.not_xlsx" {
		return nil, "", domain.Problems{p}
	}
	book, err := textsheet.ReadFile(path, encoding)
	switch {
	case errors.Is(err, textsheet.ErrUnknown):
		return nil, "", domain.Problems{p}
	case len(domain.AsProblems(err)) > 0:
		return nil, "", err
	case err != nil:
		return nil, "", Unreadable(path, err.Error())
	}
	return gridsOf(book.Sheets), book.Encoding, nil
}

// ReadXLS reads a legacy Excel 97–2003 workbook into grids.
func ReadXLS(path string) ([]*Grid, error) {
	sheets, err := xlsbiff.Read(path)
	if err != nil {
		return nil, err
	}
	return gridsOf(sheets), nil
}

// gridsOf turns sheets read from text exports or .xls files into grids.
func gridsOf(sheets []textsheet.Sheet) []*Grid {
	gs := make([]*Grid, 0, len(sheets))
	for _, s := range sheets {
		g := &Grid{Name: s.Name, Rows: s.Rows}
		for _, m := range s.Merges {
			g.Merges = append(g.Merges, MergeRange{m.R0, m.C0, m.R1, m.C1})
		}
		gs = append(gs, g)
	}
	return gs
}
