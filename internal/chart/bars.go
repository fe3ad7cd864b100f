package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// bars draws a group of bars per category, one bar per series, from zero.
// A single series with Bands takes each bar's colour from its band: the
// band of the bar's level when the chart gives Levels (the status of each
// department), else the band its value falls in. The reference line, labelled, goes across.
func (f *frame) bars(area draw.Canvas) {
	c := f.c
	n := len(c.Category)
	ns := max0(len(c.Series), 1)
	p := f.newPlot()
	lo, hi, _ := f.dataRange()
	if c.Ref != nil && !math.IsNaN(c.Ref.Value) && !math.IsInf(c.Ref.Value, 0) {
		lo, hi = math.Min(lo, c.Ref.Value), math.Max(hi, c.Ref.Value)
	}
	lo, hi = math.Min(lo, 0), math.Max(hi, 0) // bars start at zero
	height := area.Max.Y - area.Min.Y
	ticks := valueAxis(&p.Y, lo, hi, height*0.7, f.lineHeight(f.base())*3, c.Percent)
	p.Y.LineStyle.Width = 0
	yw := tickLabelsWidth(&p.Y)
	slot := (area.Max.X - area.Min.X - yw) / vg.Length(n)
	f.yAxisRoom = yw
	f.categoryAxisX(p, c.Category, slot, height*0.3, rotateLabels)
	p.Add(grid{ticks: ticks, line: f.t.grid, zeroLine: f.t.axis})
	dec := c.decimals()
	valSty := f.style(f.base()*0.85, f.t.muted)
	valSty.XAlign = draw.XCenter
	p.Add(plotterFunc(func(dc draw.Canvas, p *plot.Plot) {
		trX, trY := p.Transforms(&dc)
		var drawn []vg.Rectangle
		y0 := trY(math.Max(p.Y.Min, math.Min(0, p.Y.Max)))
		slotW := trX(1) - trX(0)
		// Bars no wider than a few characters: a lone bar spanning the
		// whole plot reads as a background, not as a value.
		barW := min(slotW*0.78/vg.Length(ns), f.base()*4)
		groupW := barW * vg.Length(ns)
		// Values above bars only when every label fits its slot with a clear
		// gap: run together they read as one long number.
		showValues := ns == 1
		for i := 0; i < n && showValues; i++ {
			if v := value(c.Series[0], i); !math.IsNaN(v) && valSty.Width(f.barLabel(v, dec)) > slotW*0.75 {
				showValues = false
			}
		}
		var values []valueLabel
		for i := 0; i < n; i++ {
			left := trX(float64(i)) - groupW/2
			for si, s := range c.Series {
				x0 := left + barW*vg.Length(si)
				col := f.t.seriesColor(si)
				if b, ok := rowBand(c, i); ok && ns == 1 {
					col = BandColor(b.Level)
				} else {
					f.drewSeries(si, col)
				}
				if v := value(s, i); !math.IsNaN(v) {
					y := trY(v)
					r := vg.Rectangle{Min: vg.Point{X: x0 + barW*0.06, Y: min(y0, y)}, Max: vg.Point{X: x0 + barW*0.94, Y: max(y0, y)}}
					fillRect(dc, r, col)
					drawn = append(drawn, r)
					if showValues {
						values = append(values, valueLabel{bar: r, neg: v < 0, text: f.barLabel(v, dec), fill: col})
					}
				}
				// The hit area is the bar's whole column (a short bar is
				// still easy to point at); the group's outer columns
				// stretch to the slot edges so the slots have no gaps.
				hx0, hx1 := x0, x0+barW
				if si == 0 {
					hx0 = trX(float64(i) - 0.5)
				}
				if si == len(c.Series)-1 {
					hx1 = trX(float64(i) + 0.5)
				}
				f.regions = append(f.regions, region{
					rect: vg.Rectangle{Min: vg.Point{X: hx0, Y: dc.Min.Y}, Max: vg.Point{X: hx1, Y: dc.Max.Y}},
					p:    Point{Category: i, Series: si, Text: f.barText(i, si)},
				})
			}
		}
		f.barValues(dc, p, valSty, values, drawn)
	}))
	p.Draw(area)
}

// barLabel is the value printed above a bar: short, no unit.
func (f *frame) barLabel(v float64, dec int) string {
	if f.c.Percent {
		return FormatPercent(v, 0)
	}
	return FormatNumber(v, min(dec, 1))
}

// barText is the tooltip of a bar: the category's text, with the band's
// label for a single coloured series.
func (f *frame) barText(i, si int) string {
	s := f.categoryText(i)
	if len(f.c.Series) == 1 {
		if b, ok := rowBand(f.c, i); ok && b.Label != "" {
			s += " · " + b.Label
		}
	}
	return s
}

// valueLabel is the value to write at a bar.
type valueLabel struct {
	bar  vg.Rectangle
	neg  bool
	text string
	fill color.Color
}

// barValues writes each bar's value where it collides with nothing, and
// draws the reference line with its label. A value goes just beyond its
// bar's end; when the reference line runs through it there, it goes
// inside the bar's end, or else just beyond the line; a value with no
// clear place is left to the tooltip. The line's label takes its right
// end, or its left one, where it covers neither bars nor values.
func (f *frame) barValues(dc draw.Canvas, p *plot.Plot, sty text.Style, values []valueLabel, bars []vg.Rectangle) {
	line, hasLine := f.refSegment(dc, p)
	gap := f.base() * 0.2
	var boxes []placedText
	for _, v := range values {
		for _, pt := range f.valueSpots(sty, v, line, hasLine, dc) {
			s := sty
			if pt.inside {
				s.Color = textOn(v.fill)
			}
			box := textRect(s, pt.at, v.text)
			if box.Max.Y > dc.Max.Y || box.Min.Y < dc.Min.Y || (hasLine && line.crosses(box, gap)) {
				continue
			}
			boxes = append(boxes, placedText{kind: textValue, text: v.text, box: box, color: s.Color})
			break
		}
	}
	var label *placedText
	if hasLine {
		dc.StrokeLine2(draw.LineStyle{Color: f.t.ref, Width: vg.Points(1.5), Dashes: []vg.Length{vg.Points(5), vg.Points(3)}},
			line.a.X, line.a.Y, line.b.X, line.b.Y)
		f.lay.lines = append(f.lay.lines, line)
		label = f.refLabelSpot(dc, line.a.Y, bars, boxes)
	}
	for _, b := range boxes {
		if label != nil && overlaps(b.box, inset(label.box, -gap)) {
			continue // the line's label won that place: the tooltip has the value
		}
		s := sty
		s.Color = b.color
		f.placeText(dc, textValue, s, vg.Point{X: (b.box.Min.X + b.box.Max.X) / 2, Y: b.box.Min.Y - textRect(s, vg.Point{}, b.text).Min.Y}, b.text)
	}
}

// spot is a place for a value: where to write it, and whether that is
// inside the bar (the text then takes a colour readable on the bar).
type spot struct {
	at     vg.Point
	inside bool
}

// valueSpots are the places for v in order of preference: beyond the
// bar's end, inside it, beyond the reference line.
func (f *frame) valueSpots(sty text.Style, v valueLabel, line segment, hasLine bool, dc draw.Canvas) []spot {
	lh := f.lineHeight(sty.Font.Size)
	pad := f.base() * 0.2
	x := (v.bar.Min.X + v.bar.Max.X) / 2
	base := -textRect(sty, vg.Point{}, v.text).Min.Y // from the box's bottom to the text's baseline point
	out := []spot{{at: vg.Point{X: x, Y: v.bar.Max.Y + pad + base}}}
	if v.neg {
		out[0].at.Y = v.bar.Min.Y - pad - lh + base
	}
	if v.bar.Max.Y-v.bar.Min.Y >= lh+2*pad {
		in := spot{at: vg.Point{X: x, Y: v.bar.Max.Y - pad - lh + base}, inside: true}
		if v.neg {
			in.at.Y = v.bar.Min.Y + pad + base
		}
		out = append(out, in)
	}
	if hasLine {
		out = append(out, spot{at: vg.Point{X: x, Y: line.a.Y + pad*2 + base}}, spot{at: vg.Point{X: x, Y: line.a.Y - pad*2 - lh + base}})
	}
	return out
}

// refSegment is the reference line across the plot, if the chart has one.
func (f *frame) refSegment(dc draw.Canvas, p *plot.Plot) (segment, bool) {
	ref := f.c.Ref
	if ref == nil || math.IsNaN(ref.Value) || math.IsInf(ref.Value, 0) {
		return segment{}, false
	}
	_, trY := p.Transforms(&dc)
	y := trY(ref.Value)
	return segment{a: vg.Point{X: dc.Min.X, Y: y}, b: vg.Point{X: dc.Max.X, Y: y}}, true
}

// refLabelSpot writes the reference line's label ("序时进度 75%") above
// the line at y (below it at the top of the plot), at the right end, or
// at the left end when bars or values are under the right one and not
// under the left.
func (f *frame) refLabelSpot(dc draw.Canvas, y vg.Length, bars []vg.Rectangle, values []placedText) *placedText {
	label := refLabel(f.c)
	sty := f.style(f.base()*0.9, f.t.ref)
	pad := f.base() * 0.3
	h := sty.Height(label)
	ly := y + pad
	if ly+h > dc.Max.Y {
		// No room above the line at the top: write it below.
		ly = y - pad - h
	}
	w := sty.Width(label)
	covers := func(x0 vg.Length) bool {
		r := vg.Rectangle{Min: vg.Point{X: x0, Y: ly}, Max: vg.Point{X: x0 + w, Y: ly + h}}
		for _, b := range bars {
			if overlaps(b, r) {
				return true
			}
		}
		for _, v := range values {
			if overlaps(v.box, r) {
				return true
			}
		}
		return false
	}
	x0 := dc.Max.X - pad - w
	if covers(x0) && !covers(dc.Min.X+pad) {
		x0 = dc.Min.X + pad
	}
	labelBox(dc, sty, vg.Point{X: x0, Y: ly}, label, f.boxColor(), f.base()*0.15)
	f.record(textRef, sty, vg.Point{X: x0, Y: ly}, label, nil)
	return &f.lay.texts[len(f.lay.texts)-1]
}

// refLabel is the reference line's label as the caller wrote it (callers
// put the value in, e.g. "序时进度 75%"), or the bare value when unnamed.
func refLabel(c *Chart) string {
	if c.Ref.Label != "" {
		return c.Ref.Label
	}
	if c.Percent {
		return FormatPercent(c.Ref.Value, 0)
	}
	return FormatNumber(c.Ref.Value, c.decimals())
}
