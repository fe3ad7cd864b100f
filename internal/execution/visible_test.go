package execution_test

import (
	"context"
	"slices"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// A department head's execution, alerts, totals, actuals and project
// progress are their own departments' only: the total is theirs, never
// the hospital's, and says so (Scope).
func TestDepartmentHeadReadsOwnExecution(t *testing.T) {
	svc := progressDemo(t)
	ctx := context.Background()
	own := []string{"101", "301"}
	head := domain.Actor{Login: "kezhuren", Role: domain.RoleDeptHead, Departments: own}
	auditor := domain.Actor{Login: "shenji", Role: domain.RoleAuditor}

	all, err := svc.Execution.Execution(ctx, auditor, progressYear, 9)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := svc.Execution.Execution(ctx, head, progressYear, 9)
	if err != nil {
		t.Fatal(err)
	}
	if all.Scope != nil || !slices.Equal(ex.Scope, own) {
		t.Errorf("scope: auditor %v, head %v", all.Scope, ex.Scope)
	}
	var sum money.Amount
	for _, d := range ex.Departments {
		if !slices.Contains(own, d.Code) {
			t.Errorf("the head's execution lists department %s", d.Code)
		}
		sum += d.Expenditure.Actual
	}
	if len(ex.Departments) != 2 || ex.Total.Expenditure.Actual != sum || sum == all.Total.Expenditure.Actual {
		t.Errorf("the head's total %s over %d departments, want theirs (%s), not the hospital's (%s)",
			ex.Total.Expenditure.Actual, len(ex.Departments), sum, all.Total.Expenditure.Actual)
	}
	for _, a := range ex.Alerts {
		if !slices.Contains(own, a.DeptCode) {
			t.Errorf("the head sees an alert of department %s", a.DeptCode)
		}
	}
	ps, err := svc.Execution.ProjectProgress(ctx, head, progressYear, 9)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if !slices.Contains(own, p.DeptCode) {
			t.Errorf("the head sees project %s of department %s", p.Name, p.DeptCode)
		}
	}
	av, err := svc.Execution.Actuals(ctx, head, progressYear, 9)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range av.Departments {
		if !slices.Contains(own, d.Code) {
			t.Errorf("the head's actuals list department %s", d.Code)
		}
	}
	if len(av.Departments) == 0 {
		t.Error("the head sees none of their own actuals")
	}
}
