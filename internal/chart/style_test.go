package chart

import (
	"image/color"
	"math"
	"testing"
)

func TestFindBand(t *testing.T) {
	inf := math.Inf(1)
	bands := []Band{
		{Min: -inf, Max: 0.6, Level: 2, Label: "严重滞后"},
		{Min: 0.6, Max: 0.7, Level: 1, Label: "滞后"},
		{Min: 0.7, Max: 0.9, Level: 0, Label: "正常"},
		{Min: 0.9, Max: inf, Level: 3, Label: "超前"},
	}
	tests := []struct {
		v      float64
		level  int
		inBand bool
	}{
		{-5, 2, true},
		{0.5999, 2, true},
		{0.6, 1, true}, // Min is inclusive
		{0.7, 0, true}, // Max is exclusive
		{0.95, 3, true},
		{1e300, 3, true},
		{math.NaN(), 0, false},
		{math.Inf(1), 0, false},
	}
	for _, tt := range tests {
		b, ok := FindBand(bands, tt.v)
		if ok != tt.inBand || (ok && b.Level != tt.level) {
			t.Errorf("FindBand(%v) = %+v, %v; want level %d, %v", tt.v, b, ok, tt.level, tt.inBand)
		}
	}
	if _, ok := FindBand(nil, 1); ok {
		t.Error("no bands found a band")
	}
	// Overlapping bands: the first wins.
	if b, _ := FindBand([]Band{{Min: 0, Max: 1, Level: 1}, {Min: 0, Max: 2, Level: 2}}, 0.5); b.Level != 1 {
		t.Errorf("overlap: level %d, want 1", b.Level)
	}
}

func TestBandColor(t *testing.T) {
	if BandColor(-1) != noBand || BandColor(4) != noBand {
		t.Error("unknown levels should be grey")
	}
}

// lightness is CIE L* (0…100), what survives greyscale printing.
func lightness(c color.Color) float64 {
	y := luminance(c)
	if y <= 0.008856 {
		return 903.3 * y
	}
	return 116*math.Cbrt(y) - 16
}

// The bands and the first two series colours must stay apart in greyscale.
func TestPaletteGreyscale(t *testing.T) {
	const minStep = 12
	for i := range bandColors {
		for j := i + 1; j < len(bandColors); j++ {
			if d := math.Abs(lightness(bandColors[i]) - lightness(bandColors[j])); d < minStep {
				t.Errorf("band levels %d and %d differ by %.1f L*", i, j, d)
			}
		}
	}
	for _, pal := range [][]color.Color{seriesLight, seriesDark} {
		if d := math.Abs(lightness(pal[0]) - lightness(pal[1])); d < minStep {
			t.Errorf("series 0 and 1 differ by %.1f L*", d)
		}
	}
	// Series 0 stands out from its background.
	if lightness(seriesLight[0]) > 50 || lightness(seriesDark[0]) < 60 {
		t.Error("first series colour lacks contrast with its background")
	}
}
