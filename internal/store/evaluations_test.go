package store

import (
	"context"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

func saveFirstTemplate(t *testing.T, s *Store) (scoring.Scheme, int64) {
	t.Helper()
	templates, err := scoring.Templates()
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.SaveScheme(context.Background(), domain.LocalUser, templates[0], true)
	if err != nil {
		t.Fatal(err)
	}
	return templates[0], id
}

func TestEvaluationRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	sc, sid := saveFirstTemplate(t, s)
	id, created, err := s.InsertEvaluation(ctx, domain.LocalUser, 2024, "department", "101", sid)
	if err != nil || !created {
		t.Fatal(created, err)
	}
	again, created, err := s.InsertEvaluation(ctx, domain.LocalUser, 2024, "department", "101", sid)
	if err != nil || created || again != id {
		t.Errorf("second insert: id %d created %v %v, want the existing %d", again, created, err, id)
	}
	v := EvaluationValue{IndicatorCode: "1.1.1", Actual: "1,234.5", Reason: "原因"}
	if err := s.SetEvaluationValue(ctx, domain.LocalUser, id, v); err != nil {
		t.Fatal(err)
	}
	v.Actual = "95"
	if err := s.SetEvaluationValue(ctx, domain.LocalUser, id, v); err != nil {
		t.Fatal(err)
	}
	vals, err := s.EvaluationValues(ctx, id)
	if err != nil || len(vals) != 1 || vals[0] != v {
		t.Errorf("values %+v %v", vals, err)
	}
	if err := s.FinaliseEvaluation(ctx, domain.LocalUser, id, 87.5, "good"); err != nil {
		t.Fatal(err)
	}
	if err := s.FinaliseEvaluation(ctx, domain.LocalUser, id, 1, "poor"); !IsNotFound(err) {
		t.Errorf("finalising twice: %v", err)
	}
	e, err := s.Evaluation(ctx, id)
	if err != nil || !e.Finalised || e.Score != 87.5 || e.Grade != "good" || e.FinalisedBy != "local" || e.FinalisedAt.IsZero() || e.SchemeID != sid {
		t.Errorf("evaluation %+v %v", e, err)
	}
	if n, _ := s.SchemeFinalisedUses(ctx, sc.Code); n != 1 {
		t.Errorf("finalised uses %d", n)
	}
	if _, _, err := s.InsertEvaluation(ctx, domain.LocalUser, 2025, "department", "101", sid); err != nil {
		t.Fatal(err)
	}
	list, _ := s.Evaluations(ctx, 2024)
	hist, _ := s.EvaluationsOf(ctx, "department", "101")
	if len(list) != 1 || len(hist) != 2 || hist[0].Year != 2024 || hist[1].Finalised {
		t.Errorf("list %+v history %+v", list, hist)
	}
	if _, err := s.Evaluation(ctx, 999); !IsNotFound(err) {
		t.Errorf("missing evaluation: %v", err)
	}
}

func TestSuggestionsKeepDecisions(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	_, sid := saveFirstTemplate(t, s)
	eid, _, err := s.InsertEvaluation(ctx, domain.LocalUser, 2024, "department", "502", sid)
	if err != nil {
		t.Fatal(err)
	}
	sg := BudgetSuggestion{Year: 2025, UnitKind: "department", UnitCode: "502", EvaluationID: eid, Grade: "poor",
		Base: money.Amount(1_000_001), Suggested: money.Amount(900_001), ChangeBP: -1000}
	if err := s.UpsertOpenSuggestion(ctx, sg); err != nil {
		t.Fatal(err)
	}
	list, err := s.BudgetSuggestions(ctx, 2025)
	if err != nil || len(list) != 1 || list[0].State != "open" || list[0].Suggested != sg.Suggested || list[0].Decided != nil {
		t.Fatalf("%+v %v", list, err)
	}
	if err := s.DecideSuggestion(ctx, domain.LocalUser, list[0].ID, "overridden", money.Amount(950_000), "设备更新必需"); err != nil {
		t.Fatal(err)
	}
	// A refresh after the decision leaves it alone.
	sg.Suggested = 1
	if err := s.UpsertOpenSuggestion(ctx, sg); err != nil {
		t.Fatal(err)
	}
	got, err := s.BudgetSuggestion(ctx, list[0].ID)
	if err != nil || got.State != "overridden" || got.Suggested != money.Amount(900_001) || got.Decided == nil || *got.Decided != 950_000 || got.Reason != "设备更新必需" {
		t.Errorf("%+v %v", got, err)
	}
	if err := s.DecideSuggestion(ctx, domain.LocalUser, 999, "accepted", 0, ""); !IsNotFound(err) {
		t.Errorf("missing suggestion: %v", err)
	}
}
