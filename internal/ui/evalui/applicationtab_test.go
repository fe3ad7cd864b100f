package evalui

import (
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// The result-application table is set in Evaluation and drives the
// suggestion shown in Budget preparation.
func TestApplicationTableChangesTheSuggestion(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	a := s.evaluation.application
	if a.changes["poor"].Text != "-10" {
		t.Fatalf("default cut for poor %q", a.changes["poor"].Text)
	}
	a.changes["poor"].SetText("abc")
	a.save()
	if !hasText(a.status, "不是百分数") {
		t.Errorf("a bad rate is not explained: %q", a.status.Text)
	}
	a.changes["poor"].SetText("-15%")
	a.save()
	sugg, err := s.svc.Evaluation.Suggestions(s.ctx, s.actor, 2027)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range sugg {
		if g.Unit.Code == "502" {
			want := money.Amount(money.RoundDiv(g.Base.Fen()*8500, 10000))
			if g.Suggested != want {
				t.Errorf("设备科 suggestion %s, want base %s less 15%% = %s", g.Suggested, g.Base, want)
			}
			return
		}
	}
	t.Fatal("no suggestion for 设备科")
}
