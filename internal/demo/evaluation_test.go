package demo

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/masterdata"
	"github.com/budgetperf/budgetperf/internal/store"
)

// The demo hospital has a finalised prior-year evaluation of every
// department, with grades that vary and agree with the scores.
func TestLoadFinalisesPriorYearEvaluations(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := masterdata.New(st).EnsureCatalogue(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := NewService(st).Load(ctx, domain.LocalUser, testYear); err != nil {
		t.Fatal(err)
	}
	runs, err := evaluation.New(st).Runs(ctx, domain.LocalUser, testYear-1)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != len(deptSpecs)+len(priorProjects) {
		t.Fatalf("%d evaluations, want %d departments and %d projects", len(runs), len(deptSpecs), len(priorProjects))
	}
	count := map[scoring.Grade]int{}
	for i, r := range runs {
		if !r.Finalised {
			t.Errorf("%s not finalised", r.Unit.Name)
		}
		if g := scoring.GradeOf(r.Result.Total); g != r.Result.Grade {
			t.Errorf("%s: score %v graded %s, bands say %s", r.Unit.Name, r.Result.Total, r.Result.Grade, g)
		}
		if i > 0 && r.Result.Total > runs[i-1].Result.Total {
			t.Errorf("ranking: %s %v after %v", r.Unit.Name, r.Result.Total, runs[i-1].Result.Total)
		}
		for _, is := range r.Result.Indicators {
			if is.Short && r.Reasons[is.Code] == "" {
				t.Errorf("%s %s short without a reason", r.Unit.Name, is.Name)
			}
		}
		if r.Unit.Kind == scoring.DepartmentScheme {
			count[r.Result.Grade]++
		}
		t.Logf("%s %-12s %6.2f %s", r.Unit.Code, r.Unit.Name, r.Result.Total, r.Result.Grade)
	}
	if count[scoring.Excellent] == 0 || count[scoring.Fair] == 0 || count[scoring.Poor] == 0 ||
		count[scoring.Good] <= count[scoring.Excellent] || count[scoring.Good] <= count[scoring.Fair] {
		t.Errorf("grades %v: want some excellent, mostly good, a few fair, at least one poor", count)
	}
	// Deterministic: the same inputs give the same values.
	sc := runs[0].Scheme
	a, b := demoValues("101", evalLevel["101"], sc), demoValues("101", evalLevel["101"], sc)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("demo values differ: %+v %+v", a[i], b[i])
		}
	}
}
