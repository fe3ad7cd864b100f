package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// The import screen refuses a budget for a year whose preparation cycle
// is running, says what to do, and writes nothing.
func TestImportScreenRefusesYearWithOpenCycle(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	ctx := context.Background()
	if _, err := s.svc.Budgets.OpenCycle(ctx, s.actor, 2027); err != nil {
		t.Fatal(err)
	}
	s.Show(SectionImport)
	im := s.importer
	im.path.SetText(filepath.Join(samples, "budget_long_title_rows.xlsx"))
	im.year.SetText("2027")
	test.Tap(im.previewBtn)
	if im.preview != nil || !strings.Contains(im.problems.Text, "预算编制正在进行中") || !strings.Contains(im.problems.Text, "完成编制") ||
		!strings.Contains(im.problems.Text, "预算编制 › 取消本年度编制") {
		t.Errorf("preview %v, problems %q", im.preview != nil, im.problems.Text)
	}
	if ok, _ := s.svc.Store.BudgetExists(ctx, 2027); ok {
		t.Error("a budget was written into the cycle's year")
	}
	if st, _ := s.svc.Budgets.Status(ctx, s.actor, 2027); !st.Opened || st.Locked() || st.ApprovedBudget {
		t.Errorf("the cycle changed: %+v", st.Cycle)
	}
}

// The window opens on the calendar year, not on a later year that has a
// budget already.
func TestWindowOpensOnTheCurrentYear(t *testing.T) {
	now := time.Now().Year()
	path := demoDB(t, now)
	s, _ := startApp(t, path, "zh")
	if s.year != now {
		t.Errorf("opened on %d, want %d", s.year, now)
	}
	for _, c := range []struct {
		years []int
		want  int
	}{{nil, 2026}, {[]int{2027, 2026, 2025}, 2026}, {[]int{2027, 2025}, 2025}, {[]int{2027}, 2026}} {
		if got := openingYear(2026, func() ([]int, error) { return c.years, nil }); got != c.want {
			t.Errorf("budgets %v: opens on %d, want %d", c.years, got, c.want)
		}
	}
}

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
