package xlsximport

import (
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// readAssessmentGrid reads the rows below the header row hr. Layout of the
// fill-in sheets (see the real workbook in testdata): an indicator row
// numbered "N." (often with ▲), then the rows it is computed from numbered
// "N.1.", "N.2." and deeper; rows starting with * are basic hospital
// information; a 栏次 row numbers the columns.
func readAssessmentGrid(g *workbook.Grid, hr int, years map[int]int, percent func(r, c int) bool, res *Assessment) {
	nameCol, unitCol, seqCol := assessmentColumns(g.Rows[hr], years)
	cur := -1 // index in res.Rows of the indicator the following parts belong to
	for r := hr + 1; r < len(g.Rows); r++ {
		raw := workbook.Clean(g.Cell(r, nameCol))
		values, probs := assessmentValues(g, r, years, percent)
		if raw == "" {
			if !yearEcho(values) {
				res.Problems = append(res.Problems, cellProblem("assessment.nameless_values",
					"row {{.Row}} has values but no indicator name; it was skipped.",
					g.Name, workbook.CellName(r, nameCol), "Row", r+1))
			}
			continue
		}
		if isNumberingWord(raw) {
			continue
		}
		res.Problems = append(res.Problems, probs...)
		unit := ""
		if unitCol >= 0 {
			unit = workbook.Clean(g.Cell(r, unitCol))
		}
		name := CleanIndicatorName(raw)
		part := AssessmentPart{Name: name, Unit: unit, Cell: g.Name + "!" + workbook.CellName(r, nameCol), Values: values}
		if strings.HasPrefix(narrow(raw), "*") {
			res.Info = append(res.Info, part)
			cur = -1
			continue
		}
		path, _, numbered := parseNumbering(raw)
		if (numbered && len(path) == 1) || (!numbered && !isPartName(name)) {
			row := AssessmentRow{Cell: part.Cell, RawName: raw, Name: name, Unit: unit, Values: values}
			if numbered {
				row.Seq = path[0]
			} else if seqCol >= 0 {
				row.Seq, _ = leadingDigits(workbook.Clean(g.Cell(r, seqCol)))
			}
			res.Rows = append(res.Rows, row)
			cur = len(res.Rows) - 1
			continue
		}
		if cur < 0 || (numbered && path[0] != res.Rows[cur].Seq) {
			res.Problems = append(res.Problems, cellProblem("assessment.orphan_part",
				"\"{{.Name}}\" does not follow the indicator it belongs to; it was skipped.",
				g.Name, workbook.CellName(r, nameCol), "Name", raw))
			continue
		}
		if numbered {
			part.Number = numberingText(path)
		}
		res.Rows[cur].Details = append(res.Rows[cur].Details, part)
	}
	for i := range res.Rows {
		attachRatioParts(&res.Rows[i])
	}
}

// assessmentColumns finds the name column (项目/指标/名称, else the first
// column), the unit column (单位) and a 序号 column giving the number of
// names that carry none (-1 when absent) in the header row.
func assessmentColumns(header []string, years map[int]int) (nameCol, unitCol, seqCol int) {
	nameCol, unitCol, seqCol = -1, -1, -1
	for c, v := range header {
		if _, ok := years[c]; ok {
			continue
		}
		t := workbook.Squash(v)
		switch {
		case nameCol < 0 && containsAny(t, "项目", "指标", "名称"):
			nameCol = c
		case unitCol < 0 && (t == "单位" || t == "计量单位" || t == "unit"):
			unitCol = c
		case seqCol < 0 && (t == "序号" || t == "编号"):
			seqCol = c
		}
	}
	if nameCol < 0 {
		nameCol = 0
	}
	return nameCol, unitCol, seqCol
}

func isNumberingWord(s string) bool {
	switch workbook.Squash(s) {
	case "栏次", "行次", "序号", "编号":
		return true
	}
	return false
}

// isPartName: rows the sheet labels as numerator or denominator.
func isPartName(name string) bool {
	return strings.Contains(name, "分子") || strings.Contains(name, "分母")
}

// attachRatioParts sets Numerator and Denominator. Rows labelled 分子/分母
// win. Otherwise the outline says it: an indicator with a unit whose only
// direct parts are N.1 and N.2, neither of them itself a rate, is N.1 / N.2
// (出院患者手术占比 = 手术人数 / 出院人数). Indicators with unit "--" are
// groups of sub-indicators (12.1 参加率, 12.2 合格率) and get neither.
func attachRatioParts(row *AssessmentRow) {
	for i := range row.Details {
		d := &row.Details[i]
		switch {
		case row.Numerator == nil && strings.Contains(d.Name, "分子"):
			row.Numerator = d
		case row.Denominator == nil && strings.Contains(d.Name, "分母"):
			row.Denominator = d
		}
	}
	if row.Numerator != nil || row.Denominator != nil || noUnit(row.Unit) {
		return
	}
	prefix := strconv.Itoa(row.Seq) + "."
	var direct []*AssessmentPart
	for i := range row.Details {
		d := &row.Details[i]
		if strings.HasPrefix(d.Number, prefix) && !strings.Contains(d.Number[len(prefix):], ".") {
			direct = append(direct, d)
		}
	}
	if len(direct) != 2 || direct[0].Number != prefix+"1" || direct[1].Number != prefix+"2" {
		return
	}
	if isRateUnit(direct[0].Unit) || isRateUnit(direct[1].Unit) {
		return
	}
	row.Numerator, row.Denominator = direct[0], direct[1]
}

func noUnit(u string) bool {
	t := strings.Trim(workbook.Squash(narrow(u)), "-—/")
	return t == ""
}

func isRateUnit(u string) bool {
	t := narrow(u)
	return noUnit(t) || strings.ContainsAny(t, "%‰") || strings.Contains(t, "比") || strings.Contains(t, "率")
}

// yearEcho reports a nameless row that holds nothing or only its columns'
// years again (the real workbook repeats 2020…2017 under the last row).
func yearEcho(values map[int]Value) bool {
	for y, v := range values {
		if v.Text != "" && (!v.Has || v.Number != float64(y)) {
			return false
		}
	}
	return true
}

// assessmentValues reads the year cells of row r; cells that are not
// numbers become warnings.
func assessmentValues(g *workbook.Grid, r int, years map[int]int, percent func(r, c int) bool) (map[int]Value, domain.Problems) {
	values := map[int]Value{}
	var probs domain.Problems
	// Column order, so that warnings come out in the order of the sheet.
	for _, c := range slices.Sorted(maps.Keys(years)) {
		y := years[c]
		raw := workbook.Clean(g.Cell(r, c))
		if raw == "" {
			continue
		}
		v := Value{Text: raw, Cell: g.Name + "!" + workbook.CellName(r, c)}
		n, kind := parseAssessmentNumber(raw)
		switch kind {
		case valueNumber:
			if percent(r, c) && !strings.Contains(raw, "%") {
				n *= 100 // 0.125 formatted as 12.5%: the sheet's unit is %
			}
			v.Number, v.Has = n, true
		case valueNotNumber:
			probs = append(probs, cellProblem("assessment.not_number",
				"\"{{.Text}}\" is not a number; the value is left empty.",
				g.Name, workbook.CellName(r, c), "Text", raw))
		}
		values[y] = v
	}
	return values, probs
}

type valueKind int

const (
	valueNone valueKind = iota
	valueNumber
	valueNotNumber
)

// parseAssessmentNumber reads "500.00", "1,234", "12.5%", "(3.2)" as a
// number; "--", "-", "—", "/", "无" and "N/A" mean the value does not apply
// for that year. A ratio written 1:X or 1/X (医护比 "1/1.55", unit 比值
// (1:X)) is read as X, the figure the unit names.
func parseAssessmentNumber(raw string) (float64, valueKind) {
	t := strings.ReplaceAll(workbook.Squash(narrow(raw)), ",", "")
	t = strings.ReplaceAll(t, "，", "")
	switch strings.Trim(t, "-—–") {
	case "", "/", "无", "n/a", "na", "#n/a":
		return 0, valueNone
	}
	for _, sep := range []string{":", "/"} {
		if a, b, ok := strings.Cut(t, sep); ok && (a == "1" || a == "1.0" || a == "1.00") {
			if n, ok := plainNumber(b); ok {
				return n, valueNumber
			}
		}
	}
	neg := false
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && len(t) > 2 {
		neg, t = true, t[1:len(t)-1]
	}
	t = strings.TrimSuffix(t, "%")
	n, ok := plainNumber(t)
	if !ok {
		return 0, valueNotNumber
	}
	if neg {
		n = -n
	}
	return n, valueNumber
}

// plainNumber parses a decimal number, refusing hex, infinities and NaN
// that strconv would accept.
func plainNumber(t string) (float64, bool) {
	if t == "" || strings.ContainsAny(t, "xXpPnNiI_") {
		return 0, false
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
		return 0, false
	}
	return n, true
}
