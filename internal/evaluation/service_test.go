package evaluation_test

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/assets"
	"github.com/budgetperf/budgetperf/internal/demo"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/execution"
	"github.com/budgetperf/budgetperf/internal/masterdata"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

const year = 2025

var (
	ctx = context.Background()
	me  = domain.LocalUser
)

func open(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(ctx, enginetest.File(t, filepath.Join(t.TempDir(), "eval.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := masterdata.New(st).EnsureCatalogue(ctx); err != nil {
		t.Fatal(err)
	}
	return st
}

// withDemo is a database holding the demo hospital of year: budgets and
// actuals of year−1 and year, projects of year and the finalised
// evaluations of year−1.
func withDemo(t *testing.T) (*store.Store, *evaluation.Service) {
	t.Helper()
	st := open(t)
	if _, err := demo.NewService(st).Load(ctx, me, year); err != nil {
		t.Fatal(err)
	}
	return st, evaluation.New(st)
}

func keys(err error) []string {
	var out []string
	for _, p := range domain.AsProblems(err) {
		out = append(out, p.Key)
	}
	return out
}

func wantKey(t *testing.T, what string, err error, key string) {
	t.Helper()
	ks := keys(err)
	if len(ks) == 0 || ks[0] != key {
		t.Errorf("%s: got %v (%v), want %s", what, ks, err, key)
	}
}

func TestTemplatesLoadOnceAndEditsSurvive(t *testing.T) {
	st := open(t)
	svc := evaluation.New(st)
	if err := svc.EnsureTemplates(ctx); err != nil {
		t.Fatal(err)
	}
	schemes, err := svc.Schemes(ctx, me)
	if err != nil || len(schemes) != len(assets.IndicatorTemplates()) {
		t.Fatalf("%d schemes %v", len(schemes), err)
	}
	sc, err := svc.Scheme(ctx, me, evaluation.ProjectSchemeCode)
	if err != nil {
		t.Fatal(err)
	}
	sc.Name = "项目自评（本院）"
	if err := svc.SaveScheme(ctx, me, sc); err != nil {
		t.Fatal(err)
	}
	if err := svc.EnsureTemplates(ctx); err != nil {
		t.Fatal(err)
	}
	again, _ := svc.Scheme(ctx, me, evaluation.ProjectSchemeCode)
	if again.Name != "项目自评（本院）" {
		t.Errorf("EnsureTemplates overwrote an edit: %q", again.Name)
	}
	bad := sc
	bad.Roots = bad.Roots[1:] // 50 points short of 100
	wantKey(t, "invalid scheme", svc.SaveScheme(ctx, me, bad), "problem.evaluate.total_sum")
	_, err = svc.Scheme(ctx, me, "nope")
	wantKey(t, "missing scheme", err, "problem.evaluation.no_scheme")
	if _, err := svc.Schemes(ctx, domain.Actor{}); err == nil {
		t.Error("no actor: accepted")
	}
}

// addUntargetedProject stores, beside the demo's, a project of year with
// no output or benefit target (an older database's): it is judged on the
// generic MoF template, having no targets of its own.
func addUntargetedProject(t *testing.T, st *store.Store) {
	t.Helper()
	err := st.InTx(ctx, func(tx *store.Tx) error {
		_, err := tx.SaveProject(ctx, me, domain.Project{Year: year, DeptCode: "502", Name: "旧系统项目", Type: domain.ProjectOther,
			SubjectCode: "31003", Amount: money.FromYuan(10000), StartYear: year, EndYear: year})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestStartSetFinalise(t *testing.T) {
	st, svc := withDemo(t)
	addUntargetedProject(t, st)
	n, err := svc.StartYear(ctx, me, year)
	if err != nil {
		t.Fatal(err)
	}
	projects, _ := st.Projects(ctx, year, "")
	depts, _ := st.Departments(ctx)
	if want := len(depts) - 1 + len(projects); n != want { // less the hospital-wide unit
		t.Errorf("StartYear opened %d, want %d", n, want)
	}
	if n, err := svc.StartYear(ctx, me, year); err != nil || n != 0 {
		t.Errorf("second StartYear opened %d %v", n, err)
	}
	runs, err := svc.Runs(ctx, me, year)
	if err != nil {
		t.Fatal(err)
	}
	progress, err := execution.New(st).ProjectProgress(ctx, me, year, 0)
	if err != nil {
		t.Fatal(err)
	}
	var proj evaluation.Run
	for _, r := range runs {
		switch {
		case r.Unit.Kind == scoring.ProjectScheme && r.Scheme.Code == evaluation.ProjectSchemeCode:
			proj = r
		case r.Unit.Code == "301" && r.Scheme.Code != evaluation.PublicHealthSchemeCode,
			r.Unit.Code == "101" && r.Scheme.Code != evaluation.ClinicalSchemeCode:
			t.Errorf("%s on %s", r.Unit.Name, r.Scheme.Code)
		}
	}
	if proj.ID == 0 || proj.Scheme.Code != evaluation.ProjectSchemeCode || proj.Unit.Name == "" {
		t.Fatalf("no project run: %+v", proj.Unit)
	}
	// The execution rate comes from monitoring, in percent.
	for _, p := range progress {
		if strconv.FormatInt(p.ID, 10) == proj.Unit.Code {
			want := strconv.FormatFloat(scoring.Round2(p.SpendingRate*100), 'f', 2, 64)
			if got := proj.Texts["4.1.1"]; got != want {
				t.Errorf("execution rate %q, monitoring says %s", got, want)
			}
		}
	}

	wantKey(t, "a word for a number", svc.SetValue(ctx, me, proj.ID, "1.1.1", "很多", 0, ""), "problem.evaluation.number")
	wantKey(t, "a number for a judgement", svc.SetValue(ctx, me, proj.ID, "2.1.1", "95", 0, ""), "problem.evaluation.qualitative")
	wantKey(t, "unknown indicator", svc.SetValue(ctx, me, proj.ID, "9.9", "1", 0, ""), "problem.evaluation.no_indicator")

	// Started, nothing entered: every unit is 未评分 (the execution rate
	// copied from monitoring is not an evaluation), has no grade, and the
	// year has no result to print.
	for _, r := range runs {
		if r.Scored() || r.Result.Grade != scoring.Unscored {
			t.Errorf("%s after start: scored %v grade %s", r.Unit.Name, r.Scored(), r.Result.Grade)
		}
	}
	wantKey(t, "finalising an unscored run", svc.Finalise(ctx, me, proj.ID), "problem.evaluation.finalise_unscored")

	// One value entered: the unit is scored, every other indicator short,
	// and the refusal names each of them.
	if err := svc.SetValue(ctx, me, proj.ID, "2.3.1", "达成", 0, ""); err != nil {
		t.Fatal(err)
	}
	if proj, err = svc.Run(ctx, me, proj.ID); err != nil || !proj.Scored() {
		t.Fatalf("one value: scored %v %v", proj.Scored(), err)
	}
	err = svc.Finalise(ctx, me, proj.ID)
	ps := domain.AsProblems(err)
	short := 0
	for _, is := range proj.Result.Indicators {
		if is.Short {
			short++
		}
	}
	if len(ps) != short || short < 8 {
		t.Fatalf("finalise refused with %d problems for %d short indicators: %v", len(ps), short, err)
	}
	if !strings.Contains(err.Error(), "实际完成率") || !strings.Contains(err.Error(), "服务对象满意度") {
		t.Errorf("refusal does not name the indicators: %v", err)
	}

	// Hand computation: 1.1.1 80 of 100 → 12 of 15; 1.4.1 cost ratio 105%
	// on the 110→100 band → 5 of 10; 2.1.1 partly → 0.7 × 8 = 5.6; the
	// rest full: 15+10 + 12+2+8 + 10 + 10 (execution rate set to 100).
	values := []struct{ code, actual, reason string }{
		{"1.1.1", "80%", "设备到货延迟；已督促供应商"},
		{"1.2.1", "100", ""},
		{"1.3.1", "100", ""},
		{"1.4.1", "105", "材料涨价；下年度加强询价"},
		{"2.1.1", "部分", "受医保政策影响；调整收费结构"},
		{"2.2.1", "达成", ""},
		{"2.3.1", "达成", ""},
		{"2.4.1", "达成", ""},
		{"3.1.1", "92.5", ""},
		{"4.1.1", "100", ""},
	}
	for _, v := range values {
		if err := svc.SetValue(ctx, me, proj.ID, v.code, v.actual, 0, v.reason); err != nil {
			t.Fatal(v.code, err)
		}
	}
	if err := svc.Finalise(ctx, me, proj.ID); err != nil {
		t.Fatal(err)
	}
	done, err := svc.Run(ctx, me, proj.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := 12 + 15 + 10 + 5 + 5.6 + 12 + 2 + 8 + 10 + 10.0
	if !done.Finalised || done.Result.Total != scoring.Round2(want) || done.Result.Grade != scoring.Good || done.Texts["1.1.1"] != "80%" {
		t.Errorf("finalised run: %v total %v grade %s, want %v good", done.Finalised, done.Result.Total, done.Result.Grade, want)
	}
	wantKey(t, "editing a finalised run", svc.SetValue(ctx, me, proj.ID, "1.1.1", "100", 0, ""), "problem.evaluation.locked")
	wantKey(t, "finalising twice", svc.Finalise(ctx, me, proj.ID), "problem.evaluation.locked")
	if !strings.Contains(svc.SetValue(ctx, me, proj.ID, "1.1.1", "100", 0, "").Error(), "locked") {
		t.Error("the lock message does not say locked")
	}
	wantKey(t, "changing a scheme in use", svc.SaveScheme(ctx, me, done.Scheme), "problem.evaluation.scheme_in_use")

	hist, err := svc.History(ctx, me, scoring.DepartmentScheme, "502")
	if err != nil || len(hist) != 2 || hist[0].Year != year-1 || hist[1].Year != year || !hist[0].Finalised {
		t.Errorf("history of 502: %d %v", len(hist), err)
	}
}

func TestRanking(t *testing.T) {
	_, svc := withDemo(t)
	runs, err := svc.Runs(ctx, me, year-1)
	if err != nil || len(runs) == 0 {
		t.Fatal(len(runs), err)
	}
	for i := 1; i < len(runs); i++ {
		if evaluation.Percent(runs[i]) > evaluation.Percent(runs[i-1]) {
			t.Errorf("%s (%v) ranked after %s (%v)", runs[i].Unit.Name, runs[i].Result.Total, runs[i-1].Unit.Name, runs[i-1].Result.Total)
		}
	}
	if last := runs[len(runs)-1]; last.Unit.Code != "502" || last.Result.Grade != scoring.Poor {
		t.Errorf("last %s %s", last.Unit.Name, last.Result.Grade)
	}
}

func TestSuggestionsFromAPoorUnit(t *testing.T) {
	st, svc := withDemo(t)
	sugg, err := svc.Suggestions(ctx, me, year)
	if err != nil {
		t.Fatal(err)
	}
	runs, _ := svc.Runs(ctx, me, year-1)
	if len(sugg) != len(runs) {
		t.Fatalf("%d suggestions for %d finalised evaluations", len(sugg), len(runs))
	}
	// The base is 502's budget on the default subjects (302 goods and
	// services, 310 capital, 500199 and 510199 other running costs), its
	// personnel lines (301) left out.
	lines, _ := st.BudgetLines(ctx, year-1)
	var base, personnel int64
	for _, l := range lines {
		if l.DeptCode != "502" {
			continue
		}
		switch c := l.SubjectCode; {
		case strings.HasPrefix(c, "302"), strings.HasPrefix(c, "310"), strings.HasPrefix(c, "500199"), strings.HasPrefix(c, "510199"):
			base += l.Amount.Fen()
		case strings.HasPrefix(c, "301"):
			personnel += l.Amount.Fen()
		}
	}
	if personnel == 0 {
		t.Fatal("502 has no personnel lines: the test would not show they are left out")
	}
	// −10% exact in fen, rounded half away from zero.
	want := base * 9 / 10
	if base*9%10 >= 5 {
		want++
	}
	var poor evaluation.Suggestion
	for _, s := range sugg {
		if s.Unit.Code == "502" {
			poor = s
		}
	}
	if len(poor.BaseSubjects) != 4 || poor.BaseSubjects[0].Code != "302" || poor.BaseSubjects[1].Code != "310" {
		t.Errorf("base subjects %+v, want 302, 310, 500199, 510199", poor.BaseSubjects)
	}
	if poor.Grade != scoring.Poor || poor.Base.Fen() != base || poor.Suggested.Fen() != want || poor.Application.ChangePct != -10 || poor.State != evaluation.SuggestionOpen || poor.Unit.Name != "设备科" {
		t.Fatalf("poor suggestion %+v, want base %d suggested %d", poor, base, want)
	}
	wantKey(t, "override without reason", svc.DecideSuggestion(ctx, me, poor.ID, false, money.Amount(base), " "), "problem.evaluation.override_reason")
	if err := svc.DecideSuggestion(ctx, me, poor.ID, true, 0, ""); err != nil {
		t.Fatal(err)
	}
	again, _ := svc.Suggestions(ctx, me, year)
	for _, s := range again {
		if s.ID == poor.ID && (s.State != evaluation.SuggestionAccepted || s.Decided == nil || *s.Decided != poor.Suggested) {
			t.Errorf("accepted: %+v", s)
		}
	}
	if err := svc.DecideSuggestion(ctx, me, poor.ID, false, money.Amount(base), "设备更新不可推迟"); err != nil {
		t.Fatal(err)
	}
	again, _ = svc.Suggestions(ctx, me, year)
	for _, s := range again {
		if s.ID == poor.ID && (s.State != evaluation.SuggestionOverridden || *s.Decided != money.Amount(base) || s.Reason != "设备更新不可推迟") {
			t.Errorf("overridden: %+v", s)
		}
	}
}

func TestApplicationTable(t *testing.T) {
	svc := evaluation.New(open(t))
	tbl, err := svc.ApplicationTable(ctx, me)
	if err != nil || len(tbl) != 4 || tbl[3].ChangePct != -10 {
		t.Fatalf("default %+v %v", tbl, err)
	}
	tbl[2].ChangePct = -8
	if err := svc.SetApplicationTable(ctx, me, tbl); err != nil {
		t.Fatal(err)
	}
	got, _ := svc.ApplicationTable(ctx, me)
	if got[2].ChangePct != -8 || got[2].Grade != scoring.Fair {
		t.Errorf("saved %+v", got)
	}
	wantKey(t, "a missing grade", svc.SetApplicationTable(ctx, me, tbl[:3]), "problem.evaluation.table_grades")
	tbl[0].ChangePct = -150
	wantKey(t, "a cut beyond 100%", svc.SetApplicationTable(ctx, me, tbl), "problem.evaluation.table_change")
}

// The acceptance: the real secondary-assessment workbook imports, each
// indicator with its value for 2017–2020.
func TestImportRealAssessmentWorkbook(t *testing.T) {
	svc := evaluation.New(open(t))
	path := filepath.Join("..", "xlsximport", "testdata", "county_hospital_secondary_assessment_values_2017_2020.xlsx")
	n, err := svc.ImportAssessment(ctx, me, path)
	if err != nil {
		t.Fatal(err)
	}
	all, err := svc.AssessmentValues(ctx, me, 0)
	if err != nil || len(all) != n {
		t.Fatalf("%d stored, %d imported, %v", len(all), n, err)
	}
	years := map[int]map[int]bool{}
	fractions := 0
	for _, v := range all {
		if years[v.Seq] == nil {
			years[v.Seq] = map[int]bool{}
		}
		years[v.Seq][v.Year] = true
		if v.Numerator != nil && v.Denominator != nil {
			fractions++
		}
	}
	if len(years) != 28 {
		t.Errorf("%d indicators, want 28", len(years))
	}
	for seq, ys := range years {
		for y := 2017; y <= 2020; y++ {
			if !ys[y] {
				t.Errorf("indicator %d has no %d value", seq, y)
			}
		}
	}
	if fractions == 0 {
		t.Error("no numerator and denominator stored")
	}
	// By hand from the sheet: 医院!G5, the 2017 share of surgery patients.
	for _, v := range all {
		if v.Seq == 1 && v.Year == 2017 && (v.Value == nil || *v.Value != 26.46 || v.Numerator == nil || v.Denominator == nil) {
			t.Errorf("indicator 1 in 2017: %+v", v)
		}
	}
	// Importing again replaces: the count stays.
	if _, err := svc.ImportAssessment(ctx, me, path); err != nil {
		t.Fatal(err)
	}
	if again, _ := svc.AssessmentValues(ctx, me, 0); len(again) != len(all) {
		t.Errorf("%d values after a second import, want %d", len(again), len(all))
	}
}
