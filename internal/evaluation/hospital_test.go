package evaluation_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
)

func realAssessment() string {
	return filepath.Join("..", "xlsximport", "testdata", "county_hospital_secondary_assessment_values_2017_2020.xlsx")
}

// The acceptance: the real workbook's 2020 values feed a hospital-wide
// evaluation on the secondary scheme, which scores; a value typed by hand
// survives evaluating again.
func TestEvaluateHospitalFromRealWorkbook(t *testing.T) {
	svc := evaluation.New(open(t))
	if _, err := svc.ImportAssessment(ctx, me, realAssessment()); err != nil {
		t.Fatal(err)
	}
	vals, err := svc.AssessmentValues(ctx, me, 2020)
	if err != nil {
		t.Fatal(err)
	}
	withValue := map[string]float64{}
	for _, v := range vals {
		if v.Value != nil {
			withValue[v.Name] = *v.Value
		}
	}
	run, err := svc.EvaluateHospital(ctx, me, 2020)
	if err != nil {
		t.Fatal(err)
	}
	if run.ID == 0 || run.Year != 2020 || run.Unit.Kind != scoring.DepartmentScheme || run.Unit.Code != domain.HospitalWideCode {
		t.Fatalf("run %d %d %s %s", run.ID, run.Year, run.Unit.Kind, run.Unit.Code)
	}
	if run.Scheme.Code != evaluation.DepartmentSchemeCode {
		t.Errorf("scheme %s", run.Scheme.Code)
	}
	filled := 0
	var surgeryCode string
	for _, is := range run.Result.Indicators {
		f, imported := withValue[is.Name]
		text := run.Texts[is.Code]
		switch {
		case text != "":
			filled++
			if !imported {
				t.Errorf("%s %s filled with %q but has no 2020 value", is.Code, is.Name, text)
			}
			if v, ok := run.Values[is.Code]; is.Name != "全面预算管理" && ok && v.Has && v.Actual != f {
				t.Errorf("%s %s: %v, want %v", is.Code, is.Name, v.Actual, f)
			}
		case imported && schemeIndicators(run.Scheme)[is.Code].Direction != scoring.Monitor:
			t.Errorf("%s %s has a 2020 value %v but was left empty", is.Code, is.Name, f)
		}
		if is.Name == "出院患者手术占比" {
			surgeryCode = is.Code
		}
	}
	t.Logf("%d of %d indicators filled, %d values imported; score %.2f grade %s", filled, len(run.Result.Indicators), len(withValue), run.Result.Total, run.Result.Grade)
	if filled < 10 {
		t.Errorf("only %d indicators filled", filled)
	}
	if run.Result.Total <= 0 || run.Result.Grade == "" {
		t.Errorf("no score: %+v", run.Result)
	}
	if surgeryCode == "" || run.Texts[surgeryCode] == "" {
		t.Fatalf("the share of surgery patients (%q) was not filled", surgeryCode)
	}

	// A hand-entered value stays; evaluating again opens no second run.
	if err := svc.SetValue(ctx, me, run.ID, surgeryCode, "99", 0, ""); err != nil {
		t.Fatal(err)
	}
	again, err := svc.EvaluateHospital(ctx, me, 2020)
	if err != nil {
		t.Fatal(err)
	}
	if again.ID != run.ID || again.Texts[surgeryCode] != "99" {
		t.Errorf("run %d (was %d), hand value %q", again.ID, run.ID, again.Texts[surgeryCode])
	}
	runs, err := svc.Runs(ctx, me, 2020)
	if err != nil || len(runs) != 1 {
		t.Errorf("%d runs of 2020, %v", len(runs), err)
	}

	// A finalised evaluation is locked.
	for _, is := range again.Result.Indicators {
		if is.Short {
			if err := svc.SetValue(ctx, me, run.ID, is.Code, again.Texts[is.Code], 0, "按国家考核数据"); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := svc.Finalise(ctx, me, run.ID); err != nil {
		t.Fatal(err)
	}
	_, err = svc.EvaluateHospital(ctx, me, 2020)
	wantKey(t, "a finalised hospital evaluation", err, "problem.evaluation.locked")
}

// A year with nothing imported has no hospital evaluation to generate:
// refused, naming the workbook to import, and nothing is opened.
func TestEvaluateHospitalWithoutImport(t *testing.T) {
	svc := evaluation.New(open(t))
	_, err := svc.EvaluateHospital(ctx, me, 2020)
	wantKey(t, "no assessment values", err, "problem.evaluation.no_assessment")
	if err == nil || !strings.Contains(err.Error(), "budgetperf import assessment") {
		t.Errorf("the refusal does not say what to import: %v", err)
	}
	if runs, err := svc.Runs(ctx, me, 2020); err != nil || len(runs) != 0 {
		t.Errorf("refused, yet %d evaluations stored (%v)", len(runs), err)
	}
	wantKey(t, "year 0", func() error { _, err := svc.EvaluateHospital(ctx, me, 0); return err }(), "problem.year_range")
}

func schemeIndicators(sc scoring.Scheme) map[string]scoring.Indicator {
	out := map[string]scoring.Indicator{}
	var walk func([]scoring.Node)
	walk = func(ns []scoring.Node) {
		for _, n := range ns {
			if n.Indicator != nil {
				out[n.Code] = *n.Indicator
			}
			walk(n.Children)
		}
	}
	walk(sc.Roots)
	return out
}

// A tertiary hospital starts from the 55 + 1 scheme: chosen in the
// library, the hospital evaluation opens on it and fills the indicators
// the two lists share (出院患者手术占比, 手术患者并发症发生率 …).
func TestEvaluateHospitalOnTheTertiaryScheme(t *testing.T) {
	svc := evaluation.New(open(t))
	if err := svc.SetHospitalScheme(ctx, me, evaluation.HospitalTertiarySchemeCode); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ImportAssessment(ctx, me, realAssessment()); err != nil {
		t.Fatal(err)
	}
	run, err := svc.EvaluateHospital(ctx, me, 2020)
	if err != nil {
		t.Fatal(err)
	}
	if run.Scheme.Code != evaluation.HospitalTertiarySchemeCode || len(run.Result.Indicators) != 56 {
		t.Fatalf("hospital evaluation on %s with %d indicators, want the tertiary 56", run.Scheme.Code, len(run.Result.Indicators))
	}
	filled := map[string]bool{}
	for _, is := range run.Result.Indicators {
		if run.Texts[is.Code] != "" {
			filled[is.Name] = true
		}
	}
	if !filled["出院患者手术占比"] || !filled["手术患者并发症发生率"] || !run.Scored() {
		t.Errorf("filled %v, scored %v", filled, run.Scored())
	}
}
