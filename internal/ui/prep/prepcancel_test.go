package prep

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// 取消本年度编制: shown to the budget office only; it asks for the reason
// and names who is signed in; Keep leaves the cycle, the confirmed step
// removes it and the year can take an import. With a department approved
// the action is disabled and the banner says why.
func TestCancelCycleInTheWindow(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	ctx := context.Background()
	if _, err := s.svc.Budgets.OpenCycle(ctx, s.actor, 2027); err != nil {
		t.Fatal(err)
	}
	s.actor = domain.Actor{Login: "wang", Name: "王主任", Role: domain.RoleCommittee}
	s.setYear(2027)
	s.Show(SectionBudget)
	b := s.prep
	if b.cancelBtn != nil || findButton(b.Root, "取消本年度编制") != nil {
		t.Fatal("the committee is offered the cancellation")
	}
	s.actor = domain.Actor{Login: "li", Name: "李会计", Role: domain.RoleBudgetOffice}
	b.Refresh()
	tapButton(t, b.Root, "取消本年度编制")
	top := s.win.Canvas().Overlays().Top()
	if top == nil || !hasText(top, "无法恢复") || !hasText(top, "当前登录：李会计 (li)，预算办公室。") {
		t.Fatalf("dialog: %q", texts(top))
	}
	confirm := findButton(top, "取消本年度编制")
	if confirm == nil || !confirm.Disabled() {
		t.Fatal("the step can be confirmed without a reason")
	}
	tapButton(t, top, "保留编制")
	if st, _ := s.svc.Budgets.Status(ctx, s.actor, 2027); !st.Opened {
		t.Fatal("keeping the preparation cancelled it")
	}

	tapButton(t, b.Root, "取消本年度编制")
	top = s.win.Canvas().Overlays().Top()
	entriesIn(top)[0].SetText("全院编制口径调整，重新编制")
	tapButton(t, top, "取消本年度编制")
	if top := s.win.Canvas().Overlays().Top(); top == nil || !hasText(top, "2027年预算编制已取消") {
		t.Errorf("no confirmation of the cancellation")
	}
	if st, _ := s.svc.Budgets.Status(ctx, s.actor, 2027); st.Opened {
		t.Fatal("the cycle is still there")
	}
	if !strings.Contains(b.banner.Text, "2027年预算编制尚未启动") {
		t.Errorf("banner after the cancellation: %q", b.banner.Text)
	}

	// Prepared again: one approved department keeps the cycle.
	if _, err := s.svc.Budgets.OpenCycle(ctx, s.actor, 2027); err != nil {
		t.Fatal(err)
	}
	if err := s.svc.Store.SetDeptPosition(ctx, s.actor, 2027, "103", domain.PrepPosition{State: domain.StateApproved, Round: 2}); err != nil {
		t.Fatal(err)
	}
	b.Refresh()
	if b.cancelBtn == nil || !b.cancelBtn.Disabled() {
		t.Fatal("the cancellation is offered with a department approved")
	}
	if !strings.Contains(b.banner.Text, "不能取消本年度编制") || !strings.Contains(b.banner.Text, "预算调整") {
		t.Errorf("no reason given: %q", b.banner.Text)
	}
	test.Tap(b.cancelBtn) // a disabled button does nothing
	if st, _ := s.svc.Budgets.Status(ctx, s.actor, 2027); !st.Opened {
		t.Error("the cycle went")
	}
}
