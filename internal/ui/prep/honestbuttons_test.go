package prep

import (
	"slices"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// A department head sees no step they may not take as if they could:
// 汇总审核, 采纳, 调整… and the budget office's steps are not offered (the
// suggestion says who decides), and 批复全院预算 is disabled saying why.
func TestDepartmentHeadSeesStepsTheyMayNotTakeDisabled(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.setYear(2027)
	s.Show(SectionBudget)
	if _, err := s.svc.Budgets.OpenCycle(s.ctx, s.actor, 2027); err != nil {
		t.Fatal(err)
	}
	s.prep.Refresh()
	if !slices.Contains(s.prep.tabs.Items, s.prep.consTab) {
		t.Fatal("the administrator does not see 汇总审核")
	}
	// The administrator's 批复全院预算 waits for the departments, and says so.
	approve := findButton(s.prep.buttons, "批复全院预算（锁定）")
	if approve == nil || !approve.Disabled() || !hasText(s.prep.banner, "待全部科室批复后可批复全院预算（尚有") {
		t.Errorf("批复全院预算 does not say what it waits for: %q", s.prep.banner.Text)
	}

	s.actor = domain.Actor{Login: "li", Name: "李主任", Role: domain.RoleDeptHead, Departments: []string{"502"}}
	s.prep.Refresh()
	if slices.Contains(s.prep.tabs.Items, s.prep.consTab) {
		t.Error("a department head sees 汇总审核")
	}
	s.prep.depts.selectCode("502")
	line := s.prep.proposal.suggest
	if !line.root.Visible() {
		t.Fatal("no suggestion shown to the head of 设备科")
	}
	if findButton(line.root, "采纳") != nil || findButton(line.root, "调整…") != nil || !hasText(line.root, "由预算办决定") {
		t.Errorf("a department head is offered 采纳/调整… or not told who decides: %q", texts(line.root))
	}
	for _, name := range []string{"下达控制数", "批复", "退回修改"} {
		if findButton(s.prep.proposal.actions, name) != nil {
			t.Errorf("a department head is offered %s", name)
		}
	}
	if b := findButton(s.prep.buttons, "批复全院预算（锁定）"); b == nil || !b.Disabled() || !hasText(s.prep.banner, "科室负责人") {
		t.Errorf("批复全院预算 for a department head: %q", s.prep.banner.Text)
	}
	s.prep.adjustments.Refresh()
	if s.prep.adjustments.approve.Visible() || s.prep.adjustments.reject.Visible() {
		t.Error("a department head is offered to approve or reject adjustments")
	}
	// Their own step, 上报, stays enabled.
	if b := findButton(s.prep.proposal.actions, "上报"); b == nil || b.Disabled() {
		t.Errorf("上报 for the head's own department: %q", texts(s.prep.proposal.actions))
	}
}
