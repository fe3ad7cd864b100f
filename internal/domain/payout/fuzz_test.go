package payout

import (
	"math"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// FuzzAllocate builds schemes from arbitrary bytes, out-of-range values
// included: Allocate must never panic, and whenever it accepts a scheme
// the parts must sum to the pool and none be negative.
func FuzzAllocate(f *testing.F) {
	f.Add(int64(10_000_000), int64(20_000_000), 0.2, 0.15, []byte{10, 1, 80, 90, 70, 50, 90, 5, 1, 60, 80, 80, 90, 80})
	f.Add(int64(1), int64(1), 1.0, 1.0, []byte{0, 0, 0, 0, 0, 0, 0})
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64), 0.5, 0.0, []byte{255, 255, 100, 100, 100, 100, 100, 255, 255, 100, 100, 100, 100, 100})
	f.Add(int64(-5), int64(0), math.NaN(), -1.0, []byte{})
	f.Fuzz(func(t *testing.T, pool, cap int64, p, floor float64, raw []byte) {
		s := Scheme{Pool: money.Amount(pool), Cap: money.Amount(cap), WelfareFloor: floor,
			Weights: Weights{wl: 0.4, ql: 0.2, ef: 0.2, st: 0.2}.WithPublicWelfare(p)}
		var depts []Dept
		for i := 0; i+7 <= len(raw); i += 7 {
			b := raw[i : i+7]
			d := Dept{
				Code:             string(rune('A' + len(depts)%40)),
				Headcount:        int(int8(b[0])) * 1000,           // negatives too
				CoefficientMilli: int64(int8(b[1])) << (b[1] % 56), // up to overflow
				Scores:           map[Dimension]float64{},
			}
			for j, dim := range Dimensions {
				d.Scores[dim] = float64(b[2+j]) - 20 // some below 0 or above 100
			}
			depts = append(depts, d)
		}
		lines, err := Allocate(s, depts)
		if err != nil {
			return
		}
		var sum money.Amount
		for _, l := range lines {
			if l.Bonus < 0 {
				t.Fatalf("negative bonus %v", l.Bonus)
			}
			sum += l.Bonus
		}
		if sum != s.Pool {
			t.Fatalf("sum %v, pool %v", sum, s.Pool)
		}
		_, _ = Sensitivity(s, depts, []float64{0, p, 0.5})
	})
}
