package chart

import (
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// progress draws a horizontal bar per category (rows from the top): a
// track to 100%, the completion ratio of Series[0] over it coloured by its
// band, and the expected ratio of Series[1] as an upright tick, so that
// "behind" reads at a glance. Ratios are shown as percentages.
func (f *frame) progress(area draw.Canvas) {
	c := f.c
	n := len(c.Category)
	done := c.Series[0]
	var expect *Series
	if len(c.Series) > 1 {
		expect = &c.Series[1]
	}
	p := f.newPlot()
	p.Y.LineStyle.Width = 0
	width := area.Max.X - area.Min.X
	height := area.Max.Y - area.Min.Y
	lh := f.lineHeight(f.base())
	// The axis runs at least from 0 to 100%: a bar is read against the
	// whole, and over-achievement widens it.
	lo, hi := 0.0, 1.0
	for _, s := range c.Series[:min(len(c.Series), 2)] {
		for i := 0; i < n; i++ {
			if v := value(s, i); !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	f.categoryAxisY(&p.Y, c.Category, (height-lh*1.5)/vg.Length(n), width*0.3)
	yw := tickLabelsWidth(&p.Y)
	pctW := f.style(f.base(), f.t.fg).Width("100%")
	ticks := valueAxis(&p.X, lo, hi, width-yw, pctW*2, true)
	p.Add(grid{ticks: ticks, vertical: true, line: f.t.grid, zeroLine: f.t.axis})
	labSty := f.style(f.base()*0.9, f.t.fg)
	labSty.YAlign = draw.YCenter
	p.Add(plotterFunc(func(dc draw.Canvas, p *plot.Plot) {
		trX, trY := p.Transforms(&dc)
		x0 := trX(math.Max(0, p.X.Min))
		for i := 0; i < n; i++ {
			yc := trY(float64(n - 1 - i))
			slotH := trY(1) - trY(0)
			barH := min(slotH*0.62, lh*1.6)
			row := vg.Rectangle{
				Min: vg.Point{X: dc.Min.X, Y: yc - slotH/2},
				Max: vg.Point{X: dc.Max.X, Y: yc + slotH/2},
			}
			fillRect(dc, vg.Rectangle{Min: vg.Point{X: x0, Y: yc - barH/2}, Max: vg.Point{X: trX(1), Y: yc + barH/2}}, f.t.track)
			markX := vg.Length(math.NaN())
			if expect != nil {
				if e := value(*expect, i); !math.IsNaN(e) {
					markX = trX(e)
				}
			}
			v := value(done, i)
			if !math.IsNaN(v) {
				fill := f.t.seriesColor(0)
				if b, ok := rowBand(c, i); ok {
					fill = BandColor(b.Level)
				}
				bar := vg.Rectangle{Min: vg.Point{X: min(x0, trX(v)), Y: yc - barH/2}, Max: vg.Point{X: max(x0, trX(v)), Y: yc + barH/2}}
				fillRect(dc, bar, fill)
				f.progressLabel(dc, labSty, bar, v, fill, barH, markX)
			}
			if !math.IsNaN(float64(markX)) {
				ext := min(barH*0.35, vg.Points(4))
				dc.StrokeLine2(draw.LineStyle{Color: f.t.fg, Width: vg.Points(2)}, markX, yc-barH/2-ext, markX, yc+barH/2+ext)
				f.lay.lines = append(f.lay.lines, segment{a: vg.Point{X: markX, Y: yc - barH/2 - ext}, b: vg.Point{X: markX, Y: yc + barH/2 + ext}})
			}
			f.regions = append(f.regions, region{rect: row, p: Point{Category: i, Series: 0, Text: f.progressText(i)}})
		}
	}))
	p.Draw(area)
}

// progressLabel writes the completion percentage inside the bar's end
// when it fits there, else just after the bar; it steps aside from the
// expected mark at markX (NaN for none) so the tick never covers digits.
func (f *frame) progressLabel(dc draw.Canvas, sty draw.TextStyle, bar vg.Rectangle, v float64, fill interface {
	RGBA() (r, g, b, a uint32)
}, barH, markX vg.Length) {
	if f.lineHeight(sty.Font.Size) > barH*1.4 {
		return // rows too thin: the tooltip tells
	}
	s := FormatPercent(v, 0)
	w := sty.Width(s)
	pad := f.base() * 0.3
	yc := (bar.Min.Y + bar.Max.Y) / 2
	clear := func(x0, x1 vg.Length) bool {
		return math.IsNaN(float64(markX)) || markX < x0-pad || markX > x1+pad
	}
	inside := f.lineHeight(sty.Font.Size) <= barH
	for _, end := range []vg.Length{bar.Max.X - pad, markX - pad*1.5} {
		if inside && !math.IsNaN(float64(end)) && end <= bar.Max.X-pad && end-w >= bar.Min.X+pad && clear(end-w, end) {
			in := sty
			in.Color = textOn(fill)
			in.XAlign = draw.XRight
			f.placeText(dc, textValue, in, vg.Point{X: end, Y: yc}, s)
			return
		}
	}
	x := bar.Max.X + pad
	if !clear(x, x+w) {
		x = markX + pad*1.5
	}
	f.placeText(dc, textValue, sty, vg.Point{X: x, Y: yc}, s)
}

// progressText is the tooltip of a row: "门诊量 · 完成 62.0% · 序时 75.0% · 落后".
func (f *frame) progressText(i int) string {
	c := f.c
	parts := []string{c.Category[i]}
	for si, s := range c.Series[:min(len(c.Series), 2)] {
		v := FormatPercent(value(s, i), 1)
		if s.Name != "" {
			v = s.Name + " " + v
		}
		if si == 0 || !math.IsNaN(value(s, i)) {
			parts = append(parts, v)
		}
	}
	if b, ok := rowBand(c, i); ok && b.Label != "" {
		parts = append(parts, b.Label)
	}
	return strings.Join(parts, " · ")
}

// rowBand is the band of a Progress row or of a bar of a single-series
// Bars chart: the one of its level when the chart gives levels, else the
// one its value falls in.
func rowBand(c *Chart, i int) (Band, bool) {
	if i < len(c.Levels) && c.Levels[i] >= 0 {
		for _, b := range c.Bands {
			if b.Level == c.Levels[i] {
				return b, true
			}
		}
	}
	return FindBand(c.Bands, value(c.Series[0], i))
}
