package report

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"

	"codeberg.org/go-pdf/fpdf"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// mmPerPt converts vg's points to the document's millimetres.
const mmPerPt = 25.4 / 72

// affine maps (x, y) to (a·x + c·y + e, b·x + d·y + f).
type affine struct{ a, b, c, d, e, f float64 }

func (m affine) apply(x, y float64) (float64, float64) {
	return m.a*x + m.c*y + m.e, m.b*x + m.d*y + m.f
}

// then is m followed by n in the local space: m × n.
func (m affine) then(n affine) affine {
	return affine{
		a: m.a*n.a + m.c*n.b, b: m.b*n.a + m.d*n.b,
		c: m.a*n.c + m.c*n.d, d: m.b*n.c + m.d*n.d,
		e: m.a*n.e + m.c*n.f + m.e, f: m.b*n.e + m.d*n.f + m.f,
	}
}

// pdfCanvas is a vg.Canvas that draws onto a region of the current fpdf
// page as vectors. gonum's own vgpdf embeds fonts as cp1252, which has no
// Chinese, so charts go through this adapter and the document's UTF-8 font.
// It keeps the transform itself (vg space in points, origin bottom left →
// page millimetres, origin top left) and transforms every point, so only
// rotated text needs a PDF transform.
type pdfCanvas struct {
	pdf    *fpdf.Fpdf
	family string
	m      affine
	st     gstate
	stack  []struct {
		m  affine
		st gstate
	}
	alpha  float64
	images int
}

type gstate struct {
	width  float64 // mm
	dashes []float64
	offset float64
	col    color.Color
}

// newPDFCanvas returns a canvas h points high whose top-left corner is at
// (x, y) millimetres on the page.
func newPDFCanvas(pdf *fpdf.Fpdf, family string, x, y float64, h vg.Length) *pdfCanvas {
	hmm := h.Points() * mmPerPt
	c := &pdfCanvas{pdf: pdf, family: family, alpha: 1,
		m: affine{a: mmPerPt, d: -mmPerPt, e: x, f: y + hmm}}
	vg.Initialize(c)
	return c
}

func (c *pdfCanvas) SetLineWidth(w vg.Length) {
	c.st.width = w.Points() * mmPerPt * c.scale()
	if c.st.width > 0 {
		c.pdf.SetLineWidth(c.st.width)
	}
}

func (c *pdfCanvas) SetLineDash(pattern []vg.Length, offset vg.Length) {
	c.st.dashes = c.st.dashes[:0]
	for _, p := range pattern {
		c.st.dashes = append(c.st.dashes, p.Points()*mmPerPt*c.scale())
	}
	c.st.offset = offset.Points() * mmPerPt * c.scale()
	c.applyDash()
}

func (c *pdfCanvas) applyDash() {
	c.pdf.SetDashPattern(c.st.dashes, c.st.offset)
}

func (c *pdfCanvas) SetColor(col color.Color) {
	if col == nil {
		col = color.Black
	}
	c.st.col = col
	c.applyColor()
}

func (c *pdfCanvas) applyColor() {
	r, g, b, a := c.st.col.RGBA()
	if a > 0 {
		// Un-premultiply: vg colours are alpha-premultiplied.
		r, g, b = r*0xffff/a, g*0xffff/a, b*0xffff/a
	}
	ri, gi, bi := int(r>>8), int(g>>8), int(b>>8)
	c.pdf.SetDrawColor(ri, gi, bi)
	c.pdf.SetFillColor(ri, gi, bi)
	c.pdf.SetTextColor(ri, gi, bi)
	// An extended graphics state per change would bloat the file; most
	// drawing is opaque, so only switch when the alpha really changes.
	alpha := float64(a) / 0xffff
	if math.Abs(alpha-c.alpha) > 1e-3 {
		c.pdf.SetAlpha(alpha, "Normal")
		c.alpha = alpha
	}
}

func (c *pdfCanvas) Rotate(rad float64) {
	s, co := math.Sincos(rad)
	c.m = c.m.then(affine{a: co, b: s, c: -s, d: co})
}

func (c *pdfCanvas) Translate(pt vg.Point) {
	c.m = c.m.then(affine{a: 1, d: 1, e: pt.X.Points(), f: pt.Y.Points()})
}

func (c *pdfCanvas) Scale(x, y float64) {
	c.m = c.m.then(affine{a: x, d: y})
}

// scale is the transform's linear scale relative to the base mapping, for
// line widths and font sizes.
func (c *pdfCanvas) scale() float64 {
	return math.Sqrt(math.Abs(c.m.a*c.m.d-c.m.b*c.m.c)) / mmPerPt
}

func (c *pdfCanvas) Push() {
	st := c.st
	st.dashes = append([]float64(nil), c.st.dashes...)
	c.stack = append(c.stack, struct {
		m  affine
		st gstate
	}{c.m, st})
}

func (c *pdfCanvas) Pop() {
	if len(c.stack) == 0 {
		return
	}
	top := c.stack[len(c.stack)-1]
	c.stack = c.stack[:len(c.stack)-1]
	c.m, c.st = top.m, top.st
	if c.st.width > 0 {
		c.pdf.SetLineWidth(c.st.width)
	}
	c.applyDash()
	if c.st.col != nil {
		c.applyColor()
	}
}

func (c *pdfCanvas) Stroke(p vg.Path) {
	if c.st.width <= 0 {
		return
	}
	c.path(p, "D")
}

func (c *pdfCanvas) Fill(p vg.Path) { c.path(p, "F") }

func (c *pdfCanvas) pt(p vg.Point) (float64, float64) {
	return c.m.apply(p.X.Points(), p.Y.Points())
}

func (c *pdfCanvas) path(p vg.Path, style string) {
	if len(p) == 0 {
		return
	}
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp:
			c.pdf.MoveTo(c.pt(comp.Pos))
		case vg.LineComp:
			c.pdf.LineTo(c.pt(comp.Pos))
		case vg.ArcComp:
			c.arc(comp)
		case vg.CurveComp:
			x, y := c.pt(comp.Pos)
			switch len(comp.Control) {
			case 1:
				cx, cy := c.pt(comp.Control[0])
				c.pdf.CurveTo(cx, cy, x, y)
			case 2:
				ax, ay := c.pt(comp.Control[0])
				bx, by := c.pt(comp.Control[1])
				c.pdf.CurveBezierCubicTo(ax, ay, bx, by, x, y)
			}
		case vg.CloseComp:
			c.pdf.ClosePath()
		}
	}
	c.pdf.DrawPath(style)
}

// arc draws an arc as cubic Béziers of at most 90° each, in vg space and
// then transformed, so it stays right under any transform. Like vg, it
// joins the current point to the arc's start.
func (c *pdfCanvas) arc(comp vg.PathComp) {
	cx, cy, r := comp.Pos.X.Points(), comp.Pos.Y.Points(), comp.Radius.Points()
	at := func(t float64) (float64, float64) {
		s, co := math.Sincos(t)
		return cx + r*co, cy + r*s
	}
	x0, y0 := at(comp.Start)
	px, py := c.m.apply(x0, y0)
	c.pdf.LineTo(px, py)
	n := int(math.Ceil(math.Abs(comp.Angle) / (math.Pi / 2)))
	if n == 0 {
		return
	}
	step := comp.Angle / float64(n)
	k := 4.0 / 3 * math.Tan(step/4)
	t := comp.Start
	for i := 0; i < n; i++ {
		sa, ca := math.Sincos(t)
		sb, cb := math.Sincos(t + step)
		ax, ay := cx+r*(ca-k*sa), cy+r*(sa+k*ca)
		bx, by := cx+r*(cb+k*sb), cy+r*(sb-k*cb)
		ex, ey := cx+r*cb, cy+r*sb
		p1x, p1y := c.m.apply(ax, ay)
		p2x, p2y := c.m.apply(bx, by)
		px, py = c.m.apply(ex, ey)
		c.pdf.CurveBezierCubicTo(p1x, p1y, p2x, p2y, px, py)
		t += step
	}
}

func (c *pdfCanvas) FillString(f font.Face, pt vg.Point, text string) {
	if f.Font.Size == 0 || text == "" {
		return
	}
	size := f.Font.Size.Points() * c.scale()
	c.pdf.SetFont(c.family, "", size)
	x, y := c.pt(pt)
	// The direction of the text's baseline on the page (y down).
	angle := math.Atan2(-c.m.b, c.m.a) * 180 / math.Pi
	if math.Abs(angle) > 0.01 {
		c.pdf.TransformBegin()
		c.pdf.TransformRotate(angle, x, y)
		c.pdf.Text(x, y, text)
		c.pdf.TransformEnd()
		return
	}
	c.pdf.Text(x, y, text)
}

// DrawImage embeds img as a PNG; the charts draw none today, but the
// interface asks for it.
func (c *pdfCanvas) DrawImage(rect vg.Rectangle, img image.Image) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		c.pdf.SetError(err)
		return
	}
	c.images++
	name := fmt.Sprintf("chartimg%p-%d", c, c.images)
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	c.pdf.RegisterImageOptionsReader(name, opt, &buf)
	x0, y0 := c.pt(rect.Min)
	x1, y1 := c.pt(rect.Max)
	c.pdf.ImageOptions(name, math.Min(x0, x1), math.Min(y0, y1), math.Abs(x1-x0), math.Abs(y1-y0), false, opt, 0, "")
}
