package budgeting_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/demo"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

var (
	ctx = context.Background()
	me  = domain.LocalUser
)

// openDemo is a database with the demo hospital's 2025 and 2026 budgets,
// without the demo's adjustments and 2027 preparation (the tests run their own).
func openDemo(t *testing.T) *services.Services {
	t.Helper()
	svc, err := services.Open(ctx, enginetest.File(t, filepath.Join(t.TempDir(), "demo.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	if _, err := svc.Demo.LoadScope(ctx, me, 2026, demo.BaseOnly); err != nil {
		t.Fatal(err)
	}
	return svc
}

func problemKey(t *testing.T, err error) string {
	t.Helper()
	ps := domain.AsProblems(err)
	if len(ps) == 0 {
		t.Fatalf("want a problem, got %v", err)
	}
	return ps[0].Key
}

// fillBaseline proposes prior-year actual × 1.05 on every line of dept.
func fillBaseline(t *testing.T, svc *services.Services, year int, dept string) money.Amount {
	t.Helper()
	p, err := svc.Budgets.Proposal(ctx, me, year, dept)
	if err != nil {
		t.Fatal(err)
	}
	var edits []budgeting.LineEdit
	var total money.Amount
	for _, l := range p.Lines {
		a := domain.Baseline(l.PriorActual, 500)
		edits = append(edits, budgeting.LineEdit{SubjectCode: l.SubjectCode, Amount: a})
		total += a
	}
	if err := svc.Budgets.SaveProposal(ctx, me, year, dept, edits); err != nil {
		t.Fatal(err)
	}
	return total
}

func TestFullCycleOnDemo(t *testing.T) {
	svc := openDemo(t)
	b := svc.Budgets
	n, err := b.OpenCycle(ctx, me, 2027)
	if err != nil {
		t.Fatal(err)
	}
	if n != 28 { // 27 departments and the hospital-wide unit, which the demo budgets
		t.Errorf("cycle opened for %d departments, want 28", n)
	}
	if _, err := b.OpenCycle(ctx, me, 2027); problemKey(t, err) != "problem.prep.cycle_exists" {
		t.Errorf("opening twice: %v", err)
	}
	if _, err := b.OpenCycle(ctx, me, 2026); problemKey(t, err) != "problem.prep.budget_exists" {
		t.Errorf("opening an approved year: %v", err)
	}

	p, err := b.Proposal(ctx, me, 2027, "103")
	if err != nil {
		t.Fatal(err)
	}
	if p.PriorMonths != 9 || len(p.Lines) == 0 || p.Expenditure.PriorBudget == 0 || p.Expenditure.PriorActual == 0 {
		t.Fatalf("proposal of 103 lacks prior-year figures: months %d, %d lines, %+v", p.PriorMonths, len(p.Lines), p.Expenditure)
	}

	// An empty proposal cannot go up.
	if err := b.Transition(ctx, me, 2027, "103", domain.ActSubmit, ""); problemKey(t, err) != "problem.prep.empty" {
		t.Errorf("submitting an empty proposal: %v", err)
	}
	var status budgeting.Status
	for _, d := range mustStatus(t, b).Departments {
		fillBaseline(t, svc, 2027, d.DeptCode)
		if err := b.Transition(ctx, me, 2027, d.DeptCode, domain.ActSubmit, ""); err != nil {
			t.Fatalf("submit %s: %v", d.DeptCode, err)
		}
	}
	// The budget office returns one, the department resubmits.
	if err := b.Transition(ctx, me, 2027, "103", domain.ActReturn, "请核减办公费"); err != nil {
		t.Fatal(err)
	}
	if err := b.SaveProposal(ctx, me, 2027, "103", nil); err != nil {
		t.Fatalf("a returned proposal is editable: %v", err)
	}
	if err := b.Transition(ctx, me, 2027, "103", domain.ActSubmit, "已核减"); err != nil {
		t.Fatal(err)
	}
	if err := b.SaveProposal(ctx, me, 2027, "103", nil); problemKey(t, err) != "problem.prep.not_editable" {
		t.Errorf("editing a submitted proposal: %v", err)
	}

	// Control figures: 103 gets a total 1,000,000.00 below its proposal.
	cons, err := b.Consolidation(ctx, me, 2027)
	if err != nil {
		t.Fatal(err)
	}
	var proposed money.Amount
	for _, d := range cons.Departments {
		if d.DeptCode == "103" {
			proposed = d.ExpFinal
		}
	}
	control := proposed - money.FromYuan(1000000)
	status = mustStatus(t, b)
	for _, d := range status.Departments {
		var total *money.Amount
		if d.DeptCode == "103" {
			total = &control
		} else {
			c := money.FromYuan(1 << 40)
			total = &c
		}
		if err := b.IssueControl(ctx, me, 2027, d.DeptCode, total, ""); err != nil {
			t.Fatalf("issue control %s: %v", d.DeptCode, err)
		}
	}
	// Revising within control: 103 must cut; the first attempt is over.
	if err := b.Transition(ctx, me, 2027, "103", domain.ActSubmit, ""); problemKey(t, err) != "problem.prep.over_control" {
		t.Errorf("revision over control: %v", err)
	}
	p, _ = b.Proposal(ctx, me, 2027, "103")
	cut := p.Lines[len(p.Lines)-1]
	for _, l := range p.Lines {
		if l.Kind == domain.Expenditure && l.Final() > cut.Final() {
			cut = l
		}
	}
	if err := b.SaveProposal(ctx, me, 2027, "103", []budgeting.LineEdit{{SubjectCode: cut.SubjectCode, Amount: cut.Final() - money.FromYuan(1000000), Note: "按控制数核减"}}); err != nil {
		t.Fatal(err)
	}
	for _, d := range status.Departments {
		if err := b.Transition(ctx, me, 2027, d.DeptCode, domain.ActSubmit, ""); err != nil {
			t.Fatalf("second up %s: %v", d.DeptCode, err)
		}
	}
	if _, err := b.ApproveHospital(ctx, me, 2027); problemKey(t, err) != "problem.prep.not_all_approved" {
		t.Errorf("approving with departments pending: %v", err)
	}
	for _, d := range status.Departments {
		if err := b.Transition(ctx, me, 2027, d.DeptCode, domain.ActApprove, ""); err != nil {
			t.Fatalf("approve %s: %v", d.DeptCode, err)
		}
	}
	lines, err := b.ApproveHospital(ctx, me, 2027)
	if err != nil {
		t.Fatal(err)
	}
	view, err := b.Show(ctx, me, 2027)
	if err != nil {
		t.Fatal(err)
	}
	if view.Lines() != lines || lines == 0 {
		t.Errorf("approved budget has %d lines, approval wrote %d", view.Lines(), lines)
	}
	for _, d := range view.Departments {
		if d.Code == "103" && d.Expenditure != control {
			t.Errorf("103 approved expenditure %s, want the control figure %s", d.Expenditure, control)
		}
	}
	// Locked: no more editing, no more steps.
	if err := b.SaveProposal(ctx, me, 2027, "101", nil); problemKey(t, err) != "problem.prep.locked" {
		t.Errorf("editing a locked budget: %v", err)
	}
	if err := b.Transition(ctx, me, 2027, "101", domain.ActReturn, "x"); problemKey(t, err) != "problem.prep.locked" {
		t.Errorf("returning in a locked cycle: %v", err)
	}
	hist, err := b.History(ctx, me, 2027, "103")
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 6 || hist[1].Action != domain.ActReturn || hist[1].Comment != "请核减办公费" || hist[1].By != me.Login {
		t.Errorf("history of 103: %+v", hist)
	}
}

func mustStatus(t *testing.T, b interface {
	Status(context.Context, domain.Actor, int) (budgeting.Status, error)
}) budgeting.Status {
	t.Helper()
	st, err := b.Status(ctx, me, 2027)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// No target, no budget: a department with a project lacking its output and
// benefit targets cannot submit.
func TestSubmitRefusesProjectWithoutTargets(t *testing.T) {
	svc := openDemo(t)
	b := svc.Budgets
	if _, err := b.OpenCycle(ctx, me, 2027); err != nil {
		t.Fatal(err)
	}
	fillBaseline(t, svc, 2027, "302")
	p := domain.Project{Year: 2027, DeptCode: "302", Name: "两癌筛查项目", Type: domain.ProjectPublicHealth, SubjectCode: "30227",
		Amount: money.FromYuan(800000), StartYear: 2027, EndYear: 2027,
		Funding: domain.Funding{Fiscal: money.FromYuan(800000)}, AnnualGoal: "筛查12000人。"}
	id, err := b.SaveProject(ctx, me, p)
	if err != nil {
		t.Fatal(err)
	}
	err = b.Transition(ctx, me, 2027, "302", domain.ActSubmit, "")
	if ps := domain.AsProblems(err); len(ps) != 1 || ps[0].Key != "problem.project.targets" {
		t.Fatalf("submitting a project without targets: %v", err)
	}
	p.ID = id
	p.Targets = []domain.Target{{Category: domain.TargetQuantity, Indicator: "筛查人数", Value: "12000", Unit: "人", Direction: domain.DirHigher}}
	if _, err := b.SaveProject(ctx, me, p); err != nil {
		t.Fatal(err)
	}
	if err := b.Transition(ctx, me, 2027, "302", domain.ActSubmit, ""); problemKey(t, err) != "problem.project.targets" {
		t.Fatalf("output target only: %v", err)
	}
	p.Targets = append(p.Targets, domain.Target{Category: domain.TargetSocial, Indicator: "早诊率", Value: "80", Unit: "%", Direction: domain.DirHigher})
	if _, err := b.SaveProject(ctx, me, p); err != nil {
		t.Fatal(err)
	}
	if err := b.Transition(ctx, me, 2027, "302", domain.ActSubmit, ""); err != nil {
		t.Fatalf("with targets: %v", err)
	}
	st, _ := b.Status(ctx, me, 2027)
	for _, d := range st.Departments {
		if d.DeptCode == "302" && d.State != domain.StateSubmitted {
			t.Errorf("302 is %s", d.State)
		}
	}
}
