// Package execution is the service the Execution screens and `monitor`
// call: it reads budgets, monthly plans, actuals and project targets from
// the store, applies the rules of package pace, records target values and
// project spending, and builds the charts' models. It owns the actuals
// import (import_*.go: ledgers and summaries, their duplicate checks) and
// the target values import (targetimport.go).
package execution

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Service reads execution figures.
type Service struct{ st *store.Store }

// New returns the service over st.
func New(st *store.Store) *Service { return &Service{st: st} }

// LatestMonth is the last month of year with actuals, 0 when none.
func (s *Service) LatestMonth(ctx context.Context, by domain.Actor, year int) (int, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return 0, err
	}
	return s.st.LatestActualMonth(ctx, year)
}

// resolveMonth checks month and turns 0 into the latest month with actuals.
func (s *Service) resolveMonth(ctx context.Context, year, month int) (int, error) {
	if month < 0 || month > 12 {
		return 0, monthProblem(month)
	}
	if month == 0 {
		return s.st.LatestActualMonth(ctx, year)
	}
	return month, nil
}

func monthProblem(month int) error {
	return domain.NewProblem("problem.month_range", "Month {{.Month}} is outside 1–12.", "Month", month)
}
