package domain

import (
	"time"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// BudgetLine is one leaf amount of a year's budget: a department and a subject.
type BudgetLine struct {
	DeptCode    string
	SubjectCode string
	Amount      money.Amount
	Note        string
}

// Budget is the approved budget of one year.
type Budget struct {
	Year       int
	Source     string
	ApprovedAt time.Time
	ApprovedBy string
	Lines      []BudgetLine
}

// Actual is revenue or spending that happened: a ledger line (with a date and
// voucher) or a monthly summary amount.
type Actual struct {
	Year        int
	Month       int
	DeptCode    string
	SubjectCode string
	Amount      money.Amount
	Date        time.Time // zero for summaries
	Voucher     string
	Summary     string
	Source      string
}

// ValidYear bounds the years the product accepts; outside it a typo is more
// likely than a real budget.
func ValidYear(y int) bool { return y >= 2000 && y <= 2100 }

// YearProblem explains an unacceptable year.
func YearProblem(y int) *Problem {
	return NewProblem("problem.year_range", "Year {{.Year}} is outside 2000–2100: give the budget year as four digits, e.g. 2025.", "Year", y)
}
