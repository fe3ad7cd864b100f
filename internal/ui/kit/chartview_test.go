package kit

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/budgetperf/budgetperf/internal/chart"
)

func testRateChart() chart.Chart {
	return chart.Chart{Kind: chart.Bars, Title: "各科室预算执行率", Percent: true,
		Category: []string{"心血管内科", "呼吸内科", "消化内科", "神经内科", "肾内科"},
		Series:   []chart.Series{{Name: "执行率", Values: []float64{0.45, 0.82, 0.69, 0.56, 0.93}}},
		Ref:      &chart.RefLine{Value: 0.75, Label: "序时进度 75%"}}
}

// showChart puts a chart view with c in a window of size and paints it
// once, as the driver would.
func showChart(t *testing.T, c chart.Chart, size fyne.Size) (*ChartView, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	v := NewChartView()
	w := test.NewTempWindow(t, v)
	w.SetPadded(false)
	w.Resize(size)
	v.SetChart(c)
	w.Canvas().Capture()
	return v, w
}

// centre returns where, in the widget's coordinates, the chart put
// category/series.
func centre(t *testing.T, v *ChartView, category, series int) fyne.Position {
	t.Helper()
	v.mu.Lock()
	r := v.cached
	v.mu.Unlock()
	if r == nil {
		t.Fatal("chart not drawn")
	}
	x, y, ok := r.Center(category, series)
	if !ok {
		t.Fatalf("no item %d/%d", category, series)
	}
	k := float64(v.Size().Width) / float64(r.Image.Bounds().Dx())
	return fyne.NewPos(float32(x*k), float32(y*k))
}

func TestChartViewTapBar(t *testing.T) {
	v, _ := showChart(t, testRateChart(), fyne.NewSize(480, 300))
	var got []chart.Point
	v.OnTapped = func(p chart.Point) { got = append(got, p) }
	test.TapAt(v, centre(t, v, 2, 0))
	if len(got) != 1 || got[0].Category != 2 {
		t.Fatalf("tapped %+v, want category 2", got)
	}
	// Outside the plot (the title's corner) nothing is tapped.
	test.TapAt(v, fyne.NewPos(2, 2))
	if len(got) != 1 {
		t.Errorf("tap on the title reported %+v", got[1:])
	}
}

func TestChartViewHoverTooltip(t *testing.T) {
	v, _ := showChart(t, testRateChart(), fyne.NewSize(480, 300))
	renders := v.renders
	pos := centre(t, v, 1, 0)
	v.MouseIn(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}})
	want := "呼吸内科 · 执行率 82.0% · 序时进度 75%"
	if !hasText(v, want) {
		t.Fatalf("tooltip %q not shown; texts %q", want, texts(v))
	}
	// The tooltip sits inside the widget, near the pointer.
	tp := v.tip.bg.Position()
	ts := v.tip.bg.Size()
	if tp.X < 0 || tp.Y < 0 || tp.X+ts.Width > v.Size().Width || tp.Y+ts.Height > v.Size().Height {
		t.Errorf("tooltip at %v size %v outside the widget %v", tp, ts, v.Size())
	}
	v.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: centre(t, v, 4, 0)}})
	if !hasText(v, "肾内科 · 执行率 93.0%") || hasText(v, "呼吸内科") {
		t.Errorf("tooltip did not follow the pointer: %q", texts(v))
	}
	if v.Cursor() != desktop.DefaultCursor {
		t.Error("hand cursor without OnTapped")
	}
	v.MouseOut()
	if hasText(v, "肾内科") {
		t.Error("tooltip still shown after MouseOut")
	}
	// Hovering reuses the drawing.
	if v.renders != renders {
		t.Errorf("hover redrew the chart %d times", v.renders-renders)
	}
}

func TestChartViewCache(t *testing.T) {
	v, w := showChart(t, testRateChart(), fyne.NewSize(480, 300))
	n := v.renders
	if n == 0 {
		t.Fatal("chart not drawn on paint")
	}
	v.Refresh()
	w.Canvas().Capture()
	if v.renders != n {
		t.Errorf("refresh at the same size redrew the chart")
	}
	w.Resize(fyne.NewSize(600, 320))
	w.Canvas().Capture()
	if v.renders != n+1 {
		t.Errorf("resize: %d draws, want 1", v.renders-n)
	}
	c := testRateChart()
	c.Category[0] = "心内科"
	v.SetChart(c)
	w.Canvas().Capture()
	if v.renders != n+2 {
		t.Errorf("new chart: %d draws, want 1", v.renders-n-1)
	}
	// A theme variant change draws again, with light text for dark.
	dark := v.dark()
	fyne.CurrentApp().Settings().SetTheme(&variantTheme{Theme: NewTheme(), dark: !dark})
	w.Canvas().Capture()
	if v.dark() == dark || v.key.dark == dark {
		t.Errorf("theme change not followed: dark %v, drawn dark %v", v.dark(), v.key.dark)
	}
}

// On a HiDPI canvas the image has more pixels and taps still find bars.
func TestChartViewHiDPI(t *testing.T) {
	v, _ := showChart(t, testRateChart(), fyne.NewSize(480, 300))
	img := v.generate(960, 600)
	if b := img.Bounds(); b.Dx() != 960 || b.Dy() != 600 {
		t.Fatalf("image %v", b)
	}
	if v.cached.Scale != 2 {
		t.Errorf("scale %v, want 2", v.cached.Scale)
	}
	var got chart.Point
	v.OnTapped = func(p chart.Point) { got = p }
	test.TapAt(v, centre(t, v, 3, 0))
	if got.Category != 3 {
		t.Errorf("tapped %+v, want category 3", got)
	}
}

func TestChartViewEmpty(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	v := NewChartView()
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(400, 250))
	w.Canvas().Capture() // no chart yet: nothing drawn, no panic
	test.TapAt(v, fyne.NewPos(100, 100))
	v.MouseIn(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(100, 100)}})
	if v.tip.visible() {
		t.Error("tooltip without a chart")
	}
	if ms := v.MinSize(); ms.Width < 360 || ms.Height < 220 {
		t.Errorf("MinSize %v", ms)
	}
	// A chart with nothing in it shows its NoData text and taps nothing.
	v.SetChart(chart.Chart{Kind: chart.Lines, Title: "累计", NoData: "暂无数据"})
	w.Canvas().Capture()
	tapped := false
	v.OnTapped = func(chart.Point) { tapped = true }
	test.TapAt(v, fyne.NewPos(200, 125))
	if tapped {
		t.Error("tap on an empty chart")
	}
}

// Long tooltips break into lines so they stay inside a narrow chart.
func TestChartTipWraps(t *testing.T) {
	test.NewTempApp(t)
	tip := newTipBox(chartTipLines)
	text := strings.Repeat("很长的科室名称", 3) + " · 计划 12,345,678.00 万元 · 实际 11,000,000.00 万元"
	tip.show(text, fyne.NewPos(10, 10), fyne.NewSize(220, 200), NewTheme())
	var shown []string
	for _, l := range tip.lines {
		if l.Visible() {
			shown = append(shown, l.Text)
		}
	}
	if len(shown) != 3 || shown[1] != "计划 12,345,678.00 万元" {
		t.Errorf("lines %q", shown)
	}
}

// variantTheme forces a variant, as the system's dark/light switch would.
type variantTheme struct {
	fyne.Theme
	dark bool
}

func (t *variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	v := theme.VariantLight
	if t.dark {
		v = theme.VariantDark
	}
	return t.Theme.Color(n, v)
}
