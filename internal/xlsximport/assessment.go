package xlsximport

import (
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// Assessment is a national performance-assessment fill-in workbook as a
// hospital keeps it: one row per indicator with a value per year, followed
// by the rows its value is computed from.
type Assessment struct {
	Sheet    string
	Years    []int // ascending
	Rows     []AssessmentRow
	Info     []AssessmentPart // rows marked * (医院基本信息统计: beds, staff): context, not indicators
	Problems domain.Problems  // warnings; the rows are still usable
}

// AssessmentRow is one indicator row.
type AssessmentRow struct {
	Cell        string // of the name, e.g. "医院!A5"
	Seq         int    // the top-level number the sheet gives it; 0 when none
	RawName     string
	Name        string // CleanIndicatorName(RawName)
	Unit        string
	Values      map[int]Value // by year
	Numerator   *AssessmentPart
	Denominator *AssessmentPart
	Details     []AssessmentPart // every row filed under this indicator, numerator and denominator included
}

// AssessmentPart is a row that belongs to an indicator: its numerator, its
// denominator, a sub-indicator (12.1 参加率) or a component of one.
type AssessmentPart struct {
	Number string // outline number as written, e.g. "12.1"; "" when none
	Name   string
	Unit   string
	Cell   string
	Values map[int]Value
}

// Value is one year's cell. Has is false for an empty cell, for "--" and
// for text that is not a number (the latter is also a warning); Text keeps
// what the cell held.
type Value struct {
	Number float64
	Has    bool
	Text   string
	Cell   string
}

// ReadAssessment reads the first sheet whose header row (in its first 20
// rows) has at least two year columns (2020 or "2020年"). Unreadable files
// and a workbook with no such sheet are errors; everything else is a
// warning in Assessment.Problems, each naming its cell.
func ReadAssessment(path string) (res Assessment, err error) {
	defer workbook.RecoverUnreadable(path, &err, func() { res = Assessment{} })
	grids, percent, done, probs := assessmentGrids(path)
	if probs != nil {
		return Assessment{}, probs
	}
	defer done()
	found := false
	for _, g := range grids {
		if len(g.Rows) == 0 {
			res.Problems = append(res.Problems, domain.NewProblem("assessment.sheet_empty",
				"Sheet {{.Sheet}} was skipped: it is empty.", "Sheet", g.Name))
			continue
		}
		hr, years := findYearHeader(g)
		if hr < 0 {
			res.Problems = append(res.Problems, domain.NewProblem("assessment.sheet_skipped",
				"Sheet {{.Sheet}} was skipped: it has no header row with years (such as 2020 or 2020年) in its first 20 rows.",
				"Sheet", g.Name))
			continue
		}
		if found {
			// One hospital-level sheet per workbook; per-department sheets
			// are a different import, so say which one was read.
			res.Problems = append(res.Problems, domain.NewProblem("assessment.sheet_extra",
				"Sheet {{.Sheet}} was skipped: only the first sheet with years ({{.Used}}) is read.",
				"Sheet", g.Name, "Used", res.Sheet))
			continue
		}
		found = true
		res.Sheet = g.Name
		res.Years = slices.Sorted(maps.Values(years))
		readAssessmentGrid(g, hr, years, func(r, c int) bool { return percent(g.Name, r, c) }, &res)
		if len(res.Rows) == 0 {
			return res, domain.Problems{domain.NewProblem("assessment.no_indicators",
				"Sheet {{.Sheet}} has a header row with years (row {{.Row}}) but no indicator rows below it.",
				"Sheet", g.Name, "Row", hr+1)}
		}
	}
	if !found {
		return res, domain.Problems{domain.NewProblem("assessment.no_header",
			"No sheet of {{.File}} has a header row with years (such as 2020 or 2020年) in its first 20 rows: check that this is an assessment fill-in workbook.",
			"File", filepath.Base(path))}
	}
	return res, nil
}

// assessmentGrids loads every sheet, through the same guards as the budget
// reader (legacy .xls is read or refused with advice); percent reports a
// cell whose number format is a percentage, so 0.125 shown as 12.5% is read
// as 12.5 like the rest of the sheet.
func assessmentGrids(path string) ([]*workbook.Grid, func(sheet string, r, c int) bool, func(), domain.Problems) {
	none := func(string, int, int) bool { return false }
	nop := func() {}
	if p := workbook.CheckLegacy(path); p != nil {
		gs, err := workbook.ReadXLS(path)
		if p.Key != "import.xls_legacy" || err != nil {
			return nil, none, nop, domain.Problems{p}
		}
		return gs, none, nop, nil
	}
	grids, probs := workbook.LoadBook(path)
	if probs != nil {
		return nil, none, nop, probs
	}
	return grids, workbook.PercentOf(grids), nop, nil
}

// findYearHeader returns the first of the first 20 rows with two or more
// year cells, and the year of each such column.
func findYearHeader(g *workbook.Grid) (int, map[int]int) {
	for r := 0; r < len(g.Rows) && r < 20; r++ {
		years := map[int]int{}
		seen := map[int]bool{}
		for c, v := range g.Rows[r] {
			if y, ok := yearCell(v); ok && !seen[y] {
				years[c], seen[y] = y, true
			}
		}
		if len(years) >= 2 {
			return r, years
		}
	}
	return -1, nil
}

// yearCell reads 2020, "2020", "2020年", "2020年度" or "2020年值" as a year.
func yearCell(s string) (int, bool) {
	t := workbook.Squash(narrow(s))
	t = strings.TrimSuffix(t, ".0")
	for _, suf := range []string{"年度值", "年度", "年值", "年"} {
		if strings.HasSuffix(t, suf) {
			t = strings.TrimSuffix(t, suf)
			break
		}
	}
	if len(t) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(t)
	if err != nil || y < 1990 || y > 2100 {
		return 0, false
	}
	return y, true
}
