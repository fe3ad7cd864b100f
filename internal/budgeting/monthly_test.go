package budgeting_test

import (
	"context"
	"path/filepath"
	"testing"

	. "github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/demo"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/masterdata"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

var mctx = context.Background()

// monthlyTestService opens a new database holding the demo hospital with
// approved budgets for 2025 and 2026 and the 2025 actuals, without the
// demo's adjustments and 2027 preparation (the tests run their own).
func monthlyTestService(t *testing.T) (*Service, *store.Store) {
	t.Helper()
	st, err := store.Open(mctx, enginetest.File(t, filepath.Join(t.TempDir(), "t.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := masterdata.New(st).EnsureCatalogue(mctx); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.NewService(st).LoadScope(mctx, domain.LocalUser, 2026, demo.BaseOnly); err != nil {
		t.Fatal(err)
	}
	return New(st), st
}

func mpLine(t *testing.T, p MonthlyPlan, dept, subject string) MonthlyLine {
	t.Helper()
	for _, l := range p.Lines {
		if l.DeptCode == dept && l.SubjectCode == subject {
			return l
		}
	}
	t.Fatalf("the plan has no line %s/%s", dept, subject)
	return MonthlyLine{}
}

func mpProblem(err error) string {
	if ps := domain.AsProblems(err); len(ps) > 0 {
		return ps[0].Key
	}
	return ""
}

// every line of a plan must add up to its annual amount exactly.
func mpCheckSums(t *testing.T, p MonthlyPlan) {
	t.Helper()
	for _, l := range p.Lines {
		if s, ok := domain.SumMonths(l.Months); !ok || s != l.Annual {
			t.Errorf("%s/%s: months sum to %d, annual %d", l.DeptCode, l.SubjectCode, s, l.Annual)
		}
	}
}

// The demo hospital's plan follows the prior year's seasons.
func TestDemoPlanFollowsThePriorYear(t *testing.T) {
	svc, _ := monthlyTestService(t)
	p, err := svc.MonthlyPlan(mctx, domain.LocalUser, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Lines) < 100 {
		t.Fatalf("only %d lines", len(p.Lines))
	}
	l := mpLine(t, p, "101", "30218")
	if l.Method != domain.SplitMethodPrior || l.Months == domain.SplitEven(l.Annual) || l.DeptName == "" || l.SubjectName == "" {
		t.Errorf("line %+v", l)
	}
	mpCheckSums(t, p)
	rev, exp := SumMonthly(p.Lines)
	if rev.Annual <= 0 || exp.Annual <= 0 {
		t.Errorf("totals %v %v", rev, exp)
	}
	if s, _ := domain.SumMonths(exp.Months); s != exp.Annual {
		t.Errorf("expenditure months %d != annual %d", s, exp.Annual)
	}
}

func TestSplitRefusals(t *testing.T) {
	svc, _ := monthlyTestService(t)
	cases := []struct {
		name string
		err  error
		key  string
	}{
		{"no budget", svc.SetSplit(mctx, domain.LocalUser, 2030, "101", "30218", domain.SplitMethodEven, nil), "problem.budget.none"},
		{"no actor", svc.SetSplit(mctx, domain.Actor{}, 2026, "101", "30218", domain.SplitMethodEven, nil), "problem.no_actor"},
		{"no line", svc.SetSplit(mctx, domain.LocalUser, 2026, "101", "31001", domain.SplitMethodEven, nil), "problem.split.no_line"},
		{"bad method", svc.SetSplit(mctx, domain.LocalUser, 2026, "101", "30218", "weekly", nil), "problem.split.method"},
		{"manual without months", svc.SetSplit(mctx, domain.LocalUser, 2026, "101", "30218", domain.SplitMethodManual, nil), "problem.split.manual_missing"},
		{"manual that does not add up", svc.SetSplit(mctx, domain.LocalUser, 2026, "101", "30218", domain.SplitMethodManual, &domain.Months{100}), "problem.split.months_under"},
		{"prior without a pattern", svc.SetSplit(mctx, domain.LocalUser, 2026, "305", "31003", domain.SplitMethodPrior, nil), "problem.split.no_prior"},
	}
	for _, c := range cases {
		if got := mpProblem(c.err); got != c.key {
			t.Errorf("%s: got %v, want %s", c.name, c.err, c.key)
		}
	}
	if _, err := svc.SplitAll(mctx, domain.LocalUser, 2026, domain.SplitMethodManual); mpProblem(err) != "problem.split.manual_all" {
		t.Errorf("SplitAll manual: %v", err)
	}
	if _, err := svc.MonthlyPlan(mctx, domain.LocalUser, 2031); mpProblem(err) != "problem.budget.none" {
		t.Errorf("MonthlyPlan without budget: %v", err)
	}
}

func TestSetSplitManualAndPrior(t *testing.T) {
	svc, st := monthlyTestService(t)
	p, _ := svc.MonthlyPlan(mctx, domain.LocalUser, 2026)
	l := mpLine(t, p, "101", "30218")
	manual := domain.SplitEven(l.Annual)
	manual[0] += 100_00
	manual[11] -= 100_00
	if err := svc.SetSplit(mctx, domain.LocalUser, 2026, "101", "30218", domain.SplitMethodManual, &manual); err != nil {
		t.Fatal(err)
	}
	stored, err := st.PlanLine(mctx, 2026, "101", "30218")
	if err != nil || stored.Method != domain.SplitMethodManual || stored.Months != manual || !stored.HasMonths {
		t.Fatalf("stored %+v %v", stored, err)
	}

	// The prior-year split follows 2025's actuals of the same line.
	if err := svc.SetSplit(mctx, domain.LocalUser, 2026, "000", "31001", domain.SplitMethodPrior, nil); err != nil {
		t.Fatal(err)
	}
	pattern, _ := st.MonthlyActualsOf(mctx, 2025, "000", "31001")
	want, _ := domain.SplitByPattern(mpLine(t, p, "000", "31001").Annual, pattern)
	p, _ = svc.MonthlyPlan(mctx, domain.LocalUser, 2026)
	if got := mpLine(t, p, "000", "31001"); got.Method != domain.SplitMethodPrior || got.Months != want || got.Months == domain.SplitEven(got.Annual) {
		t.Errorf("prior split %v, want %v", got.Months, want)
	}

	// Back to even: no month rows remain.
	if err := svc.SetSplit(mctx, domain.LocalUser, 2026, "101", "30218", domain.SplitMethodEven, nil); err != nil {
		t.Fatal(err)
	}
	if stored, _ := st.PlanLine(mctx, 2026, "101", "30218"); stored.HasMonths || stored.Method != domain.SplitMethodEven {
		t.Errorf("even split kept rows: %+v", stored)
	}
	mpCheckSums(t, p)
}

func TestSplitAll(t *testing.T) {
	svc, _ := monthlyTestService(t)
	res, err := svc.SplitAll(mctx, domain.LocalUser, 2026, domain.SplitMethodPrior)
	if err != nil {
		t.Fatal(err)
	}
	// 305/31003 is new in 2026: it has no prior pattern and falls back.
	if res.FellBack < 1 || res.Lines < 100 || res.FellBack >= res.Lines {
		t.Errorf("result %+v", res)
	}
	p, _ := svc.MonthlyPlan(mctx, domain.LocalUser, 2026)
	mpCheckSums(t, p)
	prior, even := 0, 0
	for _, l := range p.Lines {
		switch l.Method {
		case domain.SplitMethodPrior:
			prior++
		case domain.SplitMethodEven:
			even++
		}
	}
	if prior != res.Lines-res.FellBack || even != res.FellBack {
		t.Errorf("prior %d even %d, result %+v", prior, even, res)
	}
	if l := mpLine(t, p, "305", "31003"); l.Method != domain.SplitMethodEven {
		t.Errorf("new line method %s", l.Method)
	}

	res, err = svc.SplitAll(mctx, domain.LocalUser, 2026, domain.SplitMethodEven)
	if err != nil || res.FellBack != 0 {
		t.Fatal(res, err)
	}
	p, _ = svc.MonthlyPlan(mctx, domain.LocalUser, 2026)
	for _, l := range p.Lines {
		if l.Method != domain.SplitMethodEven || l.Months != domain.SplitEven(l.Annual) {
			t.Fatalf("%s/%s not even after SplitAll even", l.DeptCode, l.SubjectCode)
		}
	}
}

func TestSumMonthlyKeepsKindsApart(t *testing.T) {
	lines := []MonthlyLine{
		{Kind: domain.Revenue, Annual: 1200, Months: domain.SplitEven(1200)},
		{Kind: domain.Expenditure, Annual: 2400, Months: domain.SplitEven(2400)},
		{Kind: domain.Expenditure, Annual: -12, Months: domain.SplitEven(-12)},
	}
	rev, exp := SumMonthly(lines)
	if rev.Annual != 1200 || rev.Months[0] != 100 || exp.Annual != 2388 || exp.Months[5] != money.Amount(199) {
		t.Errorf("rev %+v exp %+v", rev, exp)
	}
}
