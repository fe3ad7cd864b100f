package prep

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// The whole cycle in the window: open 2027, fill and submit a proposal,
// issue a control figure from the consolidation, revise, approve, approve
// the hospital, and find the approved budget in the store.
func TestBudgetCycleInTheWindow(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.setYear(2027)
	s.Show(SectionBudget)
	b := s.prep
	if !hasText(b.Root, "2027年预算编制尚未启动") {
		t.Fatalf("banner: %q", texts(b.banner))
	}
	tapButton(t, b.Root, "启动2027年预算编制")
	confirmTop(t, s)
	if !b.status.Opened || len(b.status.Departments) != 28 {
		t.Fatalf("cycle not opened: %+v", b.status)
	}

	// 儿科 (103): fill from the prior-year estimate + 5%, then type one
	// figure the way accountants do.
	b.depts.selectCode("103")
	v := b.proposal
	if v.dept != "103" || v.mode() != modeProposal {
		t.Fatalf("proposal of %q in mode %d", v.dept, v.mode())
	}
	if !hasText(v.grid.root, "上年预计执行（9个月推算）") {
		t.Errorf("the prior-year column does not say it is an estimate: %q", texts(v.grid.header))
	}
	tapButton(t, v.actions, "按上年执行填充全部")
	first := v.grid.lines[0]
	test.Type(first.entry, "x")
	if !hasText(v.grid.status, "不是金额") {
		t.Errorf("a bad amount is not explained at the grid: %q", v.grid.status.Text)
	}
	first.entry.SetText("")
	test.Type(first.entry, "12.3万")
	if first.value != money.FromYuan(123000) {
		t.Fatalf("12.3万 read as %s", first.value)
	}
	var want money.Amount
	for _, gl := range v.grid.lines {
		if gl.line.Kind == domain.Expenditure {
			want += gl.value
		}
	}
	if !hasText(v.grid.totals, kit.Yuan(want)) {
		t.Errorf("the expenditure total %s is not shown live: %q", kit.Yuan(want), texts(v.grid.totals))
	}
	tapButton(t, v.actions, "保存")
	p, err := s.svc.Budgets.Proposal(s.ctx, s.actor, 2027, "103")
	if err != nil || p.Expenditure.Proposal != want {
		t.Fatalf("stored proposal %s, want %s (%v)", p.Expenditure.Proposal, want, err)
	}
	tapButton(t, v.actions, "上报")
	cancelStep(t, s, "上报", "不能再修改")
	if v.p.Dept.State != domain.StateDraft {
		t.Fatalf("上报 cancelled, yet the state is %s", v.p.Dept.State)
	}
	tapButton(t, v.actions, "上报")
	confirmTop(t, s)
	if v.p.Dept.State != domain.StateSubmitted {
		t.Fatalf("after submit: %s", v.p.Dept.State)
	}

	// The budget office issues a control figure 100,000 below the proposal.
	b.tabs.Select(b.consTab)
	row := -1
	for i, d := range b.consolidation.c.Departments {
		if d.DeptCode == "103" {
			row = i
		}
	}
	b.consolidation.table.Select(widget.TableCellID{Row: row + 1, Col: 0})
	tapButton(t, b.consolidation.root, "下达控制数")
	control := want - money.FromYuan(100000)
	entries := entriesIn(s.win.Canvas().Overlays().Top())
	entries[0].SetText(kit.Yuan(control))
	confirmTop(t, s)
	if v.p.Dept.State != domain.StateControlIssued || v.p.Dept.ControlTotal == nil || *v.p.Dept.ControlTotal != control {
		t.Fatalf("after issuing: %s %v", v.p.Dept.State, v.p.Dept.ControlTotal)
	}

	// Second up: the department cuts its biggest line by 100,000.
	b.tabs.Select(b.prepTab)
	if v.mode() != modeRevised {
		t.Fatalf("revision mode expected, got %d", v.mode())
	}
	big := v.grid.lines[0]
	for _, gl := range v.grid.lines {
		if gl.line.Kind == domain.Expenditure && gl.value > big.value {
			big = gl
		}
	}
	big.entry.SetText(kit.Yuan(big.value - money.FromYuan(100000)))
	tapButton(t, v.actions, "上报")
	confirmTop(t, s)
	if v.p.Dept.State != domain.StateRevised {
		t.Fatalf("after the second up: %s", v.p.Dept.State)
	}
	tapButton(t, v.actions, "批复")
	cancelStep(t, s, "批复", "不能再修改或退回")
	if v.p.Dept.State != domain.StateRevised {
		t.Fatalf("批复 cancelled, yet the state is %s", v.p.Dept.State)
	}
	tapButton(t, v.actions, "批复")
	confirmTop(t, s)
	if v.p.Dept.State != domain.StateApproved {
		t.Fatalf("after approval: %s", v.p.Dept.State)
	}

	// The other departments go through the same steps by the service.
	for _, d := range b.status.Departments {
		if d.DeptCode == "103" {
			continue
		}
		pr, _ := s.svc.Budgets.Proposal(s.ctx, s.actor, 2027, d.DeptCode)
		var edits []budgeting.LineEdit
		for _, l := range pr.Lines {
			edits = append(edits, budgeting.LineEdit{SubjectCode: l.SubjectCode, Amount: l.PriorBudget})
		}
		must(t, s.svc.Budgets.SaveProposal(s.ctx, s.actor, 2027, d.DeptCode, edits))
		must(t, s.svc.Budgets.Transition(s.ctx, s.actor, 2027, d.DeptCode, domain.ActSubmit, ""))
		ctl := money.FromYuan(1 << 40)
		must(t, s.svc.Budgets.IssueControl(s.ctx, s.actor, 2027, d.DeptCode, &ctl, ""))
		must(t, s.svc.Budgets.Transition(s.ctx, s.actor, 2027, d.DeptCode, domain.ActSubmit, ""))
		must(t, s.svc.Budgets.Transition(s.ctx, s.actor, 2027, d.DeptCode, domain.ActApprove, ""))
	}
	b.Refresh()
	tapButton(t, b.buttons, "批复全院预算（锁定）")
	confirmTop(t, s)
	view, err := s.svc.Budgets.Show(s.ctx, s.actor, 2027)
	if err != nil {
		t.Fatalf("no approved 2027 budget: %v", err)
	}
	for _, d := range view.Departments {
		if d.Code == "103" && d.Expenditure != control {
			t.Errorf("儿科 approved expenditure %s, want the control figure %s", d.Expenditure, control)
		}
	}
	if !hasText(b.banner, "批复锁定") || v.mode() != modeView {
		t.Errorf("after approval the screen still edits: %q mode %d", b.banner.Text, v.mode())
	}
	err = s.svc.Budgets.SaveProposal(s.ctx, s.actor, 2027, "103", nil)
	if ps := domain.AsProblems(err); len(ps) != 1 || ps[0].Key != "problem.prep.locked" {
		t.Errorf("editing a locked budget: %v", err)
	}
}

// Result application: the demo's poor unit of the latest finalised
// evaluation gets a suggested cut in the next budget's preparation, which
// the budget office accepts and then issues as the control figure.
func TestPoorEvaluationSuggestsACutInPreparation(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.setYear(2027)
	s.Show(SectionBudget)
	if _, err := s.svc.Budgets.OpenCycle(s.ctx, s.actor, 2027); err != nil {
		t.Fatal(err)
	}
	s.prep.Refresh()
	s.prep.depts.selectCode("502") // 设备科, graded poor in the demo's 2025 evaluation
	line := s.prep.proposal.suggest
	if !line.root.Visible() || line.sugg == nil || line.sugg.Grade != "poor" {
		t.Fatalf("no suggestion shown for 设备科: %+v", line.sugg)
	}
	if !hasText(line.root, "2025年绩效评价：差") || !hasText(line.root, "-10.0%") {
		t.Errorf("suggestion text %q", line.text.Text)
	}
	want := money.Amount(money.RoundDiv(line.sugg.Base.Fen()*9000, 10000))
	if line.sugg.Suggested != want {
		t.Errorf("suggested %s, want base %s less 10%% = %s", line.sugg.Suggested, line.sugg.Base, want)
	}
	tapButton(t, line.root, "采纳")
	if d, ok := line.decided(); !ok || d != want {
		t.Fatalf("decision not recorded: %v %v", d, ok)
	}
	// Submit, then issue control figures: the dialog starts at the decision.
	v := s.prep.proposal
	tapButton(t, v.actions, "按上年执行填充全部")
	tapButton(t, v.actions, "上报")
	confirmTop(t, s)
	v.issueControlDialog()
	entries := entriesIn(s.win.Canvas().Overlays().Top())
	if entries[0].Text != kit.Yuan(want) {
		t.Errorf("control figure starts at %q, want the decided %s", entries[0].Text, kit.Yuan(want))
	}
}

// Switching to a year without a cycle shows no department: nothing of the
// one open before stays (its suggestion with buttons that would decide it
// in the new year, its projects, its history).
func TestYearWithoutCycleKeepsNothingOfTheDepartment(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.setYear(2027)
	s.Show(SectionBudget)
	if _, err := s.svc.Budgets.OpenCycle(s.ctx, s.actor, 2027); err != nil {
		t.Fatal(err)
	}
	s.prep.Refresh()
	s.prep.depts.selectCode("502")
	v := s.prep.proposal
	if !v.suggest.root.Visible() || v.projects.dept != "502" {
		t.Fatalf("设备科 not open: suggestion %v, projects of %q", v.suggest.root.Visible(), v.projects.dept)
	}
	s.setYear(2025)
	if v.suggest.root.Visible() || v.suggest.sugg != nil {
		t.Errorf("the 2027 suggestion of 设备科 stays in 2025: %q", v.suggest.text.Text)
	}
	if v.projects.dept != "" || strings.Contains(v.projects.title.Text, "2027") {
		t.Errorf("projects panel still shows %q: %q", v.projects.dept, v.projects.title.Text)
	}
	if v.p.Dept.DeptCode != "" || v.history.Text != "" {
		t.Errorf("proposal %q, history %q stay", v.p.Dept.DeptCode, v.history.Text)
	}
}
