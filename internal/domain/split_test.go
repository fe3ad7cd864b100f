package domain

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

func months(fen ...int64) Months {
	var m Months
	for i, f := range fen {
		m[i] = money.Amount(f)
	}
	return m
}

func sumOf(t *testing.T, m Months) money.Amount {
	t.Helper()
	s, ok := SumMonths(m)
	if !ok {
		t.Fatalf("months overflow: %v", m)
	}
	return s
}

func TestSplitEven(t *testing.T) {
	cases := []struct {
		annual int64
		want   Months
	}{
		{1200, months(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100)},
		{1205, months(101, 101, 101, 101, 101, 100, 100, 100, 100, 100, 100, 100)},
		{-1205, months(-101, -101, -101, -101, -101, -100, -100, -100, -100, -100, -100, -100)},
		{5, months(1, 1, 1, 1, 1)},
		{0, Months{}},
		{100000000_00, months(833333334, 833333334, 833333334, 833333334, 833333333, 833333333, 833333333, 833333333, 833333333, 833333333, 833333333, 833333333)},
	}
	for _, c := range cases {
		got := SplitEven(money.Amount(c.annual))
		if got != c.want {
			t.Errorf("SplitEven(%d) = %v, want %v", c.annual, got, c.want)
		}
		if s := sumOf(t, got); s != money.Amount(c.annual) {
			t.Errorf("SplitEven(%d) sums to %d", c.annual, s)
		}
	}
}

func TestSplitByPattern(t *testing.T) {
	cases := []struct {
		name    string
		annual  int64
		pattern Months
		want    Months
		ok      bool
	}{
		{"proportional", 1200, months(1, 1, 1, 1, 1, 1, 2, 2, 2, 0, 0, 0), months(100, 100, 100, 100, 100, 100, 200, 200, 200, 0, 0, 0), true},
		{"largest remainder", 100, months(1, 1, 1), months(34, 33, 33), true},
		{"negative month weighs zero", 300, months(1, -5, 2), months(100, 0, 200), true},
		{"negative annual mirrors", -100, months(1, 1, 1), months(-34, -33, -33), true},
		{"zero annual", 0, months(5, 7, 9), Months{}, true},
		{"only December", 12345, months(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9), months(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 12345), true},
		{"no pattern falls back to even", 1205, Months{}, SplitEven(1205), false},
		{"all negative falls back to even", 1200, months(-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12), SplitEven(1200), false},
		{"huge weights", 1_000_000_00, months(math.MaxInt64, math.MaxInt64, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), months(50_000_000, 50_000_000), true},
	}
	for _, c := range cases {
		got, ok := SplitByPattern(money.Amount(c.annual), c.pattern)
		if got != c.want || ok != c.ok {
			t.Errorf("%s: got %v %v, want %v %v", c.name, got, ok, c.want, c.ok)
		}
		if s := sumOf(t, got); s != money.Amount(c.annual) {
			t.Errorf("%s: sums to %d, want %d", c.name, s, c.annual)
		}
	}
}

func TestSplitLike(t *testing.T) {
	cases := []struct {
		name    string
		annual  int64
		current Months
		want    Months
	}{
		{"keeps the shape", 2000, months(100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 900), months(200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1800)},
		{"refund line keeps its shape", -400, months(-100, -300), months(-100, -300)},
		{"refund line grows", -800, months(-100, -300), months(-200, -600)},
		{"all zero falls back to even", 1200, Months{}, SplitEven(1200)},
		{"sign change keeps the shape", 400, months(-100, -300), months(100, 300)},
	}
	for _, c := range cases {
		got := SplitLike(money.Amount(c.annual), c.current)
		if got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

func TestCheckManual(t *testing.T) {
	cases := []struct {
		name   string
		annual int64
		months Months
		key    string
		diff   string
	}{
		{"exact", 1200, SplitEven(1200), "", ""},
		{"exact with a refund month", 100, months(200, -100), "", ""},
		{"over", 1200, months(1300), "problem.split.months_over", "1.00"},
		{"under", 1200, months(1000), "problem.split.months_under", "2.00"},
		{"negative annual under", -500, months(-100), "problem.split.months_over", "4.00"},
		{"overflow", 0, months(math.MaxInt64, 1), "problem.split.months_overflow", ""},
		{"difference too large", math.MinInt64, months(math.MaxInt64), "problem.split.months_overflow", ""},
	}
	for _, c := range cases {
		p := CheckManual(money.Amount(c.annual), c.months)
		switch {
		case c.key == "" && p != nil:
			t.Errorf("%s: refused: %v", c.name, p)
		case c.key != "" && (p == nil || p.Key != c.key):
			t.Errorf("%s: got %v, want %s", c.name, p, c.key)
		case c.diff != "" && p.Args["Diff"] != c.diff:
			t.Errorf("%s: Diff = %v, want %s", c.name, p.Args["Diff"], c.diff)
		}
	}
}

func TestManualDifference(t *testing.T) {
	cases := []struct {
		annual int64
		months Months
		diff   int64
		ok     bool
	}{
		{1200, months(1300), 100, true},
		{1200, months(1000), -200, true},
		{-500, months(-100), 400, true},
		{0, Months{}, 0, true},
		{0, months(math.MaxInt64, 1), 0, false},
		{math.MinInt64, months(math.MaxInt64), 0, false},
	}
	for _, c := range cases {
		d, ok := ManualDifference(money.Amount(c.annual), c.months)
		if d != money.Amount(c.diff) || ok != c.ok {
			t.Errorf("ManualDifference(%d, %v) = %d %v, want %d %v", c.annual, c.months, d, ok, c.diff, c.ok)
		}
	}
}

func TestBalanceIntoDecember(t *testing.T) {
	got, ok := BalanceIntoDecember(1200, months(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 555))
	if !ok || got[11] != 100 {
		t.Errorf("got %v %v", got, ok)
	}
	got, ok = BalanceIntoDecember(-300, months(100))
	if !ok || got[11] != -400 || sumOf(t, got) != -300 {
		t.Errorf("negative: got %v %v", got, ok)
	}
	if _, ok := BalanceIntoDecember(math.MinInt64, months(math.MaxInt64)); ok {
		t.Error("an unrepresentable remainder was accepted")
	}
}

func TestSplitMethodValid(t *testing.T) {
	for _, m := range SplitMethods {
		if !m.Valid() || m.Term().Key == "" {
			t.Errorf("%s not valid", m)
		}
	}
	if SplitMethod("quarterly").Valid() {
		t.Error("unknown method accepted")
	}
}

// Property: over many random annual amounts (positive, negative, zero,
// huge) and patterns, every split adds up to the annual amount exactly.
// FuzzSplitSums explores further with go test -fuzz.
func TestSplitsAlwaysAddUp(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 12))
	pick := func() int64 {
		switch r.IntN(5) {
		case 0:
			return 0
		case 1:
			return r.Int64N(1000) - 500
		case 2:
			return r.Int64() - math.MaxInt64/2
		case 3:
			return []int64{math.MaxInt64, math.MinInt64, math.MinInt64 + 1, 1, -1}[r.IntN(5)]
		}
		return r.Int64N(100_000_000_00)
	}
	for i := 0; i < 20000; i++ {
		annual := money.Amount(pick())
		var pattern Months
		for m := range pattern {
			pattern[m] = money.Amount(pick())
		}
		for name, got := range map[string]Months{"even": SplitEven(annual), "like": SplitLike(annual, pattern)} {
			if s := sumOf(t, got); s != annual {
				t.Fatalf("%s split of %d (pattern %v) sums to %d", name, annual, pattern, s)
			}
		}
		got, _ := SplitByPattern(annual, pattern)
		if s := sumOf(t, got); s != annual {
			t.Fatalf("pattern split of %d (pattern %v) sums to %d", annual, pattern, s)
		}
	}
}

// Whatever the annual amount and the pattern, every split adds up exactly.
func FuzzSplitSums(f *testing.F) {
	f.Add(int64(120000), int64(1), int64(2), int64(3), int64(-4), int64(0), int64(6))
	f.Add(int64(-987654321), int64(0), int64(0), int64(0), int64(0), int64(0), int64(0))
	f.Add(int64(math.MinInt64), int64(math.MaxInt64), int64(1), int64(-1), int64(7), int64(0), int64(3))
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64), int64(math.MaxInt64), int64(5), int64(7), int64(0), int64(3))
	f.Fuzz(func(t *testing.T, annual, p1, p2, p3, p4, p5, p6 int64) {
		a := money.Amount(annual)
		// Twelve months from six values: both halves of the year vary.
		pattern := months(p1, p2, p3, p4, p5, p6, p6, p5, p4, p3, p2, p1)
		if s := sumOf(t, SplitEven(a)); s != a {
			t.Fatalf("SplitEven(%d) sums to %d", annual, s)
		}
		got, ok := SplitByPattern(a, pattern)
		if s := sumOf(t, got); s != a {
			t.Fatalf("SplitByPattern(%d, %v) sums to %d", annual, pattern, s)
		}
		for i, p := range pattern {
			if ok && p <= 0 && got[i] != 0 {
				t.Fatalf("month %d has weight %d but got %d", i+1, p, got[i])
			}
		}
		if s := sumOf(t, SplitLike(a, pattern)); s != a {
			t.Fatalf("SplitLike(%d, %v) sums to %d", annual, pattern, s)
		}
		if p := CheckManual(a, got); p != nil {
			t.Fatalf("CheckManual refused a split that sums: %v", p)
		}
		if b, ok := BalanceIntoDecember(a, pattern); ok {
			if s, fits := SumMonths(b); !fits || s != a {
				t.Fatalf("BalanceIntoDecember(%d, %v) sums to %d", annual, pattern, s)
			}
		}
	})
}
