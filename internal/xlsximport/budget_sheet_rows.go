package xlsximport

import (
	"sort"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// Resolving the rows of a sheet: subjects, parent rows, subtotal checks and
// the leaf lines.

// resolveSubjects matches each row's subject: by code, else by name with
// the names of the rows above as context for names used more than once.
func resolveSubjects(g *workbook.Grid, rows []*dataRow, subj *subjectIndex) {
	for i, p := range rows {
		if p.label {
			continue
		}
		switch {
		case p.code != "":
			s, ok := subj.byCode[p.code]
			if !ok {
				p.subjErr = cellProblem("import.unknown_subject",
					"subject code {{.Code}} ({{.Name}}) is not in the subject catalogue: correct the code, or add the subject to the catalogue first.",
					g.Name, p.codeCell, "Code", p.code, "Name", p.name)
				continue
			}
			p.subject = s
		case p.name != "":
			var ctx []string
			for k := i - 1; k >= 0 && k >= i-200; k-- {
				if !rows[k].label && rows[k].name != "" {
					ctx = append(ctx, rows[k].name)
				}
			}
			s, cands, ok := subj.byNameIn(p.name, ctx)
			switch {
			case !ok:
				p.subjErr = cellProblem("import.unknown_subject_name",
					"subject \"{{.Name}}\" is not in the subject catalogue and has no code: add its code, correct the name, or add the subject to the catalogue first.",
					g.Name, p.nameCell, "Name", p.name)
			case len(cands) > 0:
				p.subjErr = cellProblem("import.ambiguous_subject",
					"subject \"{{.Name}}\" is ambiguous (codes {{.Codes}}): add its code, or put it under its group row (e.g. 门诊收入 or 住院收入).",
					g.Name, p.nameCell, "Name", p.name, "Codes", strings.Join(cands, ", "))
			default:
				p.subject = s
			}
		default:
			cell := p.codeCell
			if cell == "" {
				cell = p.nameCell
			}
			if cell == "" && len(p.items) > 0 {
				cell = p.items[0].amt.cell
			}
			p.subjErr = cellProblem("import.no_subject",
				"this line has an amount but no subject code or name: fill in the subject or delete the line.",
				g.Name, cell)
		}
	}
}

// markParents marks rows whose code is a strict prefix of another row's code
// (of the same department in a long sheet): they are subtotals.
func markParents(rows []*dataRow, layout string) {
	// Keys grouped by department (one group unless long), sorted: a key is
	// a parent when the next greater key in its group starts with it.
	groups := map[string][]string{}
	group := func(r *dataRow) string {
		if layout == LayoutLong {
			return r.rowDept.text
		}
		return ""
	}
	for _, r := range rows {
		if !r.label && r.key() != "" {
			groups[group(r)] = append(groups[group(r)], r.key())
		}
	}
	for _, ks := range groups {
		sort.Strings(ks)
	}
	for _, p := range rows {
		if p.label || p.key() == "" {
			continue
		}
		ks := groups[group(p)]
		k := p.key()
		// Keys starting with k sort right after k.
		i := sort.Search(len(ks), func(i int) bool { return ks[i] > k })
		p.parent = i < len(ks) && strings.HasPrefix(ks[i], k)
	}
}

func (r *dataRow) leaf() bool { return !r.label && !r.parent }

// checkAndEmit checks subtotals and emits the leaf lines.
func checkAndEmit(g *workbook.Grid, rows []*dataRow, layout, totalLabel string, unit money.Unit, sr *sheetResult) {
	mismatch := func(cell string, got, want money.Amount, what, dept string) {
		reportMismatch(g, sr, unit, cell, got, want, what, dept)
	}
	// Leaf rows by department (long sheets) and key, for parent checks.
	leafGroup := func(r *dataRow) string {
		if layout == LayoutLong {
			return r.rowDept.text
		}
		return ""
	}
	leavesByKey := map[string][]*dataRow{}
	for _, r := range rows {
		if r.leaf() && r.key() != "" {
			leavesByKey[leafGroup(r)] = append(leavesByKey[leafGroup(r)], r)
		}
	}
	for _, ls := range leavesByKey {
		sort.SliceStable(ls, func(i, j int) bool { return ls[i].key() < ls[j].key() })
	}
	lastSub := -1 // index of the previous 小计 row
	for i, p := range rows {
		// Row subtotal column in wide layouts.
		if p.hasSubtotal {
			var as []cellAmount
			for _, it := range p.items {
				as = append(as, it.amt)
			}
			s, n, any := sumAmounts(as)
			if (any || allBlank(as)) && diff(s, p.subtotal.v) > money.Amount(n) && !anyBad(as) {
				mismatch(p.subtotal.cell, p.subtotal.v, s, totalLabel, p.rowDept.text)
			}
		}
		switch {
		case p.label:
			from := 0
			if !p.grand {
				from = lastSub + 1
				lastSub = i
			}
			checkLabelRow(rows[from:i], p, layout, mismatch)
		case p.parent:
			checkParentRow(leavesByKey[leafGroup(p)], p, mismatch)
		default:
			emitLeaf(g, p, layout, sr)
		}
	}
}

// checkLabelRow compares each amount of a 合计/小计 row with the leaf rows
// above it (of its department in a long sheet).
func checkLabelRow(above []*dataRow, p *dataRow, layout string, mismatch func(cell string, got, want money.Amount, what, dept string)) {
	for k, it := range p.items {
		if it.amt.blank || it.amt.bad {
			continue
		}
		var as []cellAmount
		bad := false
		for _, q := range above {
			if !q.leaf() || k >= len(q.items) {
				continue
			}
			qi := q.items[k]
			if layout == LayoutLong && it.dept.text != "" && qi.dept.text != it.dept.text {
				continue
			}
			as = append(as, qi.amt)
			bad = bad || qi.amt.bad
		}
		s, n, any := sumAmounts(as)
		if !bad && (any || allBlank(as)) && diff(s, it.amt.v) > money.Amount(n) {
			mismatch(it.amt.cell, it.amt.v, s, p.labelText, it.dept.text)
		}
	}
}

// checkParentRow compares each amount of a parent row (301) with the leaf
// rows whose codes it prefixes (30101, 30102 …); leaves are sorted by key.
func checkParentRow(leaves []*dataRow, p *dataRow, mismatch func(cell string, got, want money.Amount, what, dept string)) {
	first := sort.Search(len(leaves), func(i int) bool { return leaves[i].key() >= p.key() })
	for k, it := range p.items {
		if it.amt.blank || it.amt.bad {
			continue
		}
		var as []cellAmount
		bad := false
		for _, q := range leaves[first:] {
			if !strings.HasPrefix(q.key(), p.key()) {
				break
			}
			if k >= len(q.items) {
				continue
			}
			as = append(as, q.items[k].amt)
			bad = bad || q.items[k].amt.bad
		}
		s, n, any := sumAmounts(as)
		if !bad && (any || allBlank(as)) && diff(s, it.amt.v) > money.Amount(n) {
			mismatch(it.amt.cell, it.amt.v, s, p.code, it.dept.text)
		}
	}
}

func allBlank(as []cellAmount) bool {
	for _, a := range as {
		if !a.blank && !a.bad {
			return false
		}
	}
	return true
}

func anyBad(as []cellAmount) bool {
	for _, a := range as {
		if a.bad {
			return true
		}
	}
	return false
}

func emitLeaf(g *workbook.Grid, p *dataRow, layout string, sr *sheetResult) {
	if !p.hasItems {
		return
	}
	if layout != LayoutWideSubjects && p.subjErr != nil {
		sr.problems = append(sr.problems, p.subjErr)
		return
	}
	subject := p.subject
	for _, it := range p.items {
		if it.amt.blank || it.amt.bad {
			continue
		}
		if it.dept.text == "" {
			sr.problems = append(sr.problems, cellProblem("import.no_department",
				"this line has no department: fill in the department (科室) of the line.",
				g.Name, it.dept.cell))
			continue
		}
		s := subject
		if layout == LayoutWideSubjects {
			s = it.subject
		}
		sr.lines = append(sr.lines, rawLine{dept: it.dept, subject: s, amount: it.amt.v, sheet: g.Name, cell: it.amt.cell})
	}
}
