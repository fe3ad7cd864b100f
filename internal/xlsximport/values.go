package xlsximport

import (
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// EvalValueRow is one indicator's actual value of an evaluated unit read
// from an evaluation-values workbook. Unit is the department's or project's
// name (or a department's code) as written, UnitCode the code column's
// text when the sheet has one; matching them to the year's evaluations is
// the caller's job. Cells are in A1 form on Sheet: Cell is the value's.
type EvalValueRow struct {
	Sheet, Cell             string
	Unit, UnitCode          string
	Indicator               string
	Actual                  string // as written; a percentage cell reads "95%"
	Occurrences             int    // 0 without an occurrences column
	Reason                  string
	UnitCell, IndicatorCell string
	HasOccurrences          bool // the row gives a number of occurrences
}

// Where is the value's location, Sheet!C4.
func (r EvalValueRow) Where() string { return r.Sheet + "!" + r.Cell }

// evCols are the columns of an evaluation-values header, -1 when absent.
// A sheet may have both a department and a project column (projects listed
// with their department): a row's unit is then its project when it names
// one, else its department. A 单位 column counts only without either (it
// may be an indicator's unit of measure beside them).
type evCols struct {
	dept, project, unit, code, indicator, actual, occurrences, reason int
}

var evWords = struct{ dept, project, unit, code, occurrences, reason []string }{
	dept:        []string{"科室", "部门", "科室名称", "部门名称", "department", "dept"},
	unit:        []string{"单位", "单位名称", "被评价单位", "评价对象", "评价单位", "unit"},
	project:     []string{"项目", "项目名称", "项目全称", "project", "projectname"},
	code:        []string{"编码", "科室编码", "部门编码", "单位编码", "代码", "科室代码", "编号", "code"},
	occurrences: []string{"发生次数", "次数", "发生数", "扣分次数", "occurrences", "count"},
	reason: []string{"偏差原因", "偏差原因及改进措施", "偏差原因及整改措施", "原因", "原因及措施", "原因分析", "说明", "备注",
		"reason", "reasons", "note", "notes"},
}

// evHeader reads one row as an evaluation-values header; ok when it names
// the unit, the indicator and the actual value.
func evHeader(row []string) (evCols, bool) {
	h := evCols{-1, -1, -1, -1, -1, -1, -1, -1}
	for c, text := range row {
		core := strings.TrimRight(headerCore(text), ":：")
		set := func(col *int, words []string) bool {
			if *col < 0 && containsWord(words, core) {
				*col = c
				return true
			}
			return false
		}
		switch {
		case set(&h.dept, evWords.dept), set(&h.project, evWords.project), set(&h.unit, evWords.unit), set(&h.code, evWords.code),
			set(&h.indicator, tvWords.indicator), set(&h.actual, tvWords.value),
			set(&h.occurrences, evWords.occurrences), set(&h.reason, evWords.reason):
		case h.actual < 0 && containsAny(core, "实际值", "完成值") && !containsAny(core, "目标", "计划", "预期", "上年"):
			h.actual = c
		}
	}
	if h.dept < 0 && h.project < 0 {
		h.dept = h.unit
	}
	return h, (h.dept >= 0 || h.project >= 0) && h.indicator >= 0 && h.actual >= 0
}

// ReadEvaluationValues reads the workbook at path: every sheet whose header
// row (in its first 20 rows) names the unit (科室, 项目 or 单位), the
// indicator (指标名称) and the actual value (实际值 or 完成值), with
// optional columns of the unit's code (编码), the number of occurrences
// (发生次数) and the reason for a deviation (偏差原因). Rows without an
// actual value or occurrences are passed over. problems names every row
// that cannot be read by its cell; rows still holds the rows that could,
// so that the caller can check them too and report every problem at once
// — it must not write them. err is a file that cannot be read at all.
func ReadEvaluationValues(path string) (rows []EvalValueRow, problems domain.Problems, err error) {
	defer workbook.RecoverUnreadable(path, &err, func() { rows, problems = nil, nil })
	grids, percent, closeBook, err := workbook.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer closeBook()
	sheets := 0
	for _, g := range grids {
		rs, ps, ok := readEvalGrid(g, func(r, c int) bool { return percent(g.Name, r, c) })
		if !ok {
			continue
		}
		sheets++
		rows = append(rows, rs...)
		problems = append(problems, ps...)
	}
	if sheets == 0 {
		problems = append(problems, domain.NewProblem("import.ev.no_header",
			"No sheet of the workbook has a header row naming the unit, the indicator and the actual value (科室 or 项目, 指标名称, 实际值) in its first 20 rows: check that this is a workbook of evaluation values."))
	}
	return rows, problems, nil
}

// readEvalGrid reads one sheet; ok is false when it has no header.
func readEvalGrid(g *workbook.Grid, percent func(r, c int) bool) (rows []EvalValueRow, probs domain.Problems, ok bool) {
	hr, h := workbook.FindHeaderRow(g, evHeader)
	if hr < 0 {
		return nil, nil, false
	}
	text := g.FilledText
	for r := hr + 1; r < len(g.Rows) && len(probs) < maxSheetProblems; r++ {
		row := EvalValueRow{Sheet: g.Name, Cell: workbook.CellName(r, h.actual),
			Indicator: text(r, h.indicator), IndicatorCell: workbook.CellName(r, h.indicator),
			Actual:   tvValue(g.Cell(r, h.actual), percent(r, h.actual)),
			UnitCode: text(r, h.code), Reason: text(r, h.reason)}
		unitCol := h.dept
		if h.project >= 0 && (unitCol < 0 || text(r, h.project) != "") {
			unitCol = h.project
		}
		row.Unit, row.UnitCell = text(r, unitCol), workbook.CellName(r, unitCol)
		if row.Unit == "" && row.UnitCode != "" {
			row.UnitCell = workbook.CellName(r, h.code)
		}
		occ := ""
		if h.occurrences >= 0 {
			occ = tvValue(g.Cell(r, h.occurrences), false)
		}
		if row.Actual == "" && occ == "" {
			continue // nothing reported on this row
		}
		switch {
		case row.Unit == "" && row.UnitCode == "":
			probs = append(probs, cellProblem("import.ev.no_unit", "the row has an actual value but no department or project.", g.Name, row.UnitCell))
			continue
		case row.Indicator == "":
			probs = append(probs, cellProblem("import.ev.no_indicator", "the row has an actual value but no indicator name.", g.Name, row.IndicatorCell))
			continue
		}
		if occ != "" {
			n, err := strconv.Atoi(occ)
			if err != nil || n < 0 || n > 1e6 {
				probs = append(probs, cellProblem("import.ev.bad_occurrences", "\"{{.Text}}\" is not a number of occurrences: write a whole number, 0 or more.",
					g.Name, workbook.CellName(r, h.occurrences), "Text", occ))
				continue
			}
			row.Occurrences, row.HasOccurrences = n, true
		}
		rows = append(rows, row)
	}
	return rows, probs, true
}
