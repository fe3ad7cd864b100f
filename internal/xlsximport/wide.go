package xlsximport

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
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
	cols     []int    // item columns imported, in header order
	subjects []string // the subject of each item column
	totals   []totalColumn
	unknown  []int // columns whose header matches no subject (their numbers are reported)
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
func placeWide(g *grid, h header, subj *subjectIndex) (wideColumns, *domain.Problem) {
	var wc wideColumns
	isItem := func(c column) bool {
		return c.label != "" && (c.role == roleNone || c.role == roleFunding)
	}
	totalSubj := map[int]string{}
	for _, c := range h.cols {
		if c.role == roleSubtotal {
			totalSubj[c.index] = subj.totalSubject(c)
		}
	}
	blocks := wideBlocks(h, isItem)
	orient := totalOrientation(h, blocks, subj, totalSubj)
	var undecided []column
	for _, b := range blocks {
		gov := governing(b, orient)
		evidence := blockEvidence(h, b, subj, totalSubj[gov])
		for _, ci := range b.cols {
			c := h.cols[ci]
			s, state := subj.place(c, evidence)
			switch state {
			case placed:
				wc.cols = append(wc.cols, ci)
				wc.subjects = append(wc.subjects, s)
			case ambiguous:
				undecided = append(undecided, c)
			default:
				wc.unknown = append(wc.unknown, ci)
			}
		}
	}
	wc.totals = coverTotals(h, blocks, wc, subj, totalSubj, orient)
	if len(undecided) == 0 {
		return wc, nil
	}
	var names []string
	for _, c := range undecided {
		names = append(names, cellName(h.row+h.rows-1, c.index)+" "+c.label)
	}
	return wc, domain.NewProblem("import.ambiguous_columns",
		"Sheet {{.Sheet}}: the columns {{.Columns}} name items that exist under more than one group (门诊收入 / 住院收入), and neither a group header above them nor a subtotal column (门诊收入合计 / 住院收入合计) tells which: add the group header above each block of columns and import again.",
		"Sheet", g.name, "Columns", strings.Join(names, ", "))
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

// totalOrientation reads from the labels only one group has whether the
// sheet's subtotals open or close their blocks.
func totalOrientation(h header, blocks []wideBlock, subj *subjectIndex, totalSubj map[int]string) int {
	before, after := 0, 0
	for _, b := range blocks {
		for _, ci := range b.cols {
			s, ok := subj.match(h.cols[ci].label, "")
			if !ok {
				continue
			}
			if t := totalSubj[b.left]; b.left >= 0 && t != "" && subj.strictlyUnder(s, t) && !subj.coversAll(t, blocks, h) {
				before++
			}
			if t := totalSubj[b.right]; b.right >= 0 && t != "" && subj.strictlyUnder(s, t) && !subj.coversAll(t, blocks, h) {
				after++
			}
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

// blockEvidence lists the subjects that say which group a block belongs
// to: its group header, its governing total and the parents of the labels
// in it that only one subject has.
func blockEvidence(h header, b wideBlock, subj *subjectIndex, gov string) []string {
	var ev []string
	if b.group != "" {
		if s, ok := subj.match(b.group, ""); ok {
			return []string{s}
		}
	}
	if gov != "" {
		ev = append(ev, gov)
	}
	for _, ci := range b.cols {
		if s, ok := subj.match(h.cols[ci].label, ""); ok && subj.parent[s] != "" {
			ev = append(ev, subj.parent[s])
		}
	}
	return ev
}

type placeState int

const (
	unplaced placeState = iota
	placed
	ambiguous
)

// place finds the subject of item column c: by its group header, else by
// the evidence of its block (a majority that only one candidate has).
func (x *subjectIndex) place(c column, evidence []string) (string, placeState) {
	if s, ok := x.match(c.label, c.group); ok {
		return s, placed
	}
	code, name, br := splitBracket(c.label)
	if br {
		if _, ok := x.byCode[code]; !ok {
			return "", unplaced
		}
	}
	cands := x.byName[clean(name)]
	if len(cands) == 0 {
		cands = x.byName[normName(name)]
	}
	if len(cands) < 2 {
		return "", unplaced
	}
	best, bestVotes, tie := "", 0, false
	for _, cand := range cands {
		votes := 0
		for _, e := range evidence {
			if x.strictlyUnder(cand, e) && !x.underOther(cand, cands, e) {
				votes++
			}
		}
		switch {
		case votes > bestVotes:
			best, bestVotes, tie = cand, votes, false
		case votes == bestVotes && votes > 0:
			tie = true
		}
	}
	if best == "" || tie {
		return "", ambiguous
	}
	return best, placed
}

// underOther reports whether another candidate than cand also lies under e.
func (x *subjectIndex) underOther(cand string, cands []string, e string) bool {
	for _, o := range cands {
		if o != cand && x.strictlyUnder(o, e) {
			return true
		}
	}
	return false
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

// coversAll reports whether total subject t lies above every item of the
// sheet that has a subject: a grand total, which says nothing of groups.
func (x *subjectIndex) coversAll(t string, blocks []wideBlock, h header) bool {
	for _, b := range blocks {
		for _, ci := range b.cols {
			if s, ok := x.match(h.cols[ci].label, ""); ok && !x.strictlyUnder(s, t) {
				return false
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
		if c.role != roleSubtotal {
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
