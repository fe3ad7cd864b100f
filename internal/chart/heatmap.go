package chart

import (
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// heatMap draws Rows × Category cells coloured by band, rows from the top
// with their labels on the left, the value written in each cell that has
// room for it. Missing (NaN) cells stay blank.
func (f *frame) heatMap(area draw.Canvas) {
	c := f.c
	nr, nc := len(c.Rows), len(c.Category)
	p := f.newPlot()
	p.X.LineStyle.Width = 0
	p.Y.LineStyle.Width = 0
	width := area.Max.X - area.Min.X
	height := area.Max.Y - area.Min.Y
	lh := f.lineHeight(f.base())
	rowW := width * 0.28
	f.categoryAxisY(&p.Y, c.Rows, (height-lh*1.5)/vg.Length(nr), rowW)
	yw := tickLabelsWidth(&p.Y)
	f.categoryAxisX(p, c.Category, (width-yw)/vg.Length(nc), 0, skipLabels)
	cellSty := f.style(f.base()*0.9, f.t.fg)
	cellSty.XAlign, cellSty.YAlign = draw.XCenter, draw.YCenter
	p.Add(plotterFunc(func(dc draw.Canvas, p *plot.Plot) {
		trX, trY := p.Transforms(&dc)
		gap := vg.Points(1)
		for r := 0; r < nr; r++ {
			y := float64(nr - 1 - r)
			for col := 0; col < nc; col++ {
				v := f.cell(r, col)
				if math.IsNaN(v) {
					continue
				}
				rect := vg.Rectangle{
					Min: vg.Point{X: trX(float64(col) - 0.5), Y: trY(y - 0.5)},
					Max: vg.Point{X: trX(float64(col) + 0.5), Y: trY(y + 0.5)},
				}
				fill := valueColor(c.Bands, v, noBand)
				fillRect(dc, inset(rect, gap/2), fill)
				f.cellLabel(dc, cellSty, rect, v, fill)
				f.regions = append(f.regions, region{rect: rect, p: Point{Category: col, Series: r, Text: f.cellText(r, col)}})
			}
		}
	}))
	p.Draw(area)
}

// cellLabel writes v in rect when it fits, trying a smaller size before
// giving up: a crowded heat map reads by colour, with the tooltip for the
// number.
func (f *frame) cellLabel(dc draw.Canvas, sty draw.TextStyle, rect vg.Rectangle, v float64, fill interface {
	RGBA() (r, g, b, a uint32)
}) {
	s := f.cellValue(v)
	sty.Color = textOn(fill)
	w, h := rect.Max.X-rect.Min.X, rect.Max.Y-rect.Min.Y
	for _, k := range []vg.Length{1, 0.8} {
		sty.Font.Size = f.base() * 0.9 * k
		if sty.Width(s) <= w-vg.Points(3) && f.lineHeight(sty.Font.Size) <= h-vg.Points(1) {
			pt := vg.Point{X: (rect.Min.X + rect.Max.X) / 2, Y: (rect.Min.Y + rect.Max.Y) / 2}
			dc.FillText(sty, pt, s)
			f.record(textValue, sty, pt, s, fill)
			return
		}
	}
}

// cellValue is the short form of a cell's value: whole percents, or a
// number with at most one decimal; more decimals when the short form
// would read as a value of another band (-4.6% is not "-5%" where -5%
// starts the red band), so that one text never shows in two colours.
func (f *frame) cellValue(v float64) string {
	scale, dec := 1.0, min(f.c.decimals(), 1)
	format := func(d int) string { return FormatNumber(v, d) }
	switch {
	case f.c.Percent:
		scale, dec = 100, 0
		format = func(d int) string { return FormatPercent(v, d) }
	case math.Abs(v) >= 100:
		dec = 0
	}
	band, inBand := FindBand(f.c.Bands, v)
	for d := dec; d < dec+4; d++ {
		p := math.Pow(10, float64(d))
		shown := math.Round(v*scale*p) / p / scale
		if b, ok := FindBand(f.c.Bands, shown); ok == inBand && b == band {
			return format(d)
		}
	}
	return format(dec + 3)
}

// cellText is the tooltip of a cell: "内科 · 5月 · -12.0% · 落后".
func (f *frame) cellText(r, col int) string {
	v := f.cell(r, col)
	parts := []string{f.c.Rows[r], f.c.Category[col], f.c.valueText(v, f.c.decimals())}
	if b, ok := FindBand(f.c.Bands, v); ok && b.Label != "" {
		parts = append(parts, b.Label)
	}
	return strings.Join(parts, " · ")
}
