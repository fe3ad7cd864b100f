package pace

import (
	"math"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// Thresholds are the hospital's monitoring rules; every one is a setting.
type Thresholds struct {
	// GreenWithin and AmberWithin bound |deviation rate| for green and
	// amber (domain practice: ±5% accurate, ±10% warning, beyond red).
	GreenWithin, AmberWithin float64
	// BehindBelow and AheadAbove bound execution rate ÷ time progress.
	BehindBelow, AheadAbove float64
}

// DefaultThresholds are domain.md's defaults.
var DefaultThresholds = Thresholds{GreenWithin: 0.05, AmberWithin: 0.10, BehindBelow: BehindBelow, AheadAbove: AheadAbove}

// Validate refuses thresholds that cannot order green before amber before
// red, or behind before ahead.
func (t Thresholds) Validate() error {
	if t.GreenWithin <= 0 || t.AmberWithin <= t.GreenWithin || t.AmberWithin > 10 {
		return domain.NewProblem("problem.monitor.deviation_bands", "The deviation bands must grow: green within a positive rate (e.g. 5%), amber within a larger one (e.g. 10%).")
	}
	if t.BehindBelow <= 0 || t.AheadAbove <= t.BehindBelow {
		return domain.NewProblem("problem.monitor.pace_bands", "“Behind” must be below “ahead” (e.g. behind below 0.90, ahead above 1.10 of time progress).")
	}
	return nil
}

// Measure is budget, plan and actual of one figure at a month-end.
type Measure struct {
	Budget     money.Amount // annual, adjusted
	PlanToDate money.Amount // the monthly distribution summed through the month
	Actual     money.Amount // actual summed through the month
}

// Add sums two measures.
func (m Measure) Add(o Measure) Measure {
	return Measure{Budget: m.Budget + o.Budget, PlanToDate: m.PlanToDate + o.PlanToDate, Actual: m.Actual + o.Actual}
}

// ExecutionRate is actual ÷ annual budget; 0 without a budget.
func (m Measure) ExecutionRate() float64 { return ratio(m.Actual, m.Budget) }

// Deviation is (actual − plan to date) ÷ plan to date; ok is false when
// nothing was planned to date.
func (m Measure) Deviation() (rate float64, ok bool) {
	if m.PlanToDate == 0 {
		return 0, false
	}
	return float64(m.Actual-m.PlanToDate) / float64(m.PlanToDate), true
}

// Pace grades execution rate ÷ time progress: the one judgement of a
// figure against time progress (序时进度).
func (t Thresholds) Pace(ratio float64) Pace {
	switch {
	case ratio < t.BehindBelow:
		return Behind
	case ratio > t.AheadAbove:
		return Ahead
	}
	return OnTrack
}

// AgainstTime is execution rate ÷ time progress; 0 at month 0 or without a budget.
func (m Measure) AgainstTime(timeProgress float64) float64 {
	if timeProgress == 0 || m.Budget == 0 {
		return 0
	}
	return m.ExecutionRate() / timeProgress
}

// DeviationAgainstTime is |actual − budget × time progress| ÷ (budget ×
// time progress): how far spending strays, either way, from the budget
// due by the month-end; at year end (time progress 1) it is |actual −
// budget| ÷ budget. ok is false at month 0 or without a budget.
func (m Measure) DeviationAgainstTime(timeProgress float64) (rate float64, ok bool) {
	due := float64(m.Budget) * timeProgress
	if !(due > 0) {
		return 0, false
	}
	return math.Abs(float64(m.Actual)-due) / due, true
}

func ratio(a, b money.Amount) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
