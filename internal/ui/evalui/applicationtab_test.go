package evalui

import (
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
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

// The tab names the base of the suggestions — goods and services,
// capital and other running costs, never personnel — and lists each
// suggestion with its base amount.
func TestApplicationTabShowsTheBase(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	a := s.evaluation.application
	a.Refresh()
	if !hasText(a.base, "302 商品和服务支出") || !hasText(a.base, "310 资本性支出") || hasText(a.base, "301") {
		t.Errorf("base line: %q", a.base.Text)
	}
	sugg, err := s.svc.Evaluation.Suggestions(s.ctx, s.actor, 2027)
	if err != nil || len(sugg) == 0 {
		t.Fatal(len(sugg), err)
	}
	for _, g := range sugg {
		if g.Unit.Code != "502" {
			continue
		}
		if !hasText(a.suggestions, "设备科") || !hasText(a.suggestions, kit.Yuan(g.Base)) {
			t.Errorf("设备科's suggestion with base %s not listed: %v", g.Base, texts(a.suggestions))
		}
		return
	}
	t.Fatal("no suggestion for 设备科")
}
