package budgeting

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/masterdata"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

const samples = "../xlsximport/testdata"

func newStore(t *testing.T) (*store.Store, *Service) {
	return newStoreAt(t, filepath.Join(t.TempDir(), "i.db"))
}

func newStoreAt(t testing.TB, path string) (*store.Store, *Service) {
	t.Helper()
	st, err := store.Open(context.Background(), enginetest.File(t, path))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := masterdata.New(st).EnsureCatalogue(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st, New(st)
}

// totals reads the stored budget back per department name ("*" for 000).
func totals(t *testing.T, st *store.Store, year int) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	lines, err := st.BudgetLines(ctx, year)
	if err != nil {
		t.Fatal(err)
	}
	depts, _ := st.Departments(ctx)
	names := map[string]string{}
	for _, d := range depts {
		names[d.Code] = d.Name
	}
	out := map[string]int64{}
	for _, l := range lines {
		name := names[l.DeptCode]
		if l.DeptCode == domain.HospitalWideCode {
			name = "*"
		}
		out[name] += l.Amount.Fen()
	}
	return out
}

// Every sample budget lands in the database with exactly the expected totals.
func TestSampleBudgetsImportToExpectedTotals(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(samples, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var expected map[string]json.RawMessage
	json.Unmarshal(raw, &expected)
	for _, file := range []string{"budget_long_title_rows.xlsx", "budget_long_title_rows.xls", "budget_hospital_wanyuan_hierarchy.xlsx",
		"budget_sheet_per_department.xlsx", "budget_wide_departments_across.xlsx", "budget_adjusted_negatives.xlsx", "budget_bracket_codes_wanyuan.xlsx"} {
		t.Run(file, func(t *testing.T) {
			var want map[string]int64
			if err := json.Unmarshal(expected[file], &want); err != nil {
				t.Fatal(err)
			}
			st, svc := newStore(t)
			if _, err := svc.ImportBudget(context.Background(), domain.LocalUser, BudgetRequest{Path: filepath.Join(samples, file), Year: 2025, CreateMissing: true}); err != nil {
				t.Fatalf("import: %v", err)
			}
			if got := totals(t, st, 2025); !reflect.DeepEqual(got, want) {
				t.Errorf("stored totals %v, want %v", got, want)
			}
		})
	}
}

// A file with errors names every bad cell and writes nothing at all.
func TestErrorsFileWritesNothing(t *testing.T) {
	st, svc := newStore(t)
	_, err := svc.ImportBudget(context.Background(), domain.LocalUser, BudgetRequest{Path: filepath.Join(samples, "budget_with_errors.xlsx"), Year: 2025, CreateMissing: true})
	ps := domain.AsProblems(err)
	if len(ps) != 3 {
		t.Fatalf("problems %v, want the three bad cells", err)
	}
	if ok, _ := st.BudgetExists(context.Background(), 2025); ok {
		t.Error("a budget was written")
	}
	if n, _ := st.CountUserDepartments(context.Background()); n != 0 {
		t.Errorf("%d departments were created", n)
	}
}

// Importing a year again needs --replace; with it the budget is replaced whole.
func TestReimportNeedsReplace(t *testing.T) {
	st, svc := newStore(t)
	ctx := context.Background()
	req := BudgetRequest{Path: filepath.Join(samples, "budget_long_title_rows.xlsx"), Year: 2025, CreateMissing: true}
	if _, err := svc.ImportBudget(ctx, domain.LocalUser, req); err != nil {
		t.Fatal(err)
	}
	before := totals(t, st, 2025)
	req.Path = filepath.Join(samples, "budget_sheet_per_department.xlsx")
	_, err := svc.ImportBudget(ctx, domain.LocalUser, req)
	if ps := domain.AsProblems(err); len(ps) != 1 || ps[0].Key != "import.budget_exists" {
		t.Fatalf("second import: %v", err)
	}
	if got := totals(t, st, 2025); !reflect.DeepEqual(got, before) {
		t.Error("the refused import changed the budget")
	}
	req.Replace = true
	if _, err := svc.ImportBudget(ctx, domain.LocalUser, req); err != nil {
		t.Fatal(err)
	}
	if got := totals(t, st, 2025); got["内科"] != 283445267 || len(got) != 5 {
		t.Errorf("after replacing: %v", got)
	}
}

// Unknown departments can be booked to existing ones instead of created.
func TestMapUnknownDepartment(t *testing.T) {
	st, svc := newStore(t)
	ctx := context.Background()
	masterdata.New(st).SaveDepartment(ctx, domain.LocalUser, domain.Department{Code: "201", Name: "检验中心", Type: domain.MedicalTechnical, CoefficientMilli: 1000})
	req := BudgetRequest{Path: filepath.Join(samples, "budget_sheet_per_department.xlsx"), Year: 2025, CreateMissing: true,
		MapDepartments: map[string]string{"检验科": "201"}}
	p, err := svc.ImportBudget(ctx, domain.LocalUser, req)
	if err != nil {
		t.Fatal(err)
	}
	for _, nd := range p.NewDepartments {
		if nd.Name == "检验科" {
			t.Error("检验科 was created although mapped")
		}
	}
	if got := totals(t, st, 2025); got["检验中心"] != 176280727 {
		t.Errorf("检验中心 got %d, want 检验科's 176280727", got["检验中心"])
	}
}

// Export then import gives the identical budget.
func TestExportImportRoundTrip(t *testing.T) {
	st, svc := newStore(t)
	ctx := context.Background()
	if _, err := svc.ImportBudget(ctx, domain.LocalUser, BudgetRequest{Path: filepath.Join(samples, "budget_bracket_codes_wanyuan.xlsx"), Year: 2025, CreateMissing: true}); err != nil {
		t.Fatal(err)
	}
	// a hospital-wide line and a negative one as well
	if _, err := svc.ImportBudget(ctx, domain.LocalUser, BudgetRequest{Path: filepath.Join(samples, "budget_adjusted_negatives.xlsx"), Year: 2024, CreateMissing: true}); err != nil {
		t.Fatal(err)
	}
	for _, year := range []int{2025, 2024} {
		lines, _ := st.BudgetLines(ctx, year)
		amounts := make([]domain.SubjectAmount, len(lines))
		for i, l := range lines {
			amounts[i] = domain.SubjectAmount{DeptCode: l.DeptCode, SubjectCode: l.SubjectCode, Amount: l.Amount}
		}
		b, _ := st.Breakdown(ctx, amounts)
		out := filepath.Join(t.TempDir(), "export.xlsx")
		if err := SaveBudget(out, year, b, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.ImportBudget(ctx, domain.LocalUser, BudgetRequest{Path: out, Year: 2030, Replace: true}); err != nil {
			t.Fatalf("re-import of the export: %v", err)
		}
		back, _ := st.BudgetLines(ctx, 2030)
		strip := func(ls []domain.BudgetLine) []domain.BudgetLine {
			out := make([]domain.BudgetLine, len(ls))
			for i, l := range ls {
				out[i] = domain.BudgetLine{DeptCode: l.DeptCode, SubjectCode: l.SubjectCode, Amount: l.Amount}
			}
			return out
		}
		if !reflect.DeepEqual(strip(back), strip(lines)) {
			t.Errorf("%d: round trip changed the budget:\n got %v\nwant %v", year, strip(back), strip(lines))
		}
	}
}
