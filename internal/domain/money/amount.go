package money

import (
	"fmt"
	"math"
)

// Amount is a sum of money in fen (1 yuan = 100 fen). An integer type keeps
// totals exact; the zero value is zero yuan.
type Amount int64

// The extreme representable amounts, about ±92 trillion yuan.
const (
	MaxAmount Amount = math.MaxInt64
	MinAmount Amount = math.MinInt64
)

// FromFen returns the amount of f fen.
func FromFen(f int64) Amount { return Amount(f) }

// FromYuan returns the amount of y whole yuan. It is not called Yuan because
// that name is the Unit constant. It panics if y yuan does not fit in an
// Amount: a silently wrapped figure would be worse than a crash.
func FromYuan(y int64) Amount {
	if y > math.MaxInt64/100 || y < math.MinInt64/100 {
		panic(fmt.Sprintf("money: %d yuan overflows Amount", y))
	}
	return Amount(y * 100)
}

// Fen returns the amount as an integer number of fen.
func (a Amount) Fen() int64 { return int64(a) }

// Add returns a+b. It panics on overflow rather than wrapping, because a
// wrapped total would look like a plausible but wrong figure.
func (a Amount) Add(b Amount) Amount {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		panic(fmt.Sprintf("money: %d + %d fen overflows Amount", a, b))
	}
	return s
}

// AddTo adds b to *a; false, leaving *a, when the sum would overflow.
func AddTo(a *Amount, b Amount) bool {
	s := *a + b
	if (b > 0 && s < *a) || (b < 0 && s > *a) {
		return false
	}
	*a = s
	return true
}

// Sub returns a-b, panicking on overflow like Add.
func (a Amount) Sub(b Amount) Amount {
	d := a - b
	if (b > 0 && d > a) || (b < 0 && d < a) {
		panic(fmt.Sprintf("money: %d - %d fen overflows Amount", a, b))
	}
	return d
}

// Neg returns -a. It panics for MinAmount, whose negation does not fit.
func (a Amount) Neg() Amount {
	if a == MinAmount {
		panic("money: negating MinAmount overflows Amount")
	}
	return -a
}

// Abs returns |a|. It panics for MinAmount, whose magnitude does not fit.
func (a Amount) Abs() Amount {
	if a < 0 {
		return a.Neg()
	}
	return a
}

// magnitude splits a into its sign and absolute value; the uint64 holds
// |MinAmount| too, which lets formatting and allocation avoid special cases.
func magnitude(a Amount) (neg bool, m uint64) {
	if a < 0 {
		return true, -uint64(a)
	}
	return false, uint64(a)
}

// fromMagnitude is the inverse of magnitude. The caller guarantees that m
// fits: m <= MaxInt64, or m <= MaxInt64+1 when neg.
func fromMagnitude(neg bool, m uint64) Amount {
	if neg {
		return Amount(int64(-m))
	}
	return Amount(int64(m))
}
