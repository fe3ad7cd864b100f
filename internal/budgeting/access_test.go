package budgeting_test

import (
	"testing"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/store"
)

var (
	head      = domain.Actor{Login: "zhang", Name: "张主任", Role: domain.RoleDeptHead, Departments: []string{"103"}}
	finance   = domain.Actor{Login: "li", Role: domain.RoleBudgetOffice}
	committee = domain.Actor{Login: "chen", Role: domain.RoleCommittee}
	auditor   = domain.Actor{Login: "wang", Role: domain.RoleAuditor}
)

// A department head sees and changes their own department's proposal and
// nobody else's; the service refuses, not just the screen.
func TestDepartmentHeadScope(t *testing.T) {
	svc := openDemo(t)
	b := svc.Budgets
	if _, err := b.OpenCycle(ctx, me, 2027); err != nil {
		t.Fatal(err)
	}
	if _, err := b.OpenCycle(ctx, head, 2028); problemKey(t, err) != "problem.access.denied" {
		t.Errorf("head opens a cycle: %v", err)
	}
	st, err := b.Status(ctx, head, 2027)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Departments) != 1 || st.Departments[0].DeptCode != "103" {
		t.Errorf("head's status lists %d departments", len(st.Departments))
	}
	if all, _ := b.Status(ctx, auditor, 2027); len(all.Departments) != 28 {
		t.Errorf("auditor sees %d departments, want 28", len(all.Departments))
	}
	own, err := b.Proposal(ctx, head, 2027, "103")
	if err != nil {
		t.Fatal(err)
	}
	other := "101"
	edit := []budgeting.LineEdit{{SubjectCode: own.Lines[0].SubjectCode, Amount: 12345}}
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"read another's proposal", func() error { _, err := b.Proposal(ctx, head, 2027, other); return err }(), "problem.access.not_own_dept"},
		{"edit another's proposal", b.SaveProposal(ctx, head, 2027, other, edit), "problem.access.not_own_dept"},
		{"add lines to another's", b.AddLines(ctx, head, 2027, other, []string{"30201"}), "problem.access.not_own_dept"},
		{"remove another's line", b.RemoveLine(ctx, head, 2027, other, "30201"), "problem.access.not_own_dept"},
		{"submit another's", b.Transition(ctx, head, 2027, other, domain.ActSubmit, ""), "problem.access.not_own_dept"},
		{"another's history", func() error { _, err := b.History(ctx, head, 2027, other); return err }(), "problem.access.not_own_dept"},
		{"another's projects", func() error { _, err := b.Projects(ctx, head, 2027, other); return err }(), "problem.access.not_own_dept"},
		{"issue control", b.IssueControl(ctx, head, 2027, "103", nil, ""), "problem.access.denied"},
		{"approve own", b.Transition(ctx, head, 2027, "103", domain.ActApprove, ""), "problem.access.denied"},
		{"approve the hospital", func() error { _, err := b.ApproveHospital(ctx, head, 2027); return err }(), "problem.access.denied"},
		{"auditor edits", b.SaveProposal(ctx, auditor, 2027, "103", edit), "problem.access.denied"},
		{"committee edits", b.SaveProposal(ctx, committee, 2027, "103", edit), "problem.access.denied"},
		{"finance approves the hospital", func() error { _, err := b.ApproveHospital(ctx, finance, 2027); return err }(), "problem.access.denied"},
		{"head adjusts another's budget", func() error {
			_, err := b.RequestAdjustment(ctx, head, 2026, "policy", "x", []domain.AdjustmentLine{{DeptCode: other, SubjectCode: "30218", New: 1}})
			return err
		}(), "problem.access.not_own_dept"},
		{"finance decides an adjustment", func() error { _, err := b.DecideAdjustment(ctx, finance, 1, true, ""); return err }(), "problem.access.denied"},
	}
	for _, tt := range tests {
		if got := problemKey(t, tt.err); got != tt.want {
			t.Errorf("%s: %s (%v), want %s", tt.name, got, tt.err, tt.want)
		}
	}
	// What a head may do on their own department works.
	if err := b.SaveProposal(ctx, head, 2027, "103", edit); err != nil {
		t.Fatalf("head edits own: %v", err)
	}
	if h, err := b.History(ctx, head, 2027, ""); err != nil {
		t.Fatal(err)
	} else {
		for _, tr := range h {
			if tr.DeptCode != "103" {
				t.Errorf("head's history shows %s", tr.DeptCode)
			}
		}
	}
	c, err := b.Consolidation(ctx, head, 2027)
	if err != nil || len(c.Departments) != 1 {
		t.Errorf("head's consolidation: %d departments, %v", len(c.Departments), err)
	}
}

// Changes to money are recorded with old and new value, who and why, and
// the chain verifies.
func TestChangesAreAudited(t *testing.T) {
	svc := openDemo(t)
	b := svc.Budgets
	if _, err := b.OpenCycle(ctx, me, 2027); err != nil {
		t.Fatal(err)
	}
	p, err := b.Proposal(ctx, head, 2027, "103")
	if err != nil {
		t.Fatal(err)
	}
	l := p.Lines[0]
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(b.SaveProposal(ctx, head, 2027, "103", []budgeting.LineEdit{{SubjectCode: l.SubjectCode, Amount: money.Amount(123456), Note: "新设备"}}))
	fillBaseline(t, svc, 2027, "103")
	must(b.Transition(ctx, head, 2027, "103", domain.ActSubmit, "请审核"))
	total := money.Amount(99_000_000_00)
	must(b.IssueControl(ctx, finance, 2027, "103", &total, "控制数"))

	rows, err := svc.Store.AuditEntries(ctx, store.AuditFilter{EntityKey: "2027/103"})
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ login, entity, field, old, new, reason string }
	want := []row{
		{"zhang", logbook.EntityPrepLine, "proposal", l.Proposal.String(), "1234.56", ""},
		{"zhang", logbook.EntityPrepLine, "note", "", "新设备", ""},
		{"zhang", logbook.EntityPrepDept, "state", "draft", "submitted", "请审核"},
		{"li", logbook.EntityPrepDept, "control_total", "", "99000000.00", ""},
		{"li", logbook.EntityPrepDept, "state", "submitted", "control_issued", "控制数"},
	}
	var got []row
	for _, r := range rows {
		if r.Field == "proposal" && r.Login == "local" {
			continue // fillBaseline's edits
		}
		if r.Field == "note" && r.Login == "local" {
			continue
		}
		got = append(got, row{r.Login, r.Entity, r.Field, r.Old, r.New, r.Reason})
	}
	if len(got) != len(want) {
		t.Fatalf("audit rows:\n%v\nwant\n%v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d: %v, want %v", i, got[i], want[i])
		}
	}
	// A refused change leaves no record.
	before, _ := svc.Store.AuditEntries(ctx, store.AuditFilter{})
	_ = b.SaveProposal(ctx, head, 2027, "101", []budgeting.LineEdit{{SubjectCode: l.SubjectCode, Amount: 1}})
	after, _ := svc.Store.AuditEntries(ctx, store.AuditFilter{})
	if len(after) != len(before) {
		t.Error("a refused change was recorded")
	}
	if r, err := svc.Audit.Verify(ctx, auditor); err != nil || !r.OK {
		t.Errorf("verify: %+v %v", r, err)
	}
}
