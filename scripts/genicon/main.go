// Command genicon draws the BudgetPerf application icon (assets/icon.png):
// a rounded blue square with a white bar chart and a green check-mark badge.
//
// It uses only the standard library and anti-aliases by 4×4 supersampling,
// so the output is byte-for-byte reproducible. Regenerate with
//
//	go run ./scripts/genicon -o assets/icon.png
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

const (
	size = 512 // icon edge in pixels
	ss   = 4   // supersamples per pixel edge
)

type rgba struct{ r, g, b, a float64 } // straight (non-premultiplied) colour, 0..1

var (
	blueTop    = rgba{0x3A / 255.0, 0x7B / 255.0, 0xE8 / 255.0, 1}
	blueBottom = rgba{0x1A / 255.0, 0x4A / 255.0, 0xA8 / 255.0, 1}
	white      = rgba{1, 1, 1, 1}
	green      = rgba{0x22 / 255.0, 0xB3 / 255.0, 0x5E / 255.0, 1}
	clear      = rgba{}
)

// background returns the vertical gradient at height y.
func background(y float64) rgba {
	t := y / size
	return rgba{
		blueTop.r + (blueBottom.r-blueTop.r)*t,
		blueTop.g + (blueBottom.g-blueTop.g)*t,
		blueTop.b + (blueBottom.b-blueTop.b)*t,
		1,
	}
}

// inRoundRect reports whether (x, y) lies in the rectangle [x0,x1]×[y0,y1] with corner radius r.
func inRoundRect(x, y, x0, y0, x1, y1, r float64) bool {
	if x < x0 || x > x1 || y < y0 || y > y1 {
		return false
	}
	cx := math.Max(x0+r, math.Min(x, x1-r))
	cy := math.Max(y0+r, math.Min(y, y1-r))
	return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
}

// inTopRoundBar is a bar with rounded top corners and a square bottom.
func inTopRoundBar(x, y, x0, y0, x1, y1, r float64) bool {
	return inRoundRect(x, y, x0, y0, x1, y1+r, r) && y <= y1
}

func inDisc(x, y, cx, cy, r float64) bool {
	return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
}

// distSeg is the distance from (x, y) to the segment (ax, ay)–(bx, by).
func distSeg(x, y, ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	t := ((x-ax)*dx + (y-ay)*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	px, py := ax+t*dx-x, ay+t*dy-y
	return math.Hypot(px, py)
}

// sample returns the colour of the icon at the exact point (x, y): painter's algorithm.
func sample(x, y float64) rgba {
	// Rounded square, full bleed, transparent corners.
	if !inRoundRect(x, y, 0, 0, size, size, 104) {
		return clear
	}
	c := background(y)

	// Bar chart: three rising bars on a baseline.
	const base = 404.0
	bars := []struct{ x0, h float64 }{{84, 132}, {160, 204}, {236, 276}}
	for _, b := range bars {
		if inTopRoundBar(x, y, b.x0, base-b.h, b.x0+56, base, 14) {
			c = white
		}
	}
	if inRoundRect(x, y, 64, base+14, 448, base+34, 10) {
		c = white
	}

	// Check-mark badge, top right, cut out of the chart by a ring of background.
	const bx, by, br = 384.0, 140.0, 76.0
	if inDisc(x, y, bx, by, br+12) {
		c = background(y)
	}
	if inDisc(x, y, bx, by, br) {
		c = green
	}
	const w = 13.0 // half stroke width
	if distSeg(x, y, bx-38, by+2, bx-10, by+30) <= w || distSeg(x, y, bx-10, by+30, bx+40, by-24) <= w {
		c = white
	}
	return c
}

func render() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			// Average premultiplied colour over the supersamples.
			var r, g, b, a float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					s := sample(float64(px)+(float64(sx)+0.5)/ss, float64(py)+(float64(sy)+0.5)/ss)
					r += s.r * s.a
					g += s.g * s.a
					b += s.b * s.a
					a += s.a
				}
			}
			n := float64(ss * ss)
			r, g, b, a = r/n, g/n, b/n, a/n
			if a > 0 {
				r, g, b = r/a, g/a, b/a // back to straight alpha
			}
			img.SetNRGBA(px, py, color.NRGBA{to8(r), to8(g), to8(b), to8(a)})
		}
	}
	return img
}

func to8(v float64) uint8 {
	return uint8(math.Round(math.Max(0, math.Min(1, v)) * 255))
}

func main() {
	out := flag.String("o", "assets/icon.png", "output PNG file")
	flag.Parse()
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genicon:", err)
		os.Exit(1)
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, render()); err != nil {
		f.Close()
		fmt.Fprintln(os.Stderr, "genicon:", err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "genicon:", err)
		os.Exit(1)
	}
	fmt.Println("wrote", *out)
}
