// Package monitor compares execution with the budget: execution rates,
// time progress and which departments run behind or ahead.
package monitor

import (
	"sort"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/money"
)

// Pace thresholds on execution rate ÷ time progress (domain defaults).
const (
	BehindBelow = 0.9
	AheadAbove  = 1.1
)

// Pace classifies a department's execution against time progress.
type Pace string

const (
	Behind  Pace = "behind"
	OnTrack Pace = "on-track"
	Ahead   Pace = "ahead"
	NoPlan  Pace = "no-budget"
)

// Figures are the budget and actual of one kind (revenue or expenditure).
type Figures struct {
	Budget money.Amount
	Actual money.Amount
}

// Rate is actual ÷ budget; 0 when there is no budget.
func (f Figures) Rate() float64 {
	if f.Budget == 0 {
		return 0
	}
	return float64(f.Actual) / float64(f.Budget)
}

// DeptExecution is one department's expenditure execution.
type DeptExecution struct {
	Code, Name, NameEn string
	Type               domain.DeptType
	Expenditure        Figures
	Revenue            Figures
	// Ratio is the expenditure execution rate ÷ time progress.
	Ratio float64
	Pace  Pace
}

// Overview is the execution picture at the end of a month.
type Overview struct {
	Year         int
	Month        int // 0 when the year has no actuals yet
	TimeProgress float64
	Expenditure  Figures
	Revenue      Figures
	Departments  []DeptExecution // by code
}

// TimeProgress is elapsed months ÷ 12 at the end of month.
func TimeProgress(month int) float64 { return float64(month) / 12 }

// PaceOf classifies ratio = execution rate ÷ time progress.
func PaceOf(ratio float64) Pace {
	switch {
	case ratio < BehindBelow:
		return Behind
	case ratio > AheadAbove:
		return Ahead
	}
	return OnTrack
}

// Amounts are per department and kind, as summed by the store.
type Amounts map[string]map[domain.SubjectKind]money.Amount

// Build computes the overview from budget and actual sums.
func Build(year, month int, depts []domain.Department, budget, actual Amounts) Overview {
	o := Overview{Year: year, Month: month, TimeProgress: TimeProgress(month)}
	for _, d := range depts {
		e := DeptExecution{Code: d.Code, Name: d.Name, NameEn: d.NameEn, Type: d.Type,
			Expenditure: Figures{Budget: budget[d.Code][domain.Expenditure], Actual: actual[d.Code][domain.Expenditure]},
			Revenue:     Figures{Budget: budget[d.Code][domain.Revenue], Actual: actual[d.Code][domain.Revenue]},
		}
		if e.Expenditure == (Figures{}) && e.Revenue == (Figures{}) {
			continue
		}
		o.Expenditure.Budget += e.Expenditure.Budget
		o.Expenditure.Actual += e.Expenditure.Actual
		o.Revenue.Budget += e.Revenue.Budget
		o.Revenue.Actual += e.Revenue.Actual
		e.Pace = NoPlan
		if e.Expenditure.Budget > 0 && o.TimeProgress > 0 {
			e.Ratio = e.Expenditure.Rate() / o.TimeProgress
			e.Pace = PaceOf(e.Ratio)
		}
		o.Departments = append(o.Departments, e)
	}
	return o
}

// Ratio is the hospital's expenditure execution rate ÷ time progress.
func (o Overview) Ratio() float64 {
	if o.TimeProgress == 0 {
		return 0
	}
	return o.Expenditure.Rate() / o.TimeProgress
}

// FurthestBehind returns up to n departments with the lowest ratio below
// the behind threshold, the worst first.
func (o Overview) FurthestBehind(n int) []DeptExecution {
	return o.extremes(n, Behind, func(a, b DeptExecution) bool { return a.Ratio < b.Ratio })
}

// FurthestAhead returns up to n departments with the highest ratio above
// the ahead threshold, the most ahead first.
func (o Overview) FurthestAhead(n int) []DeptExecution {
	return o.extremes(n, Ahead, func(a, b DeptExecution) bool { return a.Ratio > b.Ratio })
}

func (o Overview) extremes(n int, pace Pace, less func(a, b DeptExecution) bool) []DeptExecution {
	var out []DeptExecution
	for _, d := range o.Departments {
		if d.Pace == pace {
			out = append(out, d)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return less(out[i], out[j]) })
	if len(out) > n {
		out = out[:n]
	}
	return out
}
