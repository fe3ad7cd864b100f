package report

import (
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
}

// table lays out rows under cols across the content width. Cells wrap;
// a row that does not fit on the page moves to the next, where the
// header is repeated under the caption marked "continued", so a printed
// page always says what its columns are.
type table struct {
	d       *doc
	caption string
	cols    []column
	widths  []float64
	size    float64 // font size in points
	lh      float64 // line height in mm
	// unit prints "单位：万元" right of the caption, as budget forms do,
	// so the amount columns' headers stay short.
	unit bool
}

// inUnit marks a table whose amounts are in the report's unit.
func (t *table) inUnit() *table {
	t.unit = true
	return t
}

func (d *doc) newTable(caption string, cols []column) *table {
	t := &table{d: d, caption: caption, cols: cols, size: 8.5}
	t.lh = t.size * 0.48
	var sum float64
	for _, c := range cols {
		sum += c.width
	}
	for _, c := range cols {
		t.widths = append(t.widths, contentW*c.width/sum)
	}
	return t
}

const cellPad = 1.0 // vertical padding inside a cell, mm

// lines wraps each cell of cells to its column.
func (t *table) lines(cells []string) ([][]string, float64) {
	p := t.d.pdf
	out := make([][]string, len(t.cols))
	n := 1
	for i := range t.cols {
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		var ls []string
		for _, para := range strings.Split(text, "\n") {
			if para == "" {
				ls = append(ls, "")
				continue
			}
			ls = append(ls, p.SplitText(para, t.widths[i])...)
		}
		out[i] = ls
		n = max(n, len(ls))
	}
	return out, float64(n)*t.lh + 2*cellPad
}

// header draws the caption and the column headings.
func (t *table) header(continued bool) {
	d, p := t.d, t.d.pdf
	if t.caption != "" || t.unit {
		cap := t.caption
		if continued && cap != "" {
			cap = i18n.T("report.continued", "Caption", t.caption)
		}
		y := p.GetY()
		if t.unit {
			d.font(8.5, muted)
			p.SetXY(marginL, y)
			d.cell(contentW, 6, i18n.T("report.unit_line", "Unit", d.unitLabel()), "R", false, 0)
		}
		d.font(9.5, ink)
		p.SetXY(marginL, y)
		d.cell(contentW*0.8, 6, cap, "L", true, 1)
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
		for k, l := range ls[i] {
			p.SetXY(x, y+cellPad+float64(k)*t.lh)
			d.cell(w, t.lh, l, align, style != plainRow, 0)
		}
		x += w
	}
	p.SetXY(marginL, y+h)
}

// rows writes the table: header, then each row, breaking pages as needed.
func (t *table) rows(rs []row) {
	d, p := t.d, t.d.pdf
	d.font(t.size, ink)
	_, hh := t.lines(headsOf(t.cols))
	first := 0.0
	if len(rs) > 0 {
		_, first = t.lines(rs[0].cells)
	}
	// Never leave the header alone at the foot of a page.
	capH := 0.0
	if t.caption != "" || t.unit {
		capH = 6
	}
	d.ensure(capH + hh + first)
	t.header(false)
	for _, r := range rs {
		d.font(t.size, ink)
		ls, h := t.lines(r.cells)
		ls, h = t.fit(ls, h, bottom-marginT-capH-hh-2)
		if p.GetY()+h > bottom {
			p.AddPage()
			t.header(true)
			d.font(t.size, ink)
		}
		style := plainRow
		switch {
		case r.total:
			style = totalRow
		case r.group:
			style = groupRow
		}
		t.draw(ls, h, style)
	}
	d.space(3)
}

func headsOf(cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.head
	}
	return out
}

// fit cuts a row taller than a page (a reason pasted in at great length)
// to maxH, ending its cut cells with "…": a row must fit on one page.
func (t *table) fit(ls [][]string, h, maxH float64) ([][]string, float64) {
	if h <= maxH {
		return ls, h
	}
	n := max(int((maxH-2*cellPad)/t.lh), 1)
	for i, cell := range ls {
		if len(cell) > n {
			ls[i] = append(cell[:n-1:n-1], strings.TrimRight(cell[n-1], " ")+"…")
		}
	}
	return ls, float64(n)*t.lh + 2*cellPad
}
