package evaluation_test

import (
	"math"
	"strconv"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/execution"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Every project is judged against its own target table: each target is an
// indicator of its run, scored by its direction, with the value monitoring
// reported; the execution rate comes from the project's spending.
func TestProjectsAreJudgedOnTheirOwnTargets(t *testing.T) {
	st, svc := withDemo(t)
	projects, _ := st.Projects(ctx, year, "")
	// A December report is the year's result and is copied; September's
	// are not.
	err := st.InTx(ctx, func(tx *store.Tx) error {
		return tx.SaveTargetValue(ctx, me, store.TargetValue{ProjectID: projects[0].ID, Position: 1, Month: 12, Value: "19800"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.StartYear(ctx, me, year); err != nil {
		t.Fatal(err)
	}
	runs, err := svc.Runs(ctx, me, year)
	if err != nil {
		t.Fatal(err)
	}
	progress, _ := execution.New(st).ProjectProgress(ctx, me, year, 0)
	byUnit := map[string]evaluation.Run{}
	for _, r := range runs {
		byUnit[string(r.Unit.Kind)+"/"+r.Unit.Code] = r
	}
	for _, p := range projects {
		r, ok := byUnit["project/"+strconv.FormatInt(p.ID, 10)]
		if !ok || r.Scheme.Code != scoring.ProjectSchemeCode(p.ID) {
			t.Fatalf("%s: run %v on %q", p.Name, ok, r.Scheme.Code)
		}
		names := map[string]string{}
		for _, is := range r.Result.Indicators {
			names[is.Code] = is.Name
		}
		for i, tg := range p.Targets {
			code := scoring.TargetCode(tg.Category, i+1)
			if names[code] != tg.Indicator {
				t.Errorf("%s: target %q is not indicator %s (%q)", p.Name, tg.Indicator, code, names[code])
			}
		}
	}
	// 农村妇女两癌筛查项目 at September, by hand: output 50 shared by three
	// targets (16.67, 16.67, 16.66): 15600 of 20000 people → 0.78 × 16.67;
	// follow-up 96.2% ≥ 95% → full; cost 42.6 ≤ 45 yuan → full. Benefit:
	// early diagnosis 73.5% ≥ 70% → 30. Satisfaction 93.1% ≥ 90% → 10.
	// Execution: spending rate × 10.
	var screening domain.Project
	for _, p := range projects {
		if p.Name == "农村妇女两癌筛查项目" {
			screening = p
		}
	}
	r := byUnit["project/"+strconv.FormatInt(screening.ID, 10)]
	if r.Texts["1.1.1"] != "19800" || r.Texts["1.2.2"] != "" {
		t.Errorf("copied from monitoring: December %q, September %q (want 19800 and nothing)", r.Texts["1.1.1"], r.Texts["1.2.2"])
	}
	for code, v := range map[string]string{"1.1.1": "15600", "1.2.2": "96.2", "1.4.3": "42.6", "2.2.4": "73.5", "3.1.5": "93.1"} {
		if err := svc.SetValue(ctx, me, r.ID, code, v, 0, "x"); err != nil {
			t.Fatal(code, err)
		}
	}
	if r, err = svc.Run(ctx, me, r.ID); err != nil {
		t.Fatal(err)
	}
	rate := 0.0
	for _, pp := range progress {
		if pp.ID == screening.ID {
			rate = scoring.Round2(pp.SpendingRate * 100)
		}
	}
	want := 0.78*16.67 + 16.67 + 16.66 + 30 + 10 + math.Min(rate, 100)/100*10
	if math.Abs(r.Result.Total-want) > 0.005 || !r.Scored() {
		t.Errorf("两癌筛查 = %.4f (scored %v), want %.4f", r.Result.Total, r.Scored(), want)
	}
	if r.Texts[scoring.ExecutionRateCode] != strconv.FormatFloat(rate, 'f', 2, 64) {
		t.Errorf("execution rate from monitoring: %q", r.Texts[scoring.ExecutionRateCode])
	}
}

// The rules are the hospital's: saved, audited, used by the next start,
// refused when the weights do not add up.
func TestProjectRules(t *testing.T) {
	_, svc := withDemo(t)
	r, err := svc.ProjectRules(ctx, me)
	if err != nil || r != scoring.DefaultProjectRules {
		t.Fatalf("defaults: %+v %v", r, err)
	}
	r.Output, r.Benefit = 60, 20
	if err := svc.SetProjectRules(ctx, me, r); err != nil {
		t.Fatal(err)
	}
	got, _ := svc.ProjectRules(ctx, me)
	if got != r {
		t.Errorf("saved %+v, read %+v", r, got)
	}
	r.Output = 70
	wantKey(t, "weights over 100", svc.SetProjectRules(ctx, me, r), "problem.project_rules.sum")
	head := domain.Actor{Login: "zhang", Role: domain.RoleDeptHead, Departments: []string{"301"}}
	wantKey(t, "a department head", svc.SetProjectRules(ctx, head, scoring.DefaultProjectRules), "problem.access.denied")
	if _, err := svc.StartYear(ctx, me, year); err != nil {
		t.Fatal(err)
	}
	runs, _ := svc.Runs(ctx, me, year)
	for _, run := range runs {
		// Output and benefit at 60 : 20 (more when satisfaction has no target).
		if ro := run.Scheme.Roots; run.Unit.Kind == scoring.ProjectScheme && math.Abs(ro[0].Points-3*ro[1].Points) > 0.01 {
			t.Errorf("%s: output %v, benefit %v points, want 3 : 1", run.Unit.Name, ro[0].Points, ro[1].Points)
		}
	}
}
