package xlsximport

import (
	"math"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// TargetValueRow is one actual value of a performance target read from a
// target-values workbook, with the cells it came from (A1 form). Project,
// department and indicator are the text as written; matching them to the
// year's projects is the caller's job.
type TargetValueRow struct {
	Project, Dept, Indicator string
	Month                    int
	Value, Note              string
	Sheet                    string
	ProjectCell, DeptCell    string // DeptCell is "" without a department column
	IndicatorCell, MonthCell string // MonthCell is the month's header cell in a wide sheet
	ValueCell                string
}

// TargetValuesResult is what a target-values workbook holds.
type TargetValuesResult struct {
	Rows    []TargetValueRow
	Sheets  []string // sheets read
	Skipped []string // sheets without a recognisable header (notes, instructions)
}

// tvCols are the columns of a target-values header, -1 when absent. A long
// sheet has a month and a value column; a wide one has a column per month
// (1月 … 12月) holding the values.
type tvCols struct {
	project, dept, indicator, month, value, note int
	months                                       map[int]int // column → month
}

var tvWords = struct{ project, dept, indicator, month, value, note []string }{
	project:   []string{"项目名称", "项目", "项目全称", "project", "projectname"},
	dept:      []string{"科室", "部门", "科室名称", "部门名称", "预算科室", "责任科室", "department", "dept"},
	indicator: []string{"指标名称", "指标", "绩效指标", "三级指标", "指标内容", "indicator", "indicatorname"},
	month:     []string{"月份", "月", "期间", "所属月份", "填报月份", "报告期", "month", "period"},
	value: []string{"实际值", "完成值", "实际完成值", "累计完成值", "累计实际值", "实际完成", "累计完成", "完成情况", "实际",
		"actual", "actualvalue", "value"},
	note: []string{"说明", "备注", "情况说明", "偏差原因", "原因", "原因说明", "偏差原因及改进措施", "note", "notes", "remark", "remarks", "comment"},
}

// tvHeader reads one row as a target-values header; ok when it names the
// project, the indicator and either a month and a value or month columns.
func tvHeader(row []string) (tvCols, bool) {
	h := tvCols{-1, -1, -1, -1, -1, -1, map[int]int{}}
	for c, text := range row {
		core := strings.TrimRight(headerCore(text), ":")
		set := func(col *int, words []string) bool {
			if *col < 0 && containsWord(words, core) {
				*col = c
				return true
			}
			return false
		}
		switch {
		case set(&h.project, tvWords.project), set(&h.dept, tvWords.dept), set(&h.indicator, tvWords.indicator),
			set(&h.month, tvWords.month), set(&h.value, tvWords.value), set(&h.note, tvWords.note):
		case h.value < 0 && containsAny(core, "实际值", "完成值") && !containsAny(core, "目标", "计划", "预期", "上年"):
			h.value = c
		default:
			if m, ok := monthWord(core); ok {
				h.months[c] = m
			}
		}
	}
	long := h.month >= 0 && h.value >= 0
	return h, h.project >= 0 && h.indicator >= 0 && (long || len(h.months) > 0)
}

func containsWord(words []string, s string) bool {
	for _, w := range words {
		if s == w {
			return true
		}
	}
	return false
}

var monthNames = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
var cnMonths = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"}

// monthWord reads a month written alone: 9, 09, 9月, 9月份, 九月, Sep, September.
func monthWord(s string) (int, bool) {
	s = strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(workbook.Clean(s)), "份"), ".")
	num := strings.TrimSuffix(s, "月")
	if workbook.AllDigits(num) && len(num) <= 2 {
		m, _ := strconv.Atoi(num)
		return m, m >= 1 && m <= 12
	}
	if strings.HasSuffix(s, "月") {
		for i, w := range cnMonths {
			if num == w {
				return i + 1, true
			}
		}
	}
	for i, w := range monthNames {
		if s == w || len(s) >= 3 && strings.HasPrefix(w, s) {
			return i + 1, true
		}
	}
	return 0, false
}

// parseMonthCell reads the month of a long sheet's row: a month alone, a
// year and month (2025-09, 2025/9, 2025年9月, 202509), a date or an Excel
// date serial. year is the month's year when the cell carries one, else 0.
func parseMonthCell(s string) (month, year int, ok bool) {
	t := workbook.Clean(s)
	if workbook.AllDigits(t) && len(t) == 6 {
		y, _ := strconv.Atoi(t[:4])
		m, _ := strconv.Atoi(t[4:])
		return m, y, m >= 1 && m <= 12 && y >= 1900
	}
	if workbook.IsSerial(t) {
		f, _ := strconv.ParseFloat(t, 64)
		switch {
		case f == math.Trunc(f) && f >= 1 && f <= 12:
			return int(f), 0, true // a number cell holding 9 (raw "9")
		case f >= serial2000 && f < serial2101:
			// A date cell: only serials of 2000–2100 are taken as dates, so
			// that 2025.9 is read as a year and month, not as 17 July 1905.
			if d, ok := workbook.ParseDate(t); ok {
				return int(d.Month()), d.Year(), true
			}
		}
	}
	if m, ok := monthWord(t); ok {
		return m, 0, true
	}
	if d, ok := workbook.ParseDateText(t); ok {
		return int(d.Month()), d.Year(), true
	}
	// Year and month without a day: 2025-09, 2025/9, 2025.9, 2025年9月.
	if d, ok := workbook.ParseDateText(strings.TrimSuffix(strings.TrimSuffix(t, "份"), "月") + "-1"); ok {
		return int(d.Month()), d.Year(), true
	}
	return 0, 0, false
}

// Excel serials of 2000-01-01 and 2101-01-01.
const (
	serial2000 = 36526
	serial2101 = 73051
)

// ReadTargetValues reads the workbook at path: every sheet whose header row
// (in its first 20 rows) names the project, the indicator, the month and
// the actual value — or has a column per month. Problems name their cell.
// With problems, Rows still holds the rows that could be read, so that the
// caller can check them too and report every problem at once; it must not
// write them.
func ReadTargetValues(path string, year int) (res TargetValuesResult, err error) {
	defer workbook.RecoverUnreadable(path, &err, func() { res = TargetValuesResult{} })
	grids, percent, closeBook, err := workbook.Open(path)
	if err != nil {
		return TargetValuesResult{}, err
	}
	defer closeBook()
	var probs domain.Problems
	for _, g := range grids {
		rows, ps, ok := readTargetGrid(g, year, func(r, c int) bool { return percent(g.Name, r, c) })
		if !ok {
			res.Skipped = append(res.Skipped, g.Name)
			continue
		}
		res.Sheets = append(res.Sheets, g.Name)
		res.Rows = append(res.Rows, rows...)
		probs = append(probs, ps...)
	}
	if len(res.Sheets) == 0 {
		probs = append(probs, domain.NewProblem("import.tv.no_header",
			"No sheet of the workbook has a header row naming the project, the indicator, the month and the actual value (项目名称, 指标名称, 月份, 实际值) in its first 20 rows: check that this is a workbook of target values."))
	}
	if len(probs) > 0 {
		return res, probs
	}
	return res, nil
}

// readTargetGrid reads one sheet; ok is false when it has no header.
func readTargetGrid(g *workbook.Grid, year int, percent func(r, c int) bool) (rows []TargetValueRow, probs domain.Problems, ok bool) {
	hr, h := workbook.FindHeaderRow(g, tvHeader)
	if hr < 0 {
		return nil, nil, false
	}
	text := g.FilledText
	for r := hr + 1; r < len(g.Rows) && len(probs) < maxSheetProblems; r++ {
		base := TargetValueRow{Sheet: g.Name, Project: text(r, h.project), Dept: text(r, h.dept), Indicator: text(r, h.indicator),
			Note: text(r, h.note), ProjectCell: workbook.CellName(r, h.project), IndicatorCell: workbook.CellName(r, h.indicator)}
		if h.dept >= 0 {
			base.DeptCell = workbook.CellName(r, h.dept)
		}
		var found []TargetValueRow
		if h.month >= 0 && h.value >= 0 {
			v := tvValue(g.Cell(r, h.value), percent(r, h.value))
			if v == "" {
				continue // nothing reported on this row
			}
			row := base
			row.Value, row.ValueCell, row.MonthCell = v, workbook.CellName(r, h.value), workbook.CellName(r, h.month)
			m, y, ok := parseMonthCell(g.Cell(r, h.month))
			switch {
			case workbook.Clean(g.Cell(r, h.month)) == "":
				probs = append(probs, cellProblem("import.tv.no_month", "the row has an actual value but no month: write the month, 1 to 12.", g.Name, row.MonthCell))
				continue
			case !ok:
				probs = append(probs, cellProblem("import.tv.bad_month", "\"{{.Text}}\" is not a month: write 1 to 12, 9月 or {{.Year}}-09.",
					g.Name, row.MonthCell, "Text", workbook.Clean(g.Cell(r, h.month)), "Year", year))
				continue
			case y != 0 && y != year:
				probs = append(probs, cellProblem("import.tv.other_year", "{{.Text}} is in {{.Found}}, not {{.Year}}: import each year's values into that year.",
					g.Name, row.MonthCell, "Text", workbook.Clean(g.Cell(r, h.month)), "Found", y, "Year", year))
				continue
			}
			row.Month = m
			found = append(found, row)
		}
		for c, m := range h.months {
			if v := tvValue(g.Cell(r, c), percent(r, c)); v != "" {
				row := base
				row.Value, row.ValueCell, row.Month, row.MonthCell = v, workbook.CellName(r, c), m, workbook.CellName(hr, c)
				found = append(found, row)
			}
		}
		if len(found) == 0 {
			continue
		}
		switch {
		case base.Project == "":
			probs = append(probs, cellProblem("import.tv.no_project", "the row has an actual value but no project name.", g.Name, base.ProjectCell))
		case base.Indicator == "":
			probs = append(probs, cellProblem("import.tv.no_indicator", "the row has an actual value but no indicator name.", g.Name, base.IndicatorCell))
		default:
			sortRowsByMonth(found)
			rows = append(rows, found...)
		}
	}
	return rows, probs, true
}

// sortRowsByMonth orders the values of one wide row by month (the month
// columns come from a map).
func sortRowsByMonth(rows []TargetValueRow) {
	for i := 1; i < len(rows); i++ {
		for j := i; j > 0 && rows[j].Month < rows[j-1].Month; j-- {
			rows[j], rows[j-1] = rows[j-1], rows[j]
		}
	}
}

// tvValue is a value cell as text: a number stored in a percentage-format
// cell (0.95 shown as 95%) becomes "95%", and float noise of formulas
// (1199.9999999999998) is rounded away.
func tvValue(raw string, percent bool) string {
	t := workbook.Clean(raw)
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || strings.ContainsAny(t, "xXpPnN") {
		return t
	}
	if percent {
		f *= 100
	}
	f = math.Round(f*1e9) / 1e9
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if percent {
		s += "%"
	}
	return s
}
