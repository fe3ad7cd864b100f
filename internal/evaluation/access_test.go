package evaluation_test

import (
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/store"
)

// A department head sees and enters their own department's evaluation
// only; finalising is the committee's; values are audited.
func TestEvaluationAccessAndAudit(t *testing.T) {
	st, svc := withDemo(t)
	if _, err := svc.StartYear(ctx, me, year); err != nil {
		t.Fatal(err)
	}
	head := domain.Actor{Login: "zhang", Role: domain.RoleDeptHead, Departments: []string{"101"}}
	finance := domain.Actor{Login: "li", Role: domain.RoleBudgetOffice}
	runs, err := svc.Runs(ctx, head, year)
	if err != nil {
		t.Fatal(err)
	}
	var own evaluation.Run
	for _, r := range runs {
		dept := r.Unit.Code
		if r.Unit.Kind == scoring.ProjectScheme {
			dept = r.Unit.DeptCode
		}
		if dept != "101" {
			t.Fatalf("the head sees %s's evaluation", dept)
		}
		if r.Unit.Kind == scoring.DepartmentScheme {
			own = r
		}
	}
	all, _ := svc.Runs(ctx, me, year)
	var other evaluation.Run
	for _, r := range all {
		if r.Unit.Kind == scoring.DepartmentScheme && r.Unit.Code == "102" {
			other = r
		}
	}
	if own.ID == 0 || other.ID == 0 {
		t.Fatal("no department runs")
	}
	var code string
	var walk func(ns []scoring.Node)
	walk = func(ns []scoring.Node) {
		for _, n := range ns {
			if n.Indicator != nil && n.Indicator.Rule == scoring.Proportional && code == "" {
				code = n.Indicator.Code
			}
			walk(n.Children)
		}
	}
	walk(own.Scheme.Roots)
	if code == "" {
		t.Fatal("no quantitative indicator")
	}
	_, err = svc.Run(ctx, head, other.ID)
	wantKey(t, "read another's", err, "problem.access.not_own_dept")
	wantKey(t, "enter another's", svc.SetValue(ctx, head, other.ID, code, "90", 0, ""), "problem.access.not_own_dept")
	wantKey(t, "finance finalises", svc.Finalise(ctx, finance, own.ID), "problem.access.denied")
	if err := svc.SetValue(ctx, head, own.ID, code, "90", 0, "复核"); err != nil {
		t.Fatal(err)
	}
	if err := svc.SetValue(ctx, head, own.ID, code, "95", 0, "复核"); err != nil {
		t.Fatal(err)
	}
	es, err := st.AuditEntries(ctx, store.AuditFilter{Entity: logbook.EntityIndicatorVal})
	if err != nil || len(es) != 3 {
		t.Fatalf("entries %+v %v", es, err)
	}
	if last := es[2]; last.Field != "actual" || last.Old != "90" || last.New != "95" || last.Login != "zhang" {
		t.Errorf("last entry %+v", last)
	}
}
