package chart

import (
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// frame is one drawing of a chart: the chart, its resolved theme, and the
// hit regions the kind-specific code records while drawing.
type frame struct {
	c       *Chart
	t       theme
	regions []region
	// lay is what the drawing placed where (layout.go).
	lay layout
	// yAxisRoom is the width of the value axis' labels, set before the
	// category axis is laid out.
	yAxisRoom vg.Length
}

// handler renders plain text with gonum's default cache, where init put
// the embedded CJK font.
var handler = text.Plain{Fonts: font.DefaultCache}

// base is the size of axis and legend text in points.
func (f *frame) base() vg.Length { return vg.Length(f.t.FontSize) }

// style returns a text style of the chart font, left and bottom aligned.
func (f *frame) style(size vg.Length, col color.Color) text.Style {
	return text.Style{Color: col, Font: fontOf(float64(size)), Handler: handler}
}

// lineHeight is the height of one line of text at size.
func (f *frame) lineHeight(size vg.Length) vg.Length {
	return f.style(size, f.t.fg).Height("国")
}

// value returns series s's value at category i; missing, NaN and infinite
// values are all NaN, meaning "not drawn".
func value(s Series, i int) float64 {
	if i < 0 || i >= len(s.Values) || math.IsInf(s.Values[i], 0) {
		return math.NaN()
	}
	return s.Values[i]
}

// cell returns heat-map cell (r, col), NaN when missing.
func (f *frame) cell(r, col int) float64 {
	if r < 0 || r >= len(f.c.Cells) {
		return math.NaN()
	}
	return value(Series{Values: f.c.Cells[r]}, col)
}

// empty reports whether there is nothing to plot.
func (f *frame) empty() bool {
	c := f.c
	if len(c.Category) == 0 {
		return true
	}
	if c.Kind == HeatMap {
		if len(c.Rows) == 0 {
			return true
		}
		for r := range c.Rows {
			for i := range c.Category {
				if !math.IsNaN(f.cell(r, i)) {
					return false
				}
			}
		}
		return true
	}
	for _, s := range c.Series {
		for i := range c.Category {
			if !math.IsNaN(value(s, i)) {
				return false
			}
		}
	}
	return true
}

// noData writes c.NoData in the middle of area.
func (f *frame) noData(area draw.Canvas) {
	if f.c.NoData == "" {
		return
	}
	sty := f.style(f.base()*1.1, f.t.muted)
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
	area.FillText(sty, area.Center(), f.c.NoData)
}

// dataRange returns the smallest and largest finite value of the series
// over the categories, and whether there was any.
func (f *frame) dataRange() (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, s := range f.c.Series {
		for i := range f.c.Category {
			if v := value(s, i); !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	return lo, hi, lo <= hi
}

// newPlot returns a gonum plot styled for the theme: no background (the
// frame has filled it), the chart font everywhere, quiet axes without tick
// marks, and no padding between axes and data.
func (f *frame) newPlot() *plot.Plot {
	p := plot.New()
	p.BackgroundColor = nil
	p.TextHandler = handler
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.LineStyle = draw.LineStyle{Color: f.t.axis, Width: vg.Points(0.8)}
		a.Tick.LineStyle = draw.LineStyle{Color: f.t.axis, Width: vg.Points(0.8)}
		a.Tick.Length = 0
		a.Tick.Label = f.style(f.base(), f.t.muted)
		a.Label.TextStyle = f.style(f.base(), f.t.muted)
		a.Label.Padding = f.base() / 3
		a.Padding = 0
	}
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XCenter, draw.YTop
	p.X.Label.TextStyle.XAlign = draw.XCenter
	p.Y.Tick.Label.XAlign, p.Y.Tick.Label.YAlign = draw.XRight, draw.YCenter
	p.Y.Label.TextStyle.XAlign = draw.XCenter
	p.X.Label.Text = f.c.XLabel
	p.Y.Label.Text = f.c.YLabel
	return p
}

// valueTicker puts ticks at precomputed NiceTicks values.
type valueTicker struct {
	ticks   []float64
	percent bool
}

func (t valueTicker) Ticks(min, max float64) []plot.Tick {
	step := 1.0
	if len(t.ticks) > 1 {
		step = t.ticks[1] - t.ticks[0]
	}
	out := make([]plot.Tick, 0, len(t.ticks))
	for _, v := range t.ticks {
		out = append(out, plot.Tick{Value: v, Label: tickText(v, step, t.percent)})
	}
	return out
}

// valueAxis sets a to cover lo…hi (and zero, see NiceTicks) with about one
// tick per spacing of length, and returns the ticks.
func valueAxis(a *plot.Axis, lo, hi float64, length, spacing vg.Length, percent bool) []float64 {
	n := 5
	if spacing > 0 {
		n = clampInt(int(length/spacing)+1, 3, 9)
	}
	ticks := NiceTicks(lo, hi, n)
	if len(ticks) < 2 {
		ticks = []float64{0, 1}
	}
	a.Min, a.Max = ticks[0], ticks[len(ticks)-1]
	a.Tick.Marker = valueTicker{ticks: ticks, percent: percent}
	return ticks
}

// tickLabelsWidth is the width of the widest of a's tick labels plus the
// gap plot leaves after them, to estimate the vertical axis' width before
// drawing.
func tickLabelsWidth(a *plot.Axis) vg.Length {
	var w vg.Length
	for _, t := range a.Tick.Marker.Ticks(a.Min, a.Max) {
		w = max(w, a.Tick.Label.Width(t.Label))
	}
	w += a.Tick.Label.Width(" ")
	if a.Label.Text != "" {
		w += a.Label.TextStyle.Height(a.Label.Text) + a.Label.Padding
	}
	return w
}

// categoryTicker labels categories at 0, 1, … (or from the top down when
// reversed, for rows), leaving out all but every nth label when they would
// collide.
type categoryTicker struct {
	labels   []string
	every    int
	reversed bool
}

func (t categoryTicker) Ticks(min, max float64) []plot.Tick {
	every := max0(t.every, 1)
	n := len(t.labels)
	out := make([]plot.Tick, 0, n)
	for i, l := range t.labels {
		pos := float64(i)
		if t.reversed {
			pos = float64(n - 1 - i)
		}
		if i%every != 0 {
			l = ""
		}
		out = append(out, plot.Tick{Value: pos, Label: l})
	}
	return out
}

func max0(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// labelMode is how category labels under a horizontal axis are laid out.
type labelMode int

const (
	// skipLabels keeps labels level and leaves some out when crowded:
	// for ordered categories such as months, where the gaps are obvious.
	skipLabels labelMode = iota
	// rotateLabels turns and abbreviates labels when crowded so every
	// category keeps its name: for departments.
	rotateLabels
)

// categoryAxisX lays out n category labels under a horizontal axis whose
// categories are slot apart, no label reaching lower than maxDepth.
func (f *frame) categoryAxisX(p *plot.Plot, labels []string, slot, maxDepth vg.Length, mode labelMode) {
	a := &p.X
	n := len(labels)
	a.Min, a.Max = -0.5, float64(n)-0.5
	sty := f.style(f.base(), f.t.muted)
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
	lh := f.lineHeight(f.base())
	widest := vg.Length(0)
	for _, l := range labels {
		widest = max(widest, sty.Width(l))
	}
	t := categoryTicker{labels: labels, every: 1}
	switch {
	case widest <= slot*0.92:
	case mode == skipLabels:
		t.every = int(math.Ceil(float64((widest + lh) / max(slot, 1e-3))))
	default:
		// Rotated 45°, labels sit slot·sin45° apart; turn them upright
		// (90°) when even that is too tight, and skip beyond that.
		rot := math.Pi / 4
		if slot*0.707 < lh*1.05 {
			rot = math.Pi / 2
			t.every = int(math.Ceil(float64(lh * 1.05 / max(slot, 1e-3))))
		}
		sty.Rotation = rot
		sty.XAlign, sty.YAlign = draw.XRight, draw.YCenter
		// Abbreviate so the longest label reaches no deeper than maxDepth.
		maxW := maxDepth / vg.Length(math.Sin(rot))
		t.labels = fitLabels(sty, labels, maxW)
		// gonum hangs a turned label from the axis line by its centre
		// line, so its upper edge would cross the axis: trailing spaces
		// move the text down along its own direction until it clears.
		sin, cos := math.Sincos(rot)
		need := float64(lh/2)*cos + float64(sty.FontExtents().Descent) + 1.5
		if sp := float64(sty.Width(" ")); sp > 0 {
			pad := strings.Repeat(" ", int(math.Ceil(need/(sp*sin))))
			for i := range t.labels {
				t.labels[i] += pad
			}
		}
		p.Add(leftOverhang(sty, t, f.yAxisRoom))
	}
	a.Tick.Label = sty
	a.Tick.Marker = t
}

// leftOverhang tells the plot how far turned labels reach left of their
// categories. gonum pads the data area for the x axis' labels only on the
// right, so without this the first long label is cut off at the left
// edge. The labels may use the room under the value axis' labels (room)
// before the plot needs to move.
func leftOverhang(sty text.Style, t categoryTicker, room vg.Length) plot.Plotter {
	n := float64(len(t.labels))
	var boxes []plot.GlyphBox
	for i, tk := range t.Ticks(0, 0) {
		if tk.Label == "" {
			continue
		}
		r := sty.Rectangle(tk.Label)
		// Only the horizontal extent counts: a zero height keeps the box
		// out of the vertical padding, which the axis already handles.
		boxes = append(boxes, plot.GlyphBox{X: (float64(i) + 0.5) / n, Rectangle: vg.Rectangle{
			Min: vg.Point{X: r.Min.X + room}, Max: vg.Point{X: r.Max.X}}})
	}
	return glyphBoxes(boxes)
}

// glyphBoxes is a plotter that draws nothing and only reserves room.
type glyphBoxes []plot.GlyphBox

func (glyphBoxes) Plot(draw.Canvas, *plot.Plot)            {}
func (g glyphBoxes) GlyphBoxes(*plot.Plot) []plot.GlyphBox { return g }

// categoryAxisY lays out row labels beside a vertical axis, rows from the
// top down, abbreviated to maxWidth, and every nth when rows are thinner
// than a line of text.
func (f *frame) categoryAxisY(a *plot.Axis, labels []string, slot, maxWidth vg.Length) {
	n := len(labels)
	a.Min, a.Max = -0.5, float64(n)-0.5
	sty := f.style(f.base(), f.t.muted)
	sty.XAlign, sty.YAlign = draw.XRight, draw.YCenter
	lh := f.lineHeight(f.base())
	t := categoryTicker{labels: fitLabels(sty, labels, maxWidth), every: 1, reversed: true}
	if slot < lh*1.05 {
		t.every = int(math.Ceil(float64(lh * 1.05 / max(slot, 1e-3))))
	}
	a.Tick.Label = sty
	a.Tick.Marker = t
}

// fitLabels abbreviates each label until it is at most maxW wide. Labels
// that would be cut to the same text though they differ (long names that
// share their start: "项目 · 指标A", "项目 · 指标B") keep their ends
// instead, so that no two bars carry the same label.
func fitLabels(sty text.Style, labels []string, maxW vg.Length) []string {
	out := make([]string, len(labels))
	seen := map[string]int{}
	for i, l := range labels {
		out[i] = fitText(sty, l, maxW)
		seen[out[i]]++
	}
	for i, l := range labels {
		if out[i] != l && seen[out[i]] > 1 {
			out[i] = fitMiddle(sty, l, maxW)
		}
	}
	return out
}

// fitMiddle cuts s in the middle until it is at most maxW wide, keeping
// a third of what fits from its start and the rest from its end.
func fitMiddle(sty text.Style, s string, maxW vg.Length) string {
	r := []rune(s)
	for k := len(r) - 1; k > 2; k-- {
		head := k / 3
		if a := string(r[:head]) + "…" + string(r[len(r)-(k-1-head):]); sty.Width(a) <= maxW {
			return a
		}
	}
	return fitText(sty, s, maxW)
}

// fitText abbreviates s until it is at most maxW wide (keeping at least
// two runes, so a label never vanishes entirely).
func fitText(sty text.Style, s string, maxW vg.Length) string {
	if sty.Width(s) <= maxW {
		return s
	}
	n := len([]rune(s))
	for k := n - 1; k > 2; k-- {
		if a := abbreviate(s, k); sty.Width(a) <= maxW {
			return a
		}
	}
	return abbreviate(s, 2)
}

// grid draws value grid lines behind the data: horizontal, or vertical
// for horizontal bars. The zero line is drawn in the axis colour when the
// data cross zero, since that is where bars start.
type grid struct {
	ticks          []float64
	vertical       bool
	line, zeroLine color.Color
}

func (g grid) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, v := range g.ticks {
		col := g.line
		if v == 0 && g.ticks[0] < 0 {
			col = g.zeroLine
		}
		sty := draw.LineStyle{Color: col, Width: vg.Points(0.6)}
		if g.vertical {
			x := trX(v)
			c.StrokeLine2(sty, x, c.Min.Y, x, c.Max.Y)
		} else {
			y := trY(v)
			c.StrokeLine2(sty, c.Min.X, y, c.Max.X, y)
		}
	}
}

// plotterFunc adapts a function to plot.Plotter.
type plotterFunc func(c draw.Canvas, p *plot.Plot)

func (fn plotterFunc) Plot(c draw.Canvas, p *plot.Plot) { fn(c, p) }

// inset returns c shrunk by d on every side.
func inset(r vg.Rectangle, d vg.Length) vg.Rectangle {
	r.Min.X += d
	r.Min.Y += d
	r.Max.X -= d
	r.Max.Y -= d
	return r
}

// fillRect fills r with col.
func fillRect(c draw.Canvas, r vg.Rectangle, col color.Color) {
	if r.Max.X <= r.Min.X || r.Max.Y <= r.Min.Y {
		return
	}
	c.SetColor(col)
	c.Fill(r.Path())
}

// labelBox writes s at pt with sty over a small box of bg, so that a label
// laid across bars or lines stays readable.
func labelBox(c draw.Canvas, sty text.Style, pt vg.Point, s string, bg color.Color, pad vg.Length) {
	r := sty.Rectangle(s)
	r.Min = r.Min.Add(pt)
	r.Max = r.Max.Add(pt)
	if _, _, _, a := bg.RGBA(); a > 0 {
		fillRect(c, inset(r, -pad), bg)
	}
	c.FillText(sty, pt, s)
}
