package chart

import (
	"fmt"

	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"

	"github.com/budgetperf/budgetperf/assets"
)

// typeface is the name under which the embedded CJK font is registered in
// gonum's font cache.
const typeface font.Typeface = assets.FontName

// fontErr records a failure to parse the embedded font; Render and Draw
// report it instead of silently falling back to a Latin-only font that would
// draw Chinese labels as boxes.
var fontErr error

// init registers the embedded WenQuanYi Micro Hei in gonum's default font
// cache and makes it plot's default font. This happens once at start-up
// (not lazily) because plot.DefaultFont is a plain global that concurrent
// renders read: writing it later would race. Parsing only indexes the
// TrueType tables, so it costs milliseconds, not the font's 4.6 MB.
func init() {
	ttf, err := opentype.Parse(assets.FontRegular())
	if err != nil {
		fontErr = fmt.Errorf("chart: embedded font: %w", err)
		return
	}
	f := font.Font{Typeface: typeface}
	font.DefaultCache.Add(font.Collection{{Font: f, Face: ttf}})
	plot.DefaultFont = f
}

// fontOf returns the chart font at size (in points).
func fontOf(size float64) font.Font {
	return font.Font{Typeface: typeface, Size: font.Length(size)}
}
