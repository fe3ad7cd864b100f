package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// radarOver is the largest value a radar draws: values above 1 (a score
// above its points) are clamped to 110%, so that over-achievement shows
// just outside the 100% ring without squashing everyone else. Tooltips
// still give the true value.
const radarOver = 1.1

// radarRings are the grid rings and their labels.
var radarRings = []float64{0.25, 0.5, 0.75, 1}

// radar draws one spoke per category, clockwise from the top, and one
// polygon per series: a translucent fill in the series' colour, an
// outline (the second series, and any series marked Dashed, dashed) and a
// marker of the series' shape at each value, so that the chart reads in
// greyscale. Values are ratios: the rings are 25/50/75/100% whatever
// c.Percent says, negative values sit at the centre and values above 1
// are clamped to 110% (see radarOver).
//
// A missing value (NaN, infinite, or beyond the series' Values) leaves a
// gap rather than joining its neighbours across the axis, which would
// suggest a value there: the outline stops at the neighbouring axes, and
// the fill covers only the runs of consecutive known axes (each a fan
// from the centre), so the sectors beside the missing axis stay empty.
// Each known value is a hit target (Hit returns its axis and series).
//
// The legend (series with names, when there are two or more) is drawn by
// the header helper on a line of its own under the title.
func (f *frame) radar(area draw.Canvas) {
	area = f.radarLegend(area)
	w, h := area.Max.X-area.Min.X, area.Max.Y-area.Min.Y
	if w <= 0 || h <= 0 {
		return
	}
	l := f.radarLayout(area)
	f.radarGrid(area, l)
	runs := f.radarFills(area, l)
	pts, hits := f.radarOutlines(area, l, runs)
	f.radarHitRegions(pts, hits)
}

// radarLayout is where a radar's spokes, rings and axis labels sit: one
// computation shared by the grid, the series and the hit targets.
type radarLayout struct {
	n        int
	top      float64 // the scale's outer value: 1, or radarOver when a value lies beyond 100%
	cos, sin []float64
	centre   vg.Point
	radius   vg.Length
	labels   []string // the axis labels, fitted
	labSty   text.Style
	gap      vg.Length // between the outer ring and an axis label
}

// at is the point of value v on spoke k.
func (l *radarLayout) at(k int, v float64) vg.Point {
	r := l.radius * vg.Length(math.Max(0, math.Min(v, radarOver))/l.top)
	return vg.Point{X: l.centre.X + r*vg.Length(l.cos[k]), Y: l.centre.Y + r*vg.Length(l.sin[k])}
}

// radarLayout places the spokes clockwise from twelve o'clock and picks
// the largest radius that keeps every label (just outside the ring,
// aligned away from the centre) inside area.
func (f *frame) radarLayout(area draw.Canvas) *radarLayout {
	c := f.c
	n := len(c.Category)
	w, h := area.Max.X-area.Min.X, area.Max.Y-area.Min.Y
	lh := f.lineHeight(f.base())
	l := &radarLayout{n: n, top: 1, gap: f.base() * 0.5, labSty: f.style(f.base(), f.t.fg)}
	l.labels = fitLabels(l.labSty, c.Category, max(w*0.28, l.labSty.Width("国国")))

	// Does any value lie beyond 100%? Then the scale reaches 110%.
	for _, s := range c.Series {
		for i := 0; i < n; i++ {
			if value(s, i) > 1 {
				l.top = radarOver
			}
		}
	}

	l.cos, l.sin = make([]float64, n), make([]float64, n)
	for k := range n {
		l.sin[k], l.cos[k] = math.Sincos(math.Pi/2 - 2*math.Pi*float64(k)/float64(n))
	}
	radius := min(w, h) / 2
	for k := range n {
		lw := l.labSty.Width(l.labels[k])
		ac, as := vg.Length(math.Abs(l.cos[k])), vg.Length(math.Abs(l.sin[k]))
		if ac > 1e-3 {
			radius = min(radius, (w/2-lw*(1+ac)/2)/ac-l.gap)
		}
		if as > 1e-3 {
			radius = min(radius, (h/2-lh*(1+as)/2)/as-l.gap)
		}
	}
	// Beyond a floor the labels may be clipped rather than the chart vanish.
	l.radius = max(radius, min(w, h)*0.2)
	l.centre = area.Center()
	return l
}

// radarGrid draws the rings, the spokes, the ring labels and the axis
// labels, under the series.
func (f *frame) radarGrid(area draw.Canvas, l *radarLayout) {
	n, centre := l.n, l.centre
	gridSty := draw.LineStyle{Color: f.t.grid, Width: vg.Points(0.6)}
	for _, v := range radarRings {
		sty := gridSty
		if v == 1 {
			sty = draw.LineStyle{Color: f.t.axis, Width: vg.Points(0.8)}
		}
		area.StrokeLines(sty, radarRing(n, centre, v, l.at))
	}
	for k := range n {
		area.StrokeLine2(gridSty, centre.X, centre.Y, l.at(k, l.top).X, l.at(k, l.top).Y)
	}
	ringSty := f.style(f.base()*0.8, f.t.muted)
	ringSty.YAlign = draw.YCenter
	for _, v := range radarRings {
		pt := l.at(0, v)
		pt.X += f.base() * 0.25
		pt.Y -= f.lineHeight(ringSty.Font.Size) * 0.45
		area.FillText(ringSty, pt, FormatPercent(v, 0))
	}
	for k := range n {
		sty := l.labSty
		sty.XAlign = draw.XAlignment(-(1 - l.cos[k]) / 2)
		sty.YAlign = draw.YAlignment(-(1 - l.sin[k]) / 2)
		pt := l.at(k, l.top)
		pt.X += l.gap * vg.Length(l.cos[k])
		pt.Y += l.gap * vg.Length(l.sin[k])
		area.FillText(sty, pt, l.labels[k])
	}
}

// radarFills draws every series' fills before any outline, so that no
// fill veils another series' outline, and returns each series' runs of
// known axes for the outlines.
func (f *frame) radarFills(area draw.Canvas, l *radarLayout) [][][]int {
	c, n := f.c, l.n
	runs := make([][][]int, len(c.Series))
	for si, s := range c.Series {
		runs[si] = radarRuns(s, n)
		fill := translucent(f.t.seriesColor(si), f.t.Dark)
		for _, run := range runs[si] {
			if len(run) < 2 {
				continue
			}
			var p vg.Path
			whole := len(run) == n
			if !whole {
				p.Move(l.centre)
			}
			for j, k := range run {
				if whole && j == 0 {
					p.Move(l.at(k, value(s, k)))
				} else {
					p.Line(l.at(k, value(s, k)))
				}
			}
			p.Close()
			area.SetColor(fill)
			area.Fill(p)
		}
	}
	return runs
}

// radarOutlines draws each series' outline and markers over the fills and
// returns the markers' points with what each hit target says.
func (f *frame) radarOutlines(area draw.Canvas, l *radarLayout, runs [][][]int) (pts []vg.Point, hits []Point) {
	n := l.n
	for si, s := range f.c.Series {
		ls := f.lineStyle(radarSeries(s, si), si)
		for _, run := range runs[si] {
			line := make([]vg.Point, 0, len(run)+1)
			for _, k := range run {
				line = append(line, l.at(k, value(s, k)))
			}
			if len(run) == n && n > 2 {
				line = append(line, line[0])
			}
			if len(line) > 1 {
				area.StrokeLines(ls, line)
			}
		}
		for _, run := range runs[si] {
			for _, k := range run {
				pt := l.at(k, value(s, k))
				area.DrawGlyph(f.glyph(si), pt)
				pts = append(pts, pt)
				hits = append(hits, Point{Category: k, Series: si, Text: f.radarText(k, si)})
			}
		}
	}
	return pts, hits
}

// radarHitRegions puts a box around each vertex, each side reaching at
// most half way to a vertex on that side, so that neighbours do not steal
// each other's targets (two series close on one axis split it between
// them and keep their full width across it); vertices within a few
// points of each other overlap, and the one drawn last (on top) wins.
func (f *frame) radarHitRegions(pts []vg.Point, hits []Point) {
	hitR := max(f.base()*0.8, vg.Points(6))
	floor := vg.Points(3)
	for j, pt := range pts {
		lo := vg.Point{X: pt.X - hitR, Y: pt.Y - hitR}
		hi := vg.Point{X: pt.X + hitR, Y: pt.Y + hitR}
		for o, q := range pts {
			if o == j {
				continue
			}
			dx, dy := q.X-pt.X, q.Y-pt.Y
			switch {
			case math.Abs(float64(dy)) >= math.Abs(float64(dx)) && dy >= 0:
				hi.Y = min(hi.Y, pt.Y+max(dy/2, floor))
			case math.Abs(float64(dy)) >= math.Abs(float64(dx)):
				lo.Y = max(lo.Y, pt.Y-max(-dy/2, floor))
			case dx > 0:
				hi.X = min(hi.X, pt.X+max(dx/2, floor))
			default:
				lo.X = max(lo.X, pt.X-max(-dx/2, floor))
			}
		}
		f.regions = append(f.regions, region{rect: vg.Rectangle{Min: lo, Max: hi}, p: hits[j]})
	}
}

// radarLegend draws the series legend at the top of area through the
// header helper, as for a line chart (outline with dash and marker), and
// returns the area left. The header itself has drawn only the title:
// legendItems knows no radar entries.
func (f *frame) radarLegend(area draw.Canvas) draw.Canvas {
	c := *f.c
	if len(c.Series) < 2 {
		return area
	}
	c.Kind, c.Title = Lines, ""
	c.Series = make([]Series, len(f.c.Series))
	for si, s := range f.c.Series {
		c.Series[si] = radarSeries(s, si)
	}
	g := &frame{c: &c, t: f.t}
	// header insets by its padding, which area already has.
	pad := f.base() * 0.6
	outer := area
	outer.Rectangle = inset(area.Rectangle, -pad)
	out := g.header(outer)
	out.Rectangle.Min, out.Rectangle.Max.X = area.Min, area.Max.X
	return out
}

// radarSeries is series si as the radar strokes it: the second series
// (and every other one after it) dashed, so that two polygons differ in
// greyscale by more than their shade.
func radarSeries(s Series, si int) Series {
	if si%2 == 1 {
		s.Dashed = true
	}
	return s
}

// radarRuns splits the axes 0…n-1 into runs of consecutive known values
// of s, joining the last run to the first across axis 0 when both touch
// it. All axes known is one run starting at 0.
func radarRuns(s Series, n int) [][]int {
	var runs [][]int
	var run []int
	for k := range n {
		if math.IsNaN(value(s, k)) {
			if run != nil {
				runs = append(runs, run)
			}
			run = nil
			continue
		}
		run = append(run, k)
	}
	if run != nil {
		if len(runs) > 0 && runs[0][0] == 0 {
			runs[0] = append(run, runs[0]...)
		} else {
			runs = append(runs, run)
		}
	}
	return runs
}

// radarRing is the closed grid ring of value v: a polygon through the
// axes, or a circle for fewer than three axes, where a polygon would
// collapse into a line or a point.
func radarRing(n int, centre vg.Point, v float64, at func(k int, v float64) vg.Point) []vg.Point {
	if n >= 3 {
		ring := make([]vg.Point, 0, n+1)
		for k := range n {
			ring = append(ring, at(k, v))
		}
		return append(ring, ring[0])
	}
	const steps = 72
	r := at(0, v).Y - centre.Y
	ring := make([]vg.Point, 0, steps+1)
	for i := 0; i <= steps; i++ {
		s, c := math.Sincos(2 * math.Pi * float64(i) / steps)
		ring = append(ring, vg.Point{X: centre.X + r*vg.Length(s), Y: centre.Y + r*vg.Length(c)})
	}
	return ring
}

// radarText is the tooltip of series si at axis k: "财务 · 本年 82.5%".
func (f *frame) radarText(k, si int) string {
	c := f.c
	s := c.Series[si]
	name := s.Name
	if name == "" && len(c.Series) > 1 {
		name = "#" + string(rune('1'+si%9))
	}
	v := FormatPercent(value(s, k), 1)
	if name != "" {
		v = name + " " + v
	}
	return c.Category[k] + " · " + v
}

// translucent is col at the opacity radar fills use: enough to show the
// area, little enough that the grid and the other series show through.
func translucent(col color.Color, dark bool) color.Color {
	a := 0.18
	if dark {
		a = 0.24
	}
	r, g, b, _ := col.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(math.Round(a * 255))}
}
