package chart

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/recorder"
)

// drawn draws c at w×h points and returns what it placed where.
func drawn(t *testing.T, c Chart, w, h vg.Length, st Style) *frame {
	t.Helper()
	var rec recorder.Canvas
	f, err := drawFrame(c, &rec, w, h, styleOf([]Style{st}))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// sameColor compares two colours by their RGBA values.
func sameColor(a, b color.Color) bool {
	if a == nil || b == nil {
		return a == b
	}
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// checkPlacement fails when two texts the chart placed overlap, or a
// value crosses a reference line or an expected mark.
func checkPlacement(t *testing.T, name string, f *frame) {
	t.Helper()
	texts := f.lay.texts
	for i := range texts {
		for j := i + 1; j < len(texts); j++ {
			if overlaps(texts[i].box, texts[j].box) {
				t.Errorf("%s: %q %v overlaps %q %v", name, texts[i].text, texts[i].box, texts[j].text, texts[j].box)
			}
		}
		if texts[i].kind != textValue {
			continue
		}
		for _, l := range f.lay.lines {
			if l.crosses(texts[i].box, 0) {
				t.Errorf("%s: value %q %v crosses the line %v–%v", name, texts[i].text, texts[i].box, l.a, l.b)
			}
		}
	}
}

// rateBars is a department execution-rate chart with the time-progress
// line at ref and bars of rates around it.
func rateBars(n int, ref float64, rates ...float64) Chart {
	c := Chart{Kind: Bars, Title: "各科室支出预算执行率", Percent: true, Ref: &RefLine{Value: ref, Label: fmt.Sprintf("序时进度 %.0f%%", ref*100)}}
	s := Series{Name: "执行率"}
	for i := 0; i < n; i++ {
		c.Category = append(c.Category, fmt.Sprintf("科室%d", i+1))
		s.Values = append(s.Values, rates[i%len(rates)])
	}
	c.Series = []Series{s}
	return c
}

// Bar values never sit on the time-progress line nor on each other or its
// label, whatever the bars' heights around the line and the chart's size.
func TestBarValuesClearTheProgressLine(t *testing.T) {
	cases := []struct {
		name  string
		c     Chart
		w, h  vg.Length
		extra func(c *Chart)
	}{
		{"tops just under the line", rateBars(6, 0.75, 0.72, 0.74, 0.70, 0.73), 480, 300, nil},
		{"tops just over the line", rateBars(6, 0.75, 0.76, 0.78, 0.80, 0.77), 480, 300, nil},
		{"mixed around the line", rateBars(8, 0.5, 0.48, 0.52, 0.3, 0.9, 0.49, 0.51, 1.2, 0.05), 480, 300, nil},
		{"small card", rateBars(5, 0.42, 0.40, 0.41, 0.44, 0.39, 0.1), 270, 165, nil},
		{"wide window", rateBars(10, 0.917, 0.9, 0.93, 0.91, 0.95, 0.88), 900, 300, nil},
		{"line at the top", rateBars(4, 1.0, 0.97, 0.99, 0.98, 0.96), 400, 250, nil},
		{"negative rates", rateBars(6, 0.25, -0.1, 0.24, 0.26, -0.02, 0.2), 480, 300, nil},
		{"levels coloured", rateBars(6, 0.75, 0.74, 0.2, 0.76, 1.1), 480, 300, func(c *Chart) {
			c.Levels = []int{0, 2, 0, 3, 0, 2}
			c.Bands = []Band{{Min: math.NaN(), Max: math.NaN(), Level: 2, Label: "预警"}, {Min: math.NaN(), Max: math.NaN(), Level: 0, Label: "正常"}, {Min: math.NaN(), Max: math.NaN(), Level: 3, Label: "提示"}}
		}},
	}
	for _, tc := range cases {
		if tc.extra != nil {
			tc.extra(&tc.c)
		}
		for _, st := range []Style{{}, {FontSize: 12}} {
			f := drawn(t, tc.c, tc.w, tc.h, st)
			name := fmt.Sprintf("%s (font %v)", tc.name, st.FontSize)
			checkPlacement(t, name, f)
			if len(f.lay.lines) != 1 {
				t.Errorf("%s: %d reference lines drawn", name, len(f.lay.lines))
			}
			values := 0
			for _, x := range f.lay.texts {
				if x.kind == textValue {
					values++
				}
			}
			if values < len(tc.c.Category)/2 {
				t.Errorf("%s: only %d of %d values written", name, values, len(tc.c.Category))
			}
		}
	}
}

// Progress rows' completion never sits on the expected mark.
func TestProgressValuesClearTheExpectedMark(t *testing.T) {
	c := sampleProgress()
	c.Series[0].Values = []float64{0.74, 0.76, 0.5, 1.02, 0.99, 0.2}
	c.Series[1].Values = []float64{0.75, 0.75, 0.52, 1.0, 1.0, 0.22}
	c.Category = c.Category[:0]
	for i := range c.Series[0].Values {
		c.Category = append(c.Category, fmt.Sprintf("目标%d", i+1))
	}
	for _, size := range [][2]vg.Length{{480, 300}, {360, 220}, {900, 400}} {
		f := drawn(t, c, size[0], size[1], Style{})
		checkPlacement(t, fmt.Sprintf("progress %v", size), f)
		if len(f.lay.lines) != len(c.Category) {
			t.Errorf("%v: %d marks for %d rows", size, len(f.lay.lines), len(c.Category))
		}
	}
}

// A heat-map value shows in one colour only: a cell at -4.96% is not
// written "-5%" beside a red "-5%" of -5.04%; and every colour of the
// cells is explained by a legend entry of that colour.
func TestHeatMapTextsAndLegendAgree(t *testing.T) {
	inf := math.Inf(1)
	bands := []Band{
		{Min: -inf, Max: -0.05, Level: 2, Label: "大幅低于计划"},
		{Min: -0.05, Max: -0.02, Level: 1, Label: "低于计划"},
		{Min: -0.02, Max: 0.02 + 1e-12, Level: 0, Label: "符合计划"},
		{Min: 0.02 + 1e-12, Max: 0.05 + 1e-12, Level: 1, Label: "高于计划"},
		{Min: 0.05 + 1e-12, Max: inf, Level: 2, Label: "大幅高于计划"},
	}
	rows := [][]float64{
		{-0.0504, -0.0496, -0.05, -0.0451, -0.0549, -0.02, -0.0204},
		{0.0496, 0.0504, 0.05, 0.0199, 0.0201, 0.1, -0.3},
		{-0.0195, 0.0195, 0, math.NaN(), -0.0205, 0.0205, 0.055},
	}
	c := Chart{Kind: HeatMap, Title: "各科室逐月累计支出偏差率", Percent: true, Bands: bands, Rows: []string{"内科", "外科", "产科"}}
	for i := range rows[0] {
		c.Category = append(c.Category, fmt.Sprintf("%d月", i+1))
	}
	c.Cells = rows
	for _, size := range [][2]vg.Length{{560, 260}, {900, 300}} {
		f := drawn(t, c, size[0], size[1], Style{})
		checkPlacement(t, fmt.Sprintf("heat map %v", size), f)
		fills := map[string]color.Color{}
		cells := 0
		for _, x := range f.lay.texts {
			if x.kind != textValue {
				continue
			}
			cells++
			if was, ok := fills[x.text]; ok && !sameColor(was, x.fill) {
				t.Errorf("%v: %q shows on %v and on %v", size, x.text, was, x.fill)
			}
			fills[x.text] = x.fill
			if !legendHas(f, x.fill) {
				t.Errorf("%v: the colour %v of %q is in no legend entry", size, x.fill, x.text)
			}
		}
		if cells < 15 {
			t.Errorf("%v: only %d cells written", size, cells)
		}
		checkBandLegend(t, f, bands)
	}
	// The short form keeps its band: whole percents where they do.
	f := &frame{c: &c}
	for v, want := range map[float64]string{-0.0504: "-5.04%", -0.0496: "-5%", -0.05: "-5%", -0.03: "-3%", 0.0201: "2.01%", 0.0504: "5.04%", 0.049: "5%"} {
		if got := f.cellValue(v); got != want {
			t.Errorf("cellValue(%v) = %q, want %q", v, got, want)
		}
	}
}

// legendHas reports whether a legend entry of f has colour col.
func legendHas(f *frame, col color.Color) bool {
	for _, e := range f.lay.legend {
		if sameColor(e.color, col) {
			return true
		}
	}
	return false
}

// checkBandLegend fails when a band's legend entry has not its band's colour.
func checkBandLegend(t *testing.T, f *frame, bands []Band) {
	t.Helper()
	for _, e := range f.lay.legend {
		found := false
		for _, b := range bands {
			if b.Label == e.label {
				found = true
				if !sameColor(e.color, BandColor(b.Level)) {
					t.Errorf("legend %q is %v, its band %v", e.label, e.color, BandColor(b.Level))
				}
			}
		}
		if !found && len(f.c.Series) < 2 {
			t.Errorf("legend %q is no band", e.label)
		}
	}
}

// Each series' legend entry has the colour the series is drawn in; a
// progress chart's band entries have their bands' colours.
func TestLegendColoursAreTheSeriesColours(t *testing.T) {
	grouped := sampleBars(6)
	grouped.Series = append(grouped.Series, Series{Name: "上年", Values: []float64{0.5, 0.6, 0.7, 0.4, 0.3, 0.9}})
	for name, c := range map[string]Chart{"lines": sampleLines(), "grouped bars": grouped} {
		for _, st := range []Style{{}, {Dark: true}} {
			f := drawn(t, c, 480, 300, st)
			checkPlacement(t, name, f)
			if len(f.lay.legend) < 2 {
				t.Fatalf("%s: legend %v", name, f.lay.legend)
			}
			for _, e := range f.lay.legend {
				if col, ok := f.lay.series[e.label]; !ok || !sameColor(col, e.color) {
					t.Errorf("%s dark=%v: legend %q is %v, the series is drawn in %v", name, st.Dark, e.label, e.color, col)
				}
			}
		}
	}
	p := sampleProgress()
	f := drawn(t, p, 480, 300, Style{})
	checkBandLegend(t, f, p.Bands)
}
