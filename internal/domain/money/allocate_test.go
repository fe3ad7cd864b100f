package money_test

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

func fens(parts []money.Amount) []int64 {
	out := make([]int64, len(parts))
	for i, p := range parts {
		out[i] = p.Fen()
	}
	return out
}

func TestAllocate(t *testing.T) {
	for _, c := range []struct {
		name    string
		total   int64
		weights []int64
		want    []int64
	}{
		{"exact shares", 10000, []int64{50, 30, 20}, []int64{5000, 3000, 2000}},
		{"thirds", 100, []int64{1, 1, 1}, []int64{34, 33, 33}},
		// Floors 22, 35, 41 leave 2 fen; remainders 18/31, 15/31, 29/31 give
		// them to parts 2 and 0, not to the lowest indices.
		{"largest remainder first", 100, []int64{7, 11, 13}, []int64{23, 35, 42}},
		{"ties by lower index", 2, []int64{1, 1, 1}, []int64{1, 1, 0}},
		{"zero weight gets nothing", 5, []int64{0, 2, 2, 2}, []int64{0, 2, 2, 1}},
		{"negative total mirrors", -100, []int64{7, 11, 13}, []int64{-23, -35, -42}},
		{"negative thirds", -100, []int64{1, 1, 1}, []int64{-34, -33, -33}},
		{"zero total", 0, []int64{3, 4}, []int64{0, 0}},
		{"single weight", 12345, []int64{9}, []int64{12345}},
		{"scaled scores", 100000000, []int64{8750, 9125, 6000}, []int64{36649215, 38219895, 25130890}},
		{"huge 128-bit path", math.MaxInt64, []int64{math.MaxInt64, 1}, []int64{math.MaxInt64 - 1, 1}},
		{"huge big path", math.MaxInt64, []int64{math.MaxInt64, math.MaxInt64, math.MaxInt64},
			[]int64{3074457345618258603, 3074457345618258602, 3074457345618258602}},
		{"min total", math.MinInt64, []int64{1, 1}, []int64{math.MinInt64 / 2, math.MinInt64 / 2}},
		{"min total one part", math.MinInt64, []int64{0, 5}, []int64{0, math.MinInt64}},
	} {
		t.Run(c.name, func(t *testing.T) {
			parts, err := money.Allocate(money.FromFen(c.total), c.weights)
			if err != nil {
				t.Fatal(err)
			}
			if got := fens(parts); !slices.Equal(got, c.want) {
				t.Errorf("Allocate(%d, %v) = %v; want %v", c.total, c.weights, got, c.want)
			}
			var sum int64
			for _, p := range parts {
				sum += p.Fen()
			}
			if sum != c.total {
				t.Errorf("parts sum to %d; want %d", sum, c.total)
			}
		})
	}
}

func TestAllocateErrors(t *testing.T) {
	if _, err := money.Allocate(100, nil); !errors.Is(err, money.ErrNoWeights) {
		t.Errorf("no weights: err = %v", err)
	}
	if _, err := money.Allocate(100, []int64{0, 0}); !errors.Is(err, money.ErrNoWeights) {
		t.Errorf("zero weights: err = %v", err)
	}
	if _, err := money.Allocate(100, []int64{1, -1}); !errors.Is(err, money.ErrNegativeWeight) {
		t.Errorf("negative weight: err = %v", err)
	}
}

func TestAllocateEven(t *testing.T) {
	for _, c := range []struct {
		total int64
		n     int
		want  []int64
	}{
		{10000, 3, []int64{3334, 3333, 3333}},
		{-10000, 3, []int64{-3334, -3333, -3333}},
		// 1,000.01 yuan over 12 months: 8333 fen r 5, so January–May get a fen more.
		{100001, 12, []int64{8334, 8334, 8334, 8334, 8334, 8333, 8333, 8333, 8333, 8333, 8333, 8333}},
		{5, 12, []int64{1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0}},
		{120000, 12, []int64{10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000}},
		{math.MinInt64, 1, []int64{math.MinInt64}},
	} {
		got := fens(money.AllocateEven(money.FromFen(c.total), c.n))
		if !slices.Equal(got, c.want) {
			t.Errorf("AllocateEven(%d, %d) = %v; want %v", c.total, c.n, got, c.want)
		}
		// Equal weights must split the same way.
		w := make([]int64, c.n)
		for i := range w {
			w[i] = 7
		}
		parts, err := money.Allocate(money.FromFen(c.total), w)
		if err != nil || !slices.Equal(fens(parts), c.want) {
			t.Errorf("Allocate(%d, equal weights) = %v, %v; want %v", c.total, fens(parts), err, c.want)
		}
	}
	if got := money.AllocateEven(100, 0); got != nil {
		t.Errorf("AllocateEven(100, 0) = %v; want nil", got)
	}
}
