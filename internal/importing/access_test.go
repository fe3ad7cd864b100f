package importing

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/budgetperf/budgetperf/internal/audit"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/store"
)

var (
	office    = domain.Actor{Login: "caiwu", Role: domain.RoleBudgetOffice}
	committee = domain.Actor{Login: "weiyuan", Role: domain.RoleCommittee}
	auditor   = domain.Actor{Login: "shenji", Role: domain.RoleAuditor}
	deptHead  = domain.Actor{Login: "kezhuren", Role: domain.RoleDeptHead, Departments: []string{"101"}}
)

func problemKey(err error) string {
	if ps := domain.AsProblems(err); len(ps) > 0 {
		return ps[0].Key
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

func auditRows(t *testing.T, st *store.Store, entity string) []logbook.Entry {
	t.Helper()
	rows, err := st.AuditEntries(context.Background(), store.AuditFilter{Entity: entity})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// Imports are the budget office's (and the administrator's): the
// committee, department heads and the auditor are refused, in the preview
// already, and nothing is written.
func TestImportRoles(t *testing.T) {
	ctx := context.Background()
	budget := BudgetRequest{Path: filepath.Join(samples, "budget_long_title_rows.xlsx"), Year: 2025, CreateMissing: true}
	actuals := ActualsRequest{Path: filepath.Join(samples, "actuals_ledger_2025_jan_sep.xlsx"), Year: 2025, CreateMissing: true}
	const ok, denied = "", "problem.access.denied"
	tests := []struct {
		actor              domain.Actor
		wantBudget, wantAc string
	}{
		{domain.LocalUser, ok, ok},
		{office, ok, ok},
		{committee, denied, denied},
		{deptHead, denied, denied},
		{auditor, denied, denied},
		{domain.Actor{}, "problem.no_actor", "problem.no_actor"},
	}
	for _, tt := range tests {
		t.Run(string(tt.actor.Role)+"/"+tt.actor.Login, func(t *testing.T) {
			st, svc := newStore(t)
			_, err := svc.PreviewBudget(ctx, tt.actor, budget)
			if got := problemKey(err); got != tt.wantBudget {
				t.Errorf("budget preview: %q, want %q", got, tt.wantBudget)
			}
			_, err = svc.PreviewActuals(ctx, tt.actor, actuals)
			if got := problemKey(err); got != tt.wantAc {
				t.Errorf("actuals preview: %q, want %q", got, tt.wantAc)
			}
			_, err = svc.ImportBudget(ctx, tt.actor, budget)
			if got := problemKey(err); got != tt.wantBudget {
				t.Errorf("budget import: %q, want %q", got, tt.wantBudget)
			}
			_, err = svc.ImportActuals(ctx, tt.actor, actuals)
			if got := problemKey(err); got != tt.wantAc {
				t.Errorf("actuals import: %q, want %q", got, tt.wantAc)
			}
			exists, _ := st.BudgetExists(ctx, 2025)
			n, _ := st.CountActuals(ctx, 2025)
			if written := exists || n > 0; written != (tt.wantBudget == ok) {
				t.Errorf("budget written %v, %d actual lines", exists, n)
			}
		})
	}
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

// An actuals import records one summary of the year, not one entry per
// ledger line: lines and amount before and after.
func TestActualsImportAudit(t *testing.T) {
	st, svc := newStore(t)
	ctx := context.Background()
	p, err := svc.ImportActuals(ctx, office, ActualsRequest{Path: filepath.Join(samples, "actuals_ledger_2025_jan_sep.xlsx"), Year: 2025, CreateMissing: true})
	if err != nil {
		t.Fatal(err)
	}
	rows := auditRows(t, st, logbook.EntityActuals)
	total := p.Revenue + p.Expenditure
	want := []logbook.Entry{
		{EntityKey: "2025", Field: "lines", Old: "0", New: strconv.Itoa(p.Lines)},
		{EntityKey: "2025", Field: "amount", Old: "0.00", New: total.String()},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d actuals entries for %d lines, want %d: %+v", len(rows), p.Lines, len(want), rows)
	}
	for i, w := range want {
		e := rows[i]
		if e.EntityKey != w.EntityKey || e.Field != w.Field || e.Old != w.Old || e.New != w.New ||
			e.Login != "caiwu" || e.Reason != "import actuals_ledger_2025_jan_sep.xlsx" {
			t.Errorf("entry %d: %+v, want %+v", i, e, w)
		}
	}
	// A second (summary) import of one month records that month.
	lines, amount, err := st.ActualsInPeriod(ctx, 2025, 3)
	if err != nil || lines == 0 {
		t.Fatalf("March: %d lines, %v", lines, err)
	}
	if got := actualsTrail(2025, 3, lines, lines+2, amount, amount+150, "import x.xlsx"); len(got) != 2 ||
		got[0].EntityKey != "2025/3" || got[0].Old != strconv.FormatInt(lines, 10) || got[1].New != (amount+150).String() {
		t.Errorf("month trail: %+v", got)
	}
	if r, err := audit.New(st).Verify(ctx, domain.LocalUser); err != nil {
		t.Errorf("the trail does not verify: %+v", r)
	}
}
