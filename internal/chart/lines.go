package chart

import (
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// glyphShapes mark the points of series 0, 1, …: shape tells series apart
// where colour cannot (greyscale print).
var glyphShapes = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.SquareGlyph{}, draw.TriangleGlyph{}, draw.RingGlyph{}}

// lineStyle is how series i is stroked: solid actuals thicker than the
// dashed plans, which are a reference rather than the news.
func (f *frame) lineStyle(s Series, i int) draw.LineStyle {
	w := vg.Points(2)
	if s.Dashed {
		w = vg.Points(1.6)
	}
	return draw.LineStyle{Color: f.t.seriesColor(i), Width: w, Dashes: seriesDashes(s, i, vg.Points(2))}
}

// glyph is the point marker of series i.
func (f *frame) glyph(i int) draw.GlyphStyle {
	return draw.GlyphStyle{Color: f.t.seriesColor(i), Radius: vg.Points(2.6), Shape: glyphShapes[i%len(glyphShapes)]}
}

// lines draws one line per series over the categories. A NaN value breaks
// the line (a month not yet closed is not zero); a point with no neighbour
// still shows as its marker.
func (f *frame) lines(area draw.Canvas) {
	c := f.c
	n := len(c.Category)
	p := f.newPlot()
	lo, hi, _ := f.dataRange()
	plotH := area.Max.Y - area.Min.Y - f.lineHeight(f.base())*2
	ticks := valueAxis(&p.Y, lo, hi, plotH, f.lineHeight(f.base())*3, c.Percent)
	p.Y.LineStyle.Width = 0
	yw := tickLabelsWidth(&p.Y)
	slot := (area.Max.X - area.Min.X - yw) / vg.Length(n)
	f.categoryAxisX(p, c.Category, slot, 0, skipLabels)
	p.Add(grid{ticks: ticks, line: f.t.grid, zeroLine: f.t.axis})
	markers := n <= 31
	p.Add(plotterFunc(func(dc draw.Canvas, p *plot.Plot) {
		trX, trY := p.Transforms(&dc)
		f.mark(dc, trX, n)
		for si, s := range c.Series {
			var run []vg.Point
			var runs [][]vg.Point
			for i := 0; i < n; i++ {
				v := value(s, i)
				if math.IsNaN(v) {
					if len(run) > 0 {
						runs = append(runs, run)
					}
					run = nil
					continue
				}
				run = append(run, vg.Point{X: trX(float64(i)), Y: trY(v)})
			}
			if len(run) > 0 {
				runs = append(runs, run)
			}
			dc.StrokeLines(f.lineStyle(s, si), runs...)
			f.drewSeries(si, f.lineStyle(s, si).Color)
			for _, r := range runs {
				if !markers && len(r) > 1 {
					continue
				}
				for _, pt := range r {
					dc.DrawGlyph(f.glyph(si), pt)
				}
			}
		}
		// One hit column per category, remembering each series' y there.
		for i := 0; i < n; i++ {
			g := region{
				rect: vg.Rectangle{
					Min: vg.Point{X: trX(float64(i) - 0.5), Y: dc.Min.Y},
					Max: vg.Point{X: trX(float64(i) + 0.5), Y: dc.Max.Y},
				},
				p: Point{Category: i, Text: f.categoryText(i)},
			}
			for _, s := range c.Series {
				y := vg.Length(math.NaN())
				if v := value(s, i); !math.IsNaN(v) {
					y = trY(v)
				}
				g.ys = append(g.ys, y)
			}
			f.regions = append(f.regions, g)
		}
	}))
	p.Draw(area)
}

// categoryText is the tooltip of category i: its name and every series'
// value there ("3月 · 计划 12,345.67 万元 · 实际 —"), plus the reference
// line's label when there is one.
func (f *frame) categoryText(i int) string {
	c := f.c
	dec := c.decimals()
	parts := []string{c.Category[i]}
	for si, s := range c.Series {
		name := s.Name
		if name == "" && len(c.Series) > 1 {
			name = "#" + string(rune('1'+si%9))
		}
		v := c.valueText(value(s, i), dec)
		if name != "" {
			v = name + " " + v
		}
		parts = append(parts, v)
	}
	if c.Ref != nil && !math.IsNaN(c.Ref.Value) {
		parts = append(parts, refLabel(c))
	}
	return strings.Join(parts, " · ")
}

// mark draws the chart's vertical reference dashed from bottom to top,
// its label just right of it at the top (left of it near the right edge).
func (f *frame) mark(dc draw.Canvas, trX func(float64) vg.Length, n int) {
	m := f.c.Mark
	if m == nil || math.IsNaN(m.At) || m.At < 0 || m.At > float64(n-1) {
		return
	}
	x := trX(m.At)
	dc.StrokeLine2(draw.LineStyle{Color: f.t.ref, Width: vg.Points(1.5), Dashes: []vg.Length{vg.Points(5), vg.Points(3)}},
		x, dc.Min.Y, x, dc.Max.Y)
	if m.Label == "" {
		return
	}
	sty := f.style(f.base()*0.9, f.t.ref)
	pad := f.base() * 0.3
	w, h := sty.Width(m.Label), sty.Height(m.Label)
	lx := x + pad
	if lx+w > dc.Max.X {
		lx = x - pad - w
	}
	f.placeText(dc, textRef, sty, vg.Point{X: lx, Y: dc.Max.Y - h}, m.Label)
}
