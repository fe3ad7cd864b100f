package report

import (
	"math"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"gonum.org/v1/plot/vg"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// vg's origin is the bottom left in points; the page's the top left in
// millimetres. Transforms compose in vg's order (the last applies first).
func TestCanvasMapsVGSpaceToThePage(t *testing.T) {
	c := newPDFCanvas(fpdf.New("P", "mm", "A4", ""), family, 10, 20, vg.Length(72))
	if x, y := c.pt(vg.Point{}); !near(x, 10) || !near(y, 20+25.4) {
		t.Errorf("origin at (%v, %v), want (10, 45.4)", x, y)
	}
	if x, y := c.pt(vg.Point{X: 72, Y: 72}); !near(x, 10+25.4) || !near(y, 20) {
		t.Errorf("(1in, 1in) at (%v, %v), want (35.4, 20)", x, y)
	}
	c.Push()
	c.Translate(vg.Point{X: 36})
	c.Rotate(math.Pi / 2) // text drawn upwards, as a y-axis label
	x, y := c.pt(vg.Point{X: 72})
	if !near(x, 10+12.7) || !near(y, 20) {
		t.Errorf("rotated point at (%v, %v), want (22.7, 20)", x, y)
	}
	if a := math.Atan2(-c.m.b, c.m.a) * 180 / math.Pi; !near(a, 90) {
		t.Errorf("baseline at %v°, want 90° (upwards on the page)", a)
	}
	if s := c.scale(); !near(s, 1) {
		t.Errorf("scale %v under rotation, want 1", s)
	}
	c.Pop()
	if x, _ := c.pt(vg.Point{}); !near(x, 10) {
		t.Errorf("Pop left the transform at x=%v", x)
	}
}
