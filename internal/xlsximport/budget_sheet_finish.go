package xlsximport

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/workbook"
	xc "github.com/budgetperf/budgetperf/internal/workbook/xlsxcells"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// sheetPlan is how the data rows of a sheet are read.
type sheetPlan struct {
	h                      header
	spec                   amountSpec
	layout                 string
	codeCol, nameCol, dept int
	sheetDept              deptRef
	wide                   *wideColumns // wide-subjects only
	unit                   money.Unit
	amountCols             []int
	colDepts               []deptRef
}

// finishSheet reads the data rows under a recognised header into lines,
// with the sheet's unit, subjects, subtotal checks and problems.
func finishSheet(g *workbook.Grid, p sheetPlan, subj *subjectIndex, sr *sheetResult) sheetResult {
	h, spec, layout := p.h, p.spec, p.layout
	if layout != LayoutWideSubjects {
		p.wide = nil
	}
	p.amountCols = append(append([]int{}, spec.parts...), spec.deptCols...)
	if p.wide != nil {
		p.amountCols = append(p.amountCols, p.wide.cols...)
	}
	p.unit = findUnit(g, h, p.amountCols)
	sr.report.Unit = p.unit
	sr.report.AmountColumn = spec.label
	sr.report.Used = true
	for _, c := range spec.deptCols {
		p.colDepts = append(p.colDepts, deptRef{text: h.cols[c].label, sheet: g.Name, cell: workbook.CellName(h.row+h.rows-1, c)})
	}
	var rows []*dataRow
	for r := h.row + h.rows; r < len(g.Rows); r++ {
		if dr := p.readRow(g, r, sr); dr != nil {
			rows = append(rows, dr)
		}
	}
	if layout != LayoutWideSubjects {
		resolveSubjects(g, rows, subj)
	}
	markParents(rows, layout)
	if p.wide != nil && len(p.wide.undecided) == 0 {
		checkWideTotals(g, h, rows, p.wide, p.unit, sr)
	}
	warnLeftOut(g, &p, rows, sr)
	totalLabel := ""
	if spec.subtotal >= 0 {
		totalLabel = h.cols[spec.subtotal].label
	}
	checkAndEmit(g, rows, layout, totalLabel, p.unit, sr)
	sr.report.CellTotal = leafCellTotal(rows)
	return *sr
}

// readRow reads data row r; nil for rows that hold no data (blank lines,
// column numbers, notes).
func (p *sheetPlan) readRow(g *workbook.Grid, r int, sr *sheetResult) *dataRow {
	cells := g.Rows[r]
	empty := true
	for _, c := range cells {
		if workbook.Clean(c) != "" {
			empty = false
			break
		}
	}
	if empty || isNumberingRow(cells) || r < p.h.row+p.h.rows+2 && isColumnNumbers(cells) {
		return nil
	}
	if p.damagedLabel(g, r, sr) {
		return nil
	}
	dr := &dataRow{r: r}
	p.readLabels(g, r, dr)
	if isStemMarker(dr.code) || isStemMarker(dr.name) {
		return nil
	}
	p.readItems(g, r, dr, sr)
	for _, it := range dr.items {
		if !it.amt.blank || it.amt.bad {
			dr.hasItems = true
		}
	}
	if !dr.hasItems && !dr.hasSubtotal && !dr.hasTotals {
		return nil // a note, an empty line of the form
	}
	return dr
}

// damagedLabel reports (once, as a problem) a code, name or department
// cell of row r whose text is missing from the file: read as blank, it
// would put the row's amounts under no department or subject.
func (p *sheetPlan) damagedLabel(g *workbook.Grid, r int, sr *sheetResult) bool {
	for _, c := range []int{p.codeCol, p.nameCol, p.dept} {
		if c < 0 {
			continue
		}
		if sp, ok := g.SpecialAt(r, c); ok && sp.Kind == xc.BadString {
			sr.problems = append(sr.problems, kindProblem(g.Name, workbook.CellName(r, c), g.Cell(r, c), sp, false))
			return true
		}
	}
	return false
}

// readLabels reads the code, name, department and subtotal label of row r.
func (p *sheetPlan) readLabels(g *workbook.Grid, r int, dr *dataRow) {
	if p.codeCol >= 0 {
		dr.codeCell = workbook.CellName(r, p.codeCol)
		dr.code = workbook.Clean(g.Cell(r, p.codeCol))
		if c, n, ok := splitBracket(dr.code); ok {
			dr.code = c
			if dr.name == "" {
				dr.name = n
			}
		}
	}
	if p.nameCol >= 0 {
		dr.nameCell = workbook.CellName(r, p.nameCol)
		n := workbook.Clean(g.Cell(r, p.nameCol))
		if c, nm, ok := splitBracket(n); ok {
			if dr.code == "" {
				dr.code, dr.codeCell = c, dr.nameCell
			}
			n = nm
		}
		dr.name = n
	}
	// Subtotal label: in the code, name or department cell, or the first text.
	for _, c := range []int{p.codeCol, p.nameCol, p.dept} {
		if c >= 0 && isSubtotalWord(g.Cell(r, c)) {
			dr.label = true
		}
	}
	cells := g.Rows[r]
	for c := 0; c < len(cells) && !dr.label; c++ {
		if t := workbook.Clean(cells[c]); t != "" {
			if isSubtotalWord(t) && !containsInt(p.amountCols, c) {
				dr.label = true
			}
			break
		}
	}
	if dr.label {
		t := workbook.Squash(g.Cell(r, max(p.codeCol, 0)) + g.Cell(r, max(p.nameCol, 0)) + g.Cell(r, max(p.dept, 0)) + g.Cell(r, 0))
		dr.grand = !strings.Contains(t, "小计") && !strings.Contains(t, "subtotal")
		for _, c := range cells {
			if t := workbook.Clean(c); t != "" && isSubtotalWord(t) {
				dr.labelText = strings.TrimRight(t, ":：")
				break
			}
		}
	}
	if p.dept >= 0 {
		t := workbook.Clean(g.Filled(r, p.dept))
		if isSubtotalWord(t) {
			t = ""
		}
		dr.rowDept = deptRef{text: t, sheet: g.Name, cell: workbook.CellName(r, p.dept)}
	} else {
		dr.rowDept = p.sheetDept
	}
}

// readItems reads the amounts of row r as the layout says.
func (p *sheetPlan) readItems(g *workbook.Grid, r int, dr *dataRow, sr *sheetResult) {
	switch p.layout {
	case LayoutWideDepartments:
		for i, c := range p.spec.deptCols {
			dr.items = append(dr.items, item{dept: p.colDepts[i], amt: readAmount(g, r, c, p.unit, sr)})
		}
	case LayoutWideSubjects:
		for i, c := range p.wide.cols {
			dr.items = append(dr.items, item{dept: dr.rowDept, subject: p.wide.subjects[i], amt: readAmount(g, r, c, p.unit, sr)})
		}
		for _, t := range p.wide.totals {
			a := readAmount(g, r, t.col, p.unit, sr)
			dr.totals = append(dr.totals, a)
			dr.hasTotals = dr.hasTotals || !a.blank
		}
		for _, c := range p.wide.unknown {
			a := looseAmount(g, r, c, p.unit)
			dr.unknown = append(dr.unknown, a)
			dr.hasTotals = dr.hasTotals || !a.blank
		}
		return
	default:
		dr.items = append(dr.items, item{dept: dr.rowDept, amt: p.lineAmount(g, r, sr)})
	}
	// A departments-across sheet's 合计/小计 columns are checked by
	// checkRowTotals, each against the departments it covers.
}

// lineAmount is the amount of a line of a long sheet: its amount column,
// or the sum of its funding-source columns checked against their 小计.
func (p *sheetPlan) lineAmount(g *workbook.Grid, r int, sr *sheetResult) cellAmount {
	spec, unit := p.spec, p.unit
	var parts []cellAmount
	for _, c := range spec.parts {
		parts = append(parts, readAmount(g, r, c, unit, sr))
	}
	a := parts[0]
	if len(parts) > 1 || spec.subtotal >= 0 {
		s, _, any := sumAmounts(parts)
		a = cellAmount{v: s, blank: !any, cell: parts[0].cell}
		if !any && !allBlank(parts) {
			a.bad = true
			sr.problems = append(sr.problems, cellProblem("import.too_large_line",
				"the amounts of this line add up to more than can be stored: check the figures and the unit.", g.Name, parts[0].cell))
		}
		for _, p := range parts {
			a.bad = a.bad || p.bad
			a.rounded = a.rounded || p.rounded
		}
	}
	if spec.subtotal < 0 {
		return a
	}
	st := readAmount(g, r, spec.subtotal, unit, sr)
	if !st.blank && !st.bad && !a.bad {
		if a.blank {
			a = st
		} else if diff(st.v, a.v) > tolerance(parts) {
			sr.problems = append(sr.problems, cellProblem("import.funding_mismatch",
				"{{.Total}} differs from the sum of its funding-source columns ({{.Sum}}): correct the figures so that 小计 equals their total.",
				g.Name, st.cell, "Total", fmtAmt(st.v, unit), "Sum", fmtAmt(a.v, unit)))
			a.bad = true
		} else {
			a.cell = st.cell
		}
	}
	a.bad = a.bad || st.bad
	return a
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// diff is |a-b|, saturating instead of overflowing.
func diff(a, b money.Amount) money.Amount {
	if a < b {
		a, b = b, a
	}
	if d := a - b; d >= 0 {
		return d
	}
	return money.MaxAmount
}

// tolerance allows half a fen per rounded figure on each side.
func tolerance(as []cellAmount) money.Amount {
	n := money.Amount(0)
	for _, a := range as {
		if a.rounded {
			n++
		}
	}
	return n
}
