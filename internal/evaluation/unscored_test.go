package evaluation_test

import (
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
)

// A year without a budget has nothing to evaluate: starting it and asking
// for its results are refused, saying to import the budget, and nothing is
// stored.
func TestEmptyYearIsRefused(t *testing.T) {
	svc := evaluation.New(open(t))
	n, err := svc.StartYear(ctx, me, 2020)
	wantKey(t, "starting a year without a budget", err, "problem.evaluation.no_budget")
	if n != 0 {
		t.Errorf("refused, yet %d opened", n)
	}
	_, err = svc.Results(ctx, me, 2020)
	wantKey(t, "results of a year without a budget", err, "problem.evaluation.no_budget")
	if runs, err := svc.Runs(ctx, me, 2020); err != nil || len(runs) != 0 {
		t.Errorf("%d runs stored (%v)", len(runs), err)
	}
}

// A year with a budget but not started says to start it.
func TestResultsOfAYearNotStarted(t *testing.T) {
	_, svc := withDemo(t)
	_, err := svc.Results(ctx, me, year)
	wantKey(t, "results of a year not started", err, "problem.evaluation.not_started")
}

// Rank puts the scored units first, best first, and the unscored after
// them by kind and code, whatever their (zero) totals.
func TestRankLeavesUnscoredUnranked(t *testing.T) {
	run := func(code string, total float64, scored bool) evaluation.Run {
		return evaluation.Run{Unit: evaluation.Unit{Kind: scoring.DepartmentScheme, Code: code},
			Scheme: scoring.Scheme{Total: 100}, Result: scoring.Result{Total: total, Scored: scored}}
	}
	runs := []evaluation.Run{run("104", 0, false), run("101", 0, true), run("103", 0, false), run("102", 75, true)}
	evaluation.Rank(runs)
	var got []string
	for _, r := range runs {
		got = append(got, r.Unit.Code)
	}
	if want := "[102 101 103 104]"; fmtList(got) != want {
		t.Errorf("ranked %v, want %s", got, want)
	}
	if n := evaluation.Unscored(runs); n != 2 {
		t.Errorf("%d unscored, want 2", n)
	}
}

func fmtList(s []string) string {
	out := "["
	for i, v := range s {
		if i > 0 {
			out += " "
		}
		out += v
	}
	return out + "]"
}
