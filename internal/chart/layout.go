package chart

import (
	"image/color"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The layout model: what a drawing placed where, recorded as it draws, so
// that the rules of placement (no label over another, none across a
// reference line, the legend's colours those of the data) are checked on
// the model rather than on pixels.

// textKind says what a placed text is.
type textKind int

const (
	textTitle  textKind = iota
	textLegend          // a legend entry's label
	textValue           // a value written at a bar, a progress row or a heat-map cell
	textRef             // the reference line's label
)

// placedText is a text drawn by the chart (not by gonum's axes) and its
// box in canvas coordinates.
type placedText struct {
	kind  textKind
	text  string
	box   vg.Rectangle
	color color.Color // the text's colour
	fill  color.Color // for a heat-map cell's value, the cell's fill
}

// legendEntry is one entry of the legend and the colour of its key.
type legendEntry struct {
	label string
	color color.Color
}

// segment is a straight line drawn across the data: the reference line
// of a bar chart, or the expected mark of a progress row.
type segment struct{ a, b vg.Point }

// layout is what one drawing placed.
type layout struct {
	texts  []placedText
	legend []legendEntry
	lines  []segment              // reference lines and expected marks
	series map[string]color.Color // each named series' colour as drawn
}

// placeText writes s at pt and records its box.
func (f *frame) placeText(dc draw.Canvas, kind textKind, sty text.Style, pt vg.Point, s string) {
	dc.FillText(sty, pt, s)
	f.record(kind, sty, pt, s, nil)
}

// record notes the box of s written at pt with sty.
func (f *frame) record(kind textKind, sty text.Style, pt vg.Point, s string, fill color.Color) {
	f.lay.texts = append(f.lay.texts, placedText{kind: kind, text: s, box: textRect(sty, pt, s), color: sty.Color, fill: fill})
}

// drewSeries notes the colour series i was drawn in.
func (f *frame) drewSeries(i int, col color.Color) {
	if i >= len(f.c.Series) || f.c.Series[i].Name == "" {
		return
	}
	if f.lay.series == nil {
		f.lay.series = map[string]color.Color{}
	}
	f.lay.series[f.c.Series[i].Name] = col
}

// textRect is the box of s written at pt with sty.
func textRect(sty text.Style, pt vg.Point, s string) vg.Rectangle {
	r := sty.Rectangle(s)
	return vg.Rectangle{Min: r.Min.Add(pt), Max: r.Max.Add(pt)}
}

// overlaps reports whether a and b share more than a hairline.
func overlaps(a, b vg.Rectangle) bool {
	const eps = 0.25
	return a.Min.X < b.Max.X-eps && b.Min.X < a.Max.X-eps && a.Min.Y < b.Max.Y-eps && b.Min.Y < a.Max.Y-eps
}

// crosses reports whether segment s passes through box r, widened by gap.
func (s segment) crosses(r vg.Rectangle, gap vg.Length) bool {
	r = inset(r, -gap)
	if s.a.Y == s.b.Y { // horizontal
		return s.a.Y > r.Min.Y && s.a.Y < r.Max.Y && min(s.a.X, s.b.X) < r.Max.X && max(s.a.X, s.b.X) > r.Min.X
	}
	// upright
	return s.a.X > r.Min.X && s.a.X < r.Max.X && min(s.a.Y, s.b.Y) < r.Max.Y && max(s.a.Y, s.b.Y) > r.Min.Y
}
