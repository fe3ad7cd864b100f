package kit

import (
	"image"
	"image/color"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/chart"
)

// ChartView shows a chart.Chart. The chart is drawn by package chart into
// an image at the widget's pixel size (sharp on HiDPI screens) and kept
// until the size, the chart or the theme changes, so hovering and
// scrolling never redraw it. Hovering shows what is under the pointer;
// tapping a bar, cell or point calls OnTapped, for drilling down.
type ChartView struct {
	widget.BaseWidget

	// OnTapped is called with what was tapped; nil makes taps do nothing.
	OnTapped func(p chart.Point)

	raster *canvas.Raster
	tip    *tipBox

	// mu guards the chart and the cache: the raster's generator runs in
	// the driver's paint pass, which need not be the goroutine of events.
	mu       sync.Mutex
	chart    chart.Chart
	hasChart bool
	gen      int // bumped by SetChart, part of the cache key
	cached   *chart.Rendered
	key      chartKey
	renders  int // how many times the chart was drawn, for tests
}

// chartKey identifies a drawing: the same chart at the same pixel size in
// the same theme is the same image.
type chartKey struct {
	w, h, gen int
	dark      bool
}

// chartMinSize fits a dashboard card at 1366×768 with two charts side by side.
var chartMinSize = fyne.NewSize(360, 220)

func NewChartView() *ChartView {
	v := &ChartView{tip: newTipBox(chartTipLines)}
	v.raster = canvas.NewRaster(v.generate)
	v.ExtendBaseWidget(v)
	return v
}

// SetChart shows c, replacing what was shown.
func (v *ChartView) SetChart(c chart.Chart) {
	v.mu.Lock()
	v.chart, v.hasChart = c, true
	v.gen++
	v.cached = nil
	v.mu.Unlock()
	v.tip.hide()
	v.Refresh()
}

// Chart is the chart model the view draws.
func (v *ChartView) Chart() chart.Chart {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.chart
}

// MinSize is at least the chart's minimum size.
func (v *ChartView) MinSize() fyne.Size {
	v.ExtendBaseWidget(v)
	return v.BaseWidget.MinSize().Max(chartMinSize)
}

// generate is the raster's generator: the chart at w×h pixels.
func (v *ChartView) generate(w, h int) image.Image {
	scale := float32(1)
	if sz := v.Size(); sz.Width > 0 && w > 0 {
		scale = float32(w) / sz.Width
	}
	if r := v.render(w, h, scale); r != nil {
		return r.Image
	}
	return image.NewNRGBA(image.Rect(0, 0, 1, 1)) // nothing to show: transparent
}

// render returns the chart drawn at w×h pixels at scale pixels per
// Fyne unit, from the cache when nothing changed.
func (v *ChartView) render(w, h int, scale float32) *chart.Rendered {
	if w <= 0 || h <= 0 {
		return nil
	}
	dark := v.dark()
	v.mu.Lock()
	defer v.mu.Unlock()
	if !v.hasChart {
		return nil
	}
	k := chartKey{w: w, h: h, gen: v.gen, dark: dark}
	if v.cached != nil && v.key == k {
		return v.cached
	}
	// Text sizes follow the theme's, in points at the canvas scale, so a
	// chart's labels match the labels around it.
	st := chart.Style{Dark: dark, Scale: float64(scale), FontSize: float64(v.Theme().Size(theme.SizeNameCaptionText)) * 0.92, Background: color.Transparent}
	r, err := chart.Render(v.chart, w, h, st)
	v.renders++
	if err != nil {
		fyne.LogError("drawing chart "+v.chart.Title, err)
		return nil
	}
	v.cached, v.key = r, k
	return r
}

// dark reports whether the theme's background is dark, so the chart draws
// light text and grid lines on it.
func (v *ChartView) dark() bool {
	r, g, b, _ := theme.ColorForWidget(theme.ColorNameBackground, v).RGBA()
	return 0.2126*float64(r)+0.7152*float64(g)+0.0722*float64(b) < 0.5*0xffff
}

// scale is the canvas' pixels per Fyne unit (1 when not on a canvas yet).
func (v *ChartView) scale() float32 {
	if a := fyne.CurrentApp(); a != nil {
		if c := a.Driver().CanvasForObject(v); c != nil && c.Scale() > 0 {
			return c.Scale()
		}
	}
	return 1
}

// hit returns what is at pos (in the widget's coordinates). It uses the
// drawing on screen, drawing it first if the driver has not yet.
func (v *ChartView) hit(pos fyne.Position) (chart.Point, bool) {
	sz := v.Size()
	if sz.Width <= 0 || sz.Height <= 0 {
		return chart.Point{}, false
	}
	v.mu.Lock()
	r := v.cached
	v.mu.Unlock()
	if r == nil {
		s := v.scale()
		r = v.render(int(math.Ceil(float64(sz.Width*s))), int(math.Ceil(float64(sz.Height*s))), s)
		if r == nil {
			return chart.Point{}, false
		}
	}
	b := r.Image.Bounds()
	return r.Hit(float64(pos.X)*float64(b.Dx())/float64(sz.Width), float64(pos.Y)*float64(b.Dy())/float64(sz.Height))
}

// Tapped calls OnTapped with what is under the pointer.
func (v *ChartView) Tapped(ev *fyne.PointEvent) {
	if v.OnTapped == nil {
		return
	}
	if p, ok := v.hit(ev.Position); ok {
		v.OnTapped(p)
	}
}

// MouseIn shows the tooltip of what is under the pointer.
func (v *ChartView) MouseIn(ev *desktop.MouseEvent) { v.MouseMoved(ev) }

// MouseMoved moves the tooltip with the pointer.
func (v *ChartView) MouseMoved(ev *desktop.MouseEvent) {
	p, ok := v.hit(ev.Position)
	if !ok || p.Text == "" {
		v.tip.hide()
		return
	}
	v.tip.show(p.Text, ev.Position, v.Size(), v.Theme())
}

// MouseOut hides the tooltip.
func (v *ChartView) MouseOut() { v.tip.hide() }

// Cursor shows a hand when taps do something.
func (v *ChartView) Cursor() desktop.Cursor {
	if v.OnTapped != nil && v.tip.visible() {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

func (v *ChartView) CreateRenderer() fyne.WidgetRenderer {
	return &chartViewRenderer{v: v}
}

type chartViewRenderer struct{ v *ChartView }

func (r *chartViewRenderer) Layout(size fyne.Size) {
	r.v.raster.Move(fyne.NewPos(0, 0))
	r.v.raster.Resize(size)
}

func (r *chartViewRenderer) MinSize() fyne.Size { return chartMinSize }

func (r *chartViewRenderer) Refresh() {
	r.v.tip.restyle(r.v.Theme())
	r.v.raster.Refresh()
}

func (r *chartViewRenderer) Objects() []fyne.CanvasObject {
	return append([]fyne.CanvasObject{r.v.raster}, r.v.tip.objects()...)
}

func (r *chartViewRenderer) Destroy() {}
