package chart

import (
	"image/color"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// legendItem is one entry of the legend: a small sample and its label.
type legendItem struct {
	label string
	color color.Color // the key's colour: its series' or its band's
	// sample draws the key into r.
	sample func(c draw.Canvas, r vg.Rectangle)
}

// header draws the title and the legend across the top of dc, wrapping
// legend entries onto further lines when they do not fit beside the
// title, and returns the area left for the plot. The legend sits above
// the plot rather than inside it so that it never covers data.
func (f *frame) header(dc draw.Canvas) draw.Canvas {
	pad := f.base() * 0.6
	area := dc
	area.Rectangle = inset(area.Rectangle, pad)
	top := area.Max.Y
	left, right := area.Min.X, area.Max.X
	x := left
	lineH := f.lineHeight(f.base())
	rowH := lineH * 1.35
	used := false
	if f.c.Title != "" {
		sty := f.style(f.base()*1.2, f.t.fg)
		sty.YAlign = draw.YTop
		title := fitText(sty, f.c.Title, right-left)
		f.placeText(area, textTitle, sty, vg.Point{X: left, Y: top}, title)
		x = left + sty.Width(title) + f.base()*1.5
		rowH = max(rowH, f.lineHeight(f.base()*1.2)*1.35)
		used = true
	}
	lsty := f.style(f.base(), f.t.fg)
	lsty.YAlign = draw.YCenter
	sw := f.base() * 1.8 // sample width
	gap := f.base() * 0.4
	y := top - rowH/2
	for _, it := range f.legendItems() {
		label := fitText(lsty, it.label, right-left-sw-gap)
		w := sw + gap + lsty.Width(label)
		if x+w > right && x > left {
			// Next line.
			top -= rowH
			rowH = lineH * 1.35
			x = left
			y = top - rowH/2
		}
		it.sample(area, vg.Rectangle{
			Min: vg.Point{X: x, Y: y - lineH/2},
			Max: vg.Point{X: x + sw, Y: y + lineH/2},
		})
		f.placeText(area, textLegend, lsty, vg.Point{X: x + sw + gap, Y: y}, label)
		f.lay.legend = append(f.lay.legend, legendEntry{label: it.label, color: it.color})
		x += w + f.base()*1.2
		used = true
	}
	if used {
		area.Max.Y = top - rowH - pad/2
	}
	return area
}

// legendItems lists what the legend explains for the chart's kind: the
// series of line and grouped bar charts, the bands of coloured charts,
// and the expected mark of progress charts. Unnamed entries are left out.
func (f *frame) legendItems() []legendItem {
	c := f.c
	var items []legendItem
	series := func(swatch bool) {
		for i, s := range c.Series {
			if s.Name == "" {
				continue
			}
			items = append(items, legendItem{label: s.Name, color: f.t.seriesColor(i), sample: f.seriesSample(s, i, swatch)})
		}
	}
	switch c.Kind {
	case Lines:
		if len(c.Series) > 1 {
			series(false)
		}
	case Bars:
		if len(c.Series) > 1 {
			series(true)
		} else {
			items = f.bandItems()
		}
	case HeatMap:
		items = f.bandItems()
	case Progress:
		items = f.bandItems()
		if len(c.Series) > 1 && c.Series[1].Name != "" {
			items = append(items, legendItem{label: c.Series[1].Name, color: f.t.fg, sample: func(cv draw.Canvas, r vg.Rectangle) {
				mx := (r.Min.X + r.Max.X) / 2
				cv.StrokeLine2(draw.LineStyle{Color: f.t.fg, Width: vg.Points(2)}, mx, r.Min.Y, mx, r.Max.Y)
			}})
		}
	}
	return items
}

// bandItems are legend entries for the labelled bands.
func (f *frame) bandItems() []legendItem {
	var items []legendItem
	for _, b := range f.c.Bands {
		if b.Label == "" {
			continue
		}
		col := BandColor(b.Level)
		items = append(items, legendItem{label: b.Label, color: col, sample: swatch(col)})
	}
	return items
}

// seriesSample draws series i's key: a swatch for bars, a short stretch
// of line with its dash and point shape for lines.
func (f *frame) seriesSample(s Series, i int, isSwatch bool) func(draw.Canvas, vg.Rectangle) {
	col := f.t.seriesColor(i)
	if isSwatch {
		return swatch(col)
	}
	return func(c draw.Canvas, r vg.Rectangle) {
		y := (r.Min.Y + r.Max.Y) / 2
		c.StrokeLine2(f.lineStyle(s, i), r.Min.X, y, r.Max.X, y)
		c.DrawGlyph(f.glyph(i), vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: y})
	}
}

// swatch draws a small square of col, centred in r.
func swatch(col color.Color) func(draw.Canvas, vg.Rectangle) {
	return func(c draw.Canvas, r vg.Rectangle) {
		h := (r.Max.Y - r.Min.Y) * 0.8
		cx, cy := (r.Min.X+r.Max.X)/2, (r.Min.Y+r.Max.Y)/2
		fillRect(c, vg.Rectangle{
			Min: vg.Point{X: cx - h/2, Y: cy - h/2},
			Max: vg.Point{X: cx + h/2, Y: cy + h/2},
		}, col)
	}
}

// boxColor is the fill behind labels drawn over data: the chart's
// background, or the theme's own when the chart is transparent.
func (f *frame) boxColor() color.Color {
	if _, _, _, a := f.t.Background.RGBA(); a == 0xffff {
		return f.t.Background
	}
	return styleOf([]Style{{Dark: f.t.Dark}}).Background
}
