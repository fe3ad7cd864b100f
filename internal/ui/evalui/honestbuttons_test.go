package evalui

import (
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/evaluation"
)

// A department head may enter their department's values but not
// finalise: 定稿 is disabled with the reason beside it, not refused after
// the click.
func TestDepartmentHeadSeesFinaliseDisabledWithTheReason(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	if _, err := s.svc.Evaluation.StartYear(s.ctx, s.actor, 2026); err != nil {
		t.Fatal(err)
	}
	e := openEvaluation(t, s, 2026)
	if e.run == nil || e.finalise.Disabled() || e.finaliseWhy.Visible() {
		t.Fatalf("the administrator cannot finalise: run %v, reason %q", e.run, e.finaliseWhy.Text)
	}
	dept := evaluation.UnitDept(e.run.Unit)
	s.actor = domain.Actor{Login: "li", Name: "李主任", Role: domain.RoleDeptHead, Departments: []string{dept}}
	e = openEvaluation(t, s, 2026)
	if e.run == nil {
		t.Fatal("the head sees no evaluation of their department")
	}
	if !e.finalise.Disabled() || !e.finaliseWhy.Visible() || !hasText(e.finaliseWhy, "科室负责人") {
		t.Errorf("定稿 for a department head: disabled %v, reason %q", e.finalise.Disabled(), e.finaliseWhy.Text)
	}
}
