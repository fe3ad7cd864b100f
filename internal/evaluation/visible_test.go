package evaluation_test

import (
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// A department head sees the budget suggestions of their own departments'
// units only (Budget preparation's result application).
func TestDepartmentHeadSeesOwnSuggestions(t *testing.T) {
	_, svc := withDemo(t)
	head := domain.Actor{Login: "kezhuren", Role: domain.RoleDeptHead, Departments: []string{"502"}}
	all, err := svc.Suggestions(ctx, me, year)
	if err != nil {
		t.Fatal(err)
	}
	own, err := svc.Suggestions(ctx, head, year)
	if err != nil {
		t.Fatal(err)
	}
	if len(own) == 0 || len(own) >= len(all) {
		t.Fatalf("the head sees %d of %d suggestions", len(own), len(all))
	}
	for _, s := range own {
		if s.Unit.Code != "502" && s.Unit.DeptCode != "502" {
			t.Errorf("the head sees the suggestion for %s (%s)", s.Unit.Name, s.Unit.DeptCode)
		}
	}
}
