package execution_test

import (
	"context"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// A year with nothing to monitor is refused with what to import: no
// budget, then a budget but no actuals; the demo year passes.
func TestRequireData(t *testing.T) {
	svc := progressDemo(t)
	ctx := context.Background()
	m := svc.Execution
	if key := problemKey(m.RequireData(ctx, domain.LocalUser, 2020)); key != "problem.budget.none" {
		t.Errorf("no budget: %s", key)
	}
	b := domain.Budget{Year: 2030, Source: "test", Lines: []domain.BudgetLine{{DeptCode: "101", SubjectCode: "30107", Amount: money.FromFen(100)}}}
	if err := svc.Store.InsertBudget(ctx, domain.LocalUser, b); err != nil {
		t.Fatal(err)
	}
	if key := problemKey(m.RequireData(ctx, domain.LocalUser, 2030)); key != "problem.monitor.no_actuals" {
		t.Errorf("budget without actuals: %s", key)
	}
	if err := m.RequireData(ctx, domain.LocalUser, progressYear); err != nil {
		t.Errorf("the demo year: %v", err)
	}
}
