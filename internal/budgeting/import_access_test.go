package budgeting

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/store"
)

var office = domain.Actor{Login: "caiwu", Role: domain.RoleBudgetOffice}

func auditRows(t *testing.T, st *store.Store, entity string) []logbook.Entry {
	t.Helper()
	rows, err := st.AuditEntries(context.Background(), store.AuditFilter{Entity: entity})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// A budget import records per line its old and new amount (a replaced
// budget's lines that the file drops: new ""), and the departments it
// creates; lines whose amount stays are not recorded. The year's total
// follows its lines.
func TestBudgetImportAudit(t *testing.T) {
	st, svc := newStore(t)
	ctx := context.Background()
	first := BudgetRequest{Path: filepath.Join(samples, "budget_long_title_rows.xlsx"), Year: 2025, CreateMissing: true}
	p1, err := svc.ImportBudget(ctx, office, first)
	if err != nil {
		t.Fatal(err)
	}
	created := auditRows(t, st, logbook.EntityBudget)
	if len(created) != len(p1.Lines)+1 {
		t.Fatalf("%d budget entries for %d new lines and the year's total", len(created), len(p1.Lines))
	}
	if s := created[len(created)-1]; s.EntityKey != "2025" || s.Field != "imported" || s.Old != "" || s.New != p1.Total.String() {
		t.Fatalf("the import's total: %+v, want \"\" → %s", s, p1.Total)
	}
	for i, l := range p1.Lines {
		e := created[i]
		key := fmt.Sprintf("2025/%s/%s", l.DeptCode, l.SubjectCode)
		if e.EntityKey != key || e.Field != "amount" || e.Old != "" || e.New != l.Amount.String() ||
			e.Login != "caiwu" || e.Reason != "import budget_long_title_rows.xlsx" {
			t.Fatalf("line %d: %+v, want %s \"\" → %s", i, e, key, l.Amount)
		}
	}
	depts := auditRows(t, st, logbook.EntityDepartment)
	if len(p1.NewDepartments) == 0 || len(depts) < 2*len(p1.NewDepartments) {
		t.Errorf("%d department entries for %d created departments", len(depts), len(p1.NewDepartments))
	}
	for _, e := range depts {
		if e.Field == "name" && e.Old != "" {
			t.Errorf("a created department has an old name: %+v", e)
		}
	}

	old := map[string]string{}
	before, _ := st.BudgetLines(ctx, 2025)
	for _, l := range before {
		old[l.DeptCode+"/"+l.SubjectCode] = l.Amount.String()
	}
	second := BudgetRequest{Path: filepath.Join(samples, "budget_sheet_per_department.xlsx"), Year: 2025, CreateMissing: true, Replace: true}
	if _, err := svc.ImportBudget(ctx, office, second); err != nil {
		t.Fatal(err)
	}
	after, _ := st.BudgetLines(ctx, 2025)
	want := map[string][2]string{}
	for _, l := range after {
		k := l.DeptCode + "/" + l.SubjectCode
		if old[k] != l.Amount.String() {
			want["2025/"+k] = [2]string{old[k], l.Amount.String()}
		}
		delete(old, k)
	}
	for k, v := range old {
		want["2025/"+k] = [2]string{v, ""}
	}
	got := map[string][2]string{}
	replaced, changed := 0, 0
	for _, e := range auditRows(t, st, logbook.EntityBudget)[len(created):] {
		if e.Reason != "import budget_sheet_per_department.xlsx" {
			t.Errorf("reason %q", e.Reason)
		}
		if e.Field == "imported" { // the year's total, checked above for the first import
			continue
		}
		got[e.EntityKey] = [2]string{e.Old, e.New}
		if e.Old != "" && e.New != "" {
			changed++
		}
		if e.Old != "" {
			replaced++
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d entries, want %d", len(got), len(want))
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %q, want %q", k, got[k], w)
		}
	}
	if replaced == 0 {
		t.Error("replacing a budget recorded no old amounts")
	}
	t.Logf("replacing: %d entries, %d with an old amount, %d changed in place", len(got), replaced, changed)
}
