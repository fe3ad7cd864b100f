package execution

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/budgetperf/budgetperf/internal/audit"
	"github.com/budgetperf/budgetperf/internal/budgeting"
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
	budget := budgeting.BudgetRequest{Path: filepath.Join(samples, "budget_long_title_rows.xlsx"), Year: 2025, CreateMissing: true}
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
			budgets := budgeting.New(st)
			_, err := budgets.PreviewBudget(ctx, tt.actor, budget)
			if got := problemKey(err); got != tt.wantBudget {
				t.Errorf("budget preview: %q, want %q", got, tt.wantBudget)
			}
			_, err = svc.PreviewActuals(ctx, tt.actor, actuals)
			if got := problemKey(err); got != tt.wantAc {
				t.Errorf("actuals preview: %q, want %q", got, tt.wantAc)
			}
			_, err = budgets.ImportBudget(ctx, tt.actor, budget)
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
