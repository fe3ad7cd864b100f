package report

// formgrid draws a bureau form (workbook.Form) on the page: the grid of
// merged cells the owning service laid out, the same grid its workbook
// holds. A row never splits; a group of rows joined by a merged cell stays
// on one page when it fits on one, and a merged cell split by a page
// break is drawn on both pages with its text repeated.

import (
	"github.com/budgetperf/budgetperf/internal/workbook"
)

const (
	formSize = 8.0 // font size of the grid, points
	formLH   = 3.7 // line height, mm
)

// formGrid is a form measured for the page.
type formGrid struct {
	f      workbook.Form
	x      []float64 // left edge of each column, and the right edge last
	h      []float64 // height of each row
	starts [][]int   // per row, the cells (index into Rows[r].Cells) starting there
}

// drawForm draws form f from the top of a page: its title, the lines
// under it, the grid and the notes.
func (d *doc) drawForm(f workbook.Form) {
	d.font(14, ink)
	d.lines(d.wrap(f.Title, contentW), contentW, 8, "C", true)
	d.font(9, ink)
	line := ""
	for i, l := range f.Lines {
		if i > 0 {
			line += "      "
		}
		line += l
	}
	d.lines(d.wrap(line, contentW), contentW, 5, "L", false)
	d.space(1)
	g := measureForm(d, f)
	for a := 0; a < len(f.Rows); {
		b := g.pageEnd(a, bottom-d.pdf.GetY())
		if b == a { // nothing fits below: a fresh page
			d.pdf.AddPage()
			b = max(g.pageEnd(a, bottom-d.pdf.GetY()), a+1)
		}
		g.drawRows(d, a, b)
		a = b
	}
	d.space(2)
	for _, n := range f.Notes {
		d.text(n, 7.5, 3.6, muted)
	}
}

// measureForm sets the column edges across the content width and each
// row's height: the tallest single-row cell, with the rows under a merged
// cell grown (the last of them) until its text fits.
func measureForm(d *doc, f workbook.Form) *formGrid {
	g := &formGrid{f: f, x: make([]float64, f.Columns()+1), h: make([]float64, len(f.Rows)), starts: make([][]int, len(f.Rows))}
	var sum float64
	for _, w := range f.Widths {
		sum += w
	}
	g.x[0] = marginL
	for i, w := range f.Widths {
		g.x[i+1] = g.x[i] + contentW*w/sum
	}
	d.font(formSize, ink)
	for r, row := range f.Rows {
		g.h[r] = formLH + 2*cellPad
		for i, c := range row.Cells {
			g.starts[r] = append(g.starts[r], i)
			if _, down := c.Spans(); down == 1 {
				g.h[r] = max(g.h[r], g.need(d, c))
			}
		}
	}
	for r, row := range f.Rows {
		for _, c := range row.Cells {
			_, down := c.Spans()
			last := min(r+down, len(f.Rows)) - 1
			if down > 1 {
				if have := g.span(r, last+1); have < g.need(d, c) {
					g.h[last] += g.need(d, c) - have
				}
			}
		}
	}
	return g
}

// need is the height cell c's text takes.
func (g *formGrid) need(d *doc, c workbook.FormCell) float64 {
	return float64(max(len(g.lines(d, c)), 1))*formLH + 2*cellPad
}

// lines is cell c's text broken to its width.
func (g *formGrid) lines(d *doc, c workbook.FormCell) []string {
	cols, _ := c.Spans()
	right := min(c.Col+cols, len(g.x)-1)
	return d.wrap(c.Text, g.x[right]-g.x[c.Col])
}

// span is the height of rows a..b-1.
func (g *formGrid) span(a, b int) float64 {
	var s float64
	for r := a; r < b; r++ {
		s += g.h[r]
	}
	return s
}

// pageEnd is the row after the last one of a.. that fits in room: whole
// groups of merged rows while one fits, row by row inside a group taller
// than a page.
func (g *formGrid) pageEnd(a int, room float64) int {
	b := a
	for b < len(g.h) {
		e := g.groupEnd(b)
		if g.span(a, e) <= room {
			b = e
			continue
		}
		if b == a && g.span(b, e) > bottom-marginT {
			for b < e && g.span(a, b+1) <= room {
				b++
			}
		}
		break
	}
	return b
}

// groupEnd is the row after the group starting at r: rows joined by a
// cell merged down.
func (g *formGrid) groupEnd(r int) int {
	end := r + 1
	for k := r; k < end && k < len(g.f.Rows); k++ {
		for _, c := range g.f.Rows[k].Cells {
			_, down := c.Spans()
			end = max(end, min(k+down, len(g.f.Rows)))
		}
	}
	return end
}

// drawRows draws rows a..b-1 from the current y: every cell that meets
// them, clipped to them.
func (g *formGrid) drawRows(d *doc, a, b int) {
	p := d.pdf
	top := p.GetY()
	ys := make([]float64, b-a+1)
	ys[0] = top
	for r := a; r < b; r++ {
		ys[r-a+1] = ys[r-a] + g.h[r]
	}
	p.SetLineWidth(0.2)
	for r := 0; r < b; r++ {
		for _, c := range g.f.Rows[r].Cells {
			cols, down := c.Spans()
			if r+down <= a {
				continue
			}
			from, to := max(r, a), min(r+down, b)
			if from >= to {
				continue
			}
			right := min(c.Col+cols, len(g.x)-1)
			g.drawCell(d, c, g.f.Rows[r].Head, g.x[c.Col], ys[from-a], g.x[right]-g.x[c.Col], ys[to-a]-ys[from-a])
		}
	}
	p.SetXY(marginL, ys[b-a])
}

// drawCell draws one cell's box and its text, centred vertically.
func (g *formGrid) drawCell(d *doc, c workbook.FormCell, head bool, x, y, w, h float64) {
	p := d.pdf
	bold := head || c.Bold
	p.SetDrawColor(ink[0], ink[1], ink[2])
	switch {
	case head:
		p.SetFillColor(headFill[0], headFill[1], headFill[2])
		p.Rect(x, y, w, h, "FD")
	case c.Bold:
		p.SetFillColor(sumFill[0], sumFill[1], sumFill[2])
		p.Rect(x, y, w, h, "FD")
	default:
		p.Rect(x, y, w, h, "D")
	}
	d.font(formSize, ink)
	ls := g.lines(d, c)
	align := c.AlignOf()
	if head {
		align = "C"
	}
	ty := y + (h-float64(len(ls))*formLH)/2
	for k, l := range ls {
		p.SetXY(x, ty+float64(k)*formLH)
		d.cell(w, formLH, l, align, bold, 0)
	}
}
