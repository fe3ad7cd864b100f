package services

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/demo"
	"github.com/budgetperf/budgetperf/internal/domain"
)

// LoadDemo loads the demo hospital for year and approves the prior year's
// bonus allocation (the whole performance pay, default weights), so the
// current year's bonus has a last period to compare with. The bonus run
// is a second step: should it fail, the hospital is still loaded.
func (s *Services) LoadDemo(ctx context.Context, by domain.Actor, year int) (demo.Loaded, error) {
	return s.LoadDemoScope(ctx, by, year, demo.Everything)
}

// LoadDemoScope is LoadDemo of scope (demo.BaseOnly for tests that run a
// preparation cycle or adjustments of their own).
func (s *Services) LoadDemoScope(ctx context.Context, by domain.Actor, year int, scope demo.Scope) (demo.Loaded, error) {
	out, err := s.Demo.LoadScope(ctx, by, year, scope)
	if err != nil {
		return out, err
	}
	prior, err := s.Bonus.ForReport(ctx, by, year-1)
	if err != nil {
		return out, err
	}
	if _, err := s.Bonus.Save(ctx, by, prior, ""); err != nil {
		return out, err
	}
	_, err = s.Bonus.Approve(ctx, by, year-1)
	return out, err
}
