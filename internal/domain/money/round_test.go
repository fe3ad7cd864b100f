package money_test

import (
	"math"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

func TestRoundDiv(t *testing.T) {
	for _, c := range []struct{ num, den, want int64 }{
		{5, 2, 3},
		{-5, 2, -3},
		{5, -2, -3},
		{-5, -2, 3},
		{4, 3, 1},
		{7, 3, 2},
		{1, 3, 0},
		{-1, 3, 0},
		{0, 7, 0},
		{1234567850, 100, 12345679},
		{math.MaxInt64, 1, math.MaxInt64},
		{math.MinInt64, 1, math.MinInt64},
		{math.MaxInt64, 2, 4611686018427387904},
		{math.MinInt64, 2, -4611686018427387904},
		{math.MinInt64, math.MinInt64, 1},
		{math.MaxInt64, math.MinInt64, -1},
	} {
		if got := money.RoundDiv(c.num, c.den); got != c.want {
			t.Errorf("RoundDiv(%d, %d) = %d; want %d", c.num, c.den, got, c.want)
		}
	}
	for _, c := range []struct{ num, den int64 }{{1, 0}, {math.MinInt64, -1}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("RoundDiv(%d, %d) did not panic", c.num, c.den)
				}
			}()
			money.RoundDiv(c.num, c.den)
		}()
	}
}
