package execution

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/store"
)

func actualTotals(t *testing.T, st *store.Store, year int) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	totals, err := st.ActualSubjectTotals(ctx, year, 12)
	if err != nil {
		t.Fatal(err)
	}
	depts, _ := st.Departments(ctx)
	names := map[string]string{}
	for _, d := range depts {
		names[d.Code] = d.Name
	}
	out := map[string]int64{}
	for _, a := range totals {
		out[names[a.DeptCode]] += a.Amount.Fen()
	}
	return out
}

// The sample ledger lands with the expected totals; the same file, and a
// re-saved copy whose vouchers are already in, are refused.
func TestLedgerImportAndDuplicates(t *testing.T) {
	st, svc := newStore(t)
	ctx := context.Background()
	path := filepath.Join(samples, "actuals_ledger_2025_jan_sep.xlsx")
	p, err := svc.ImportActuals(ctx, domain.LocalUser, ActualsRequest{Path: path, Year: 2025, CreateMissing: true})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Ledger || p.Expenditure.Fen() != 3163809005 {
		t.Errorf("ledger %v, expenditure %d", p.Ledger, p.Expenditure.Fen())
	}
	raw, _ := os.ReadFile(filepath.Join(samples, "expected.json"))
	var expected map[string]map[string]int64
	json.Unmarshal(raw, &expected)
	want := expected["actuals_ledger_2025_jan_sep.xlsx"]
	got := actualTotals(t, st, 2025)
	for name, fen := range want {
		if got[name] != fen {
			t.Errorf("%s: %d, want %d", name, got[name], fen)
		}
	}
	_, err = svc.ImportActuals(ctx, domain.LocalUser, ActualsRequest{Path: path, Year: 2025, CreateMissing: true})
	if ps := domain.AsProblems(err); len(ps) != 1 || ps[0].Key != "import.actuals_again" {
		t.Errorf("the same file again: %v", err)
	}
	// A copy saved again has another fingerprint but the same vouchers.
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(t.TempDir(), "resaved.xlsx")
	f.SetDocProps(&excelize.DocProperties{Title: "resaved"})
	if err := f.SaveAs(copyPath); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = svc.ImportActuals(ctx, domain.LocalUser, ActualsRequest{Path: copyPath, Year: 2025, CreateMissing: true})
	if ps := domain.AsProblems(err); len(ps) != 1 || ps[0].Key != "import.vouchers_exist" {
		t.Errorf("an overlapping ledger: %v", err)
	}
	if n, _ := st.CountActuals(ctx, 2025); n != p.Lines {
		t.Errorf("%d lines stored after the refusals, want %d", n, p.Lines)
	}
}

// The real county workbook imports as 2020 revenue to its own 合计.
func TestCountyRevenueWorkbook(t *testing.T) {
	_, svc := newStore(t)
	p, err := svc.ImportActuals(context.Background(), domain.LocalUser, ActualsRequest{
		Path: filepath.Join(samples, "county_hospital_department_revenue_2020.xlsx"), Year: 2020, CreateMissing: true})
	if err != nil {
		t.Fatal(err)
	}
	if p.Revenue.Fen() != 44225237727 || p.Expenditure != 0 {
		t.Errorf("revenue %d, expenditure %d", p.Revenue.Fen(), p.Expenditure.Fen())
	}
}

// A ledger of another year is refused whole.
func TestLedgerOfAnotherYearWritesNothing(t *testing.T) {
	st, svc := newStore(t)
	_, err := svc.ImportActuals(context.Background(), domain.LocalUser, ActualsRequest{
		Path: filepath.Join(samples, "actuals_ledger_2025_jan_sep.xlsx"), Year: 2024, CreateMissing: true})
	if len(domain.AsProblems(err)) == 0 {
		t.Fatal("a 2025 ledger was accepted as 2024")
	}
	if n, _ := st.CountActuals(context.Background(), 0); n != 0 {
		t.Errorf("%d lines written", n)
	}
	if n, _ := st.CountUserDepartments(context.Background()); n != 0 {
		t.Errorf("%d departments created", n)
	}
}
