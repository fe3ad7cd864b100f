package scoring

import (
	"math"
	"testing"
)

// FuzzScore: whatever the set-up and the value, Score neither panics nor
// returns NaN or infinity, and stays within 0 and the points.
func FuzzScore(f *testing.F) {
	inf, nan := math.Inf(1), math.NaN()
	f.Add(uint8(0), uint8(0), 12000.0, 0.0, 0.0, 0.0, 20.0, 11400.0, true, uint8(0), 0)
	f.Add(uint8(1), uint8(1), 0.0, 0.0, 0.0, 0.0, 10.0, 0.0, true, uint8(0), 0)
	f.Add(uint8(3), uint8(1), 0.0, -1e308, 1e308, 0.0, 1e308, 1e308, true, uint8(0), 0)
	f.Add(uint8(4), uint8(1), 0.0, 0.0, 0.0, inf, 5.0, 0.0, true, uint8(0), math.MaxInt)
	f.Add(uint8(4), uint8(1), 0.0, 0.0, 0.0, -2.0, 5.0, 0.0, true, uint8(0), math.MinInt)
	f.Add(uint8(5), uint8(0), nan, nan, nan, nan, nan, nan, true, uint8(1), 1)
	f.Add(uint8(2), uint8(2), inf, -inf, inf, 0.0, inf, -inf, false, uint8(3), -1)
	rules := append(append([]Rule(nil), Rules...), "bogus")
	dirs := []Direction{Higher, Lower, InRange, Monitor, ""}
	achs := []Achievement{Achieved, Partly, NotAchieved, ""}
	f.Fuzz(func(t *testing.T, rule, dir uint8, target, low, high, per, points, actual float64, has bool, ach uint8, n int) {
		ind := Indicator{
			Rule: rules[int(rule)%len(rules)], Direction: dirs[int(dir)%len(dirs)],
			Target: target, Low: low, High: high, DeductPer: per,
		}
		v := Value{Actual: actual, Has: has, Achievement: achs[int(ach)%len(achs)], Occurrences: n}
		s, _ := Score(ind, points, v)
		if math.IsNaN(s) || math.IsInf(s, 0) {
			t.Fatalf("Score(%+v, %v, %+v) = %v", ind, points, v, s)
		}
		limit := points
		if !(points >= 0) || math.IsInf(points, 0) {
			limit = 0
		}
		if s < 0 || s > limit {
			t.Fatalf("Score(%+v, %v, %+v) = %v, outside 0–%v", ind, points, v, s, limit)
		}
	})
}
