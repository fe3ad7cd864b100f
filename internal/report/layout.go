package report

import (
	"gonum.org/v1/plot/vg"

	"github.com/budgetperf/budgetperf/internal/chart"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// cover is the first page's title block.
func (d *doc) cover(subtitle string) {
	d.space(4)
	d.font(18, ink)
	d.lines(d.wrap(d.meta.Title, contentW), contentW, 10, "C", true)
	d.font(11, muted)
	d.lines(d.wrap(d.meta.Hospital+"  ·  "+d.meta.Period, contentW), contentW, 6, "C", false)
	if subtitle != "" {
		d.lines(d.wrap(subtitle, contentW), contentW, 6, "C", false)
	}
	d.space(4)
}

// lines writes ls at the left margin, one under the other, lh apart.
func (d *doc) lines(ls []string, w, lh float64, align string, bold bool) {
	for _, l := range ls {
		d.pdf.SetX(marginL)
		d.cell(w, lh, l, align, bold, 1)
	}
}

// h1 is a section heading, kept with what follows it and with at least
// keep millimetres of it. It is drawn by the next ensure, so that it
// starts the page of its content when that moves on.
func (d *doc) h1(text string, keep float64) {
	d.font(13, ink)
	ls := d.wrap(text, contentW)
	d.pending = append(d.pending, heading{h: 5 + 8*float64(len(ls)), keep: keep, draw: func() {
		d.space(3)
		d.font(13, ink)
		d.lines(ls, contentW, 8, "L", true)
		y := d.pdf.GetY()
		d.line(marginL, y, marginL+contentW, y, ink, 0.4)
		d.space(2)
	}})
}

// h2 is a sub-heading, kept with what follows as h1 is.
func (d *doc) h2(text string, keep float64) {
	d.font(11, ink)
	ls := d.wrap(text, contentW)
	d.pending = append(d.pending, heading{h: 2 + 7*float64(len(ls)), keep: keep, draw: func() {
		d.space(2)
		d.font(11, ink)
		d.lines(ls, contentW, 7, "L", true)
	}})
}

// para writes wrapped text.
func (d *doc) para(text string, size float64) {
	d.text(text, size, size*0.52, ink)
	d.space(1)
}

// text writes text wrapped to the content width, lh apart. A paragraph
// of up to three lines stays on one page; a longer one leaves at least
// two lines at the foot of a page and takes at least two to the next.
func (d *doc) text(text string, size, lh float64, col [3]int) {
	d.font(size, col)
	ls := d.wrap(text, contentW)
	if len(ls) <= 3 {
		d.ensure(float64(len(ls)) * lh)
	} else {
		d.ensure(2 * lh)
	}
	for k, l := range ls {
		need := lh
		if k >= 2 && k == len(ls)-2 {
			need = 2 * lh
		}
		if k > 0 && d.pdf.GetY()+need > bottom {
			d.pdf.AddPage()
			d.font(size, col)
		}
		d.pdf.SetX(marginL)
		d.cell(contentW, lh, l, "L", false, 1)
	}
}

// callout is a paragraph in a framed, shaded box: what a reader must not
// miss (the public-welfare weight, the compliance statement).
func (d *doc) callout(text string, size float64) {
	p := d.pdf
	d.font(size, ink)
	lh := size * 0.55
	lines := d.wrap(text, contentW-6)
	h := float64(len(lines))*lh + 5
	d.ensure(h + 2)
	y := p.GetY()
	p.SetFillColor(sumFill[0], sumFill[1], sumFill[2])
	p.SetDrawColor(ink[0], ink[1], ink[2])
	p.SetLineWidth(0.5)
	p.Rect(marginL, y, contentW, h, "FD")
	p.SetXY(marginL+3, y+2.5)
	for _, l := range lines {
		p.SetX(marginL + 3)
		d.cell(contentW-6, lh, l, "L", true, 1)
	}
	p.SetXY(marginL, y+h+2)
}

// fact lays out a label–value pair w wide: the label's width and the
// value's lines beside it.
func (d *doc) fact(f [2]string, w float64) (float64, []string) {
	d.font(9.5, muted)
	lw := d.pdf.GetStringWidth(f[0]) + 3
	d.font(9.5, ink)
	// 2 mm more than the cell's margins keeps a value off the next label.
	return lw, d.wrap(f[1], w-lw-2)
}

// putFact draws a pair laid out by fact at x on the line at y.
func (d *doc) putFact(label string, lw float64, ls []string, x, y, w float64) {
	p := d.pdf
	d.font(9.5, muted)
	p.SetXY(x, y)
	d.cell(lw, 5.5, label, "L", false, 0)
	d.font(9.5, ink)
	for k, l := range ls {
		p.SetXY(x+lw, y+5.5*float64(k))
		d.cell(w-lw, 5.5, l, "L", true, 0)
	}
}

// facts prints label–value pairs in two columns; a pair too long for
// half the width gets a line of its own, wrapped when it needs more.
func (d *doc) facts(pairs [][2]string) {
	p := d.pdf
	colW := contentW / 2
	for i := 0; i < len(pairs); {
		if i+1 < len(pairs) {
			lw1, ls1 := d.fact(pairs[i], colW)
			lw2, ls2 := d.fact(pairs[i+1], colW)
			if len(ls1) <= 1 && len(ls2) <= 1 {
				d.ensure(6)
				y := p.GetY()
				d.putFact(pairs[i][0], lw1, ls1, marginL, y, colW)
				d.putFact(pairs[i+1][0], lw2, ls2, marginL+colW, y, colW)
				p.SetXY(marginL, y+5.5)
				i += 2
				continue
			}
		}
		lw, ls := d.fact(pairs[i], contentW)
		h := 5.5 * float64(max(len(ls), 1))
		d.ensure(h + 0.5)
		y := p.GetY()
		d.putFact(pairs[i][0], lw, ls, marginL, y, contentW)
		p.SetXY(marginL, y+h)
		i++
	}
	d.space(1)
}

// drawChart draws c as vectors across the content width, h millimetres
// high, starting a new page when it does not fit.
func (d *doc) drawChart(c chart.Chart, h float64) error {
	p := d.pdf
	d.ensure(h + 2)
	y := p.GetY()
	w := vg.Length(contentW / mmPerPt)
	hv := vg.Length(h / mmPerPt)
	cv := newPDFCanvas(p, family, marginL, y, hv)
	err := chart.Draw(c, cv, w, hv, chart.Style{FontSize: 8})
	// Leave the drawing state as the tables expect it.
	p.SetDashPattern(nil, 0)
	if cv.alpha != 1 {
		p.SetAlpha(1, "Normal")
	}
	p.SetLineWidth(0.2)
	p.SetDrawColor(0, 0, 0)
	p.SetXY(marginL, y+h+2)
	return err
}

// signatures prints a signature and date block: one line per role.
func (d *doc) signatures(roles []string) {
	p := d.pdf
	d.ensure(float64(len(roles))*12 + 14)
	d.space(4)
	d.font(10, ink)
	p.SetX(marginL)
	d.cell(contentW, 7, i18n.T("report.sign.title"), "L", true, 1)
	d.font(10, ink)
	for _, r := range roles {
		d.space(4)
		y := p.GetY()
		p.SetXY(marginL, y)
		d.cell(38, 7, r, "L", false, 0)
		d.line(marginL+38, y+6, marginL+98, y+6, ink, 0.3)
		p.SetXY(marginL+104, y)
		d.font(10, ink)
		d.cell(18, 7, i18n.T("report.sign.date"), "L", false, 0)
		d.cell(contentW-122, 7, i18n.T("report.sign.date_blank"), "L", false, 1)
	}
	d.space(2)
}

// note prints small muted text, e.g. how a figure was computed.
func (d *doc) note(text string) {
	d.text(text, 8, 4, muted)
	d.space(1)
}
