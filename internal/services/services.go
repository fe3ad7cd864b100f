// Package services opens a database and wires the services that both the
// GUI and the CLI call, so neither computes anything on its own.
package services

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/audit"
	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/demo"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/execution"
	"github.com/budgetperf/budgetperf/internal/masterdata"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/users"
)

// Services is one open database and the services over it.
type Services struct {
	Store     *store.Store
	Master    *masterdata.Service
	Budgets   *budgeting.Service
	Execution *execution.Service
	Demo      *demo.Service
	// Evaluation is the indicator library, evaluations and result application.
	Evaluation *evaluation.Service
	// Bonus computes performance-bonus allocations (issue 7).
	Bonus *bonus.Service
	// Accounts are the users and sign-in, Audit the audit trail (issue 10).
	Accounts *users.Service
	Audit    *audit.Service
}

// Open opens the database at path (creating it when new) and makes sure
// the built-in subject catalogue is present.
func Open(ctx context.Context, path string) (*Services, error) {
	st, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	s := &Services{
		Store:     st,
		Master:    masterdata.New(st),
		Budgets:   budgeting.New(st),
		Execution: execution.New(st),
		Demo:      demo.NewService(st),

		Evaluation: evaluation.New(st),
		Accounts:   users.New(st),
		Audit:      audit.New(st),
	}
	s.Bonus = bonus.New(st, s.Evaluation)
	if err := s.Master.EnsureCatalogue(ctx); err != nil {
		st.Close()
		return nil, err
	}
	if err := s.Evaluation.EnsureTemplates(ctx); err != nil {
		st.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Services) Close() error { return s.Store.Close() }
