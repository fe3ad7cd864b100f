package prep

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// The adjustment form refuses a cut below what the line has already
// spent, saying how much to ask for at least; nothing is saved.
func TestAdjustmentBelowSpentIsRefusedInTheForm(t *testing.T) {
	s, a := openAdjustmentsTab(t)
	ctx := context.Background()
	before, _ := s.svc.Store.PlanLine(ctx, 2026, "101", "30218")
	test.Tap(a.newRequest)
	d := a.request
	r := d.rows[0]
	r.dept.SetSelected("101 产科")
	r.subject.SetSelected(adjSubjectLabel(t, d, "30218"))
	r.amount.SetText("1")
	d.category.SetSelected("新增任务")
	d.reason.SetText("压减办公支出")
	mpTap(t, s, "提交申请")
	if !strings.Contains(d.problem.Text, "已发生") || !strings.Contains(d.problem.Text, "请申请不少于") {
		t.Errorf("refusal %q", d.problem.Text)
	}
	if h, _ := s.svc.Budgets.Adjustments(ctx, s.actor, 2026); len(h.Adjustments) != 0 {
		t.Error("a refused request was saved")
	}
	if after, _ := s.svc.Store.PlanLine(ctx, 2026, "101", "30218"); after.Amount != before.Amount {
		t.Error("the budget changed")
	}
	_ = domain.LocalUser
}

// In a year whose bonus allocation is approved, the adjustment form
// refuses a change of 绩效工资 (30107), which capped the pool, and says
// why; nothing is saved.
func TestAdjustmentOfPerformancePayRefusedOnceBonusApproved(t *testing.T) {
	s, a := openAdjustmentsTab(t)
	ctx := context.Background()
	res, err := s.svc.Bonus.Compute(ctx, s.actor, 2026, money.FromYuan(1_000_000), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.svc.Bonus.Save(ctx, s.actor, res, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.svc.Bonus.Approve(ctx, s.actor, 2026); err != nil {
		t.Fatal(err)
	}
	before, _ := s.svc.Store.PlanLine(ctx, 2026, "101", domain.PerformancePaySubject)
	test.Tap(a.newRequest)
	d := a.request
	r := d.rows[0]
	r.dept.SetSelected("101 产科")
	r.subject.SetSelected(adjSubjectLabel(t, d, domain.PerformancePaySubject))
	r.amount.SetText(kit.Yuan(before.Amount + money.FromYuan(10_000)))
	d.category.SetSelected("新增任务")
	d.reason.SetText("提高绩效工资")
	mpTap(t, s, "提交申请")
	if !strings.Contains(d.problem.Text, "绩效奖金分配已于") || !strings.Contains(d.problem.Text, "30107") {
		t.Errorf("refusal %q", d.problem.Text)
	}
	if h, _ := s.svc.Budgets.Adjustments(ctx, s.actor, 2026); len(h.Adjustments) != 0 {
		t.Error("a refused request was saved")
	}
	if after, _ := s.svc.Store.PlanLine(ctx, 2026, "101", domain.PerformancePaySubject); after.Amount != before.Amount {
		t.Error("the budget changed")
	}
}
