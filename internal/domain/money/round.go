package money

import "math"

// RoundDiv returns num/den rounded half away from zero, the rounding rule of
// Chinese government accounting (四舍五入). It panics if den is zero or the
// quotient does not fit in int64 (MinInt64 / -1), like integer division.
func RoundDiv(num, den int64) int64 {
	if den == 0 {
		panic("money: RoundDiv by zero")
	}
	n, d := absU64(num), absU64(den)
	q, r := n/d, n%d
	// r >= d-r is 2r >= d without the overflow of doubling r.
	if r != 0 && r >= d-r {
		q++
	}
	if (num < 0) != (den < 0) {
		return int64(-q)
	}
	if q > math.MaxInt64 {
		panic("money: RoundDiv overflows int64")
	}
	return int64(q)
}

func absU64(x int64) uint64 {
	if x < 0 {
		return -uint64(x)
	}
	return uint64(x)
}
