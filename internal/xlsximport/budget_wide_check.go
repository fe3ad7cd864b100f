package xlsximport

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// Reconciling a wide-subjects sheet with its own totals, and reporting
// the numbers it holds that are not imported.

// checkWideTotals compares every stated total (…合计 columns, on every row
// and on the 合计 rows) with what is imported under it, and names every
// column of numbers that is not imported. A total that agrees once the
// numbers of a column left out are added is not reported again: that
// column is named already.
func checkWideTotals(g *workbook.Grid, h header, rows []*dataRow, wc *wideColumns, unit money.Unit, sr *sheetResult) {
	upos := map[int]int{}
	for i, c := range wc.unknown {
		upos[c] = i
	}
	lastSub := -1
	for i, r := range rows {
		scope := []*dataRow{r}
		if r.label {
			from := 0
			if !r.grand {
				from, lastSub = lastSub+1, i
			}
			scope = leafRows(rows[from:i])
		}
		for ti, t := range wc.totals {
			if ti >= len(r.totals) || r.totals[ti].blank || r.totals[ti].bad {
				continue
			}
			items, all, ok := coveredSums(scope, t, upos)
			stated := r.totals[ti]
			if !ok || diff(items.v, stated.v) <= items.tol || diff(all.v, stated.v) <= all.tol {
				continue
			}
			reportMismatch(g, sr, unit, stated.cell, stated.v, items.v, h.cols[t.col].label, r.rowDept.text)
		}
	}
	for i, c := range wc.unknown {
		var as []cellAmount
		for _, r := range rows {
			if !r.label {
				as = append(as, r.unknown[i])
			}
		}
		if s, _, any := sumAmounts(as); any {
			sr.warnings = append(sr.warnings, notImportedColumn(g, c, headerText(g, h, c), s, unit))
			sr.report.LeftOut, _ = addOK(sr.report.LeftOut, s)
		}
	}
}

// sumTol is a sum and the rounding it may carry (half a fen a rounded cell).
type sumTol struct{ v, tol money.Amount }

// coveredSums adds, over the rows of scope, the items total t covers, and
// those plus the numbers of the columns left out in its block; ok is
// false when a cell is bad (already reported) or the sum overflows.
func coveredSums(scope []*dataRow, t totalColumn, upos map[int]int) (items, all sumTol, ok bool) {
	var as, us []cellAmount
	for _, r := range scope {
		for _, i := range t.items {
			as = append(as, r.items[i].amt)
		}
		for _, u := range t.unknown {
			us = append(us, r.unknown[upos[u]])
		}
	}
	if anyBad(as) {
		return items, all, false
	}
	s, n, _ := sumAmounts(as)
	u, m, _ := sumAmounts(us)
	a, okA := addOK(s, u)
	return sumTol{s, money.Amount(n)}, sumTol{a, money.Amount(n + m)}, okA
}

// leafRows keeps the leaf rows.
func leafRows(rows []*dataRow) []*dataRow {
	var out []*dataRow
	for _, r := range rows {
		if r.leaf() {
			out = append(out, r)
		}
	}
	return out
}

// headerText is the header of column c as the user reads it (group·label).
func headerText(g *workbook.Grid, h header, c int) string {
	var parts []string
	for r := h.row; r < h.row+h.rows; r++ {
		if t := workbook.Clean(g.Filled(r, c)); t != "" && (len(parts) == 0 || parts[len(parts)-1] != t) {
			parts = append(parts, t)
		}
	}
	if len(parts) == 0 {
		return "—" // no header
	}
	return strings.Join(parts, "·")
}

// notImportedColumn is the warning for a column of numbers left out.
func notImportedColumn(g *workbook.Grid, c int, header string, total money.Amount, unit money.Unit) *domain.Problem {
	col := strings.TrimRight(workbook.CellName(0, c), "1")
	return domain.NewProblem("import.column_not_imported",
		"Sheet {{.Sheet}} column {{.Column}} ({{.Header}}): {{.Total}} not imported — its header matches no subject of the catalogue. Rename the header to a catalogue subject (or add the subject to the catalogue) and import again if these amounts belong in the import.",
		"Sheet", g.Name, "Column", col, "Header", header, "Total", fmtAmt(total, unit))
}

// reportMismatch reports a stated total that differs from its items, as
// a warning naming the cell and both amounts: the items are imported (a
// budget's and a summary's alike), and the office checks its workbook.
func reportMismatch(g *workbook.Grid, sr *sheetResult, unit money.Unit, cell string, got, want money.Amount, what, dept string) {
	if sr.actuals {
		sr.warnings = append(sr.warnings, actualsMismatch(g.Name, cell, fmtAmt(got, unit), fmtAmt(want, unit), what, dept))
		return
	}
	sr.warnings = append(sr.warnings, cellProblem("import.subtotal_mismatch",
		"the subtotal {{.Subtotal}} ({{.What}}) differs from the sum of its lines, {{.Sum}}: the lines were imported; check the subtotal in the workbook.",
		g.Name, cell, "Subtotal", fmtAmt(got, unit), "Sum", fmtAmt(want, unit), "What", what))
}

// looseAmount reads a number from a column that is not imported; text is
// not a number there and is left alone.
func looseAmount(g *workbook.Grid, r, c int, u money.Unit) cellAmount {
	ca := cellAmount{cell: workbook.CellName(r, c), blank: true}
	raw := g.Cell(r, c)
	if workbook.Clean(raw) == "" {
		return ca
	}
	p, err := money.Parse(raw, u)
	if err != nil || p.Blank {
		return ca
	}
	ca.v, ca.blank, ca.rounded = p.Amount, false, p.Rounded
	return ca
}

// leafCellTotal sums the amount cells of the leaf rows as read.
func leafCellTotal(rows []*dataRow) money.Amount {
	var as []cellAmount
	for _, r := range rows {
		if r.leaf() {
			for _, it := range r.items {
				as = append(as, it.amt)
			}
		}
	}
	s, _, _ := sumAmounts(as)
	return s
}

// sheetSums sums amounts by sheet.
func sheetSums[L any](lines []L, of func(L) (string, money.Amount)) map[string]money.Amount {
	sums := map[string]money.Amount{}
	for _, l := range lines {
		name, a := of(l)
		sums[name], _ = addOK(sums[name], a)
	}
	return sums
}

// reconcileSheets sets each sheet's imported total and, when the import
// has no other problem, refuses a sheet whose imported total differs from
// the sum of its amount cells: the importer lost or doubled something.
func reconcileSheets(sheets []SheetReport, sums map[string]money.Amount, probs domain.Problems) domain.Problems {
	for i := range sheets {
		s := &sheets[i]
		if !s.Used {
			continue
		}
		s.Imported = sums[s.Name]
		if len(probs) == 0 && s.Imported != s.CellTotal {
			probs = append(probs, domain.NewProblem("import.sheet_unbalanced",
				"Sheet {{.Sheet}}: the amount cells of its lines add up to {{.Cells}} but {{.Imported}} would be imported. Nothing was imported; please send this workbook to support.",
				"Sheet", s.Name, "Cells", fmtAmt(s.CellTotal, s.Unit), "Imported", fmtAmt(s.Imported, s.Unit)))
		}
	}
	return probs
}

// warnLeftOut names every other column of numbers that a long or
// departments-across sheet leaves out (prior-year figures, initial budgets
// beside adjusted ones, columns nobody recognised), with its total.
func warnLeftOut(g *workbook.Grid, p *sheetPlan, rows []*dataRow, sr *sheetResult) {
	used := map[int]bool{p.codeCol: true, p.nameCol: true, p.dept: true}
	if p.layout == LayoutLong || p.layout == LayoutPerDepartment {
		used[p.spec.subtotal] = true // checked with the funding-source columns
	}
	for _, c := range p.amountCols {
		used[c] = true
	}
	if p.wide != nil {
		for _, t := range p.wide.totals {
			used[t.col] = true
		}
		for _, c := range append(p.wide.unknown, p.wide.undecided...) {
			used[c] = true
		}
	}
	for _, c := range p.h.cols {
		switch c.role {
		case roleNumbering, roleCode, roleName, roleDept:
			used[c.index] = true
		}
	}
	// Notes and columns without a header are checked too: a 备注 of
	// figures, or figures beyond the header, are named, never passed over.
	for _, c := range p.h.cols {
		if used[c.index] {
			continue
		}
		if c.role == roleSubtotal && p.layout != LayoutLong && p.layout != LayoutPerDepartment {
			checkRowTotals(g, p, rows, c, sr)
			continue
		}
		var as []cellAmount
		for _, r := range rows {
			if r.leaf() {
				as = append(as, looseAmount(g, r.r, c.index, p.unit))
			}
		}
		if s, _, any := sumAmounts(as); any && s != 0 {
			sr.warnings = append(sr.warnings, leftOutColumn(g, c.index, headerText(g, p.h, c.index), s, p.unit, p.spec.label))
			sr.report.LeftOut, _ = addOK(sr.report.LeftOut, s)
		}
	}
}

// checkRowTotals compares a 合计/小计 column with the amounts of each row:
// all of them, or — for a 小计 of some departments — those between it and
// the total before it, or after it up to the next.
func checkRowTotals(g *workbook.Grid, p *sheetPlan, rows []*dataRow, c column, sr *sheetResult) {
	spans := [][2]int{{-1, 1 << 30}, {prevTotal(p.h, c.index, -1), c.index}, {c.index, prevTotal(p.h, c.index, 1)}}
	for _, r := range rows {
		st := looseAmount(g, r.r, c.index, p.unit)
		if st.blank {
			continue
		}
		var first sumTol
		agrees := false
		for i, sp := range spans {
			var as []cellAmount
			for k, it := range r.items {
				if col := p.itemCol(k); col > sp[0] && col < sp[1] {
					as = append(as, it.amt)
				}
			}
			s, n, _ := sumAmounts(as)
			if i == 0 {
				first = sumTol{s, money.Amount(n)}
			}
			if anyBad(as) || diff(s, st.v) <= money.Amount(n) {
				agrees = true
				break
			}
		}
		if !agrees {
			reportMismatch(g, sr, p.unit, st.cell, st.v, first.v, c.label, r.rowDept.text)
		}
	}
}

// prevTotal is the next subtotal column from c in direction step (-1 or
// 1), or the edge of the sheet.
func prevTotal(h header, c, step int) int {
	for k := c + step; k >= 0 && k < len(h.cols); k += step {
		if h.cols[k].role == roleSubtotal {
			return k
		}
	}
	if step < 0 {
		return -1
	}
	return 1 << 30
}

// itemCol is the column of a row's k-th item.
func (p *sheetPlan) itemCol(k int) int {
	switch {
	case p.layout == LayoutWideDepartments && k < len(p.spec.deptCols):
		return p.spec.deptCols[k]
	case p.wide != nil && k < len(p.wide.cols):
		return p.wide.cols[k]
	case k < len(p.amountCols):
		return p.amountCols[k]
	}
	return -1
}

// leftOutColumn is the warning for a column of numbers that is not the
// amount column; used is the amount column's header ("(…)" when the
// amounts stand under each department or subject).
func leftOutColumn(g *workbook.Grid, c int, header string, total money.Amount, unit money.Unit, used string) *domain.Problem {
	col := strings.TrimRight(workbook.CellName(0, c), "1")
	if strings.HasPrefix(used, "(") {
		return domain.NewProblem("import.column_left_out_across",
			"Sheet {{.Sheet}} column {{.Column}} ({{.Header}}): {{.Total}} not imported — the amounts are taken from the columns of each department or subject, and this header names none. If these amounts belong in the import, name the department or subject in the header and import again.",
			"Sheet", g.Name, "Column", col, "Header", header, "Total", fmtAmt(total, unit))
	}
	return domain.NewProblem("import.column_left_out",
		"Sheet {{.Sheet}} column {{.Column}} ({{.Header}}): {{.Total}} not imported — the amounts are taken from {{.Used}}. If this column holds the amounts to import, name it as the amount column and import again.",
		"Sheet", g.Name, "Column", col, "Header", header, "Total", fmtAmt(total, unit), "Used", used)
}

// totalProblem refuses lines whose amounts add up past what can be stored,
// naming the line where the sum overflows.
func totalProblem[L any](lines []L, of func(L) (a money.Amount, sheet, cell string)) *domain.Problem {
	var total money.Amount
	for _, l := range lines {
		a, sheet, cell := of(l)
		var ok bool
		if total, ok = addOK(total, a); !ok {
			return cellProblem("import.too_large_total",
				"the amounts of the workbook add up to more than can be stored: check the figures and the unit.", sheet, cell)
		}
	}
	return nil
}
