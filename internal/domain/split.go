package domain

import (
	"math"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// SplitMethod says how an approved annual line is distributed over the
// twelve months of the monthly plan that execution is monitored against.
type SplitMethod string

const (
	// SplitMethodEven gives every month a twelfth.
	SplitMethodEven SplitMethod = "even"
	// SplitMethodPrior follows the prior year's monthly actuals of the same
	// department and subject (seasonal pattern: winter respiratory peaks,
	// summer holidays, year-end purchasing).
	SplitMethodPrior SplitMethod = "prior"
	// SplitMethodManual is twelve amounts typed by the budget office.
	SplitMethodManual SplitMethod = "manual"
)

// SplitMethods lists the methods in menu order.
var SplitMethods = []SplitMethod{SplitMethodEven, SplitMethodPrior, SplitMethodManual}

// Valid reports whether m is a known method.
func (m SplitMethod) Valid() bool {
	return m == SplitMethodEven || m == SplitMethodPrior || m == SplitMethodManual
}

// Term is the method's name for messages.
func (m SplitMethod) Term() Term {
	switch m {
	case SplitMethodPrior:
		return Term{Key: "split.method.prior", Default: "Prior-year pattern"}
	case SplitMethodManual:
		return Term{Key: "split.method.manual", Default: "Manual"}
	}
	return Term{Key: "split.method.even", Default: "Even"}
}

// Months is a line's amount for each month, January first.
type Months = [12]money.Amount

// SplitEven spreads annual over twelve months; the leftover fen go to the
// first months, so the months always add up to annual exactly.
func SplitEven(annual money.Amount) Months {
	var out Months
	copy(out[:], money.AllocateEven(annual, 12))
	return out
}

// SplitByPattern spreads annual in proportion to pattern, usually the prior
// year's monthly actuals of the line, by largest remainder. A negative
// month (refunds exceeding spending) weighs 0: it says nothing about when
// this year's money will be needed. ok is false when no month is positive,
// and the caller then falls back to SplitEven.
func SplitByPattern(annual money.Amount, pattern Months) (Months, bool) {
	weights := make([]int64, 12)
	usable := false
	for i, p := range pattern {
		if p > 0 {
			weights[i] = p.Fen()
			usable = true
		}
	}
	if !usable {
		return SplitEven(annual), false
	}
	parts, err := money.Allocate(annual, weights)
	if err != nil { // cannot happen with a positive weight; be safe anyway
		return SplitEven(annual), false
	}
	var out Months
	copy(out[:], parts)
	return out, true
}

// SplitLike re-spreads a new annual amount in proportion to a line's
// current months, which keeps a hand-made distribution's shape when the
// line is adjusted. Months of a refund line (a negative total) are read
// mirrored so that its shape is kept too. It falls back to SplitEven when
// the current months have no usable shape (all zero).
func SplitLike(annual money.Amount, current Months) Months {
	total, ok := SumMonths(current)
	if ok && total < 0 {
		for i := range current {
			if current[i] == money.MinAmount {
				return SplitEven(annual)
			}
			current[i] = -current[i]
		}
	}
	out, _ := SplitByPattern(annual, current)
	return out
}

// SumMonths adds months up; ok is false when the sum does not fit in an
// Amount (absurd input typed by hand), which must be refused, not wrapped.
func SumMonths(months Months) (sum money.Amount, ok bool) {
	for _, m := range months {
		if (m > 0 && sum > money.MaxAmount-m) || (m < 0 && sum < money.MinAmount-m) {
			return 0, false
		}
		sum += m
	}
	return sum, true
}

// CheckManual accepts twelve hand-typed months only when they add up to
// the annual amount exactly, and otherwise says by how much they differ
// and in which direction, so the user knows what to correct.
func CheckManual(annual money.Amount, months Months) *Problem {
	sum, ok := SumMonths(months)
	if !ok {
		return NewProblem("problem.split.months_overflow", "The twelve months add up to more than can be stored: check the amounts and the unit.")
	}
	if sum == annual {
		return nil
	}
	diff, fits := difference(sum, annual)
	if !fits {
		return NewProblem("problem.split.months_overflow", "The twelve months add up to more than can be stored: check the amounts and the unit.")
	}
	args := []any{"Sum", money.FormatPlain(sum), "Annual", money.FormatPlain(annual), "Diff", money.FormatPlain(diff)}
	if sum > annual {
		return NewProblem("problem.split.months_over", "The twelve months add up to {{.Sum}} yuan, {{.Diff}} yuan more than the annual amount {{.Annual}} yuan: reduce the months by {{.Diff}} yuan.", args...)
	}
	return NewProblem("problem.split.months_under", "The twelve months add up to {{.Sum}} yuan, {{.Diff}} yuan less than the annual amount {{.Annual}} yuan: add {{.Diff}} yuan to the months.", args...)
}

// BalanceIntoDecember sets December to whatever January–November leave of
// annual, the usual way an accountant closes a hand-made split. ok is false
// when the remainder does not fit in an Amount.
func BalanceIntoDecember(annual money.Amount, months Months) (Months, bool) {
	months[11] = 0
	sum, ok := SumMonths(months)
	if !ok {
		return months, false
	}
	if (sum < 0 && annual > money.MaxAmount+sum) || (sum > 0 && annual < money.MinAmount+sum) {
		return months, false
	}
	months[11] = annual - sum
	return months, true
}

// ManualDifference is how far hand-typed months are from the annual
// amount: positive when they add up to more. ok is false when the sum or
// the difference does not fit in an Amount.
func ManualDifference(annual money.Amount, months Months) (diff money.Amount, ok bool) {
	sum, ok := SumMonths(months)
	if !ok {
		return 0, false
	}
	d, ok := difference(sum, annual)
	if !ok {
		return 0, false
	}
	if sum < annual {
		d = -d
	}
	return d, true
}

// difference is |a−b| when it fits in an Amount.
func difference(a, b money.Amount) (money.Amount, bool) {
	if a < b {
		a, b = b, a
	}
	d := uint64(a) - uint64(b) // two's complement: exact for any a >= b
	if d > math.MaxInt64 {
		return 0, false
	}
	return money.Amount(d), true
}
