package monitor

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/masterdata"
	"github.com/budgetperf/budgetperf/internal/money"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Service reads execution figures.
type Service struct{ st *store.Store }

// New returns the service over st.
func New(st *store.Store) *Service { return &Service{st: st} }

// LatestMonth is the last month of year with actuals, 0 when none.
func (s *Service) LatestMonth(ctx context.Context, by domain.Actor, year int) (int, error) {
	if err := masterdata.CheckActor(by); err != nil {
		return 0, err
	}
	return s.st.LatestActualMonth(ctx, year)
}

// Overview is execution at the end of month; month 0 means the latest month
// with actuals.
func (s *Service) Overview(ctx context.Context, by domain.Actor, year, month int) (Overview, error) {
	if err := masterdata.CheckActor(by); err != nil {
		return Overview{}, err
	}
	if !domain.ValidYear(year) {
		return Overview{}, domain.YearProblem(year)
	}
	month, err := s.resolveMonth(ctx, year, month)
	if err != nil {
		return Overview{}, err
	}
	depts, err := s.st.Departments(ctx)
	if err != nil {
		return Overview{}, err
	}
	bt, err := s.st.BudgetTotals(ctx, year)
	if err != nil {
		return Overview{}, err
	}
	at, err := s.st.ActualTotals(ctx, year, month)
	if err != nil {
		return Overview{}, err
	}
	return Build(year, month, depts, toAmounts(bt), toAmounts(at)), nil
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

func toAmounts(ts []store.Total) Amounts {
	out := Amounts{}
	for _, t := range ts {
		if out[t.DeptCode] == nil {
			out[t.DeptCode] = map[domain.SubjectKind]money.Amount{}
		}
		out[t.DeptCode][t.Kind] += t.Amount
	}
	return out
}
