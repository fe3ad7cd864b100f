package report

import (
	"slices"
	"strings"

	"github.com/budgetperf/budgetperf/internal/i18n"
)

// column is one column of a table: its header, its share of the content
// width and its alignment ("L", "R" for amounts and rates, "C").
type column struct {
	head  string
	width float64
	align string
}

// row is one line of a table. Total rows are bold and shaded; Group rows
// (a department heading inside a long table) are bold.
type row struct {
	cells []string
	total bool
	group bool
	// inks colours the text of some cells (by column index), e.g. a
	// status cell in its level's colour; the rest are printed in ink.
	inks map[int][3]int
}

// table lays out rows under cols across the content width. Cells wrap;
// a row that does not fit on the page moves to the next, where the
// header is repeated under the caption marked "continued", so a printed
// page always says what its columns are.
type table struct {
	d       *doc
	caption string
	cols    []column
	inks    map[int][3]int // of the row being drawn (row.inks)
	widths  []float64
	size    float64 // font size in points
	lh      float64 // line height in mm
	// unit prints "单位：万元" right of the caption, as budget forms do,
	// so the amount columns' headers stay short.
	unit bool
	// room is the height a page has for rows under the caption and the
	// header (set by rows).
	room float64
	// words are, by column, texts whose words must fit on a line (fit).
	words [][]string
}

// inUnit marks a table whose amounts are in the report's unit.
func (t *table) inUnit() *table {
	t.unit = true
	return t
}

func (d *doc) newTable(caption string, cols []column) *table {
	t := &table{d: d, caption: caption, cols: cols, size: 8.5, words: make([][]string, len(cols))}
	t.lh = t.size * 0.48
	t.layout()
	return t
}

// fit makes column i wide enough for each of words (the status words it
// may hold) on one line, so that a status reads at a glance and a short
// word is never broken inside a cell.
func (t *table) fit(i int, words ...string) *table {
	t.words[i] = append(t.words[i], words...)
	t.layout()
	return t
}

// layout sets the column widths: each column at least as wide as its
// header's longest word in the table's font (a Chinese header, having no
// spaces, on one line) and as its fitted words, the others sharing the
// rest of the content width in proportion to their shares.
func (t *table) layout() {
	n := len(t.cols)
	need := make([]float64, n)
	t.d.font(t.size, ink)
	for i, c := range t.cols {
		need[i] = t.d.wordWidth(c.head)
		for _, w := range t.words[i] {
			need[i] = max(need[i], t.d.pdf.GetStringWidth(w)+2*t.d.pdf.GetCellMargin()+0.4)
		}
	}
	fixed := make([]bool, n)
	t.widths = make([]float64, n)
	for {
		rest, shares := contentW, 0.0
		for i, c := range t.cols {
			if fixed[i] {
				rest -= need[i]
			} else {
				shares += c.width
			}
		}
		grew := false
		for i, c := range t.cols {
			if fixed[i] {
				t.widths[i] = need[i]
				continue
			}
			t.widths[i] = rest * c.width / shares
			if t.widths[i] < need[i] {
				fixed[i], grew = true, true
			}
		}
		if !grew || rest <= 0 || shares == 0 {
			break
		}
	}
	// Words too wide for any layout: back to the shares.
	if slices.ContainsFunc(t.widths, func(w float64) bool { return w <= 0 }) {
		var sum float64
		for _, c := range t.cols {
			sum += c.width
		}
		for i, c := range t.cols {
			t.widths[i] = contentW * c.width / sum
		}
	}
}

// wordWidth is the width a cell needs for the longest word of text on a
// line of its own, in the current font: the whole text when it has no
// spaces, as Chinese has none. Bold text is stroked, a little wider.
func (d *doc) wordWidth(text string) float64 {
	var w float64
	for _, f := range strings.Fields(text) {
		w = max(w, d.pdf.GetStringWidth(f))
	}
	if w == 0 {
		return 0
	}
	return w + 2*d.pdf.GetCellMargin() + 0.4
}

const cellPad = 1.0 // vertical padding inside a cell, mm

// lines wraps each cell of cells to its column.
func (t *table) lines(cells []string) ([][]string, float64) {
	out := make([][]string, len(t.cols))
	n := 1
	for i := range t.cols {
		if i < len(cells) {
			out[i] = t.d.wrap(cells[i], t.widths[i])
		}
		n = max(n, len(out[i]))
	}
	return out, t.height(n)
}

// height is the height of a row of n lines.
func (t *table) height(n int) float64 { return float64(n)*t.lh + 2*cellPad }

// captionLines is the caption wrapped beside the unit line, in its font.
func (t *table) captionLines(continued bool) []string {
	if t.caption == "" && !t.unit {
		return nil
	}
	cap := t.caption
	if continued && cap != "" {
		cap = i18n.T("report.continued", "Caption", t.caption)
	}
	t.d.font(9.5, ink)
	if cap == "" {
		// The unit line alone still takes its line.
		return []string{""}
	}
	return t.d.wrap(cap, contentW*0.8)
}

// header draws the caption and the column headings.
func (t *table) header(continued bool) {
	d, p := t.d, t.d.pdf
	if caps := t.captionLines(continued); len(caps) > 0 {
		y := p.GetY()
		if t.unit {
			d.font(8.5, muted)
			p.SetXY(marginL, y)
			d.cell(contentW, 6, i18n.T("report.unit_line", "Unit", d.unitLabel()), "R", false, 0)
		}
		d.font(9.5, ink)
		p.SetXY(marginL, y)
		d.lines(caps, contentW*0.8, 6, "L", true)
	}
	d.font(t.size, ink)
	ls, h := t.lines(headsOf(t.cols))
	t.draw(ls, h, headRow)
}

// rowStyle is how a row is painted.
type rowStyle int

const (
	plainRow rowStyle = iota
	groupRow          // bold
	totalRow          // bold on a light shade
	headRow           // bold on a darker shade, text centred except amounts
)

// draw paints one row of wrapped cells at the current y.
func (t *table) draw(ls [][]string, h float64, style rowStyle) {
	d, p := t.d, t.d.pdf
	y := p.GetY()
	x := marginL
	p.SetDrawColor(rule[0], rule[1], rule[2])
	p.SetLineWidth(0.2)
	box := "D"
	switch style {
	case totalRow:
		p.SetFillColor(sumFill[0], sumFill[1], sumFill[2])
		box = "FD"
	case headRow:
		p.SetFillColor(headFill[0], headFill[1], headFill[2])
		box = "FD"
	}
	for i, w := range t.widths {
		p.Rect(x, y, w, h, box)
		align := t.cols[i].align
		if style == headRow && align != "R" {
			align = "C"
		}
		r, g, b := p.GetTextColor()
		if c, ok := t.inks[i]; ok && style != headRow {
			p.SetTextColor(c[0], c[1], c[2])
		}
		for k, l := range ls[i] {
			p.SetXY(x, y+cellPad+float64(k)*t.lh)
			d.cell(w, t.lh, l, align, style != plainRow, 0)
		}
		p.SetTextColor(r, g, b)
		x += w
	}
	p.SetXY(marginL, y+h)
}

// rows writes the table: header, then each row, breaking pages as needed.
func (t *table) rows(rs []row) {
	d := t.d
	capH := 6 * float64(len(t.captionLines(true)))
	d.font(t.size, ink)
	_, hh := t.lines(headsOf(t.cols))
	t.room = bottom - marginT - capH - hh
	// Never leave the header alone at the foot of a page: the first row
	// (and the row under it, when the first is a group row) comes along,
	// or three lines of a row too tall for any page.
	first := 0.0
	for i := 0; i < len(rs) && i < 2; i++ {
		_, h := t.lines(rs[i].cells)
		first += h
		if !rs[i].group {
			break
		}
	}
	if first > t.room {
		first = t.height(3)
	}
	d.ensure(6*float64(len(t.captionLines(false))) + hh + first)
	t.header(false)
	for i, r := range rs {
		d.font(t.size, ink)
		ls, h := t.lines(r.cells)
		style, keep := plainRow, 0.0
		switch {
		case r.total:
			style = totalRow
		case r.group:
			// A group row heads the rows under it: it goes with the first.
			style = groupRow
			if i+1 < len(rs) {
				_, keep = t.lines(rs[i+1].cells)
			}
		}
		if i == len(rs)-2 && i > 0 {
			// The last row never starts a page alone: the one before
			// goes with it.
			_, keep = t.lines(rs[i+1].cells)
		}
		t.inks = r.inks
		t.put(ls, h, keep, style)
		t.inks = nil
	}
	d.space(3)
}

// put draws a row, on the next page under the header again when it does
// not fit (with keep millimetres of what follows) on this one. A row
// taller than a page is split across pages: its text is never cut.
func (t *table) put(ls [][]string, h, keep float64, style rowStyle) {
	d, p := t.d, t.d.pdf
	for {
		left := bottom - p.GetY()
		if h+keep <= left || (h <= left && h+keep > t.room) {
			t.draw(ls, h, style)
			return
		}
		fresh := left >= t.room-0.01
		if h > t.room && (left >= t.height(3) || fresh) {
			n := max(int((left-2*cellPad)/t.lh), 1)
			var head [][]string
			head, ls = splitRow(ls, n)
			t.draw(head, t.height(n), style)
			h = t.height(maxLines(ls))
		}
		p.AddPage()
		t.header(true)
		d.font(t.size, ink)
		if h > t.room {
			keep = 0
		}
	}
}

// splitRow splits the cells of a row after n lines.
func splitRow(ls [][]string, n int) (head, tail [][]string) {
	head = make([][]string, len(ls))
	tail = make([][]string, len(ls))
	for i, cell := range ls {
		k := min(n, len(cell))
		head[i], tail[i] = cell[:k], cell[k:]
	}
	return head, tail
}

func maxLines(ls [][]string) int {
	n := 1
	for _, cell := range ls {
		n = max(n, len(cell))
	}
	return n
}

func headsOf(cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.head
	}
	return out
}
