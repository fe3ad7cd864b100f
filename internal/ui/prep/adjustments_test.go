package prep

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

func openAdjustmentsTab(t *testing.T) (*testHost, *AdjustmentsTab) {
	t.Helper()
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.year = 2026
	a := newAdjustmentsTab(s)
	s.win.SetContent(a.root)
	a.Refresh()
	return s, a
}

// adjSubjectLabel is the choice shown for a subject code.
func adjSubjectLabel(t *testing.T, d *adjustmentRequestDialog, code string) string {
	t.Helper()
	for label, c := range d.subjectCode {
		if c == code {
			return label
		}
	}
	t.Fatalf("subject %s is not offered", code)
	return ""
}

func TestAdjustmentThroughTheDialogThenApproved(t *testing.T) {
	s, a := openAdjustmentsTab(t)
	ctx := context.Background()
	if !strings.Contains(a.status.Text, "第 1 版") || len(a.history.Versions) != 1 {
		t.Fatalf("status %q", a.status.Text)
	}
	old, err := s.svc.Store.PlanLine(ctx, 2026, "101", "30218")
	if err != nil {
		t.Fatal(err)
	}
	var counted int
	a.OnBudgetChanged = func() { counted++ }

	test.Tap(a.newRequest)
	d := a.request
	if d == nil {
		t.Fatal("the request form did not open")
	}
	for _, label := range d.subjectLabels {
		if strings.HasPrefix(label, "302 ") {
			t.Fatal("a parent subject is offered")
		}
	}
	r := d.rows[0]
	r.dept.SetSelected("101 产科")
	r.subject.SetSelected(adjSubjectLabel(t, d, "30218"))
	if r.current.Text != money.FormatPlain(old.Amount) || r.amount.Text != money.FormatPlain(old.Amount) {
		t.Errorf("current amount %q, entry %q", r.current.Text, r.amount.Text)
	}
	r.amount.SetText("1,500万")
	test.Tap(d.addRow)
	r2 := d.rows[1]
	r2.dept.SetSelected("101 产科")
	r2.subject.SetSelected(adjSubjectLabel(t, d, "31002"))
	if r2.current.Text != "无（新增）" {
		t.Errorf("new line shows %q", r2.current.Text)
	}
	r2.amount.SetText("36,000")
	test.Tap(d.addRow)
	test.Tap(d.rows[2].remove) // an empty row removed again
	if len(d.rows) != 2 {
		t.Fatalf("%d rows", len(d.rows))
	}

	// Without a category and a reason the service refuses, in the dialog.
	mpTap(t, s, "提交申请")
	if !strings.Contains(d.problem.Text, "原因类别") || !strings.Contains(d.problem.Text, "调整理由") {
		t.Errorf("refusal %q", d.problem.Text)
	}
	if h, _ := s.svc.Budgets.Adjustments(ctx, s.actor, 2026); len(h.Adjustments) != 0 {
		t.Fatal("a refused request was saved")
	}
	d.category.SetSelected("新增任务")
	d.reason.SetText("承担全市两癌筛查任务，耗材和设备需求增加")
	mpTap(t, s, "提交申请")
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("the form stayed open: %q", texts(top))
	}
	if len(a.history.Adjustments) != 1 || a.selected != 0 {
		t.Fatalf("list %+v, selected %d", a.history.Adjustments, a.selected)
	}
	adj := a.history.Adjustments[0]
	if adj.State != domain.AdjustmentRequested || adj.ExpenditureChange != 15_000_000_00-old.Amount+36_000_00 {
		t.Errorf("request %+v", adj)
	}
	if text, _ := a.listCell(0, 3); text != "待审批" {
		t.Errorf("state shows %q", text)
	}
	if text, _ := a.lineCell(0, 0); text != "101 产科" {
		t.Errorf("line shows %q", text)
	}

	test.Tap(a.approve)
	mpTap(t, s, "批准")
	if counted != 1 {
		t.Error("the budget-changed hook did not run")
	}
	now, _ := s.svc.Store.PlanLine(ctx, 2026, "101", "30218")
	if now.Amount != 15_000_000_00 {
		t.Errorf("store has %v", now.Amount)
	}
	v, err := s.svc.Budgets.Show(ctx, s.actor, 2026)
	if err != nil {
		t.Fatal(err)
	}
	shown := map[string]money.Amount{}
	for _, dep := range v.Departments {
		for _, l := range dep.Lines {
			shown[dep.Code+"/"+l.SubjectCode] = l.Amount
		}
	}
	if shown["101/30218"] != 15_000_000_00 || shown["101/31002"] != 36_000_00 {
		t.Errorf("budget show reports %v and %v", shown["101/30218"], shown["101/31002"])
	}
	if len(a.history.Versions) != 2 || !strings.Contains(a.status.Text, "第 2 版") {
		t.Errorf("versions %d, status %q", len(a.history.Versions), a.status.Text)
	}
	if text, _ := a.versionCell(1, 1); text != "第 1 号调整" {
		t.Errorf("version basis %q", text)
	}
	if !a.approve.Disabled() {
		t.Error("approve stays enabled after the decision")
	}
}

func TestRejectNeedsAComment(t *testing.T) {
	s, a := openAdjustmentsTab(t)
	ctx := context.Background()
	old, _ := s.svc.Store.PlanLine(ctx, 2026, "103", "30218")
	if _, err := s.svc.Budgets.RequestAdjustment(ctx, s.actor, 2026, "price", "集采降价", []domain.AdjustmentLine{{DeptCode: "103", SubjectCode: "30218", New: old.Amount - 100}}); err != nil {
		t.Fatal(err)
	}
	a.Refresh()
	a.list.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(a.reject)
	mpTap(t, s, "驳回")
	if top := s.win.Canvas().Overlays().Top(); top == nil || !hasText(top, "驳回第 1 号调整的理由") {
		t.Fatalf("missing comment not explained")
	}
	if a.history.Adjustments[0].State != domain.AdjustmentRequested {
		t.Error("rejected without a comment")
	}
}

func TestAdjustmentLimitFromTheTab(t *testing.T) {
	s, a := openAdjustmentsTab(t)
	a.limit.SetText("2")
	test.Tap(a.saveLimit)
	if n, _ := s.svc.Budgets.AdjustmentLimit(context.Background(), s.actor); n != 2 {
		t.Errorf("limit %d", n)
	}
	if !strings.Contains(a.status.Text, "每年最多 2 次") {
		t.Errorf("status %q", a.status.Text)
	}
	a.limit.SetText("两次")
	test.Tap(a.saveLimit)
	if top := s.win.Canvas().Overlays().Top(); top == nil || !hasText(top, "不是整数") {
		t.Error("a bad limit is not explained")
	}
}

// A request's reason, cut short in the list, is read whole above its
// lines once the request is selected.
func TestSelectedAdjustmentShowsItsWholeReason(t *testing.T) {
	s, a := openAdjustmentsTab(t)
	ctx := context.Background()
	old, _ := s.svc.Store.PlanLine(ctx, 2026, "103", "30218")
	reason := strings.Repeat("危重新生儿转入较上年增加约两成，专用材料和血液制品用量随之增加；", 3)
	if _, err := s.svc.Budgets.RequestAdjustment(ctx, s.actor, 2026, "deviation", reason, []domain.AdjustmentLine{{DeptCode: "103", SubjectCode: "30218", New: old.Amount + 100}}); err != nil {
		t.Fatal(err)
	}
	a.Refresh()
	if a.detail.Visible() {
		t.Errorf("a reason shown before a request is selected: %q", a.detail.Text)
	}
	row := -1
	for i, adj := range a.history.Adjustments {
		if adj.Reason == reason {
			row = i
		}
	}
	a.list.Select(widget.TableCellID{Row: row, Col: 0})
	if !a.detail.Visible() || !strings.Contains(a.detail.Text, reason) || !strings.Contains(a.detail.Text, "申请人 系统管理员") {
		t.Errorf("selected request's detail %q", a.detail.Text)
	}
}
