package execution

import (
	"errors"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// Issue 16: a month-end after the last month with actuals has no results;
// it is refused with where the actuals stop, never shown as all lagging.
func TestMonthProblem(t *testing.T) {
	for _, c := range []struct {
		name          string
		month, latest int
		key           string // "" = accepted
		latestArg     int
	}{
		{"latest month asked as 0", 0, 9, "", 0},
		{"no actuals, month 0", 0, 0, "", 0},
		{"first month", 1, 9, "", 0},
		{"the last month with actuals", 9, 9, "", 0},
		{"one month after", 10, 9, "problem.month.after_actuals", 9},
		{"December with actuals through September", 12, 9, "problem.month.after_actuals", 9},
		{"December of a complete year", 12, 12, "", 0},
		{"no actuals at all", 3, 0, "problem.month.no_actuals", 0},
		{"month 13", 13, 12, "problem.month_range", 0},
		{"negative month", -1, 9, "problem.month_range", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := MonthProblem(2026, c.month, c.latest)
			if c.key == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var p *domain.Problem
			if !errors.As(err, &p) || p.Key != c.key {
				t.Fatalf("got %v, want problem %s", err, c.key)
			}
			if c.latestArg != 0 && (p.Args["Latest"] != c.latestArg || p.Args["Month"] != c.month || p.Args["Year"] != 2026) {
				t.Errorf("problem does not say where the actuals stop: %v", p.Args)
			}
		})
	}
}
