// Package services opens a database and wires the services that both the
// GUI and the CLI call, so neither computes anything on its own.
package services

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/accounts"
	"github.com/budgetperf/budgetperf/internal/auditing"
	"github.com/budgetperf/budgetperf/internal/bonusrun"
	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/demo"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/importing"
	"github.com/budgetperf/budgetperf/internal/masterdata"
	"github.com/budgetperf/budgetperf/internal/monitor"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Services is one open database and the services over it.
type Services struct {
	Store   *store.Store
	Master  *masterdata.Service
	Budgets *budgeting.Service
	Monitor *monitor.Service
	Demo    *demo.Service
	Import  *importing.Service
	// Evaluation is the indicator library, evaluations and result application.
	Evaluation *evaluation.Service
	// Bonus computes performance-bonus allocations (issue 7).
	Bonus *bonusrun.Service
	// Accounts are the users and sign-in, Audit the audit trail (issue 10).
	Accounts *accounts.Service
	Audit    *auditing.Service
}

// Open opens the database at path (creating it when new) and makes sure
// the built-in subject catalogue is present.
func Open(ctx context.Context, path string) (*Services, error) {
	st, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	s := &Services{
		Store:   st,
		Master:  masterdata.New(st),
		Budgets: budgeting.New(st),
		Monitor: monitor.New(st),
		Demo:    demo.NewService(st),
		Import:  importing.New(st),

		Evaluation: evaluation.New(st),
		Accounts:   accounts.New(st),
		Audit:      auditing.New(st),
	}
	s.Bonus = bonusrun.New(st, s.Evaluation)
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
