package report

import (
	"gonum.org/v1/plot/vg"

	"github.com/budgetperf/budgetperf/internal/chart"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// cover is the first page's title block.
func (d *doc) cover(subtitle string) {
	p := d.pdf
	d.space(4)
	d.font(18, ink)
	p.SetX(marginL)
	d.cell(contentW, 10, d.meta.Title, "C", true, 1)
	d.font(11, muted)
	p.SetX(marginL)
	d.cell(contentW, 6, d.meta.Hospital+"  ·  "+d.meta.Period, "C", false, 1)
	if subtitle != "" {
		p.SetX(marginL)
		d.cell(contentW, 6, subtitle, "C", false, 1)
	}
	d.space(4)
}

// h1 is a section heading, kept with at least keep millimetres of what
// follows.
func (d *doc) h1(text string, keep float64) {
	d.ensure(12 + keep)
	d.space(3)
	d.font(13, ink)
	d.pdf.SetX(marginL)
	d.cell(contentW, 8, text, "L", true, 1)
	y := d.pdf.GetY()
	d.line(marginL, y, marginL+contentW, y, ink, 0.4)
	d.space(2)
}

// h2 is a sub-heading.
func (d *doc) h2(text string, keep float64) {
	d.ensure(9 + keep)
	d.space(2)
	d.font(11, ink)
	d.pdf.SetX(marginL)
	d.cell(contentW, 7, text, "L", true, 1)
}

// para writes wrapped text.
func (d *doc) para(text string, size float64) {
	d.font(size, ink)
	d.pdf.SetX(marginL)
	d.pdf.MultiCell(contentW, size*0.52, text, "", "L", false)
	d.space(1)
}

// callout is a paragraph in a framed, shaded box: what a reader must not
// miss (the public-welfare weight, the compliance statement).
func (d *doc) callout(text string, size float64) {
	p := d.pdf
	d.font(size, ink)
	lh := size * 0.55
	lines := p.SplitText(text, contentW-6)
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

// facts prints label–value pairs in two columns; a pair too long for
// half the width gets a line of its own.
func (d *doc) facts(pairs [][2]string) {
	p := d.pdf
	colW := contentW / 2
	fits := func(f [2]string) bool {
		d.font(9.5, muted)
		lw := p.GetStringWidth(f[0]) + 3
		d.font(9.5, ink)
		return lw+p.GetStringWidth(f[1])+4 <= colW
	}
	put := func(f [2]string, x, w float64) {
		d.font(9.5, muted)
		lw := p.GetStringWidth(f[0]) + 3
		p.SetX(x)
		d.cell(lw, 5.5, f[0], "L", false, 0)
		d.font(9.5, ink)
		d.cell(w-lw, 5.5, f[1], "L", true, 0)
	}
	for i := 0; i < len(pairs); {
		d.ensure(6)
		y := p.GetY()
		p.SetY(y)
		switch {
		case !fits(pairs[i]) || (i+1 < len(pairs) && !fits(pairs[i+1])) || i+1 == len(pairs):
			put(pairs[i], marginL, contentW)
			i++
		default:
			put(pairs[i], marginL, colW)
			put(pairs[i+1], marginL+colW, colW)
			i += 2
		}
		p.SetXY(marginL, y+5.5)
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
	d.font(8, muted)
	d.pdf.SetX(marginL)
	d.pdf.MultiCell(contentW, 4, text, "", "L", false)
	d.space(1)
}
