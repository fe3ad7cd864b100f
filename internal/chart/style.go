package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
)

// Style is how a chart is drawn, as opposed to what it shows. The zero
// value is the report style: dark text on white at 1 pixel per point.
type Style struct {
	// Dark draws light text and grid lines for a dark background (the
	// window's dark theme); otherwise dark on light (light theme, reports).
	Dark bool
	// Scale is the number of pixels per point when rendering to an image
	// (Fyne's canvas scale on HiDPI screens). Text and lines keep their
	// size in points, so a chart at scale 2 looks the same, only sharper.
	// Zero means 1.
	Scale float64
	// FontSize is the size of axis and legend text in points; the title is
	// a little larger. Zero means 10.
	FontSize float64
	// Background fills the chart. Nil means the default of the theme (white,
	// or the dark window background); color.Transparent lets whatever is
	// behind the chart (a card) show through.
	Background color.Color
}

// styleOf returns the first of opts with defaults filled in.
func styleOf(opts []Style) Style {
	var s Style
	if len(opts) > 0 {
		s = opts[0]
	}
	if !(s.Scale > 0) || math.IsInf(s.Scale, 0) {
		s.Scale = 1
	}
	if !(s.FontSize > 0) || math.IsInf(s.FontSize, 0) {
		s.FontSize = 10
	}
	if s.Background == nil {
		if s.Dark {
			s.Background = color.NRGBA{0x17, 0x17, 0x1a, 0xff}
		} else {
			s.Background = color.White
		}
	}
	return s
}

// theme holds the resolved colours and sizes for one drawing.
type theme struct {
	Style
	fg, muted, axis, grid, track, ref color.Color
	series                            []color.Color
}

func newTheme(s Style) theme {
	t := theme{Style: s}
	if s.Dark {
		t.fg = color.NRGBA{0xe8, 0xe8, 0xea, 0xff}
		t.muted = color.NRGBA{0xa8, 0xa8, 0xae, 0xff}
		t.axis = color.NRGBA{0x80, 0x80, 0x86, 0xff}
		t.grid = color.NRGBA{0x3a, 0x3a, 0x40, 0xff}
		t.track = color.NRGBA{0x33, 0x33, 0x38, 0xff}
		t.ref = color.NRGBA{0xff, 0x8a, 0x80, 0xff}
		t.series = seriesDark
	} else {
		t.fg = color.NRGBA{0x22, 0x22, 0x22, 0xff}
		t.muted = color.NRGBA{0x5a, 0x5a, 0x5a, 0xff}
		t.axis = color.NRGBA{0x70, 0x70, 0x70, 0xff}
		t.grid = color.NRGBA{0xe2, 0xe2, 0xe2, 0xff}
		t.track = color.NRGBA{0xec, 0xec, 0xec, 0xff}
		t.ref = color.NRGBA{0xb7, 0x1c, 0x1c, 0xff}
		t.series = seriesLight
	}
	return t
}

// Series colours. Consecutive entries differ in lightness (CIE L* given)
// as well as hue so that two series stay apart on a greyscale printout;
// dashes and point shapes separate the rest. The dark list starts with the
// lightest colour because contrast against a dark background comes from
// lightness.
var (
	seriesLight = []color.Color{
		color.NRGBA{0x1f, 0x4e, 0x99, 0xff}, // blue, L* 34
		color.NRGBA{0xe8, 0x90, 0x2a, 0xff}, // orange, L* 67
		color.NRGBA{0x2f, 0x80, 0x48, 0xff}, // green, L* 48
		color.NRGBA{0x9b, 0x59, 0xb6, 0xff}, // purple, L* 49
	}
	seriesDark = []color.Color{
		color.NRGBA{0xa8, 0xc8, 0xff, 0xff}, // light blue, L* 80
		color.NRGBA{0xe0, 0x7b, 0x1f, 0xff}, // orange, L* 62
		color.NRGBA{0x2e, 0x8b, 0x57, 0xff}, // green, L* 52
		color.NRGBA{0xc3, 0x9b, 0xd3, 0xff}, // lilac, L* 69
	}
)

// seriesColor returns the colour of series i.
func (t theme) seriesColor(i int) color.Color {
	if i < 0 {
		i = -i
	}
	return t.series[i%len(t.series)]
}

// seriesDashes returns the dash pattern of series i: the series' own
// Dashed flag first, and beyond the palette's length a pattern per round
// so that repeated colours are still told apart.
func seriesDashes(s Series, i int, size vg.Length) []vg.Length {
	round := i / len(seriesLight)
	switch {
	case s.Dashed && round%2 == 0:
		return []vg.Length{size * 3, size * 2}
	case s.Dashed:
		return []vg.Length{size * 5, size * 2, size, size * 2}
	case round%2 == 1:
		return []vg.Length{size, size * 1.5}
	}
	return nil
}

// Band colours by Level, 0 good, 1 warning, 2 bad, 3 far ahead. Their
// lightness steps apart by at least 14 L* (amber 82, green 68, red 46,
// blue 28) so that a greyscale print still shows four levels; they are
// fills, so the same colours serve dark and light backgrounds.
var bandColors = []color.Color{
	color.NRGBA{0x62, 0xb8, 0x6a, 0xff}, // green, L* 68
	color.NRGBA{0xf6, 0xc4, 0x45, 0xff}, // amber, L* 82
	color.NRGBA{0xc4, 0x3c, 0x30, 0xff}, // red, L* 46
	color.NRGBA{0x1a, 0x3f, 0x80, 0xff}, // blue, L* 28
}

// noBand fills a value that no band holds.
var noBand = color.NRGBA{0x9e, 0x9e, 0x9e, 0xff}

// BandColor returns the colour of a band level; an unknown level is grey.
func BandColor(level int) color.Color {
	if level < 0 || level >= len(bandColors) {
		return noBand
	}
	return bandColors[level]
}

// FindBand returns the first band whose [Min, Max) holds v. NaN is in no
// band. An infinite Min or Max leaves that side open.
func FindBand(bands []Band, v float64) (Band, bool) {
	if math.IsNaN(v) {
		return Band{}, false
	}
	for _, b := range bands {
		if v >= b.Min && v < b.Max {
			return b, true
		}
	}
	return Band{}, false
}

// valueColor is the fill for v under bands, or def when no band holds it.
func valueColor(bands []Band, v float64, def color.Color) color.Color {
	if b, ok := FindBand(bands, v); ok {
		return BandColor(b.Level)
	}
	return def
}

// luminance is the relative luminance (0 black … 1 white) of c, used to
// pick black or white text on a filled cell.
func luminance(c color.Color) float64 {
	r, g, b, a := c.RGBA()
	if a == 0 {
		return 1
	}
	lin := func(v uint32) float64 {
		x := float64(v) / float64(a)
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// textOn returns a readable text colour on fill.
func textOn(fill color.Color) color.Color {
	if luminance(fill) > 0.3 {
		return color.NRGBA{0x1a, 0x1a, 0x1a, 0xff}
	}
	return color.White
}
