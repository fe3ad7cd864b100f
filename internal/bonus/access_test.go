package bonus_test

import (
	"context"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Duties are separated: the budget office computes and saves, the
// committee approves, department heads and auditors only look — and every
// change lands in the audit trail with its old and new value.
func TestBonusRolesAndAuditTrail(t *testing.T) {
	svc := demo(t)
	ctx := context.Background()
	office := domain.Actor{Login: "caiwu", Name: "财务科", Role: domain.RoleBudgetOffice}
	committee := domain.Actor{Login: "weiyuan", Role: domain.RoleCommittee}
	head := domain.Actor{Login: "keizhuren", Role: domain.RoleDeptHead, Departments: []string{"301"}}
	auditor := domain.Actor{Login: "shenji", Role: domain.RoleAuditor}

	res, err := svc.Bonus.Compute(ctx, head, 2026, money.FromFen(1000000001), nil)
	if err != nil {
		t.Fatalf("a department head may look at the allocation: %v", err)
	}
	for _, a := range []domain.Actor{head, auditor, committee} {
		if _, err := svc.Bonus.Save(ctx, a, res, ""); keyOf(err) != "problem.access.denied" {
			t.Errorf("%s saving: %v", a.Role, err)
		}
	}
	score := 88.0
	if err := svc.Bonus.SetScore(ctx, head, 2026, "301", scoring.BonusSatisfaction, &score, "患者满意度"); keyOf(err) != "problem.access.denied" {
		t.Errorf("a department head entering a score: %v", err)
	}
	if err := svc.Bonus.SetScore(ctx, office, 2026, "301", scoring.BonusSatisfaction, &score, "患者满意度"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Bonus.Save(ctx, office, res, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Bonus.Approve(ctx, office, 2026); keyOf(err) != "problem.access.denied" {
		t.Errorf("the budget office approving its own allocation: %v", err)
	}
	if _, err := svc.Bonus.Approve(ctx, committee, 2026); err != nil {
		t.Fatal(err)
	}

	entries, err := svc.Store.AuditEntries(ctx, store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]logbook.Entry{}
	for _, e := range entries {
		seen[e.Entity+" "+e.EntityKey+" "+e.Field] = e
	}
	want := []struct{ key, login, old, new string }{
		{"bonus_score 2026/301/satisfaction score", "caiwu", "", "88"},
		{"bonus_run 2026 pool", "caiwu", "", "10000000.01"},
		{"bonus_run 2026 weight.public_welfare", "caiwu", "", "0.15"},
		{"bonus_run 2026 bonus.301", "caiwu", "", deptOf(t, res, "301").Bonus.String()},
		{"bonus_run 2026 status", "weiyuan", "draft", "approved"},
	}
	for _, w := range want {
		e, ok := seen[w.key]
		if !ok || e.Login != w.login || e.Old != w.old || e.New != w.new {
			t.Errorf("%s: %+v (found %v), want %s: %q → %q", w.key, e, ok, w.login, w.old, w.new)
		}
	}
}
