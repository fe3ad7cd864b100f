package execution

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// MonthProblem says why month-end month of year cannot be shown when its
// actuals are imported through month latest (0 = none yet): a month
// outside 1–12, or a month-end after the last month with actuals, whose
// "actual" would be the actuals of earlier months and every department
// would read as lagging. Month 0 (the latest month with actuals) is
// always fine. Nil when the month-end can be shown.
func MonthProblem(year, month, latest int) error {
	if month < 0 || month > 12 {
		return monthProblem(month)
	}
	if month == 0 || month <= latest {
		return nil
	}
	if latest == 0 {
		return domain.NewProblem("problem.month.no_actuals",
			"Month-end {{.Month}} of {{.Year}}: no actuals of {{.Year}} are imported yet. Import the actuals of {{.Year}} first (budgetperf import actuals --year {{.Year}} FILE).",
			"Year", year, "Month", month)
	}
	return domain.NewProblem("problem.month.after_actuals",
		"Month-end {{.Month}} of {{.Year}}: actuals of {{.Year}} are imported through month {{.Latest}} only. Choose a month-end up to {{.Latest}}, or import the actuals of the later months.",
		"Year", year, "Month", month, "Latest", latest)
}

// closedMonth checks month against the actuals of year (MonthProblem) and
// turns 0 into the latest month with actuals.
func (s *Service) closedMonth(ctx context.Context, year, month int) (int, error) {
	if month < 0 || month > 12 {
		return 0, monthProblem(month)
	}
	latest, err := s.st.LatestActualMonth(ctx, year)
	if err != nil {
		return 0, err
	}
	if err := MonthProblem(year, month, latest); err != nil {
		return 0, err
	}
	if month == 0 {
		return latest, nil
	}
	return month, nil
}
