package chart

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	stddraw "image/draw"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// maxPixels bounds the image Render allocates (4 bytes a pixel): a chart
// larger than a 8K screen is a caller's mistake, not something to try.
const maxPixels = 8192 * 8192

// Rendered is a chart drawn into an image, with what is where in it.
type Rendered struct {
	Image *image.RGBA
	// Scale is the number of pixels per point the image was drawn at.
	Scale   float64
	regions []pxRegion
}

// pxRegion is a hit area in image pixels (origin top left).
type pxRegion struct {
	x0, y0, x1, y1 float64
	p              Point
	// ys holds, for a Lines category, each series' y at that category
	// (NaN where the value is missing) so a hit picks the nearest line.
	ys []float64
}

// Render draws c into a width×height RGBA image (see Style; at most one
// style is used, none means the report style). The result remembers where
// each bar, cell, row or category went, for Hit.
func Render(c Chart, width, height int, opts ...Style) (*Rendered, error) {
	if width <= 0 || height <= 0 || width > maxPixels/height {
		return nil, fmt.Errorf("chart: cannot render %d×%d pixels", width, height)
	}
	st := styleOf(opts)
	dpi := int(math.Round(72 * st.Scale))
	if dpi < 1 {
		dpi = 1
	}
	w := vg.Length(width) * vg.Inch / vg.Length(dpi)
	h := vg.Length(height) * vg.Inch / vg.Length(dpi)
	cv := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(color.Transparent))
	regions, err := drawChart(c, cv, w, h, st)
	if err != nil {
		return nil, err
	}
	img, ok := cv.Image().(*image.RGBA)
	if !ok {
		src := cv.Image()
		img = image.NewRGBA(src.Bounds())
		stddraw.Draw(img, img.Bounds(), src, src.Bounds().Min, stddraw.Src)
	}
	r := &Rendered{Image: img, Scale: float64(dpi) / 72}
	fdpi := float64(dpi)
	imgH := float64(img.Bounds().Dy())
	for _, g := range regions {
		pr := pxRegion{
			x0: g.rect.Min.X.Dots(fdpi), x1: g.rect.Max.X.Dots(fdpi),
			y0: imgH - g.rect.Max.Y.Dots(fdpi), y1: imgH - g.rect.Min.Y.Dots(fdpi),
			p: g.p,
		}
		for _, y := range g.ys {
			pr.ys = append(pr.ys, imgH-y.Dots(fdpi))
		}
		r.regions = append(r.regions, pr)
	}
	return r, nil
}

// Hit returns what is at pixel (x, y) of the image: a bar, a heat-map
// cell, a progress row, or for line charts the category column with the
// nearest line as Series. Point.Text is the tooltip.
func (r *Rendered) Hit(x, y float64) (Point, bool) {
	if r == nil || math.IsNaN(x) || math.IsNaN(y) {
		return Point{}, false
	}
	// Later regions are drawn on top, so search from the end.
	for i := len(r.regions) - 1; i >= 0; i-- {
		g := r.regions[i]
		if x < g.x0 || x >= g.x1 || y < g.y0 || y >= g.y1 {
			continue
		}
		p := g.p
		best := math.Inf(1)
		for s, sy := range g.ys {
			if d := math.Abs(sy - y); !math.IsNaN(sy) && d < best {
				best, p.Series = d, s
			}
		}
		return p, true
	}
	return Point{}, false
}

// Center returns the pixel centre of the area that Hit answers with
// category and series (for Lines: the point of that series, or the
// column's centre when it has no value), so that callers and tests can
// point at a bar without recomputing the layout.
func (r *Rendered) Center(category, series int) (x, y float64, ok bool) {
	if r == nil {
		return 0, 0, false
	}
	for _, g := range r.regions {
		if g.p.Category != category {
			continue
		}
		if g.ys != nil {
			x, y = (g.x0+g.x1)/2, (g.y0+g.y1)/2
			if series >= 0 && series < len(g.ys) && !math.IsNaN(g.ys[series]) {
				y = g.ys[series]
			}
			return x, y, true
		}
		if g.p.Series == series {
			return (g.x0 + g.x1) / 2, (g.y0 + g.y1) / 2, true
		}
	}
	return 0, 0, false
}

// Draw draws c onto any vg canvas of size w×h (a PDF page through an
// adapter, an image, SVG). The canvas origin is bottom left, as in vg.
func Draw(c Chart, cv vg.Canvas, w, h vg.Length, opts ...Style) error {
	_, err := drawChart(c, cv, w, h, styleOf(opts))
	return err
}

// region is a hit area in canvas coordinates (points, origin bottom left).
type region struct {
	rect vg.Rectangle
	p    Point
	ys   []vg.Length
}

// drawChart draws c and returns its hit regions. A panic inside gonum/plot
// on input we did not foresee becomes an error: a chart must never take
// the window down.
func drawChart(c Chart, cv vg.Canvas, w, h vg.Length, st Style) ([]region, error) {
	f, err := drawFrame(c, cv, w, h, st)
	if err != nil || f == nil {
		return nil, err
	}
	return f.regions, nil
}

// drawFrame draws c and returns the drawing: its hit regions and layout.
func drawFrame(c Chart, cv vg.Canvas, w, h vg.Length, st Style) (f *frame, err error) {
	if fontErr != nil {
		return nil, fontErr
	}
	if cv == nil {
		return nil, errors.New("chart: no canvas")
	}
	if !(w > 0 && h > 0) || math.IsInf(float64(w), 0) || math.IsInf(float64(h), 0) {
		return nil, fmt.Errorf("chart: cannot draw at %v×%v", w, h)
	}
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("chart: drawing %q: %v", c.Title, p)
		}
	}()
	f = &frame{c: &c, t: newTheme(st)}
	dc := draw.NewCanvas(cv, w, h)
	if _, _, _, a := st.Background.RGBA(); a > 0 {
		dc.SetColor(st.Background)
		dc.Fill(dc.Rectangle.Path())
	}
	area := f.header(dc)
	if f.empty() {
		f.noData(area)
		return f, nil
	}
	switch c.Kind {
	case Lines:
		f.lines(area)
	case Bars:
		f.bars(area)
	case HeatMap:
		f.heatMap(area)
	case Progress:
		f.progress(area)
	case Radar:
		f.radar(area)
	default:
		return nil, fmt.Errorf("chart: unknown kind %d", c.Kind)
	}
	return f, nil
}
