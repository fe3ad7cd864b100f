package chart

import (
	"math"
	"slices"
	"testing"
)

func TestNiceTicks(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name     string
		min, max float64
		n        int
		want     []float64
	}{
		{"unit", 0, 1, 6, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{"time progress", 0, 0.75, 5, []float64{0, 0.2, 0.4, 0.6, 0.8}},
		{"time progress fine", 0, 0.75, 9, []float64{0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}},
		{"large amounts", 0, 404875900, 6, []float64{0, 1e8, 2e8, 3e8, 4e8, 5e8}},
		{"positive from zero", 12, 97, 6, []float64{0, 20, 40, 60, 80, 100}},
		{"narrow far from zero", 96, 103, 6, []float64{96, 98, 100, 102, 104}},
		{"negatives", -0.35, 0.28, 8, []float64{-0.4, -0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3}},
		{"all negative", -80, -10, 6, []float64{-80, -60, -40, -20, 0}},
		{"reversed", 1, 0, 6, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{"tiny", 100.001, 100.002, 6, []float64{100.001, 100.0012, 100.0014, 100.0016, 100.0018, 100.002}},
		{"tiny near zero", 0, 3e-7, 4, []float64{0, 1e-7, 2e-7, 3e-7}},
		{"all zero", 0, 0, 6, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{"single value", 5, 5, 6, []float64{0, 1, 2, 3, 4, 5}},
		{"single negative", -5, -5, 6, []float64{-5, -4, -3, -2, -1, 0}},
		{"few ticks asked", 0, 1, 0, []float64{0, 1}},
		{"NaN", nan, 1, 5, nil},
		{"Inf", 0, math.Inf(1), 5, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NiceTicks(tt.min, tt.max, tt.n)
			if !slices.Equal(got, tt.want) {
				t.Errorf("NiceTicks(%v, %v, %d) = %v, want %v", tt.min, tt.max, tt.n, got, tt.want)
			}
		})
	}
}

func FuzzNiceTicks(f *testing.F) {
	for _, s := range [][3]float64{{0, 1, 6}, {0, 404875900, 6}, {-0.35, 0.28, 8}, {100.001, 100.002, 6},
		{1e17, 1e17 + 30, 5}, {5e-324, 1e-323, 5}, {-1e308, 1e308, 5}, {0, 0, 0}} {
		f.Add(s[0], s[1], int(s[2]))
	}
	f.Fuzz(func(t *testing.T, lo, hi float64, n int) {
		ticks := NiceTicks(lo, hi, n)
		if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
			if ticks != nil {
				t.Fatalf("NiceTicks(%v, %v) = %v, want nil", lo, hi, ticks)
			}
			return
		}
		if len(ticks) < 2 || len(ticks) > maxTickCount+2 {
			t.Fatalf("NiceTicks(%v, %v, %d): %d ticks", lo, hi, n, len(ticks))
		}
		for i := 1; i < len(ticks); i++ {
			if !(ticks[i] > ticks[i-1]) {
				t.Fatalf("NiceTicks(%v, %v, %d) = %v: not ascending", lo, hi, n, ticks)
			}
		}
		if ticks[0] > math.Min(lo, hi) || ticks[len(ticks)-1] < math.Max(lo, hi) {
			t.Fatalf("NiceTicks(%v, %v, %d) = %v: does not cover the range", lo, hi, n, ticks)
		}
	})
}

func TestTickText(t *testing.T) {
	tests := []struct {
		v, step float64
		percent bool
		want    string
	}{
		{400000000, 1e8, false, "400,000,000"},
		{2.5, 0.5, false, "2.5"},
		{-1500, 500, false, "-1,500"},
		{0.75, 0.05, true, "75%"},
		{0.125, 0.025, true, "12.5%"},
		{0, 0.1, true, "0%"},
	}
	for _, tt := range tests {
		if got := tickText(tt.v, tt.step, tt.percent); got != tt.want {
			t.Errorf("tickText(%v, %v, %v) = %q, want %q", tt.v, tt.step, tt.percent, got, tt.want)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v    float64
		dec  int
		want string
	}{
		{12345.678, 2, "12,345.68"},
		{-1234, 0, "-1,234"},
		{999, 0, "999"},
		{1000, 0, "1,000"},
		{404875900, 0, "404,875,900"},
		{-0.001, 2, "0.00"},
		{0.5, 0, "1"},
		{math.NaN(), 2, "—"},
		{math.Inf(-1), 2, "-∞"},
	}
	for _, tt := range tests {
		if got := FormatNumber(tt.v, tt.dec); got != tt.want {
			t.Errorf("FormatNumber(%v, %d) = %q, want %q", tt.v, tt.dec, got, tt.want)
		}
	}
	if got := FormatPercent(0.7512, 1); got != "75.1%" {
		t.Errorf("FormatPercent = %q", got)
	}
}

func TestAbbreviate(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"心血管内科", 5, "心血管内科"},
		{"心血管内科", 4, "心血管…"},
		{"耳鼻咽喉科", 1, "耳"},
		{"", 3, ""},
		{"ab", 0, "a…"[:1]},
	}
	for _, tt := range tests {
		if got := abbreviate(tt.s, tt.n); got != tt.want {
			t.Errorf("abbreviate(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}
