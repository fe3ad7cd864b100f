package budgeting_test

import (
	"slices"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// A department head's approved budget, monthly plan and adjustment history
// hold their own departments only, totals included; everyone else reads
// the whole hospital.
func TestDepartmentHeadReadsOwnBudget(t *testing.T) {
	svc, st := monthlyTestService(t)
	own := []string{"101", "301"}
	head := domain.Actor{Login: "kezhuren", Role: domain.RoleDeptHead, Departments: own}
	office := domain.Actor{Login: "li", Role: domain.RoleBudgetOffice}

	v, err := svc.Show(mctx, head, 2026)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := svc.Show(mctx, auditor, 2026)
	var codes []string
	for _, d := range v.Departments {
		codes = append(codes, d.Code)
	}
	if !slices.Equal(codes, own) || !slices.Equal(v.Scope, own) || all.Scope != nil {
		t.Errorf("the head's budget lists %v (scope %v)", codes, v.Scope)
	}
	if v.Expenditure != v.Departments[0].Expenditure+v.Departments[1].Expenditure || v.Expenditure == all.Expenditure {
		t.Errorf("the head's total %s is not their departments' sum", v.Expenditure)
	}
	if v.DeficitWarning() != nil {
		t.Error("a department's own balance is warned about as the hospital's deficit")
	}

	plan, err := svc.MonthlyPlan(mctx, head, 2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range plan.Lines {
		if !slices.Contains(own, l.DeptCode) {
			t.Fatalf("the head's monthly plan holds a line of department %s", l.DeptCode)
		}
	}

	old := amountOf(t, st, "101", "30218")
	other := amountOf(t, st, "103", "30218")
	a, err := svc.RequestAdjustment(mctx, office, 2026, string(domain.ReasonNewTask), "两科室耗材", []domain.AdjustmentLine{
		{DeptCode: "101", SubjectCode: "30218", New: old + 100_00},
		{DeptCode: "103", SubjectCode: "30218", New: other + 900_00},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.DecideAdjustment(mctx, domain.LocalUser, a.ID, true, "同意"); err != nil {
		t.Fatal(err)
	}
	h, err := svc.Adjustments(mctx, head, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Adjustments) != 1 || len(h.Adjustments[0].Lines) != 1 || h.Adjustments[0].Lines[0].DeptCode != "101" ||
		h.Adjustments[0].ExpenditureChange != 100_00 {
		t.Fatalf("the head's adjustments: %+v", h.Adjustments)
	}
	if n := len(h.Versions); n != 2 || h.Versions[1].Expenditure-h.Versions[0].Expenditure != 100_00 {
		t.Errorf("the head's versions: %+v", h.Versions)
	}
	if full, _ := svc.Adjustments(mctx, office, 2026); len(full.Adjustments[0].Lines) != 2 {
		t.Errorf("the budget office sees %d lines of the adjustment", len(full.Adjustments[0].Lines))
	}
}
