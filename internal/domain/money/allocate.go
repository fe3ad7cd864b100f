package money

import (
	"cmp"
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"slices"
)

// Errors returned by Allocate.
var (
	ErrNoWeights      = errors.New("money: cannot allocate: no weight is positive")
	ErrNegativeWeight = errors.New("money: cannot allocate by a negative weight")
)

// Allocate splits total into parts proportional to weights by the largest
// remainder method: each part gets the floor of its exact share in fen, and
// the fen left over go one each to the parts with the largest remainders,
// the lower index first on ties. The parts always sum exactly to total, a
// part with weight 0 gets 0, and the result depends only on the inputs.
// A negative total is allocated as its absolute value and negated, so the
// split mirrors that of the positive total.
//
// Weights are integers; callers scale fractional scores first (e.g.
// score×10000). It fails with ErrNegativeWeight or, when the weights are
// empty or all zero, ErrNoWeights.
func Allocate(total Amount, weights []int64) ([]Amount, error) {
	var sumHi, sumLo uint64
	for i, w := range weights {
		if w < 0 {
			return nil, fmt.Errorf("%w: weights[%d] = %d", ErrNegativeWeight, i, w)
		}
		var carry uint64
		sumLo, carry = bits.Add64(sumLo, uint64(w), 0)
		sumHi += carry
	}
	if sumHi == 0 && sumLo == 0 {
		return nil, ErrNoWeights
	}
	neg, t := magnitude(total)
	var floors []uint64
	var byRemainder func(i, j int) int
	if sumHi == 0 {
		floors, byRemainder = shares64(t, weights, sumLo)
	} else {
		floors, byRemainder = sharesBig(t, weights, sumHi, sumLo)
	}
	var given uint64
	for _, f := range floors {
		given += f // cannot overflow: the floors sum to at most t
	}
	if left := t - given; left > 0 {
		// left < len(weights): each share lost less than one fen.
		order := make([]int, len(weights))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(i, j int) int {
			if c := byRemainder(i, j); c != 0 {
				return c
			}
			return cmp.Compare(i, j)
		})
		for _, i := range order[:left] {
			floors[i]++
		}
	}
	parts := make([]Amount, len(floors))
	for i, f := range floors {
		parts[i] = fromMagnitude(neg, f)
	}
	return parts, nil
}

// shares64 computes floor(t×w/sum) and the remainders with 128-bit
// products, for weight sums that fit in 64 bits. byRemainder orders larger
// remainders first.
func shares64(t uint64, weights []int64, sum uint64) ([]uint64, func(i, j int) int) {
	floors := make([]uint64, len(weights))
	rems := make([]uint64, len(weights))
	for i, w := range weights {
		hi, lo := bits.Mul64(t, uint64(w))
		// hi < sum because t×w/sum <= t fits in 64 bits.
		floors[i], rems[i] = bits.Div64(hi, lo, sum)
	}
	return floors, func(i, j int) int { return cmp.Compare(rems[j], rems[i]) }
}

// sharesBig is shares64 for weight sums beyond 64 bits.
func sharesBig(t uint64, weights []int64, sumHi, sumLo uint64) ([]uint64, func(i, j int) int) {
	sum := new(big.Int).Lsh(new(big.Int).SetUint64(sumHi), 64)
	sum.Or(sum, new(big.Int).SetUint64(sumLo))
	bt := new(big.Int).SetUint64(t)
	floors := make([]uint64, len(weights))
	rems := make([]*big.Int, len(weights))
	for i, w := range weights {
		q, r := new(big.Int), new(big.Int)
		q.QuoRem(new(big.Int).Mul(bt, big.NewInt(w)), sum, r)
		floors[i], rems[i] = q.Uint64(), r
	}
	return floors, func(i, j int) int { return rems[j].Cmp(rems[i]) }
}

// AllocateEven splits total into n equal parts, e.g. a yearly budget into
// 12 months. The leftover fen go one each to the first parts, so 100.00 in
// 3 is 33.34, 33.33, 33.33 (and -100.00 is -33.34, -33.33, -33.33). It
// returns nil if n <= 0.
func AllocateEven(total Amount, n int) []Amount {
	if n <= 0 {
		return nil
	}
	neg, t := magnitude(total)
	q, r := t/uint64(n), t%uint64(n)
	parts := make([]Amount, n)
	for i := range parts {
		m := q
		if uint64(i) < r {
			m++
		}
		parts[i] = fromMagnitude(neg, m)
	}
	return parts
}
