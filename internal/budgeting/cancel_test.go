package budgeting_test

import (
	"fmt"
	"strings"
	"testing"

	. "github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/store/sqlfixture"
)

// storeState is every row of the tables a cycle, its cancellation or an
// adjustment could touch, as text: equal before and after a refusal.
func storeState(t *testing.T, st *store.Store) string {
	t.Helper()
	return sqlfixture.Rows(t, st.Path(), "prep_cycles", "prep_departments", "prep_lines", "prep_transitions", "projects", "project_targets",
		"budgets", "budget_lines", "budget_line_months", "budget_adjustments", "budget_adjustment_lines", "audit_log")
}

// refusedCancel expects CancelCycle to be refused with key and nothing to change.
func refusedCancel(t *testing.T, svc *Service, st *store.Store, by domain.Actor, year int, reason, key string) {
	t.Helper()
	before := storeState(t, st)
	if _, err := svc.CancelCycle(mctx, by, year, reason); mpProblem(err) != key {
		t.Errorf("cancel %d as %s: %v, want %s", year, by.Role, err, key)
	}
	if storeState(t, st) != before {
		t.Errorf("cancel %d as %s: the refusal changed the database", year, by.Role)
	}
}

// The budget office cancels a cycle in progress: proposals, projects and
// steps go in one transaction, the trail keeps the reason and what went,
// and the year can be prepared afresh. Once a department is approved, or
// the hospital budget, the cycle stays.
func TestCancelCycle(t *testing.T) {
	svc, st := monthlyTestService(t)
	me := domain.LocalUser
	n, err := svc.OpenCycle(mctx, me, 2027)
	if err != nil {
		t.Fatal(err)
	}
	p := domain.Project{Year: 2027, DeptCode: "103", Name: "儿科设备更新", Type: domain.ProjectEquipment, SubjectCode: "30218", Amount: 100000,
		StartYear: 2027, EndYear: 2027, Targets: []domain.Target{{Category: domain.TargetQuantity, Indicator: "设备台数", Value: "3", Unit: "台", Direction: domain.DirHigher}}}
	if _, err := svc.SaveProject(mctx, me, p); err != nil {
		t.Fatal(err)
	}
	office := domain.Actor{Login: "li", Role: domain.RoleBudgetOffice}
	refusedCancel(t, svc, st, office, 2027, "  ", "problem.prep.cancel_reason")
	refusedCancel(t, svc, st, domain.Actor{Login: "wang", Role: domain.RoleCommittee}, 2027, "重新编制", "problem.access.denied")
	refusedCancel(t, svc, st, domain.Actor{Login: "zhang", Role: domain.RoleDeptHead, Departments: []string{"103"}}, 2027, "重新编制", "problem.access.denied")
	refusedCancel(t, svc, st, office, 2026, "重新编制", "problem.prep.cancel_approved")
	refusedCancel(t, svc, st, office, 2028, "重新编制", "problem.prep.cancel_no_cycle")

	lines, _ := st.PrepLines(mctx, 2027, "")
	removed, err := svc.CancelCycle(mctx, office, 2027, "编制口径调整，重新编制")
	if err != nil {
		t.Fatal(err)
	}
	if removed.Departments != n || removed.Lines != len(lines) || removed.Projects != 1 {
		t.Errorf("removed %+v, want %d departments, %d lines, 1 project", removed, n, len(lines))
	}
	if _, ok, _ := st.Cycle(mctx, 2027); ok {
		t.Error("the cycle is still there")
	}
	if ps, _ := st.Projects(mctx, 2027, ""); len(ps) != 0 {
		t.Errorf("%d projects left", len(ps))
	}
	if ls, _ := st.PrepLines(mctx, 2027, ""); len(ls) != 0 {
		t.Errorf("%d lines left", len(ls))
	}
	entries, err := st.AuditEntries(mctx, store.AuditFilter{Entity: logbook.EntityPrepCycle, EntityKey: "2027"})
	if err != nil {
		t.Fatal(err)
	}
	last := entries[len(entries)-1]
	if last.Field != "contents" || last.Reason != "编制口径调整，重新编制" || last.Login != "li" ||
		!strings.Contains(last.Old, fmt.Sprintf("%d departments, %d lines", n, len(lines))) {
		t.Errorf("trail: %+v", last)
	}

	// Prepared afresh; one approved department keeps the cycle.
	if _, err := svc.OpenCycle(mctx, me, 2027); err != nil {
		t.Fatalf("reopening after the cancellation: %v", err)
	}
	// (The two rounds that lead there are TestFullCycleOnDemo's.)
	if err := st.SetDeptPosition(mctx, me, 2027, "103", domain.PrepPosition{State: domain.StateApproved, Round: 2}); err != nil {
		t.Fatal(err)
	}
	refusedCancel(t, svc, st, office, 2027, "重新编制", "problem.prep.cancel_dept_approved")
}
