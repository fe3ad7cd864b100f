package xlsximport

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// Placing the columns of a sheet with subjects across the columns
// (departments down the rows): which subject each column holds, which
// columns are stated totals and which items each total covers. A label
// used by several subjects (诊察收入 under 门诊收入 and under 住院收入) is
// placed by its group header; without one, by the subtotal column that
// governs its block (门诊收入合计 … 住院收入合计) and the labels beside it
// that only one group has (挂号收入, 床位收入). What cannot be decided is
// refused naming the columns: a column is never dropped to get by.

// wideColumns is the column plan of a wide-subjects sheet.
type wideColumns struct {
	cols      []int    // item columns imported, in header order
	subjects  []string // the subject of each item column
	totals    []totalColumn
	unknown   []int // columns whose header matches no subject (their numbers are reported)
	undecided []int // columns whose group cannot be decided: the sheet is refused
}

// totalColumn is a stated total (…合计, 小计, 总计) and what it covers.
type totalColumn struct {
	col     int
	subject string // the catalogue subject it totals; "" for a plain 合计
	items   []int  // positions in wideColumns.cols it covers
	unknown []int  // unknown columns inside its block, covered too
}

// wideBlock is a run of item columns between totals, group changes or a
// repeated label.
type wideBlock struct {
	cols  []int // header column indexes
	group string
	left  int // the total column just before the block, -1 none
	right int // the total column just after the block, -1 none
}

// placeWide plans the columns of header h; the problem lists the columns
// whose subject cannot be decided.
func placeWide(g *workbook.Grid, h header, subj *subjectIndex) (wideColumns, *domain.Problem) {
	var wc wideColumns
	totalSubj := map[int]string{}
	for _, c := range h.cols {
		if c.role == roleSubtotal {
			totalSubj[c.index] = subj.totalSubject(c)
		}
	}
	blocks := wideBlocks(h, isWideItem)
	orient := totalOrientation(h, blocks, subj, totalSubj)
	var undecided []column
	for _, b := range blocks {
		gov := totalSubj[governing(b, orient)]
		for _, ci := range b.cols {
			c := h.cols[ci]
			s, state := subj.place(c, columnEvidence(h, ci, b, gov, subj))
			switch state {
			case placed:
				wc.cols = append(wc.cols, ci)
				wc.subjects = append(wc.subjects, s)
			case ambiguous:
				undecided = append(undecided, c)
				wc.undecided = append(wc.undecided, ci)
			default:
				wc.unknown = append(wc.unknown, ci)
			}
		}
	}
	wc.parentsAsTotals(subj, totalSubj)
	wc.totals = coverTotals(h, blocks, wc, subj, totalSubj, orient)
	if len(undecided) == 0 {
		return wc, nil
	}
	var names []string
	for _, c := range undecided {
		names = append(names, workbook.CellName(h.row+h.rows-1, c.index)+" "+c.label)
	}
	return wc, domain.NewProblem("import.ambiguous_columns",
		"Sheet {{.Sheet}}: the columns {{.Columns}} name items that exist under more than one group (门诊收入 / 住院收入), and neither a group header above them nor a subtotal column (门诊收入合计 / 住院收入合计) tells which: add the group header above each block of columns and import again.",
		"Sheet", g.Name, "Columns", strings.Join(names, ", "))
}

// isWideItem reports a header that may name a subject.
func isWideItem(c column) bool {
	return c.label != "" && (c.role == roleNone || c.role == roleFunding)
}

// parentsAsTotals turns an item column whose subject lies above another
// item column's (门诊收入 beside 挂号收入 and 诊察收入, 医疗收入 beside both)
// into a stated total of those items: importing it too would count its
// items twice. This is how a total column whose 合计 label was lost, or a
// group header that slid over a total column, is still read right.
func (wc *wideColumns) parentsAsTotals(subj *subjectIndex, totalSubj map[int]string) {
	var cols []int
	var subjects []string
	for i, s := range wc.subjects {
		parent := false
		for _, o := range wc.subjects {
			if subj.strictlyUnder(o, s) {
				parent = true
				break
			}
		}
		if parent {
			totalSubj[wc.cols[i]] = s
			continue
		}
		cols, subjects = append(cols, wc.cols[i]), append(subjects, s)
	}
	wc.cols, wc.subjects = cols, subjects
}

// wideBlocks splits the item columns into blocks.
func wideBlocks(h header, isItem func(column) bool) []wideBlock {
	var out []wideBlock
	cur := wideBlock{left: -1, right: -1}
	seen := map[string]bool{}
	lastTotal := -1
	flush := func(right int) {
		if len(cur.cols) > 0 {
			cur.right = right
			out = append(out, cur)
		}
		cur = wideBlock{left: lastTotal, right: -1}
		seen = map[string]bool{}
	}
	for _, c := range h.cols {
		switch {
		case c.role == roleSubtotal:
			flush(c.index)
			lastTotal = c.index
			cur.left = c.index
		case isItem(c):
			if len(cur.cols) > 0 && (seen[normName(c.label)] || c.group != cur.group) {
				flush(-1)
			}
			if len(cur.cols) == 0 {
				cur.group = c.group
			}
			cur.cols = append(cur.cols, c.index)
			seen[normName(c.label)] = true
		}
	}
	flush(-1)
	return out
}

// Orientation of the subtotal columns: a block's total stands before it
// (门诊收入合计, 挂号收入, …) or after it.
const (
	orientUnknown = iota
	orientBefore
	orientAfter
)

// totalOrientation decides whether the sheet's subtotal columns open
// their blocks (门诊收入合计, 挂号收入, …) or close them: the reading under
// which more blocks fit their total wins.
func totalOrientation(h header, blocks []wideBlock, subj *subjectIndex, totalSubj map[int]string) int {
	before, after := 0, 0
	for _, b := range blocks {
		if subj.blockFits(h, b, totalSubj[b.left], blocks) {
			before++
		}
		if subj.blockFits(h, b, totalSubj[b.right], blocks) {
			after++
		}
	}
	switch {
	case before > after:
		return orientBefore
	case after > before:
		return orientAfter
	}
	return orientUnknown
}

// blockFits reports whether every item of block b that names a subject
// can lie under total subject t, and t is not a grand total.
func (x *subjectIndex) blockFits(h header, b wideBlock, t string, blocks []wideBlock) bool {
	if t == "" || x.coversAll(t, blocks, h) {
		return false
	}
	named := 0
	for _, ci := range b.cols {
		cands := x.candidates(h.cols[ci].label)
		if len(cands) == 0 {
			continue
		}
		named++
		if !x.anyUnder(cands, t) {
			return false
		}
	}
	return named > 0
}

func (x *subjectIndex) anyUnder(cands []string, t string) bool {
	for _, c := range cands {
		if x.strictlyUnder(c, t) {
			return true
		}
	}
	return false
}

// candidates lists the subjects a header label may name.
func (x *subjectIndex) candidates(label string) []string {
	code, name, br := splitBracket(label)
	if br {
		if s, ok := x.byCode[code]; ok {
			return []string{s}
		}
		return nil
	}
	if s, ok := x.byCode[name]; ok {
		return []string{s}
	}
	if c := x.byName[workbook.Clean(name)]; len(c) > 0 {
		return c
	}
	return x.byName[normName(name)]
}

// governing is the total column of block b under the orientation.
func governing(b wideBlock, orient int) int {
	switch orient {
	case orientBefore:
		return b.left
	case orientAfter:
		return b.right
	}
	return -1
}

// columnEvidence lists, strongest first, the subjects that say which
// group item column ci belongs to: its group header, the total governing
// its block, and the group of the nearest label only one group has — to
// its left, then to its right — without crossing a total, a change of
// group header or another column of the same label.
func columnEvidence(h header, ci int, b wideBlock, gov string, subj *subjectIndex) []string {
	var ev []string
	if b.group != "" {
		if s, ok := subj.match(b.group, ""); ok {
			ev = append(ev, s)
		}
	}
	if gov != "" {
		ev = append(ev, gov)
	}
	for _, step := range []int{-1, 1} {
		if p := nearestUnique(h, ci, step, subj); p != "" {
			ev = append(ev, p)
		}
	}
	return ev
}

// nearestUnique walks from column ci in direction step to the first label
// only one subject has, returning that subject's parent.
func nearestUnique(h header, ci, step int, subj *subjectIndex) string {
	self := normName(h.cols[ci].label)
	for k := ci + step; k >= 0 && k < len(h.cols); k += step {
		c := h.cols[k]
		if !isWideItem(c) || c.group != h.cols[ci].group || normName(c.label) == self {
			return ""
		}
		if cands := subj.candidates(c.label); len(cands) == 1 {
			return subj.parent[cands[0]]
		}
	}
	return ""
}

type placeState int

const (
	unplaced placeState = iota
	placed
	ambiguous
)

// place finds the subject of item column c: by its group header, else by
// the first piece of evidence under which exactly one candidate lies.
func (x *subjectIndex) place(c column, evidence []string) (string, placeState) {
	if s, ok := x.match(c.label, c.group); ok {
		return s, placed
	}
	cands := x.candidates(c.label)
	if len(cands) < 2 {
		return "", unplaced
	}
	for _, e := range evidence {
		var under []string
		for _, cand := range cands {
			if x.strictlyUnder(cand, e) {
				under = append(under, cand)
			}
		}
		if len(under) == 1 {
			return under[0], placed
		}
	}
	return "", ambiguous
}

// strictlyUnder reports whether subject s lies below anc in the catalogue.
func (x *subjectIndex) strictlyUnder(s, anc string) bool {
	for a, n := x.parent[s], 0; a != "" && n < 20; a, n = x.parent[a], n+1 {
		if a == anc {
			return true
		}
	}
	return false
}

// coversAll reports whether total subject t lies above every subject any
// item of the sheet may name: a grand total, which says nothing of groups.
func (x *subjectIndex) coversAll(t string, blocks []wideBlock, h header) bool {
	for _, b := range blocks {
		for _, ci := range b.cols {
			for _, s := range x.candidates(h.cols[ci].label) {
				if !x.strictlyUnder(s, t) {
					return false
				}
			}
		}
	}
	return true
}

// totalSubject is the subject a total column states: its label without
// 合计/小计 (门诊收入合计 → 门急诊收入), else its group header (a merged group
// header may run over the next block's total); "" for a plain 合计.
func (x *subjectIndex) totalSubject(c column) string {
	for _, t := range []string{stripTotalWord(c.label), c.group} {
		if t == "" {
			continue
		}
		if s, ok := x.match(t, ""); ok {
			return s
		}
	}
	return ""
}

func stripTotalWord(s string) string {
	t := strings.TrimRight(headerCore(s), ":")
	for _, w := range []string{"合计", "小计", "总计"} {
		t = strings.TrimSuffix(strings.TrimPrefix(t, w), w)
	}
	return t
}

// coverTotals lists for every total column the items it covers: those
// below its subject, or every item for a plain 合计; unknown columns are
// covered by the total governing their block.
func coverTotals(h header, blocks []wideBlock, wc wideColumns, subj *subjectIndex, totalSubj map[int]string, orient int) []totalColumn {
	blockOf := map[int]int{} // column → governing total
	for _, b := range blocks {
		gov := governing(b, orient)
		for _, ci := range b.cols {
			blockOf[ci] = gov
		}
	}
	var out []totalColumn
	for _, c := range h.cols {
		if _, ok := totalSubj[c.index]; !ok {
			continue
		}
		t := totalColumn{col: c.index, subject: totalSubj[c.index]}
		for i, s := range wc.subjects {
			if t.subject == "" || subj.strictlyUnder(s, t.subject) {
				t.items = append(t.items, i)
			}
		}
		if t.subject != "" && len(t.items) == 0 {
			t.subject = "" // names nothing of this sheet: a plain total
			for i := range wc.subjects {
				t.items = append(t.items, i)
			}
		}
		grand := len(t.items) == len(wc.subjects)
		for _, u := range wc.unknown {
			if g, ok := blockOf[u]; grand || ok && g == c.index {
				t.unknown = append(t.unknown, u)
			}
		}
		out = append(out, t)
	}
	return out
}
