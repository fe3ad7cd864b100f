package money_test

import (
	"math"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

func TestConstructors(t *testing.T) {
	if got := money.FromYuan(12).Fen(); got != 1200 {
		t.Errorf("FromYuan(12) = %d fen", got)
	}
	if got := money.FromYuan(-3).Fen(); got != -300 {
		t.Errorf("FromYuan(-3) = %d fen", got)
	}
	if got := money.FromFen(7).Fen(); got != 7 {
		t.Errorf("FromFen(7) = %d fen", got)
	}
	if got := money.FromYuan(math.MaxInt64 / 100).Fen(); got != math.MaxInt64/100*100 {
		t.Errorf("FromYuan(max) = %d fen", got)
	}
}

func TestArithmetic(t *testing.T) {
	a, b := money.FromFen(150), money.FromFen(-275)
	if a.Add(b) != -125 || a.Sub(b) != 425 || b.Neg() != 275 || b.Abs() != 275 || a.Abs() != 150 {
		t.Errorf("arithmetic: %d %d %d %d", a.Add(b), a.Sub(b), b.Neg(), b.Abs())
	}
	if money.MinAmount.Add(money.MaxAmount) != -1 || money.MaxAmount.Sub(money.MaxAmount) != 0 {
		t.Error("arithmetic at the limits")
	}
}

func TestOverflowPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"add":       func() { money.MaxAmount.Add(1) },
		"add neg":   func() { money.MinAmount.Add(-1) },
		"sub":       func() { money.MinAmount.Sub(1) },
		"sub neg":   func() { money.MaxAmount.Sub(-1) },
		"neg":       func() { money.MinAmount.Neg() },
		"abs":       func() { money.MinAmount.Abs() },
		"from yuan": func() { money.FromYuan(math.MaxInt64/100 + 1) },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("no panic on overflow")
				}
			}()
			f()
		})
	}
}
