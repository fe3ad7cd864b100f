package xlsximport

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/money"
)

// finishSheet reads the data rows under a recognised header into lines,
// with the sheet's unit, subjects, subtotal checks and problems.
func finishSheet(g *grid, h header, spec amountSpec, layout string, codeCol, nameCol, deptCol int,
	sheetDeptRef deptRef, subjectCols []int, subj *subjectIndex, sr *sheetResult) sheetResult {
	amountCols := append(append([]int{}, spec.parts...), spec.deptCols...)
	amountCols = append(amountCols, subjectCols...)
	unit := findUnit(g, h, amountCols)
	sr.report.Unit = unit
	sr.report.AmountColumn = spec.label
	sr.report.Used = true
	var colDepts []deptRef
	for _, c := range spec.deptCols {
		colDepts = append(colDepts, deptRef{text: h.cols[c].label, sheet: g.name, cell: cellName(h.row+h.rows-1, c)})
	}
	var colSubjects []string
	for _, c := range subjectCols {
		s, _ := subj.match(h.cols[c].label, h.cols[c].group)
		colSubjects = append(colSubjects, s)
	}
	var rows []*dataRow
	for r := h.row + h.rows; r < len(g.rows); r++ {
		cells := g.rows[r]
		empty := true
		for _, c := range cells {
			if clean(c) != "" {
				empty = false
				break
			}
		}
		if empty || isNumberingRow(cells) || r < h.row+h.rows+2 && isColumnNumbers(cells) {
			continue
		}
		dr := &dataRow{r: r}
		if codeCol >= 0 {
			dr.codeCell = cellName(r, codeCol)
			dr.code = clean(g.cell(r, codeCol))
			if c, n, ok := splitBracket(dr.code); ok {
				dr.code = c
				if dr.name == "" {
					dr.name = n
				}
			}
		}
		if nameCol >= 0 {
			dr.nameCell = cellName(r, nameCol)
			n := clean(g.cell(r, nameCol))
			if c, nm, ok := splitBracket(n); ok {
				if dr.code == "" {
					dr.code, dr.codeCell = c, dr.nameCell
				}
				n = nm
			}
			dr.name = n
		}
		if isStemMarker(dr.code) || isStemMarker(dr.name) {
			continue
		}
		// Subtotal label: in the code, name or department cell, or the first text.
		for _, c := range []int{codeCol, nameCol, deptCol} {
			if c >= 0 && isSubtotalWord(g.cell(r, c)) {
				dr.label = true
			}
		}
		for c := 0; c < len(cells) && !dr.label; c++ {
			if t := clean(cells[c]); t != "" {
				if isSubtotalWord(t) && !containsInt(amountCols, c) {
					dr.label = true
				}
				break
			}
		}
		if dr.label {
			t := squash(g.cell(r, max(codeCol, 0)) + g.cell(r, max(nameCol, 0)) + g.cell(r, max(deptCol, 0)) + g.cell(r, 0))
			dr.grand = !strings.Contains(t, "小计") && !strings.Contains(t, "subtotal")
		}
		if deptCol >= 0 {
			t := clean(g.filled(r, deptCol))
			if isSubtotalWord(t) {
				t = ""
			}
			dr.rowDept = deptRef{text: t, sheet: g.name, cell: cellName(r, deptCol)}
		} else {
			dr.rowDept = sheetDeptRef
		}
		switch layout {
		case LayoutWideDepartments:
			for i, c := range spec.deptCols {
				dr.items = append(dr.items, item{dept: colDepts[i], amt: readAmount(g, r, c, unit, sr)})
			}
		case LayoutWideSubjects:
			for i, c := range subjectCols {
				dr.items = append(dr.items, item{dept: dr.rowDept, subject: colSubjects[i], amt: readAmount(g, r, c, unit, sr)})
			}
		default:
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
						"the amounts of this line add up to more than can be stored: check the figures and the unit.", g.name, parts[0].cell))
				}
				for _, p := range parts {
					a.bad = a.bad || p.bad
					a.rounded = a.rounded || p.rounded
				}
			}
			if spec.subtotal >= 0 {
				st := readAmount(g, r, spec.subtotal, unit, sr)
				if !st.blank && !st.bad && !a.bad {
					if a.blank {
						a = st
					} else if diff(st.v, a.v) > tolerance(parts) {
						sr.problems = append(sr.problems, cellProblem("import.funding_mismatch",
							"{{.Total}} differs from the sum of its funding-source columns ({{.Sum}}): correct the figures so that 小计 equals their total.",
							g.name, st.cell, "Total", fmtAmt(st.v, unit), "Sum", fmtAmt(a.v, unit)))
						a.bad = true
					} else {
						a.cell = st.cell
					}
				}
				a.bad = a.bad || st.bad
			}
			dr.items = append(dr.items, item{dept: dr.rowDept, amt: a})
		}
		if (layout == LayoutWideDepartments || layout == LayoutWideSubjects) && spec.subtotal >= 0 {
			dr.subtotal = readAmount(g, r, spec.subtotal, unit, sr)
			dr.hasSubtotal = !dr.subtotal.blank && !dr.subtotal.bad
		}
		for _, it := range dr.items {
			if !it.amt.blank || it.amt.bad {
				dr.hasItems = true
			}
		}
		if !dr.hasItems && !dr.hasSubtotal {
			continue // a note, an empty line of the form
		}
		rows = append(rows, dr)
	}
	if layout != LayoutWideSubjects {
		resolveSubjects(g, rows, subj)
	}
	markParents(rows, layout)
	checkAndEmit(g, rows, layout, unit, sr)
	return *sr
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
