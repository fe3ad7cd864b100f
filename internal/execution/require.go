package execution

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
)

// RequireData refuses a year with nothing to monitor, saying what to
// import: no approved budget, or no actuals yet. Execution itself answers
// any year (screens show an empty year as empty); `monitor` asks this
// first so that an empty year is not printed as a table of zeros whose
// total says 正常.
func (s *Service) RequireData(ctx context.Context, by domain.Actor, year int) error {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return err
	}
	if !domain.ValidYear(year) {
		return domain.YearProblem(year)
	}
	ok, err := s.st.BudgetExists(ctx, year)
	if err != nil {
		return err
	}
	if !ok {
		return domain.NewProblem("problem.budget.none", "There is no approved budget for {{.Year}}. Import one (budgetperf import budget --year {{.Year}} FILE) or load the demo hospital.", "Year", year)
	}
	month, err := s.st.LatestActualMonth(ctx, year)
	if err != nil {
		return err
	}
	if month == 0 {
		return domain.NewProblem("problem.monitor.no_actuals", "There are no actuals for {{.Year}} yet, so there is nothing to monitor: import them first (budgetperf import actuals --year {{.Year}} FILE).", "Year", year)
	}
	return nil
}
