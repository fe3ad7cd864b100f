package ui

import (
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// An approved adjustment changes the budget Execution monitoring shows:
// BudgetChanged (what prep calls after the approval) reloads it as well as
// the dashboard, so the monitor does not keep the year's old full-year
// budget.
func TestBudgetChangedReloadsExecution(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.Show(SectionExecution)
	before := s.execution.ex.Total.Expenditure.Budget
	old, err := s.svc.Store.PlanLine(s.ctx, 2026, "101", "30201")
	if err != nil {
		t.Fatal(err)
	}
	adj, err := s.svc.Budgets.RequestAdjustment(s.ctx, s.actor, 2026, string(domain.ReasonNewTask), "新增病区办公用品",
		[]domain.AdjustmentLine{{DeptCode: "101", SubjectCode: "30201", Old: old.Amount, New: old.Amount + 1_000_000_00}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.svc.Budgets.DecideAdjustment(s.ctx, s.actor, adj.ID, true, ""); err != nil {
		t.Fatal(err)
	}
	s.BudgetChanged()
	if got := s.execution.ex.Total.Expenditure.Budget; got != before+1_000_000_00 {
		t.Errorf("Execution shows a budget of %v after the adjustment, want %v", got, before+1_000_000_00)
	}
}
