package chart

import (
	"math"
	"strconv"
)

// maxTickCount bounds the number of ticks whatever maxTicks asks for: an
// axis with more labels than this is unreadable and the slice would be
// wasted work.
const maxTickCount = 100

// NiceTicks returns ascending tick values on a 1-2-5 step (…, 0.1, 0.2,
// 0.5, 1, 2, 5, 10, …) whose first tick is at or below min and last at or
// above max, with at most maxTicks ticks (at least 2 are allowed). The
// range is widened to 0 when the data sit well away from zero on one side
// (min no more than 5/6 of max), so bars and cumulative lines start at 0
// and their heights compare truthfully; a narrow range far from zero (e.g.
// 100.001…100.002) keeps its own scale. Equal ends include zero too, and
// all-zero data get 0…1. NaN or infinite ends give nil; ranges too wide or
// too fine for float64 steps give just [min, max].
func NiceTicks(min, max float64, maxTicks int) []float64 {
	if math.IsNaN(min) || math.IsNaN(max) || math.IsInf(min, 0) || math.IsInf(max, 0) {
		return nil
	}
	if min > max {
		min, max = max, min
	}
	maxTicks = clampInt(maxTicks, 2, maxTickCount)
	switch {
	case min == 0 && max == 0:
		max = 1
	case min == max && min > 0:
		min = 0
	case min == max:
		max = 0
	case min > 0 && min <= max*5/6:
		min = 0
	case max < 0 && max >= min*5/6:
		max = 0
	}
	span := max - min
	if math.IsInf(span, 0) || span <= 0 {
		return []float64{min, max}
	}
	// Smallest 1-2-5 step that fits: start one decade below the rough
	// step and walk up.
	rough := span / float64(maxTicks-1)
	mag := math.Pow(10, math.Floor(math.Log10(rough))-1)
	if mag == 0 || math.IsInf(mag, 0) || math.IsNaN(mag) {
		return []float64{min, max}
	}
	var step, lo, hi float64
	for i := 0; ; i++ {
		if i > 12 {
			return []float64{min, max}
		}
		for _, m := range [...]float64{1, 2, 5} {
			step = m * mag
			if math.IsInf(step, 0) {
				return []float64{min, max}
			}
			lo, hi = math.Floor(min/step), math.Ceil(max/step)
			if hi-lo+1 <= float64(maxTicks) {
				if math.Abs(lo) > 1<<52 || math.Abs(hi) > 1<<52 {
					// Steps this fine against the magnitude are not
					// representable: k*step would repeat values.
					return []float64{min, max}
				}
				return stepTicks(min, max, lo, hi, step)
			}
		}
		mag *= 10
	}
}

// stepTicks lists lo*step … hi*step, cleaned of float noise (0.30000000000000004
// becomes 0.3) and patched so that rounding can never leave min or max
// uncovered or two ticks equal.
func stepTicks(min, max, lo, hi, step float64) []float64 {
	dec := stepDecimals(step)
	ticks := make([]float64, 0, int(hi-lo)+3)
	for i := 0; i <= int(hi-lo); i++ {
		v := (lo + float64(i)) * step
		if dec >= 0 && dec < 17 {
			if r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'f', dec, 64), 64); err == nil {
				v = r
			}
		}
		if math.IsInf(v, 0) {
			return []float64{min, max} // the last step overflows float64
		}
		if v == 0 {
			v = 0 // no negative zero: it would print as "-0"
		}
		if n := len(ticks); n > 0 && v <= ticks[n-1] {
			continue
		}
		ticks = append(ticks, v)
	}
	if len(ticks) == 0 || ticks[0] > min {
		ticks = append([]float64{min}, ticks...)
	}
	if ticks[len(ticks)-1] < max {
		ticks = append(ticks, max)
	}
	if len(ticks) < 2 {
		ticks = append(ticks, max+step)
		if ticks[1] <= ticks[0] {
			return []float64{min, max}
		}
	}
	return ticks
}

// stepDecimals is the number of decimals that show a step exactly: 0 for
// 5 or 200, 1 for 0.5, 2 for 0.25 or 0.05.
func stepDecimals(step float64) int {
	if !(step > 0) || math.IsInf(step, 0) {
		return 0
	}
	d := 0
	for s := step; d < 20 && math.Abs(s-math.Round(s)) > 1e-9*math.Max(1, math.Abs(s)); s *= 10 {
		d++
	}
	return d
}

func clampInt(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
