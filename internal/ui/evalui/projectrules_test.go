package evalui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

// The project rules form: the policy's defaults shown, points that do not
// add up to 100 refused in words (by the rule while typing and by the
// service on saving), a valid change saved, and read-only with the reason
// for a role that may not edit indicators.
func TestProjectRulesForm(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	e := openEvaluation(t, s, 2026)
	r := e.rules
	got := []string{r.execution.Text, r.output.Text, r.benefit.Text, r.satisfaction.Text, r.factor.Text, r.deduct.Text}
	if strings.Join(got, " ") != "10 50 30 10 1.5 20" {
		t.Errorf("the form shows %q, want the policy defaults 10 50 30 10 1.5 20", got)
	}

	r.output.SetText("60")
	r.benefit.SetText("60")
	if !r.status.Visible() || !strings.Contains(r.status.Text, "合计为 140") {
		t.Errorf("60 + 60 not questioned while typing: %q", r.status.Text)
	}
	test.Tap(r.save)
	if r.status.Importance != widget.DangerImportance || !strings.Contains(r.status.Text, "应为 100") {
		t.Errorf("60 + 60 not refused in words: %q", r.status.Text)
	}
	ctx := context.Background()
	if rules, _ := s.svc.Evaluation.ProjectRules(ctx, s.actor); rules != scoring.DefaultProjectRules {
		t.Errorf("refused rules were stored: %+v", rules)
	}

	r.output.SetText("55")
	r.benefit.SetText("25")
	r.factor.SetText("2")
	r.deduct.SetText("10%")
	if r.status.Visible() {
		t.Errorf("valid rules questioned: %q", r.status.Text)
	}
	test.Tap(r.save)
	want := scoring.ProjectRules{Execution: 10, Output: 55, Benefit: 25, Satisfaction: 10, OverFactor: 2, OverDeduct: 0.1}
	if rules, _ := s.svc.Evaluation.ProjectRules(ctx, s.actor); rules != want {
		t.Errorf("stored %+v, want %+v (status %q)", rules, want, r.status.Text)
	}
	if r.status.Importance != widget.SuccessImportance || !strings.Contains(r.status.Text, "10%") {
		t.Errorf("saved status %q", r.status.Text)
	}

	s.actor = domain.Actor{Login: "zhang", Role: domain.RoleDeptHead, Departments: []string{"101"}}
	r.Refresh()
	if !r.save.Disabled() || !r.output.Disabled() || !r.roleNote.Visible() || !strings.Contains(r.roleNote.Text, "只读") {
		t.Errorf("a department head may edit the rules: save disabled %v, note %q", r.save.Disabled(), r.roleNote.Text)
	}
	if r.output.Text != "55" {
		t.Errorf("the read-only form does not show the rules in force: %q", r.output.Text)
	}
}
