package evaluation_test

import (
	"math"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/store"
)

// typedHospital is one department of each type with a budget of 2025 and
// actuals through December: 30201 office costs and 30101 salaries.
func typedHospital(t *testing.T) (*store.Store, *evaluation.Service) {
	t.Helper()
	st := open(t)
	depts := []domain.Department{
		{Code: "101", Name: "内科", Type: domain.Clinical},
		{Code: "201", Name: "检验科", Type: domain.MedicalTechnical},
		{Code: "301", Name: "保健科", Type: domain.PublicHealth},
		{Code: "401", Name: "财务科", Type: domain.Administrative},
		{Code: "501", Name: "总务科", Type: domain.Logistics},
	}
	b := domain.Budget{Year: 2025, Source: "test"}
	var acts []domain.Actual
	for _, d := range depts {
		d.CoefficientMilli = 1000
		if err := st.SaveDepartment(ctx, me, d); err != nil {
			t.Fatal(err)
		}
		b.Lines = append(b.Lines,
			domain.BudgetLine{DeptCode: d.Code, SubjectCode: "30201", Amount: money.FromYuan(1_000_000)},
			domain.BudgetLine{DeptCode: d.Code, SubjectCode: "30101", Amount: money.FromYuan(200_000)})
		acts = append(acts,
			domain.Actual{Year: 2025, Month: 3, DeptCode: d.Code, SubjectCode: "30201", Amount: money.FromYuan(400_000), Source: "test"},
			domain.Actual{Year: 2025, Month: 12, DeptCode: d.Code, SubjectCode: "30201", Amount: money.FromYuan(500_000), Source: "test"},
			domain.Actual{Year: 2025, Month: 12, DeptCode: d.Code, SubjectCode: "30101", Amount: money.FromYuan(180_000), Source: "test"})
	}
	err := st.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.InsertBudget(ctx, me, b); err != nil {
			return err
		}
		return tx.InsertActuals(ctx, me, acts)
	})
	if err != nil {
		t.Fatal(err)
	}
	return st, evaluation.New(st)
}

// clinicalNames are indicators that concern patients' treatment only.
var clinicalNames = []string{"出院患者手术占比", "抗菌药物使用强度（DDDs）", "手术患者并发症发生率", "低风险组病例死亡率", "平均住院日", "病例组合指数（CMI）", "甲级病历率", "床位使用率"}

func TestEachDepartmentTypeOnItsOwnScheme(t *testing.T) {
	_, svc := typedHospital(t)
	if _, err := svc.StartYear(ctx, me, 2025); err != nil {
		t.Fatal(err)
	}
	runs, err := svc.Runs(ctx, me, 2025)
	if err != nil || len(runs) != 5 {
		t.Fatalf("%d runs %v, want 5", len(runs), err)
	}
	seen := map[string]string{}
	for _, r := range runs {
		if prev, dup := seen[r.Scheme.Code]; dup {
			t.Errorf("%s and %s share %s", prev, r.Unit.Name, r.Scheme.Code)
		}
		seen[r.Scheme.Code] = r.Unit.Name
		var names []string
		for _, is := range r.Result.Indicators {
			names = append(names, is.Name)
		}
		switch r.Unit.Code {
		case "101":
			if r.Scheme.Code != evaluation.ClinicalSchemeCode {
				t.Errorf("内科 on %s", r.Scheme.Code)
			}
		case "401", "501":
			for _, n := range names {
				for _, c := range clinicalNames {
					if n == c {
						t.Errorf("%s (%s) is scored on the clinical indicator %s", r.Unit.Name, r.Scheme.Code, n)
					}
				}
			}
			if want := evaluation.DepartmentSchemeFor(domain.DeptType(map[string]string{"401": "administrative", "501": "logistics"}[r.Unit.Code])); r.Scheme.Code != want {
				t.Errorf("%s on %s, want %s", r.Unit.Name, r.Scheme.Code, want)
			}
		}
	}
}

// TestBudgetExecutionFilledFromMonitoring: 财务科 spent 400,000 + 500,000
// on 30201 and 180,000 on 30101 against 1,200,000 budgeted; December is
// the latest month, time progress 100%. Execution rate 1,080,000 ÷
// 1,200,000 = 90.00%; deviation |1,080,000 − 1,200,000| ÷ 1,200,000 =
// 10.00%. On the administrative scheme: 预算执行率 10 points × 0.9 = 9.00;
// 预算偏差率 8 points × (20 − 10) ÷ (20 − 5) = 5.33.
func TestBudgetExecutionFilledFromMonitoring(t *testing.T) {
	_, svc := typedHospital(t)
	if _, err := svc.StartYear(ctx, me, 2025); err != nil {
		t.Fatal(err)
	}
	runs, err := svc.Runs(ctx, me, 2025)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range runs {
		if r.Unit.Code != "401" {
			continue
		}
		if r.Scored() {
			t.Error("the figures copied from monitoring made 财务科 scored")
		}
		want := map[string]struct {
			text  string
			score float64
		}{"预算执行率": {"90.00", 9}, "预算偏差率": {"10.00", 8 * 10.0 / 15}}
		found := 0
		for _, is := range r.Result.Indicators {
			w, ok := want[is.Name]
			if !ok {
				continue
			}
			found++
			if got := r.Texts[is.Code]; got != w.text {
				t.Errorf("%s = %q, want %q", is.Name, got, w.text)
			}
			if math.Abs(is.Score-w.score) > 0.005 {
				t.Errorf("%s scores %.4f, want %.4f", is.Name, is.Score, w.score)
			}
		}
		if found != 2 {
			t.Errorf("财务科's scheme has %d of the 2 budget-execution indicators", found)
		}
		return
	}
	t.Fatal("no evaluation of 财务科")
}

func TestHospitalSchemeSetting(t *testing.T) {
	st, svc := typedHospital(t)
	code, err := svc.HospitalScheme(ctx, me)
	if err != nil || code != evaluation.HospitalSecondarySchemeCode {
		t.Fatalf("default hospital scheme %q %v", code, err)
	}
	wantKey(t, "project scheme", svc.SetHospitalScheme(ctx, me, evaluation.ProjectSchemeCode), "problem.evaluation.hospital_scheme_kind")
	wantKey(t, "unknown scheme", svc.SetHospitalScheme(ctx, me, "nope"), "problem.evaluation.no_scheme")
	if err := svc.SetHospitalScheme(ctx, me, evaluation.HospitalTertiarySchemeCode); err != nil {
		t.Fatal(err)
	}
	if code, _ := svc.HospitalScheme(ctx, me); code != evaluation.HospitalTertiarySchemeCode {
		t.Errorf("hospital scheme %q after choosing the tertiary one", code)
	}
	trail, err := st.AuditEntries(ctx, store.AuditFilter{Entity: "setting"})
	if err != nil {
		t.Fatal(err)
	}
	ok := false
	for _, e := range trail {
		ok = ok || (e.EntityKey == "evaluation.hospital_scheme" && e.New == evaluation.HospitalTertiarySchemeCode)
	}
	if !ok {
		t.Errorf("the choice is not in the audit trail: %+v", trail)
	}
	for _, c := range evaluation.HospitalSchemes {
		sc, err := svc.Scheme(ctx, me, c)
		if err != nil || sc.Kind != scoring.DepartmentScheme {
			t.Errorf("hospital scheme %s: %v %v", c, sc.Kind, err)
		}
	}
}

func TestApplicationSubjectsSetting(t *testing.T) {
	_, svc := typedHospital(t)
	subs, err := svc.ApplicationSubjects(ctx, me)
	if err != nil || len(subs) != 4 || subs[0].Code != "302" {
		t.Fatalf("default subjects %+v %v", subs, err)
	}
	wantKey(t, "revenue subject", svc.SetApplicationSubjects(ctx, me, []string{"302", "4001"}), "problem.evaluation.apply_subject_unknown")
	wantKey(t, "none", svc.SetApplicationSubjects(ctx, me, []string{" "}), "problem.evaluation.apply_subjects_empty")
	if err := svc.SetApplicationSubjects(ctx, me, []string{"30201, 310"}); err != nil {
		t.Fatal(err)
	}
	subs, _ = svc.ApplicationSubjects(ctx, me)
	if len(subs) != 2 || subs[0].Code != "30201" || subs[1].Code != "310" {
		t.Errorf("subjects after saving 30201, 310: %+v", subs)
	}
}

// A library made before the department-type and national schemes shipped
// gets them at the next start; the schemes it holds stay as the user left
// them.
func TestNewBuiltInSchemesReachAnOlderLibrary(t *testing.T) {
	st := open(t)
	all, err := scoring.Templates()
	if err != nil {
		t.Fatal(err)
	}
	var old scoring.Scheme
	for _, sc := range all {
		if sc.Code == evaluation.HospitalSecondarySchemeCode {
			old = sc
		}
	}
	old.Name = "本院二级考核（已修改）"
	if _, err := st.SaveScheme(ctx, me, old, true); err != nil {
		t.Fatal(err)
	}
	svc := evaluation.New(st)
	if err := svc.EnsureTemplates(ctx); err != nil {
		t.Fatal(err)
	}
	list, err := svc.Schemes(ctx, me)
	if err != nil || len(list) != len(all) {
		t.Fatalf("%d schemes after start, want %d (%v)", len(list), len(all), err)
	}
	if sc, _ := svc.Scheme(ctx, me, evaluation.HospitalSecondarySchemeCode); sc.Name != "本院二级考核（已修改）" {
		t.Errorf("the edited scheme was overwritten: %q", sc.Name)
	}
}
