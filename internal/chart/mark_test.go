package chart

import (
	"image/color"
	"testing"
)

// A mark is drawn in the reference colour where it stands, and a mark
// outside the categories is left out rather than drawn off the plot.
func TestLinesMark(t *testing.T) {
	c := Chart{Kind: Lines, Category: []string{"0%", "10%", "20%", "30%", "40%", "50%"},
		Series: []Series{{Name: "a", Values: []float64{1, 2, 3, 4, 5, 6}}}}
	redIn := func(c Chart) int {
		r, err := Render(c, 600, 300, Style{Background: color.White})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		b := r.Image.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				p := r.Image.RGBAAt(x, y)
				if int(p.R) > int(p.G)+60 && int(p.R) > int(p.B)+60 {
					n++
				}
			}
		}
		return n
	}
	base := redIn(c)
	c.Mark = &Mark{At: 2.5, Label: "now 25%"}
	if got := redIn(c); got <= base+50 {
		t.Errorf("marked chart has %d reference pixels, unmarked %d", got, base)
	}
	c.Mark = &Mark{At: 9}
	if got := redIn(c); got != base {
		t.Errorf("a mark beyond the categories drew %d pixels", got-base)
	}
}
